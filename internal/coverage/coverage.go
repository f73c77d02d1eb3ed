package coverage

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/bitext"
	"github.com/relloc/relloc/internal/glossary"
	"github.com/relloc/relloc/internal/ui"
)

// Report is the result of Build.
type Report struct {
	Glossary   Completeness `json:"glossary"`
	Releases   []Release    `json:"releases"`
	Candidates []Candidate  `json:"candidates"`
}

// Completeness is the glossary's completeness.
type Completeness struct {
	Entries int `json:"entries"`
	// Complete is, per target language, the percentage of entries with a rendering or an omit policy.
	Complete map[string]float64 `json:"complete"`
	// Missing lists, per target language, the ids of the incomplete entries.
	Missing map[string][]string `json:"-"`
	langs   []string
}

// Release is the coverage of one release in one language.
type Release struct {
	Release string `json:"release"`
	Lang    string `json:"lang"`
	// Occurrences counts the English occurrences of glossary entries whose policy in Lang is required (and that
	// have a rendering), in segments that have a Lang side or should have one.
	Occurrences int `json:"occurrences"`
	// Rendered counts those whose rendering (term or accepted variant) is in the aligned Lang segment, at most
	// as many times per segment as the English has the term.
	Rendered int `json:"rendered"`
	// Coverage is Rendered / Occurrences as a percentage; 100 when there is nothing to render, 0 when the
	// release has no translation in Lang.
	Coverage float64 `json:"coverage"`
	// Untranslated is set when the release has no file in Lang: nothing of it is covered, whatever it says.
	Untranslated bool `json:"untranslated,omitempty"`
}

// Candidate is a phrase of the English releases that looks like a diplomatic term and is not in the glossary.
type Candidate struct {
	Phrase   string   `json:"phrase"`
	Count    int      `json:"count"`
	Releases []string `json:"releases"`
}

// Input is what Build reads.
type Input struct {
	Glossary *glossary.Glossary
	Source   language.Tag
	Targets  []language.Tag
	// Bitexts are the aligned releases, built with Anchors.
	Bitexts []*bitext.Bitext
	// Anchors are the glossary's matchers; for one release (ReleaseCoverage, ReleasePhrases) a view of them for
	// it (bitext.Anchors.ForRelease), whose match pass alignment and check's rules share, so that no text is
	// matched twice.
	Anchors *bitext.Anchors
}

// Build measures the glossary and the releases.
func Build(in Input) *Report {
	var (
		releases []Release
		phrases  []Phrases
	)
	for _, bt := range in.Bitexts {
		releases = append(releases, ReleaseCoverage(bt, in)...)
		phrases = append(phrases, ReleasePhrases(bt, in))
	}
	return Assemble(in.Glossary, in.Targets, releases, phrases)
}

// Assemble makes the report of the glossary from the figures of each release (ReleaseCoverage, in release
// order) and the candidate phrases of each (ReleasePhrases): what Build does once it has measured every
// release, and what a persistent index does with the figures it keeps.
func Assemble(g *glossary.Glossary, targets []language.Tag, releases []Release, phrases []Phrases) *Report {
	r := &Report{Glossary: GlossaryCompleteness(g, targets), Releases: releases, Candidates: Tally(phrases)}
	if r.Releases == nil {
		r.Releases = []Release{}
	}
	return r
}

// Phrases are the candidate phrases of one release, one per occurrence, in the order of its English text.
type Phrases struct {
	Release string
	Phrases []string
}

// ReleasePhrases extracts the candidate phrases of one aligned release's English (see Extract), each with its
// white space folded to single spaces.
func ReleasePhrases(bt *bitext.Bitext, in Input) Phrases {
	p := Phrases{Release: bt.Release.ID}
	d := bt.Release.Doc(in.Source)
	if d == nil {
		return p
	}
	var (
		covered []Span
		ws      []word
		spans   []Span
	)
	for _, b := range d.Blocks {
		covered = covered[:0]
		if in.Anchors.Matcher(in.Source) != nil {
			for _, mt := range in.Anchors.Longest(in.Source, b.Text) {
				covered = append(covered, Span{mt.Start, mt.End})
			}
		}
		spans, ws = extract(b.Text, covered, ws)
		for _, s := range spans {
			p.Phrases = append(p.Phrases, foldSpaces(b.Text[s.Start:s.End]))
		}
	}
	return p
}

// foldSpaces is strings.Join(strings.Fields(s), " "), without a copy of s when it is ASCII with no white space
// but single spaces between its words, as most phrases are.
func foldSpaces(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || c <= ' ' && (c != ' ' || i == 0 || i == len(s)-1 || s[i+1] == ' ') {
			return strings.Join(strings.Fields(s), " ")
		}
	}
	return s
}

// percent returns part/whole as a percentage rounded down to two decimals (so that 99.999 never shows as 100),
// and 100 for an empty whole.
func percent(part, whole int) float64 {
	if whole == 0 {
		return 100
	}
	return math.Floor(float64(part)*10000/float64(whole)) / 100
}

