package align

import (
	"math"
	"unicode/utf8"
)

// Unit is one block or sentence to align: its text and its anchors — normalised keys of glossary terms and numbers
// found in it (e.g. "term:he", "num:2021"), once per occurrence; the caller computes them.
type Unit struct {
	Text    string
	Len     int // length measure; if 0, Align uses the number of runes of Text
	Anchors []string
}

// Link joins source units Src to target units Tgt (indices, ascending); one side may be empty (1:0, 0:1).
// Cost is the link's share of the alignment cost (lower is more certain; it may be negative when anchors agree).
type Link struct {
	Src, Tgt []int
	Cost     float64
}

// Variance is s², the variance of a target length per unit of source length, in units of c² (c being the
// expected target/source length ratio), so that δ = (l₂ − l₁c)/√(l₁·Variance·c²) is a standard normal
// deviate whatever the scripts. Gale & Church measured 6.8 for European languages (c ≈ 1); the NTREX-128
// news sentences give 4.8 for English–Khmer and 5.0 for English–Japanese. The paper's larger value is kept:
// it tolerates freer translations.
const Variance = 6.8

// Priors of the match types, from Gale & Church (1993), table 5; as in their program, 1:0 and 0:1 each get
// the probability of the pair of types, and so do 2:1 and 1:2.
const (
	prior11   = 0.89
	prior10   = 0.0099
	prior21   = 0.089
	skipBlock = 0.0099
)

// Anchor evidence, in the same units as the length cost (negative log probabilities). A link whose sides share
// all their anchors gains AnchorBonus; one whose sides both have anchors but share none pays AnchorConflict.
// AnchorMiss is paid, in sentence alignment, for each anchor occurrence on one side of a link only: about
// −log 0.05, a faithful translation dropping a name or a number about one time in twenty. Block
// alignment does not pay it: a block that lost a sentence is still the same block.
const (
	AnchorBonus    = 4.0
	AnchorConflict = 4.0
	AnchorMiss     = 3.0
)

// PlausibleDelta is the largest |δ| of a 1:1 sentence link that Sentences accepts without running the
// dynamic programme when both sides have as many sentences (a two-sided 0.3 % tail).
const PlausibleDelta = 3.0

// lengths returns each unit's length measure and their total.
func lengths(units []Unit) ([]float64, float64) {
	ls := make([]float64, len(units))
	total := 0.0
	for i, u := range units {
		l := u.Len
		if l == 0 {
			l = utf8.RuneCountInString(u.Text)
		}
		ls[i] = float64(l)
		total += ls[i]
	}
	return ls, total
}

// ratio is the expected target/source length ratio; 1 when either side is empty.
func ratio(srcTotal, tgtTotal float64) float64 {
	if srcTotal <= 0 || tgtTotal <= 0 {
		return 1
	}
	return tgtTotal / srcTotal
}

// ratioFactors scale the first estimate of the length ratio. A unit dropped from or added to a short text
// biases total target / total source by tens of percent, enough to trap the programme in a wrong alignment
// whose 1:1 links confirm the wrong ratio; trying a few ratios around the estimate escapes the trap.
var ratioFactors = []float64{1, 0.7, 0.85, 1.2, 1.4}

// fit runs an alignment for each candidate ratio around c0, re-estimates the ratio from the 1:1 links of each
// result and aligns again, and returns the alignment of least total cost.
func fit(c0 float64, sl, tl []float64, run func(c float64) []Link) []Link {
	var best []Link
	bestCost := math.Inf(1)
	for _, f := range ratioFactors {
		links := run(c0 * f)
		if c := refit(links, sl, tl); c > 0 {
			links = run(c)
		}
		if cost := total(links); cost < bestCost {
			best, bestCost = links, cost
		}
	}
	return best
}

// fitGiven aligns with the ratio c, then once more with the ratio of the resulting 1:1 links when that is
// within 20% of c, and returns the cheaper alignment.
func fitGiven(c float64, sl, tl []float64, run func(c float64) []Link) []Link {
	best := run(c)
	if r := refit(best, sl, tl); r > 0.8*c && r < 1.2*c {
		if links := run(r); total(links) < total(best) {
			best = links
		}
	}
	return best
}

func total(links []Link) float64 {
	t := 0.0
	for _, l := range links {
		t += l.Cost
	}
	return t
}

// refit estimates the ratio from the 1:1 links of an alignment, which leaves out dropped or added units; it
// returns 0 when there are none.
func refit(links []Link, sl, tl []float64) float64 {
	var s, t float64
	for _, l := range links {
		if len(l.Src) == 1 && len(l.Tgt) == 1 {
			s += sl[l.Src[0]]
			t += tl[l.Tgt[0]]
		}
	}
	if s <= 0 || t <= 0 {
		return 0
	}
	return t / s
}

