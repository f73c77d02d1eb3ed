package align

import (
	"math"
	"sort"
)

// move is one step of the dynamic programme: ds source and dt target units.
type move struct{ ds, dt int }

// bandMargin is the half-width of the band around the anchored diagonal, in units, beyond the difference in
// counts of the stretch it crosses. Between two anchors the path can stray from the straight line by at most
// that difference (all drops at one end, all additions at the other); bandMargin adds room for merges and
// splits that the anchors do not see.
const bandMargin = 32

// band is the part of the (n+1)×(m+1) table the programme fills: row i covers columns lo[i]..hi[i].
type band struct {
	lo, hi []int
	off    []int64 // off[i] is the index of cell (i, lo[i]) in the flat arrays
	cells  int64
}

// hapaxPairs returns the pairs (i, j) of a source and a target unit that share an anchor occurring once on each
// side, in increasing order of both i and j (the longest such chain), within the global band of half-width w
// around the diagonal: the anchors that cut a long alignment into short pieces. Names and numbers repeated in
// a text anchor nothing; a pair far off the diagonal is more likely a coincidence than a landmark.
func hapaxPairs(sa, ta anchors, nIDs int, w int) [][2]int {
	n, m := len(sa), len(ta)
	if n == 0 || m == 0 || nIDs == 0 {
		return nil
	}
	count := func(a anchors) ([]int32, []int32) {
		c := make([]int32, nIDs)
		at := make([]int32, nIDs)
		for i, us := range a {
			for _, id := range us {
				c[index(id)]++
				at[index(id)] = int32(i)
			}
		}
		return c, at
	}
	sc, sat := count(sa)
	tc, tat := count(ta)
	var pairs [][2]int
	for id := 0; id < nIDs; id++ {
		if sc[id] != 1 || tc[id] != 1 {
			continue
		}
		i, j := int(sat[id]), int(tat[id])
		if abs(j*n-i*m) > w*n {
			continue
		}
		pairs = append(pairs, [2]int{i, j})
	}
	sort.Slice(pairs, func(a, b int) bool {
		if pairs[a][0] != pairs[b][0] {
			return pairs[a][0] < pairs[b][0]
		}
		return pairs[a][1] < pairs[b][1]
	})
	return longestChain(pairs)
}

