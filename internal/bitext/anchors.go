package bitext

import (
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/glossary"
	"github.com/relloc/relloc/internal/numeral"
	"github.com/relloc/relloc/internal/termmatch"
)

// Anchors finds the anchors of a text: the glossary entries it mentions and the numbers it holds. It is built
// once per glossary and is safe for concurrent use.
type Anchors struct {
	matchers map[language.Tag]*termmatch.Matcher
	glossary *glossary.Glossary
}

// NewAnchors builds one term matcher per language of langs from the glossary (which may be nil).
func NewAnchors(g *glossary.Glossary, source language.Tag, langs []language.Tag) *Anchors {
	a := &Anchors{matchers: map[language.Tag]*termmatch.Matcher{}, glossary: g}
	if g == nil {
		return a
	}
	for _, lang := range langs {
		a.matchers[lang] = termmatch.New(lang, Patterns(g, source, lang))
	}
	return a
}

// Patterns returns the glossary's patterns in lang: English terms and variants for the source language, approved
// renderings and accepted variants (Form "term", "variant"), forms that count in context ("context", with their
// surroundings), forms that refer to the entry without naming it ("reference": 両国, 我が国) and forbidden
// renderings ("forbidden") for a target.
func Patterns(g *glossary.Glossary, source, lang language.Tag) []termmatch.Pattern {
	var ps []termmatch.Pattern
	for _, e := range g.Entries {
		if lang == source {
			ps = append(ps, termmatch.Pattern{Text: e.EN.Term, ID: e.ID, Form: "term", CaseSensitive: e.EN.CaseSensitive})
			for _, v := range e.EN.Variants {
				ps = append(ps, termmatch.Pattern{Text: v, ID: e.ID, Form: "variant", CaseSensitive: e.EN.CaseSensitive})
			}
			continue
		}
		r, ok := e.Targets[lang]
		if !ok {
			continue
		}
		if r.Term != "" {
			ps = append(ps, termmatch.Pattern{Text: r.Term, ID: e.ID, Form: "term"})
		}
		for _, v := range r.Variants {
			ps = append(ps, termmatch.Pattern{Text: v, ID: e.ID, Form: "variant"})
		}
		for _, f := range r.Forbidden {
			ps = append(ps, termmatch.Pattern{Text: f, ID: e.ID, Form: "forbidden"})
		}
		for _, c := range r.Context {
			if len(c.PrecededBy) == 0 && len(c.FollowedBy) == 0 {
				ps = append(ps, termmatch.Pattern{Text: c.Form, ID: e.ID, Form: "reference"})
			}
			for _, b := range c.PrecededBy {
				ps = append(ps, termmatch.Pattern{Text: c.Form, ID: e.ID, Form: "context", PrecededBy: b})
			}
			for _, a := range c.FollowedBy {
				ps = append(ps, termmatch.Pattern{Text: c.Form, ID: e.ID, Form: "context", FollowedBy: a})
			}
		}
	}
	return ps
}

// Matcher returns the term matcher of lang, or nil.
func (a *Anchors) Matcher(lang language.Tag) *termmatch.Matcher { return a.matchers[lang] }

// Of returns the anchors of text in lang, once per occurrence: "term:ID" for each glossary entry found and
// "num:V" for each number outside a glossary term (the 19 of Covid-19 is part of the term, not a number).
func (a *Anchors) Of(lang language.Tag, text string) []string {
	var out []string
	var terms []termmatch.Match
	if m := a.matchers[lang]; m != nil {
		for _, mt := range m.FindAll(text) {
			// A reference (両国, "the two countries") stands for what an earlier sentence named: it is no evidence
			// of which English sentence this one translates.
			if mt.Form == "forbidden" || mt.Form == "reference" {
				continue
			}
			terms = append(terms, mt)
			out = append(out, "term:"+mt.ID)
		}
	}
	for _, n := range numeral.Find(lang, text) {
		inTerm := false
		for _, t := range terms {
			if n.Start >= t.Start && n.End <= t.End {
				inTerm = true
				break
			}
		}
		if !inTerm && !n.Weak { // a weak number ("one", 両国, a list label) may have no counterpart
			out = append(out, "num:"+strconv.FormatFloat(n.Value, 'f', -1, 64))
		}
	}
	return out
}

// For returns the anchors of a source-language text that a translation into target can be expected to share:
// glossary entries that target omits, or has no rendering for, are left out.
func (a *Anchors) For(source, target language.Tag, text string) []string {
	all := a.Of(source, text)
	if a.glossary == nil {
		return all
	}
	out := make([]string, 0, len(all))
	for _, k := range all {
		if id, ok := strings.CutPrefix(k, "term:"); ok {
			if e, found := a.glossary.Lookup(id); found {
				if r := e.Target(target); r.Policy == glossary.Omit || r.Term == "" {
					continue
				}
			}
		}
		out = append(out, k)
	}
	return out
}
