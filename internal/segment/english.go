package segment

import (
	"regexp"
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
// A list alone cannot decide: "Sen." is a senator's title in "Sen. Graham" and the end of a Cambodian name in
// "… Prime Minister Hun Sen. Furthermore, …"; "Oct." ends "… closed until Oct. President Widodo …". So the word
// that follows decides, and the list only says which test applies. Leading abbreviations are the titles and
// Latin abbreviations that never close a sentence in practice ("H.E. Prak Sokhonn", "Mr. HAYASHI", "e.g.
// Japan"). Abbreviations that are also words or name endings (Sen., Gen., Col., St., Co., Inc.) and dotted
// acronyms (U.N., U.S.) are Trailing: they end a sentence only before a word of SentenceOpeners, a closed list
// of words that begin English sentences and hardly ever begin a name, so that "U.S. Ambassador" and "Sen.
// Graham" stay inside their sentence. Month abbreviations are Numbering: "Jan. 5" goes on, "until Oct.
// President …" ends.
//
// The slice is read when the package is initialised; changing it later has no effect.
var Abbreviations = []Abbreviation{
	{"H.E.", Leading}, {"Mr.", Leading}, {"Mrs.", Leading}, {"Ms.", Leading}, {"Dr.", Leading},
	{"Messrs.", Leading}, {"Mmes.", Leading}, {"Prof.", Leading}, {"Rev.", Leading}, {"Hon.", Leading},
	{"v.", Leading}, {"e.g.", Leading}, {"i.e.", Leading}, {"vs.", Leading}, {"approx.", Leading},
	{"cf.", Leading},
	{"St.", Trailing}, {"Gen.", Trailing}, {"Sen.", Trailing}, {"Rep.", Trailing}, {"Amb.", Trailing},
	{"Lt.", Trailing}, {"Col.", Trailing}, {"Maj.", Trailing}, {"Capt.", Trailing}, {"Gov.", Trailing},
	{"Sgt.", Trailing}, {"Sens.", Trailing}, {"Reps.", Trailing}, {"Det.", Trailing}, {"Insp.", Trailing},
	{"Supt.", Trailing}, {"Mt.", Trailing},
	{"Jan.", Numbering}, {"Feb.", Numbering}, {"Mar.", Numbering}, {"Apr.", Numbering}, {"Jun.", Numbering},
	{"Jul.", Numbering}, {"Aug.", Numbering}, {"Sep.", Numbering}, {"Sept.", Numbering}, {"Oct.", Numbering},
	{"Nov.", Numbering}, {"Dec.", Numbering},
	{"No.", Numbering}, {"Nos.", Numbering}, {"Art.", Numbering}, {"Vol.", Numbering}, {"p.", Numbering},
	{"pp.", Numbering},
	{"U.N.", Trailing}, {"U.S.", Trailing}, {"etc.", Trailing}, {"Jr.", Trailing}, {"Sr.", Trailing},
	{"Inc.", Trailing}, {"Ltd.", Trailing}, {"Co.", Trailing}, {"Corp.", Trailing}, {"Bros.", Trailing},
}

// SentenceOpeners are the words that, after a Trailing abbreviation or a dotted acronym, show that a new
// sentence has begun: articles, pronouns, conjunctions, prepositions and the sentence adverbs of official
// releases ("Furthermore", "Moreover", "Finally"). None of them begins a name or a title. The slice is read
// when the package is initialised.
var SentenceOpeners = []string{
	"A", "An", "The", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We", "I", "You",
	"His", "Her", "Their", "Our", "There", "But", "And", "Or", "So", "Yet", "However", "Meanwhile", "In", "On",
	"At", "As", "After", "Before", "When", "While", "If", "According", "Both", "Some", "Many", "Most", "Such",
	"Furthermore", "Moreover", "Also", "Additionally", "Further", "Finally", "Lastly", "Then", "Thereafter",
	"Subsequently", "Following", "During", "Through", "With", "Without", "Under", "Regarding", "Concerning",
	"For", "To", "From", "By", "Since", "Despite", "Although", "Though", "Because", "Therefore", "Thus",
	"Hence", "Accordingly", "Nevertheless", "Nonetheless", "Likewise", "Similarly", "Besides", "Today",
	"Yesterday", "Tomorrow", "Each", "Every", "All", "Another", "Other", "Neither", "Either", "Nor", "What",
	"Who", "How", "Why", "Where", "Which", "Whether",
}

// OfficeOpeners are the offices that open a sentence of a readout ("… Hun Sen. Prime Minister Kishida also
// …"). After an abbreviation of the list other than a dotted acronym they show a new sentence, as no office
// follows "Sen." or "Gen." the way a name does; after a dotted acronym they do not ("the U.S. Ambassador",
// "U.N. Secretary-General"). The slice is read when the package is initialised.
var OfficeOpeners = []string{
	"Prime", "Deputy", "Vice", "Minister", "President", "Foreign", "Ambassador", "Secretary", "Chief",
	"Samdech", "King", "Queen", "Emperor", "Crown",
}

var (
	abbreviationKind = map[string]AbbreviationKind{}
	sentenceOpener   = map[string]bool{}
	officeOpener     = map[string]bool{}
)

func init() {
	for _, a := range Abbreviations {
		abbreviationKind[a.Text] = a.Kind
	}
	for _, w := range SentenceOpeners {
		sentenceOpener[w] = true
	}
	for _, w := range OfficeOpeners {
		officeOpener[w] = true
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

// mayEndEnglish reports whether the rune at text[i] can be a terminator: '.', '!', '?' or … (E2 80 A6).
func mayEndEnglish(text string, i int) bool {
	switch text[i] {
	case '.', '!', '?', 0xE2:
		return true
	}
	return false
}

func englishSentences(text string) []Span {
	s := splitter{text: text}
	for i := 0; i < len(text); {
		if i = seek(text, i, mayEndEnglish); i == len(text) {
			break
		}
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
		quoted := strings.ContainsAny(text[i:end], "\"'”’»")
		if startsSentence(text, next) && !(r == '.' && dots == 1 && abbreviationHolds(text, i, next)) &&
			!(quoted && attributionFollows(text, next)) {
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
	nextRune, _ := utf8.DecodeRuneInString(text[next:])
	if kind, ok := abbreviationKind[word]; ok {
		switch kind {
		case Leading:
			return true
		case Numbering:
			return unicode.IsDigit(nextRune)
		default:
			return !opensSentence(text, next) && (isDottedAcronym(word) || !opensWithOffice(text, next))
		}
	}
	if isInitial(word) {
		return true
	}
	if isDottedAcronym(word) {
		return !opensSentence(text, next)
	}
	return false
}

// opensSentence reports whether the word at next shows that a new sentence has begun: a word of
// SentenceOpeners, or a title such as "H.E." or "Mr." ("… Hun Sen. H.E. Prak Sokhonn …"), which cannot follow
// a title of its own.
func opensSentence(text string, next int) bool {
	word := text[next:skipWhile(text, next, unicode.IsLetter)]
	if sentenceOpener[word] {
		return true
	}
	token := text[next:skipWhile(text, next, func(r rune) bool { return !isSpace(r) })]
	kind, ok := abbreviationKind[token]
	return ok && kind == Leading
}

// opensWithOffice reports whether the word at next is an office of OfficeOpeners.
func opensWithOffice(text string, next int) bool {
	return officeOpener[text[next:skipWhile(text, next, unicode.IsLetter)]]
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

// SpeechVerbs are the verbs that end a short attribution after a quotation: '"…!" Smith added.'
var SpeechVerbs = []string{
	"said", "says", "added", "adds", "asked", "asks", "told", "wrote", "writes", "replied", "continued",
	"explained", "recalled", "insisted", "stressed", "noted", "declared", "shouted", "wondered",
}

// AttributionPattern is the regular expression, in the common subset of Go, ICU and Java syntax, of a short
// attribution after a quotation that ends with its terminator: one to three capitalised words and a verb of
// SpeechVerbs that ends the sentence or is followed by a comma ('"There is a shark in the water!" Smith
// added.', '"Why?" Prime Minister Hun Sen asked, …'). The quotation and its attribution are one sentence, as
// they are when the speaker is a pronoun ('"Why?" he asked.') and as translators render them (「…。」と述べた),
// unless the first word is one of SentenceOpeners ('"…?" She continued, "…"': the capital shows a new
// sentence). '"… the water!" Smith said the boy …' is a sentence of its own: the verb does not end it.
var AttributionPattern = `(?:\p{Lu}[\p{L}'’-]*\s){1,3}(?:` + strings.Join(SpeechVerbs, "|") + `)(?:[.,]|$)`

var attributionRE = regexp.MustCompile(`^` + AttributionPattern)

// attributionFollows reports whether the text at next, after a quotation closed with its terminator, is an
// attribution of it (AttributionPattern).
func attributionFollows(text string, next int) bool {
	first := text[next:skipWhile(text, next, unicode.IsLetter)]
	return !sentenceOpener[first] && attributionRE.MatchString(text[next:])
}
