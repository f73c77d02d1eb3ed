package index

import (
	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/bitext"
	"github.com/relloc/relloc/internal/coverage"
	"github.com/relloc/relloc/internal/draft"
	"github.com/relloc/relloc/internal/tm"
)

// Entry is what the index keeps of one release.
type Entry struct {
	Release string // its id
	Units   []tm.Unit
	// Coverage holds the release's coverage figure in each target language of the workspace.
	Coverage []coverage.Release
	Phrases  []string
	// Usage counts, per language and glossary entry id, the entry's terms and variants in the release's text in
	// that language (forbidden forms are not a use).
	Usage map[string]map[string]int
}

// Analyse computes the index entry of an aligned release; in names the workspace's glossary, languages and
// matchers (its Bitexts are not read).
func Analyse(bt *bitext.Bitext, in coverage.Input) Entry {
	e := Entry{
		Release:  bt.Release.ID,
		Units:    draft.Units(bt),
		Coverage: coverage.ReleaseCoverage(bt, in),
		Phrases:  coverage.ReleasePhrases(bt, in).Phrases,
		Usage:    map[string]map[string]int{},
	}
	for _, lang := range append([]language.Tag{in.Source}, in.Targets...) {
		d := bt.Release.Doc(lang)
		m := in.Anchors.Matcher(lang)
		if d == nil || m == nil {
			continue
		}
		for _, b := range d.Blocks {
			for _, mt := range m.FindAll(b.Text) {
				if mt.Form == "forbidden" {
					continue
				}
				if e.Usage[lang.String()] == nil {
					e.Usage[lang.String()] = map[string]int{}
				}
				e.Usage[lang.String()][mt.ID]++
			}
		}
	}
	return e
}
