package align

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// The aligners as they were before the programme kept its memory across runs and intern its ids in one array: Blocks and Sentences must give
// the same links, costs included, to the last bit.

func referenceBlocks(src, tgt []Unit, opt Options) ([]Link, error) {
	sl, st := lengths(src)
	tl, tt := lengths(tgt)
	sa, ta, nIDs := referenceIntern(src, tgt, false)
	b, err := plan(len(src), len(tgt), sa, ta, nIDs, opt)
	if err != nil {
		return nil, err
	}
	moves := []move{{1, 1}, {1, 0}, {0, 1}}
	pr := opt.Model.priors()
	v := max(opt.Model.variance(), GaleChurchVariance)
	skip := -math.Log(pr.P10)
	match := -math.Log(pr.P11)
	run := func(c float64) []Link {
		return referenceProgram(len(src), len(tgt), b, moves, func(i, j int, mv move) float64 {
			if mv.ds == 0 || mv.dt == 0 {
				return skip
			}
			return match + tailCost(delta(sl[i], tl[j], c, v)) + anchorCost(sa[i], ta[j], 0)
		})
	}
	c := ratio(st, tt)
	if b.cells > searchCells {
		return referenceFitGiven(c, sl, tl, b.cells, run), nil
	}
	return referenceFit(c, opt.Model.Ratio, sl, tl, run), nil
}

func referenceSentences(src, tgt []Unit, opt Options) ([]Link, error) {
	sl, st := lengths(src)
	tl, tt := lengths(tgt)
	sa, ta, nIDs := referenceIntern(src, tgt, true)
	v := opt.Model.variance()
	given := opt.Ratio > 0
	c := opt.Ratio
	if !given {
		c = ratio(st, tt)
	}
	if len(src) == len(tgt) {
		if links, ok := referenceOneToOne(sa, ta, sl, tl, c, v, opt.Model.priors()); ok {
			return links, nil
		}
	}
	b, err := plan(len(src), len(tgt), sa, ta, nIDs, opt)
	if err != nil {
		return nil, err
	}
	pr := opt.Model.priors()
	moves := []move{{1, 1}, {1, 0}, {0, 1}, {2, 1}, {1, 2}, {3, 1}, {1, 3}, {2, 2}, {1, 4}, {2, 3}, {3, 2}}
	var prior [4][5]float64
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
	run := func(c float64) []Link {
		return referenceProgram(len(src), len(tgt), b, moves, func(i, j int, mv move) float64 {
			if mv.ds == 0 || mv.dt == 0 {
				return skip
			}
			if i+mv.ds > len(src) || j+mv.dt > len(tgt) {
				return math.Inf(1)
			}
			l1, l2 := sp[i+mv.ds]-sp[i], tp[j+mv.dt]-tp[j]
			return quoteCut(sq[i+mv.ds], tq[j+mv.dt]) + prior[mv.ds][mv.dt] + tailCost(delta(l1, l2, c, v)) + anchorCost(sr.of(i, mv.ds), tr.of(j, mv.dt), AnchorMiss)
		})
	}
	if given || b.cells > searchCells {
		return referenceFitGiven(c, sl, tl, b.cells, run), nil
	}
	return referenceFit(c, opt.Model.Ratio, sl, tl, run), nil
}

func referenceFit(c0, prior float64, sl, tl []float64, run func(c float64) []Link) []Link {
	type result struct {
		c     float64
		links []Link
	}
	var done []result
	memo := func(c float64) []Link {
		for _, r := range done {
			if r.c == c {
				return r.links
			}
		}
		links := run(c)
		done = append(done, result{c, links})
		return links
	}
	var best []Link
	bestCost := math.Inf(1)
	for _, f := range ratioFactors {
		c := c0 * f
		links := memo(c)
		if r := refit(links, sl, tl); r > 0 {
			c = r
			links = memo(c)
		}
		cost := total(links)
		if prior > 0 {
			d := math.Log(c/prior) / RatioSpread
			cost += d * d / 2
		}
		if cost < bestCost {
			best, bestCost = links, cost
		}
	}
	return best
}

