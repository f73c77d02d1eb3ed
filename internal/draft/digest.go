package draft

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode"

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
	space := true // at the start, as after a space: one there is not folded
	for _, r := range s {
		isSpace := unicode.IsSpace(r)
		if isSpace && (space || r != ' ') {
			return false
		}
		space = isSpace
	}
	return !space || s == ""
}

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
