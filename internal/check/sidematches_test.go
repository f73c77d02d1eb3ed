package check

import (
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