func referenceFitGiven(c float64, sl, tl []float64, cells int64, run func(c float64) []Link) []Link {
	best := run(c)
	if cells > refitCells {
		return best
	}
	if r := refit(best, sl, tl); r > 0.8*c && r < 1.2*c {
		if links := run(r); total(links) < total(best) {
			best = links
		}
	}
	return best
}

func referenceProgram(n, m int, b *band, moves []move, cost func(i, j int, mv move) float64) []Link {
	from := make([]int8, b.cells)
	const rows = 4
	best := make([][]float64, rows)
	for k := range best {
		best[k] = make([]float64, 0, 64)
	}
	inf := math.Inf(1)
	at := func(i, j int) float64 {
		if i < 0 || j < b.lo[i] || j > b.hi[i] {
			return inf
		}
		return best[i%rows][j-b.lo[i]]
	}
	for i := 0; i <= n; i++ {
		row := best[i%rows][:0]
		for j := b.lo[i]; j <= b.hi[i]; j++ {
			row = append(row, inf)
		}
		best[i%rows] = row
		for j := b.lo[i]; j <= b.hi[i]; j++ {
			if i == 0 && j == 0 {
				row[0] = 0
				from[0] = -1
				continue
			}
			bestCost, bestMove := inf, int8(-1)
			for k, mv := range moves {
				pi, pj := i-mv.ds, j-mv.dt
				if pj < 0 {
					continue
				}
				p := at(pi, pj)
				if math.IsInf(p, 1) {
					continue
				}
				if c := p + cost(pi, pj, mv); c < bestCost {
					bestCost, bestMove = c, int8(k)
				}
			}
			row[j-b.lo[i]] = bestCost
			from[b.off[i]+int64(j-b.lo[i])] = bestMove
		}
	}
	var links []Link
	for i, j := n, m; i > 0 || j > 0; {
		mv := moves[from[b.off[i]+int64(j-b.lo[i])]]
		pi, pj := i-mv.ds, j-mv.dt
		links = append(links, Link{Src: referenceSpan(pi, i), Tgt: referenceSpan(pj, j), Cost: cost(pi, pj, mv)})
		i, j = pi, pj
	}
	for a, z := 0, len(links)-1; a < z; a, z = a+1, z-1 {
		links[a], links[z] = links[z], links[a]
	}
	return links
}

// sameAsReference returns "" when Blocks and Sentences align src with tgt as their references do, to the bit,
// else what differs.
func sameAsReference(src, tgt []Unit, opt Options) string {
	for _, a := range []struct {
		name      string
		run, want func([]Unit, []Unit, Options) ([]Link, error)
	}{{"Blocks", Blocks, referenceBlocks}, {"Sentences", Sentences, referenceSentences}} {
		got, err := a.run(src, tgt, opt)
		want, werr := a.want(src, tgt, opt)
		var tl, wtl *TooLargeError
		if errors.As(err, &tl) != errors.As(werr, &wtl) || tl != nil && *tl != *wtl {
			return fmt.Sprintf("%s: error %v, reference %v", a.name, err, werr)
		}
		if !reflect.DeepEqual(got, want) {
			return fmt.Sprintf("%s:\n got %v\nwant %v", a.name, got, want)
		}
	}
	return ""
}