// longestChain returns the longest subsequence of pairs (sorted by i) strictly increasing in both i and j,
// in O(k log k).
func longestChain(pairs [][2]int) [][2]int {
	if len(pairs) == 0 {
		return nil
	}
	tails := []int{} // tails[l] = index of the pair ending the best chain of length l+1
	prev := make([]int, len(pairs))
	for k, p := range pairs {
		// Strictly increasing j, and strictly increasing i: pairs with the same i compete for one place.
		l := sort.Search(len(tails), func(x int) bool {
			q := pairs[tails[x]]
			return q[1] >= p[1] || q[0] >= p[0]
		})
		if l > 0 {
			prev[k] = tails[l-1]
		} else {
			prev[k] = -1
		}
		if l == len(tails) {
			tails = append(tails, k)
		} else {
			tails[l] = k
		}
	}
	out := make([][2]int, len(tails))
	for k, x := len(tails)-1, tails[len(tails)-1]; k >= 0; k, x = k-1, prev[x] {
		out[k] = pairs[x]
	}
	return out
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// wholeTable reports whether the programme of n with m units fills its whole table, a band being no narrower.
func wholeTable(n, m int) bool { return n <= 2*bandMargin || m <= 2*bandMargin }

// newBand builds the band of an n×m programme through the anchor points (each a pair (i, j) meaning "unit i
// of the source and unit j of the target are linked"): along each stretch between two points, the straight
// line from one to the other, widened by the stretch's difference in counts plus bandMargin. Small inputs get
// the whole table. The band is made monotone and connected, so that (n, m) is always reachable from (0, 0).
func newBand(n, m int, points [][2]int) *band {
	b := &band{lo: make([]int, n+1), hi: make([]int, n+1), off: make([]int64, n+2)}
	if wholeTable(n, m) {
		for i := range b.lo {
			b.lo[i], b.hi[i] = 0, m
		}
	} else {
		for i := range b.lo {
			b.lo[i], b.hi[i] = m, 0
		}
		pts := append([][2]int{{0, 0}}, points...)
		pts = append(pts, [2]int{n, m})
		for k := 0; k+1 < len(pts); k++ {
			i0, j0, i1, j1 := pts[k][0], pts[k][1], pts[k+1][0], pts[k+1][1]
			w := bandMargin + abs((i1-i0)-(j1-j0))
			for i := i0; i <= i1; i++ {
				lo, hi := j0, j1
				if i1 > i0 {
					c := j0 + (i-i0)*(j1-j0)/(i1-i0)
					lo, hi = c, c
				}
				b.lo[i] = min(b.lo[i], max(0, lo-w))
				b.hi[i] = max(b.hi[i], min(m, hi+w))
			}
		}
		// Monotone: a later row never starts before an earlier one, nor ends before it.
		for i := n - 1; i >= 0; i-- {
			b.lo[i] = min(b.lo[i], b.lo[i+1])
		}
		b.lo[0] = 0
		for i := 1; i <= n; i++ {
			b.hi[i] = max(b.hi[i], b.hi[i-1])
		}
		b.hi[n] = m
		// Connected: each row reaches the next one's first column.
		for i := 0; i < n; i++ {
			b.hi[i] = max(b.hi[i], b.lo[i+1])
		}
	}
	for i := 0; i <= n; i++ {
		b.off[i+1] = b.off[i] + int64(b.hi[i]-b.lo[i]+1)
	}
	b.cells = b.off[n+1]
	return b
}

// programme is the dynamic programme of one alignment over its band with its moves, and the memory its runs
// share: fit runs it for several ratios, and each run would otherwise allocate its back pointers, one byte per
// cell, and its four rows of costs anew.
type programme struct {
	n, m  int
	b     *band
	moves []move
	skip  float64 // the cost of a move with one side empty (1:0, 0:1), which the programme adds without asking
	from  []int8
	rows  [4][]float64 // the longest move spans 3 source units
}

func newProgramme(n, m int, b *band, moves []move, skip float64) *programme {
	return &programme{n: n, m: m, b: b, moves: moves, skip: skip}
}

// prepare makes the memory of the programme's runs, once.
func (p *programme) prepare() {
	if p.from != nil {
		return
	}
	b := p.b
	p.from = make([]int8, b.cells)
	width := 0 // of the widest row
	for i := 0; i <= p.n; i++ {
		width = max(width, b.hi[i]-b.lo[i]+1)
	}
	for k := range p.rows {
		p.rows[k] = make([]float64, 0, width)
	}
}

// run runs the programme with the given cost of a link with both sides, and returns the cheapest alignment.
func (p *programme) run(cost func(i, j int, mv move) float64) []Link {
	p.prepare()
	n, b, moves := p.n, p.b, p.moves
	from, rows := p.from, &p.rows
	inf := math.Inf(1)
	for i := 0; i <= n; i++ {
		lo, hi := b.lo[i], b.hi[i]
		row := rows[i%len(rows)][:0]
		for j := lo; j <= hi; j++ {
			row = append(row, inf)
		}
		rows[i%len(rows)] = row
		back := from[b.off[i] : b.off[i]+int64(hi-lo+1)]
		for j := lo; j <= hi; j++ {
			if i == 0 && j == 0 {
				row[0] = 0
				back[0] = -1
				continue
			}
			bestCost, bestMove := inf, int8(-1)
			for k, mv := range moves {
				// A predecessor outside the band, or unreached, has no cost. Every row starts at a column of
				// 0 or more, so that a column before the first is outside.
				pi, pj := i-mv.ds, j-mv.dt
				if pi < 0 || pj < b.lo[pi] || pj > b.hi[pi] {
					continue
				}
				c := rows[pi%len(rows)][pj-b.lo[pi]]
				if c == inf {
					continue
				}
				if mv.ds == 0 || mv.dt == 0 {
					c += p.skip
				} else {
					c += cost(pi, pj, mv)
				}
				if c < bestCost {
					bestCost, bestMove = c, int8(k)
				}
			}
			row[j-lo] = bestCost
			back[j-lo] = bestMove
		}
	}
	return p.path(cost)
}

// path returns the alignment that the back pointers of the last run lead to from the last cell, each link with its
// cost.
func (p *programme) path(cost func(i, j int, mv move) float64) []Link {
	n, m, b, moves, from := p.n, p.m, p.b, p.moves, p.from
	// The links, in reverse, each side a slice of one array of every index: the path takes each unit once.
	var links []Link // nil for two empty sides
	if n > 0 || m > 0 {
		links = make([]Link, 0, max(n, m)) // as many as the longer side has units, in Blocks without a gap
	}
	idx := make([]int, n+m)
	next := len(idx)
	side := func(from, to int) []int {
		if from == to {
			return nil
		}
		next -= to - from
		s := idx[next : next+to-from : next+to-from]
		for k := range s {
			s[k] = from + k
		}
		return s
	}
	for i, j := n, m; i > 0 || j > 0; {
		mv := moves[from[b.off[i]+int64(j-b.lo[i])]]
		pi, pj := i-mv.ds, j-mv.dt
		c := p.skip
		if mv.ds > 0 && mv.dt > 0 {
			c = cost(pi, pj, mv)
		}
		links = append(links, Link{Src: side(pi, i), Tgt: side(pj, j), Cost: c})
		i, j = pi, pj
	}
	for a, z := 0, len(links)-1; a < z; a, z = a+1, z-1 {
		links[a], links[z] = links[z], links[a]
	}
	return links
}
