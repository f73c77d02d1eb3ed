package numeral

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/matchform"
	"github.com/relloc/relloc/internal/testenv"
)

// The finder as it was before it read English words through one table of the words it knows (enWords), lowered
// no text to find a unit, passed over Japanese kana and kanji with a look at a table (jaStarts) and over a Khmer
// letter in one step, read a run of digits without making a string of it, found the relative date words in one
// pass, tried the Khmer number words and month names only where the first two letters of one stand, and read
// English month names, Japanese era first years (令和元年), Khmer number words and, where the matching form is the
// text, Khmer month names in its scan of the digits, not in passes of their own: Find,
// Relative and Bare must give the same numbers, to the last field, on generated text and on the corpora. The
// passes below are the old ones, renamed ref*; the others are shared.

// refFind is Find with the old passes.
func refFind(lang language.Tag, s string, form *matchform.Form) []Number {
	f := refRead(lang, s, form, nil)
	f.refFinish()
	return f.out
}

// read runs the passes that read the text itself: the numbers they find are in f.out, in order. Each decides a
// number from the text near it and never across a sentence end (see Reading), so that a sentence's numbers are
// its block's, which Reading.Span takes instead of reading the sentence again. When bare is not nil, the bare
// Khmer number words (Bare) are put there.
func refRead(lang language.Tag, s string, form *matchform.Form, bare *[]Number) finder {
	b, _ := lang.Base()
	f := finder{lang: b.String(), s: s, bare: bare}
	f.refScan()
	switch f.lang {
	case "en":
		f.refEnglishWords()
	case "km":
		f.refKhmerMonths(form)
		f.refKhmerWords()
	case "ja":
		f.refEraFirstYears()
	}
	if f.lang == "en" || f.lang == "km" || f.lang == "ja" {
		f.refEnglishMonths() // English month names also appear in Khmer and Japanese text
	}
	slices.SortStableFunc(f.out, func(a, b Number) int { return a.Start - b.Start })
	return f
}

// refEnglishMonths finds English month names, capitalised, on word boundaries, in a pass of its own.
// "May" and abbreviations count only next to a number (or after "in", "of",
// "since", "until", "by", "from", "early", "late", "mid-" for May).
func (f *finder) refEnglishMonths() {
	s := f.s
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 'A' || c > 'Z' || (i > 0 && isASCIILetter(s[i-1])) {
			continue
		}
		for _, k := range monthsByInitial[c-'A'] {
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
			i = end - 1
			break
		}
	}
}

// refEraFirstYears reads 令和元年, the first year of an era, in a pass of its own: 元年 is looked for once, and
// the era before it.
func (f *finder) refEraFirstYears() {
	s := f.s
	for off := 0; ; {
		k := strings.Index(s[off:], "元年")
		if k < 0 {
			return
		}
		i := off + k
		for _, e := range eras {
			if strings.HasSuffix(s[:i], e.name) {
				f.out = append(f.out, Number{Value: float64(e.start), Start: i, End: i + len("元"), Kind: KindYear})
			}
		}
		off = i + len("元年")
	}
}

