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
// once per glossary and is safe for concurrent use; ForRelease gives a view for one release that matches each
// text only once.
type Anchors struct {
	matchers map[language.Tag]*termmatch.Matcher
	glossary *glossary.Glossary
	// pass, in a view of ForRelease, holds the overlapping matches of each text matched so far: alignment (Of)
	// and the check rules (Matches, Longest) read the same pass.
	pass map[passKey][]termmatch.Match
}

type passKey struct {
	lang language.Tag
	text string
}

// ForRelease returns a view of a for the texts of one release: every text is matched once, all occurrences
// overlapping, and alignment anchors and glossary rules both take what they need from that pass. The view is
// not safe for concurrent use; drop it with the release, so that memory does not grow with the archive.
func (a *Anchors) ForRelease() *Anchors {
	return &Anchors{matchers: a.matchers, glossary: a.glossary, pass: map[passKey][]termmatch.Match{}}
}

// Matches returns every occurrence of every glossary form in text (termmatch.Matcher.FindAllOverlapping), from
// the release's pass when a is a ForRelease view. The result must not be modified.
func (a *Anchors) Matches(lang language.Tag, text string) []termmatch.Match {
	m := a.matchers[lang]
	if m == nil {
		return nil
	}
	if a.pass == nil {
		return m.FindAllOverlapping(text)
	}
	k := passKey{lang, text}
	ms, ok := a.pass[k]
	if !ok {
		ms = m.FindAllOverlapping(text)
		a.pass[k] = ms
	}
	return ms
}

// Longest returns the leftmost-longest matches of text, derived from Matches.
func (a *Anchors) Longest(lang language.Tag, text string) []termmatch.Match {
	return termmatch.LeftmostLongest(a.Matches(lang, text))
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
// surroundings, if any), forms that refer back to the entry without naming it ("reference": 両国, 我が国) and forbidden
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
			form := "context"
			if c.Reference {
				form = "reference"
			}
			if len(c.PrecededBy) == 0 && len(c.FollowedBy) == 0 {
				ps = append(ps, termmatch.Pattern{Text: c.Form, ID: e.ID, Form: form})
			}
			for _, b := range c.PrecededBy {
				ps = append(ps, termmatch.Pattern{Text: c.Form, ID: e.ID, Form: form, PrecededBy: b})
			}
			for _, a := range c.FollowedBy {
				ps = append(ps, termmatch.Pattern{Text: c.Form, ID: e.ID, Form: form, FollowedBy: a})
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
	if a.matchers[lang] != nil {
		for _, mt := range a.Longest(lang, text) {
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
