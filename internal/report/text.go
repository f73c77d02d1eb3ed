package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/fatih/color"

	"github.com/relloc/relloc/internal/finding"
	"github.com/relloc/relloc/internal/ui"
)

// Text writes one line per finding, in the style of compilers and linters
// so that editors can jump to it:
//
//	path:line:col: severity rule: message
//
// (further lines of a multi-line message are indented) followed, when set, by an indented line with what was expected and found
// (Go-quoted, so invisible characters show) and one naming the English
// source. Findings are grouped by file, a blank line between two files, and every line keeps its full
// path so that editors and CI logs can still jump to it. After them, one line per rule that fired counts its
// findings by severity ("glossary-missing  2 errors, 1 warning"), rules in id order, and a last line sums up:
// "2 errors, 1 warning, 0 infos in 6 files". Messages, labels and the summary are in the language of o.UI
// ("6ファイル中 エラー2件、警告1件、情報0件"); rule ids, paths and quoted text are as they are.
// With o.Color the position is bold and the severity coloured (error red,
// warning yellow, info cyan); colour is forced on or off by o.Color, never
// guessed from the writer.
//
// A Writer of this format writes each finding as soon as its place is known, the rule counts and the summary at
// Close.
func Text(w io.Writer, fs []finding.Finding, o Options) error { return Write("text", w, fs, o) }

// textSink is the text format of a Writer.
type textSink struct {
	bw    *bufio.Writer
	st    textStyle
	p     *ui.Printer
	prev  string // the path of the last finding written
	n     int
	rules map[string]*finding.Summary // the findings of each rule by severity
	width int                         // of the longest rule id
}

func newTextSink(w io.Writer, o Options) *textSink {
	return &textSink{bw: bufio.NewWriter(w), st: newTextStyle(o.Color), p: o.UI, rules: map[string]*finding.Summary{}}
}

func (t *textSink) prepare(f finding.Finding) finding.Finding { return escaped(inLanguage(f, t.p)) }

func (t *textSink) write(f finding.Finding) error {
	bw, st, p := t.bw, t.st, t.p
	if t.n > 0 && f.Path != t.prev {
		bw.WriteString("\n")
	}
	t.n++
	t.prev = f.Path
	fmt.Fprintf(bw, "%s: %s %s: %s\n", st.pos.Sprint(location(f)), st.severity(f.Severity).Sprint(f.Severity), f.Rule, indent(f.Message))
	if ef := expectedFound(f, p); ef != "" {
		fmt.Fprintf(bw, "    %s\n", ef)
	}
	if f.SourcePath != "" {
		fmt.Fprintf(bw, "    %s\n", p.T("ReportSource", ui.Args{"Location": location(finding.Finding{Path: f.SourcePath, Line: f.SourceLine})}))
	}
	c := t.rules[f.Rule]
	if c == nil {
		c = &finding.Summary{}
		t.rules[f.Rule] = c
		t.width = max(t.width, len(f.Rule))
	}
	count(c, f.Severity)
	return sticky(bw, "text")
}

func (t *textSink) end(s finding.Summary) error {
	bw, p := t.bw, t.p
	if t.n > 0 {
		bw.WriteString("\n")
		t.writeRuleCounts()
	}
	fmt.Fprintln(bw, p.T("Summary", map[string]string{"Errors": p.N("ErrorCount", s.Errors),
		"Warnings": p.N("WarningCount", s.Warnings), "Infos": p.N("InfoCount", s.Infos), "Files": p.N("FileCount", s.Files)}))
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write text report: %w", err)
	}
	return nil
}

type textStyle struct {
	pos, err, warn, info *color.Color
}

func newTextStyle(on bool) textStyle {
	st := textStyle{
		pos:  color.New(color.Bold),
		err:  color.New(color.FgRed, color.Bold),
		warn: color.New(color.FgYellow),
		info: color.New(color.FgCyan),
	}
	for _, c := range []*color.Color{st.pos, st.err, st.warn, st.info} {
		if on {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
	}
	return st
}

func (st textStyle) severity(s finding.Severity) *color.Color {
	switch {
	case s >= finding.Error:
		return st.err
	case s == finding.Warning:
		return st.warn
	default:
		return st.info
	}
}

// indent indents the lines after the first of a multi-line message, so that
// every finding starts a line with its position.
func indent(msg string) string {
	msg = strings.TrimRight(msg, "\r\n")
	return strings.ReplaceAll(strings.ReplaceAll(msg, "\r\n", "\n"), "\n", "\n    ")
}

// writeRuleCounts writes one line per rule that fired with its findings counted by severity, the rule ids
// padded to one column.
func (t *textSink) writeRuleCounts() {
	p := t.p
	for _, rule := range sortedKeys(t.rules) {
		c := t.rules[rule]
		var parts []string
		for _, n := range []struct {
			id    string
			count int
		}{{"ErrorCount", c.Errors}, {"WarningCount", c.Warnings}, {"InfoCount", c.Infos}} {
			if n.count > 0 {
				parts = append(parts, p.N(n.id, n.count))
			}
		}
		fmt.Fprintf(t.bw, "%-*s  %s\n", t.width, rule, strings.Join(parts, ", "))
	}
}
