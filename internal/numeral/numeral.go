package numeral

import (
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/matchform"
)

// Kinds of Number.
const (
	KindNumber  = "number"
	KindOrdinal = "ordinal" // 70th, 第13回, ទី១៣
	KindYear    = "year"    // 2021年, ឆ្នាំ២០២១
	KindMonth   = "month"   // November, វិច្ឆិកា, 11月
	KindDay     = "day"     // 18日, ថ្ងៃទី១៨
	KindPercent = "percent" // 50%
	KindTime    = "time"    // the hour or minutes of a clock time: 3:45 p.m., 午後3時45分, ម៉ោង ៣ រសៀល
	KindLabel   = "label"   // a list label: "1.", "(1)", "2)" at the start of a text, "(3)" anywhere
)

// Number is a number found in a text.
type Number struct {
	Value      float64 // exact for integers below 2^53
	Start, End int     // byte offsets in the text
	Ordinal    bool    // 70th, 第13回, ទី១៣
	Kind       string  // one of the Kind* constants
	// Weak marks a number that a faithful translation may drop or add:
	// English "one", "first", "once", "a dozen", a time given as a
	// conversion into another time zone (日本時間午後7時35分, "7:35 p.m.
	// JST"), Khmer ទាំងពីរ ("both"), a list label. Compare reports a weak
	// number only when it pairs with a different number of the other side.
	Weak bool
	// Relative marks a word that stands for a day, month or year the other
	// side writes out (本日, 同日, 本年, 同月): Value is 0 and Kind says which.
	Relative bool
	// Unit is UnitImperial for an English number of feet, inches, miles,
	// pounds or degrees Fahrenheit ("6-foot-6", "45 miles"), UnitMetric for
	// a number before a metric unit in Japanese or Khmer (198センチ,
	// ៧២ គីឡូម៉ែត្រ), and empty otherwise: a translation converts the one
	// into the other (see Compare).
	Unit string
	// Spelled marks an English number written in words ("two", "Fifty-eight"), which a Khmer translation
	// may render with a bare number word (see Bare).
	Spelled bool
	// Bare marks a Khmer number word with no classifier after it, from Bare: it may render an English number
	// word of its value, but it counts as no number of its own.
	Bare bool
	// Date is shared, nonzero, by the day, month and year of one written date
	// ("August 4, 2022", 令和4年8月4日), so that a translation may leave out a
	// year or month the context gives.
	Date int
}

// Digit returns the value of a decimal digit: ASCII, Khmer (U+17E0–U+17E9)
// or full-width (U+FF10–U+FF19).
func Digit(r rune) (int, bool) {
	switch {
	case '0' <= r && r <= '9':
		return int(r - '0'), true
	case '\u17E0' <= r && r <= '\u17E9':
		return int(r - '\u17E0'), true
	case '\uFF10' <= r && r <= '\uFF19':
		return int(r - '\uFF10'), true
	}
	return 0, false
}

// kanjiDigit returns the value of a Japanese numeral digit.
func kanjiDigit(r rune) (int, bool) {
	switch r {
	case '〇', '零':
		return 0, true
	case '一':
		return 1, true
	case '二':
		return 2, true
	case '三':
		return 3, true
	case '四':
		return 4, true
	case '五':
		return 5, true
	case '六':
		return 6, true
	case '七':
		return 7, true
	case '八':
		return 8, true
	case '九':
		return 9, true
	}
	return 0, false
}

func kanjiSmallUnit(r rune) int64 {
	switch r {
	case '十':
		return 10
	case '百':
		return 100
	case '千':
		return 1000
	}
	return 0
}

func kanjiBigUnit(r rune) int64 {
	switch r {
	case '万':
		return 1e4
	case '億':
		return 1e8
	case '兆':
		return 1e12
	}
	return 0
}

func isKanjiNumeral(r rune) bool {
	_, ok := kanjiDigit(r)
	return ok || kanjiSmallUnit(r) > 0 || kanjiBigUnit(r) > 0
}

// ParseInt parses an integer written in digits of any of the scripts Digit
// knows, with "," or "." as thousands separators in groups of three, or in
// Japanese kanji numerals (十三, 二千二十一, 七十, 〇, and positional forms
// such as 二〇二一 or 一二), or digits with kanji units (3億5千万).
func ParseInt(s string) (int64, bool) {
	if s == "" {
		return 0, false
	}
	if v, ok := parseGrouped(s); ok {
		return v, true
	}
	return parseKanji(s)
}

// parseGrouped parses digits with optional thousands separators.
func parseGrouped(s string) (int64, bool) {
	var v int64
	group, groups := 0, 0
	var sep rune
	for _, r := range s {
		if d, ok := Digit(r); ok {
			if v > (math.MaxInt64-9)/10 {
				return 0, false
			}
			v = v*10 + int64(d)
			group++
			continue
		}
		if !isSep(r) || group == 0 || (groups == 0 && group > 3) || (groups > 0 && group != 3) {
			return 0, false
		}
		if sep != 0 && r != sep {
			return 0, false
		}
		sep = r
		groups++
		group = 0
	}
	if group == 0 || (groups > 0 && group != 3) {
		return 0, false
	}
	return v, true
}

