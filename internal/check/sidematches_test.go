package check

import (
	"cmp"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"testing"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/bitext"
	"github.com/relloc/relloc/internal/termmatch"
)

// TestSideMatchesOnce checks that sideMatches gives every side's matches of the release's pass in block offsets,
// and that a second call for the same side returns the first call's slice instead of a new copy.
func TestSideMatchesOnce(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	g := benchGlossary(r, 200)
	rel := benchRelease(r, 0, g)
	targets := []language.Tag{language.Khmer, language.Japanese}
	anchors := bitext.NewAnchors(g, language.English, append([]language.Tag{language.English}, targets...)).ForRelease()
	c := &Context{Source: language.English, Targets: targets, Glossary: g, Anchors: anchors, Release: rel,
		Bitext: bitext.Align(rel, language.English, targets, anchors)}
	sides, found := 0, 0
	for _, seg := range c.Bitext.Segments {
		for lang, side := range seg.Sides {
			for _, overlapping := range []bool{false, true} {
				var want []termmatch.Match
				if overlapping {
					want = slices.Clone(anchors.Matches(lang, side.Text()))
				} else {
					want = slices.Clone(anchors.Longest(lang, side.Text()))
				}
				for i := range want {
					want[i].Start += side.Start
					want[i].End += side.Start
				}
				got := sideMatches(c, lang, side, overlapping)
				if !slices.Equal(got, want) {
					t.Fatalf("%s %s overlapping=%v: got %v, want %v", seg.ID, lang, overlapping, got, want)
				}
				if again := sideMatches(c, lang, side, overlapping); len(got) > 0 && &again[0] != &got[0] {
					t.Errorf("%s %s overlapping=%v: the second call copied the matches again", seg.ID, lang, overlapping)
				}
				sides++
				found += len(got)
			}
		}
	}
	if sides == 0 || found == 0 {
		t.Fatalf("%d sides, %d matches: the release has nothing to check", sides, found)
	}
}

// mentionsReference is mentions as first written, with a map of each entry's latest mention whatever the
// number of matches.
func mentionsReference(ms []termmatch.Match) []termmatch.Match {
	sorted := slices.Clone(ms)
	slices.SortFunc(sorted, func(a, b termmatch.Match) int { return cmp.Or(a.Start-b.Start, b.End-a.End) })
	var out []termmatch.Match
	last := map[string]int{}
	for _, m := range sorted {
		if i, seen := last[m.ID]; seen && m.Start < out[i].End {
			out[i].End = max(out[i].End, m.End)
			continue
		}
		last[m.ID] = len(out)
		out = append(out, m)
	}
	return out
}

// TestMentionsMatchesReference: mentions, which looks back through its result for a few matches and keeps a map
// for many, merges as the map alone did, on random overlapping matches of a few entries, from 0 to 40 of them,
// and leaves its argument as it was.
func TestMentionsMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for n := range 41 {
		for range 50 {
			ms := make([]termmatch.Match, n)
			for i := range ms {
				start := r.IntN(60)
				ms[i] = termmatch.Match{Start: start, End: start + 1 + r.IntN(8), ID: fmt.Sprint("e", r.IntN(4))}
			}
			before := slices.Clone(ms)
			if got, want := mentions(nil, ms), mentionsReference(ms); !slices.Equal(got, want) {
				t.Fatalf("mentions(%v) = %v, want %v", ms, got, want)
			}
			if !slices.Equal(ms, before) {
				t.Fatalf("mentions changed its argument %v to %v", before, ms)
			}
		}
	}
}

// TestAssignRenderingsMatchesReference: assignRenderings, which groups the mentions of a span by looking back
// through the spans of their start, counts as it did with a map of spans, on random matches of a few entries,
// some sharing a span, some references, with random wants.
func TestAssignRenderingsMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for n := range 41 {
		for range 50 {
			ms := make([]termmatch.Match, n)
			for i := range ms {
				start := r.IntN(20)
				ms[i] = termmatch.Match{Start: start, End: start + 1 + r.IntN(4), ID: fmt.Sprint("e", r.IntN(5))}
				if r.IntN(8) == 0 {
					ms[i].Form = "reference"
				}
			}
			want := map[string]int{}
			var wantTally, have tally
			for id := range 5 {
				want[fmt.Sprint("e", id)] = r.IntN(4)
				wantTally.add(fmt.Sprint("e", id), want[fmt.Sprint("e", id)])
			}
			assignRenderings(nil, ms, &wantTally, &have)
			got := map[string]int{}
			for _, c := range have.counts {
				got[c.id] = c.n
			}
			if w := assignRenderingsReference(ms, want); !maps.Equal(got, w) {
				t.Fatalf("assignRenderings(%v, %v) = %v, want %v", ms, want, got, w)
			}
		}
	}
}

// assignRenderingsReference is assignRenderings as it was, with a map of spans.
func assignRenderingsReference(ms []termmatch.Match, want map[string]int) map[string]int {
	type span struct{ start, end int }
	byspan := map[span][]string{}
	var order []span
	have := map[string]int{}
	for _, m := range mentionsReference(ms) {
		if m.Form == "reference" {
			have[m.ID]++
			continue
		}
		sp := span{m.Start, m.End}
		if byspan[sp] == nil {
			order = append(order, sp)
		}
		byspan[sp] = append(byspan[sp], m.ID)
	}
	for _, sp := range order {
		if ids := byspan[sp]; len(ids) == 1 {
			have[ids[0]]++
		}
	}
	for _, sp := range order {
		ids := byspan[sp]
		if len(ids) == 1 {
			continue
		}
		best := ids[0]
		for _, id := range ids[1:] {
			if want[id]-have[id] > want[best]-have[best] {
				best = id
			}
		}
		have[best]++
	}
	return have
}

// TestTally: a tally counts as a map does, across the length at which it starts to keep a map of its own, keeps
// the ids in the order they were first counted, and counts afresh after reset.
func TestTally(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	var tl tally
	for _, ids := range []int{3, tallyScan, tallyScan + 1, 60} {
		tl.reset()
		want := map[string]int{}
		var order []string
		for range 200 {
			id := fmt.Sprint("e", r.IntN(ids))
			if _, ok := want[id]; !ok {
				order = append(order, id)
			}
			n := r.IntN(3)
			want[id] += n
			tl.add(id, n)
			if got := tl.get(id); got != want[id] {
				t.Fatalf("%d ids: get(%s) = %d, want %d", ids, id, got, want[id])
			}
		}
		if got := tl.get("none"); got != 0 {
			t.Errorf("%d ids: get of an id never counted = %d", ids, got)
		}
		var got []string
		for _, c := range tl.counts {
			got = append(got, c.id)
			if c.n != want[c.id] {
				t.Errorf("%d ids: %s counted %d, want %d", ids, c.id, c.n, want[c.id])
			}
		}
		if !slices.Equal(got, order) {
			t.Errorf("%d ids: order %v, want %v", ids, got, order)
		}
	}
}
