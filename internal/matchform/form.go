package matchform

import (
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// Form is a text in matching form with a map back to the original.
type Form struct {
	Text string // the folded text
	// segs lists, in order, the spans of Text that are not a byte-for-byte
	// copy of the original; offsets between them map by a constant shift.
	segs []span
}

// span says that Text[f:fe] was made from original[o:oe].
type span struct{ f, fe, o, oe int }

// Orig returns the byte offset in the original text of byte offset i of
// Text, read as the start of a slice: an offset inside a rewritten span maps
// to the start of that span in the original, and an offset where characters
// were removed maps to just after them. i may equal len(Text).
func (f Form) Orig(i int) int {
	// last span with s.f <= i
	k := sort.Search(len(f.segs), func(j int) bool { return f.segs[j].f > i }) - 1
	if k < 0 {
		return i
	}
	s := f.segs[k]
	if i < s.fe {
		return s.o
	}
	return s.oe + (i - s.fe)
}

// OrigEnd returns the byte offset in the original text of byte offset i of
// Text, read as the end of a slice: an offset inside a rewritten span maps to
// the end of that span in the original, and an offset where characters were
// removed maps to just before them. Use Orig for the start of a match and
// OrigEnd for its end.
func (f Form) OrigEnd(i int) int {
	// last span with s.f < i
	k := sort.Search(len(f.segs), func(j int) bool { return f.segs[j].f >= i }) - 1
	if k < 0 {
		return i
	}
	s := f.segs[k]
	if i <= s.fe {
		return s.oe
	}
	return s.oe + (i - s.fe)
}

// Identity reports whether Text is the original text unchanged.
func (f Form) Identity() bool { return len(f.segs) == 0 }

// For returns the matching form of s for the base language of lang: Khmer,
// Japanese, English (case-insensitive) or, for any other language, NFC only.
func For(lang language.Tag, s string) Form {
	switch base(lang) {
	case "km":
		return Khmer(s)
	case "ja":
		return Japanese(s)
	case "en":
		return English(s, false)
	}
	return NFC(s)
}

func base(lang language.Tag) string {
	b, _ := lang.Base()
	return b.String()
}

// NFC returns s in Unicode normalisation form C with a map back to s.
func NFC(s string) Form {
	if isNFC(s) {
		return Form{Text: s}
	}
	var b builder
	b.init(s)
	for i := 0; i < len(s); {
		n := nfcUnit(s[i:])
		b.add(i, i+n, norm.NFC.String(s[i:i+n]))
		i += n
	}
	return b.form()
}

// isNFC reports whether s is in NFC (norm.Form.IsNormalString). The quick check settles most texts without
// allocating, where IsNormalString allocates on every call: a Khmer text called it for each run of punctuation.
func isNFC(s string) bool {
	return norm.NFC.QuickSpanString(s) == len(s) || norm.NFC.IsNormalString(s)
}

// nfcUnit returns the length of the first normalisation segment of s
// (at least one rune).
func nfcUnit(s string) int {
	if len(s) > 1 && s[0] < utf8.RuneSelf && s[1] < utf8.RuneSelf {
		return 1
	}
	n := norm.NFC.NextBoundaryInString(s, true)
	if n <= 0 {
		_, n = utf8.DecodeRuneInString(s)
	}
	return n
}

// ascii copies the run of ASCII bytes that starts at s[i] and returns where
// it ends. The last byte before a non-ASCII character goes through NFC with
// that character, since it may take a combining mark; unit gives the length
// of that normalisation unit.
func (b *builder) ascii(i int, unit func(string) int) int {
	s := b.orig
	j := i + 1
	for j < len(s) && s[j] < utf8.RuneSelf {
		j++
	}
	if j == len(s) {
		b.keep(i, j)
		return j
	}
	j--
	if j > i {
		b.keep(i, j)
	}
	n := unit(s[j:])
	b.add(j, j+n, nfc(s[j:j+n]))
	return j + n
}

// keep copies original[o:oe] unchanged.
func (b *builder) keep(o, oe int) {
	if !b.same {
		b.sb.WriteString(b.orig[o:oe])
	}
}

// builder assembles a Form from units of the original, each replaced by its
// folded text.
type builder struct {
	orig string
	sb   strings.Builder
	segs []span
	// same is true while the output is still a prefix copy of orig.
	same bool
}

func (b *builder) init(orig string) {
	b.orig = orig
	b.same = true
}

// add records that original[o:oe] folds to out.
func (b *builder) add(o, oe int, out string) {
	in := b.orig[o:oe]
	if in == out {
		if !b.same {
			b.sb.WriteString(out)
		}
		return
	}
	b.change(o, oe, out, true)
}

// addShifted is add for a unit whose folding, when it keeps the length, keeps
// every byte in place (case folding, width folding): a span is recorded only
// where the length changes.
func (b *builder) addShifted(o, oe int, out string) {
	in := b.orig[o:oe]
	if in == out {
		if !b.same {
			b.sb.WriteString(out)
		}
		return
	}
	b.change(o, oe, out, len(in) != len(out))
}

func (b *builder) change(o, oe int, out string, record bool) {
	if b.same {
		b.same = false
		b.sb.Grow(len(b.orig) + 8)
		b.sb.WriteString(b.orig[:o])
	}
	f := b.sb.Len()
	b.sb.WriteString(out)
	if !record {
		return
	}
	// Adjacent spans are not merged: each unit keeps its own bounds, so that
	// a match may start or end between two rewritten units.
	b.segs = append(b.segs, span{f: f, fe: b.sb.Len(), o: o, oe: oe})
}

func (b *builder) form() Form {
	if b.same {
		return Form{Text: b.orig}
	}
	return Form{Text: b.sb.String(), segs: b.segs}
}
