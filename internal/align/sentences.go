package align

import (
	"math"
	"slices"
)

// Sentences aligns the sentences of a source block with those of its translation, after Gale & Church (1993).
// When both sides have as many sentences and every 1:1 pair is plausible (|δ| ≤ PlausibleDelta and no anchor
// conflict) the result is 1:1. Otherwise a dynamic programme chooses among 1:1, 1:2, 2:1, 1:3, 3:1, 2:2, 1:4, 2:3, 3:2, 1:0
// and 0:1 links, each costing −log P(match type) − log P(δ | match) plus the anchor term, with the priors and
// variance of opt.Model, plus QuoteCut for a link that ends inside a quotation on one side only. Links come in order and cover every index of both sides exactly once.
//
// A 1:0 or 0:1 link costs −log P(1:0) plus the length cost of a link at |δ| = SkipDelta, whatever the
// sentence's length and anchors. (Gale & Church's program scores it by the δ of its one length, which grows
// with the length and makes a long dropped sentence dearer than any misalignment of its neighbours.) A dropped
// sentence is thus found by length alone when folding it into a neighbour would stretch that link's δ to about
// 2.3 or more, which a sentence of half its neighbour's length or more does.
//
// The length ratio is opt.Ratio when the caller measured it over the document, else it is estimated from the
// two blocks. It returns a *TooLargeError, and no links, when the alignment would exceed opt.MaxCells.
func Sentences(src, tgt []Unit, opt Options) ([]Link, error) {
	sl, st := lengths(src)
	tl, tt := lengths(tgt)
	v := opt.Model.variance()
	given := opt.Ratio > 0
	c := opt.Ratio
	if !given {
		c = ratio(st, tt)
	}
	if len(src) == len(tgt) {
		if links, ok := oneToOne(pairAnchors(src, tgt), sl, tl, c, v, opt.Model.priors()); ok {
			return links, nil
		}
	}
	sa, ta, nIDs := intern(src, tgt, true)
	b, err := plan(len(src), len(tgt), sa, ta, nIDs, opt)
	if err != nil {
		return nil, err
	}
	pr := opt.Model.priors()
	moves := []move{{1, 1}, {1, 0}, {0, 1}, {2, 1}, {1, 2}, {3, 1}, {1, 3}, {2, 2}, {1, 4}, {2, 3}, {3, 2}}
	var prior [4][5]float64 // by source and target units of a move
	for _, p := range []struct {
		mv move
		p  float64
	}{{move{1, 1}, pr.P11}, {move{1, 0}, pr.P10}, {move{0, 1}, pr.P10}, {move{2, 1}, pr.P21}, {move{1, 2}, pr.P12},
		{move{3, 1}, pr.P31}, {move{1, 3}, pr.P13}, {move{2, 2}, pr.P22}, {move{1, 4}, pr.P14}, {move{2, 3}, pr.P23}, {move{3, 2}, pr.P32}} {
		prior[p.mv.ds][p.mv.dt] = -math.Log(p.p)
	}
	skip := prior[1][0] + tailCost(SkipDelta)
	sp, tp := prefix(sl), prefix(tl)
	sr, tr := newRuns(sa), newRuns(ta)
	sq, tq := quoteStates(src), quoteStates(tgt)
	prog := newProgramme(len(src), len(tgt), b, moves, skip)
	run := func(c float64) []Link {
		return prog.run(func(i, j int, mv move) float64 {
			if i+mv.ds > len(src) || j+mv.dt > len(tgt) {
				return math.Inf(1)
			}
			l1, l2 := sp[i+mv.ds]-sp[i], tp[j+mv.dt]-tp[j]
			return quoteCut(sq[i+mv.ds], tq[j+mv.dt]) + prior[mv.ds][mv.dt] + tailCost(delta(l1, l2, c, v)) + anchorCost(sr.of(i, mv.ds), tr.of(j, mv.dt), AnchorMiss)
		})
	}
	if given || b.cells > searchCells {
		// The document's ratio is not biased by this block's dropped or added sentence: use it, refined
		// from the 1:1 links it yields, rather than searching around it.
		return fitGiven(c, sl, tl, b.cells, run), nil
	}
	return fit(c, opt.Model.Ratio, sl, tl, run), nil
}

