package catalog

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"text/template/parse"
	"unicode"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/ui"
)

// Rule ids of the problems Check reports.
const (
	RuleMissing      = "catalog-missing"
	RulePlaceholder  = "catalog-placeholder"
	RuleUntranslated = "catalog-untranslated"
	RulePlural       = "catalog-plural"
)

// SameAsSource is the marker that, in a message's description, allows its
// translation to equal the source text.
const SameAsSource = "[same-as-source]"

// Problem is one finding of Check: where (the file, line and column of the
// message key or plural-form key concerned), in which language, for which
// message, under which rule, and what is wrong.
type Problem struct {
	Path         string
	Line, Column int
	Lang         string
	Key          string
	Rule         string
	Message      string // in English
	// MessageID names Message in relloc's own catalogue (internal/ui/locales/findings.*.toml), Args are its
	// template fields.
	MessageID string
	Args      ui.Args
}

// String formats p as "path:line:col: rule: lang key: message".
func (p Problem) String() string {
	return fmt.Sprintf("%s:%d:%d: %s: %s %s: %s", p.Path, p.Line, p.Column, p.Rule, p.Lang, p.Key, p.Message)
}

// Check compares the messages of each target language with those of source
// and checks the plural forms of every language; see the package
// documentation for the rules. Problems are sorted by path, line, column and
// rule. A target without any message file has every source message missing,
// reported at the source keys.
func (c *Catalog) Check(source language.Tag, targets []language.Tag) []Problem {
	var out []Problem
	src := c.langs[source]
	out = append(out, c.checkPlural(source, src, src)...)
	for _, tgt := range targets {
		msgs := c.langs[tgt]
		for _, id := range sortedIDs(src) {
			s := src[id]
			t, ok := msgs[id]
			if !ok {
				out = append(out, s.problem(RuleMissing, tgt, "CatalogMissing", ui.Args{"Source": source.String(), "Lang": tgt.String()}))
				continue
			}
			out = append(out, checkPlaceholders(s, t)...)
			out = append(out, checkUntranslated(s, t)...)
		}
		for _, id := range sortedIDs(msgs) {
			if _, ok := src[id]; !ok {
				out = append(out, msgs[id].problem(RuleMissing, tgt, "CatalogNotInSource", ui.Args{"Source": source.String()}))
			}
		}
		out = append(out, c.checkPlural(tgt, msgs, src)...)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		return a.Rule < b.Rule
	})
	return out
}

func (e *entry) problem(rule string, lang language.Tag, id string, args ui.Args) Problem {
	return Problem{Path: e.path, Line: e.pos.Line, Column: e.pos.Column, Lang: lang.String(), Key: e.msg.ID, Rule: rule,
		Message: ui.English.T(id, args), MessageID: id, Args: args}
}

// formProblem reports at the key of a plural form when it was written as a
// key of its own, else at the message key.
func (e *entry) formProblem(rule, form, id string, args ui.Args) Problem {
	p := e.problem(rule, e.lang, id, args)
	if pos, ok := e.formPos[form]; ok {
		p.Line, p.Column = pos.Line, pos.Column
	}
	return p
}

