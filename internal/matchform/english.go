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
					b.addLowerASCII(i, j)
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

// addLowerASCII is addShifted of original[o:oe], which is ASCII, and its lower case, written into the form
// directly: lowering a copy first (strings.ToLower) made every run of a text with a capital in it twice.
func (b *builder) addLowerASCII(o, oe int) {
	in := b.orig[o:oe]
	k := 0
	for k < len(in) && (in[k] < 'A' || in[k] > 'Z') {
		k++
	}
	if k == len(in) {
		if !b.same {
			b.sb.WriteString(in)
		}
		return
	}
	// The run changes, but keeps its length and every byte's place: no span is recorded (see addShifted).
	if b.same {
		b.same = false
		b.sb.Grow(len(b.orig) + 8)
		b.sb.WriteString(b.orig[:o])
	}
	for k < len(in) {
		b.sb.WriteString(in[:k])
		b.sb.WriteByte(in[k] + ('a' - 'A'))
		in = in[k+1:]
		k = 0
		for k < len(in) && (in[k] < 'A' || in[k] > 'Z') {
			k++
		}
	}
	b.sb.WriteString(in)
}
