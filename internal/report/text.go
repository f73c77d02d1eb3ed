package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/fatih/color"

	"github.com/relloc/relloc/internal/finding"
)

// Text writes one line per finding, in the style of compilers and linters
// so that editors can jump to it:
//
//	path:line:col: severity rule: message
//
// (further lines of a multi-line message are indented) followed, when set, by an indented line with what was expected and found
// (Go-quoted, so invisible characters show) and one naming the English
// source. A last line sums up: "2 errors, 1 warning, 0 infos in 6 files", in the language of o.UI
// ("6ファイル中 エラー2件、警告1件、情報0件").
// With o.Color the position is bold and the severity coloured (error red,
// warning yellow, info cyan); colour is forced on or off by o.Color, never
// guessed from the writer.
func Text(w io.Writer, fs []finding.Finding, o Options) error {
	st := newTextStyle(o.Color)
	bw := bufio.NewWriter(w)
	for _, f := range sorted(fs) {
		fmt.Fprintf(bw, "%s: %s %s: %s\n", st.pos.Sprint(location(f)), st.severity(f.Severity).Sprint(f.Severity), f.Rule, indent(f.Message))
		if ef := expectedFound(f); ef != "" {
			fmt.Fprintf(bw, "    %s\n", ef)
		}
		if f.SourcePath != "" {
			fmt.Fprintf(bw, "    source: %s\n", location(finding.Finding{Path: f.SourcePath, Line: f.SourceLine}))
		}
	}
	s := summary(fs, o)
	p := o.UI
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
