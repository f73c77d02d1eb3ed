package report

import (
	"fmt"
	"io"
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/relloc/relloc/internal/ctrl"
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
	// the JUnit report shows clean ones as passing test cases.
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
	// checked. The severity counts are always recomputed from the findings.
	Summary finding.Summary
}

// Case is one file of one release in one language that `relloc check` read.
type Case struct{ Release, Lang, Path string }

// Formats lists the names Write accepts, in the order help text shows them.
var Formats = []string{"text", "json", "sarif", "junit", "github"}

// ListsCases reports whether the named format reads Options.Cases (JUnit, a test case per file checked); the
// others read only the number of files, Summary.Files, so a caller need not keep the cases for them.
func ListsCases(format string) bool { return format == "junit" }

// Write renders fs in the named format (one of Formats) to w.
func Write(format string, w io.Writer, fs []finding.Finding, o Options) error {
	var write func(io.Writer, []finding.Finding, Options) error
	switch format {
	case "text":
		write = Text
	case "json":
		write = JSON
	case "sarif":
		write = SARIF
	case "junit":
		write = JUnit
	case "github":
		write = GitHub
	default:
		return fmt.Errorf("unknown report format %q (valid formats: %s)", format, strings.Join(Formats, ", "))
	}
	return write(w, fs, o)
}

// sorted returns a sorted copy of fs, leaving the caller's slice alone, with control characters escaped in
// every text field (see package ctrl) but Expected and Found: a release's text must not drive the terminal or
// the CI log that a report reaches. The message keeps its line feeds; the other fields are single lines.
// Expected and Found are escaped where they are written: Go-quoted (quote) in text, JUnit and GitHub, with
// ctrl.Escape in JSON and SARIF.
func sorted(fs []finding.Finding) []finding.Finding {
	out := slices.Clone(fs)
	for i := range out {
		f := &out[i]
		for _, p := range []*string{&f.Path, &f.Lang, &f.Release, &f.Segment, &f.Rule, &f.SourcePath} {
			*p = ctrl.EscapeLine(*p)
		}
		f.Message = ctrl.Escape(f.Message)
	}
	finding.Sort(out)
	return out
}

// summary merges the severity counts of fs with the caller's file and
// release counts.
func summary(fs []finding.Finding, o Options) finding.Summary {
	s := finding.Summarize(fs)
	s.Files, s.Releases = o.Summary.Files, o.Summary.Releases
	return s
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

// inLanguage returns fs with every message in p's language (finding.Finding.In), for the formats a person
// reads; it returns fs itself when p is nil or English, whose messages the findings already hold.
func inLanguage(fs []finding.Finding, p *ui.Printer) []finding.Finding {
	if p == nil || p.Lang == ui.English.Lang {
		return fs
	}
	out := slices.Clone(fs)
	for i := range out {
		out[i].Message = out[i].In(p)
	}
	return out
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
