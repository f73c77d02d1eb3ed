package localefmt

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Mention is a date or date range found in English text, with byte offsets,
// for the drafter to replace.
type Mention struct {
	Start, End int       // byte offsets of the mention in the text, End exclusive
	From, To   time.Time // the dates, midnight UTC; To equals From for a single date
	Range      bool      // whether the mention is a range
}

// FindEnglishDates finds the dates and date ranges of English text, in
// order of position and without overlaps:
//
//	18 November 2021            November 18, 2021
//	25-26 November 2021         November 25-26, 2021
//	30 November - 2 December 2021
//	30 December 2021 - 2 January 2022
//
// Ranges may use "-", "–" or "—", month names may be abbreviated ("Nov",
// "Sept.") and days may carry "st", "nd", "rd" or "th". Month names must be
// capitalised, so that the verb "may" is no month. A date without a year
// ("on 5 May") is skipped, as is an impossible date; a range that ends
// before it starts is no range. Where shapes overlap, the one starting first
// wins, then the longest.
//
// It scans the text once into tokens and matches the shapes on them: about
// 30 times faster (BenchmarkFindEnglishDates) than the one regular
// expression per shape it replaced.
func FindEnglishDates(s string) []Mention {
	toks := tokenize(s)
	var out []Mention
	for i := 0; i < len(toks); {
		if m, next, ok := matchDate(toks, i); ok {
			m.Start, m.End = toks[i].start, toks[next-1].end
			out = append(out, m)
			i = next
			continue
		}
		i++
	}
	return out
}

type tokKind uint8

const (
	tokOther tokKind = iota
	tokNum           // a run of ASCII digits, maybe with an ordinal suffix
	tokMonth         // a capitalised English month name, maybe with a "."
	tokDash          // "-", "–" or "—"
	tokComma
)

type token struct {
	kind       tokKind
	start, end int  // byte offsets
	val        int  // number, or month 1-12
	digits     int  // digit count of a number
	ordinal    bool // number written with st, nd, rd or th
	space      bool // white space right before the token
}

// capitalMonths are the month names FindEnglishDates accepts: those of
// englishMonths, capitalised.
var capitalMonths = func() map[string]time.Month {
	m := make(map[string]time.Month, len(englishMonths))
	for name, month := range englishMonths {
		m[strings.ToUpper(name[:1])+name[1:]] = month
	}
	return m
}()

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// tokenize splits s into the tokens date shapes are made of; everything
// else becomes tokOther, and white space only sets the next token's space.
func tokenize(s string) []token {
	var toks []token
	space := false
	for i := 0; i < len(s); {
		c := s[i]
		t := token{start: i, space: space}
		switch {
		case c >= '0' && c <= '9':
			j := i
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			k := j
			for k < len(s) && isASCIILetter(s[k]) {
				k++
			}
			t.end = k
			switch suffix := s[j:k]; {
			case i > 0 && (isASCIILetter(s[i-1]) || s[i-1] == '_'):
				// Digits glued to a word ("A18") start no date.
			case j-i > 4:
			case suffix == "" || suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th":
				t.kind, t.digits, t.ordinal = tokNum, j-i, suffix != ""
				for _, d := range s[i:j] {
					t.val = t.val*10 + int(d-'0')
				}
			}
		case isASCIILetter(c):
			j := i
			for j < len(s) && (isASCIILetter(s[j]) || s[j] >= '0' && s[j] <= '9' || s[j] == '_') {
				j++
			}
			t.end = j
			if m, ok := capitalMonths[s[i:j]]; ok {
				t.kind, t.val = tokMonth, int(m)
				if j < len(s) && s[j] == '.' {
					t.end++
				}
			}
		case c == '-':
			t.kind, t.end = tokDash, i+1
		case c == ',':
			t.kind, t.end = tokComma, i+1
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			t.end = i + size
			if unicode.IsSpace(r) {
				space = true
				i = t.end
				continue
			}
			if r == '–' || r == '—' {
				t.kind = tokDash
			}
		}
		toks = append(toks, t)
		space = false
		i = t.end
	}
	return toks
}

// ymd is a date as read, not yet checked.
type ymd struct{ y, m, d int }

func (p ymd) time() (time.Time, bool) {
	t := time.Date(p.y, time.Month(p.m), p.d, 0, 0, 0, 0, time.UTC)
	return t, p.d >= 1 && t.Day() == p.d && int(t.Month()) == p.m
}

