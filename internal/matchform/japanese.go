package matchform

import (
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"
)

// Japanese returns the Japanese matching form of s: full-width ASCII letters,
// digits and punctuation folded to ASCII, half-width katakana widened (a
// half-width voiced or semi-voiced sound mark is composed onto its kana), the
// ideographic space folded to a space, then NFC.
func Japanese(s string) Form {
	if plainJapanese(s) || !hasWidthVariant(s) && isNFC(s) {
		return Form{Text: s} // most Japanese text: nothing to fold
	}
	return japanese(s)
}

// japanese is Japanese without the shortcut for text that has nothing to fold.
func japanese(s string) Form {
	var b builder
	b.init(s)
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i = b.ascii(i, nfcUnit)
			continue
		}
		if n := inertRune(s[i:]); n > 0 {
			b.keep(i, i+n)
			i += n
			continue
		}
		n := japaneseUnit(s[i:])
		u := s[i : i+n]
		b.addShifted(i, i+n, nfc(width.Fold.String(u)))
		i += n
	}
	return b.form()
}

// inertRune returns the length of the first rune of s when neither width
// folding nor NFC can change it or combine it with the next rune (most kanji
// and kana), and 0 otherwise.
func inertRune(s string) int {
	r, n := utf8.DecodeRuneInString(s)
	if r == '\u3000' || (r >= '\uFF00' && r <= '\uFFEF') {
		return 0
	}
	p := norm.NFC.PropertiesString(s)
	if p.CCC() != 0 || (p.Decomposition() != nil && !isNFC(s[:n])) {
		return 0
	}
	if n < len(s) {
		next, _ := utf8.DecodeRuneInString(s[n:])
		if next == '\uFF9E' || next == '\uFF9F' || !norm.NFC.PropertiesString(s[n:]).BoundaryBefore() {
			return 0
		}
	}
	return n
}

// plainJapanese reports whether s is made only of ASCII and of runes of the ranges of stableRanges, which
// neither NFC nor width folding changes and which compose with nothing before them: then s is its own
// Japanese form. It is the common case of Japanese prose (kana, kanji, the ideographic full stop and comma)
// told by the bytes alone, where norm's quick check looks up each rune's properties; false sends s to the
// full test, which decides the rest.
func plainJapanese(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		if c&0xF0 != 0xE0 || i+2 >= len(s) || s[i+1]&0xC0 != 0x80 || s[i+2]&0xC0 != 0x80 {
			return false
		}
		r := rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
		if !stableRune(r) {
			return false
		}
		i += 3
	}
	return true
}

// stableRanges are the runes of Japanese prose that are in NFC, have canonical combining class 0, combine with
// no rune before them and are not width variants (TestStableRanges checks each against x/text): CJK symbols and
// punctuation up to U+3029 without the ideographic space, hiragana and katakana without the combining sound
// marks U+3099 and U+309A, and the CJK unified ideographs. The katakana middle dot and the prolonged sound mark
// are among the katakana.
var stableRanges = [...][2]rune{
	{0x3001, 0x3029},
	{0x3041, 0x3096},
	{0x309B, 0x30FF},
	{0x4E00, 0x9FFF},
}

func stableRune(r rune) bool {
	if r >= 0x4E00 { // the ideographs first: most of a Japanese text's runes above ASCII
		return r <= 0x9FFF
	}
	for _, g := range stableRanges[:3] {
		if r >= g[0] && r <= g[1] {
			return true
		}
	}
	return false
}

// hasWidthVariant reports whether s holds a rune that width folding changes: the ideographic space U+3000 or a
// rune of the Halfwidth and Fullwidth Forms block U+FF00–U+FFEF (TestWidthVariants checks every rune).
func hasWidthVariant(s string) bool {
	for i := 0; i+2 < len(s); i++ {
		switch s[i] {
		case 0xE3: // U+3000 is E3 80 80
			if s[i+1] == 0x80 && s[i+2] == 0x80 {
				return true
			}
		case 0xEF: // U+FF00–U+FFEF are EF BC 80 – EF BF AF
			if s[i+1] >= 0xBC && s[i+1] <= 0xBF {
				return true
			}
		}
	}
	return false
}

// japaneseUnit returns the length of the first unit of s to fold: one
// normalisation segment, with any half-width sound marks that follow it
// (they are starters for NFC but compose once widened).
func japaneseUnit(s string) int {
	n := nfcUnit(s)
	for n < len(s) {
		r, m := utf8.DecodeRuneInString(s[n:])
		if r != '\uFF9E' && r != '\uFF9F' {
			break
		}
		n += m
	}
	return n
}

// IsFullwidthASCII reports whether r is a full-width form of an ASCII
// character (U+FF01–U+FF5E) or the ideographic space.
func IsFullwidthASCII(r rune) bool { return (r >= '\uFF01' && r <= '\uFF5E') || r == '\u3000' }
