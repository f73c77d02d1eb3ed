package glosslint

import (
	"fmt"
	"strconv"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/bitext"
	"github.com/relloc/relloc/internal/finding"
	"github.com/relloc/relloc/internal/glossary"
	"github.com/relloc/relloc/internal/matchform"
	"github.com/relloc/relloc/internal/release"
	"github.com/relloc/relloc/internal/ui"
)

// The rule ids of the lint.
const (
	RuleNoRendering          = "glossary-no-rendering"
	RuleDuplicateRendering   = "glossary-duplicate-rendering"
	RuleConflictingRendering = "glossary-conflicting-rendering"
	RuleEnglishConflict      = "glossary-english-conflict"
	RuleForbiddenInRelease   = "glossary-forbidden-in-release"
)

// Rules describes the lint's rules.
func Rules() []finding.Rule {
	return []finding.Rule{
		{ID: RuleNoRendering, Default: finding.Error,
			Summary:     "An entry has no rendering in a target language",
			Description: "The entry has no approved term in the language and its policy is not omit, so check cannot tell a translator what to write. Add the term, or set the policy to omit."},
		{ID: RuleDuplicateRendering, Default: finding.Warning,
			Summary:     "Two entries have the same approved rendering",
			Description: "Two different English terms are rendered alike in a language. This is sometimes right (two titles that a language does not distinguish) but often a copy-paste slip; check that the entries mean the same thing or give one of them its own rendering."},
		{ID: RuleConflictingRendering, Default: finding.Error,
			Summary:     "A form one entry accepts is forbidden by another",
			Description: "A rendering (term or variant) of one entry is listed as forbidden for another entry in the same language, so a release that follows one entry breaks the other. Decide which is right and fix the other entry."},
		{ID: RuleEnglishConflict, Default: finding.Error,
			Summary:     "An English term or variant belongs to two entries",
			Description: "The English term of one entry is also the term or a variant of another, so the matcher cannot tell which entry a release mentions. Merge the entries or remove the variant."},
		{ID: RuleForbiddenInRelease, Default: finding.Error,
			Summary:     "A release contains a forbidden rendering",
			Description: "A form the glossary forbids occurs in a release of its language. Replace it with the approved rendering (relloc check shows the aligned English)."},
	}
}

// Input is what the lint reads.
type Input struct {
	Glossary *glossary.Glossary
	Source   language.Tag
	Targets  []language.Tag
	// Releases and Anchors are optional: without them the forbidden-in-release rule does not run.
	Releases []*release.Release
	Anchors  *bitext.Anchors
}

// Run checks the glossary and returns its findings, sorted by position.
func Run(in Input) []finding.Finding {
	out, _ := lint(in)
	return out
}

// lint is Run, also returning how many pairs of forms it compared: the measure of its work, which a test holds
// under n log n for n entries (comparing every form with every other took minutes at 100,000 entries).
func lint(in Input) ([]finding.Finding, int) {
	var out []finding.Finding
	report := func(f finding.Finding) { out = append(out, f) }
	pairs := 0
	noRendering(in, report)
	renderings(in, report, &pairs)
	english(in, report, &pairs)
	forbiddenInReleases(in, report)
	finding.Sort(out)
	return out, pairs
}

func at(e *glossary.Entry, key, rule string, sev finding.Severity, lang string, id string, args ui.Args) finding.Finding {
	f := finding.Finding{Path: e.Pos.Path, Line: e.Line(key), Column: 1, Lang: lang, Rule: rule, Severity: sev}
	f.Say(id, args)
	return f
}

func noRendering(in Input, report func(finding.Finding)) {
	for _, e := range in.Glossary.Entries {
		for _, lang := range in.Targets {
			if r := e.Target(lang); !r.Complete() {
				key := lang.String() // the language's table, or the entry when it has none
				if _, ok := e.Targets[lang]; !ok {
					key = "id"
				}
				report(at(e, key, RuleNoRendering, finding.Error, lang.String(),
					"LintNoRendering", ui.Args{"Term": strconv.Quote(e.EN.Term), "ID": e.ID, "Lang": lang.String(), "Policy": r.Policy}))
			}
		}
	}
}

