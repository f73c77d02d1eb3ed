package align

import "math"

// Blocks aligns the blocks (paragraphs) of a source document with those of its translation. Links are 1:1,
// 1:0 (a block missing from the translation) or 0:1 (a block added); they come in order and cover every index
// of both sides exactly once.
//
// A 1:1 link costs −log P(1:1) − log P(δ) with δ the Gale & Church length deviate, plus the anchor term; a
// skipped block costs −log P(1:0), whatever its length, so that a long dropped paragraph is skipped rather
// than forced onto its neighbours. It returns a *TooLargeError, and no links, when the alignment would
// exceed opt.MaxCells.
func Blocks(src, tgt []Unit, opt Options) ([]Link, error) {
	sl, st := lengths(src)
	tl, tt := lengths(tgt)
	sa, ta, nIDs := intern(src, tgt, false)
	b, err := plan(len(src), len(tgt), sa, ta, nIDs, opt)
	if err != nil {
		return nil, err
	}
	moves := []move{{1, 1}, {1, 0}, {0, 1}}
	pr := opt.Model.priors()
	// The variance calibrated on sentences is too tight for blocks: headings, datelines and list items vary
	// more in length between languages than running sentences do.
	v := max(opt.Model.variance(), GaleChurchVariance)
	skip := -math.Log(pr.P10)
	match := -math.Log(pr.P11)
	// The anchor term of a 1:1 link does not depend on the ratio: for fit, which runs the programme for several
	// ratios, it is computed once for each cell of the band; a larger alignment, run once or twice, computes it
	// as it goes.
	var anchorAt []float64
	if b.cells <= searchCells {
		anchorAt = make([]float64, b.cells)
		for i := range src {
			for j := b.lo[i]; j <= min(b.hi[i], len(tgt)-1); j++ {
				anchorAt[b.off[i]+int64(j-b.lo[i])] = anchorCost(sa[i], ta[j], 0)
			}
		}
	}
	prog := newProgramme(len(src), len(tgt), b, moves, skip)
	run := func(c float64) []Link {
		return prog.run(func(i, j int, _ move) float64 { // 1:1
			var a float64
			if anchorAt != nil {
				a = anchorAt[b.off[i]+int64(j-b.lo[i])]
			} else {
				a = anchorCost(sa[i], ta[j], 0)
			}
			return match + tailCost(delta(sl[i], tl[j], c, v)) + a
		})
	}
	c := ratio(st, tt)
	if b.cells > searchCells {
		return fitGiven(c, sl, tl, b.cells, run), nil
	}
	return fit(c, opt.Model.Ratio, sl, tl, run), nil
}

// plan returns the band of an alignment of n with m units anchored by their shared hapax anchors, or a
// *TooLargeError when it exceeds the limit of opt.
func plan(n, m int, sa, ta anchors, nIDs int, opt Options) (*band, error) {
	limit := opt.MaxCells
	if limit <= 0 {
		limit = DefaultMaxCells
	}
	// Refuse before building anything when even the narrowest band is too large.
	if narrow := int64(n+1) * int64(min(m+1, 2*(bandMargin+abs(n-m))+1)); narrow > limit {
		return nil, &TooLargeError{Src: n, Tgt: m, Cells: narrow, Limit: limit}
	}
	b := newBand(n, m, hapaxPairs(sa, ta, nIDs, bandMargin+abs(n-m)))
	if b.cells > limit {
		return nil, &TooLargeError{Src: n, Tgt: m, Cells: b.cells, Limit: limit}
	}
	return b, nil
}
