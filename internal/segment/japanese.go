package segment

import (
	"strings"
	"unicode/utf8"
)

func isJapaneseTerminator(r rune) bool {
	return r == '。' || r == '！' || r == '？' || r == '!' || r == '?'
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
	inside := quotedRanges(text)
	s := splitter{text: text}
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isJapaneseTerminator(r) || inside(i) {
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

// quotedRanges finds the balanced 「…」 and 『…』 quotations of text and returns a function reporting whether
// a byte offset lies strictly inside one. An opening bracket that is never closed (a quotation running on into
// the next paragraph) does not count, so it cannot swallow the rest of the text.
func quotedRanges(text string) func(int) bool {
	type open struct {
		at    int
		close rune
	}
	var stack []open
	var ranges [][2]int
	for i, r := range text {
		switch r {
		case '「':
			stack = append(stack, open{i, '」'})
		case '『':
			stack = append(stack, open{i, '』'})
		case '」', '』':
			for k := len(stack) - 1; k >= 0; k-- {
				if stack[k].close == r {
					ranges = append(ranges, [2]int{stack[k].at, i})
					stack = stack[:k]
					break
				}
			}
		}
	}
	return func(i int) bool {
		_, n := utf8.DecodeRuneInString(text[i:])
		for _, rg := range ranges {
			// The terminator right before a closing bracket is the quotation's own end, 「…。」, and
			// ends the sentence unless an enclosing quotation goes on.
			if rg[0] < i && i < rg[1] && !terminatesQuote(text[i+n:rg[1]]) {
				return true
			}
		}
		return false
	}
}

// terminatesQuote reports whether only terminators stand between a terminator and its closing bracket.
func terminatesQuote(between string) bool {
	for _, r := range between {
		if !isJapaneseTerminator(r) {
			return false
		}
	}
	return true
}
