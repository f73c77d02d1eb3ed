package numeral

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file reads what surrounds the numbers Find has read: clock times, list
// labels and the parts of a date. No library reads Japanese or Khmer clock
// times or list labels, so it is written here by hand.

// times marks clock times: the hour on a 24-hour clock and the minutes, both
// KindTime. 3:45 p.m., 午後3時45分 and 15時45分 all give 15 and 45; 11時半
// gives 11 and 30; minutes ":00" give no number (6:00 p.m. is 午後6時).
// A time given as a conversion into Japan time (日本時間午後7時35分,
// "7:35 p.m. JST") is weak: the other side may give only the local time.
func (f *finder) times() {
	s := f.s
	// out is written in place when f.out is the finder's own (own), behind what has been read of it: a number
	// gives one number or, with the minutes read from the next, two; only an hour that gives its own minutes as a
	// second number (5.30pm, 7時半) may run ahead, and then out moves to a slice of its own.
	var out []Number
	switch {
	case f.own:
		out = f.out[:0]
	case len(f.out) > 0:
		out = make([]Number, 0, len(f.out)) // each number gives one or two
	}
	// second appends the second number that the hour f.out[i] gives.
	second := func(i int, m Number) {
		if f.own && len(out) > i && i+1 < len(f.out) {
			out = append(make([]Number, 0, len(f.out)+1), out...)
			f.own = false
		}
		out = append(out, m)
	}
	localMinutes := 0.0 // the minutes of the last local time
	for i := 0; i < len(f.out); i++ {
		n := f.out[i]
		var minute *Number
		end := n.End
		isTime := false
		if n.Kind == KindNumber && (f.lang == "en" && meridiem(s[n.End:]) != 0 ||
			f.lang == "km" && strings.HasSuffix(strings.TrimRight(s[:n.Start], " \u200b"), "ម៉ោង")) {
			// 5.30pm, British style, ម៉ោង 4.40: hour and minutes, not 5.3
			h, m, ok := strings.Cut(s[n.Start:n.End], ".")
			hv, okh := parseGrouped(h)
			mv, okm := parseGrouped(m)
			if ok && okh && okm && digitCount(m) == 2 && digitCount(h) <= 2 && hv <= 24 && mv < 60 {
				n.Value, n.End = float64(hv), n.Start+len(h)
				min := Number{Value: float64(mv), Start: n.End + 1, End: n.End + 1 + len(m), Kind: KindNumber}
				minute, isTime = &min, true
			}
		}
		if n.Kind != KindNumber || n.Value != float64(int(n.Value)) || n.Value > 24 || n.Weak {
			out = append(out, n)
			continue
		}
		if i+1 < len(f.out) {
			m := f.out[i+1]
			gap := s[n.End:m.Start]
			if (gap == ":" || gap == "：") && digitCount(s[m.Start:m.End]) == 2 && m.Value < 60 && allDigits(s[n.Start:n.End]) &&
				!strings.HasSuffix(s[:n.Start], ":") {
				isTime, minute, end = true, &f.out[i+1], m.End
				i++
			}
		}
		half := false
		switch f.lang {
		case "en":
			if !isTime && meridiem(s[end:]) != 0 && n.Value >= 1 && n.Value <= 12 && allDigits(s[n.Start:n.End]) {
				isTime = true
			}
		case "ja":
			if strings.HasPrefix(s[n.End:], "時") && !strings.HasPrefix(s[n.End:], "時間") && !strings.HasPrefix(s[n.End:], "時点") &&
				!strings.HasPrefix(s[n.End:], "時代") && !isTime {
				isTime = true
				after := n.End + len("時")
				if i+1 < len(f.out) && f.out[i+1].Start == after && strings.HasPrefix(s[f.out[i+1].End:], "分") {
					minute = &f.out[i+1]
					i++
				} else if strings.HasPrefix(s[after:], "半") {
					half = true
				}
			}
		case "km":
			if !isTime && strings.HasSuffix(strings.TrimRight(s[:n.Start], " \u200b"), "ម៉ោង") {
				isTime = true
			}
		}
		if !isTime {
			out = append(out, n)
			continue
		}
		n.Kind = KindTime
		if p := f.period(n, end); p > 0 && n.Value < 12 {
			n.Value += 12
		} else if p < 0 && n.Value == 12 {
			n.Value = 0
		}
		n.Weak = f.conversion(n.Start, end)
		out = append(out, n)
		mv := 0.0
		switch {
		case minute != nil:
			mv = minute.Value
		case half:
			mv = 30
		}
		// A conversion shifts the hour, not the minutes (Japan is two hours
		// ahead of Cambodia): minutes other than those of the local time
		// before it are a mistake, and count.
		minuteWeak := n.Weak && mv == localMinutes
		if !n.Weak {
			localMinutes = mv
		}
		switch {
		case minute != nil && minute.Value != 0:
			m := *minute
			m.Kind, m.Weak = KindTime, minuteWeak
			second(i, m)
		case half:
			h := n.End + len("時")
			second(i, Number{Value: 30, Start: h, End: h + len("半"), Kind: KindTime, Weak: minuteWeak})
		}
	}
	f.out = out
}

