package tm

import (
	"math/rand/v2"
	"testing"

	"github.com/agnivade/levenshtein"
)

// TestBoundedDistance checks boundedDistance against the full Levenshtein distance on random strings over small
// alphabets (Latin, Khmer, Japanese), for every bound: the exact distance when it is within the bound, else
// the bound plus one.
func TestBoundedDistance(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabets := [][]rune{[]rune("abc "), []rune("កខគ្ា"), []rune("あいう国")}
	word := func(al []rune) []rune {
		r := make([]rune, rng.IntN(14))
		for i := range r {
			r[i] = al[rng.IntN(len(al))]
		}
		return r
	}
	var row []int
	for range 3000 {
		al := alphabets[rng.IntN(len(alphabets))]
		a, b := word(al), word(al)
		want := levenshtein.ComputeDistance(string(a), string(b))
		for k := 0; k <= 15; k++ {
			var got int
			got, row = boundedDistance(a, b, k, row)
			if w := min(want, k+1); got != w {
				t.Fatalf("boundedDistance(%q, %q, %d) = %d, want %d", string(a), string(b), k, got, w)
			}
		}
	}
}

// TestPrefixScore checks Search's banded prefix score against the score of the full Levenshtein distance of
// the query and the start of the text of the same length, 1 − d/|query|, on random strings in three scripts and
// at several thresholds: the same score to the bit when it reaches the threshold, and no match when it does not.
func TestPrefixScore(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	alphabets := [][]rune{[]rune("abc "), []rune("កខគ្ា"), []rune("あいう国")}
	word := func(al []rune, n int) []rune {
		r := make([]rune, n)
		for i := range r {
			r[i] = al[rng.IntN(len(al))]
		}
		return r
	}
	for range 3000 {
		al := alphabets[rng.IntN(len(alphabets))]
		q := word(al, 1+rng.IntN(16))
		text := word(al, len(q)+1+rng.IntN(10))
		if rng.IntN(2) == 0 { // a text that starts with a near copy of the query
			copy(text, q)
			text[rng.IntN(len(q))] = al[rng.IntN(len(al))]
		}
		d := levenshtein.ComputeDistance(string(q), string(text[:len(q)]))
		want := 1 - float64(d)/float64(len(q))
		for _, threshold := range []float64{0.3, 0.5, 0.75, 0.9, 1} {
			s := scorer{qr: q}
			got, ok := s.prefixScore(string(text), threshold)
			if ok != (want >= threshold) || ok && got != want {
				t.Fatalf("prefixScore(%q, %q, %v) = %v, %v; want %v", string(q), string(text), threshold, got, ok, want)
			}
		}
	}
}