// GlossaryCompleteness measures, for each target language, the share of entries with a rendering or an omit
// policy.
func GlossaryCompleteness(g *glossary.Glossary, targets []language.Tag) Completeness {
	c := Completeness{Entries: len(g.Entries), Complete: map[string]float64{}, Missing: map[string][]string{}}
	for _, lang := range targets {
		l := lang.String()
		c.langs = append(c.langs, l)
		n := 0
		for _, e := range g.Entries {
			if e.Target(lang).Complete() {
				n++
			} else {
				c.Missing[l] = append(c.Missing[l], e.ID)
			}
		}
		c.Complete[l] = percent(n, len(g.Entries))
	}
	return c
}

// ReleaseCoverage measures one aligned release: for each target language, how many English occurrences of
// required glossary entries have their rendering in the aligned segment. A segment without a side in the
// language counts its occurrences as not rendered. Every target language of in has a figure: a release with
// no translation in a language is Untranslated, with a coverage of 0, so that a --min gate does not pass
// over it.
func ReleaseCoverage(bt *bitext.Bitext, in Input) []Release {
	src := in.Anchors.Matcher(in.Source)
	var out []Release
	targets := in.Targets
	if len(targets) == 0 {
		targets = bt.Targets
	}
	var want []entryCount
	for _, lang := range targets {
		rc := Release{Release: bt.Release.ID, Lang: lang.String(), Untranslated: bt.Release.Doc(lang) == nil}
		tm := in.Anchors.Matcher(lang)
		for _, seg := range bt.Segments {
			s := seg.Side(in.Source)
			if s == nil || src == nil {
				continue
			}
			// The entries to render and how often, counted in a slice: a segment names few entries.
			want = want[:0]
			for _, m := range in.Anchors.Longest(in.Source, s.Text()) {
				e, ok := in.Glossary.Lookup(m.ID)
				if !ok {
					continue
				}
				if r := e.Target(lang); r.Policy == glossary.Required && r.Term != "" {
					want = count(want, m.ID)
				}
			}
			if len(want) == 0 {
				continue
			}
			for i := range want {
				want[i].have = 0
			}
			if t := seg.Side(lang); t != nil && tm != nil {
				for _, m := range in.Anchors.Matches(lang, t.Text()) {
					if m.Form == "forbidden" {
						continue
					}
					if i := slices.IndexFunc(want, func(c entryCount) bool { return c.id == m.ID }); i >= 0 {
						want[i].have++
					}
				}
			}
			for _, c := range want {
				rc.Occurrences += c.want
				rc.Rendered += min(c.want, c.have)
			}
		}
		rc.Coverage = percent(rc.Rendered, rc.Occurrences)
		if rc.Untranslated {
			rc.Coverage = 0
		}
		out = append(out, rc)
	}
	return out
}

// entryCount is how often a segment's English names a glossary entry (want) and its translation renders it
// (have).
type entryCount struct {
	id         string
	want, have int
}

// count adds one to id's want in cs.
func count(cs []entryCount, id string) []entryCount {
	for i := range cs {
		if cs[i].id == id {
			cs[i].want++
			return cs
		}
	}
	return append(cs, entryCount{id: id, want: 1})
}

// Below lists the completeness and release figures under min (a percentage), as messages of relloc's
// catalogue (locales/active CoverageBelow*).
func (r *Report) Below(min float64) []ui.Message {
	var out []ui.Message
	for _, l := range r.Glossary.order() {
		if p := r.Glossary.Complete[l]; p < min {
			out = append(out, ui.Message{ID: "CoverageBelowGlossary", Args: ui.Args{"Lang": l, "Percent": fmt.Sprintf("%.2f", p), "Min": fmt.Sprint(min), "Missing": fmt.Sprint(r.Glossary.Missing[l])}})
		}
	}
	for _, rc := range r.Releases {
		if rc.Untranslated && min > 0 {
			out = append(out, ui.Message{ID: "CoverageBelowUntranslated", Args: ui.Args{"Release": rc.Release, "Lang": rc.Lang, "Min": fmt.Sprint(min)}})
		} else if rc.Coverage < min {
			out = append(out, ui.Message{ID: "CoverageBelowRelease", Args: ui.Args{"Release": rc.Release, "Lang": rc.Lang, "Percent": fmt.Sprintf("%.2f", rc.Coverage), "Rendered": rc.Rendered, "Occurrences": rc.Occurrences, "Min": fmt.Sprint(min)}})
		}
	}
	return out
}

// order returns the languages of the completeness figures in the order they were measured.
func (c Completeness) order() []string {
	if len(c.langs) > 0 {
		return c.langs
	}
	var ls []string
	for l := range c.Complete {
		ls = append(ls, l)
	}
	sort.Strings(ls)
	return ls
}

// Languages returns the languages of the completeness figures in the order they were measured.
func (c Completeness) Languages() []string { return c.order() }
