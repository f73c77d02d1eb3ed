package glosslint

import (
	"fmt"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/bitext"
	"github.com/relloc/relloc/internal/finding"
	"github.com/relloc/relloc/internal/glossary"
	"github.com/relloc/relloc/internal/matchform"
	"github.com/relloc/relloc/internal/release"
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
	var out []finding.Finding
	report := func(f finding.Finding) { out = append(out, f) }
	noRendering(in, report)
	renderings(in, report)
	english(in, report)
	forbiddenInReleases(in, report)
	finding.Sort(out)
	return out
}

func at(e *glossary.Entry, key, rule string, sev finding.Severity, lang string, format string, args ...any) finding.Finding {
	return finding.Finding{Path: e.Pos.Path, Line: e.Line(key), Column: 1, Lang: lang, Rule: rule, Severity: sev,
		Message: fmt.Sprintf(format, args...)}
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
					"%q (%s) has no %s rendering and its policy is %s: add a term or set policy = \"omit\"", e.EN.Term, e.ID, lang, r.Policy))
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

func renderings(in Input, report func(finding.Finding)) {
	for _, lang := range in.Targets {
		byKey := map[string][]owner{}
		var keys []string
		add := func(e *glossary.Entry, s, kind string) {
			k := matchform.For(lang, s).Text
			if _, ok := byKey[k]; !ok {
				keys = append(keys, k)
			}
			byKey[k] = append(byKey[k], owner{e, s, kind})
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
			os := byKey[k]
			var firstTerm *owner
			for i := range os {
				o := &os[i]
				if o.kind == "term" {
					if firstTerm != nil && firstTerm.e != o.e {
						report(at(o.e, l+".term", RuleDuplicateRendering, finding.Warning, l,
							"%s rendering %q of %q (%s) is also the rendering of %q (%s, %s)", l, o.form, o.e.EN.Term, o.e.ID, firstTerm.e.EN.Term, firstTerm.e.ID, firstTerm.e.Pos))
					} else if firstTerm == nil {
						firstTerm = o
					}
				}
			}
			for _, f := range os {
				if f.kind != "forbidden" {
					continue
				}
				for _, a := range os {
					if a.kind == "forbidden" || a.e == f.e {
						continue
					}
					report(at(f.e, l+".forbidden", RuleConflictingRendering, finding.Error, l,
						"%s form %q is forbidden for %q (%s) but is the %s of %q (%s, %s)", l, f.form, f.e.EN.Term, f.e.ID, a.kind, a.e.EN.Term, a.e.ID, a.e.Pos))
				}
			}
		}
	}
}

func english(in Input, report func(finding.Finding)) {
	type form struct {
		e           *glossary.Entry
		text        string
		kind        string
		key, folded string // matching forms, case-sensitive and folded
	}
	// Forms are indexed by their folded matching form: two forms can only be the same if their folded forms
	// are, so each term is compared with the few forms of its group instead of every form of the glossary
	// (n log n in all, where comparing every pair took minutes at 100,000 entries).
	var forms []*form
	groups := map[string][]*form{}
	add := func(e *glossary.Entry, text, kind string) {
		f := &form{e: e, text: text, kind: kind, key: matchform.English(text, true).Text, folded: matchform.English(text, false).Text}
		forms = append(forms, f)
		groups[f.folded] = append(groups[f.folded], f)
	}
	for _, e := range in.Glossary.Entries {
		add(e, e.EN.Term, "term")
		for _, v := range e.EN.Variants {
			add(e, v, "variant")
		}
	}
	same := func(a, b *form) bool {
		if a.e.EN.CaseSensitive && b.e.EN.CaseSensitive {
			return a.key == b.key
		}
		return a.folded == b.folded
	}
	reported := map[[2]string]bool{}
	for _, t := range forms {
		if t.kind != "term" {
			continue
		}
		for _, o := range groups[t.folded] {
			if o.e == t.e || !same(t, o) {
				continue
			}
			pair := [2]string{t.e.ID, o.e.ID}
			if o.kind == "term" && t.e.ID > o.e.ID {
				pair = [2]string{o.e.ID, t.e.ID}
			}
			if reported[pair] {
				continue
			}
			reported[pair] = true
			key := "en.term"
			if o.kind == "variant" {
				key = "en.variants"
			}
			report(at(o.e, key, RuleEnglishConflict, finding.Error, in.Source.String(),
				"English %s %q of %s is also the English term of %s (%s)", o.kind, o.text, o.e.ID, t.e.ID, t.e.Pos))
		}
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
						Lang: lang.String(), Release: r.ID, Rule: RuleForbiddenInRelease, Severity: finding.Error, Found: found,
						Message: fmt.Sprintf("%q is forbidden by the glossary entry %s (%s)", found, mt.ID, e.Pos)}
					if t := e.Target(lang).Term; t != "" {
						f.Expected = t
						f.Message += ": use " + t
					}
					report(f)
				}
			}
		}
	}
}
