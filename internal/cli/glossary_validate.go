package cli

import (
	"fmt"
	"regexp"

	"github.com/relloc/relloc/internal/finding"
	"github.com/relloc/relloc/internal/glossary"
	"github.com/relloc/relloc/internal/glossedit"
	"github.com/relloc/relloc/internal/glosslint"
	"github.com/relloc/relloc/internal/ui"
	"github.com/relloc/relloc/internal/workspace"
)

// lintEdit refuses an edit of entry id that `relloc glossary lint` would reject: it applies changes to files
// in memory, lints the resulting glossary, and returns the error-level findings that concern the entry (placed
// in it, or naming it: the other side of an English conflict), printed as lint prints them. Findings about
// other entries are left alone, so an edit is never blocked by a problem it did not cause.
func lintEdit(ws *workspace.Workspace, store *glossedit.Store, files []glossary.File, changes []glossedit.Change, id string) error {
	res, err := glossedit.Apply(files, changes, store.Options)
	if err != nil {
		return nil // Edit applies the changes again and reports the error with its position
	}
	e, ok := res.Glossary.Lookup(id)
	if !ok {
		return nil
	}
	end := entryEnd(res.Glossary, e)
	names := regexp.MustCompile(`(^|[^a-z0-9-])` + regexp.QuoteMeta(id) + `($|[^a-z0-9-])`)
	var bad ui.Lines
	for _, f := range glosslint.Run(glosslint.Input{Glossary: res.Glossary, Source: ws.Config.Source, Targets: ws.Config.Targets}) {
		if f.Severity < finding.Error {
			continue
		}
		inEntry := f.Path == e.Pos.Path && f.Line >= e.Pos.Line && (end == 0 || f.Line < end)
		if inEntry || names.MatchString(f.Message) {
			msg := ui.Message{ID: f.MessageID, Args: f.Args}
			if f.MessageID == "" {
				msg = ui.Message{ID: "Verbatim", Args: ui.Args{"Text": f.Message}}
			}
			bad = append(bad, ui.Message{ID: "GlossaryLintProblem", Args: ui.Args{
				"Location": fmt.Sprintf("%s:%d:%d", f.Path, f.Line, f.Column), "Severity": f.Severity.Message(), "Rule": f.Rule, "Message": msg}})
		}
	}
	if len(bad) == 0 {
		return nil
	}
	return usage("GlossaryLintRefused", "ID", id, "Problems", bad)
}

// entryEnd returns the line where the entry after e starts in e's file, or 0 when e is the file's last.
func entryEnd(g *glossary.Glossary, e *glossary.Entry) int {
	end := 0
	for _, o := range g.Entries {
		if o.Pos.Path == e.Pos.Path && o.Pos.Line > e.Pos.Line && (end == 0 || o.Pos.Line < end) {
			end = o.Pos.Line
		}
	}
	return end
}
