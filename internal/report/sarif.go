package report

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path"
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

// RuleDocURI is the documentation of a rule: its section of docs/rules.md,
// which SARIF gives as the rule's helpUri.
func RuleDocURI(id string) string {
	return informationURI + "/blob/main/docs/rules.md#" + id
}

// sarifRoot is the uriBaseId of every artifact location: the root of the
// repository holding the workspace, which is what GitHub code scanning
// resolves URIs against.
const sarifRoot = "%SRCROOT%"

// fingerprintKey names relloc's entry in a result's partialFingerprints.
const fingerprintKey = "rellocFinding/v1"

// SARIF writes a SARIF 2.1.0 log with one run, for code-scanning tools such
// as GitHub's upload-sarif action.
//
// tool.driver is "relloc" with o.ToolVersion and lists every rule of
// o.Rules (then any rule a finding names that o.Rules lacks) with its
// summary, description and default level. Each finding becomes a result with
// ruleId, ruleIndex, level (error, warning, or note for info), its message,
// and a physical location whose URI is the finding's path relative to the
// repository root (o.RepoPrefix, then the path), with forward slashes and
// percent-encoded, and whose uriBaseId is %SRCROOT%, declared in
// run.originalUriBaseIds (with o.RepoRoot as a file: URI when it is known);
// a whole-file finding's region is its first line. Every rule has a full
// description and help, in text and Markdown, and a helpUri to its section
// of docs/rules.md, which GitHub code scanning requires. Each result has a
// partial fingerprint (see fingerprints) that stays the same when the lines
// around a finding move, so that code scanning tracks one alert across
// commits. run.columnKind is "unicodeCodePoints", which is what
// finding columns count. Language, release, segment, expected and found go
// in the result's property bag; the English source, when known, is a related
// location.
//
// A Writer of this format encodes the log without results, then each result as it comes, as an element of the
// run's results, so that the log is never held whole; every rule that a finding names must be among o.Rules,
// since the rules come before the results (Write adds those that findings name).
func SARIF(w io.Writer, fs []finding.Finding, o Options) error { return Write("sarif", w, fs, o) }

// sarifResults is where the results array of a run starts, in the log encoded without results: the array is
// empty, and a line feed never occurs inside a JSON string.
const sarifResults = "\n      \"results\": ["

// sarifSink is the SARIF format of a Writer.
type sarifSink struct {
	bw        *bufio.Writer
	tail      []byte // the log after the results
	prefix    string
	ruleIndex map[string]int
	buf       bytes.Buffer
	enc       *json.Encoder // to buf, indented as a result
	n         int
	path      string         // of the last result
	seen      map[string]int // results with each fingerprint hash in the file path, so far
}

func newSARIFSink(w io.Writer, o Options) (*sarifSink, error) {
	log, err := sarif.New(sarif.Version210, false)
	if err != nil {
		return nil, fmt.Errorf("write sarif report: %w", err)
	}
	log.Schema = sarifSchema

	run := sarif.NewRunWithInformationURI("relloc", informationURI)
	run.WithColumnKind("unicodeCodePoints")
	if o.ToolVersion != "" {
		run.Tool.Driver.WithVersion(o.ToolVersion)
	}
	s := &sarifSink{bw: bufio.NewWriter(w), prefix: o.RepoPrefix, ruleIndex: map[string]int{}, seen: map[string]int{}}
	run.Tool.Driver.Rules = []*sarif.ReportingDescriptor{}
	for _, r := range o.Rules {
		if _, ok := s.ruleIndex[r.ID]; !ok {
			s.ruleIndex[r.ID] = len(run.Tool.Driver.Rules)
			run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule(r))
		}
	}
	root := sarif.NewArtifactLocation().WithDescriptionText("the root of the repository holding the workspace")
	if o.RepoRoot != "" {
		root.WithUri(strings.TrimSuffix(sarifURI(o.RepoRoot), "/") + "/")
	}
	run.OriginalUriBaseIDs = map[string]*sarif.ArtifactLocation{sarifRoot: root}
	log.AddRun(run)

	var doc bytes.Buffer
	if err := newIndentedEncoder(&doc, "").Encode(log); err != nil {
		return nil, fmt.Errorf("write sarif report: %w", err)
	}
	head, tail, ok := bytes.Cut(doc.Bytes(), []byte(sarifResults+"]"))
	if !ok {
		return nil, fmt.Errorf("write sarif report: no results array in the log %s", head)
	}
	s.bw.Write(head)
	s.bw.WriteString(sarifResults)
	s.tail = tail
	s.enc = newIndentedEncoder(&s.buf, "        ")
	return s, nil
}

func (s *sarifSink) prepare(f finding.Finding) finding.Finding { return escaped(f) }