func isSep(r rune) bool { return r == ',' || r == '.' || r == '，' || r == '．' }

// isSpace reports whether r is a space that may group digits (379 800) or
// stand between digits and a kanji unit (105 万).
func isSpace(r rune) bool { return r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\u2009' }

// spaceGrouped reports whether the space sp before s[i:] groups thousands:
// the digit groups so far are one of one to three digits and then groups of
// three, with no other separator, and s[i:] starts with exactly three digits.
func spaceGrouped(s string, groups []struct{ start, end int }, seps []rune, sp rune, i int) bool {
	for _, r := range seps {
		if r != sp {
			return false
		}
	}
	last := groups[len(groups)-1]
	if n := digitCount(s[last.start:last.end]); n > 3 || len(groups) > 1 && n != 3 {
		return false
	}
	k := i
	for d := 0; d < 3; d++ {
		r, m := utf8.DecodeRuneInString(s[k:])
		if !isDigitRune(r) {
			return false
		}
		k += m
	}
	r, m := utf8.DecodeRuneInString(s[k:])
	if isDigitRune(r) {
		return false
	}
	if isSep(r) && k+m < len(s) {
		if next, _ := utf8.DecodeRuneInString(s[k+m:]); isDigitRune(next) {
			return false // 12 345.6 or 1 234,5: leave such mixtures alone
		}
	}
	return true
}

// parseKanji parses kanji numerals, possibly mixed with digits.
func parseKanji(s string) (int64, bool) {
	if !strings.ContainsAny(s, "十百千万億兆") {
		var v int64
		for _, r := range s {
			d, ok := kanjiDigit(r)
			if !ok {
				if d, ok = Digit(r); !ok {
					return 0, false
				}
			}
			v = v*10 + int64(d)
		}
		return v, true
	}
	var total, section, cur int64
	hasCur := false
	for _, r := range s {
		d, ok := kanjiDigit(r)
		if !ok {
			d, ok = Digit(r)
		}
		switch {
		case ok:
			cur = cur*10 + int64(d)
			hasCur = true
		case kanjiSmallUnit(r) > 0:
			if !hasCur {
				cur = 1
			}
			section += cur * kanjiSmallUnit(r)
			cur, hasCur = 0, false
		case kanjiBigUnit(r) > 0:
			section += cur
			if section == 0 {
				return 0, false // 万 with nothing before it: 万一 is a word
			}
			total += section * kanjiBigUnit(r)
			section, cur, hasCur = 0, 0, false
		default:
			return 0, false
		}
	}
	return total + section + cur, true
}

// Equal reports whether two numbers have the same value, whatever their
// script, kind or ordinal mark.
func Equal(a, b Number) bool { return a.Value == b.Value }

// Values returns the values of ns in increasing order.
func Values(ns []Number) []float64 {
	v := make([]float64, len(ns))
	for i, n := range ns {
		v[i] = n.Value
	}
	sort.Float64s(v)
	return v
}

// SameValues reports whether a and b hold the same multiset of values.
func SameValues(a, b []Number) bool {
	missing, extra := Diff(a, b)
	return len(missing) == 0 && len(extra) == 0
}

// Diff compares the multisets of values of a (the source) and b (a
// rendering): missing are the numbers of a with no equal number left in b,
// extra those of b with none left in a, each in text order.
func Diff(a, b []Number) (missing, extra []Number) {
	used := make([]bool, len(b))
	for _, x := range a {
		found := false
		for j, y := range b {
			if !used[j] && Equal(x, y) {
				used[j], found = true, true
				break
			}
		}
		if !found {
			missing = append(missing, x)
		}
	}
	for j, y := range b {
		if !used[j] {
			extra = append(extra, y)
		}
	}
	return missing, extra
}

// Find returns the numbers of s, a text in language lang, in order.
func Find(lang language.Tag, s string) []Number { return find(lang, s, nil) }

// FindForm is Find for a caller that has made the matching form of s already (matchform.For(lang, s)), so that
// it is not made again: Khmer month names are looked for in it.
func FindForm(lang language.Tag, s string, form matchform.Form) []Number { return find(lang, s, &form) }

func find(lang language.Tag, s string, form *matchform.Form) []Number {
	f, buf := read(lang, s, form, nil)
	f.finish()
	readBuffers.Put(buf)
	return f.out
}

// read runs the passes that read the text itself: the numbers they find are in f.out, in order. Each decides a
// number from the text near it and never across a sentence end (see Reading), so that a sentence's numbers are
// its block's, which Reading.Span takes instead of reading the sentence again. When bare is not nil, the bare
// Khmer number words (Bare) are put there.
//
// The numbers are in a buffer of readBuffers, returned too: finish copies them out of it first (times), after
// which the caller puts it back.
func read(lang language.Tag, s string, form *matchform.Form, bare *[]Number) (finder, *[]Number) {
	f := finder{lang: baseOf(lang), s: s, bare: bare}
	// The passes append to a buffer kept from the last read, not to a slice grown from nothing at each number;
	// the numbers are copied out of it at the end.
	buf := readBuffers.Get().(*[]Number)
	f.out = (*buf)[:0]
	// Khmer month names are read in the matching form (khmerMonths). Where the form is the text itself, as for most
	// Khmer text, scan reads them at the letters it passes; else a pass over the form reads them before scan, which
	// reads the Khmer number words: a month and a word that started at the same byte would be sorted as when the
	// words were read after the months.
	var inScan *matchform.Form
	if f.lang == "km" {
		var km matchform.Form
		if form != nil {
			km = *form
		} else {
			km = matchform.Khmer(s)
		}
		if km.Identity() && km.Text == s {
			inScan = &km
		} else {
			f.khmerMonths(&km)
		}
	}
	f.scan(inScan) // with English month names, in every language of relloc, Japanese era first years and Khmer number words
	if f.lang == "en" {
		f.englishWords()
	}
	slices.SortStableFunc(f.out, func(a, b Number) int { return a.Start - b.Start })
	*buf = f.out
	return f, buf
}

// readBuffers holds the buffers that read appends its numbers to. A Number holds no pointer but to constant
// strings: a buffer keeps nothing of a text.
var readBuffers = sync.Pool{New: func() any { return new([]Number) }}

// finish runs the passes over the numbers read (read): clock times, units, list labels, dates, glosses,
// conversions. They may read the whole text (whether a label stands at its start, which dates came before), so a
// span's are run on the span (Reading.Span).
func (f *finder) finish() {
	f.times() // first: it copies the numbers out of read's buffer into a slice of their own, and changes none there
	f.units()
	f.labels()
	f.dates()
	if f.lang != "en" {
		f.latinGlosses()
	}
	if f.lang == "en" {
		f.conversions()
		f.lastMonth()
	}
}

// baseOf returns the code of lang's base language ("en", "km", "ja"), for the three relloc reads with no call
// to language.Tag.Base.
func baseOf(lang language.Tag) string {
	switch lang {
	case language.English:
		return "en"
	case language.Khmer:
		return "km"
	case language.Japanese:
		return "ja"
	}
	b, _ := lang.Base()
	return b.String()
}

type finder struct {
	lang string
	s    string
	out  []Number
	bare *[]Number // where khmerWords puts bare number words, when asked (Bare)
	// own is true when out is a slice of the finder's own, which times may rewrite in place, rather than read's
	// buffer, which it copies out of.
	own bool
}

// scan reads the text once: digit runs of every script, English month names (which also appear in Khmer and
// Japanese text), in Khmer the number words (khmerWord), and in Japanese kanji numerals and the words read at one
// of the runes of jaStarts. A month name, 元年 or a Khmer number word never starts within a number scan passes
// over (digits, separators, spaces, kanji numerals, an ordinal suffix, scale words in lower case or Khmer, which
// hold no Khmer number word), so each is found as by a pass of its own over the whole text; and no two of them
// start at the same byte, so read's stable sort orders them as it ordered those passes' numbers.
//
// months is the matching form of a Khmer text when it is the text itself: scan reads the Khmer month names too
// (khmerMonth), which no number it passes over holds either.
func (f *finder) scan(months *matchform.Form) {
	s := f.s
	ja := f.lang == "ja"
	enMonths := f.lang == "en" || f.lang == "km" || ja
	km := f.lang == "km"
	words := 0 // where the next Khmer number word may start: past the last one read
	for i := 0; i < len(s); {
		// Dispatch on the first byte: an ASCII byte is a digit, the capital of a month name or nothing here, and
		// outside Japanese only the lead byte of a Khmer (E1) or full-width (EF) digit is worth decoding.
		if c := s[i]; c < utf8.RuneSelf {
			switch {
			case '0' <= c && c <= '9':
				i = f.digits(i)
			case 'A' <= c && c <= 'Z' && enMonths:
				i = f.englishMonth(i)
			default:
				i++
			}
			continue
		} else if !ja && c != 0xEF && (c != 0xE1 || i+2 >= len(s) || s[i+1] != 0x9F || s[i+2] < 0xA0 || s[i+2] > 0xA9) {
			// and a Khmer digit (U+17E0–U+17E9) is E1 9F A0–A9, which the other Khmer letters are not
			if c&0xF0 == 0xE0 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
				if km && c == 0xE1 {
					// Most letters start neither a month name nor a number word with the letter after them: one look
					// at the first two letters of both, where each looked at its own in a call at every letter.
					if l := khmerLetterAt(s, i); l >= 0 {
						if l2 := khmerLetterAt(s, i+3); l2 >= 0 && kmStartPairs.has(l, l2) {
							if months != nil {
								f.khmerMonth(months, i, l) // first, as khmerMonths ran before scan
							}
							if i >= words {
								words = f.khmerWord(i, l)
							}
						}
					}
				}
				i += 3 // a Khmer letter, most of such a text
				continue
			}
			i++
			for i < len(s) && !utf8.RuneStart(s[i]) {
				i++
			}
			continue
		} else if ja && c&0xF0 == 0xE0 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 &&
			!jaStart(rune(c&0x0F)<<12|rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F)) {
			// a rune of three bytes (kana, kanji) at which nothing below is read; an invalid one, which the
			// decoder reads byte by byte as U+FFFD, starts nothing either, nor do its continuation bytes
			i += 3
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if _, ok := Digit(r); ok {
			i = f.digits(i)
			continue
		}
		if f.lang == "ja" && (strings.HasPrefix(s[i:], "一昨日") || strings.HasPrefix(s[i:], "一昨年")) {
			// "the day before yesterday", "the year before last": "two days ago", "two years ago"
			f.out = append(f.out, Number{Value: 2, Start: i, End: i + len("一昨"), Kind: KindNumber, Weak: true})
			i += len("一昨")
			continue
		}
		if f.lang == "ja" && isKanjiNumeral(r) {
			i = f.kanji(i)
			continue
		}
		if f.lang == "ja" && r >= 'イ' && r <= 'ナ' {
			if w, v, ok := katakanaNumeral(s[:i], s[i:]); ok {
				// weak: the team, which a translation may call the players or the line-up
				f.out = append(f.out, Number{Value: v, Start: i, End: i + len(w), Kind: KindNumber, Weak: true})
				i += len(w)
				continue
			}
		}
		if f.lang == "ja" && strings.HasPrefix(s[i:], "双方") {
			// "both sides", "the two sides"
			f.out = append(f.out, Number{Value: 2, Start: i, End: i + len("双方"), Kind: KindNumber, Weak: true})
		}
		if ja && r == '元' && strings.HasPrefix(s[i+n:], "年") {
			f.eraFirstYear(i)
		}
		if f.lang == "ja" && r == '両' {
			// 両国, 両首脳, 両者: "both", "the two": weak 2 (not 両替 "exchange", 両立 "compatible")
			if next, _ := utf8.DecodeRuneInString(s[i+n:]); unicode.Is(unicode.Han, next) && next != '替' && next != '立' {
				f.out = append(f.out, Number{Value: 2, Start: i, End: i + n, Kind: KindNumber, Weak: true})
			}
		}
		i += n
	}
}

