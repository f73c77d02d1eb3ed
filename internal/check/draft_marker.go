package check

import (
	"github.com/relloc/relloc/internal/draft"
	"github.com/relloc/relloc/internal/finding"
	"github.com/relloc/relloc/internal/release"
	"github.com/relloc/relloc/internal/ui"
)

func init() { RegisterChecker(draftMarker{}) }

// draftMarker fires on a relloc-draft marker left in a translation.
type draftMarker struct{}

func (draftMarker) Rule() finding.Rule {
	return finding.Rule{ID: "draft-marker", Default: finding.Error,
		Summary: "A relloc-draft marker is left in a translation",
		Description: "relloc draft puts <!-- relloc-draft translate --> before every sentence still to translate and " +
			"<!-- relloc-draft fuzzy N%: from RELEASE SEGMENT --> before a sentence filled from a similar one of another " +
			"release; relloc draft --update puts <!-- relloc-draft revise ID: word diff --> before a kept translation whose " +
			"English changed and <!-- relloc-draft removed: ... --> before one whose English was deleted. Translate or revise " +
			"the sentence that follows the marker, then run relloc review --accept (or delete the marker)."}
}

func (draftMarker) Check(c *Context, report func(finding.Finding)) {
	for _, lang := range c.Targets {
		d := c.Release.Doc(lang)
		if d == nil {
			continue
		}
		ms, cs := draft.Markers(d)
		for i, m := range ms {
			report(markerFinding(d, lang.String(), m, cs[i]))
		}
	}
}

func markerFinding(d *release.Document, lang string, m draft.Marker, c release.Comment) finding.Finding {
	f := finding.Finding{Path: d.Path, Lang: lang, Found: "<!-- " + c.Text + " -->"}
	f.Line, f.Column = d.Position(c.Start)
	f.EndLine, f.EndColumn = d.Position(c.End)
	switch m.Kind {
	case draft.Revise:
		f.Say("DraftMarkerRevise", nil)
		return f
	case draft.Removed:
		f.Say("DraftMarkerRemoved", nil)
		return f
	}
	if m.Kind == draft.Fuzzy {
		f.Say("DraftMarkerFuzzy", ui.Args{"Score": m.Score, "Release": m.Release, "Segment": m.Segment})
		return f
	}
	f.Say("DraftMarkerNew", nil)
	return f
}