func allDigits(s string) bool {
	for _, r := range s {
		if !isDigitRune(r) {
			return false
		}
	}
	return s != ""
}

// latinDigits reports whether s is digits only, ASCII digits among them: allDigits(s) and
// strings.ContainsAny(s, "0123456789") in one pass.
func latinDigits(s string) bool {
	ascii := false
	for _, r := range s {
		switch {
		case '0' <= r && r <= '9':
			ascii = true
		case !isDigitRune(r):
			return false
		}
	}
	return ascii
}

// meridiem returns 1 if s starts with "p.m." (or pm, PM), -1 for "a.m.", 0
// otherwise, across leading spaces.
func meridiem(s string) int {
	t := strings.TrimLeft(headOf(s, nearby), " \u00a0")
	if t == "" || t[0]|0x20 != 'a' && t[0]|0x20 != 'p' {
		return 0 // most numbers: no need to look further
	}
	for _, m := range []struct {
		s string
		v int
	}{{"p.m.", 1}, {"p.m", 1}, {"pm", 1}, {"a.m.", -1}, {"a.m", -1}, {"am", -1}} {
		if len(t) >= len(m.s) && strings.EqualFold(t[:len(m.s)], m.s) && !letterAfter(t[len(m.s):]) {
			return m.v
		}
	}
	return 0
}

// letterAfter reports whether s starts with a letter that lower-cases to an ASCII letter (the Kelvin sign is k).
func letterAfter(s string) bool {
	if s == "" {
		return false
	}
	if s[0] < utf8.RuneSelf {
		return isASCIILetter(s[0])
	}
	r, _ := utf8.DecodeRuneInString(s)
	l := unicode.ToLower(r)
	return l < utf8.RuneSelf && isASCIILetter(byte(l))
}

// period returns 1 if the hour n is in the afternoon or evening, -1 if in
// the morning, 0 if the text does not say.
func (f *finder) period(n Number, end int) int {
	s := f.s
	switch f.lang {
	case "en":
		return meridiem(s[end:])
	case "ja":
		before := strings.TrimRight(s[:n.Start], " \u3000")
		switch {
		case strings.HasSuffix(before, "午後"), strings.HasSuffix(before, "夜"), strings.HasSuffix(before, "夕方"):
			return 1
		case strings.HasSuffix(before, "午前"), strings.HasSuffix(before, "朝"):
			return -1
		}
	case "km":
		after := strings.TrimLeft(s[end:], " \u200b")
		for _, skip := range []string{"នាទី", "នៅ", "ពេល"} { // ៥:៣០ នាទី នៅល្ងាច
			after = strings.TrimLeft(strings.TrimPrefix(after, skip), " \u200b")
		}
		for _, w := range []string{"រសៀល", "ល្ងាច", "យប់"} { // afternoon, evening, night
			if strings.HasPrefix(after, w) {
				return 1
			}
		}
		if strings.HasPrefix(after, "ព្រឹក") { // morning
			return -1
		}
	}
	return 0
}

