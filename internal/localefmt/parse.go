package localefmt

import (
	"regexp"
	"sort"
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

// Pieces of the English date patterns. Month names must be capitalised in
// running text (so that the verb "may" is no month); longer names come first
// because Go's regexp prefers the leftmost alternative.
const (
	reMonth = `(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?`
	reDay   = `\b(\d{1,2})(?:st|nd|rd|th)?`
	reYear  = `(\d{4})\b`
	reDash  = `\s*[-–—]\s*`
)

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

// Mention is a date or date range found in English text, with byte offsets,
// for the drafter to replace.
type Mention struct {
	Start, End int       // byte offsets of the mention in the text, End exclusive
	From, To   time.Time // the dates, midnight UTC; To equals From for a single date
	Range      bool      // whether the mention is a range
}

// datePattern is one English date shape; fields give, for from and to, the
// submatch numbers of day, month and year (0 means "take it from the other
// end").
type datePattern struct {
	re       *regexp.Regexp
	from, to [3]int // day, month, year
}

var findPatterns = []datePattern{
	// 30 December 2021 - 2 January 2022
	{regexp.MustCompile(reDay + `\s+` + reMonth + `,?\s+` + reYear + reDash + reDay + `\s+` + reMonth + `,?\s+` + reYear), [3]int{1, 2, 3}, [3]int{4, 5, 6}},
	// 30 November - 2 December 2021
	{regexp.MustCompile(reDay + `\s+` + reMonth + reDash + reDay + `\s+` + reMonth + `,?\s+` + reYear), [3]int{1, 2, 5}, [3]int{3, 4, 5}},
	// 25-26 November 2021
	{regexp.MustCompile(reDay + reDash + reDay + `\s+` + reMonth + `,?\s+` + reYear), [3]int{1, 3, 4}, [3]int{2, 3, 4}},
	// 18 November 2021
	{regexp.MustCompile(reDay + `\s+` + reMonth + `,?\s+` + reYear), [3]int{1, 2, 3}, [3]int{}},
	// December 30, 2021 - January 2, 2022
	{regexp.MustCompile(`\b` + reMonth + `\s+` + reDay + `,?\s+` + reYear + reDash + reMonth + `\s+` + reDay + `,?\s+` + reYear), [3]int{2, 1, 3}, [3]int{5, 4, 6}},
	// November 30 - December 2, 2021
	{regexp.MustCompile(`\b` + reMonth + `\s+` + reDay + reDash + reMonth + `\s+` + reDay + `,?\s+` + reYear), [3]int{2, 1, 5}, [3]int{4, 3, 5}},
	// November 25-26, 2021
	{regexp.MustCompile(`\b` + reMonth + `\s+` + reDay + reDash + reDay + `,?\s+` + reYear), [3]int{2, 1, 4}, [3]int{3, 1, 4}},
	// November 18, 2021
	{regexp.MustCompile(`\b` + reMonth + `\s+` + reDay + `,?\s+` + reYear), [3]int{2, 1, 3}, [3]int{}},
}

// FindEnglishDates finds the dates and date ranges of English text, in
// order of position and without overlaps: "18 November 2021",
// "25-26 November 2021", "30 November - 2 December 2021",
// "November 18, 2021". A date without a year ("on 5 May") is skipped, as is
// an impossible date or a range that ends before it starts. Where shapes
// overlap, the one starting first wins, then the longest.
func FindEnglishDates(s string) []Mention {
	var found []Mention
	for _, p := range findPatterns {
		for _, m := range p.re.FindAllStringSubmatchIndex(s, -1) {
			group := func(i int) string { return s[m[2*i]:m[2*i+1]] }
			from, ok := englishDate(group(p.from[2]), group(p.from[1]), group(p.from[0]))
			if !ok {
				continue
			}
			mention := Mention{Start: m[0], End: m[1], From: from, To: from}
			if p.to[0] != 0 {
				to, ok := englishDate(group(p.to[2]), group(p.to[1]), group(p.to[0]))
				if !ok || !to.After(from) {
					continue
				}
				mention.To, mention.Range = to, true
			}
			found = append(found, mention)
		}
	}
	sort.Slice(found, func(i, j int) bool {
		if found[i].Start != found[j].Start {
			return found[i].Start < found[j].Start
		}
		return found[i].End > found[j].End
	})
	var out []Mention
	end := 0
	for _, m := range found {
		if m.Start >= end {
			out = append(out, m)
			end = m.End
		}
	}
	return out
}
