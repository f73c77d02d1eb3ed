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
	pr := opt.Model.priors()
	// The variance calibrated on sentences is too tight for blocks: headings, datelines and list items vary
	// more in length between languages than running sentences do.
	k := &blockCosts{sl: sl, tl: tl, sa: sa, ta: ta, b: b, match: -math.Log(pr.P11), v: max(opt.Model.variance(), GaleChurchVariance)}
	scratch := make([]float64, len(sl)+len(tl)+len(tl)+1)
	k.lc, k.tc, k.row = scratch[:len(sl)], scratch[len(sl):len(sl)+len(tl)], scratch[len(sl)+len(tl):]
	// The anchor term of a 1:1 link does not depend on the ratio: for fit, which runs the programme for several
	// ratios, it is computed once for each cell of the band; a larger alignment, run once or twice, computes it
	// as it goes.
	if b.cells <= searchCells {
		k.anchorAt = make([]float64, b.cells)
		for i := range src {
			for j := b.lo[i]; j <= min(b.hi[i], len(tgt)-1); j++ {
				k.anchorAt[b.off[i]+int64(j-b.lo[i])] = anchorCost(sa[i], ta[j], 0)
			}
		}
	}
	prog := newProgramme(len(src), len(tgt), b, blockMoves, -math.Log(pr.P10))
	run := func(c float64) []Link { return k.run(prog, c) }
	c := ratio(st, tt)
	if b.cells > searchCells {
		return fitGiven(c, sl, tl, b.cells, run), nil
	}
	return fit(c, opt.Model.Ratio, sl, tl, run), nil
}

// blockMoves are the moves of Blocks, in the order in which blockCosts.run tries them.
var blockMoves = []move{{1, 1}, {1, 0}, {0, 1}}

// blockCosts are what the cost of a 1:1 link of Blocks is made of, and the memory of a run.
type blockCosts struct {
	sl, tl   []float64 // the units' lengths
	sa, ta   anchors
	b        *band
	match, v float64   // −log P(1:1), and the variance
	anchorAt []float64 // the anchor term by cell of the band, or nil to compute it in each run
	lc, tc   []float64 // by run: each source length times the ratio, each target length divided by it
	row      []float64 // by row: the cost of the 1:1 link into each cell
}

// costs sets out[x] to the cost of the 1:1 link of source unit i with target unit j+x at the ratio c of the
// current run: the costs of a row, each independent of the others, in a loop of their own.
func (k *blockCosts) costs(i, j int, c float64, out []float64) {
	l1, l1c := k.sl[i], k.lc[i]
	tl, tc := k.tl[j:j+len(out)], k.tc[j:j+len(out)]
	var at []float64
	if k.anchorAt != nil {
		off := k.b.off[i] + int64(j-k.b.lo[i])
		at = k.anchorAt[off : off+int64(len(out))]
	}
	for x := range out {
		d := math.Abs(deltaOf(l1, l1c, tl[x], tc[x], c, k.v))
		// tailCost with its table read here: the call of its rare exact branch keeps tailCost from being inlined.
		t := 0.0
		if d < tailMax {
			t = tailTabled(d)
		} else {
			t = tailCost(d)
		}
		a := 0.0
		if at != nil {
			a = at[x]
		} else {
			a = anchorCost(k.sa[i], k.ta[j+x], 0)
		}
		out[x] = k.match + t + a
	}
}

// run is programme.run for the moves of Blocks, with the same result: the programme of every target document of
// every release, run for five ratios. The costs of a row's 1:1 links are computed in a loop of their own
// (costs) before the row's cells choose their moves; asked for by each cell as it chose, through a function
// value, they took longer than the rest of the programme, their long chain of arithmetic stalled by the
// branches between.
func (k *blockCosts) run(p *programme, c float64) []Link {
	p.prepare()
	b, from, skip := p.b, p.from, p.skip
	for i, l := range k.sl {
		k.lc[i] = l * c
	}
	for j, l := range k.tl {
		k.tc[j] = l / c
	}
	inf := math.Inf(1)
	var prev []float64
	plo, phi := 0, -1 // the previous row's columns; none before the first row
	for i := 0; i <= p.n; i++ {
		lo, hi := b.lo[i], b.hi[i]
		row := p.rows[i%2][:hi-lo+1]
		back := from[b.off[i] : b.off[i]+int64(hi-lo+1)]
		// A 1:1 link into (i, j) comes from (i-1, j-1), in the previous row's band.
		mlo, mhi := max(lo, plo+1), min(hi, phi+1)
		match := k.row[:max(0, mhi-mlo+1)]
		if len(match) > 0 {
			k.costs(i-1, mlo-1, c, match)
		}
		for j := lo; j <= hi; j++ {
			best, mv := inf, int8(-1)
			if j >= mlo && j <= mhi {
				if pc := prev[j-1-plo]; pc != inf {
					if x := pc + match[j-mlo]; x < best {
						best, mv = x, 0
					}
				}
			}
			if j >= plo && j <= phi {
				if pc := prev[j-plo]; pc != inf {
					if x := pc + skip; x < best {
						best, mv = x, 1
					}
				}
			}
			if j > lo {
				if pc := row[j-1-lo]; pc != inf {
					if x := pc + skip; x < best {
						best, mv = x, 2
					}
				}
			}
			if i == 0 && j == 0 {
				best = 0
			}
			row[j-lo], back[j-lo] = best, mv
		}
		prev, plo, phi = row, lo, hi
	}
	return p.path(func(i, j int, _ move) float64 {
		var cost [1]float64
		k.costs(i, j, c, cost[:])
		return cost[0]
	})
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
	// The anchors that cut the band are sought only for a band: most alignments, of a release's blocks and of
	// a block's sentences, fill their whole table.
	var points [][2]int
	if !wholeTable(n, m) {
		points = hapaxPairs(sa, ta, nIDs, bandMargin+abs(n-m))
	}
	b := newBand(n, m, points)
	if b.cells > limit {
		return nil, &TooLargeError{Src: n, Tgt: m, Cells: b.cells, Limit: limit}
	}
	return b, nil
}
