package segment

import (
	"strings"
	"unicode/utf8"
)

func isJapaneseTerminator(r rune) bool {
	return r == '。' || r == '！' || r == '？' || r == '!' || r == '?' || r == '｡'
}

func isJapaneseCloser(r rune) bool {
	switch r {
	case '」', '』', '）', '】', '〕', '”', '’', ')':
		return true
	}
	return false
}

// quotativeStarts are the openings of the words that continue a sentence after a closed quotation:
// 「…。」と述べた, 「…。」って, 「…。」などの, 「…。」の.
var quotativeStarts = []string{"と", "って", "など", "との", "の", "は", "が", "を", "も", "に", "で"}

func japaneseSentences(text string) []Span {
	s := splitter{text: text}
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isJapaneseTerminator(r) {
			i += n
			continue
		}
		if (r == '!' || r == '?') && inLatinWord(text, i, n, func(r rune) bool { return isJapaneseTerminator(r) || isJapaneseCloser(r) }) {
			i += n
			continue
		}
		end := skipWhile(text, i, func(r rune) bool { return isJapaneseTerminator(r) || isJapaneseCloser(r) })
		next := skipSpace(text, end)
		if closedQuote(text[i:end]) && continuesQuote(text[next:]) {
			i = next
			continue
		}
		s.cut(end, next)
		i = next
	}
	return s.finish()
}

// closedQuote reports whether a terminator run closes a quotation: 。」 or ？』.
func closedQuote(run string) bool { return strings.ContainsAny(run, "」』") }

func continuesQuote(rest string) bool {
	for _, q := range quotativeStarts {
		if strings.HasPrefix(rest, q) {
			return true
		}
	}
	return false
}
