package numeral

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/localefmt"
)

// English number words. "one", "first" and the like are weak (see
// Number.Weak): Japanese and Khmer often leave "one" or "a" unsaid
// ("one of the victims" is 犠牲者の一人 or just 犠牲者), and "first" is as
// often 初めて or 初の as a number.
var (
	enUnits = map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
		"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
		"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
	enTens = map[string]int{"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
		"eighty": 80, "ninety": 90}
	enOrdinals = map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
		"seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
		"fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
		"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
		"eightieth": 80, "ninetieth": 90, "hundredth": 100}
	enScales = map[string]float64{"decades": 10, "hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
	// words that stand for a number a translation may or may not write
	enWeakWords = map[string]float64{"once": 1, "twice": 2, "half": 0.5, "decade": 10, "century": 100, "zero": 0,
		"thirds": 3, "quarters": 4, "biennial": 2,
		"both": 2, "pair": 2, "couple": 2, "couples": 2, "duo": 2, "trio": 3,
		// a group named by its size: a translation says "the two", "groups of four" (ក្រុមបួននាក់) or transliterates
		// it (フォーサム), and either is right
		"twosome": 2, "twosomes": 2, "threesome": 3, "threesomes": 3, "foursome": 4, "foursomes": 4,
		"quartet": 4, "quartets": 4, "quintet": 5, "quintets": 5,
		"double": 2, "doubled": 2, "doubling": 2, "triple": 3, "tripled": 3, "tripling": 3}
	// American class years (weak): the year of study they name, which a translation writes as a number
	enClassYears = map[string]float64{"freshman": 1, "freshmen": 1, "sophomore": 2, "sophomores": 2,
		"junior": 3, "senior": 4}
)

// enWord is what englishWords knows of a lower-case word: its value in each of the maps above (0 and false
// where it is in none), and whether a number or a phrase may start with it.
type enWord struct {
	lower                   string
	unit, tens, ordinal     int
	scale, weak, classYear  float64
	isWeak, isClass, starts bool
}

// enWords holds every word that englishWords reads, each with what it is: the keys of the maps above, "a" of "a
// hundred", "dozen" of "a dozen", "quarter" of "quarter-hour", and the words it looks for next to them ("year"
// after "senior", "and" in "two hundred and fifty", "final" before "third", "front" before "nine"). Any other
// word is none of these and stands in no phrase, so a text's other words are not kept: a number phrase or a
// look at a neighbour stops at them as at a word that is not next to it.
var enWords = func() map[string]*enWord {
	m := map[string]*enWord{}
	get := func(w string) *enWord {
		if m[w] == nil {
			m[w] = &enWord{lower: w}
		}
		return m[w]
	}
	for w, v := range enUnits {
		get(w).unit = v
	}
	for w, v := range enTens {
		get(w).tens = v
	}
	for w, v := range enOrdinals {
		get(w).ordinal = v
	}
	for w, v := range enScales {
		get(w).scale = v
	}
	for w, v := range enWeakWords {
		e := get(w)
		e.weak, e.isWeak = v, true
	}
	for w, v := range enClassYears {
		e := get(w)
		e.classYear, e.isClass = v, true
	}
	for _, e := range m {
		e.starts = true
	}
	for _, w := range []string{"a", "dozen", "quarter"} {
		get(w).starts = true
	}
	for _, w := range []string{"year", "who", "at", "from", "hour", "and", "final", "last", "middle", "one", "front", "back"} {
		get(w)
	}
	return m
}()

// enWordShapes[c] has bit n set when a word of enWords starts with the letter 'a'+c and is n bytes long, so that
// most words of a text are passed over with no map look-up.
var enWordShapes = func() (m [26]uint32) {
	for w := range enWords {
		m[w[0]-'a'] |= 1 << len(w)
	}
	return m
}()

// enWordPairs[c] has bit d set when a word of enWords starts with the letters 'a'+c and 'a'+d: of the words
// whose shape is one of enWordShapes, "the", "that", "this" and most others start with two letters that no
// word of enWords starts with, and are passed over with no map look-up either.
var enWordPairs = func() (m [26]uint32) {
	for w := range enWords {
		if len(w) > 1 {
			m[w[0]-'a'] |= 1 << (w[1] - 'a')
		}
	}
	return m
}()

