package matchform

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/cases"
)

// English returns the English matching form of s: NFC, curly apostrophes and
// quotes folded to ASCII ' and ", non-breaking spaces folded to a space and,
// unless caseSensitive, full Unicode case folding.
func English(s string, caseSensitive bool) Form {
	var b builder
	b.init(s)
	var fold *cases.Caser
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			j := i + 1
			for j < len(s) && s[j] < utf8.RuneSelf {
				j++
			}
			if j < len(s) {
				j-- // the last ASCII byte goes through NFC with what follows
			}
			if j > i {
				if caseSensitive {
					b.keep(i, j)
				} else {
					b.addShifted(i, j, asciiLower(s[i:j]))
				}
				i = j
				continue
			}
		}
		n := nfcUnit(s[i:])
		u := nfc(s[i : i+n])
		if !caseSensitive {
			if fold == nil {
				c := cases.Fold()
				fold = &c
			}
			// x/text folds some scripts (Cherokee) back and forth; keep
			// such units as they are so that folding stays idempotent.
			if v := fold.String(u); v == u || fold.String(v) == v {
				u = nfc(v)
			}
		}
		b.addShifted(i, i+n, englishPunct(u))
		i += n
	}
	return b.form()
}

// englishPunct folds typographic quotes and non-breaking spaces.
func englishPunct(u string) string {
	if !strings.ContainsAny(u, "\u2018\u2019\u201B\u02BC\u2032\u201C\u201D\u201F\u2033\u00A0\u202F\u2007") {
		return u
	}
	return strings.Map(func(r rune) rune {
		switch r {
		case '\u2018', '\u2019', '\u201B', '\u02BC', '\u2032':
			return '\''
		case '\u201C', '\u201D', '\u201F', '\u2033':
			return '"'
		case '\u00A0', '\u202F', '\u2007':
			return ' '
		}
		return r
	}, u)
}

func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}