// jaStarts has bit r set for each rune r of the Basic Multilingual Plane at which scan reads something in a
// Japanese text: a digit, a kanji numeral (一 also starts 一昨日), katakana イ to ナ (イレブン, ナイン), 双 of 双方,
// 両, and 元 of 元年, so that the other kana and kanji, most of a text, are passed over with one look at a table.
var jaStarts = func() (m [1 << 16 / 64]uint64) {
	set := func(lo, hi rune) {
		for r := lo; r <= hi; r++ {
			m[r/64] |= 1 << (r % 64)
		}
	}
	set('0', '9')
	set('\u17E0', '\u17E9')
	set('\uFF10', '\uFF19')
	set('イ', 'ナ')
	for _, r := range "〇零一二三四五六七八九十百千万億兆双両元" {
		set(r, r)
	}
	return m
}()

func jaStart(r rune) bool { return jaStarts[r/64]&(1<<(r%64)) != 0 }

// digits reads the digit run at s[i] and returns where it ends.
func (f *finder) digits(i int) int {
	s := f.s
	type group = struct{ start, end int }
	var groups []group
	var seps []rune
	j := i
	for {
		k := j
		for k < len(s) {
			r, m := utf8.DecodeRuneInString(s[k:])
			if _, ok := Digit(r); !ok {
				break
			}
			k += m
		}
		groups = append(groups, group{j, k})
		if k >= len(s) {
			j = k
			break
		}
		r, m := utf8.DecodeRuneInString(s[k:])
		if isSpace(r) && spaceGrouped(s, groups, seps, r, k+m) {
			seps = append(seps, r) // 379 800, ១៦ ០០០
			j = k + m
			continue
		}
		if !isSep(r) || k+m >= len(s) {
			j = k
			break
		}
		if next, _ := utf8.DecodeRuneInString(s[k+m:]); !isDigitRune(next) {
			j = k
			break
		}
		seps = append(seps, r)
		j = k + m
	}
	// One number, or one per group when the separators make no number
	// (18.11.2021).
	if v, ok := f.grouped(groups[0].start, j, seps, func(g int) int { return digitCount(s[groups[g].start:groups[g].end]) }); ok {
		f.emit(v, groups[0].start, j)
	} else {
		for _, g := range groups {
			v, _ := parseGrouped(s[g.start:g.end])
			f.emit(float64(v), g.start, g.end)
		}
	}
	return f.out[len(f.out)-1].End
}