func sortedIDs(m map[string]*entry) []string {
	ids := make([]string, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

func checkPlaceholders(s, t *entry) []Problem {
	want, werr := fields(s)
	got, gerr := fields(t)
	if gerr != nil {
		return []Problem{t.problem(RulePlaceholder, t.lang, "CatalogBadTemplate", ui.Args{"Error": gerr.Error()})}
	}
	if werr != nil { // the source's own template is broken: nothing to compare with
		return nil
	}
	var missing, extra []string
	for f := range want {
		if !got[f] {
			missing = append(missing, "{{."+f+"}}")
		}
	}
	for f := range got {
		if !want[f] {
			extra = append(extra, "{{."+f+"}}")
		}
	}
	if len(missing) == 0 && len(extra) == 0 {
		return nil
	}
	sort.Strings(missing)
	sort.Strings(extra)
	var parts ui.List
	if len(missing) > 0 {
		parts = append(parts, ui.Message{ID: "CatalogPlaceholdersMissing", Args: ui.Args{"Fields": strings.Join(missing, " ")}})
	}
	if len(extra) > 0 {
		parts = append(parts, ui.Message{ID: "CatalogPlaceholdersExtra", Args: ui.Args{"Fields": strings.Join(extra, " ")}})
	}
	return []Problem{t.problem(RulePlaceholder, t.lang, "CatalogPlaceholders", ui.Args{"Differences": parts})}
}

// fields returns the template fields ({{.Name}} gives Name) used by any
// plural form of e, read with text/template's parser.
func fields(e *entry) (map[string]bool, error) {
	out := map[string]bool{}
	for _, form := range allForms {
		text, ok := e.formTexts[form]
		if !ok {
			continue
		}
		tree, err := parseTemplate(e, text)
		if err != nil {
			return nil, fmt.Errorf("form %s: %w", form, err)
		}
		walkFields(tree.Root, out)
	}
	return out, nil
}

func parseTemplate(e *entry, text string) (*parse.Tree, error) {
	left, right := e.msg.LeftDelim, e.msg.RightDelim
	if left == "" {
		left = "{{"
	}
	if right == "" {
		right = "}}"
	}
	tree := parse.New(e.msg.ID)
	tree.Mode = parse.SkipFuncCheck
	if _, err := tree.Parse(text, left, right, map[string]*parse.Tree{}); err != nil {
		return nil, fmt.Errorf("bad template: %w", err)
	}
	return tree, nil
}

func walkFields(n parse.Node, out map[string]bool) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			walkFields(c, out)
		}
	case *parse.ActionNode:
		walkFields(n.Pipe, out)
	case *parse.PipeNode:
		if n == nil {
			return
		}
		for _, c := range n.Cmds {
			walkFields(c, out)
		}
	case *parse.CommandNode:
		for _, a := range n.Args {
			walkFields(a, out)
		}
	case *parse.FieldNode:
		out[n.Ident[0]] = true
	case *parse.ChainNode:
		walkFields(n.Node, out)
	case *parse.IfNode:
		walkBranch(&n.BranchNode, out)
	case *parse.RangeNode:
		walkBranch(&n.BranchNode, out)
	case *parse.WithNode:
		walkBranch(&n.BranchNode, out)
	case *parse.TemplateNode:
		walkFields(n.Pipe, out)
	}
}

func walkBranch(b *parse.BranchNode, out map[string]bool) {
	walkFields(b.Pipe, out)
	walkFields(b.List, out)
	walkFields(b.ElseList, out)
}

func checkUntranslated(s, t *entry) []Problem {
	if strings.Contains(s.msg.Description, SameAsSource) || strings.Contains(t.msg.Description, SameAsSource) {
		return nil
	}
	var out []Problem
	for _, form := range allForms {
		text, ok := t.formTexts[form]
		if !ok {
			continue
		}
		srcText, ok := s.formTexts[form]
		if !ok {
			srcText = s.formTexts["other"]
		}
		if strings.TrimSpace(text) != strings.TrimSpace(srcText) || !hasLetters(t, text) {
			continue
		}
		out = append(out, t.formProblem(RuleUntranslated, form,
			"CatalogUntranslated", ui.Args{"Form": form, "Text": strconv.Quote(srcText), "Mark": SameAsSource}))
	}
	return out
}

// hasLetters reports whether text has a letter outside its template actions:
// "{{.Place}}, {{.Date}}" has none and may be the same in every language.
func hasLetters(e *entry, text string) bool {
	tree, err := parseTemplate(e, text)
	if err != nil {
		return strings.IndexFunc(text, unicode.IsLetter) >= 0
	}
	for _, n := range tree.Root.Nodes {
		if tn, ok := n.(*parse.TextNode); ok && strings.IndexFunc(string(tn.Text), unicode.IsLetter) >= 0 {
			return true
		}
	}
	return false
}

// checkPlural checks the plural forms of the messages msgs of lang; a message
// is plural when its source message (in src) has a form besides other.
func (c *Catalog) checkPlural(lang language.Tag, msgs, src map[string]*entry) []Problem {
	has := pluralForms(lang)
	var out []Problem
	for _, id := range sortedIDs(msgs) {
		e := msgs[id]
		for _, form := range allForms {
			if _, ok := e.formTexts[form]; ok && !has[form] {
				out = append(out, e.formProblem(RulePlural, form,
					"CatalogPluralExtra", ui.Args{"Lang": lang.String(), "Form": form, "Forms": formList(has)}))
			}
		}
		need := map[string]bool{"other": true}
		if s, ok := src[id]; ok && isPlural(s) {
			need = has
		}
		var missing []string
		for _, form := range allForms {
			if _, ok := e.formTexts[form]; need[form] && !ok {
				missing = append(missing, form)
			}
		}
		if len(missing) > 0 {
			out = append(out, e.problem(RulePlural, lang,
				"CatalogPluralMissing", ui.Args{"Forms": strings.Join(missing, ", "), "Lang": lang.String(), "Needs": formList(need)}))
		}
	}
	return out
}

func isPlural(e *entry) bool {
	for form := range e.formTexts {
		if form != "other" {
			return true
		}
	}
	return false
}

func formList(forms map[string]bool) string {
	var out []string
	for _, f := range allForms {
		if forms[f] {
			out = append(out, f)
		}
	}
	return strings.Join(out, ", ")
}
