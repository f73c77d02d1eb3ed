package bitext

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unsafe"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/glossary"
	"github.com/relloc/relloc/internal/numeral"
	"github.com/relloc/relloc/internal/release"
	"github.com/relloc/relloc/internal/segment"
	"github.com/relloc/relloc/internal/termmatch"
)

// TestOnePass: a release view matches each text once; alignment's anchors and the rules' matches come from that
// pass, and agree with matching the text afresh.
func TestOnePass(t *testing.T) {
	r, base := loadSeed(t, nil)
	view := base.ForRelease()
	bt := Align(r, en, targets, view)
	if len(bt.Segments) == 0 {
		t.Fatal("no segments")
	}
	shared, wordsFromBlock := 0, 0
	for _, seg := range bt.Segments {
		for _, lang := range []language.Tag{en, km, ja} {
			side := seg.Side(lang)
			if side == nil {
				continue
			}
			text := side.Text()
			if p, ok := view.passOf(lang)[text]; ok && p.haveLongest {
				shared++ // alignment matched this very text already
			}
			got := view.Matches(lang, text)
			if want := base.Matcher(lang).FindAllOverlapping(text); !slices.Equal(got, want) {
				t.Errorf("%s %q: pass %v, afresh %v", lang, text, got, want)
			}
			if got, want := view.Longest(lang, text), base.Matcher(lang).FindAll(text); !slices.Equal(got, want) {
				t.Errorf("%s %q: longest from the pass %v, FindAll %v", lang, text, got, want)
			}
			if again := view.Matches(lang, text); len(again) > 0 && &again[0] != &got[0] {
				t.Errorf("%s %q: matched twice", lang, text)
			}
			nums := view.Numbers(lang, text)
			if want := numeral.Find(lang, text); !slices.Equal(nums, want) {
				t.Errorf("%s %q: numbers from the pass %v, afresh %v", lang, text, nums, want)
			}
			if again := view.Numbers(lang, text); len(again) > 0 && &again[0] != &nums[0] {
				t.Errorf("%s %q: numbers read twice", lang, text)
			}
			relative, bare := view.NumberWords(lang, text)
			if want := numeral.Relative(lang, text); !slices.Equal(relative, want) {
				t.Errorf("%s %q: relative words from the pass %v, afresh %v", lang, text, relative, want)
			}
			if want := numeral.Bare(lang, text); !slices.Equal(bare, want) {
				t.Errorf("%s %q: bare words from the pass %v, afresh %v", lang, text, bare, want)
			}
			if p := view.passOf(lang)[text]; p.reading == nil {
				wordsFromBlock++ // taken from the reading of its block, as its numbers
			}
			of := view.Of(lang, text)
			if want := base.Of(lang, text); !slices.Equal(of, want) {
				t.Errorf("%s %q: anchors from the pass %v, afresh %v", lang, text, of, want)
			}
			if again := view.Of(lang, text); len(again) > 0 && &again[0] != &of[0] {
				t.Errorf("%s %q: anchors made twice", lang, text)
			}
			if lang != en {
				continue
			}
			for _, target := range targets {
				got := view.For(en, target, text)
				if want := base.For(en, target, text); !slices.Equal(got, want) {
					t.Errorf("%s %q: anchors for %s from the pass %v, afresh %v", lang, text, target, got, want)
				}
				if again := view.For(en, target, text); len(again) > 0 && &again[0] != &got[0] {
					t.Errorf("%s %q: anchors for %s made twice", lang, text, target)
				}
			}
		}
	}
	if shared == 0 {
		t.Error("no side text was matched by alignment: the rules would match every text again")
	}
	if wordsFromBlock == 0 {
		t.Error("no side's number words were taken from its block's reading")
	}
	if base.pass != nil {
		t.Error("the shared Anchors keeps a pass: its memory would grow with the archive")
	}
}