func isDigitRune(r rune) bool { _, ok := Digit(r); return ok }

func digitCount(s string) int { return utf8.RuneCountInString(s) }

// grouped reads s[start:end] with the separators seps between digit groups
// as one number, if the separators allow it.
func (f *finder) grouped(start, end int, seps []rune, glen func(int) int) (float64, bool) {
	if len(seps) == 0 {
		// one run of digits: at most 15 of them are a value below 2^53, exact as ParseFloat gives it
		if s := f.s[start:end]; len(s) <= 15 && allASCIIDigits(s) {
			var v int64
			for i := 0; i < len(s); i++ {
				v = v*10 + int64(s[i]-'0')
			}
			return float64(v), true
		}
		v, err := strconv.ParseFloat(asciiDigits(f.s[start:end]), 64)
		return v, err == nil
	}
	last := len(seps) - 1
	decimal := -1 // index of the decimal separator
	switch f.lang {
	case "km":
		// Khmer writes both 2.5 and 2,5, and both 76.000 and 30,000: a
		// last group of three digits is thousands, anything else a decimal.
		if glen(last+1) != 3 {
			decimal = last
		}
	default:
		if seps[last] == '.' || seps[last] == '．' {
			decimal = last
		}
	}
	var sb strings.Builder
	var thousands rune
	gi := 0
	for _, r := range f.s[start:end] {
		if isDigitRune(r) {
			d, _ := Digit(r)
			sb.WriteByte(byte('0' + d))
			continue
		}
		if gi == decimal {
			sb.WriteByte('.')
			gi++
			continue
		}
		// a thousands separator: same character each time, groups of 3
		if thousands != 0 && r != thousands {
			return 0, false
		}
		if decimal >= 0 && r == seps[decimal] {
			return 0, false
		}
		thousands = r
		if (gi == 0 && glen(0) > 3) || glen(gi+1) != 3 {
			return 0, false
		}
		gi++
	}
	v, err := strconv.ParseFloat(sb.String(), 64)
	return v, err == nil
}

func allASCIIDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigitByte(s[i]) {
			return false
		}
	}
	return true
}

func dropSeps(s string) string {
	return strings.Map(func(r rune) rune {
		if isSep(r) || isSpace(r) {
			return -1
		}
		return r
	}, s)
}

func asciiDigits(s string) string {
	var sb strings.Builder
	for _, r := range s {
		d, _ := Digit(r)
		sb.WriteByte(byte('0' + d))
	}
	return sb.String()
}

// kanji reads a run of kanji numerals at s[i] and returns where it ends.
func (f *finder) kanji(i int) int {
	s := f.s
	j, runes := i, 0
	for j < len(s) {
		r, m := utf8.DecodeRuneInString(s[j:])
		if !isKanjiNumeral(r) {
			// 三万5000, 一億2000万: digits after a big unit belong to the number
			prev, _ := utf8.DecodeLastRuneInString(s[:j])
			if isDigitRune(r) && (kanjiBigUnit(prev) > 0 || isDigitRune(prev)) && runes > 0 && strings.ContainsAny(s[i:j], "万億兆") {
				j += m
				runes++
				continue
			}
			break
		}
		j += m
		runes++
	}
	v, ok := parseKanji(s[i:j])
	if !ok {
		return j
	}
	ordinalNoun := strings.HasSuffix(s[:i], "第") && (strings.HasPrefix(s[j:], "国") || strings.HasPrefix(s[j:], "者"))
	if ordinalNoun {
		f.emit(float64(v), i, j) // 第三国, 第三者: "a third state", "a third party"
		return f.out[len(f.out)-1].End
	}
	if runes < 2 && !hasCounter(s[j:]) && !strings.HasSuffix(s[:i], "第") {
		return j // 一緒, 一部, 二国間, 一層: not numbers
	}
	if runes < 2 && strings.HasSuffix(s[:i], "第") && !hasCounter(s[j:]) {
		return j // 第一 alone reads as "first, foremost"
	}
	if strings.HasSuffix(s[:i], "数") || strings.HasSuffix(s[:i], "何") || strings.HasPrefix(s[i:], "十数") {
		return j // 数百人, 何十年, 十数か国: "hundreds", "decades", "a dozen or so", no number
	}
	if strings.HasPrefix(s[i:], "二度と") || strings.HasPrefix(s[i:], "一時") && !strings.HasPrefix(s[i:], "一時間") {
		return j // "never again", "for a while": idioms, not numbers
	}
	f.emit(float64(v), i, j)
	return f.out[len(f.out)-1].End // past the units emit read after the run (1 万 6 千), as digits does
}

// bilateral reports whether rest, after a 2, makes it 2か国間 ("between two countries", "bilateral").
func bilateral(rest string) bool {
	for _, c := range []string{"か国", "カ国", "ヶ国", "ヵ国", "国"} {
		if strings.HasPrefix(rest, c+"間") {
			return true
		}
	}
	return false
}

// splitInTwo reports whether rest, after a 2, makes it 2つに割れる or 2つに分かれる ("split in two",
// "divided").
func splitInTwo(rest string) bool {
	for _, c := range []string{"つに割れ", "つに分かれ", "つに分断", "つに割", "つに分裂"} {
		if strings.HasPrefix(rest, c) {
			return true
		}
	}
	return false
}

