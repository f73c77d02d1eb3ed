package glossedit

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/glossary"
)

// Field names one field of an entry: "category", "note", "source", "data", "en.term", "en.variants",
// "en.case_sensitive", and per target language "<lang>.term", "<lang>.variants", "<lang>.forbidden",
// "<lang>.policy", "<lang>.context".
type Field string

// The fields of an entry that do not depend on a language.
const (
	FieldCategory      Field = "category"
	FieldNote          Field = "note"
	FieldSource        Field = "source"
	FieldData          Field = "data"
	FieldENTerm        Field = "en.term"
	FieldENVariants    Field = "en.variants"
	FieldCaseSensitive Field = "en.case_sensitive"
)

// TargetField returns the field of a target language: name is "term", "variants", "forbidden", "policy" or
// "context".
func TargetField(lang language.Tag, name string) Field { return Field(lang.String() + "." + name) }

// Imported is an entry read from an exchange file (CSV, TBX) together with the fields the file gives a value
// for. A field the file has no column or element for, or leaves empty, is not in Given: a merge keeps the
// glossary's value of that field, so that a file with fewer columns than the glossary has fields never
// deletes anything.
type Imported struct {
	Entry *glossary.Entry
	Given map[Field]bool
}

// GivenFields returns the fields of e that hold a value: a non-empty string or list, case_sensitive when true,
// a policy when set. Readers that cannot tell "absent" from "empty" use it.
func GivenFields(e *glossary.Entry) map[Field]bool {
	g := map[Field]bool{}
	set := func(f Field, ok bool) {
		if ok {
			g[f] = true
		}
	}
	set(FieldCategory, e.Category != "")
	set(FieldNote, e.Note != "")
	set(FieldSource, e.Source != "")
	set(FieldData, len(e.Data) > 0)
	set(FieldENTerm, e.EN.Term != "")
	set(FieldENVariants, len(e.EN.Variants) > 0)
	set(FieldCaseSensitive, e.EN.CaseSensitive)
	for tag, r := range e.Targets {
		set(TargetField(tag, "term"), r.Term != "")
		set(TargetField(tag, "variants"), len(r.Variants) > 0)
		set(TargetField(tag, "forbidden"), len(r.Forbidden) > 0)
		set(TargetField(tag, "policy"), r.Policy != "")
		set(TargetField(tag, "context"), len(r.Context) > 0)
	}
	return g
}

// Merge returns old with the fields that imp gives replaced by imp's values; every other field keeps old's
// value. Neither argument is modified.
func Merge(old *glossary.Entry, imp Imported) *glossary.Entry {
	e := Clone(old)
	n := imp.Entry
	if imp.Given[FieldCategory] {
		e.Category = n.Category
	}
	if imp.Given[FieldNote] {
		e.Note = n.Note
	}
	if imp.Given[FieldSource] {
		e.Source = n.Source
	}
	if imp.Given[FieldData] {
		e.Data = mergeData(e.Data, n.Data)
	}
	if imp.Given[FieldENTerm] {
		e.EN.Term = n.EN.Term
	}
	if imp.Given[FieldENVariants] {
		e.EN.Variants = slices.Clone(n.EN.Variants)
	}
	if imp.Given[FieldCaseSensitive] {
		e.EN.CaseSensitive = n.EN.CaseSensitive
	}
	for tag, nr := range n.Targets {
		given := func(name string) bool { return imp.Given[TargetField(tag, name)] }
		if !given("term") && !given("variants") && !given("forbidden") && !given("policy") && !given("context") {
			continue
		}
		r, ok := e.Targets[tag]
		if !ok {
			r = &glossary.Rendering{}
			e.Targets[tag] = r
		}
		if given("term") {
			r.Term = nr.Term
		}
		if given("variants") {
			r.Variants = slices.Clone(nr.Variants)
		}
		if given("forbidden") {
			r.Forbidden = slices.Clone(nr.Forbidden)
		}
		if given("policy") {
			r.Policy = nr.Policy
		}
		if given("context") {
			r.Context = cloneContext(nr.Context)
		}
	}
	return e
}

// mergeData treats each (language, term, element, type) of the data as a field of its own: the file's data
// replace the old data of the same key, and the old data of other keys stay (before the file's).
func mergeData(old, given []glossary.Datum) []glossary.Datum {
	type key struct{ lang, term, element, typ string }
	k := func(d glossary.Datum) key { return key{d.Lang, d.Term, d.Element, d.Type} }
	in := map[key]bool{}
	for _, d := range given {
		in[k(d)] = true
	}
	var out []glossary.Datum
	for _, d := range old {
		if !in[k(d)] {
			out = append(out, d)
		}
	}
	return append(out, given...)
}

