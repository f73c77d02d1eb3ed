package bitext

import (
	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/release"
)

// MatchBatch runs the match pass of the blocks of a batch of releases language by language: every block of
// the source documents of rs, then every block of the first target's documents, and so on, each into the
// release view views[i] of rs[i] (ForRelease), which keeps the matches (Longest, with the overlapping matches of
// a translation) for alignment and the rules that read them afterwards. What the views then give is what they
// give without the batch pass: each text's matches are computed once, by the same calls, only earlier.
//
// The point is the order. The automata of a large glossary are megabytes of tables, one per language; a
// release aligned and checked on its own meets English, then Khmer, then Japanese texts with alignment, numbers
// and rules in between, which evict the tables before the next text of the same language. Scanning the texts
// of a batch one language after another keeps each language's hot states in cache over the whole batch. A nil
// release or view is passed over.
func MatchBatch(views []*Anchors, rs []*release.Release, source language.Tag, targets []language.Tag) {
	pass := func(lang language.Tag) {
		for i, r := range rs {
			v := views[i]
			if r == nil || v == nil || v.pass == nil {
				continue
			}
			d := r.Doc(lang)
			if d == nil {
				continue
			}
			for _, b := range d.Blocks {
				if b.Text != "" {
					v.Longest(lang, b.Text)
				}
			}
		}
	}
	pass(source)
	for _, t := range targets {
		pass(t)
	}
}
