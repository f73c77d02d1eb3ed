package matchform

import (
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Khmer code points the folding works with.
const (
	coeng   = '\u17D2'
	letDA   = '\u178A'
	letTA   = '\u178F'
	letNNO  = '\u178E' // ណ
	letNO   = '\u1793' // ន
	letRO   = '\u179A'
	vowE    = '\u17C1' // េ
	vowAA   = '\u17B6' // ា
	vowII   = '\u17B8' // ី
	vowOE   = '\u17BE' // ើ
	vowOO   = '\u17C4' // ោ
	shiftMu = '\u17C9' // ៉ muusikatoan
	shiftTr = '\u17CA' // ៊ triisap
)

// Ranks of the parts of a Khmer syllable, in canonical order.
const (
	rankOther = iota // not part of a Khmer syllable
	rankBase
	rankRobat
	rankSub   // coeng + consonant (and a dangling coeng)
	rankSubRo // coeng + RO: always the last subscript
	rankShift
	rankVowel
	rankSign
	rankFinal // reahmuk, yuukaleapintu
)

// decodeRune is utf8.DecodeRuneInString with a rune of the Khmer block (U+1780–U+17FF: E1 9E or E1 9F, then a
// continuation byte), which makes most of a Khmer text, decoded inline (khmerAt): the Khmer matching form decodes
// every rune of a syllable twice, and the general decoding was a tenth of its cost.
func decodeRune(s string) (rune, int) {
	if r := khmerAt(s); r >= 0 {
		return r, 3
	}
	return utf8.DecodeRuneInString(s)
}

// khmerAt returns the rune of the Khmer block that s starts with, or -1; small enough to be inlined, which
// decodeRune is not.
func khmerAt(s string) rune {
	if len(s) > 2 && s[0] == 0xE1 && s[1]&^1 == 0x9E && s[2]&0xC0 == 0x80 {
		return 0x1000 | rune(s[1]&0x3F)<<6 | rune(s[2]&0x3F)
	}
	return -1
}

// khmerRank returns the rank of r as a part of a Khmer syllable, from a table for the Khmer block.
func khmerRank(r rune) int {
	if r >= 0x1780 && r < 0x1780+rune(len(khmerRanks)) {
		return int(khmerRanks[r-0x1780])
	}
	return rankOther
}

// khmerRanks holds khmerRankOf of each rune of the Khmer block (U+1780–U+17FF): one load where the folding, which
// asks for the rank of every rune of every syllable, went through a chain of ranges.
var khmerRanks = func() (t [0x80]uint8) {
	for i := range t {
		t[i] = uint8(khmerRankOf(0x1780 + rune(i)))
	}
	return t
}()

// khmerRankOf is the rank of r as a part of a Khmer syllable; only the Khmer block has ranks but rankOther.
func khmerRankOf(r rune) int {
	switch {
	case r >= '\u1780' && r <= '\u17B3':
		return rankBase
	case r >= '\u17B6' && r <= '\u17C5':
		return rankVowel
	case r == '\u17C7' || r == '\u17C8':
		return rankFinal
	case r == shiftMu || r == shiftTr:
		return rankShift
	case r == '\u17CC':
		return rankRobat
	case r == coeng:
		return rankSub
	case r == '\u17C6' || r == '\u17CB' || (r >= '\u17CD' && r <= '\u17D1') || r == '\u17D3' || r == '\u17DD':
		return rankSign
	}
	return rankOther
}

// isKhmerMark reports whether r continues a Khmer syllable (a dependent vowel,
// a sign or a coeng).
func isKhmerMark(r rune) bool { return khmerRank(r) > rankBase }

// isKhmerBase reports whether r is a Khmer consonant or independent vowel.
func isKhmerBase(r rune) bool { return r >= '\u1780' && r <= '\u17B3' }

// IsZeroWidth reports whether r is one of the invisible characters removed
// from the Khmer matching form: zero-width space, non-joiner, joiner and the
// byte order mark used as a zero-width no-break space.
func IsZeroWidth(r rune) bool {
	return r == '\u200B' || r == '\u200C' || r == '\u200D' || r == '\uFEFF'
}

// Khmer returns the Khmer matching form of s: NFC, look-alike spellings folded
// to the canonical spelling (see the package documentation) and zero-width
// characters removed.
func Khmer(s string) Form {
	if khmerUnchanged(s) {
		return Form{Text: s} // most Khmer text: every syllable canonical, nothing to fold
	}
	return khmer(s)
}

// khmer is Khmer without the shortcut for text that has nothing to fold.
func khmer(s string) Form {
	var b builder
	b.init(s)
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i = b.ascii(i, otherUnit)
			continue
		}
		r, n := decodeRune(s[i:])
		switch {
		case IsZeroWidth(r):
			b.add(i, i+n, "")
			i += n
		case khmerRank(r) >= rankBase:
			j := syllableEnd(s, i)
			b.add(i, j, foldSyllable(s[i:j]))
			i = j
		default:
			n = otherUnit(s[i:])
			b.add(i, i+n, nfc(s[i:i+n]))
			i += n
		}
	}
	return b.form()
}

