package index

import (
	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/bitext"
	"github.com/relloc/relloc/internal/check"
	"github.com/relloc/relloc/internal/coverage"
	"github.com/relloc/relloc/internal/draft"
	"github.com/relloc/relloc/internal/finding"
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
	// Findings and Cases are check's outcome of the release in every target language (check.Runner.Check).
	Findings []finding.Finding
	Cases    []check.Case
}

// Analyse computes the index entry of a release aligned in every target language by bitext.Align with
// in.Anchors, a view of the glossary's matchers for this release (bitext.Anchors.ForRelease) that the rules of
// ck, the translation memory, coverage and usage all read: one alignment and one match pass per text, whatever
// the index keeps. in names the workspace's glossary and languages (its Bitexts are not read); ck is a run of
// check over every target language, whose matchers in.Anchors views.
func Analyse(bt *bitext.Bitext, in coverage.Input, ck *check.Runner) Entry {
	e := Entry{
		Release:  bt.Release.ID,
		Units:    draft.Units(bt),
		Coverage: coverage.ReleaseCoverage(bt, in),
		Phrases:  coverage.ReleasePhrases(bt, in).Phrases,
		Usage:    map[string]map[string]int{},
	}
	e.Findings, e.Cases = ck.Check(bt, in.Anchors)
	for _, lang := range append([]language.Tag{in.Source}, in.Targets...) {
		d := bt.Release.Doc(lang)
		if d == nil || in.Anchors.Matcher(lang) == nil {
			continue
		}
		for _, b := range d.Blocks {
			for _, mt := range in.Anchors.Longest(lang, b.Text) {
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
