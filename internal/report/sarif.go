package report

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/owenrumney/go-sarif/v2/sarif"

	"github.com/relloc/relloc/internal/ctrl"
	"github.com/relloc/relloc/internal/finding"
)

// sarifSchema is the $schema written into SARIF logs: the OASIS SARIF 2.1.0
// errata01 schema, whose own id this is. go-sarif's default points at a
// branch of the spec repository instead, which can move.
const sarifSchema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

// informationURI is where relloc's documentation lives, for tool.driver.
const informationURI = "https://github.com/relloc/relloc"

// SARIF writes a SARIF 2.1.0 log with one run, for code-scanning tools such
// as GitHub's upload-sarif action.
//
// tool.driver is "relloc" with o.ToolVersion and lists every rule of
// o.Rules (then any rule a finding names that o.Rules lacks) with its
// summary, description and default level. Each finding becomes a result with
// ruleId, ruleIndex, level (error, warning, or note for info), its message,
// and a physical location whose URI is the finding's path with forward
// slashes, relative and percent-encoded; the region is omitted for a
// whole-file finding. run.columnKind is "unicodeCodePoints", which is what
// finding columns count. Language, release, segment, expected and found go
// in the result's property bag; the English source, when known, is a related
// location.
func SARIF(w io.Writer, fs []finding.Finding, o Options) error {
	log, err := sarif.New(sarif.Version210, false)
	if err != nil {
		return fmt.Errorf("write sarif report: %w", err)
	}
	log.Schema = sarifSchema

	run := sarif.NewRunWithInformationURI("relloc", informationURI)
	run.WithColumnKind("unicodeCodePoints")
	if o.ToolVersion != "" {
		run.Tool.Driver.WithVersion(o.ToolVersion)
	}
	run.Tool.Driver.Rules = sarifRules(fs, o.Rules)

	for _, f := range sorted(fs) {
		run.AddResult(sarifResult(f))
	}
	log.AddRun(run)

	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(log); err != nil {
		return fmt.Errorf("write sarif report: %w", err)
	}
	return nil
}

// sarifRules lists the rules in the order of known, without duplicate ids,
// followed by the rules that findings name but known lacks, sorted, so that
// every result has a valid ruleIndex.
func sarifRules(fs []finding.Finding, known []finding.Rule) []*sarif.ReportingDescriptor {
	rules := []*sarif.ReportingDescriptor{}
	seen := map[string]bool{}
	for _, r := range known {
		if seen[r.ID] {
			continue
		}
		seen[r.ID] = true
		rules = append(rules, sarifRule(r))
	}
	missing := map[string]finding.Severity{}
	for _, f := range fs {
		if !seen[f.Rule] {
			missing[f.Rule] = max(missing[f.Rule], f.Severity)
		}
	}
	for _, id := range sortedKeys(missing) {
		rules = append(rules, sarifRule(finding.Rule{ID: id, Default: missing[id]}))
	}
	return rules
}

func sarifRule(r finding.Rule) *sarif.ReportingDescriptor {
	short := r.Summary
	if short == "" {
		short = r.ID // shortDescription needs a text
	}
	d := sarif.NewRule(r.ID).
		WithShortDescription(sarif.NewMultiformatMessageString(short)).
		WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(sarifLevel(r.Default)))
	if r.Description != "" {
		d.WithFullDescription(sarif.NewMultiformatMessageString(r.Description))
	}
	return d
}

func sarifResult(f finding.Finding) *sarif.Result {
	msg := f.Message
	if msg == "" {
		msg = f.Rule
	}
	res := sarif.NewRuleResult(f.Rule).
		WithLevel(sarifLevel(f.Severity)).
		WithMessage(sarif.NewTextMessage(msg))

	loc := sarif.NewPhysicalLocation().WithArtifactLocation(sarif.NewSimpleArtifactLocation(sarifURI(f.Path)))
	if r := sarifRegion(f.Line, f.Column, f.EndLine, f.EndColumn); r != nil {
		loc.WithRegion(r)
	}
	res.AddLocation(sarif.NewLocationWithPhysicalLocation(loc))

	if f.SourcePath != "" {
		src := sarif.NewPhysicalLocation().WithArtifactLocation(sarif.NewSimpleArtifactLocation(sarifURI(f.SourcePath)))
		if r := sarifRegion(f.SourceLine, 0, 0, 0); r != nil {
			src.WithRegion(r)
		}
		res.WithRelatedLocations([]*sarif.Location{
			sarif.NewLocationWithPhysicalLocation(src).WithId(1).WithMessage(sarif.NewTextMessage("English source")),
		})
	}

	props := sarif.Properties{}
	for _, kv := range [][2]string{{"lang", f.Lang}, {"release", f.Release}, {"segment", f.Segment}, {"expected", ctrl.Escape(f.Expected)}, {"found", ctrl.Escape(f.Found)}} {
		if kv[1] != "" {
			props[kv[0]] = kv[1]
		}
	}
	if len(props) > 0 {
		res.Properties = props
	}
	return res
}

// sarifRegion returns the region of a position, or nil for a whole-file
// finding. SARIF numbers start at 1, so zero parts are left out, and so is
// an end that lies before the start (a check's bug should not make the log
// invalid for consumers that check regions).
func sarifRegion(line, col, endLine, endCol int) *sarif.Region {
	if line <= 0 {
		return nil
	}
	r := sarif.NewRegion().WithStartLine(line)
	if col > 0 {
		r.WithStartColumn(col)
	}
	if endLine > 0 && endLine < line {
		return r
	}
	if endLine > 0 {
		r.WithEndLine(endLine)
	}
	sameLine := endLine == 0 || endLine == line
	if endCol > 0 && !(sameLine && endCol < max(col, 1)) {
		r.WithEndColumn(endCol)
	}
	return r
}

// sarifLevel maps a severity onto SARIF's result levels.
func sarifLevel(s finding.Severity) string {
	switch {
	case s >= finding.Error:
		return "error"
	case s == finding.Warning:
		return "warning"
	default:
		return "note"
	}
}

// sarifURI turns a path into a URI reference: a relative path keeps its
// segments, with forward slashes and percent-encoding where a URI needs it;
// an absolute path becomes a file: URI.
func sarifURI(p string) string {
	if filepath.IsAbs(p) {
		s := filepath.ToSlash(p)
		if !strings.HasPrefix(s, "/") {
			s = "/" + s // a Windows drive: file:///C:/...
		}
		return (&url.URL{Scheme: "file", Path: s}).String()
	}
	return (&url.URL{Path: slashPath(p)}).String()
}
