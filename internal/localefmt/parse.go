package localefmt

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// englishMonths maps lower-case English month names and their usual
// abbreviations to months.
var englishMonths = map[string]time.Month{
	"january": time.January, "jan": time.January,
	"february": time.February, "feb": time.February,
	"march": time.March, "mar": time.March,
	"april": time.April, "apr": time.April,
	"may":  time.May,
	"june": time.June, "jun": time.June,
	"july": time.July, "jul": time.July,
	"august": time.August, "aug": time.August,
	"september": time.September, "sep": time.September, "sept": time.September,
	"october": time.October, "oct": time.October,
	"november": time.November, "nov": time.November,
	"december": time.December, "dec": time.December,
}

var (
	parseDMY = regexp.MustCompile(`^(?i)(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})$`)
	parseMDY = regexp.MustCompile(`^(?i)([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$`)
)

// ParseEnglishDate reads one English date: "18 November 2021",
// "November 18, 2021", "18 Nov 2021" (also "18th", "Sept.", any letter
// case). The result is midnight UTC. It reports false for anything else,
// including impossible dates such as 31 April.
func ParseEnglishDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if m := parseDMY.FindStringSubmatch(s); m != nil {
		return englishDate(m[3], m[2], m[1])
	}
	if m := parseMDY.FindStringSubmatch(s); m != nil {
		return englishDate(m[3], m[1], m[2])
	}
	return time.Time{}, false
}

// englishDate builds a date from its year, month name and day, refusing
// days the month does not have.
func englishDate(year, month, day string) (time.Time, bool) {
	mo, ok := englishMonths[strings.ToLower(month)]
	if !ok {
		return time.Time{}, false
	}
	y, err1 := strconv.Atoi(year)
	d, err2 := strconv.Atoi(day)
	if err1 != nil || err2 != nil || d < 1 {
		return time.Time{}, false
	}
	t := time.Date(y, mo, d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d || t.Month() != mo {
		return time.Time{}, false
	}
	return t, true
}
