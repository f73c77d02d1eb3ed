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