// finish runs the passes over the numbers read (read): clock times, units, list labels, dates, glosses,
// conversions. They may read the whole text (whether a label stands at its start, which dates came before), so a
// span's are run on the span (Reading.Span).
func (f *finder) refFinish() {
	f.times()
	f.refUnits()
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

func (f *finder) refScan() {
	s := f.s
	ja := f.lang == "ja"
	for i := 0; i < len(s); {
		// Dispatch on the first byte: an ASCII byte is a digit or nothing here, and outside Japanese only the
		// lead byte of a Khmer (E1) or full-width (EF) digit is worth decoding.
		if c := s[i]; c < utf8.RuneSelf {
			if '0' <= c && c <= '9' {
				i = f.refDigits(i)
			} else {
				i++
			}
			continue
		} else if !ja && c != 0xEF && (c != 0xE1 || i+2 >= len(s) || s[i+1] != 0x9F || s[i+2] < 0xA0 || s[i+2] > 0xA9) {
			// and a Khmer digit (U+17E0–U+17E9) is E1 9F A0–A9, which the other Khmer letters are not
			i++
			for i < len(s) && !utf8.RuneStart(s[i]) {
				i++
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if _, ok := Digit(r); ok {
			i = f.refDigits(i)
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
		if f.lang == "ja" && r == '両' {
			// 両国, 両首脳, 両者: "both", "the two": weak 2 (not 両替 "exchange", 両立 "compatible")
			if next, _ := utf8.DecodeRuneInString(s[i+n:]); unicode.Is(unicode.Han, next) && next != '替' && next != '立' {
				f.out = append(f.out, Number{Value: 2, Start: i, End: i + n, Kind: KindNumber, Weak: true})
			}
		}
		i += n
	}
}

// digits reads the digit run at s[i] and returns where it ends.
func (f *finder) refDigits(i int) int {
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
	if v, ok := f.refGrouped(groups[0].start, j, seps, func(g int) int { return digitCount(s[groups[g].start:groups[g].end]) }); ok {
		f.emit(v, groups[0].start, j)
	} else {
		for _, g := range groups {
			v, _ := parseGrouped(s[g.start:g.end])
			f.emit(float64(v), g.start, g.end)
		}
	}
	return f.out[len(f.out)-1].End
}

// grouped reads s[start:end] with the separators seps between digit groups
// as one number, if the separators allow it.
func (f *finder) refGrouped(start, end int, seps []rune, glen func(int) int) (float64, bool) {
	if len(seps) == 0 {
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

// refEnWordShapes[c] has bit n set when a word that englishWords reads as a number or the start of one (a key of
// the maps above, "a" of "a hundred", "dozen" of "a dozen", "quarter" of "quarter-hour") starts with the letter
// 'a'+c and is n bytes long, so that the other words, most of a text, are passed over with no map look-up.
var refEnWordShapes = func() (m [26]uint32) {
	add := func(w string) { m[w[0]-'a'] |= 1 << len(w) }
	for _, words := range []map[string]int{enUnits, enTens, enOrdinals} {
		for w := range words {
			add(w)
		}
	}
	for _, words := range []map[string]float64{enScales, enWeakWords, enClassYears} {
		for w := range words {
			add(w)
		}
	}
	for _, w := range []string{"a", "dozen", "quarter"} {
		add(w)
	}
	return m
}()

// enWordShape reports whether lower, a lower-case ASCII word, may be one that englishWords reads (refEnWordShapes).
func refEnWordShape(lower string) bool {
	c := lower[0] - 'a'
	return len(lower) < 32 && c < 26 && refEnWordShapes[c]&(1<<len(lower)) != 0
}

type refWord struct {
	start, end int
	lower      string
}

// englishWords reads English number words: "six members", "Fifty-eight
// percent", "two thousand", "a dozen", "Fifth", "twenty-first".
func (f *finder) refEnglishWords() {
	s := f.s
	// Count the runs of letters first, so that ws is allocated once rather than grown word by word (the growth
	// was a tenth of the bytes numeral.Find allocated in a release check).
	runs := 0
	for i := 0; i < len(s); i++ {
		if isASCIILetter(s[i]) && (i == 0 || !isASCIILetter(s[i-1])) {
			runs++
		}
	}
	if runs == 0 {
		return
	}
	ws := make([]refWord, 0, runs)
	for i := 0; i < len(s); {
		if !isASCIILetter(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isASCIILetter(s[j]) {
			j++
		}
		if (i == 0 || !isDigitByte(s[i-1])) && (j == len(s) || !isDigitByte(s[j])) {
			ws = append(ws, refWord{i, j, strings.ToLower(s[i:j])})
		}
		i = j
	}
	// joined reports whether words a and b are next to each other, across one
	// space or hyphen.
	joined := func(a, b refWord) bool {
		gap := s[a.end:b.start]
		return gap == " " || gap == "-" || gap == "\u00a0"
	}
	for i := 0; i < len(ws); i++ {
		w := ws[i]
		if !refEnWordShape(w.lower) {
			continue // most words: none of those read below, which start a number or a phrase
		}
		if v, ok := enWeakWords[w.lower]; ok {
			f.out = append(f.out, Number{Value: v, Start: w.start, End: w.end, Kind: KindNumber, Weak: true})
			continue
		}
		// A class year carries an implicit ordinal that Japanese and Khmer write as a number: "a sophomore" is
		// 2年生 or ឆ្នាំទី២, "her senior year" 4年生 or ឆ្នាំទីបួន. "junior" and "senior" count only before
		// "year", or as a noun before "who", "at" or "from" ("a 6-foot-6 junior who", 大学3年生): a junior
		// minister and senior officials are no years. "freshman" and "sophomore" always count.
		if v, ok := enClassYears[w.lower]; ok {
			end := w.end
			if v >= 3 {
				if i+1 >= len(ws) || !joined(w, ws[i+1]) {
					continue
				}
				switch ws[i+1].lower {
				case "year":
					end = ws[i+1].end
					i++
				case "who", "at", "from":
				default:
					continue
				}
			}
			f.out = append(f.out, Number{Value: v, Start: w.start, End: end, Kind: KindNumber, Weak: true})
			continue
		}
		if w.lower == "quarter" && i+1 < len(ws) && ws[i+1].lower == "hour" && s[w.end:ws[i+1].start] == "-" {
			f.out = append(f.out, Number{Value: 15, Start: w.start, End: ws[i+1].end, Kind: KindNumber, Weak: true})
			i++
			continue
		}
		if w.lower == "dozen" && i > 0 && ws[i-1].lower == "a" && joined(ws[i-1], w) {
			f.out = append(f.out, Number{Value: 12, Start: ws[i-1].start, End: w.end, Kind: KindNumber, Weak: true})
			continue
		}
		// a number phrase: [a] (units | tens[-units] | ordinal) [hundred ...] [thousand ...]
		start, k := i, i
		var total, cur float64
		any, ordinal := false, false
		if w.lower == "a" && i+1 < len(ws) && joined(w, ws[i+1]) {
			if sc := enScales[ws[i+1].lower]; sc >= 100 {
				cur, any, k = 1, true, i+1 // a hundred, a thousand
			}
		}
		last := ""
		for ; k < len(ws); k++ {
			x := ws[k]
			if k > start && !joined(ws[k-1], x) {
				// "two hundred and fifty"
				if !(x.lower != "and" && ws[k-1].lower == "and" && k-2 >= start && enScales[ws[k-2].lower] > 0 && s[ws[k-1].end:x.start] == " ") {
					break
				}
			}
			if x.lower == "and" && last == "scale" && k+1 < len(ws) && joined(x, ws[k+1]) {
				continue
			}
			if u, ok := enUnits[x.lower]; ok && (last == "" || last == "tens" && u < 10 || last == "scale") {
				cur += float64(u)
				any, last = true, "unit"
				continue
			}
			if t, ok := enTens[x.lower]; ok && (last == "" || last == "scale") {
				cur += float64(t)
				any, last = true, "tens"
				continue
			}
			if o, ok := enOrdinals[x.lower]; ok && (last == "" || last == "tens" && o < 10 || last == "scale") {
				cur += float64(o)
				any, ordinal = true, true
				k++
				break
			}
			if sc, ok := enScales[x.lower]; ok && any && last != "scale" {
				if sc == 100 {
					cur *= 100
				} else {
					total += cur * sc
					cur = 0
				}
				last = "scale"
				continue
			}
			break
		}
		if !any {
			continue
		}
		end := ws[k-1].end
		if ws[k-1].lower == "and" {
			end = ws[k-2].end
		}
		v := total + cur
		n := Number{Value: v, Start: ws[start].start, End: end, Kind: KindNumber, Spelled: true}
		if ordinal {
			n.Ordinal, n.Kind = true, KindOrdinal
			// "first" is as often 初めて or 初の; "second" is also a unit of time
			n.Weak = v == 1 || v == 2 && k-start == 1
		} else {
			n.Weak = v == 1 && k-start == 1
		}
		rest := strings.TrimLeft(s[end:], " \u00a0")
		prev := ""
		if start > 0 && joined(ws[start-1], ws[start]) {
			prev = ws[start-1].lower
		}
		if ordinal && v == 3 && k-start == 1 && fractionOfThird(prev, rest) {
			// "the final third", "a third of": a fraction (a third of the pitch, of the budget), which a
			// translation may write as a share or leave to a loanword (ファイナルサード); its 3 is weak, as in "two
			// thirds"
			n.Ordinal, n.Kind, n.Weak = false, KindNumber, true
		}
		if v == 9 && !ordinal && k-start == 1 && (prev == "front" || prev == "back") {
			n.Weak = true // golf's "front nine" and "back nine" are the halves of a round: 前半9ホール, ប៊ែកណាញ
		}
		if v == 2 && !ordinal && k-start == 1 && pairNoun(rest) {
			n.Weak = true // "our two countries", "the two leaders": 両国, 両首脳, ប្រទេសទាំងពីរ
		}
		if c := s[n.Start]; 'A' <= c && c <= 'Z' && !sentenceStart(s[:n.Start]) {
			n.Weak = true // part of a name: the Four Corners, World War One, the Seven Dwarfs
		}
		if strings.HasPrefix(rest, "percent") || strings.HasPrefix(rest, "per cent") || strings.HasPrefix(s[end:], "%") {
			n.Kind = KindPercent
		}
		if v == 100 && n.Kind == KindPercent && certainty(rest) {
			n.Weak = true // "a hundred percent sure" is 絶対に, "absolutely"
		}
		f.out = append(f.out, n)
		i = k - 1
	}
}

// units sets Number.Unit: an English number before an imperial unit, or
// between one and the next ("6-foot-6", "5 feet 11 inches"); a Japanese or
// Khmer number before a metric unit (198センチ, ៧២ គីឡូម៉ែត្រ). Only the
// unit word is read: 度 is as often "times" as "degrees", but Compare uses
// a metric number only when the English has an imperial one left over.
func (f *finder) refUnits() {
	s := f.s
	unitAfter := func(end int, units []string, first map[rune]bool) bool {
		rest := strings.TrimLeft(headOf(s[end:], nearby), " -\u00a0\u200b")
		// strings.ToLower maps rune by rune: no unit can follow unless the first rune lowers to a unit's first
		r, _ := utf8.DecodeRuneInString(rest)
		if !first[unicode.ToLower(r)] {
			return false
		}
		rest = strings.ToLower(rest)
		for _, u := range units {
			if strings.HasPrefix(rest, u) {
				next := rest[len(u):]
				if next == "" || !isASCIILetter(next[0]) || !isASCIILetter(u[len(u)-1]) {
					return true
				}
			}
		}
		return false
	}
	for i := range f.out {
		n := &f.out[i]
		if n.Kind != KindNumber || n.Weak && f.lang != "en" {
			continue
		}
		switch f.lang {
		case "en":
			w := tailOf(s[:n.Start], nearby)
			trimmed := strings.TrimRight(w, " -\u00a0")
			inchesAfterFeet := false
			if len(trimmed) < len(w) {
				before := strings.ToLower(trimmed)
				for _, u := range []string{"foot", "feet", "ft"} {
					if strings.HasSuffix(before, u) {
						inchesAfterFeet = true
					}
				}
			}
			if unitAfter(n.End, imperialUnits, refImperialFirst) || inchesAfterFeet {
				n.Unit = UnitImperial
			}
		case "ja", "km":
			if unitAfter(n.End, metricUnits, refMetricFirst) {
				n.Unit = UnitMetric
			}
		}
	}
}

// refImperialFirst and refMetricFirst hold the first rune of each unit, for refUnits.
var refImperialFirst, refMetricFirst = refFirstRunes(imperialUnits), refFirstRunes(metricUnits)

func refFirstRunes(words []string) map[rune]bool {
	m := map[rune]bool{}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		m[r] = true
	}
	return m
}

// refRelativeWords is Relative for the language whose base is lang.
func refRelativeWords(lang, s string) []Number {
	if lang != "ja" {
		return nil
	}
	var out []Number
	for _, w := range []struct{ word, kind string }{
		{"本日", KindDay}, {"同日", KindDay}, {"当日", KindDay},
		{"本年", KindYear}, {"同年", KindYear}, {"今年", KindYear},
		{"本月", KindMonth}, {"同月", KindMonth}, {"今月", KindMonth},
	} {
		for off := 0; ; {
			k := strings.Index(s[off:], w.word)
			if k < 0 {
				break
			}
			i := off + k
			off = i + len(w.word)
			if strings.HasPrefix(s[off:], "代") || strings.HasPrefix(s[off:], "齢") {
				continue // 同年代, 同年齢: "of the same age"
			}
			out = append(out, Number{Start: i, End: off, Kind: w.kind, Relative: true, Weak: true})
		}
	}
	return out
}

// khmerWords reads Khmer number words: a tens word and a unit word
// (ម្ភៃប្រាំ 25), optionally followed by a scale word (បីរយ 300, ប្រាំពាន់
// 5000). A scale word alone is no number (សែន is also "very"). A word
// inside a longer syllable (ពីរោះ "pleasant", a consonant after a coeng) is
// not a number. ទាំងពីរ ("both") is weak.
func (f *finder) refKhmerWords() {
	s := f.s
	prefix := func(i int, w string) bool {
		if !strings.HasPrefix(s[i:], w) {
			return false
		}
		return !startsWithKhmerMark(s[i+len(w):])
	}
	for i := 0; i < len(s); {
		// Every word starts with a letter of the Khmer block (E1 9E or E1 9F in UTF-8).
		if s[i] != 0xE1 {
			k := strings.IndexByte(s[i:], 0xE1)
			if k < 0 {
				break
			}
			i += k
		}
		const size = 3
		l := khmerLetterAt(s, i)
		if l < 0 {
			i++
			continue
		}
		if !kmStarts[l] || strings.HasSuffix(s[:i], "\u17D2") {
			i += size // no tens or unit word starts here; the letter's other bytes start none either
			continue
		}
		j, v, any := i, 0, false
		for _, k := range kmTensBy[l] {
			if t := kmTens[k]; prefix(j, t.word) {
				v, j, any = t.v, j+len(t.word), true
				break
			}
		}
		if l := khmerLetterAt(s, j); l >= 0 {
			for _, k := range kmUnitsBy[l] {
				if u := kmUnits[k]; prefix(j, u.word) {
					v, j, any = v+u.v, j+len(u.word), true
					break
				}
			}
		}
		if !any {
			i += size
			continue
		}
		value := float64(v)
		scaled := false
		k := j
		for k < len(s) && (s[k] == ' ' || strings.HasPrefix(s[k:], "\u200b")) {
			k++ // ប្រាំមួយ លាននាក់
		}
		for _, sc := range kmScales {
			if prefix(k, sc.word) {
				value *= sc.v
				j = k + len(sc.word)
				scaled = true // ពីរទសវត្សរ៍ "two decades", បីរយ "three hundred"
				break
			}
		}
		n := Number{Value: value, Start: i, End: j, Kind: KindNumber}
		before := strings.TrimRight(s[:i], " \u200b")
		switch {
		case strings.HasSuffix(s[:i], "ទី"):
			n.Ordinal, n.Kind = true, KindOrdinal // ទីពីរ, "second"
		case v == 2 && value == 2 && strings.HasSuffix(before, "ទាំង"):
			n.Weak = true // ទាំងពីរ, "both"
		case !scaled && !khmerCounter(s[j:]) && !khmerCountWord(before) && !strings.HasPrefix(strings.TrimLeft(s[j:], " \u200b"), "ទៅ") &&
			!(khmerWordEnd(s[j:]) && !strings.HasSuffix(s[:i], "ទោះ") && !strings.HasSuffix(s[:i], "ពី")):
			// no counter after it: ពីរ in ពីរបៀប (ពី + របៀប), បី in ទោះបីជា "although"; or a number word that
			// Khmer writes bare, after a noun or verb (បេក្ខជនពីរ "two candidates", ចាញ់បួន "lost four")
			if f.bare != nil && v > 1 && bareNumberWord(s[:i], s[i:j], s[j:]) {
				n.Bare, n.Weak = true, true
				*f.bare = append(*f.bare, n)
			}
			i = j
			continue
		}
		if strings.HasPrefix(strings.TrimLeft(s[j:], " \u200b"), "បី") || strings.HasSuffix(before, "ពីរ") {
			n.Weak = true // ពីរបីថ្ងៃ, "two or three days", "a few days"
		}
		if value == 2 && strings.HasPrefix(strings.TrimLeft(s[j:], " \u200b"), "នាក់") {
			n.Weak = true // ពីរនាក់ is as often "the two of them", "the pair" as "two people", like Japanese 二人
		}
		f.out = append(f.out, n)
		i = j
	}
}

// khmerMonths finds Khmer month names after ខែ ("month") or next to a number
// (១៨ វិច្ឆិកា ២០២១): alone, several are ordinary words (កញ្ញា "miss",
// ធ្នូ "bow", តុលា in តុលាការ "court"). The search runs on the Khmer matching
// form, so look-alike spellings and zero-width spaces do not hide a month.
func (f *finder) refKhmerMonths(given *matchform.Form) {
	var form matchform.Form
	if given != nil {
		form = *given
	} else {
		form = matchform.Khmer(f.s)
	}
	t := form.Text
	// One pass that tries, at each Khmer letter, the names that start with it; an occurrence of a name is looked
	// for only from the end of its last one, as a search name by name found them.
	var from [12]int
	for i := 0; i < len(t); i++ {
		if t[i] != 0xE1 {
			continue
		}
		l := khmerLetterAt(t, i)
		if l < 0 {
			continue
		}
		for _, mi := range khmerMonthsBy[l] {
			name := khmerMonths[mi]
			if i < from[mi] || !strings.HasPrefix(t[i:], name) {
				continue
			}
			end := i + len(name)
			from[mi] = end
			if startsWithKhmerMark(t[end:]) || strings.HasSuffix(t[:i], "\u17D2") {
				continue // part of a longer syllable
			}
			if !strings.HasSuffix(strings.TrimRight(t[:i], " "), "ខែ") && !nextToNumber(t, i, end) {
				continue
			}
			f.out = append(f.out, Number{Value: float64(mi + 1), Start: form.Orig(i), End: form.OrigEnd(end), Kind: KindMonth})
		}
		i += 2 // the letter's other bytes start no name
	}
}

// referencePieces add to spanPieces what the changed passes read differently if they are wrong: number words in
// every case and next to digits, the words a number word looks at beside it, units in capitals and after
// letters that lower to ASCII (İ, the Kelvin sign), long runs of digits, decimals, and bytes that are no UTF-8.
var referencePieces = map[string][]string{
	"en": {"and ", "And ", "a ", "A ", "hundred ", "Hundred", "HUNDRED ", "thousand", "Thousand ", "and fifty",
		"twenty", "Twenty-", "one", "ONE ", "third", "Third ", "of ", "final ", "last ", "middle ", "front ",
		"back ", "senior ", "junior ", "year", "Year ", "who", "at ", "from ", "quarter", "-hour", "hour",
		"dozen", "Dozen ", "zero ", "Zero", "decade", "decades ", "5th", "two5", "5two", "sophomore", "Freshmen ",
		" feet ", " Feet", "FT ", " inches", " INCHES", " İnches", " \u212Am", " mİle", " miles", "-foot-", "°F",
		" degrees Fahrenheit", "1234567890123456", "12345678901234567890", "0012", "3.14159", "1,234,567.5",
		"\xff", "\xe3\x81", "\xc3", "Ｋ", "percent", " per cent ", "%", "certain", "countries"},
	"km": {" គីឡូម៉ែត្រ", " Km", " KG", "ម៉ោង ", "៤.៤០", "១២៣៤៥៦៧៨៩០១២៣៤៥៦", "១២,៥", "\xe1\x9f", "\xe1", "\xe1\x80\x80\x80", "\x80",
		// every month and number word, beside words that start with the same letter or two, and after a coeng
		"ខែមករា", "ខែកុម្ភៈ", "មីនា", "ខែ មេសា", "ឧសភា ", "មិថុនា", "កក្កដា", "សីហា", "កញ្ញា", "តុលា", "វិច្ឆិកា", "ធ្នូ",
		"ដប់", "ម្ភៃ", "សាមសិប", "សែសិប", "ហាសិប", "ហុកសិប", "ចិតសិប", "ប៉ែតសិប", "កៅសិប", "ប្រាំពីរ", "ប្រាំបី",
		"ប្រាំបួន", "ប្រាំ", "មួយ", "បួន", "បី", "នាក់", "ដង", "រយ", "ប៉ុន្តែ", "ពីរោះ", "មួយចំនួន", "បីដូចជា", "ម៉ែ",
		"ស្រី", "ម្តាយ", "សាលា", "ហុច", "ចិត្ត", "កៅអី", "ដប", "ប្រាក់", "\u17D2"},
	"ja": {"センチ", "ｾﾝﾁ", "メートル", "キロ", "KM", "\u212Ag", "℃", "度", "一昨年", "一昨日", "元年", "元", "May 5", "Sept.", "双方", "両首脳", "両替", "両立",
		"ナイン", "イ", "ナ", "ニ", "三百六十万", "万一", "〇", "零", "第一", "１２３４５", "1234567890123456789",
		"\xe3\x81", "\xe4\xb8", "\xe0\x80\x80", "\xed\xa0\x80", "\xef\xbc\x91", "2.5億", "1億2,500万", "本日本年", "同年齢", "今月代", "\xe6本日", "同\xe6\x97"},
}

// referenceText makes a text in lang from spanPieces and referencePieces.
func referenceText(rng *rand.Rand, lang string, n int) string {
	ps := append(slices.Clone(spanPieces[lang]), referencePieces[lang]...)
	var sb strings.Builder
	for range n {
		sb.WriteString(ps[rng.IntN(len(ps))])
	}
	return sb.String()
}

// referenceCheck compares Find, FindForm, Relative and Bare of s with the old finder's.
func referenceCheck(t *testing.T, lang language.Tag, s string) {
	t.Helper()
	if got, want := Find(lang, s), refFind(lang, s, nil); !slices.Equal(got, want) {
		t.Fatalf("%s: Find(%q):\n got %+v\nwant %+v", lang, s, got, want)
	}
	if got, want := Relative(lang, s), refRelativeWords(baseOf(lang), s); !slices.Equal(got, want) {
		t.Fatalf("%s: Relative(%q):\n got %+v\nwant %+v", lang, s, got, want)
	}
	var want []Number
	if baseOf(lang) == "km" {
		f := finder{lang: "km", s: s, bare: &want}
		f.refKhmerWords()
	}
	if got := Bare(lang, s); !slices.Equal(got, want) {
		t.Fatalf("%s: Bare(%q):\n got %+v\nwant %+v", lang, s, got, want)
	}
	form := matchform.For(lang, s)
	if got, want := FindForm(lang, s, form), refFind(lang, s, &form); !slices.Equal(got, want) {
		t.Fatalf("%s: FindForm(%q):\n got %+v\nwant %+v", lang, s, got, want)
	}
}

// TestFindMatchesReference: Find gives what the old finder gave, on generated English, Khmer and Japanese text
// and on each line and each paragraph of the corpora (NTREX-128 and the MOFA releases, when ../shared holds
// them).
func TestFindMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 2028))
	for _, lang := range []language.Tag{en, km, ja} {
		code := baseOf(lang)
		for range 4000 {
			referenceCheck(t, lang, referenceText(rng, code, 1+rng.IntN(12)))
		}
		// a language's text read as another's: English words in Japanese, kanji in English
		for range 500 {
			other := []string{"en", "km", "ja"}[rng.IntN(3)]
			referenceCheck(t, lang, referenceText(rng, code, 1+rng.IntN(6))+referenceText(rng, other, 1+rng.IntN(6)))
		}
	}
	t.Run("corpora", func(t *testing.T) {
		lines := 0
		for _, c := range []struct {
			lang language.Tag
			file string
		}{{en, "newstest2019-src.eng.txt"}, {km, "newstest2019-ref.khm.txt"}, {ja, "newstest2019-ref.jpn.txt"}} {
			ls := corpusLines(t, c.file)
			for _, l := range ls {
				referenceCheck(t, c.lang, l)
			}
			lines += len(ls)
			for i := 0; i < len(ls); i += 20 { // paragraphs of 20 lines
				referenceCheck(t, c.lang, strings.Join(ls[i:min(i+20, len(ls))], " "))
			}
		}
		releases, _ := filepath.Glob(filepath.Join(testenv.Shared(t, "corpora", "mofa-en-ja", "releases"), "*", "*.md"))
		referenceCheckReleases(t, releases)
		if lines == 0 || len(releases) == 0 {
			t.Errorf("read %d corpus lines and %d MOFA releases", lines, len(releases))
		}
	})
	t.Run("repository", func(t *testing.T) {
		// the repository's own workspace and the releases of the packages' testdata
		releases, _ := filepath.Glob(filepath.Join("..", "..", "releases", "*", "*.md"))
		more, _ := filepath.Glob(filepath.Join("..", "*", "testdata", "releases", "*", "*.md"))
		releases = append(releases, more...)
		if len(releases) == 0 {
			t.Fatal("no release in the repository")
		}
		referenceCheckReleases(t, releases)
	})
}

// referenceCheckReleases runs referenceCheck on each paragraph of the release files at paths, in the language
// their name ends with (ja.md, km.md, English otherwise).
func referenceCheckReleases(t *testing.T, paths []string) {
	t.Helper()
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		lang := en
		switch {
		case strings.HasSuffix(p, "ja.md"):
			lang = ja
		case strings.HasSuffix(p, "km.md"):
			lang = km
		}
		for _, para := range strings.Split(string(data), "\n\n") {
			referenceCheck(t, lang, para)
		}
	}
}

// TestLowerAffixes: lowerPrefix and lowerSuffix answer as strings.ToLower and HasPrefix or HasSuffix do, on
// text with letters whose lower case is ASCII (İ, the Kelvin sign), capitals and bytes that are no UTF-8.
func TestLowerAffixes(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 8))
	pieces := []string{"f", "F", "e", "E", "t", "T", "o", "O", "i", "İ", "n", "c", "h", "k", "\u212A", "m", "M", "°", "セ",
		"ｾ", "ﾝ", "\xff", "\xe3", " ", "g", "\u0130", "ẞ", "ß"}
	units := append(append([]string{"foot", "feet", "ft", "x"}, imperialUnits...), metricUnits...)
	for range 20000 {
		var sb strings.Builder
		for range rng.IntN(8) {
			sb.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := sb.String()
		lower := strings.ToLower(s)
		for _, u := range units {
			ok, letter := lowerPrefix(s, u)
			wantOK := strings.HasPrefix(lower, u)
			wantLetter := wantOK && len(lower) > len(u) && isASCIILetter(lower[len(u)])
			if ok != wantOK || letter != wantLetter {
				t.Fatalf("lowerPrefix(%q, %q) = %v, %v; strings.ToLower gives %v, %v", s, u, ok, letter, wantOK, wantLetter)
			}
			if got, want := lowerSuffix(s, u), strings.HasSuffix(lower, u); got != want {
				t.Fatalf("lowerSuffix(%q, %q) = %v, want %v", s, u, got, want)
			}
		}
	}
}

// TestUnitAndGlossHelpers: lastOpening, latinDigits, trimUnitSpaceLeft, trimUnitSpaceRight and a unit's first
// runes answer as strings.LastIndexAny, allDigits with ContainsAny, TrimLeft, TrimRight and a map did, on text of
// brackets, quotes, spaces, digits and the bytes of each alone, which are no UTF-8.
func TestUnitAndGlossHelpers(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	pieces := []string{"(", ")", "\"", "（", "«", "“", "「", "『", "」", "a", "៣", "3", " ", "-", "\u00a0", "\u200b", "\u202f",
		"\xe3\x80", "\x8c", "\x8e", "\xbc\x88", "\xef", "\xc2", "\xab", "\x80\x9c", "\xe2", "\x9c", "\xa0", "\xff", "セ", "ℂ", "១", "២", "５", "7"}
	for range 20000 {
		var sb strings.Builder
		for range rng.IntN(10) {
			sb.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := sb.String()
		if got, want := lastOpening(s), strings.LastIndexAny(s, "(（«“\"「『"); got != want {
			t.Fatalf("lastOpening(%q) = %d, want %d", s, got, want)
		}
		if got, want := latinDigits(s), allDigits(s) && strings.ContainsAny(s, "0123456789"); got != want {
			t.Fatalf("latinDigits(%q) = %v, want %v", s, got, want)
		}
		if got, want := trimUnitSpaceLeft(s), strings.TrimLeft(s, " -\u00a0\u200b"); got != want {
			t.Fatalf("trimUnitSpaceLeft(%q) = %q, want %q", s, got, want)
		}
		if got, want := trimUnitSpaceRight(s), strings.TrimRight(s, " -\u00a0"); got != want {
			t.Fatalf("trimUnitSpaceRight(%q) = %q, want %q", s, got, want)
		}
		for _, r := range s {
			r = unicode.ToLower(r)
			if imperialFirst.has(r) != refImperialFirst[r] || metricFirst.has(r) != refMetricFirst[r] {
				t.Fatalf("first rune %q of a unit: imperial %v, metric %v", r, imperialFirst.has(r), metricFirst.has(r))
			}
		}
	}
	for r := rune(-1); r < 0x3100; r++ {
		if imperialFirst.has(r) != refImperialFirst[r] || metricFirst.has(r) != refMetricFirst[r] {
			t.Fatalf("first rune %U of a unit: imperial %v, metric %v", r, imperialFirst.has(r), metricFirst.has(r))
		}
	}
}

// TestJaStarts: the table of runes at which scan reads in Japanese holds exactly the runes its checks read.
func TestJaStarts(t *testing.T) {
	for r := rune(0); r < 1<<16; r++ {
		want := isDigitRune(r) || isKanjiNumeral(r) || r >= 'イ' && r <= 'ナ' || r == '双' || r == '両' || r == '元'
		if jaStart(r) != want {
			t.Errorf("jaStart(%U) = %v, want %v", r, !want, want)
		}
	}
}

// FuzzFindMatchesReference: on any text, Find, FindForm, Relative and Bare give what the old finder gave.
func FuzzFindMatchesReference(f *testing.F) {
	f.Add(uint8(0), "Two hundred and fifty senior year, a dozen 5 FEET 11 İnches on Jan. 5 at 3:45 p.m.")
	f.Add(uint8(1), "ថ្ងៃទី១៥ ខែមិថុនា ឆ្នាំ២០២២ ប្រាំមួយនាក់ បេក្ខជនពីរ ម្ភៃប្រាំ ពីរោះ ៤៨ គីឡូម៉ែត្រ")
	f.Add(uint8(2), "本日、令和4年8月4日午後3時45分、一億2000万円、第三国、同年代、２０２２年、イレブン\xe3\x81")
	f.Fuzz(func(t *testing.T, which uint8, s string) {
		if len(s) > 4000 {
			return
		}
		referenceCheck(t, []language.Tag{en, km, ja}[int(which)%3], s)
	})
}

// TestLookEnWord: lookEnWord finds every word of enWords in lower case, with a capital and in capitals, and no
// other word of the corpus, whose shape and first two letters pass most of them to no map.
func TestLookEnWord(t *testing.T) {
	for w, e := range enWords {
		for _, v := range []string{w, strings.ToUpper(w[:1]) + w[1:], strings.ToUpper(w)} {
			if got := lookEnWord(v); got != e {
				t.Errorf("lookEnWord(%q) = %v, want the entry of %q", v, got, w)
			}
		}
	}
	words := 0
	for _, l := range corpusLines(t, "newstest2019-src.eng.txt") {
		for _, w := range strings.FieldsFunc(l, func(r rune) bool { return r >= utf8.RuneSelf || !isASCIILetter(byte(r)) }) {
			words++
			if got, want := lookEnWord(w), enWords[strings.ToLower(w)]; got != want {
				t.Fatalf("lookEnWord(%q) = %v, want %v", w, got, want)
			}
		}
	}
	if words == 0 {
		t.Error("no word in the English corpus")
	}
}
