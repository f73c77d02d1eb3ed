package check

import (
	"fmt"

	"github.com/relloc/relloc/internal/draft"
	"github.com/relloc/relloc/internal/finding"
	"github.com/relloc/relloc/internal/release"
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
		f.Message = "draft marker left: revise the sentence after it for the change of its English, then relloc review --accept"
		return f
	case draft.Removed:
		f.Message = "draft marker left: the English of the sentence after it was deleted; delete the translation too, then relloc review --accept"
		return f
	}
	if m.Kind == draft.Fuzzy {
		f.Message = fmt.Sprintf("draft marker left: review the sentence filled from a %d%% match (%s %s) and delete the marker",
			m.Score, m.Release, m.Segment)
		return f
	}
	f.Message = "draft marker left: translate the sentence after it and delete the marker"
	return f
}
