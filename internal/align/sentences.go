package align

import "math"

// Sentences aligns the sentences of a source block with those of its translation, after Gale & Church (1993).
// When both sides have as many sentences and every 1:1 pair is plausible (|δ| ≤ PlausibleDelta and no anchor
// conflict) the result is 1:1. Otherwise a dynamic programme chooses among 1:1, 1:2, 2:1, 1:0 and 0:1 links,
// each costing −log P(match type) − log P(δ | match) plus the anchor term. Links come in order and cover every
// index of both sides exactly once.
//
// A 1:0 or 0:1 link costs −log P(1:0) plus the length cost of a link at |δ| = PlausibleDelta, whatever the
// sentence's length. Gale & Church's program instead scores it by the δ of its one length, which grows with
// the length and makes a long dropped sentence dearer than any misalignment of its neighbours. A short
// dropped sentence is still absorbed by a neighbour (a 2:1 link), which is cheaper than a skip.
func Sentences(src, tgt []Unit) []Link { return SentencesRatio(src, tgt, 0) }

// SentencesRatio is Sentences with the expected target/source length ratio c given by the caller, typically
// measured over the whole document pair: a block's own ratio is biased by the very sentence that was dropped
// from it. With c ≤ 0 the ratio is estimated from the two blocks, as Sentences does.
func SentencesRatio(src, tgt []Unit, c float64) []Link {
	sl, st := lengths(src)
	tl, tt := lengths(tgt)
	given := c > 0
	if !given {
		c = ratio(st, tt)
	}
	if len(src) == len(tgt) {
		if links, ok := oneToOne(src, tgt, sl, tl, c); ok {
			return links
		}
	}
	moves := []move{{1, 1}, {1, 0}, {0, 1}, {2, 1}, {1, 2}}
	skip := -math.Log(prior10) + tailCost(PlausibleDelta)
	// Anchor sets of single units and of adjacent pairs, computed once for every run of the programme.
	sa, sa2 := anchorSets(src), pairSets(src)
	ta, ta2 := anchorSets(tgt), pairSets(tgt)
	set := func(single, pair []bag, k, n int) bag {
		if n == 2 {
			return pair[k]
		}
		return single[k]
	}
	run := func(c float64) []Link {
		return program(len(src), len(tgt), moves, func(i, j int, mv move) float64 {
			if mv.ds == 0 || mv.dt == 0 {
				return skip
			}
			l1, l2 := sum(sl[i:i+mv.ds]), sum(tl[j:j+mv.dt])
			prior := prior11
			if mv.ds+mv.dt == 3 {
				prior = prior21
			}
			return -math.Log(prior) + tailCost(delta(l1, l2, c)) +
				anchorCost(set(sa, sa2, i, mv.ds), set(ta, ta2, j, mv.dt), AnchorMiss)
		})
	}
	if given {
		// The document's ratio is not biased by this block's dropped or added sentence: use it, refined
		// from the 1:1 links it yields, rather than searching around it.
		return fitGiven(c, sl, tl, run)
	}
	return fit(c, sl, tl, run)
}

// oneToOne pairs the sentences in order when every pair is plausible.
func oneToOne(src, tgt []Unit, sl, tl []float64, c float64) ([]Link, bool) {
	links := make([]Link, len(src))
	for i := range src {
		d := delta(sl[i], tl[i], c)
		a := anchorCost(anchorSet(src, i, i+1), anchorSet(tgt, i, i+1), 0)
		if math.Abs(d) > PlausibleDelta || a > 0 {
			return nil, false
		}
		links[i] = Link{Src: []int{i}, Tgt: []int{i}, Cost: -math.Log(prior11) + tailCost(d) + a}
	}
	return links, true
}

func sum(xs []float64) float64 {
	t := 0.0
	for _, x := range xs {
		t += x
	}
	return t
}