// TestForLeavesOutWhatTargetOmits: For gives the anchors of Of less the glossary entries that the target omits or
// has no rendering for, looked up by their keys as For did before it knew them by pattern, inside a release view
// and outside one.
func TestForLeavesOutWhatTargetOmits(t *testing.T) {
	r, base := loadSeed(t, nil)
	// In each target, an entry that the English names and the target renders is left without an approved
	// rendering.
	for _, target := range targets {
		b := r.Doc(en).Blocks[len(r.Doc(en).Blocks)/2]
		for _, mt := range base.Longest(en, b.Text) {
			if e, _ := base.glossary.Lookup(mt.ID); e.Target(target).Policy != glossary.Omit && e.Target(target).Term != "" {
				e.Target(target).Term = ""
				break
			}
		}
	}
	view := base.ForRelease()
	Align(r, en, targets, view)
	reference := func(a *Anchors, target language.Tag, text string) []string {
		var out []string
		for _, k := range a.Of(en, text) {
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
	left := map[language.Tag]int{}
	for _, b := range r.Doc(en).Blocks {
		texts := []string{b.Text}
		for _, sp := range segment.Titled(en, b.Text, b.SoftBreaks()) {
			texts = append(texts, b.Text[sp.Start:sp.End])
		}
		for _, text := range texts {
			for _, target := range targets {
				for _, a := range []*Anchors{base, view} {
					got, want := a.For(en, target, text), reference(a, target, text)
					if !slices.Equal(got, want) {
						t.Errorf("For(%s, %q) = %v, want %v", target, text, got, want)
					}
					left[target] += len(a.Of(en, text)) - len(got)
				}
			}
		}
	}
	for _, target := range targets {
		if left[target] == 0 {
			t.Errorf("no anchor is left out for %s: the test tests nothing", target)
		}
	}
}

// TestMatchersBuiltOnUse: NewAnchors builds no term matcher; the first use of a language builds that language's
// alone, so that draft --lang km pays for no Japanese automaton.
func TestMatchersBuiltOnUse(t *testing.T) {
	g, err := glossary.Load("../../glossary", glossary.Options{Targets: targets}, func(s string) string { return s })
	if err != nil {
		t.Fatal(err)
	}
	langs := []language.Tag{en, km, ja}
	made := testing.AllocsPerRun(5, func() { NewAnchors(g, en, langs) })
	oneMatcher := testing.AllocsPerRun(5, func() { termmatch.New(ja, Patterns(g, en, ja)) })
	if made >= oneMatcher {
		t.Errorf("NewAnchors made %v allocations, building the Japanese matcher alone %v: it builds matchers before use", made, oneMatcher)
	}
	a := NewAnchors(g, en, langs)
	if a.Matcher(ja) == nil || a.Matcher(ja) != a.Matcher(ja) {
		t.Error("Matcher(ja) is not built once")
	}
	if a.ForRelease().Matcher(ja) != a.Matcher(ja) {
		t.Error("a release view builds its own matcher")
	}
	if a.Matcher(language.French) != nil {
		t.Error("Matcher of a language not asked for is not nil")
	}
}

// ofReference is Of as it was written first: the anchors of the leftmost-longest matches, but a forbidden
// rendering's or a reference's, then those of the numbers that are neither weak nor inside such an anchor, each
// number tried against every match.
func ofReference(a *Anchors, lang language.Tag, text string) []string {
	var out []string
	var longest []termmatch.Match
	if m := a.Matcher(lang); m != nil {
		longest = m.FindAll(text)
	}
	anchor := func(mt termmatch.Match) bool { return mt.Form != "forbidden" && mt.Form != "reference" }
	for _, mt := range longest {
		if anchor(mt) {
			out = append(out, "term:"+mt.ID)
		}
	}
	for _, n := range numeral.Find(lang, text) {
		counted := !n.Weak
		for _, mt := range longest {
			if n.Start >= mt.Start && n.End <= mt.End && anchor(mt) {
				counted = false
			}
		}
		if counted {
			out = append(out, "num:"+strconv.FormatFloat(n.Value, 'f', -1, 64))
		}
	}
	return out
}

// TestOfReference compares Of, in a release view and outside one, with ofReference on the blocks and sentences of
// the seed release (whose glossary has forbidden renderings and references) and of releases of package scalegen.
func TestOfReference(t *testing.T) {
	r, seed := loadSeed(t, nil)
	g, rels := scaleReleases(t, 20)
	scale := NewAnchors(g, en, []language.Tag{en, km, ja})
	cases := []struct {
		a    *Anchors
		rels []*release.Release
	}{{seed, []*release.Release{r}}, {scale, rels}}
	texts := 0
	for _, c := range cases {
		for _, r := range c.rels {
			view := c.a.ForRelease()
			for _, lang := range []language.Tag{en, km, ja} {
				for _, b := range r.Doc(lang).Blocks {
					spans := []string{b.Text}
					for _, s := range sentences(lang, b) {
						view.Within(lang, b.Text, s.start, s.end)
						spans = append(spans, b.Text[s.start:s.end])
					}
					for _, text := range spans {
						want := ofReference(c.a, lang, text)
						if got := view.Of(lang, text); !slices.Equal(got, want) {
							t.Fatalf("%s %s: Of(%q) in a view = %v, want %v", r.ID, lang, text, got, want)
						}
						if got := c.a.Of(lang, text); !slices.Equal(got, want) {
							t.Fatalf("%s %s: Of(%q) = %v, want %v", r.ID, lang, text, got, want)
						}
						texts++
					}
				}
			}
		}
	}
	// A number inside a forbidden rendering still counts; one inside a term does not.
	covid := glossary.New([]*glossary.Entry{{ID: "covid", EN: glossary.English{Term: "Covid-19"},
		Targets: map[language.Tag]*glossary.Rendering{ja: {Term: "新型コロナウイルス感染症", Forbidden: []string{"コロナ19"}}}}})
	a := NewAnchors(covid, en, []language.Tag{en, ja})
	for _, x := range []struct {
		lang language.Tag
		text string
	}{{en, "Covid-19 cases rose to 3 in 2021."}, {ja, "コロナ19の患者は2021年に3人"}, {ja, "新型コロナウイルス感染症の患者は3人"}} {
		want := ofReference(a, x.lang, x.text)
		if got := a.ForRelease().Of(x.lang, x.text); !slices.Equal(got, want) {
			t.Errorf("%s: Of(%q) = %v, want %v", x.lang, x.text, got, want)
		}
	}
	t.Logf("%d texts", texts)
}

// TestNumberKey: a release view makes the anchor of each number value once, and writes it as strconv does, the
// zeros and NaN included, which a map of values cannot tell apart or find again.
func TestNumberKey(t *testing.T) {
	view := NewAnchors(nil, en, []language.Tag{en, km, ja}).ForRelease()
	for _, v := range []float64{2025, 0, math.Copysign(0, -1), 0, 1, 1.5, math.NaN(), 2025, -3, 4095, 4096, 1e21} {
		want := "num:" + strconv.FormatFloat(v, 'f', -1, 64)
		if got := view.numberKey(v); got != want {
			t.Errorf("numberKey(%v) = %q, want %q", v, got, want)
		}
	}
	if a, b := view.numberKey(2025), view.numberKey(2025); unsafe.StringData(a) != unsafe.StringData(b) {
		t.Error("the anchor of 2025 is made twice")
	}
}