// katakanaNumerals are English number words that Japanese writes in katakana as the name of a team by its
// size: イレブン is a football eleven ("the same starting 11" is 同じイレブン), ナイン a baseball nine.
var katakanaNumerals = []struct {
	word  string
	value float64
}{{"イレブン", 11}, {"ナイン", 9}}

// katakanaNumeral returns the katakana team numeral at the start of s and its value, unless it is part of a
// longer katakana word (セブンイレブン, ナインティ).
func katakanaNumeral(before, s string) (string, float64, bool) {
	for _, k := range katakanaNumerals {
		if !strings.HasPrefix(s, k.word) {
			continue
		}
		p, _ := utf8.DecodeLastRuneInString(before)
		r, _ := utf8.DecodeRuneInString(s[len(k.word):])
		if isKatakana(p) || isKatakana(r) {
			return "", 0, false
		}
		return k.word, k.value, true
	}
	return "", 0, false
}

func isKatakana(r rune) bool { return unicode.Is(unicode.Katakana, r) || r == 'ー' }

// counters that make a single kanji numeral a number.
var counters = []string{"周年", "か国", "カ国", "ヶ国", "ヵ国", "か月", "カ月", "ヶ月", "ヵ月", "ケ月", "か所", "カ所", "箇所",
	"試合", "戦", "勝", "敗", "点", "本", "枚", "台", "隻", "機", "社", "校", "票", "議席", "ゴール", "年", "月", "日", "回", "人", "件", "%", "％",
	"時", "歳", "名", "円", "つ", "児", "倍", "度", "番", "位", "次", "条", "号", "期", "章", "項", "週", "階", "億", "万"}

func hasCounter(s string) bool {
	for _, c := range counters {
		if strings.HasPrefix(s, c) {
			return true
		}
	}
	return false
}

// emit records a number read at s[start:end], looking around it for scale
// words, ordinal marks, percent signs and date words.
func (f *finder) emit(v float64, start, end int) {
	s := f.s
	n := Number{Value: v, Start: start, End: end, Kind: KindNumber}
	rest := s[end:]
	// scale words
	switch f.lang {
	case "en":
		// 2.8 billion, £11million, £2.8bn, $125m (m and k after a currency sign only)
		t := strings.TrimLeft(rest, " \u00a0")
		money := strings.HasSuffix(s[:start], "£") || strings.HasSuffix(s[:start], "$") || strings.HasSuffix(s[:start], "€")
		for _, w := range []struct {
			word  string
			mul   float64
			money bool
		}{{"thousand", 1e3, false}, {"million", 1e6, false}, {"billion", 1e9, false}, {"trillion", 1e12, false},
			{"bn", 1e9, false}, {"m", 1e6, true}, {"k", 1e3, true}} {
			if strings.HasPrefix(t, w.word) && !startsWithLetter(t[len(w.word):]) && (!w.money || (money && len(t) == len(rest))) {
				n.Value *= w.mul
				n.End = len(s) - len(t) + len(w.word)
				break
			}
		}
	case "ja":
		// digits followed by kanji units: 5千人, 3億5千万, 1.5億
		k := n.End
		for k < len(s) {
			r, m := utf8.DecodeRuneInString(s[k:])
			if isSep(r) && k > n.End && k+m < len(s) {
				if next, _ := utf8.DecodeRuneInString(s[k+m:]); isDigitRune(next) {
					k += m // 1億2,500万
					continue
				}
			}
			if isSpace(r) && k+m < len(s) {
				if next, _ := utf8.DecodeRuneInString(s[k+m:]); isKanjiNumeral(next) || isDigitRune(next) && k > n.End {
					k += m // 105 万, 1 万 6 千
					continue
				}
			}
			if !isKanjiNumeral(r) && !isDigitRune(r) {
				break
			}
			k += m
		}
		k = len(strings.TrimRight(s[:k], " \u00a0\u3000"))
		if tail := dropSeps(s[n.End:k]); strings.ContainsAny(tail, "十百千万億兆") {
			first, _ := utf8.DecodeRuneInString(tail)
			single := utf8.RuneCountInString(tail) == 1
			if v == math.Trunc(v) && v < 1e15 {
				if iv, ok := parseKanji(strconv.FormatInt(int64(v), 10) + tail); ok {
					n.Value, n.End = float64(iv), k
				}
			} else if big := kanjiBigUnit(first); big > 0 && single {
				n.Value, n.End = v*float64(big), k
			}
		}
	case "km":
		t := strings.TrimLeft(rest, " \u200b")
		for _, w := range []struct {
			word string
			mul  float64
		}{{"ពាន់លាន", 1e9}, {"ពាន់", 1e3}, {"ម៉ឺន", 1e4}, {"សែន", 1e5}, {"លាន", 1e6}, {"កោដិ", 1e7}} {
			if strings.HasPrefix(t, w.word) && !startsWithKhmerMark(t[len(w.word):]) {
				n.Value *= w.mul
				n.End = len(s) - len(t) + len(w.word)
				break
			}
		}
	}
	rest = s[n.End:]
	before := s[:start]
	if f.lang == "en" && n.Value == 100 && certainty(strings.TrimLeft(rest, " ")) {
		n.Weak = true // "100 percent certain": "absolutely"
	}
	switch {
	case f.lang == "en" && ordinalSuffix(rest) > 0:
		n.End += ordinalSuffix(rest)
		n.Ordinal, n.Kind = true, KindOrdinal
	case strings.HasPrefix(rest, "%") || strings.HasPrefix(rest, "％"):
		n.Kind = KindPercent
	case strings.HasPrefix(rest, "年生"):
		n.Ordinal, n.Kind = true, KindOrdinal // 2年生, a second-year student: a school year, no calendar year
	case strings.HasPrefix(rest, "年") && !strings.HasPrefix(rest, "年間"):
		n.Kind = KindYear
	case strings.HasPrefix(rest, "月"):
		n.Kind = KindMonth
	case strings.HasPrefix(rest, "日"):
		n.Kind = KindDay
	case strings.HasSuffix(before, "ថ្ងៃទី") || strings.HasSuffix(before, "ថ្ងៃ ទី"):
		n.Ordinal, n.Kind = true, KindDay
	case strings.HasSuffix(before, "ទី"):
		n.Ordinal, n.Kind = true, KindOrdinal
	case strings.HasSuffix(strings.TrimRight(before, " \u200b"), "ឆ្នាំ"):
		n.Kind = KindYear
	case strings.HasSuffix(strings.TrimRight(before, " \u200b"), "ខែ"):
		n.Kind = KindMonth
	}
	if strings.HasSuffix(before, "第") {
		n.Ordinal, n.Kind = true, KindOrdinal
	}
	if f.lang == "ja" && strings.HasPrefix(rest, "年") {
		if start, ok := eraBefore(before); ok {
			n.Value = float64(start) + n.Value - 1 // 令和4年 is 2022, 平成24年度 fiscal 2012
			n.Kind = KindYear
		}
	}
	if strings.HasPrefix(rest, "番目") || strings.HasPrefix(rest, "回目") {
		n.Ordinal = true
	}
	if f.lang == "ja" {
		switch text := s[start:n.End]; {
		case strings.HasPrefix(rest, "代") && math.Mod(n.Value, 10) == 0:
			n.Weak = true // 10代 "teenage", 20代 "in their twenties"
		case text == "二" && strings.HasPrefix(rest, "人"):
			n.Weak = true // 二人 is as often "the pair", "the couple" as "two people"
		case n.Value == 2 && bilateral(rest):
			n.Weak = true // 2か国間 is 二国間, "bilateral", "between the (two) countries": a relation, no count
		case n.Value == 2 && splitInTwo(rest):
			n.Weak = true // 意見が2つに割れる, "opinion is divided": the idiom of division, no count
		}
	}
	f.out = append(f.out, n)
}

