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

// TestMyersWithin checks the bounded distance of a start of the query against the full Levenshtein distance, at
// bounds below and above it: the distance when it is within the bound, one more than the bound when it is not,
// across the blocks of 64 code points.
func TestMyersWithin(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	alphabets := [][]rune{[]rune("abc "), []rune("កខគ្ា"), []rune("あいう国")}
	for range 300 {
		al := alphabets[rng.IntN(len(alphabets))]
		q := make([]rune, rng.IntN(200))
		for i := range q {
			q[i] = al[rng.IntN(len(al))]
		}
		my := newMyers(q)
		for range 10 {
			n := rng.IntN(len(q) + 1)
			b := append([]rune{}, q[:n]...)
			for range rng.IntN(20) {
				i := rng.IntN(len(b) + 1)
				b = append(b[:i], append([]rune{al[rng.IntN(len(al))]}, b[i:]...)...)
			}
			want := levenshtein.ComputeDistance(string(q[:n]), string(b))
			for _, k := range []int{0, want / 2, want - 1, want, want + 1, 3 * want} {
				if k < 0 {
					continue
				}
				if got := my.within(n, b, k); got != min(want, k+1) {
					t.Fatalf("within(%d, %q, %d) of %q = %d, want %d", n, string(b), k, string(q), got, min(want, k+1))
				}
			}
		}
	}
}

// TestBitParallelCutsEnds checks a scorer's bit-parallel distance, which cuts the longer of the common start and
// end of the query and a text, against the full Levenshtein distance on templated pairs (a long common start, a
// long common end, or both), bounded as the score asks; both cuts are taken.
func TestBitParallelCutsEnds(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	al := []rune("abcdefg កខあい")
	word := func(n int) []rune {
		r := make([]rune, n)
		for i := range r {
			r[i] = al[rng.IntN(len(al))]
		}
		return r
	}
	var starts, ends int
	for range 500 {
		head, tail := word(rng.IntN(120)), word(rng.IntN(120))
		q := append(append(append([]rune{}, head...), word(rng.IntN(30))...), tail...)
		u := append(append(append([]rune{}, head[:rng.IntN(len(head)+1)]...), word(rng.IntN(30))...), tail[rng.IntN(len(tail)+1):]...)
		s := scorer{qr: q, ur: u}
		want := levenshtein.ComputeDistance(string(q), string(u))
		for _, k := range []int{want - 1, want, want + 5} {
			if k < 0 {
				continue
			}
			if got := s.bitParallel(k); got != min(want, k+1) {
				t.Fatalf("bitParallel(%d) of %q and %q = %d, want %d", k, string(q), string(u), got, min(want, k+1))
			}
		}
		if s.rev != nil {
			starts++
			s.rev = nil
		} else {
			ends++
		}
	}
	if starts == 0 || ends == 0 {
		t.Errorf("the common start was cut %d times, the common end %d: want both", starts, ends)
	}
}