// lookEnWord returns what w, a word of ASCII letters, is in enWords, or nil.
func lookEnWord(w string) *enWord {
	c := w[0] | 0x20 - 'a'
	if len(w) >= 32 || c >= 26 || enWordShapes[c]&(1<<len(w)) == 0 || len(w) > 1 && enWordPairs[c]&(1<<(w[1]|0x20-'a')) == 0 {
		return nil
	}
	var lower [32]byte
	for i := 0; i < len(w); i++ {
		lower[i] = w[i] | 0x20
	}
	return enWords[string(lower[:len(w)])]
}

// word is a word of enWords at text[start:end].
type word struct {
	start, end int
	*enWord
}

// englishWords reads English number words: "six members", "Fifty-eight
// percent", "two thousand", "a dozen", "Fifth", "twenty-first".
func (f *finder) englishWords() {
	s := f.s
	// The words of enWords, next to no digit; a text's other words are read past (see enWords). Room for those of
	// a long paragraph on the stack.
	var room [64]word
	ws := room[:0]
	for i := 0; i < len(s); {
		if !isASCIILetter(s[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(s) && isASCIILetter(s[j]) {
			j++
		}
		if (i == 0 || !isDigitByte(s[i-1])) && (j == len(s) || !isDigitByte(s[j])) {
			if e := lookEnWord(s[i:j]); e != nil {
				ws = append(ws, word{i, j, e})
			}
		}
		i = j
	}
	// joined reports whether words a and b are next to each other, across one
	// space or hyphen.
	joined := func(a, b word) bool {
		gap := s[a.end:b.start]
		return gap == " " || gap == "-" || gap == "\u00a0"
	}
	for i := 0; i < len(ws); i++ {
		w := ws[i]
		if !w.starts {
			continue // a word read only next to another
		}
		if w.isWeak {
			f.out = append(f.out, Number{Value: w.weak, Start: w.start, End: w.end, Kind: KindNumber, Weak: true})
			continue
		}
		// A class year carries an implicit ordinal that Japanese and Khmer write as a number: "a sophomore" is
		// 2年生 or ឆ្នាំទី២, "her senior year" 4年生 or ឆ្នាំទីបួន. "junior" and "senior" count only before
		// "year", or as a noun before "who", "at" or "from" ("a 6-foot-6 junior who", 大学3年生): a junior
		// minister and senior officials are no years. "freshman" and "sophomore" always count.
		if w.isClass {
			v, end := w.classYear, w.end
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
			if ws[i+1].scale >= 100 {
				cur, any, k = 1, true, i+1 // a hundred, a thousand
			}
		}
		last := ""
		for ; k < len(ws); k++ {
			x := ws[k]
			if k > start && !joined(ws[k-1], x) {
				// "two hundred and fifty"
				if !(x.lower != "and" && ws[k-1].lower == "and" && k-2 >= start && ws[k-2].scale > 0 && s[ws[k-1].end:x.start] == " ") {
					break
				}
			}
			if x.lower == "and" && last == "scale" && k+1 < len(ws) && joined(x, ws[k+1]) {
				continue
			}
			if u := x.unit; u > 0 && (last == "" || last == "tens" && u < 10 || last == "scale") {
				cur += float64(u)
				any, last = true, "unit"
				continue
			}
			if t := x.tens; t > 0 && (last == "" || last == "scale") {
				cur += float64(t)
				any, last = true, "tens"
				continue
			}
			if o := x.ordinal; o > 0 && (last == "" || last == "tens" && o < 10 || last == "scale") {
				cur += float64(o)
				any, ordinal = true, true
				k++
				break
			}
			if sc := x.scale; sc > 0 && any && last != "scale" {
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

// fractionOfThird reports whether "third", after the word prev and before rest, is the fraction: "the
// final third", "the last third", "the middle third", "a third of", "one third", "one-third". "the third of
// June" and "a third term" are ordinals.
func fractionOfThird(prev, rest string) bool {
	switch prev {
	case "final", "last", "middle":
		return !startsWithLetter(rest) || strings.HasPrefix(rest, "of ")
	case "a", "one":
		return strings.HasPrefix(rest, "of ") || prev == "one" && !startsWithLetter(rest)
	}
	return false
}

// certainty reports whether s, after a number, reads "percent certain" (or
// sure, confident, committed): an idiom for "absolutely", not a quantity.
func certainty(s string) bool {
	for _, p := range []string{"percent ", "per cent ", "% "} {
		if t, ok := strings.CutPrefix(s, p); ok {
			for _, w := range []string{"certain", "sure", "confident", "committed", "behind"} {
				if strings.HasPrefix(t, w) {
					return true
				}
			}
		}
	}
	return false
}

// sentenceStart reports whether a word after before starts a sentence.
func sentenceStart(before string) bool {
	b := strings.TrimRight(before, " \u00a0\"'“‘(")
	return b == "" || strings.HasSuffix(b, ".") || strings.HasSuffix(b, "!") || strings.HasSuffix(b, "?") ||
		strings.HasSuffix(b, ":") || strings.HasSuffix(b, "-")
}

// pairNoun reports whether s starts with a noun that "two" makes "both
// parties" of, which Japanese writes with 両 and Khmer with ទាំងពីរ.
func pairNoun(s string) bool {
	for _, w := range []string{"countries", "nations", "leaders", "sides", "governments", "Koreas", "peoples",
		"Ministers", "Foreign Ministers", "Prime Ministers", "Presidents", "parties", "Heads"} {
		if strings.HasPrefix(s, w) && (len(s) == len(w) || !isASCIILetter(s[len(w)])) {
			return true
		}
	}
	return false
}

func isDigitByte(c byte) bool { return '0' <= c && c <= '9' }

// Khmer number words. Khmer writes numbers in digits in most news and
// official text, but small counts in words are common (បីប្រកួត "three
// matches", ប្រាំមួយនាក់ "six people").
var (
	kmUnits = []struct {
		word string
		v    int
	}{ // longest first
		{"ប្រាំមួយ", 6}, {"ប្រាំពីរ", 7}, {"ប្រាំបី", 8}, {"ប្រាំបួន", 9}, {"ប្រាំ", 5},
		{"មួយ", 1}, {"ពីរ", 2}, {"បី", 3}, {"បួន", 4},
	}
	kmTens = []struct {
		word string
		v    int
	}{{"ដប់", 10}, {"ម្ភៃ", 20}, {"សាមសិប", 30}, {"សែសិប", 40}, {"ហាសិប", 50}, {"ហុកសិប", 60},
		{"ចិតសិប", 70}, {"ប៉ែតសិប", 80}, {"កៅសិប", 90}}
	kmScales = []struct {
		word string
		v    float64
	}{{"រយ", 100}, {"ពាន់", 1e3}, {"ម៉ឺន", 1e4}, {"សែន", 1e5}, {"លាន", 1e6}, {"កោដិ", 1e7}, {"ទសវត្សរ៍", 10}}
)

// kmTensBy and kmUnitsBy list, for each letter of the Khmer block (U+1780 onwards), the indexes in kmTens and
// kmUnits of the words that start with it, in order: khmerWords tries only those, and only where a letter that
// starts one stands.
var kmTensBy, kmUnitsBy = func() (tens, units [0x80][]int) {
	for k, t := range kmTens {
		r, _ := utf8.DecodeRuneInString(t.word)
		tens[r-0x1780] = append(tens[r-0x1780], k)
	}
	for k, u := range kmUnits {
		r, _ := utf8.DecodeRuneInString(u.word)
		units[r-0x1780] = append(units[r-0x1780], k)
	}
	return tens, units
}()

// kmStarts tells, for each letter of the Khmer block, whether a tens or unit word starts with it: one byte to
// read at each letter of a text, where most start none.
var kmStarts = func() (starts [0x80]bool) {
	for l := range starts {
		starts[l] = len(kmTensBy[l]) > 0 || len(kmUnitsBy[l]) > 0
	}
	return starts
}()

// letterPairs is a set of pairs of letters of the Khmer block: the first two of a word.
type letterPairs [0x80][2]uint64

func (m *letterPairs) add(w string) {
	m[khmerLetterAt(w, 0)][khmerLetterAt(w, 3)>>6] |= 1 << (khmerLetterAt(w, 3) & 63)
}

// at reports whether s[i:] starts with the two letters of a pair, the first l (khmerLetterAt(s, i)).
func (m *letterPairs) at(s string, i, l int) bool {
	l2 := khmerLetterAt(s, i+3)
	return l2 >= 0 && m.has(l, l2)
}

// has reports whether l and then l2, letters of the Khmer block, are a pair of m.
func (m *letterPairs) has(l, l2 int) bool { return m[l][l2>>6]&(1<<(l2&63)) != 0 }

// union returns the pairs of m and of o.
func (m letterPairs) union(o *letterPairs) letterPairs {
	for l := range m {
		m[l][0] |= o[l][0]
		m[l][1] |= o[l][1]
	}
	return m
}

// kmPairs holds the first two letters of each tens and unit word: where a letter that starts one stands (ប, ម,
// ស, ព, among the most frequent), khmerWords tries the words only when the next letter is the second of one.
var kmPairs = func() (m letterPairs) {
	for _, t := range kmTens {
		m.add(t.word)
	}
	for _, u := range kmUnits {
		m.add(u.word)
	}
	return m
}()

// khmerLetterAt returns the offset in the Khmer block of the rune at s[i], or -1 for a rune outside it.
func khmerLetterAt(s string, i int) int {
	if i+2 >= len(s) || s[i] != 0xE1 || s[i+1] != 0x9E && s[i+1] != 0x9F || s[i+2]&0xC0 != 0x80 {
		return -1
	}
	return int(s[i+1]-0x9E)<<6 | int(s[i+2]&0x3F)
}

// khmerWords reads Khmer number words: a tens word and a unit word
// (ម្ភៃប្រាំ 25), optionally followed by a scale word (បីរយ 300, ប្រាំពាន់
// 5000). A scale word alone is no number (សែន is also "very"). A word
// inside a longer syllable (ពីរោះ "pleasant", a consonant after a coeng) is
// not a number. ទាំងពីរ ("both") is weak.
func (f *finder) khmerWords() {
	s := f.s
	for i := 0; i < len(s); {
		// Every word starts with a letter of the Khmer block (E1 9E or E1 9F in UTF-8).
		if s[i] != 0xE1 {
			k := strings.IndexByte(s[i:], 0xE1)
			if k < 0 {
				break
			}
			i += k
		}
		l := khmerLetterAt(s, i)
		if l < 0 {
			i++
			continue
		}
		i = f.khmerWord(i, l)
	}
}

// khmerWord reads a Khmer number word at s[i], a letter of the Khmer block (l, from khmerLetterAt), and returns
// where the next may start: past the word, or at the next letter. khmerWords calls it at each letter of a text;
// scan, at each letter it passes in a Khmer one.
func (f *finder) khmerWord(i, l int) int {
	s := f.s
	prefix := func(i int, w string) bool {
		if !strings.HasPrefix(s[i:], w) {
			return false
		}
		return !startsWithKhmerMark(s[i+len(w):])
	}
	const size = 3
	if !kmStarts[l] || !kmPairs.at(s, i, l) || strings.HasSuffix(s[:i], "\u17D2") {
		return i + size // no tens or unit word starts here; the letter's other bytes start none either
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
		return i + size
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
		return j
	}
	if strings.HasPrefix(strings.TrimLeft(s[j:], " \u200b"), "បី") || strings.HasSuffix(before, "ពីរ") {
		n.Weak = true // ពីរបីថ្ងៃ, "two or three days", "a few days"
	}
	if value == 2 && strings.HasPrefix(strings.TrimLeft(s[j:], " \u200b"), "នាក់") {
		n.Weak = true // ពីរនាក់ is as often "the two of them", "the pair" as "two people", like Japanese 二人
	}
	f.out = append(f.out, n)
	return j
}

// Bare returns the Khmer number words of s that have no classifier after them (បេក្ខជនពីរ "two candidates",
// ឈ្នះបី "won three"), each with Bare set, which Find leaves out: a bare
// word is as often part of another word (ពីរបៀប is ពី + របៀប, "from the way") as a number. Compare lets one
// render an English number word of its value and counts it as nothing else, so that a changed or added
// number is found as before. Other languages have none.
func Bare(lang language.Tag, s string) []Number {
	if b, _ := lang.Base(); b.String() != "km" {
		return nil
	}
	var out []Number
	f := finder{lang: "km", s: s, bare: &out}
	f.khmerWords()
	return out
}

// bareNumberWord reports whether w, a Khmer number word between before and after with no classifier, reads as
// a number, not as part of another word: not ទោះបី or ហាក់បីដូចជា ("although", "as if"), nor ពី ("from")
// before a word that starts with រ (ពីរដ្ឋ "from the state", ពីរន្ធ "from the hole").
func bareNumberWord(before, w, after string) bool {
	for _, p := range []string{"ទោះ", "ហាក់", "ដូច", "ទុក"} {
		if w == "បី" && strings.HasSuffix(before, p) {
			return false
		}
	}
	if w == "បី" && strings.HasPrefix(after, "ដូច") {
		return false
	}
	if w == "ពីរ" {
		for _, r := range []string{"បស់", "ដ្ឋ", "ដូវ", "បៀប", "លក", "សៀល", "បាយការណ៍", "ន្ធ", "យៈ", "ថយន្ត", "ង្វាន់", "វាង", "ហូត", "បប", "ចនា", "ក្សា", "ក"} {
			if strings.HasPrefix(after, r) {
				return false
			}
		}
	}
	return true
}

// khmerCounters are the classifiers and units that follow a Khmer number
// word. Without a space between words, a number word is taken for one only
// before one of these, or after ទី (ordinal).
var khmerCounters = []string{"នាក់", "ឆ្នាំ", "ថ្ងៃ", "ខែ", "ម៉ោង", "នាទី", "វិនាទី", "សប្តាហ៍", "សប្ដាហ៍", "ទសវត្សរ៍",
	"ដង", "លើក", "ប្រកួត", "គ្រាប់", "ភាគរយ", "ពិន្ទុ", "ករណី", "ប្រទេស", "ក្រុម", "គ្រឿង", "ខ្នង", "កន្លែង",
	"ចំណុច", "ជាន់", "គីឡូម៉ែត្រ", "ម៉ែត្រ", "ម៉ាយ", "ដុល្លារ", "រៀល", "ភាគ", "សម័យ", "ជំនាន់", "រូប", "អង្គ",
	"ជុំ", "ទំព័រ", "ហ្វីត", "ប្រភេទ", "ខេត្ត", "ក្រសួង", "ស្ថាប័ន", "គម្រោង", "កិច្ចព្រមព្រៀង", "ឯកសារ"}

// khmerWordEnd reports whether s starts where a Khmer word ends for sure: a
// space, a zero-width space, punctuation, or the end of the text.
func khmerWordEnd(s string) bool {
	if s == "" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s)
	return r == ' ' || r == '\u200b' || r == '។' || r == '៕' || r == '៖' || r == '»' || r == '”' || r == '"' || r == ',' || r == ')'
}

// khmerCountWord reports whether before ends with a word that a number
// word follows: ចំនួន ("a number of"), ទាំង ("all"), លេខ ("number"),
// ពី ("from", in ពីប្រាំទៅដប់ "from five to ten").
func khmerCountWord(before string) bool {
	for _, w := range []string{"ចំនួន", "ទាំង", "លេខ", "ពី"} {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	return false
}

func khmerCounter(s string) bool {
	s = strings.TrimLeft(s, " \u200b")
	for _, c := range khmerCounters {
		if strings.HasPrefix(s, c) {
			return true
		}
	}
	return false
}

// eras are the Japanese eras of localefmt, earliest first, with the Gregorian year each began, made once.
var eras = func() (out []eraStart) {
	for _, name := range localefmt.EraNames() {
		start, _ := localefmt.EraStartYear(name)
		out = append(out, eraStart{name, start})
	}
	return out
}()

type eraStart struct {
	name  string
	start int
}

// eraBefore reports whether before ends with the name of a Japanese era (and
// maybe a space), and the Gregorian year that era began.
func eraBefore(before string) (int, bool) {
	before = strings.TrimRight(before, " \u3000")
	for _, e := range eras {
		if strings.HasSuffix(before, e.name) {
			return e.start, true
		}
	}
	return 0, false
}

// eraFirstYear reads 令和元年, the first year of an era, at s[i], 元 before 年: the era before it gives the year.
func (f *finder) eraFirstYear(i int) {
	for _, e := range eras {
		if strings.HasSuffix(f.s[:i], e.name) {
			f.out = append(f.out, Number{Value: float64(e.start), Start: i, End: i + len("元"), Kind: KindYear})
		}
	}
}

// Relative returns the words of a Japanese text that stand for a date the
// English writes out: 本日, 同日, 当日 (the day), 本年, 同年, 今年 (the
// year), 本月, 同月, 今月 (the month), each with Relative set. Other
// languages have none here: Khmer writes the date.
func Relative(lang language.Tag, s string) []Number {
	b, _ := lang.Base()
	return relativeWords(b.String(), s)
}

// relativeWords is Relative for the language whose base is lang.
func relativeWords(lang, s string) []Number {
	if lang != "ja" {
		return nil
	}
	// One pass finds every word: no two overlap, as each is one of 本同当今 and one of 日年月.
	var found [len(relativeDateWords)][]int
	n := 0
	for i := 0; i+6 <= len(s); i++ {
		if c := s[i]; c < 0xE4 || c > 0xE6 { // the first byte of 本, 同, 当 and 今
			continue
		}
		w := relativeDateWord(s[i:i+3], s[i+3:i+6])
		if w < 0 {
			continue
		}
		if rest := s[i+6:]; !strings.HasPrefix(rest, "代") && !strings.HasPrefix(rest, "齢") { // 同年代, 同年齢: "of the same age"
			found[w] = append(found[w], i)
			n++
		}
		i += 5
	}
	if n == 0 {
		return nil
	}
	out := make([]Number, 0, n)
	for w, starts := range found { // word by word, as the words were looked for one after another
		for _, i := range starts {
			out = append(out, Number{Start: i, End: i + 6, Kind: relativeDateWords[w].kind, Relative: true, Weak: true})
		}
	}
	return out
}

// relativeDateWord returns the index in relativeDateWords of the word of the characters first and second, or -1.
func relativeDateWord(first, second string) int {
	var row, col int
	switch first {
	case "本":
		row = 0
	case "同":
		row = 1
	case "当":
		row = 2
	case "今":
		row = 3
	default:
		return -1
	}
	switch second {
	case "日":
		col = 0
	case "年":
		col = 1
	case "月":
		col = 2
	default:
		return -1
	}
	return relativeDateIndex[row][col]
}

// relativeDateIndex[i][j] is the index in relativeDateWords of the word of the i-th of 本同当今 and the j-th of
// 日年月, or -1 (当年, 当月, 今日 are none).
var relativeDateIndex = func() (m [4][3]int) {
	for i, f := range []string{"本", "同", "当", "今"} {
		for j, g := range []string{"日", "年", "月"} {
			m[i][j] = -1
			for k, w := range relativeDateWords {
				if w.word == f+g {
					m[i][j] = k
				}
			}
		}
	}
	return m
}()

// relativeDateWords are the words Relative reads, in the order of its result.
var relativeDateWords = [...]struct{ word, kind string }{
	{"本日", KindDay}, {"同日", KindDay}, {"当日", KindDay},
	{"本年", KindYear}, {"同年", KindYear}, {"今年", KindYear},
	{"本月", KindMonth}, {"同月", KindMonth}, {"今月", KindMonth},
}
