package segment

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// Titled is Sentences, except that a title line at the head of a sentence is a span of its own: the
// "Introduction" of a list item written
//
//  1. Introduction
//     Minister Hayashi expressed …
//
// whose Markdown joins title and text into one paragraph, "Introduction Minister Hayashi expressed …", with
// nothing but the line break between them. breaks are the offsets in text of the spaces that stand for soft line
// breaks (release.Block.SoftBreaks); only the first line of a sentence that starts a line can be its title, and
// only when it reads as one in its language (see isTitle). Official readouts head their items so in every language (冒頭,
// 地域・国際情勢), and a title left inside the first sentence makes that sentence look longer than its
// translation's by a title's worth, which is all a length model sees.
func Titled(lang language.Tag, text string, breaks []int) []Span {
	spans := Sentences(lang, text)
	if len(breaks) == 0 {
		return spans
	}
	out := make([]Span, 0, len(spans)+1)
	for _, sp := range spans {
		atLine := skipSpace(text, 0) == sp.Start // does the sentence start a line?
		for _, b := range breaks {
			if b <= sp.Start {
				atLine = atLine || skipSpace(text, b) == sp.Start
				continue
			}
			if b < sp.End && atLine {
				head, ok := trimmed(text, sp.Start, b)
				rest := skipSpace(text, b)
				if ok && rest < sp.End && isTitle(lang, text[head.Start:head.End], text[rest:sp.End]) {
					out = append(out, head)
					sp.Start = rest
				}
			}
			break
		}
		out = append(out, sp)
	}
	return out
}

// listLabel is the label that may open a title: "1.", "(1)", "2)", "(a)", "a.", "(i)", "１．", "（１）".
var listLabel = regexp.MustCompile(`^(?:[(（]?(?:[0-9０-９]+|[a-z]|[ivx]+)[.)．）]|[(（](?:[0-9０-９]+|[a-z]|[ivx]+)[)）])\s*`)

// minorWords are the English words a title leaves in lower case ("Regional and International Situations",
// "Situation in Myanmar"); they never end one.
var minorWords = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "nor": true, "but": true, "of": true, "in": true,
	"on": true, "at": true, "to": true, "for": true, "by": true, "with": true, "from": true, "into": true,
	"between": true, "as": true, "vs": true,
}

// isTitle reports whether line, followed on the next line by next, is a title: short, without the
// punctuation of running text, and (in English, where a wrapped line of prose can be short too) in title case
// with next starting a sentence. Japanese never breaks a line of running text without a 、 or 。 in it for
// long; Khmer ends its sentences with ។ and runs its clauses long.
func isTitle(lang language.Tag, line, next string) bool {
	line = listLabel.ReplaceAllString(line, "")
	if line == "" || strings.ContainsAny(line, ".,;:!?。、，．！？។៕") {
		return false
	}
	base, _ := lang.Base()
	switch base {
	case baseOf(japanese):
		return utf8.RuneCountInString(line) <= 25
	case baseOf(khmer):
		return utf8.RuneCountInString(line) <= 30
	}
	words := strings.Fields(line)
	if len(words) > 8 {
		return false
	}
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case minorWords[w]:
			if i == 0 || i == len(words)-1 {
				return false
			}
		case !unicode.IsUpper(r) && !unicode.IsDigit(r) && r != '(' && r != '"' && r != '“':
			return false
		}
	}
	r, _ := utf8.DecodeRuneInString(next)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"“‘'(", r)
}