// delta is Gale & Church's δ, with the mean of both lengths (in source units) under the root as in their
// program, so that a link with one empty side still has a finite deviate.
func delta(l1, l2, c float64) float64 {
	mean := (l1 + l2/c) / 2
	if mean <= 0 {
		return 0
	}
	return (l2 - l1*c) / math.Sqrt(mean*Variance*c*c)
}

// tailCost is −log P(|Z| ≥ |d|) for a standard normal Z, using the asymptotic form where erfc underflows.
func tailCost(d float64) float64 {
	x := math.Abs(d) / math.Sqrt2
	if x < 25 {
		return -math.Log(math.Erfc(x))
	}
	return x*x + math.Log(x*math.Sqrt(math.Pi))
}

// bag is a multiset of anchors: how many times each occurs in a unit or run of units.
type bag map[string]int

// anchorCost is the anchor term of a link between the anchor bags a and b, with J = Σmin/Σmax their multiset
// Jaccard overlap: −AnchorBonus·J plus miss for each occurrence on one side only, or AnchorConflict when
// both sides have anchors and share none; when only one side has anchors, miss for each. Counting occurrences, not kinds, is what
// lets a dropped sentence stand out: two English sentences that both name a minister do not fold into one
// translated sentence that names him once.
func anchorCost(a, b bag, miss float64) float64 {
	if len(a) == 0 || len(b) == 0 {
		// Anchors on one side only: each is a miss (a dropped sentence's names and numbers are nowhere in
		// the sentence it would be folded into).
		return miss * float64(count(a)+count(b))
	}
	shared, union := 0, 0
	for k, n := range a {
		m := b[k]
		shared += min(n, m)
		union += max(n, m)
	}
	for k, m := range b {
		if _, ok := a[k]; !ok {
			union += m
		}
	}
	if shared == 0 {
		return AnchorConflict
	}
	return -AnchorBonus*float64(shared)/float64(union) + miss*float64(union-shared)
}

func count(b bag) int {
	n := 0
	for _, k := range b {
		n += k
	}
	return n
}

// anchorSet returns the anchor bag of units[from:to].
func anchorSet(units []Unit, from, to int) bag {
	set := bag{}
	for _, u := range units[from:to] {
		for _, a := range u.Anchors {
			set[a]++
		}
	}
	return set
}

// anchorSets returns the anchor bag of each unit.
func anchorSets(units []Unit) []bag {
	sets := make([]bag, len(units))
	for i := range units {
		sets[i] = anchorSet(units, i, i+1)
	}
	return sets
}

// pairSets returns the anchor bag of each pair of adjacent units, indexed by the first.
func pairSets(units []Unit) []bag {
	sets := make([]bag, len(units))
	for i := range units {
		sets[i] = anchorSet(units, i, min(i+2, len(units)))
	}
	return sets
}

// move is one step of the dynamic programme: ds source and dt target units.
type move struct{ ds, dt int }

// program runs the alignment dynamic programme over n source and m target units with the given moves and
// link cost, and returns the cheapest alignment.
func program(n, m int, moves []move, cost func(i, j int, mv move) float64) []Link {
	w := m + 1
	best := make([]float64, (n+1)*w)
	from := make([]int8, (n+1)*w)
	for k := range best {
		best[k] = math.Inf(1)
	}
	best[0] = 0
	for i := 0; i <= n; i++ {
		for j := 0; j <= m; j++ {
			if i == 0 && j == 0 {
				continue
			}
			for k, mv := range moves {
				pi, pj := i-mv.ds, j-mv.dt
				if pi < 0 || pj < 0 || math.IsInf(best[pi*w+pj], 1) {
					continue
				}
				if c := best[pi*w+pj] + cost(pi, pj, mv); c < best[i*w+j] {
					best[i*w+j] = c
					from[i*w+j] = int8(k)
				}
			}
		}
	}
	var links []Link
	for i, j := n, m; i > 0 || j > 0; {
		mv := moves[from[i*w+j]]
		pi, pj := i-mv.ds, j-mv.dt
		links = append(links, Link{Src: span(pi, i), Tgt: span(pj, j), Cost: best[i*w+j] - best[pi*w+pj]})
		i, j = pi, pj
	}
	for a, b := 0, len(links)-1; a < b; a, b = a+1, b-1 {
		links[a], links[b] = links[b], links[a]
	}
	return links
}

// span returns the indices [from, to), or nil when empty.
func span(from, to int) []int {
	if from == to {
		return nil
	}
	s := make([]int, 0, to-from)
	for k := from; k < to; k++ {
		s = append(s, k)
	}
	return s
}
