package localefmt

import (
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

var (
	khmerDigitsTag = language.MustParse("km-u-nu-khmr")

	// khmerDigits holds the digits of CLDR's khmr numbering system as x/text
	// carries them, zero first.
	khmerDigits = sync.OnceValue(func() [10]string {
		p := message.NewPrinter(khmerDigitsTag)
		var d [10]string
		for i := range d {
			d[i] = p.Sprint(number.Decimal(i))
		}
		return d
	})
)

// Digits rewrites the ASCII digits of s in the digits the language's prose
// uses: Khmer digits (U+17E0-U+17E9) for km. Japanese and English releases
// keep ASCII digits (as MOFA does), so s is returned unchanged for them and
// for any other language.
func Digits(lang language.Tag, s string) string {
	if scriptOf(lang) != scriptKhmer {
		return s
	}
	d := khmerDigits()
	var b strings.Builder
	b.Grow(len(s) * 3)
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= '0' && c <= '9' {
			b.WriteString(d[c-'0'])
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// Number writes n with the grouping and decimal separators of lang, through
// x/text. decimals >= 0 fixes the number of fraction digits (rounding);
// decimals < 0 writes up to three, as CLDR's standard "#,##0.###" does.
//
// en and ja give "1,234,567.5". km gives Khmer digits with the khmr
// numbering system's separators, "១.២៣៤.៥៦៧,៥", the form of CLDR 45 and
// later (see the package doc); km-u-nu-latn gives CLDR's current Latin form
// "1,234,567.5" rather than x/text's older "1.234.567,5".
func Number(lang language.Tag, n float64, decimals int) string {
	tag := lang
	if scriptOf(lang) == scriptKhmer {
		tag = khmerDigitsTag
		if lang.TypeForKey("nu") == "latn" {
			// CLDR 45+ km latn symbols: decimal ".", group ",", as in English.
			tag = language.English
		}
	}
	var opts []number.Option
	if decimals >= 0 {
		opts = append(opts, number.MinFractionDigits(decimals), number.MaxFractionDigits(decimals))
	}
	return message.NewPrinter(tag).Sprint(number.Decimal(n, opts...))
}

// Ordinal writes n as an ordinal: en "1st" "2nd" "3rd" "11th" "21st" "70th"
// (suffix chosen by CLDR's English ordinal plural rules in x/text),
// km "ទី៧០", ja "第70". Other languages get the English form.
func Ordinal(lang language.Tag, n int) string {
	switch scriptOf(lang) {
	case scriptKhmer:
		return "ទី" + Digits(lang, strconv.Itoa(n))
	case scriptJapanese:
		return "第" + strconv.Itoa(n)
	}
	return strconv.Itoa(n) + enOrdinalSuffix(n)
}

func enOrdinalSuffix(n int) string {
	if n < 0 {
		n = -n
	}
	switch plural.Ordinal.MatchPlural(language.English, n, 0, 0, 0, 0) {
	case plural.One:
		return "st"
	case plural.Two:
		return "nd"
	case plural.Few:
		return "rd"
	}
	return "th"
}

// Anniversary writes "the n-th anniversary" as the releases do:
// en "70th anniversary", km "ខួបលើកទី៧០", ja "70周年". Other languages get
// the English form.
func Anniversary(lang language.Tag, n int) string {
	switch scriptOf(lang) {
	case scriptKhmer:
		return "ខួបលើក" + Ordinal(lang, n)
	case scriptJapanese:
		return strconv.Itoa(n) + "周年"
	}
	return Ordinal(lang, n) + " anniversary"
}