// khmerUnchanged reports, in one pass over the runes of s, that khmer would return s as it is: s has no zero-width
// character, each of its Khmer syllables (as syllableEnd cuts them) is canonical as syllableCanonical judges it,
// and every other rune outside ASCII and the Khmer block is in NFC and begins a normalisation segment that nothing
// before it joins, so that no unit of khmer changes under NFC. False means only that khmer must decide: it is
// false for some texts that khmer returns as they are (a dangling coeng that folding leaves in place, a foreign
// combining mark). TestKhmerShortcut compares the two.
func khmerUnchanged(s string) bool { return khmerPlain(s, true) }

// khmerPlain is khmerUnchanged, which with stray false is also false when a syllable starts with a mark (a vowel
// or coeng with no base, which KhmerIssues reports).
func khmerPlain(s string, stray bool) bool {
	// The syllable being read: the rank of its last part and its last rune (syllableCanonical's last and
	// prev), and whether a syllable is open at all, which a rune that does not continue it closes.
	var (
		last int
		prev rune
		open bool
	)
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			open = false
			i++
			continue
		}
		r := khmerAt(s[i:])
		if r < 0 {
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && n == 1 || IsZeroWidth(r) || !inert(s[i:], n) {
				return false
			}
			open = false
			i += n
			continue
		}
		i += 3
		rank := khmerRank(r)
		switch {
		case open && (rank > rankBase || prev == coeng && rank == rankBase):
			// the syllable goes on, as syllableEnd reads it
		case rank >= rankBase:
			open, last, prev = true, rankOther, 0 // a new syllable
			if rank == rankBase {
				last, prev = rankOther, r // the base stays first
				continue
			}
			if !stray {
				return false
			}
		default:
			open = false // a Khmer digit or punctuation, which NFC leaves as it is
			continue
		}
		switch {
		case prev == coeng && rank == rankBase:
			if r == letDA {
				return false
			}
			rank = rankSub
			if r == letRO {
				rank = rankSubRo
			}
		case r == coeng:
			// judged with its consonant, which must follow in the syllable
			if c := khmerAt(s[i:]); c < 0 || !isKhmerBase(c) {
				return false
			}
			rank = max(last, rankSub)
		}
		if rank < last || prev == vowE && (r == vowII || r == vowAA) || prev == vowOE && r == vowAA {
			return false
		}
		last, prev = rank, r
	}
	return true
}

// inert reports whether the rune of n bytes that s starts with is in NFC and begins a normalisation segment that
// does not combine with what comes before it.
func inert(s string, n int) bool {
	return norm.NFC.PropertiesString(s).BoundaryBefore() && norm.NFC.QuickSpanString(s[:n]) == n
}

// otherUnit returns the length of the first normalisation segment of s, cut
// before any Khmer character: NFC must not move a coeng across a foreign
// combining mark, or folding would not be idempotent.
func otherUnit(s string) int {
	n := nfcUnit(s)
	_, k := utf8.DecodeRuneInString(s)
	for k < n {
		r, m := utf8.DecodeRuneInString(s[k:])
		if r >= '\u1780' && r <= '\u17FF' {
			return k
		}
		k += m
	}
	return n
}

func nfc(s string) string {
	if isNFC(s) {
		return s
	}
	return norm.NFC.String(s)
}

// syllableEnd returns the end of the Khmer syllable that starts at s[i]: the
// base (or a stray mark) and every mark after it, a consonant after a coeng
// included. Zero-width characters inside the syllable are part of it (and
// are dropped by foldSyllable); those at its end are not.
func syllableEnd(s string, i int) int {
	prev, n := decodeRune(s[i:])
	j := i + n
	for j < len(s) {
		k := j
		r, m := khmerAt(s[k:]), 3
		if r < 0 {
			r, m = utf8.DecodeRuneInString(s[k:])
		}
		for IsZeroWidth(r) {
			k += m
			if k >= len(s) {
				return j
			}
			r, m = decodeRune(s[k:])
		}
		if !(isKhmerMark(r) || (prev == coeng && isKhmerBase(r))) {
			return j
		}
		prev = r
		j = k + m
	}
	return j
}

