package localefmt

import (
	"fmt"
	"strconv"
	"time"

	"golang.org/x/text/language"
)

// Style selects a date form.
type Style int

const (
	// Prose is the form a press release writes in running text:
	// km "ថ្ងៃទី១៨ ខែវិច្ឆិកា ឆ្នាំ២០២១" (Cambodian official prose),
	// ja "2021年11月18日", en "18 November 2021".
	Prose Style = iota
	// Long is CLDR's long date: km "១៨ វិច្ឆិកា ២០២១" (with Khmer digits),
	// ja "2021年11月18日", en "18 November 2021".
	Long
	// Era is the Japanese era date, "令和3年11月18日" (and 令和元年5月1日 for
	// the first year). It is an error for other languages.
	Era
)

// String returns the name of the style.
func (s Style) String() string {
	switch s {
	case Prose:
		return "prose"
	case Long:
		return "long"
	case Era:
		return "era"
	}
	return "Style(" + strconv.Itoa(int(s)) + ")"
}

// civil is a calendar date without time or zone.
type civil struct{ y, m, d int }

func civilOf(t time.Time) civil {
	y, m, d := t.Date()
	return civil{y, int(m), d}
}

func (c civil) key() int { return c.y*10000 + c.m*100 + c.d }

// Date writes the calendar date of t (in t's own location) in lang and style.
// It fails for a language other than en, km and ja, for an unknown style, for
// Era outside Japanese, and for an Era date before the Meiji era.
func Date(lang language.Tag, t time.Time, s Style) (string, error) {
	c := civilOf(t)
	switch scriptOf(lang) {
	case scriptEnglish:
		if s != Prose && s != Long {
			return "", styleError(lang, s)
		}
		return enDate(c), nil
	case scriptKhmer:
		switch s {
		case Prose:
			return kmProse(c, true, true), nil
		case Long:
			return kmLong(c, true, true), nil
		}
		return "", styleError(lang, s)
	case scriptJapanese:
		switch s {
		case Prose, Long:
			return jaDate(c, true, true), nil
		case Era:
			e, err := eraOf(c)
			if err != nil {
				return "", fmt.Errorf("date: %w", err)
			}
			return e.name + jaEraDate(e, c, true, true), nil
		}
		return "", styleError(lang, s)
	}
	return "", fmt.Errorf("date: unsupported language %q", lang.String())
}