// ordinalSuffix returns the length of an English ordinal suffix at the start
// of s (st, nd, rd, th), or 0.
func ordinalSuffix(s string) int {
	if len(s) < 2 {
		return 0
	}
	switch strings.ToLower(s[:2]) {
	case "st", "nd", "rd", "th":
		if !startsWithLetter(s[2:]) {
			return 2
		}
	}
	return 0
}

func startsWithLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return s != "" && (unicode.IsLetter(r) || isDigitRune(r))
}

func startsWithKhmerMark(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return s != "" && (r >= '\u17B6' && r <= '\u17D3' || r == '\u17DD')
}

var englishMonths = []struct {
	name  string
	month int
	weak  bool // needs a number next to it
}{
	{"January", 1, false}, {"February", 2, false}, {"March", 3, false}, {"April", 4, false},
	{"May", 5, true}, {"June", 6, false}, {"July", 7, false}, {"August", 8, false},
	{"September", 9, false}, {"October", 10, false}, {"November", 11, false}, {"December", 12, false},
	{"Jan.", 1, true}, {"Feb.", 2, true}, {"Mar.", 3, true}, {"Apr.", 4, true}, {"Jun.", 6, true},
	{"Jul.", 7, true}, {"Aug.", 8, true}, {"Sept.", 9, true}, {"Sep.", 9, true}, {"Oct.", 10, true},
	{"Nov.", 11, true}, {"Dec.", 12, true},
	{"Jan", 1, true}, {"Feb", 2, true}, {"Mar", 3, true}, {"Apr", 4, true}, {"Jun", 6, true},
	{"Jul", 7, true}, {"Aug", 8, true}, {"Sept", 9, true}, {"Sep", 9, true}, {"Oct", 10, true},
	{"Nov", 11, true}, {"Dec", 12, true},
}