// part is one orderable piece of a syllable: a rune, or a coeng and its
// consonant.
type part struct {
	s    string
	rank int
	pos  int
}

// foldSyllable returns the canonical spelling of one Khmer syllable.
func foldSyllable(u string) string {
	if syllableCanonical(u) {
		return u
	}
	var buf [12]part
	parts, dangling := splitSyllable(u, buf[:0])
	if !dangling {
		// With a dangling coeng the syllable is broken and which
		// consonant the coeng belongs to is unknown: keep the order.
		sortParts(parts)
	}
	var sb strings.Builder
	sb.Grow(len(u))
	for _, p := range parts {
		sb.WriteString(p.s)
	}
	out := sb.String()
	return joinSplitVowels(out)
}

func sortParts(parts []part) {
	sort.SliceStable(parts, func(a, b int) bool { return parts[a].rank < parts[b].rank })
}

// splitSyllable cuts a syllable into parts, dropping zero-width characters
// and folding subscript DA to subscript TA. It reports whether the syllable
// has a coeng with no consonant after it.
func splitSyllable(u string, parts []part) (_ []part, dangling bool) {
	first := true
	for i := 0; i < len(u); {
		r, n := decodeRune(u[i:])
		if IsZeroWidth(r) {
			i += n
			continue
		}
		if r == coeng {
			j := i + n
			for j < len(u) {
				c, m := utf8.DecodeRuneInString(u[j:])
				if !IsZeroWidth(c) {
					break
				}
				j += m
			}
			c, m := utf8.DecodeRuneInString(u[j:])
			if j >= len(u) || !isKhmerBase(c) {
				dangling = true
				parts = append(parts, part{s: u[i : i+n], rank: rankSub, pos: i})
				i += n
				first = false
				continue
			}
			rank := rankSub
			switch c {
			case letRO:
				rank = rankSubRo
			case letDA:
				c = letTA
			}
			parts = append(parts, part{s: string(coeng) + string(c), rank: rank, pos: i})
			i = j + m
			first = false
			continue
		}
		rank := khmerRank(r)
		if first && rank == rankBase {
			rank = rankOther // the base stays first
		}
		first = false
		parts = append(parts, part{s: u[i : i+n], rank: rank, pos: i})
		i += n
	}
	return parts, dangling
}

// syllableCanonical reports whether a syllable is already in canonical
// spelling, without allocating.
func syllableCanonical(u string) bool {
	last := rankOther
	var prev rune
	first := true
	for i := 0; i < len(u); {
		r, n := khmerAt(u[i:]), 3
		if r < 0 {
			r, n = utf8.DecodeRuneInString(u[i:])
		}
		i += n
		if IsZeroWidth(r) {
			return false
		}
		rank := khmerRank(r)
		switch {
		case first && rank == rankBase:
			rank = rankOther
		case prev == coeng && isKhmerBase(r):
			if r == letDA {
				return false
			}
			if r == letRO {
				rank = rankSubRo
			} else {
				rank = rankSub
			}
		case r == coeng:
			if i >= len(u) {
				return false // dangling: let foldSyllable decide
			}
			if c, _ := decodeRune(u[i:]); !isKhmerBase(c) {
				return false
			}
			rank = last // judged with its consonant
			if last < rankSub {
				rank = rankSub
			}
		}
		if rank < last {
			return false
		}
		if (prev == vowE && (r == vowII || r == vowAA)) || (prev == vowOE && r == vowAA) {
			return false
		}
		last, prev, first = rank, r, false
	}
	return true
}

// joinSplitVowels replaces split vowels typed in two parts by the single
// code point: េ + ី → ើ, េ + ា → ោ, and the confusable ើ + ា → ោ + ី.
func joinSplitVowels(s string) string {
	if !strings.ContainsRune(s, vowE) && !strings.ContainsRune(s, vowOE) {
		return s
	}
	out := make([]rune, 0, len(s)/3+1)
	for _, c := range s {
		if n := len(out); n > 0 {
			switch l := out[n-1]; {
			case l == vowE && c == vowII:
				out[n-1] = vowOE
				continue
			case l == vowE && c == vowAA:
				out[n-1] = vowOO
				continue
			case l == vowOE && c == vowAA:
				out[n-1] = vowOO
				out = append(out, vowII)
				continue
			}
		}
		out = append(out, c)
	}
	return string(out)
}