// DateRange writes the dates from and to (inclusive, to not before from) as
// one range, leaving out the month and year that both ends share:
//
//	en  25-26 November 2021, 30 November - 2 December 2021,
//	    30 December 2021 - 2 January 2022
//	km  ថ្ងៃទី២៥-២៦ ខែវិច្ឆិកា ឆ្នាំ២០២១,
//	    ថ្ងៃទី៣០ ខែវិច្ឆិកា ដល់ថ្ងៃទី២ ខែធ្នូ ឆ្នាំ២០២១ (Prose);
//	    ២៥ – ២៦ វិច្ឆិកា ២០២១ (Long, CLDR's interval format)
//	ja  2021年11月25日～26日, 2021年11月30日～12月2日,
//	    2021年12月30日～2022年1月2日; 令和3年11月25日～26日 (Era)
//
// A range of one day is written as that day.
func DateRange(lang language.Tag, from, to time.Time, s Style) (string, error) {
	a, b := civilOf(from), civilOf(to)
	if b.key() < a.key() {
		return "", fmt.Errorf("date range: end %04d-%02d-%02d before start %04d-%02d-%02d", b.y, b.m, b.d, a.y, a.m, a.d)
	}
	if a == b {
		d, err := Date(lang, from, s)
		if err != nil {
			return "", fmt.Errorf("date range: %w", err)
		}
		return d, nil
	}
	sameYear := a.y == b.y
	sameMonth := sameYear && a.m == b.m
	switch scriptOf(lang) {
	case scriptEnglish:
		if s != Prose && s != Long {
			return "", fmt.Errorf("date range: %w", styleError(lang, s))
		}
		switch {
		case sameMonth:
			return strconv.Itoa(a.d) + "-" + enDate(b), nil
		case sameYear:
			return strconv.Itoa(a.d) + " " + time.Month(a.m).String() + " - " + enDate(b), nil
		}
		return enDate(a) + " - " + enDate(b), nil
	case scriptKhmer:
		switch s {
		case Prose:
			switch {
			case sameMonth:
				return "ថ្ងៃទី" + kmDigits(a.d) + "-" + kmDigits(b.d) + " ខែ" + kmMonths[b.m-1] + " ឆ្នាំ" + kmDigits(b.y), nil
			case sameYear:
				return kmProse(a, true, false) + " ដល់" + kmProse(b, true, true), nil
			}
			return kmProse(a, true, true) + " ដល់" + kmProse(b, true, true), nil
		case Long:
			// CLDR km intervalFormats yMMMd: "d – d MMM y", "d MMM – d MMM y",
			// "d MMM y – d MMM y", with the wide month of the long date.
			switch {
			case sameMonth:
				return kmDigits(a.d) + " – " + kmLong(b, true, true), nil
			case sameYear:
				return kmLong(a, true, false) + " – " + kmLong(b, true, true), nil
			}
			return kmLong(a, true, true) + " – " + kmLong(b, true, true), nil
		}
		return "", fmt.Errorf("date range: %w", styleError(lang, s))
	case scriptJapanese:
		switch s {
		case Prose, Long:
			// CLDR ja intervalFormats yMMMd: "y年M月d日～d日",
			// "y年M月d日～M月d日", "y年M月d日～y年M月d日".
			return jaDate(a, true, true) + "～" + jaDate(b, !sameYear, !sameMonth), nil
		case Era:
			ea, err := eraOf(a)
			if err != nil {
				return "", fmt.Errorf("date range: %w", err)
			}
			eb, err := eraOf(b)
			if err != nil {
				return "", fmt.Errorf("date range: %w", err)
			}
			// CLDR ja intervalFormats GyMMMd: the era is written again only
			// when it changes.
			left := ea.name + jaEraDate(ea, a, true, true)
			if ea != eb {
				return left + "～" + eb.name + jaEraDate(eb, b, true, true), nil
			}
			return left + "～" + jaEraDate(eb, b, !sameYear, !sameMonth), nil
		}
		return "", fmt.Errorf("date range: %w", styleError(lang, s))
	}
	return "", fmt.Errorf("date range: unsupported language %q", lang.String())
}

func styleError(lang language.Tag, s Style) error {
	return fmt.Errorf("style %v not available for %q", s, lang.String())
}

// enDate writes "18 November 2021": relloc's English releases use the
// day-month-year order of the MFAIC and MOFA English pages.
func enDate(c civil) string {
	return strconv.Itoa(c.d) + " " + time.Month(c.m).String() + " " + strconv.Itoa(c.y)
}

func kmDigits(n int) string { return Digits(language.Khmer, strconv.Itoa(n)) }

// kmProse writes "ថ្ងៃទី១៨ ខែវិច្ឆិកា ឆ្នាំ២០២១", with or without the month
// and year parts.
func kmProse(c civil, month, year bool) string {
	s := "ថ្ងៃទី" + kmDigits(c.d)
	if month {
		s += " ខែ" + kmMonths[c.m-1]
	}
	if year {
		s += " ឆ្នាំ" + kmDigits(c.y)
	}
	return s
}

// kmLong writes CLDR's long date "d MMMM y" with Khmer digits, with or
// without the month and year parts.
func kmLong(c civil, month, year bool) string {
	s := kmDigits(c.d)
	if month {
		s += " " + kmMonths[c.m-1]
	}
	if year {
		s += " " + kmDigits(c.y)
	}
	return s
}

// jaDate writes CLDR's long date "y年M月d日", leaving out the year and month
// when asked.
func jaDate(c civil, year, month bool) string {
	s := ""
	if year {
		s += strconv.Itoa(c.y) + "年"
	}
	if month || year {
		s += jaMonths[c.m-1]
	}
	return s + strconv.Itoa(c.d) + "日"
}