// englishMonth reads an English month name at s[i], a capital letter, on word boundaries, and returns where
// scan goes on: past the name, or at the next byte. "May" and abbreviations count only next to a number (or
// after "in", "of", "since", "until", "by", "from", "early", "late", "mid-" for May).
func (f *finder) englishMonth(i int) int {
	s := f.s
	if i > 0 && isASCIILetter(s[i-1]) {
		return i + 1
	}
	for _, k := range monthsByInitial[s[i]-'A'] {
		m := englishMonths[k]
		if !strings.HasPrefix(s[i:], m.name) {
			continue
		}
		end := i + len(m.name)
		if end < len(s) && isASCIILetter(s[end]) {
			continue
		}
		if m.weak && !nextToNumber(s, i, end) && !mayContext(s[:i]) && !(m.name != "May" && strings.HasSuffix(s[:i], "on ")) {
			break
		}
		f.out = append(f.out, Number{Value: float64(m.month), Start: i, End: end, Kind: KindMonth})
		return end
	}
	return i + 1
}

// monthsByInitial lists, for each capital letter, the indexes in englishMonths of the names that start with it,
// in order: englishMonths tries only those.
var monthsByInitial = func() (by [26][]int) {
	for k, m := range englishMonths {
		by[m.name[0]-'A'] = append(by[m.name[0]-'A'], k)
	}
	return by
}()

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func mayContext(before string) bool {
	for _, w := range []string{"in ", "of ", "since ", "until ", "by ", "from ", "early ", "late ", "mid-", "In ", "Since ", "From ", "Until ", "By "} {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	return false
}

// nextToNumber reports whether s[i:end] has a digit right before it or right
// after it (across spaces, commas and zero-width spaces).
func nextToNumber(s string, i, end int) bool {
	a := strings.TrimRight(s[:i], " ,\u00a0\u200b")
	if r, _ := utf8.DecodeLastRuneInString(a); a != "" && isDigitRune(r) {
		return true
	}
	b := strings.TrimLeft(s[end:], " ,\u00a0\u200b")
	r, _ := utf8.DecodeRuneInString(b)
	return b != "" && isDigitRune(r)
}

var khmerMonths = []string{"មករា", "កុម្ភៈ", "មីនា", "មេសា", "ឧសភា", "មិថុនា", "កក្កដា", "សីហា", "កញ្ញា", "តុលា", "វិច្ឆិកា", "ធ្នូ"}

// khmerMonthsBy lists, for each letter of the Khmer block, the months (indexes in khmerMonths) whose name starts
// with it.
var khmerMonthsBy = func() (by [0x80][]int) {
	for mi, name := range khmerMonths {
		l := khmerLetterAt(name, 0)
		by[l] = append(by[l], mi)
	}
	return by
}()

// khmerMonthPairs holds the first two letters of each month's name: most letters that start one (ក, ម, ស, ត)
// start other words.
var khmerMonthPairs = func() (m letterPairs) {
	for _, name := range khmerMonths {
		m.add(name)
	}
	return m
}()

// kmStartPairs holds the first two letters of each Khmer month name and number word: where scan looks for either.
var kmStartPairs = khmerMonthPairs.union(&kmPairs)

// khmerMonths finds Khmer month names after ខែ ("month") or next to a number
// (១៨ វិច្ឆិកា ២០២១): alone, several are ordinary words (កញ្ញា "miss",
// ធ្នូ "bow", តុលា in តុលាការ "court"). The search runs on the Khmer matching
// form, so look-alike spellings and zero-width spaces do not hide a month. The form
// is a parameter, not a field of the finder: a pointer in the finder escapes with the
// numbers it holds, and ReadForm's copy of the form went to the heap at each call.
func (f *finder) khmerMonths(form *matchform.Form) {
	t := form.Text
	// One pass that tries, at each Khmer letter, the names that start with it.
	for i := 0; i < len(t); i++ {
		if t[i] != 0xE1 {
			continue
		}
		if l := khmerLetterAt(t, i); l >= 0 {
			f.khmerMonth(form, i, l)
			i += 2 // the letter's other bytes start no name
		}
	}
}

// khmerMonth reads a Khmer month name at form.Text[i], a letter of the Khmer block (l, from khmerLetterAt), for
// khmerMonths, or for scan where the form is the text. No name overlaps itself (none ends with its own start), so
// a name read at every letter is found where a search for it from the end of its last occurrence found it.
func (f *finder) khmerMonth(form *matchform.Form, i, l int) {
	t := form.Text
	if len(khmerMonthsBy[l]) == 0 || !khmerMonthPairs.at(t, i, l) {
		return // no name starts here
	}
	for _, mi := range khmerMonthsBy[l] {
		name := khmerMonths[mi]
		if !strings.HasPrefix(t[i:], name) {
			continue
		}
		end := i + len(name)
		if startsWithKhmerMark(t[end:]) || strings.HasSuffix(t[:i], "\u17D2") {
			continue // part of a longer syllable
		}
		if !strings.HasSuffix(strings.TrimRight(t[:i], " "), "ខែ") && !nextToNumber(t, i, end) {
			continue
		}
		f.out = append(f.out, Number{Value: float64(mi + 1), Start: form.Orig(i), End: form.OrigEnd(end), Kind: KindMonth})
	}
}
