package finding

import (
	"cmp"
	"slices"

	"github.com/relloc/relloc/internal/ui"
)

// Finding is one problem at one place. Lines and columns are 1-based and
// columns count Unicode code points; EndLine and EndColumn point at the last
// code point of the span plus one column, as in SARIF regions. A zero Line
// means the finding concerns the whole file.
type Finding struct {
	Path       string   `json:"path"`
	Line       int      `json:"line"`
	Column     int      `json:"column"`
	EndLine    int      `json:"endLine"`
	EndColumn  int      `json:"endColumn"`
	Lang       string   `json:"lang,omitempty"`
	Release    string   `json:"release,omitempty"`
	Segment    string   `json:"segment,omitempty"`
	Rule       string   `json:"rule"`
	Severity   Severity `json:"severity"`
	Message    string   `json:"message"`
	Expected   string   `json:"expected,omitempty"`
	Found      string   `json:"found,omitempty"`
	SourcePath string   `json:"sourcePath,omitempty"` // the English source, for findings in a translation
	SourceLine int      `json:"sourceLine,omitempty"`
	// MessageID names Message in relloc's catalogue (internal/ui/locales/findings.*.toml) and Args are its
	// template fields, so that a reader's renderer can say it in the reader's language; Message is the
	// English, which reports meant for machines (JSON, SARIF, JUnit) keep. Both are empty for a message that
	// has no id.
	MessageID string  `json:"-"`
	Args      ui.Args `json:"-"`
}

// Say sets the message of f: the catalogue message id filled with args, Message being its English.
func (f *Finding) Say(id string, args ui.Args) {
	f.MessageID, f.Args = id, args
	f.Message = ui.English.T(id, args)
}

// In returns the message of f in p's language, or Message when f has no message id.
func (f Finding) In(p *ui.Printer) string {
	if f.MessageID == "" {
		return f.Message
	}
	return p.T(f.MessageID, f.Args)
}

// Compare orders findings by path, line, column, end line, end column, rule
// and message. It is the order of Sort.
func Compare(a, b Finding) int {
	return cmp.Or(
		cmp.Compare(a.Path, b.Path),
		cmp.Compare(a.Line, b.Line),
		cmp.Compare(a.Column, b.Column),
		cmp.Compare(a.EndLine, b.EndLine),
		cmp.Compare(a.EndColumn, b.EndColumn),
		cmp.Compare(a.Rule, b.Rule),
		cmp.Compare(a.Message, b.Message),
	)
}

// Sort sorts findings in place by position (see Compare). The sort is
// stable, so findings equal under Compare keep the order the checks gave.
func Sort(fs []Finding) {
	slices.SortStableFunc(fs, Compare)
}

// Summary counts findings by severity. Files and Releases are how many files
// and releases were checked; only the caller knows them, so Summarize leaves
// them zero.
type Summary struct {
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Infos    int `json:"infos"`
	Files    int `json:"files"`
	Releases int `json:"releases"`
}

// Summarize counts the findings of each severity.
func Summarize(fs []Finding) Summary {
	var s Summary
	for _, f := range fs {
		switch {
		case f.Severity >= Error:
			s.Errors++
		case f.Severity == Warning:
			s.Warnings++
		default:
			s.Infos++
		}
	}
	return s
}