// Clone returns a deep copy of e without its position.
func Clone(e *glossary.Entry) *glossary.Entry {
	c := &glossary.Entry{ID: e.ID, Category: e.Category, Note: e.Note, Source: e.Source, Data: slices.Clone(e.Data),
		EN:      glossary.English{Term: e.EN.Term, Variants: slices.Clone(e.EN.Variants), CaseSensitive: e.EN.CaseSensitive},
		Targets: map[language.Tag]*glossary.Rendering{}}
	for t, r := range e.Targets {
		c.Targets[t] = &glossary.Rendering{Term: r.Term, Policy: r.Policy,
			Variants: slices.Clone(r.Variants), Forbidden: slices.Clone(r.Forbidden), Context: cloneContext(r.Context)}
	}
	return c
}

func cloneContext(cs []glossary.Context) []glossary.Context {
	if cs == nil {
		return nil
	}
	out := make([]glossary.Context, len(cs))
	for i, c := range cs {
		out[i] = glossary.Context{Form: c.Form, PrecededBy: slices.Clone(c.PrecededBy),
			FollowedBy: slices.Clone(c.FollowedBy), Reference: c.Reference}
	}
	return out
}

// FieldDiff is one field that differs between two versions of an entry, with both values as text (lists
// joined with " | ", an absent value empty).
type FieldDiff struct {
	Field    Field
	Old, New string
}

func (d FieldDiff) String() string {
	return fmt.Sprintf("%s: %s -> %s", d.Field, quoteOrNone(d.Old), quoteOrNone(d.New))
}

func quoteOrNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return strconv.Quote(s)
}

// Diff returns the fields in which b differs from a, in the order of Render (target languages in the order of
// targets, then the others).
func Diff(a, b *glossary.Entry, targets []language.Tag) []FieldDiff {
	var out []FieldDiff
	add := func(f Field, x, y string) {
		if x != y {
			out = append(out, FieldDiff{f, x, y})
		}
	}
	list := func(l []string) string { return strings.Join(l, " | ") }
	boolean := func(v bool) string {
		if v {
			return "true"
		}
		return ""
	}
	policy := func(r *glossary.Rendering) string {
		if r.Policy == "" {
			return string(glossary.Required)
		}
		return string(r.Policy)
	}
	add(FieldCategory, string(a.Category), string(b.Category))
	add(FieldNote, a.Note, b.Note)
	add(FieldSource, a.Source, b.Source)
	add(FieldData, data(a.Data), data(b.Data))
	add(FieldENTerm, a.EN.Term, b.EN.Term)
	add(FieldENVariants, list(a.EN.Variants), list(b.EN.Variants))
	add(FieldCaseSensitive, boolean(a.EN.CaseSensitive), boolean(b.EN.CaseSensitive))
	langs := Languages(a, targets)
	for _, t := range Languages(b, targets) {
		if !slices.Contains(langs, t) {
			langs = append(langs, t)
		}
	}
	for _, t := range langs {
		ra, rb := a.Target(t), b.Target(t)
		add(TargetField(t, "term"), ra.Term, rb.Term)
		add(TargetField(t, "variants"), list(ra.Variants), list(rb.Variants))
		add(TargetField(t, "forbidden"), list(ra.Forbidden), list(rb.Forbidden))
		add(TargetField(t, "policy"), policy(ra), policy(rb))
		add(TargetField(t, "context"), contexts(ra.Context), contexts(rb.Context))
	}
	return out
}

// data writes a data list for a diff: one "lang term element/type: value" item per datum, joined with " | ".
func data(ds []glossary.Datum) string {
	var parts []string
	for _, d := range ds {
		var head []string
		for _, s := range []string{d.Lang, d.Term, strings.TrimSuffix(d.Element+"/"+d.Type, "/")} {
			if s != "" {
				head = append(head, s)
			}
		}
		parts = append(parts, strings.Join(head, " ")+": "+d.Value)
	}
	return strings.Join(parts, " | ")
}

// contexts renders context forms as Diff shows them, joined with " | ".
func contexts(cs []glossary.Context) string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.String()
	}
	return strings.Join(out, " | ")
}