// conversion reports whether the time at s[start:end] is given as a
// conversion into Japan time: 日本時間(同日)午後7時35分, "7:35 p.m. JST",
// "7:35 p.m. Japan time".
func (f *finder) conversion(start, end int) bool {
	s := f.s
	switch f.lang {
	case "en":
		t := strings.TrimLeft(s[end:], " \u00a0")
		for _, m := range []string{"p.m.", "a.m.", "p.m", "a.m", "pm", "am", "PM", "AM"} {
			if strings.HasPrefix(t, m) {
				t = t[len(m):]
				break
			}
		}
		t = strings.TrimLeft(t, " \u00a0(,;")
		b := strings.TrimRight(s[:start], " \u00a0(,;:")
		for _, z := range []string{"JST", "Japan time", "Tokyo time"} {
			if strings.HasPrefix(t, z) || strings.HasSuffix(b, z) {
				return true // 6:20 p.m., Japan time; (JST 7:35 p.m.)
			}
		}
		return false
	case "ja":
		// walk back over what may stand between 日本時間 and the hour
		b := s[:start]
		for b != "" {
			r, m := utf8.DecodeLastRuneInString(b)
			if isDigitRune(r) || isKanjiNumeral(r) || strings.ContainsRune("午前後同本日月年 、,（(：:", r) {
				b = b[:len(b)-m]
				continue
			}
			break
		}
		return strings.HasSuffix(b, "日本時間") || strings.HasSuffix(b, "東京時間")
	}
	return false
}

// labels marks list labels: "1." or "2)" at the start of a text (after
// spaces and a bullet), "(1)" or "（1）" anywhere. A label is no quantity:
// the translation may number its list differently or not at all.
func (f *finder) labels() {
	s := f.s
	for i := range f.out {
		n := &f.out[i]
		if n.Kind != KindNumber || !allDigits(s[n.Start:n.End]) || digitCount(s[n.Start:n.End]) > 2 {
			continue
		}
		before, after := s[:n.Start], s[n.End:]
		open := strings.HasSuffix(before, "(") || strings.HasSuffix(before, "（")
		closed := strings.HasPrefix(after, ")") || strings.HasPrefix(after, "）")
		lead := strings.TrimRight(strings.TrimLeft(before, " \t\u3000-*+•・–"), " \u3000")
		atStart := lead == "" || lead == "(" || lead == "（"
		var rest string
		dot := false
		switch {
		case strings.HasPrefix(after, "."):
			rest, dot = after[len("."):], true
		case strings.HasPrefix(after, "．"):
			rest, dot = after[len("．"):], true
		}
		if r, _ := utf8.DecodeRuneInString(rest); dot && rest != "" && (isDigitRune(r) || isASCIILetter(rest[0])) {
			dot = false // 1.5, or an abbreviation
		}
		if open && closed || atStart && (closed || dot) {
			n.Kind, n.Weak = KindLabel, true
			continue
		}
		if atStart && lead == "" && (strings.HasPrefix(after, " ") || strings.HasPrefix(after, "\u3000")) {
			// "## 2 二国間関係", "## 1 Beginning": a section number, or a count at the start of a
			// sentence (6 メートルに達する津波): weak, so that it counts when the other side has it
			t := strings.TrimLeft(after, " \u3000")
			r, _ := utf8.DecodeRuneInString(t)
			switch f.lang {
			case "en":
				n.Weak = 'A' <= r && r <= 'Z'
			default:
				n.Weak = t != "" && !isDigitRune(r) && !hasCounter(t) && !khmerCounter(t)
			}
		}
	}
}

