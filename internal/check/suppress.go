package check

import (
	"bytes"
	"strings"

	"github.com/relloc/relloc/internal/finding"
	"github.com/relloc/relloc/internal/release"
	"github.com/relloc/relloc/internal/ui"
)

var badSuppressionRule = finding.Rule{
	ID:      "bad-suppression",
	Summary: "An inline suppression has no reason or names an unknown rule",
	Description: "Write suppressions as <!-- relloc-ignore RULE[,RULE]: reason --> on the line before the text they " +
		"cover. The reason is required so that a reviewer can judge it; the rule ids must be ones relloc knows.",
	Default: finding.Error,
}

const ignoreDirective = "relloc-ignore"

// suppression is one relloc-ignore comment.
type suppression struct {
	path   string
	line   int // the line it covers
	rules  []string
	reason string
	at     release.Comment
	bad    ui.Message // why the comment is malformed, if it is
}

func suppressionsOf(d *release.Document) []suppression {
	var out []suppression
	for _, c := range d.Comments {
		rest, ok := strings.CutPrefix(c.Text, ignoreDirective)
		if !ok || (rest != "" && rest[0] != ' ' && rest[0] != ':') {
			continue
		}
		s := suppression{path: d.Path, at: c, line: nextTextLine(d, c.End)}
		ids, reason, _ := strings.Cut(rest, ":")
		s.reason = strings.TrimSpace(reason)
		for _, id := range strings.FieldsFunc(ids, func(r rune) bool { return r == ',' || r == ' ' }) {
			s.rules = append(s.rules, id)
		}
		switch {
		case len(s.rules) == 0:
			s.bad = ui.Message{ID: "SuppressionNoRule"}
		case s.reason == "":
			s.bad = ui.Message{ID: "SuppressionNoReason", Args: ui.Args{"Rules": strings.Join(s.rules, ",")}}
		}
		for _, id := range s.rules {
			if !ruleExists(id) {
				s.bad = ui.Message{ID: "SuppressionUnknownRule", Args: ui.Args{"Rule": id}}
			}
		}
		out = append(out, s)
	}
	return out
}

// nextTextLine returns the first non-blank line after file offset off.
func nextTextLine(d *release.Document, off int) int {
	src := d.Source
	i := off
	if j := bytes.IndexByte(src[i:], '\n'); j >= 0 {
		i += j + 1
	} else {
		i = len(src)
	}
	for i < len(src) {
		j := bytes.IndexByte(src[i:], '\n')
		end := len(src)
		if j >= 0 {
			end = i + j
		}
		if len(bytes.TrimSpace(src[i:end])) > 0 {
			break
		}
		i = end + 1
	}
	if i > len(src) {
		i = len(src)
	}
	line, _ := d.Position(i)
	return line
}

// badSuppressions returns a bad-suppression finding for each malformed suppression of the release.
func badSuppressions(r *release.Release, sev map[string]finding.Severity) []finding.Finding {
	s, on := sev[badSuppressionRule.ID]
	if !on {
		return nil
	}
	var out []finding.Finding
	for _, d := range r.Docs {
		for _, sp := range suppressionsOf(d) {
			if sp.bad.ID == "" {
				continue
			}
			line, col := d.Position(sp.at.Start)
			endLine, endCol := d.Position(sp.at.End)
			out = append(out, finding.Finding{Path: d.Path, Line: line, Column: col, EndLine: endLine, EndColumn: endCol,
				Lang: d.Lang.String(), Release: r.ID, Rule: badSuppressionRule.ID, Severity: s,
				MessageID: sp.bad.ID, Args: sp.bad.Args, Message: ui.English.M(sp.bad)})
		}
	}
	return out
}

// applySuppressions drops the findings that a relloc-ignore comment covers.
func applySuppressions(r *release.Release, fs []finding.Finding) []finding.Finding {
	type key struct {
		path string
		line int
		rule string
	}
	covered := map[key]bool{}
	for _, d := range r.Docs {
		for _, sp := range suppressionsOf(d) {
			for _, id := range sp.rules {
				covered[key{sp.path, sp.line, id}] = true
			}
		}
	}
	if len(covered) == 0 {
		return fs
	}
	out := fs[:0]
	for _, f := range fs {
		if f.Rule != badSuppressionRule.ID && covered[key{f.Path, f.Line, f.Rule}] {
			continue
		}
		out = append(out, f)
	}
	return out
}
