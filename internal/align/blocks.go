package align

import "math"

// Blocks aligns the blocks (paragraphs) of a source document with those of its translation. Links are 1:1,
// 1:0 (a block missing from the translation) or 0:1 (a block added); they come in order and cover every index
// of both sides exactly once.
//
// A 1:1 link costs −log P(1:1) − log P(δ) with δ the Gale & Church length deviate, plus the anchor term; a
// skipped block costs −log 0.0099, whatever its length, so that a long dropped paragraph is skipped rather
// than forced onto its neighbours.
func Blocks(src, tgt []Unit) []Link {
	sl, st := lengths(src)
	tl, tt := lengths(tgt)
	sa, ta := anchorSets(src), anchorSets(tgt)
	moves := []move{{1, 1}, {1, 0}, {0, 1}}
	skip := -math.Log(skipBlock)
	run := func(c float64) []Link {
		return program(len(src), len(tgt), moves, func(i, j int, mv move) float64 {
			if mv.ds == 0 || mv.dt == 0 {
				return skip
			}
			return -math.Log(prior11) + tailCost(delta(sl[i], tl[j], c)) + anchorCost(sa[i], ta[j], 0)
		})
	}
	c := ratio(st, tt)
	return fit(c, sl, tl, run)
}
