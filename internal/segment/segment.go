package segment

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// Span is a sentence of a text, as byte offsets [Start, End) with surrounding white space excluded.
type Span struct{ Start, End int }

var (
	khmer    = language.Khmer
	japanese = language.Japanese
)

// Sentences splits text into sentences by the rules of lang's base language: Khmer and Japanese have their
// own rules, every other language is treated like English. The spans are ordered, do not overlap, never start
// or end with white space, and together cover every non-space character of text.
func Sentences(lang language.Tag, text string) []Span {
	base, _ := lang.Base()
	switch base {
	case baseOf(khmer):
		return khmerSentences(text)
	case baseOf(japanese):
		return japaneseSentences(text)
	default:
		return englishSentences(text)
	}
}

func baseOf(t language.Tag) language.Base {
	b, _ := t.Base()
	return b
}

// isSpace reports white space, counting the zero-width space and BOM that Khmer and Japanese texts carry
// between phrases as white space too.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff'
}

// trimmed returns the span [start, end) of text without leading and trailing white space, and false when
// nothing is left.
func trimmed(text string, start, end int) (Span, bool) {
	for start < end {
		r, n := utf8.DecodeRuneInString(text[start:end])
		if !isSpace(r) {
			break
		}
		start += n
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(text[start:end])
		if !isSpace(r) {
			break
		}
		end -= n
	}
	return Span{start, end}, start < end
}

// seek returns the offset of the first byte at or after i that mayEnd says may start a terminator, or the end
// of text: each language's loop looks for its terminators so, a byte at a time, decoding only a rune whose
// first bytes may be one (mayEndKhmer, mayEndJapanese, mayEndEnglish), where it decoded every rune. It reads the
// same runes as decoding them all would: a terminator starts with an ASCII byte or a lead byte, never with a
// continuation byte, and decoding from any boundary of the text steps onto every such byte — a rune's
// continuation bytes are never ASCII or a lead byte, and an invalid byte is read as a rune of one byte.
// TestMayEnd holds each filter to its language's terminators over every rune.
func seek(text string, i int, mayEnd func(text string, i int) bool) int {
	for i < len(text) && !mayEnd(text, i) {
		i++
	}
	return i
}

// splitter collects spans as boundaries are found.
type splitter struct {
	text  string
	start int
	spans []Span
}

// cut ends a sentence at end and starts the next one at next.
func (s *splitter) cut(end, next int) {
	if sp, ok := trimmed(s.text, s.start, end); ok {
		s.spans = append(s.spans, sp)
	}
	s.start = next
}

func (s *splitter) finish() []Span {
	s.cut(len(s.text), len(s.text))
	return s.spans
}

// skipSpace returns the offset of the first non-space rune at or after i.
func skipSpace(text string, i int) int {
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isSpace(r) {
			break
		}
		i += n
	}
	return i
}

// skipWhile returns the offset of the first rune at or after i for which keep is false.
func skipWhile(text string, i int, keep func(rune) bool) int {
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !keep(r) {
			break
		}
		i += n
	}
	return i
}

// inLatinWord reports whether the ASCII mark at i, of n bytes, sits inside a Latin word such as "Yahoo!News"
// rather than ending a sentence: a Latin letter or digit before it and text other than space, a terminator or
// a closer right after it.
func inLatinWord(text string, i, n int, ends func(rune) bool) bool {
	before, _ := utf8.DecodeLastRuneInString(text[:i])
	after, m := utf8.DecodeRuneInString(text[i+n:])
	latin := before < utf8.RuneSelf && (unicode.IsLetter(before) || unicode.IsDigit(before))
	return latin && m > 0 && !isSpace(after) && !ends(after)
}
