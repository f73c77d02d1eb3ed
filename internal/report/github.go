package report

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/relloc/relloc/internal/finding"
	"github.com/relloc/relloc/internal/ui"
)

// GitHub writes one GitHub Actions workflow command per finding, which the
// runner turns into an annotation on the file and line:
//
//	::error file=P,line=L,col=C,endLine=EL,endColumn=EC,title=RULE::message
//
// The file is relative to the repository root (o.RepoPrefix, then the
// finding's path). Warnings use ::warning and infos ::notice. Position properties that are
// zero are left out. Expected and found values follow the message on lines
// of their own. The message and its labels are in the language of o.UI, as an annotation is read by a person
// (the rule id in title stays English). Values are escaped as GitHub's actions toolkit does: in the
// message "%", CR and LF become %25, %0D and %0A; in properties ":" and ","
// also become %3A and %2C, since they delimit the command.
//
// A Writer of this format writes each command as soon as its place is known.
func GitHub(w io.Writer, fs []finding.Finding, o Options) error { return Write("github", w, fs, o) }

// githubSink is the GitHub format of a Writer.
type githubSink struct {
	bw     *bufio.Writer
	p      *ui.Printer
	prefix string
}

func newGitHubSink(w io.Writer, o Options) *githubSink {
	return &githubSink{bw: bufio.NewWriter(w), p: o.UI, prefix: o.RepoPrefix}
}

func (s *githubSink) prepare(f finding.Finding) finding.Finding { return escaped(inLanguage(f, s.p)) }

func (s *githubSink) write(f finding.Finding) error {
	p := s.p
	var props []string
	add := func(name, value string) { props = append(props, name+"="+escapeProperty(value)) }
	if f.Path != "" {
		add("file", slashPath(repoPath(s.prefix, f.Path)))
	}
	for _, p := range []struct {
		name  string
		value int
	}{{"line", f.Line}, {"col", f.Column}, {"endLine", f.EndLine}, {"endColumn", f.EndColumn}} {
		if p.value > 0 {
			add(p.name, strconv.Itoa(p.value))
		}
	}
	add("title", f.Rule)

	msg := f.Message
	if f.Expected != "" {
		msg += "\n" + p.T("AnnotationExpected", ui.Args{"Value": quote(f.Expected)})
	}
	if f.Found != "" {
		msg += "\n" + p.T("AnnotationFound", ui.Args{"Value": quote(f.Found)})
	}
	fmt.Fprintf(s.bw, "::%s %s::%s\n", githubCommand(f.Severity), strings.Join(props, ","), escapeData(msg))
	return sticky(s.bw, "github")
}

func (s *githubSink) end(finding.Summary) error {
	if err := s.bw.Flush(); err != nil {
		return fmt.Errorf("write github report: %w", err)
	}
	return nil
}

func githubCommand(s finding.Severity) string {
	switch {
	case s >= finding.Error:
		return "error"
	case s == finding.Warning:
		return "warning"
	default:
		return "notice"
	}
}

var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// escapeData escapes a workflow command's message.
func escapeData(s string) string { return dataEscaper.Replace(s) }

// escapeProperty escapes the value of a workflow command's property.
func escapeProperty(s string) string { return propertyEscaper.Replace(s) }