func (s *sarifSink) write(f finding.Finding) error {
	i, ok := s.ruleIndex[f.Rule]
	if !ok {
		return fmt.Errorf("write sarif report: %s: rule %s is not among the report's rules", location(f), f.Rule)
	}
	if f.Path != s.path {
		clear(s.seen)
		s.path = f.Path
	}
	res := sarifResult(f, s.prefix).WithRuleIndex(i)
	res.PartialFingerprints = map[string]any{fingerprintKey: fingerprint(f, s.prefix, s.seen)}
	if s.n > 0 {
		s.bw.WriteString(",")
	}
	s.n++
	s.bw.WriteString("\n        ")
	if err := writeElement(s.bw, &s.buf, s.enc, res); err != nil {
		return fmt.Errorf("write sarif report: %w", err)
	}
	return sticky(s.bw, "sarif")
}

func (s *sarifSink) end(finding.Summary) error {
	if s.n > 0 {
		s.bw.WriteString("\n      ")
	}
	s.bw.WriteString("]")
	s.bw.Write(s.tail)
	if err := s.bw.Flush(); err != nil {
		return fmt.Errorf("write sarif report: %w", err)
	}
	return nil
}

func sarifRule(r finding.Rule) *sarif.ReportingDescriptor {
	short := r.Summary
	if short == "" {
		short = r.ID // shortDescription needs a text
	}
	full := r.Description
	if full == "" {
		full = short
	}
	uri := RuleDocURI(r.ID)
	help := sarif.NewMultiformatMessageString(fmt.Sprintf("%s\n\n%s\n\nDocumentation: %s", short, full, uri))
	help.Markdown = ptr(fmt.Sprintf("**%s** (`%s`)\n\n%s\n\n[Documentation of %s](%s)",
		markdownText(short), r.ID, markdownText(full), r.ID, uri))
	return sarif.NewRule(r.ID).
		WithShortDescription(sarif.NewMultiformatMessageString(short)).
		WithFullDescription(sarif.NewMultiformatMessageString(full)).
		WithHelpURI(uri).
		WithHelp(help).
		WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(sarifLevel(r.Default)))
}

// markdownText keeps "<" and ">" of a description (markup examples such as
// <!-- relloc-ignore RULE: reason -->) as text in Markdown.
func markdownText(s string) string {
	return strings.NewReplacer("<", "&lt;", ">", "&gt;").Replace(s)
}

func ptr[T any](v T) *T { return &v }

// repoPath is a finding's path relative to the repository root: prefix (the
// workspace's folder in the repository, "" at its root) joined to the path
// relative to the workspace. An absolute path stays as it is.
func repoPath(prefix, p string) string {
	if p == "" || prefix == "" || filepath.IsAbs(p) {
		return p
	}
	return path.Join(slashPath(prefix), slashPath(p))
}

// artifact is the artifact location of a path relative to the workspace.
func artifact(prefix, p string) *sarif.ArtifactLocation {
	loc := sarif.NewSimpleArtifactLocation(sarifURI(repoPath(prefix, p)))
	if !filepath.IsAbs(p) {
		loc.WithUriBaseId(sarifRoot)
	}
	return loc
}

// fingerprint gives a finding a partial fingerprint: a hash of what
// identifies the problem rather than where it is (the rule, the file's path
// in the repository, the language, what was expected and what was found, or
// the message when a finding has neither, since messages of those rules hold
// no positions) and the number of earlier findings with the same hash in the
// file, which seen counts (findings come in finding.Sort order, a file's
// together), so that two identical problems in one file stay two alerts.
// Lines and columns are left out: inserting a paragraph above a finding does
// not make it a new alert.
func fingerprint(f finding.Finding, prefix string, seen map[string]int) string {
	h := sha256.New()
	parts := []string{f.Rule, slashPath(repoPath(prefix, f.Path)), f.Lang, f.Expected, f.Found}
	if f.Expected == "" && f.Found == "" {
		parts = append(parts, f.Message)
	}
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	sum := hex.EncodeToString(h.Sum(nil)[:16])
	n := seen[sum]
	seen[sum]++
	return fmt.Sprintf("%s:%d", sum, n)
}

func sarifResult(f finding.Finding, prefix string) *sarif.Result {
	msg := f.Message
	if msg == "" {
		msg = f.Rule
	}
	res := sarif.NewRuleResult(f.Rule).
		WithLevel(sarifLevel(f.Severity)).
		WithMessage(sarif.NewTextMessage(msg))

	loc := sarif.NewPhysicalLocation().WithArtifactLocation(artifact(prefix, f.Path))
	if r := sarifRegion(f.Line, f.Column, f.EndLine, f.EndColumn); r != nil {
		loc.WithRegion(r)
	} else {
		loc.WithRegion(sarif.NewRegion().WithStartLine(1)) // a whole-file finding shows on the first line
	}
	res.AddLocation(sarif.NewLocationWithPhysicalLocation(loc))

	if f.SourcePath != "" {
		src := sarif.NewPhysicalLocation().WithArtifactLocation(artifact(prefix, f.SourcePath))
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
