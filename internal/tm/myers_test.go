package tm

import (
	"math/rand/v2"
	"testing"

	"github.com/agnivade/levenshtein"
)

// TestMyersDistance checks the bit-parallel distance against the full Levenshtein distance on random strings
// over small alphabets (Latin, Khmer, Japanese, mixed), of lengths on both sides of the blocks of 64 code
// points, the query's scorer measuring many texts in turn.
func TestMyersDistance(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	alphabets := [][]rune{[]rune("abc "), []rune("កខគ្ា"), []rune("あいう国"), []rune("ab កあ")}
	word := func(al []rune, n int) []rune {
		r := make([]rune, n)
		for i := range r {
			r[i] = al[rng.IntN(len(al))]
		}
		return r
	}
	for range 400 {
		al := alphabets[rng.IntN(len(alphabets))]
		q := word(al, rng.IntN(200))
		my := newMyers(q)
		for range 10 {
			b := word(al, rng.IntN(200))
			if rng.IntN(2) == 0 && len(q) > 0 { // a near copy, as a templated archive's
				b = append([]rune{}, q...)
				for range rng.IntN(8) {
					i := rng.IntN(len(b) + 1)
					b = append(b[:i], append([]rune{al[rng.IntN(len(al))]}, b[i:]...)...)
				}
			}
			want := levenshtein.ComputeDistance(string(q), string(b))
			if got := my.distance(b); got != want {
				t.Fatalf("distance(%q, %q) = %d, want %d", string(q), string(b), got, want)
			}
		}
	}
}

// TestScorerWideBand checks a scorer's score against Similarity where the band is wide enough for the
// bit-parallel distance (low floors, long texts) and where it is not: the same score to the bit when it reaches
// the floor, and no score when it does not.
func TestScorerWideBand(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	words := []string{"cambodia", "brazil", "joint", "commission", "the", "of", "in", "kep", "1994", "8th", "ភាគី", "កម្ពុជា", "協力"}
	sentence := func() string {
		var s string
		for range 5 + rng.IntN(40) {
			s += words[rng.IntN(len(words))] + " "
		}
		return s
	}
	wide := 0
	for range 300 {
		q := sentence()
		sc := NewScorer(q)
		for range 5 {
			u := sentence()
			if rng.IntN(2) == 0 {
				u = q + words[rng.IntN(len(words))]
			}
			for _, floor := range []float64{0.3, 0.6, 0.75, 0.9, 0.99} {
				n := Normalize(u)
				got, ok := sc.Score(n, floor)
				want := Similarity(q, u)
				if ok != (want >= floor) || ok && got != want {
					t.Fatalf("Score(%q, %q, %v) = %v, %v; Similarity %v", q, u, floor, got, ok, want)
				}
				if sc.s.my != nil {
					wide++
				}
			}
		}
	}
	if wide == 0 {
		t.Error("no score took the bit-parallel distance")
	}
}
