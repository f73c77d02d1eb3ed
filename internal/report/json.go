package report

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/relloc/relloc/internal/ctrl"
	"github.com/relloc/relloc/internal/finding"
)

// jsonVersion is the version of the JSON report layout. Raise it when a
// field changes meaning or disappears; adding a field does not raise it.
const jsonVersion = 1

type jsonReport struct {
	Version  int               `json:"version"`
	Findings []finding.Finding `json:"findings"`
	Summary  finding.Summary   `json:"summary"`
}

// JSON writes one indented JSON object:
//
//	{"version": 1, "findings": [...], "summary": {"errors", "warnings", "infos", "files", "releases"}}
//
// Findings use the field names of finding.Finding's JSON tags, severities
// are "error", "warning" or "info", and findings is [] (never null) when
// there are none. HTML characters are not escaped: the report is data, not
// a web page.
func JSON(w io.Writer, fs []finding.Finding, o Options) error {
	r := jsonReport{Version: jsonVersion, Findings: sorted(fs), Summary: summary(fs, o)}
	for i := range r.Findings {
		f := &r.Findings[i]
		f.Expected, f.Found = ctrl.Escape(f.Expected), ctrl.Escape(f.Found)
	}
	if r.Findings == nil {
		r.Findings = []finding.Finding{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		return fmt.Errorf("write json report: %w", err)
	}
	return nil
}