// owner is an entry that has a form.
type owner struct {
	e    *glossary.Entry
	form string // as written
	kind string // "term", "variant", "forbidden"
}

// firstTwo keeps the first owner of a form and the first after it that belongs to another entry: enough to
// find, for any entry, the first owner that is not itself.
type firstTwo[T any] struct {
	a, b  *T
	entry func(*T) *glossary.Entry
}

func (f *firstTwo[T]) add(x *T) {
	switch {
	case f.a == nil:
		f.a = x
	case f.b == nil && f.entry(x) != f.entry(f.a):
		f.b = x
	}
}

// other returns the first owner whose entry is not e, or nil; pairs counts the owners looked at.
func (f *firstTwo[T]) other(e *glossary.Entry, pairs *int) *T {
	for _, x := range []*T{f.a, f.b} {
		if x == nil {
			return nil
		}
		*pairs++
		if f.entry(x) != e {
			return x
		}
	}
	return nil
}

func renderings(in Input, report func(finding.Finding), pairs *int) {
	entryOf := func(o *owner) *glossary.Entry { return o.e }
	for _, lang := range in.Targets {
		// Forms are grouped by matching form, and each form is compared with the first owners of its group
		// only, so that the work is linear in the number of forms even when thousands of entries share one.
		type group struct {
			owners   []*owner
			term     firstTwo[owner] // the first terms
			accepted firstTwo[owner] // the first terms and variants
		}
		groups := map[string]*group{}
		var keys []string
		add := func(e *glossary.Entry, s, kind string) {
			k := matchform.For(lang, s).Text
			g, ok := groups[k]
			if !ok {
				g = &group{term: firstTwo[owner]{entry: entryOf}, accepted: firstTwo[owner]{entry: entryOf}}
				groups[k] = g
				keys = append(keys, k)
			}
			o := &owner{e, s, kind}
			g.owners = append(g.owners, o)
			if kind == "term" {
				g.term.add(o)
			}
			if kind != "forbidden" {
				g.accepted.add(o)
			}
		}
		for _, e := range in.Glossary.Entries {
			r, ok := e.Targets[lang]
			if !ok {
				continue
			}
			if r.Term != "" {
				add(e, r.Term, "term")
			}
			for _, v := range r.Variants {
				add(e, v, "variant")
			}
			for _, f := range r.Forbidden {
				add(e, f, "forbidden")
			}
		}
		l := lang.String()
		for _, k := range keys {
			g := groups[k]
			for _, o := range g.owners {
				switch o.kind {
				case "term":
					// Every term after the group's first is reported against it.
					if first := g.term.a; first != o {
						*pairs++
						if first.e != o.e {
							report(at(o.e, l+".term", RuleDuplicateRendering, finding.Warning, l,
								"LintDuplicateRendering", ui.Args{"Lang": l, "Form": strconv.Quote(o.form), "Term": strconv.Quote(o.e.EN.Term), "ID": o.e.ID,
									"OtherTerm": strconv.Quote(first.e.EN.Term), "OtherID": first.e.ID, "OtherPos": fmt.Sprint(first.e.Pos)}))
						}
					}
				case "forbidden":
					if a := g.accepted.other(o.e, pairs); a != nil {
						report(at(o.e, l+".forbidden", RuleConflictingRendering, finding.Error, l,
							"LintConflictingRendering", ui.Args{"Lang": l, "Form": strconv.Quote(o.form), "Term": strconv.Quote(o.e.EN.Term), "ID": o.e.ID,
								"Kind": formKind(a.kind), "OtherTerm": strconv.Quote(a.e.EN.Term), "OtherID": a.e.ID, "OtherPos": fmt.Sprint(a.e.Pos)}))
					}
				}
			}
		}
	}
}

