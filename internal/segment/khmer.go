package segment

import (
	"strings"
	"unicode/utf8"
)

func isKhmerTerminator(r rune) bool { return r == '។' || r == '៕' || r == '?' || r == '!' }

func isKhmerCloser(r rune) bool {
	switch r {
	case '»', '”', '’', '"', ')', ']', '）':
		return true
	}
	return false
}

// khmerEtc is the Khmer abbreviation for "et cetera"; its signs are not sentence ends.
const khmerEtc = "។ល។"

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// mayEndKhmer reports whether the rune at text[i] can be a terminator: '?', '!', ។ or ៕ (E1 9F 94 and 95; khmerEtc
// starts with ។ too).
func mayEndKhmer(text string, i int) bool {
	switch text[i] {
	case '?', '!':
		return true
	case 0xE1:
		return i+2 < len(text) && text[i+1] == 0x9F && text[i+2]&^1 == 0x94
	}
	return false
}

func khmerSentences(text string) []Span {
	s := splitter{text: text}
	for i := 0; i < len(text); {
		if i = seek(text, i, mayEndKhmer); i == len(text) {
			break
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case strings.HasPrefix(text[i:], khmerEtc):
			i += len(khmerEtc)
			continue
		case !isKhmerTerminator(r):
			i += n
			continue
		}
		if (r == '?' || r == '!') && inLatinWord(text, i, n, func(r rune) bool { return isKhmerTerminator(r) || isKhmerCloser(r) }) {
			i += n
			continue
		}
		end := skipWhile(text, i, func(r rune) bool { return isKhmerTerminator(r) || isKhmerCloser(r) || r == '.' })
		next := skipSpace(text, end)
		// A closing quote set off by a space still closes the sentence: "…។ " ends a quotation as "…។" does.
		if q, m := utf8.DecodeRuneInString(text[next:]); m > 0 && isKhmerCloser(q) && q != ')' && q != ']' && q != '）' {
			if after := next + m; after == len(text) || isSpace(firstRune(text[after:])) {
				end = after
				next = skipSpace(text, end)
			}
		}
		s.cut(end, next)
		i = next
	}
	return s.finish()
}
