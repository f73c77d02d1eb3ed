package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// AbbreviationKind says how an abbreviation's full stop affects the end of a sentence.
type AbbreviationKind int

const (
	// Leading abbreviations stand before a name, a number or a date ("H.E. Prak Sokhonn", "Dr. Smith",
	// "Jan. 5", "e.g. Japan"): their full stop never ends a sentence.
	Leading AbbreviationKind = iota
	// Trailing abbreviations can close a sentence ("Sony Co.", "Smith Jr.", "and so on, etc."): their full
	// stop ends a sentence only when the next word is a common sentence opener (see SentenceOpeners).
	Trailing
	// Numbering abbreviations ("No. 5") never end a sentence before a digit; before anything else the
	// word is read as an ordinary word ("No. He stayed.").
	Numbering
)

// Abbreviation is an English abbreviation that ends in a full stop.
type Abbreviation struct {
	Text string // as written, with its full stop: "Mr."
	Kind AbbreviationKind
}

// Abbreviations lists the English abbreviations whose full stop is not a sentence end by default. Matching is
// case-sensitive. Besides this list, two patterns count as abbreviations: a single letter with a full stop is an
// initial ("J. Smith", "H. E.") and is Leading; a dotted acronym of letters ("U.K.", "p.m.", any "X.Y." form)
// is Trailing.
//
// A sentence that ends in an abbreviation and is followed by a new sentence is ambiguous ("… in the U.S. The
// talks …" against "… the U.S. Ambassador …"). The choice made here: titles and other Leading abbreviations
// never end a sentence, so a release never splits inside "H.E. Prak Sokhonn"; Trailing abbreviations and dotted
// acronyms end a sentence only before a word of SentenceOpeners, which is short and closed so that names
// ("U.S. Ambassador") stay inside their sentence.
//
// The slice is read when the package is initialised; changing it later has no effect.
var Abbreviations = []Abbreviation{
	{"H.E.", Leading}, {"Mr.", Leading}, {"Mrs.", Leading}, {"Ms.", Leading}, {"Dr.", Leading},
	{"Prof.", Leading}, {"St.", Leading}, {"Gen.", Leading}, {"Sen.", Leading}, {"Rep.", Leading},
	{"Amb.", Leading}, {"Lt.", Leading}, {"Col.", Leading}, {"Maj.", Leading}, {"Capt.", Leading},
	{"Gov.", Leading}, {"Sgt.", Leading}, {"Sens.", Leading}, {"Reps.", Leading}, {"Det.", Leading},
	{"Insp.", Leading}, {"Supt.", Leading}, {"v.", Leading}, {"Rev.", Leading}, {"Hon.", Leading}, {"Mt.", Leading},
	{"Jan.", Leading}, {"Feb.", Leading}, {"Mar.", Leading}, {"Apr.", Leading}, {"Jun.", Leading},
	{"Jul.", Leading}, {"Aug.", Leading}, {"Sep.", Leading}, {"Sept.", Leading}, {"Oct.", Leading},
	{"Nov.", Leading}, {"Dec.", Leading},
	{"e.g.", Leading}, {"i.e.", Leading}, {"vs.", Leading}, {"approx.", Leading}, {"cf.", Leading},
	{"No.", Numbering}, {"Nos.", Numbering}, {"Art.", Numbering}, {"Vol.", Numbering}, {"p.", Numbering},
	{"pp.", Numbering},
	{"U.N.", Trailing}, {"U.S.", Trailing}, {"etc.", Trailing}, {"Jr.", Trailing}, {"Sr.", Trailing},
	{"Inc.", Trailing}, {"Ltd.", Trailing}, {"Co.", Trailing}, {"Corp.", Trailing}, {"Bros.", Trailing},
}

// SentenceOpeners are the words that, after a Trailing abbreviation or a dotted acronym, show that a new
// sentence has begun. The slice is read when the package is initialised.
var SentenceOpeners = []string{
	"A", "An", "The", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We", "I", "You",
	"His", "Her", "Their", "Our", "There", "But", "And", "However", "Meanwhile", "In", "On", "At", "As",
	"After", "Before", "When", "While", "If", "According", "Both", "Some", "Many", "Most", "Such",
}

var (
	abbreviationKind = map[string]AbbreviationKind{}
	sentenceOpener   = map[string]bool{}
)

func init() {
	for _, a := range Abbreviations {
		abbreviationKind[a.Text] = a.Kind
	}
	for _, w := range SentenceOpeners {
		sentenceOpener[w] = true
	}
}

func isEnglishTerminator(r rune) bool { return r == '.' || r == '!' || r == '?' || r == '…' }

func isEnglishCloser(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', ')', ']', '}', '»':
		return true
	}
	return false
}

func isEnglishOpener(r rune) bool {
	switch r {
	case '"', '\'', '“', '‘', '(', '[', '{', '«':
		return true
	}
	return false
}

func englishSentences(text string) []Span {
	s := splitter{text: text}
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isEnglishTerminator(r) {
			i += n
			continue
		}
		end := skipWhile(text, i, isEnglishTerminator)
		dots := end - i // a lone full stop is one byte
		end = skipWhile(text, end, isEnglishCloser)
		next := skipSpace(text, end)
		if next == end || next == len(text) {
			i = end
			continue
		}
		if startsSentence(text, next) && !(r == '.' && dots == 1 && abbreviationHolds(text, i, next)) {
			s.cut(end, next)
		}
		i = next
	}
	return s.finish()
}

// startsSentence reports whether the text at i can begin an English sentence.
func startsSentence(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsUpper(r) || unicode.IsDigit(r) || isEnglishOpener(r)
}

// abbreviationHolds reports whether the full stop at dot belongs to an abbreviation that keeps the sentence
// going into the word at next.
func abbreviationHolds(text string, dot, next int) bool {
	start := dot
	for start > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:start])
		if isSpace(r) || isEnglishOpener(r) {
			break
		}
		start -= n
	}
	word := text[start : dot+1]
	nextWord := text[next:skipWhile(text, next, func(r rune) bool { return unicode.IsLetter(r) })]
	nextRune, _ := utf8.DecodeRuneInString(text[next:])
	if kind, ok := abbreviationKind[word]; ok {
		switch kind {
		case Leading:
			return true
		case Numbering:
			return unicode.IsDigit(nextRune)
		default:
			return !sentenceOpener[nextWord]
		}
	}
	if isInitial(word) {
		return true
	}
	if isDottedAcronym(word) {
		return !sentenceOpener[nextWord]
	}
	return false
}

// isInitial reports a single upper-case letter and a full stop: "J.".
func isInitial(word string) bool {
	r, n := utf8.DecodeRuneInString(word)
	return unicode.IsUpper(r) && word[n:] == "."
}

// isDottedAcronym reports two or more single letters each followed by a full stop: "U.K.", "a.m.".
func isDottedAcronym(word string) bool {
	parts := strings.Split(strings.TrimSuffix(word, "."), ".")
	if len(parts) < 2 || !strings.HasSuffix(word, ".") {
		return false
	}
	for _, p := range parts {
		r, n := utf8.DecodeRuneInString(p)
		if n == 0 || n != len(p) || !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}
