package check

import (
	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/draft"
	"github.com/relloc/relloc/internal/finding"
	"github.com/relloc/relloc/internal/release"
)

// One fault, one finding. Some findings are consequences of another that already names the fault; reporting them
// too would bury it. Each rule below says exactly which findings it explains, so that a finding is only ever
// dropped for a cause that was itself reported, and no rule hides findings of an unrelated kind:
//
//   - draft-marker, for a "relloc-draft translate" marker: the sentence after it is the English with glossary
//     terms, dates and numbers filled in, still to be translated. Every other finding located in it (untranslated,
//     glossary-missing, segment-missing, punctuation, ...) is the marker's, until the next marker or the end of
//     the block.
//   - untranslated: a segment left in English lacks the renderings of its glossary terms and ends with an English
//     full stop, so its glossary-missing, glossary-count and sentence-end punctuation findings are the untranslated
//     one's. Its numbers are another matter: a number changed in a segment that also looks untranslated is still
//     reported, and so is everything about other segments.
var explainedByUntranslated = map[string]bool{"glossary-missing": true, "glossary-count": true, "punctuation": true}

// neverExplained are rules about the markers and suppressions themselves, and about the English source having
// changed: they stand whatever the text around them.
var neverExplained = map[string]bool{"draft-marker": true, badSuppressionRule.ID: true, "stale": true}

// dropConsequences removes from fs the findings explained by another finding of the same release.
func dropConsequences(r *release.Release, langs []language.Tag, fs []finding.Finding) []finding.Finding {
	regions := draftRegions(r, langs, fs)
	type key struct{ lang, segment string }
	untrans := map[key]bool{}
	for _, f := range fs {
		if f.Rule == "untranslated" && f.Segment != "" && !regions.covers(f) {
			untrans[key{f.Lang, f.Segment}] = true
		}
	}
	out := fs[:0]
	for _, f := range fs {
		switch {
		case neverExplained[f.Rule]:
		case regions.covers(f):
			continue
		case explainedByUntranslated[f.Rule] && f.Segment != "" && untrans[key{f.Lang, f.Segment}]:
			continue
		}
		out = append(out, f)
	}
	return out
}

// pos is a place in a file, 1-based line and column as findings give them.
type pos struct{ line, col int }

func (p pos) before(q pos) bool { return p.line < q.line || p.line == q.line && p.col < q.col }

// region is the text a translate marker covers, from the marker to the next marker of its block or the block's end.
type region struct {
	path       string
	start, end pos // end inclusive: a finding at the end of a sentence belongs to it
}

type regionSet []region

func (rs regionSet) covers(f finding.Finding) bool {
	p := pos{f.Line, f.Column}
	for _, r := range rs {
		if f.Path == r.path && !p.before(r.start) && !r.end.before(p) {
			return true
		}
	}
	return false
}

// draftRegions returns the regions of the translate markers of the checked languages, when draft-marker reported
// them (it is on).
func draftRegions(r *release.Release, langs []language.Tag, fs []finding.Finding) regionSet {
	reported := map[pos]string{}
	for _, f := range fs {
		if f.Rule == "draft-marker" {
			reported[pos{f.Line, f.Column}] = f.Path
		}
	}
	if len(reported) == 0 {
		return nil
	}
	var out regionSet
	for _, lang := range langs {
		d := r.Doc(lang)
		if d == nil {
			continue
		}
		ms, cs := draft.Markers(d)
		for i, m := range ms {
			line, col := d.Position(cs[i].Start)
			if m.Kind != draft.Translate || reported[pos{line, col}] != d.Path {
				continue
			}
			end := markerEnd(d, cs, i)
			el, ec := d.Position(end)
			out = append(out, region{path: d.Path, start: pos{line, col}, end: pos{el, ec}})
		}
	}
	return out
}

// markerEnd returns the file offset where the text covered by marker comment i of cs ends: the next marker
// comment inside the same block, or the end of the block that follows the marker.
func markerEnd(d *release.Document, cs []release.Comment, i int) int {
	c := cs[i]
	for _, b := range d.Blocks {
		end := b.FileOffset(len(b.Text))
		if end <= c.End {
			continue
		}
		// b is the first block that ends after the marker: the marker is inside it or just before it.
		if i+1 < len(cs) && cs[i+1].Start < end {
			return cs[i+1].Start
		}
		return end
	}
	return len(d.Source)
}