// TestAlignMatchesReference compares the aligners with their references on generated documents: translations
// with blocks and sentences dropped, split and added, anchored and not, in every length model, small enough
// for fit's search of ratios and large enough for fitGiven and a band.
func TestAlignMatchesReference(t *testing.T) {
	models := []Model{{}, EnglishKhmer, EnglishJapanese}
	scripts := []rune{'e', 'ក', 'あ'}
	ratios := []float64{1, 1.13, 0.45}
	for seed := uint64(1); seed <= 40; seed++ {
		r := rand.New(rand.NewPCG(seed, 11))
		n := 1 + r.IntN(12)
		if seed%8 == 0 {
			n = 100 + r.IntN(200)
		}
		k := r.IntN(len(models))
		src, tgt := doc(seed, n, ratios[k], scripts[k], seed%3 != 0)
		// Drop, split and add units at random, and a small count to some.
		var edited []Unit
		for _, u := range tgt {
			switch r.IntN(10) {
			case 0:
			case 1:
				h := len(u.Text) / 2
				edited = append(edited, Unit{Text: u.Text[:h], Anchors: u.Anchors}, Unit{Text: u.Text[h:]})
			case 2:
				// An added unit, with an anchor the source may lack (a count, weak; a term).
				added := Unit{Text: strings.Repeat(string(scripts[k]), 1+r.IntN(300))}
				if r.IntN(2) == 0 {
					added.Anchors = []string{fmt.Sprintf("num:%d", r.IntN(12)), "term:added"}
				}
				edited = append(edited, u, added)
			case 3:
				u.Anchors = append(slices.Clip(u.Anchors), fmt.Sprintf("num:%d", r.IntN(12)))
				edited = append(edited, u)
			default:
				edited = append(edited, u)
			}
		}
		opt := Options{Model: models[k]}
		if seed%4 == 1 {
			opt.Ratio = ratios[k] * (0.8 + 0.4*r.Float64())
		}
		if msg := sameAsReference(src, edited, opt); msg != "" {
			t.Fatalf("seed %d, %d with %d units: %s", seed, len(src), len(edited), msg)
		}
	}
}

func referenceSpan(from, to int) []int {
	if from == to {
		return nil
	}
	s := make([]int, 0, to-from)
	for k := from; k < to; k++ {
		s = append(s, k)
	}
	return s
}

func referenceIntern(src, tgt []Unit, sentences bool) (anchors, anchors, int) {
	var inSource map[string]bool // only sentences filter the target's anchors by it
	if sentences {
		inSource = map[string]bool{}
		for _, u := range src {
			for _, s := range u.Anchors {
				inSource[s] = true
			}
		}
	}
	ids := map[string]int32{}
	conv := func(us []Unit, filter bool) anchors {
		out := make(anchors, len(us))
		for i, u := range us {
			var a []int32
			for _, s := range u.Anchors {
				if filter && !inSource[s] {
					continue
				}
				id, ok := ids[s]
				if !ok {
					id = int32(len(ids))
					ids[s] = id
				}
				if weakAnchor(s) {
					id = -id - 1
				}
				a = append(a, id)
			}
			slices.Sort(a)
			out[i] = a
		}
		return out
	}
	s := conv(src, false)
	t := conv(tgt, sentences)
	return s, t, len(ids)
}

// referenceOneToOne is oneToOne as it was, with the anchors of both sides interned.
func referenceOneToOne(sa, ta anchors, sl, tl []float64, c, v float64, pr Priors) ([]Link, bool) {
	links := make([]Link, len(sl))
	for i := range sl {
		d := delta(sl[i], tl[i], c, v)
		a := anchorCost(sa[i], ta[i], 0)
		if math.Abs(d) > PlausibleDelta || a > 0 {
			return nil, false
		}
		links[i] = Link{Src: []int{i}, Tgt: []int{i}, Cost: -math.Log(pr.P11) + tailCost(d) + a}
	}
	return links, true
}

// TestPairAnchorsMatchesIntern: the anchor term of a pair of sentences read from their keys is the one of their
// interned anchors, to the bit, on random units with repeated keys, weak counts and keys the source lacks.
func TestPairAnchorsMatchesIntern(t *testing.T) {
	keys := []string{"term:he", "term:japan", "num:2", "num:2021", "num:7", "term:added"}
	r := rand.New(rand.NewPCG(3, 5))
	units := func(n, most int) []Unit {
		us := make([]Unit, n)
		for i := range us {
			for range r.IntN(most + 1) {
				us[i].Anchors = append(us[i].Anchors, keys[r.IntN(len(keys))])
			}
		}
		return us
	}
	for trial := 0; trial < 2000; trial++ {
		n := 1 + r.IntN(6)
		src, tgt := units(n, 4), units(n, 4)
		sa, ta, _ := intern(src, tgt, true)
		anchor := pairAnchors(src, tgt)
		for i := range src {
			if got, want := anchor(i), anchorCost(sa[i], ta[i], 0); math.Float64bits(got) != math.Float64bits(want) {
				t.Fatalf("%v with %v: pair %d costs %v, want %v", src, tgt, i, got, want)
			}
		}
	}
}
