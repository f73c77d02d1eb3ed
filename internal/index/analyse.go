package index

import (
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
	// Findings and Cases are check's outcome of the release in every target language (check.Runner.Check).
	Findings []finding.Finding
	Cases    []check.Case
}

// Analyse computes the index entry of a release aligned in every target language by bitext.Align with
// in.Anchors, a view of the glossary's matchers for this release (bitext.Anchors.ForRelease) that the rules of
// ck, the translation memory and coverage all read: one alignment and one match pass per text, whatever
// the index keeps. in names the workspace's glossary and languages (its Bitexts are not read); ck is a run of
// check over every target language, whose matchers in.Anchors views. The entry has the release's
// translation-memory units only when memory is true (an index without the memory: memoryPart).
func Analyse(bt *bitext.Bitext, in coverage.Input, ck *check.Runner, memory bool) Entry {
	e := Entry{
		Release:  bt.Release.ID,
		Coverage: coverage.ReleaseCoverage(bt, in),
		Phrases:  coverage.ReleasePhrases(bt, in).Phrases,
	}
	if memory {
		e.Units = draft.Units(bt)
	}
	e.Findings, e.Cases = ck.Check(bt, in.Anchors)
	return e
}