// dates gives English day and year numbers next to a month name their kind,
// then groups the day, month and year of each written date under one Date.
func (f *finder) dates() {
	s := f.s
	if f.lang == "en" {
		for i, n := range f.out {
			if n.Kind != KindMonth {
				continue
			}
			if i > 0 {
				p := &f.out[i-1]
				if p.Kind == KindNumber && p.Value >= 1 && p.Value <= 31 && strings.TrimSpace(s[p.End:n.Start]) == "" {
					p.Kind = KindDay // 18 November
				}
			}
			j := i + 1
			if j < len(f.out) {
				q := &f.out[j]
				gap := strings.TrimSpace(s[n.End:q.Start])
				if q.Kind == KindNumber && gap == "" && q.Value >= 1 && q.Value <= 31 && q.End-q.Start <= 4 {
					q.Kind = KindDay // November 18
					j++
				}
			}
			if j < len(f.out) {
				q := &f.out[j]
				gap := strings.TrimSpace(s[f.out[j-1].End:q.Start])
				if q.Kind == KindNumber && (gap == "" || gap == ",") && q.End-q.Start == 4 && q.Value >= 1000 {
					q.Kind = KindYear // November 18, 2021; September 2017
				}
			}
		}
	}
	id := 0
	for i := range f.out {
		n := &f.out[i]
		if !dateKind(n.Kind) {
			continue
		}
		if i > 0 {
			p := f.out[i-1]
			gap := s[p.End:n.Start]
			if p.Date != 0 && dateKind(p.Kind) && p.Kind != n.Kind && len(gap) <= 24 && !strings.ContainsAny(gap, "。.;；") {
				n.Date = p.Date
				continue
			}
		}
		id++
		n.Date = id
	}
}

// conversions marks the two sides of a conversion the English gives in
// parentheses, "45 miles (72 kilometers)", "€3.1billion ($3.6bn)": a
// translation often keeps one of the two, so both are weak.
func (f *finder) conversions() {
	s := f.s
	for i := 0; i+1 < len(f.out); i++ {
		a, b := &f.out[i], &f.out[i+1]
		if a.Kind != KindNumber && a.Kind != KindPercent || b.Kind != KindNumber && b.Kind != KindPercent {
			continue
		}
		gap := s[a.End:b.Start]
		unit, open, ok := strings.Cut(gap, "(")
		if !ok || len(unit) > 24 || strings.Trim(open, "$€£¥") != "" || strings.TrimSpace(unit) == "" && open == "" {
			continue
		}
		if strings.Trim(unit, " abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-%") != "" {
			continue
		}
		close := strings.IndexByte(s[b.End:], ')')
		if close < 0 || close > 24 || strings.Trim(s[b.End:b.End+close], " abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-%") != "" {
			continue
		}
		a.Weak, b.Weak = true, true
	}
}

// lastMonth makes weak an abbreviated month that ends the text ("until
// Oct."): in a text cut into sentences at its full stop, the day it stood
// with is in the next sentence.
func (f *finder) lastMonth() {
	if n := len(f.out); n > 0 && f.out[n-1].Kind == KindMonth && strings.TrimSpace(f.s[f.out[n-1].End:]) == "" &&
		strings.HasSuffix(f.s[f.out[n-1].Start:f.out[n-1].End], ".") {
		f.out[n-1].Weak = true
	}
}

// latinGlosses makes weak the numbers of a Khmer or Japanese text that stand
// in Latin text, which repeats the English: ណដ ស្ទ្រីម ២ (Nord Stream 2),
// «60 Minutes». The number in the translation's own script is the one that
// counts.
func (f *finder) latinGlosses() {
	s := f.s
	for i := range f.out {
		n := &f.out[i]
		if !latinDigits(s[n.Start:n.End]) {
			continue
		}
		// the text between the nearest brackets around the number
		before := tailOf(s[:n.Start], 81)
		lo := lastOpening(before)
		if lo < 0 || n.Start-(lo+n.Start-len(before)) > 80 {
			continue // most numbers: no bracket before them, and no need to look after them
		}
		lo += n.Start - len(before)
		hi := firstClosing(headOf(s[n.End:], 81))
		if hi < 0 || hi > 80 {
			continue
		}
		inner := s[lo+1 : n.End+hi]
		if strings.ContainsAny(inner, "()（）«»“”「」『』") {
			continue
		}
		latin, other := 0, 0
		for _, r := range inner {
			switch {
			case r < 0x80 && unicode.IsLetter(r):
				latin++
			case unicode.IsLetter(r):
				other++
			}
		}
		if latin > 0 && other == 0 {
			n.Weak = true
		}
	}
}

