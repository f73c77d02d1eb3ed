package report

import (
	"bufio"
	"fmt"
	"io"
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/relloc/relloc/internal/finding"
	"github.com/relloc/relloc/internal/ui"
)

// Options carries what the writers need besides the findings.
type Options struct {
	// Color turns on ANSI colour in the text format. The caller decides
	// (a terminal, and NO_COLOR unset); other formats ignore it.
	Color bool
	// ToolVersion is relloc's version, recorded in SARIF.
	ToolVersion string
	// Rules lists every rule relloc knows, for SARIF tool.driver.rules.
	Rules []finding.Rule
	// Cases lists every (release, language, file) that was checked, so that
	// the JUnit report shows clean ones as passing test cases. Write reads it;
	// a Writer takes each release's cases with it (Release.Cases).
	Cases []Case
	// RepoPrefix is the workspace's folder relative to the root of the
	// repository holding it, with forward slashes ("press" for a workspace
	// in press/), or "" when the workspace is the repository root. SARIF and
	// GitHub annotations put it before finding paths, which are relative to
	// the workspace, because code scanning and annotations resolve paths
	// against the repository root.
	RepoPrefix string
	// RepoRoot is the absolute path of the repository root, recorded in
	// SARIF's originalUriBaseIds; empty leaves the uri out.
	RepoRoot string
	// UI renders the summary line of the text format in the reader's language; nil means English. Rule ids
	// and the other formats stay English.
	UI *ui.Printer
	// Summary supplies Files and Releases, the numbers of files and releases
	// checked, to Write. The severity counts are always recomputed from the
	// findings.
	Summary finding.Summary
	// Folders lists the folder of every release a Writer is to be given (as
	// Release.Dir gives it), in any order, so that a report in path order
	// writes a finding once every folder that may hold an earlier one was
	// given. Without it, such a report holds its findings until Close.
	Folders []string
	// Spool holds JUnit's test suites until Close, when the totals that head
	// the report are known: an empty temporary file opened for reading and
	// writing (a Writer rewinds an io.Seeker before reading it back), or nil
	// for a buffer in memory.
	Spool io.ReadWriter
}

// Case is one file of one release in one language that `relloc check` read.
type Case struct{ Release, Lang, Path string }

// Formats lists the names Write accepts, in the order help text shows them.
var Formats = []string{"text", "json", "sarif", "junit", "github"}

// ListsCases reports whether the named format reads Options.Cases (JUnit, a test case per file checked); the
// others read only the number of files, Summary.Files, so a caller need not keep the cases for them.
func ListsCases(format string) bool { return format == "junit" }

// Write renders fs, with the cases of o.Cases, in the named format (one of Formats) to w: a Writer given them all
// at once. SARIF lists the rules that findings name and o.Rules lacks after the others, sorted, with the highest
// severity of their findings.
func Write(format string, w io.Writer, fs []finding.Finding, o Options) error {
	if format == "sarif" {
		o.Rules = NamedRules(fs, o.Rules)
	}
	wr, err := NewWriter(format, w, o)
	if err != nil {
		return err
	}
	if err := wr.Add(Release{Findings: fs, Cases: o.Cases}); err != nil {
		return err
	}
	return wr.Close(o.Summary)
}

// NamedRules returns known followed by the rules that findings of fs name and known lacks, sorted, each with the
// highest severity of its findings as its default: the rules of a SARIF report, whose results may name only
// rules of Options.Rules.
func NamedRules(fs []finding.Finding, known []finding.Rule) []finding.Rule {
	missing := map[string]finding.Severity{}
	for _, f := range fs {
		if !slices.ContainsFunc(known, func(r finding.Rule) bool { return r.ID == f.Rule }) {
			missing[f.Rule] = max(missing[f.Rule], f.Severity)
		}
	}
	if len(missing) == 0 {
		return known
	}
	out := slices.Clone(known)
	for _, id := range sortedKeys(missing) {
		out = append(out, finding.Rule{ID: id, Default: missing[id]})
	}
	return out
}

// sticky returns the error of an earlier write to bw, which bufio keeps, naming the format.
func sticky(bw *bufio.Writer, format string) error {
	if _, err := bw.Write(nil); err != nil {
		return fmt.Errorf("write %s report: %w", format, err)
	}
	return nil
}

// slashPath gives a finding's path with forward slashes, as SARIF URIs and
// GitHub annotations need whatever the operating system.
func slashPath(p string) string { return filepath.ToSlash(p) }

// location formats "path:line:col", dropping the parts that are zero.
func location(f finding.Finding) string {
	var b strings.Builder
	b.WriteString(slashPath(f.Path))
	if f.Line > 0 {
		fmt.Fprintf(&b, ":%d", f.Line)
		if f.Column > 0 {
			fmt.Fprintf(&b, ":%d", f.Column)
		}
	}
	return b.String()
}

// expectedFound describes Expected and Found in p's language, quoted with Go escapes so that
// invisible differences (a zero-width space in Khmer, a full-width space in
// Japanese) show; it is empty when neither is set.
func expectedFound(f finding.Finding, p *ui.Printer) string {
	var parts []string
	if f.Expected != "" {
		parts = append(parts, p.T("ReportExpected", ui.Args{"Value": quote(f.Expected)}))
	}
	if f.Found != "" {
		parts = append(parts, p.T("ReportFound", ui.Args{"Value": quote(f.Found)}))
	}
	return strings.Join(parts, ", ")
}

// inLanguage returns f with its message in p's language (finding.Finding.In), for the formats a person reads;
// f as it is when p is nil or English, whose messages the findings already hold.
func inLanguage(f finding.Finding, p *ui.Printer) finding.Finding {
	if p != nil && p.Lang != ui.English.Lang {
		f.Message = f.In(p)
	}
	return f
}

// quote quotes s with Go escapes. strconv.Quote escapes every rune that is
// not a graphic character or the ASCII space, which is what a reader needs:
// U+200B ZERO WIDTH SPACE and U+3000 IDEOGRAPHIC SPACE show as \u200b and
// \u3000 while Khmer and Japanese letters stay as they are.
func quote(s string) string { return strconv.Quote(s) }

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	return slices.Sorted(maps.Keys(m))
}