// SkipDelta sets the cost of a sentence without counterpart: −log P(1:0) plus the length cost of a link at
// |δ| = SkipDelta. On NTREX-128 (TestEvalNTREX), 1 finds about half of the dropped sentences that hold no number
// (measured while tuning: 0 found 0.61 km, 0.50 ja; 1: 0.52, 0.47; 2: 0.42, 0.37; about 3, Gale & Church's
// program: 0.28, 0.23) while leaving no sentence of the unaltered paragraphs unpaired in Khmer and two of 1,997
// in Japanese (0 left 1 and 7; 2 left none and 1, for no gain in precision).
const SkipDelta = 1.0

// oneToOne pairs the sentences in order when every pair is plausible; anchor(i) is the anchor term of the pair
// i (pairAnchors).
func oneToOne(anchor func(i int) float64, sl, tl []float64, c, v float64, pr Priors) ([]Link, bool) {
	links := make([]Link, len(sl))
	// Every link's one index on each side is cut from one array, made once, instead of two slices per link:
	// most paragraphs are paired here, a link per sentence.
	idx := make([]int, 2*len(sl))
	for i := range sl {
		d := delta(sl[i], tl[i], c, v)
		a := anchor(i)
		if math.Abs(d) > PlausibleDelta || a > 0 {
			return nil, false
		}
		idx[2*i], idx[2*i+1] = i, i
		links[i] = Link{Src: idx[2*i : 2*i+1 : 2*i+1], Tgt: idx[2*i+1 : 2*i+2 : 2*i+2], Cost: -math.Log(pr.P11) + tailCost(d) + a}
	}
	return links, true
}

// pairAnchors returns the anchor term without misses, anchorCost(sa[i], ta[i], 0) of the units' interned anchors,
// of the link of src[i] with tgt[i]. Most pairs of blocks hold few anchors in their sentences, and all but a few
// are paired one to one: their terms are read from the keys themselves, which costs less than interning them
// (intern was two thirds of Sentences); more anchors than internScan are interned.
func pairAnchors(src, tgt []Unit) func(i int) float64 {
	total := 0
	for i := range src {
		total += len(src[i].Anchors) + len(tgt[i].Anchors)
	}
	if total > internScan {
		sa, ta, _ := intern(src, tgt, true)
		return func(i int) float64 { return anchorCost(sa[i], ta[i], 0) }
	}
	return func(i int) float64 { return keyAnchorCost(src, src[i].Anchors, tgt[i].Anchors) }
}

// keyAnchorCost is anchorCost(a, b, 0) of the interned anchors of a source and a target sentence, from their keys a
// and b, at most internScan of them: b without the keys that no unit of src has, as intern leaves it, and the
// multiset intersection of the two counted by matching each key of b with an unmatched equal key of a. Without
// misses, a weak anchor counts as any other.
func keyAnchorCost(src []Unit, a, b []string) float64 {
	if len(a) == 0 {
		return 0
	}
	shared, kept := 0, 0
	var matched uint64 // of a, by index
	for _, k := range b {
		if !hasAnchor(src, k) {
			continue
		}
		kept++
		for x, ka := range a {
			if matched&(1<<x) == 0 && ka == k {
				matched |= 1 << x
				shared++
				break
			}
		}
	}
	if kept == 0 {
		return 0
	}
	return overlapCost(shared, len(a)+kept-shared, 0, 0)
}

// hasAnchor reports whether a unit of us has the anchor key.
func hasAnchor(us []Unit, key string) bool {
	for _, u := range us {
		if slices.Contains(u.Anchors, key) {
			return true
		}
	}
	return false
}