// lastOpening returns the offset of the last opening bracket or quote of s that latinGlosses looks for
// ( （ « “ " 「 『, or -1: strings.LastIndexAny, without its search of the set at every rune, and byte by byte,
// without decoding the runes it passes. A rune's encoding is found where the decoder would read it: in UTF-8, no
// valid encoding overlaps another but where both are the same.
func lastOpening(s string) int {
	for i := len(s) - 1; i >= 0; i-- {
		switch s[i] {
		case '(', '"':
			return i
		// the last byte of （, «, “, 「 and 『, also the last of many a Khmer letter: the whole is compared
		case 0x88, 0xAB, 0x9C, 0x8C, 0x8E:
			for _, o := range wideOpenings {
				if o[len(o)-1] == s[i] && strings.HasSuffix(s[:i+1], o) {
					return i + 1 - len(o)
				}
			}
		}
	}
	return -1
}

// wideOpenings are the openings of lastOpening that are not ASCII.
var wideOpenings = [...]string{"（", "«", "“", "「", "『"}

// firstClosing returns the offset of the first closing bracket or quote of s that latinGlosses looks for
// ) ） » ” " 」 』, or -1.
func firstClosing(s string) int {
	for i, r := range s {
		switch r {
		case ')', '）', '»', '”', '"', '」', '』':
			return i
		}
	}
	return -1
}

// nearby is how many bytes around a number its context readers look at: enough for the longest unit or
// meridiem word with its spaces, and a bound that keeps a look at a number's neighbours as cheap in a long text
// as in a short one (a 20,000-sentence paragraph read whole at each number made Find quadratic).
const nearby = 64

// headOf returns at most n bytes from the start of s, cut at a rune boundary.
func headOf(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// tailOf returns at most n bytes from the end of s, cut at a rune boundary.
func tailOf(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := len(s) - n
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return s[i:]
}

func dateKind(k string) bool { return k == KindDay || k == KindMonth || k == KindYear }

// Units of measurement that mark a number as imperial (English) or metric
// (Japanese and Khmer, with Latin symbols): see Number.Unit.
const (
	UnitImperial = "imperial"
	UnitMetric   = "metric"
)

var (
	imperialUnits = []string{"foot", "feet", "ft", "inches", "inch", "miles", "mile", "mph", "pounds", "pound",
		"lbs", "lb", "yards", "yard", "ounces", "ounce", "oz", "gallons", "gallon", "acres", "acre",
		"degrees fahrenheit", "fahrenheit", "°f"}
	metricUnits = []string{"センチ", "ｾﾝﾁ", "メートル", "ミリ", "キロ", "グラム", "トン", "リットル", "ヘクタール", "℃", "度",
		"សង់ទីម៉ែត្រ", "ម៉ីលីម៉ែត្រ", "គីឡូម៉ែត្រ", "ម៉ែត្រ", "គីឡូក្រាម", "គីឡូ", "ក្រាម", "តោន", "លីត្រ", "ហិកតា",
		"អង្សាសេ", "km", "cm", "mm", "kg", "m", "g"}
)

// imperialFirst and metricFirst hold the first rune of each unit.
var imperialFirst, metricFirst = firstRunes(imperialUnits), firstRunes(metricUnits)

// runeSet is a small set of runes: a table for ASCII, a list for the rest (a unit's first letter is most often
// ASCII in English, and a number is followed by one of a few dozen runes at most in any text), where a map
// hashed each rune looked up.
type runeSet struct {
	ascii [utf8.RuneSelf]bool
	other []rune
}

func (m *runeSet) has(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 0 && m.ascii[r]
	}
	return slices.Contains(m.other, r)
}

