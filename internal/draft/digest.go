package draft

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"

	"github.com/relloc/relloc/internal/release"
	"github.com/relloc/relloc/internal/segment"
)

// Digest returns the digest recorded for an English sentence: the first 16 hex digits of the SHA-256 of its text
// in NFC with every run of white space folded to one space and the ends trimmed, so that rewrapping a paragraph
// does not make its translation stale.
func Digest(text string) string {
	sum := sha256.Sum256([]byte(foldSpace(norm.NFC.String(text))))
	return hex.EncodeToString(sum[:])[:16]
}

// foldSpace folds every run of white space to one space and trims the ends.
func foldSpace(s string) string {
	if spaceFolded(s) {
		return s
	}
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}

// spaceFolded reports whether foldSpace would give s as it is, which most sentences are (a translation memory
// folds every side of every segment): no white space at its ends, and none inside but single spaces.
func spaceFolded(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		// Most bytes are plain: a look in a table, where each was told apart as ASCII or not, and white space or
		// not, one at a time.
		class := foldClasses[s[i]]
		if class == classPlain {
			continue
		}
		switch class {
		case classSpace:
			if s[i+1] == ' ' { // s does not end in a space
				return false
			}
		case classOtherSpace:
			return false
		case classLead:
			// A character that is white space begins as one does (spacePrefix); the bytes after a first byte
			// never do, nor do those of a character that is not UTF-8.
			if i+1 < len(s) && spacePrefix.has(s[i], s[i+1]) {
				if r, _ := utf8.DecodeRuneInString(s[i:]); unicode.IsSpace(r) {
					return false
				}
			}
		}
	}
	return true
}

// The classes of a byte for spaceFolded.
const (
	classPlain      = iota // begins no white space
	classSpace             // a space
	classOtherSpace        // ASCII white space other than a space
	classLead              // the first byte of a white-space character above ASCII, and of others
)

// foldClasses holds the class of each byte: ASCII white space as unicode.IsSpace has it, and the first bytes of
// the white-space characters above ASCII (spacePrefix).
var foldClasses = func() (t [256]uint8) {
	for c := range utf8.RuneSelf {
		if unicode.IsSpace(rune(c)) {
			t[c] = classOtherSpace
		}
	}
	t[' '] = classSpace
	for k := range 1 << 16 {
		if spacePrefix.has(byte(k>>8), byte(k)) {
			t[k>>8] = classLead
		}
	}
	return t
}()

// prefixSet is a set of two-byte prefixes.
type prefixSet [1 << 16 / 64]uint64

func (p *prefixSet) has(a, b byte) bool {
	k := uint16(a)<<8 | uint16(b)
	return p[k/64]&(1<<(k%64)) != 0
}

// spacePrefix holds the first two bytes of every white-space character above ASCII (U+0085, U+00A0, U+1680,
// U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000: unicode.White_Space), so that spaceFolded decodes
// only the characters that begin as one does, and not every Khmer or Japanese one.
var spacePrefix = func() *prefixSet {
	var p prefixSet
	add := func(r rune) {
		if r >= utf8.RuneSelf {
			b := utf8.AppendRune(nil, r)
			k := uint16(b[0])<<8 | uint16(b[1])
			p[k/64] |= 1 << (k % 64)
		}
	}
	for _, r := range unicode.White_Space.R16 {
		for c := rune(r.Lo); c <= rune(r.Hi); c += rune(r.Stride) {
			add(c)
		}
	}
	for _, r := range unicode.White_Space.R32 {
		for c := rune(r.Lo); c <= rune(r.Hi); c += rune(r.Stride) {
			add(c)
		}
	}
	return &p
}()

// Sentence is one sentence of a document: its id ("b6.s2": block 6, sentence 2), its block and its byte range in
// the block's text.
type Sentence struct {
	ID         string
	Block      *release.Block
	Start, End int
}

// Text returns the sentence's text.
func (s Sentence) Text() string { return s.Block.Text[s.Start:s.End] }

// Sentences returns every sentence of d, split by the rules of d's language, in document order.
func Sentences(d *release.Document) []Sentence {
	var out []Sentence
	for _, b := range d.Blocks {
		out = append(out, blockSentences(d.Lang, b)...)
	}
	return out
}

func blockSentences(lang language.Tag, b *release.Block) []Sentence {
	var out []Sentence
	for i, sp := range segment.Sentences(lang, b.Text) {
		out = append(out, Sentence{ID: fmt.Sprintf("b%d.s%d", b.Index, i+1), Block: b, Start: sp.Start, End: sp.End})
	}
	return out
}

// Digests returns the digest of every sentence of the English document src, by sentence id.
func Digests(src *release.Document) map[string]string {
	out := map[string]string{}
	for _, s := range Sentences(src) {
		out[s.ID] = Digest(s.Text())
	}
	return out
}

// Tracked reports whether a translation records the English it was made from (its front matter has a [source]
// table).
func Tracked(tgt *release.Document) bool { return tgt != nil && tgt.Front.Source != nil }