func kind(toks []token, i int, k tokKind) bool { return i < len(toks) && toks[i].kind == k }

func isDay(toks []token, i int) bool {
	return kind(toks, i, tokNum) && toks[i].digits <= 2
}

// year reads "[,] 2021": a comma glued to the previous word, then a spaced
// four-digit year.
func year(toks []token, i int) (int, int, bool) {
	if kind(toks, i, tokComma) && !toks[i].space {
		i++
	}
	if kind(toks, i, tokNum) && toks[i].space && toks[i].digits == 4 && !toks[i].ordinal {
		return toks[i].val, i + 1, true
	}
	return 0, i, false
}

// dayMonth reads "18 November".
func dayMonth(toks []token, i int) (ymd, int, bool) {
	if isDay(toks, i) && kind(toks, i+1, tokMonth) && toks[i+1].space {
		return ymd{d: toks[i].val, m: toks[i+1].val}, i + 2, true
	}
	return ymd{}, i, false
}

// monthDay reads "November 18".
func monthDay(toks []token, i int) (ymd, int, bool) {
	if kind(toks, i, tokMonth) && isDay(toks, i+1) && toks[i+1].space {
		return ymd{d: toks[i+1].val, m: toks[i].val}, i + 2, true
	}
	return ymd{}, i, false
}

// withYear completes a day-month reader with a year: "18 November 2021",
// "November 18, 2021".
func withYear(read reader) reader {
	return func(toks []token, i int) (ymd, int, bool) {
		p, j, ok := read(toks, i)
		if !ok {
			return p, i, false
		}
		if p.y, j, ok = year(toks, j); !ok {
			return p, i, false
		}
		return p, j, true
	}
}

// reader reads one part of a date shape at toks[i] and returns the index
// after it.
type reader func(toks []token, i int) (ymd, int, bool)

// dayOnly reads the "25" of "25-26 November 2021".
func dayOnly(toks []token, i int) (ymd, int, bool) {
	if isDay(toks, i) {
		return ymd{d: toks[i].val}, i + 1, true
	}
	return ymd{}, i, false
}

var (
	dayMonthYear = withYear(dayMonth)
	monthDayYear = withYear(monthDay)
	dayYear      = withYear(dayOnly)
)

// shape is one date or range form; a range is first, a dash, then second.
type shape struct{ first, second reader }

// shapes are tried in order at each token: longest first for each start.
var shapes = []shape{
	{dayMonthYear, dayMonthYear}, // 30 December 2021 - 2 January 2022
	{dayMonth, dayMonthYear},     // 30 November - 2 December 2021
	{dayOnly, dayMonthYear},      // 25-26 November 2021
	{dayMonthYear, nil},          // 18 November 2021
	{monthDayYear, monthDayYear}, // December 30, 2021 - January 2, 2022
	{monthDay, monthDayYear},     // November 30 - December 2, 2021
	{monthDay, dayYear},          // November 25-26, 2021
	{monthDayYear, nil},          // November 18, 2021
}

// read reads the shape at toks[i]; an end of a range takes the parts it
// lacks from the other end.
func (sh shape) read(toks []token, i int) (from, to ymd, next int, ok bool) {
	a, j, ok := sh.first(toks, i)
	if !ok {
		return a, a, i, false
	}
	if sh.second == nil {
		return a, a, j, true
	}
	if !kind(toks, j, tokDash) {
		return a, a, i, false
	}
	b, k, ok := sh.second(toks, j+1)
	if !ok {
		return a, b, i, false
	}
	if a.y == 0 {
		a.y = b.y
	}
	if a.m == 0 {
		a.m = b.m
	}
	if b.m == 0 {
		b.m = a.m
	}
	return a, b, k, true
}

// matchDate returns the first shape at toks[i] that reads as a valid date
// or range.
func matchDate(toks []token, i int) (Mention, int, bool) {
	for _, sh := range shapes {
		a, b, next, ok := sh.read(toks, i)
		if !ok {
			continue
		}
		from, ok1 := a.time()
		to, ok2 := b.time()
		if !ok1 || !ok2 {
			continue
		}
		isRange := sh.second != nil
		if isRange && !to.After(from) {
			continue
		}
		return Mention{From: from, To: to, Range: isRange}, next, true
	}
	return Mention{}, i, false
}