func firstRunes(words []string) *runeSet {
	m := &runeSet{}
	for _, w := range words {
		switch r, _ := utf8.DecodeRuneInString(w); {
		case r < utf8.RuneSelf:
			m.ascii[r] = true
		case !slices.Contains(m.other, r):
			m.other = append(m.other, r)
		}
	}
	return m
}

// trimUnitSpaceLeft is strings.TrimLeft(s, " -\u00a0\u200b") and trimUnitSpaceRight strings.TrimRight(s, " -\u00a0"),
// the spaces and hyphens between a number and its unit, without the per-rune look-up of a cutset that is not
// ASCII: each number of a text is read with them.
func trimUnitSpaceLeft(s string) string {
	for {
		switch {
		case s == "":
			return s
		case s[0] == ' ' || s[0] == '-':
			s = s[1:]
		case strings.HasPrefix(s, "\u00a0"):
			s = s[len("\u00a0"):]
		case strings.HasPrefix(s, "\u200b"):
			s = s[len("\u200b"):]
		default:
			return s
		}
	}
}

func trimUnitSpaceRight(s string) string {
	for {
		switch {
		case s == "":
			return s
		case s[len(s)-1] == ' ' || s[len(s)-1] == '-':
			s = s[:len(s)-1]
		case strings.HasSuffix(s, "\u00a0"):
			s = s[:len(s)-len("\u00a0")]
		default:
			return s
		}
	}
}

// units sets Number.Unit: an English number before an imperial unit, or
// between one and the next ("6-foot-6", "5 feet 11 inches"); a Japanese or
// Khmer number before a metric unit (198センチ, ៧២ គីឡូម៉ែត្រ). Only the
// unit word is read: 度 is as often "times" as "degrees", but Compare uses
// a metric number only when the English has an imperial one left over.
func (f *finder) units() {
	s := f.s
	unitAfter := func(end int, units []string, first *runeSet) bool {
		rest := trimUnitSpaceLeft(headOf(s[end:], nearby))
		// strings.ToLower maps rune by rune: no unit can follow unless the first rune lowers to a unit's first
		r, _ := utf8.DecodeRuneInString(rest)
		if !first.has(lowerRune(r)) {
			return false
		}
		for _, u := range units {
			if ok, letter := lowerPrefix(rest, u); ok && (!letter || !isASCIILetter(u[len(u)-1])) {
				return true
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
			trimmed := trimUnitSpaceRight(w)
			inchesAfterFeet := false
			if len(trimmed) < len(w) {
				for _, u := range []string{"foot", "feet", "ft"} {
					if lowerSuffix(trimmed, u) {
						inchesAfterFeet = true
					}
				}
			}
			if unitAfter(n.End, imperialUnits, imperialFirst) || inchesAfterFeet {
				n.Unit = UnitImperial
			}
		case "ja", "km":
			if unitAfter(n.End, metricUnits, metricFirst) {
				n.Unit = UnitMetric
			}
		}
	}
}

// lowerRune returns unicode.ToLower(r), with ASCII at no call.
func lowerRune(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	}
	return unicode.ToLower(r)
}

// lowerPrefix reports whether strings.ToLower(s) starts with u, and if so whether an ASCII letter follows u in
// it, without making the lower-case copy: strings.ToLower maps s rune by rune (an invalid byte to U+FFFD, which
// lowers to itself and is in no unit).
func lowerPrefix(s, u string) (ok, letterAfter bool) {
	i := 0
	for _, want := range u {
		if i >= len(s) {
			return false, false
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if lowerRune(r) != want {
			return false, false
		}
		i += n
	}
	if i == len(s) {
		return true, false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	r = lowerRune(r)
	return true, 'a' <= r && r <= 'z'
}

// lowerSuffix reports whether strings.ToLower(s) ends with u, without making the lower-case copy.
func lowerSuffix(s, u string) bool {
	for len(u) > 0 {
		want, m := utf8.DecodeLastRuneInString(u)
		r, n := utf8.DecodeLastRuneInString(s)
		if len(s) == 0 || lowerRune(r) != want {
			return false
		}
		s, u = s[:len(s)-n], u[:len(u)-m]
	}
	return true
}