func english(in Input, report func(finding.Finding), pairs *int) {
	type form struct {
		e           *glossary.Entry
		text        string
		kind        string
		seq         int    // the form's place among all forms
		key, folded string // matching forms, case-sensitive and folded
	}
	// Two forms are the same when their case-sensitive matching forms are, or when their folded forms are and
	// one of their entries is not case-sensitive. Terms are indexed by folded form (all, and those of
	// case-insensitive entries) and by case-sensitive form, keeping the first two of each; a form is compared
	// with those only, which finds the first term of another entry that it equals: the work is linear in the
	// number of forms, where comparing every pair took minutes at 100,000 entries.
	entryOf := func(f *form) *glossary.Entry { return f.e }
	index := func(m map[string]*firstTwo[form], k string) *firstTwo[form] {
		x, ok := m[k]
		if !ok {
			x = &firstTwo[form]{entry: entryOf}
			m[k] = x
		}
		return x
	}
	var forms []*form
	byFolded, byFoldedInsensitive, byKey := map[string]*firstTwo[form]{}, map[string]*firstTwo[form]{}, map[string]*firstTwo[form]{}
	add := func(e *glossary.Entry, text, kind string) {
		f := &form{e: e, text: text, kind: kind, seq: len(forms), key: matchform.English(text, true).Text, folded: matchform.English(text, false).Text}
		forms = append(forms, f)
		if kind != "term" {
			return
		}
		index(byFolded, f.folded).add(f)
		index(byKey, f.key).add(f)
		if !e.EN.CaseSensitive {
			index(byFoldedInsensitive, f.folded).add(f)
		}
	}
	for _, e := range in.Glossary.Entries {
		add(e, e.EN.Term, "term")
		for _, v := range e.EN.Variants {
			add(e, v, "variant")
		}
	}
	earliest := func(a, b *form) *form {
		if a == nil || (b != nil && b.seq < a.seq) {
			return b
		}
		return a
	}
	reported := map[[2]*glossary.Entry]bool{}
	for _, o := range forms {
		var t *form
		if !o.e.EN.CaseSensitive {
			t = index(byFolded, o.folded).other(o.e, pairs)
		} else {
			t = earliest(index(byFoldedInsensitive, o.folded).other(o.e, pairs), index(byKey, o.key).other(o.e, pairs))
		}
		// Two terms that are the same are reported once, at the later.
		if t == nil || (o.kind == "term" && t.seq > o.seq) || reported[[2]*glossary.Entry{o.e, t.e}] {
			continue
		}
		reported[[2]*glossary.Entry{o.e, t.e}] = true
		key := "en.term"
		if o.kind == "variant" {
			key = "en.variants"
		}
		report(at(o.e, key, RuleEnglishConflict, finding.Error, in.Source.String(),
			"LintEnglishConflict", ui.Args{"Kind": formKind(o.kind), "Form": strconv.Quote(o.text), "ID": o.e.ID,
				"OtherID": t.e.ID, "OtherPos": fmt.Sprint(t.e.Pos)}))
	}
}

func forbiddenInReleases(in Input, report func(finding.Finding)) {
	if in.Anchors == nil {
		return
	}
	for _, r := range in.Releases {
		for _, lang := range in.Targets {
			d := r.Doc(lang)
			m := in.Anchors.Matcher(lang)
			if d == nil || m == nil {
				continue
			}
			for _, b := range d.Blocks {
				for _, mt := range m.FindAll(b.Text) {
					if mt.Form != "forbidden" {
						continue
					}
					e, _ := in.Glossary.Lookup(mt.ID)
					line, col := d.TextPosition(b, mt.Start)
					endLine, endCol := d.TextPosition(b, mt.End)
					found := b.Text[mt.Start:mt.End]
					f := finding.Finding{Path: d.Path, Line: line, Column: col, EndLine: endLine, EndColumn: endCol,
						Lang: lang.String(), Release: r.ID, Rule: RuleForbiddenInRelease, Severity: finding.Error, Found: found}
					args := ui.Args{"Found": strconv.Quote(found), "ID": mt.ID, "Pos": fmt.Sprint(e.Pos)}
					if t := e.Target(lang).Term; t != "" {
						f.Expected = t
						args["Approved"] = t
						f.Say("LintForbiddenUse", args)
					} else {
						f.Say("LintForbidden", args)
					}
					report(f)
				}
			}
		}
	}
}

// formKind names a form's kind ("term", "variant") in a message.
func formKind(kind string) ui.Message {
	if kind == "variant" {
		return ui.Message{ID: "FormVariant"}
	}
	return ui.Message{ID: "FormTerm"}
}
