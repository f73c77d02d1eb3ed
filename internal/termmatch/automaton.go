package termmatch

import (
	"cmp"
	"slices"
	"strings"
)

// automaton is an Aho-Corasick automaton over the bytes of patterns in matching form: a trie whose edges are
// stored flat and sorted, failure links, and dictionary links from each state to the next shorter suffix that
// ends a pattern. scan walks a text once and reports every occurrence that passes the boundary rules, in order
// of end, then longest first, then in the order the patterns were added.
type automaton struct {
	// class maps a byte to its class: bytes that no pattern holds share class 0. States near the root, where the
	// scan spends most of its time and where failure links lead, have a dense row of next states by class
	// (dense[state] is the row, -1 for none; the root's is row 0); the others keep their edges sparse.
	class   [256]uint8
	classes int
	dense   []int32
	rows    []int32
	// The edges of state n are edgeByte[edgeOff[n]:edgeOff[n+1]], sorted, and lead to edgeTo at the same index.
	edgeOff  []int32
	edgeByte []byte
	edgeTo   []int32
	fail     []int32
	// dict is the longest proper suffix state that ends a pattern (0: none); emit is the state itself when it
	// ends a pattern, else its dict.
	dict, emit []int32
	// The patterns that end at state n are outPat[outOff[n]:outOff[n+1]], in the order they were added.
	outOff []int32
	outPat []int32
	depth  []int32 // bytes from the root

	ids []int // automaton pattern id → index in Matcher.patterns
	// edges of each automaton pattern: whether its first and last runes need
	// a boundary check, and of which kind.
	first, last []edge
	// pre and post are the folded lengths of a pattern's context, trimmed
	// from a hit to give the match.
	pre, post []int
	ctx       []bool // the pattern has a context (PrecededBy or FollowedBy)
}

// compile builds the automaton's states for texts (non-empty). The trie is built level by level from the texts
// in sorted order, so that states are numbered breadth first and each state's edges are made together, already
// sorted: the flat tables are written directly, with no state of its own on the heap.
func (a *automaton) compile(texts []string) {
	// Texts in byte order, equal texts in the order they were added; a range of them shares a prefix.
	order := make([]int32, len(texts))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(x, y int32) int {
		if c := strings.Compare(texts[x], texts[y]); c != 0 {
			return c
		}
		return cmp.Compare(x, y)
	})
	// span is the range order[lo:hi] of the texts that pass through a state.
	type span struct{ lo, hi int32 }
	// A state is the root or the end of a pattern's byte: their number bounds the tables' sizes.
	most := 1
	for _, t := range texts {
		most += len(t)
	}
	spans := append(make([]span, 0, most), span{0, int32(len(order))})
	a.edgeOff = append(make([]int32, 0, most+1), 0)
	a.outOff = append(make([]int32, 0, most+1), 0)
	a.depth = append(make([]int32, 0, most), 0)
	a.edgeByte = make([]byte, 0, most-1)
	a.edgeTo = make([]int32, 0, most-1)
	a.outPat = make([]int32, 0, len(texts))
	for n := 0; n < len(spans); n++ {
		d := int(a.depth[n])
		lo, hi := spans[n].lo, spans[n].hi
		for lo < hi && len(texts[order[lo]]) == d { // the texts that end here sort first
			a.outPat = append(a.outPat, order[lo])
			lo++
		}
		for lo < hi {
			b := texts[order[lo]][d]
			end := lo + 1
			for end < hi && texts[order[end]][d] == b {
				end++
			}
			a.edgeByte = append(a.edgeByte, b)
			a.edgeTo = append(a.edgeTo, int32(len(spans)))
			spans = append(spans, span{lo, end})
			a.depth = append(a.depth, int32(d+1))
			lo = end
		}
		a.edgeOff = append(a.edgeOff, int32(len(a.edgeByte)))
		a.outOff = append(a.outOff, int32(len(a.outPat)))
	}
	states := len(spans)

	// Failure and dictionary links, in state order, which is breadth first.
	a.fail = make([]int32, states)
	a.dict = make([]int32, states)
	a.emit = make([]int32, states)
	for u := range states {
		for k := a.edgeOff[u]; k < a.edgeOff[u+1]; k++ {
			v := a.edgeTo[k]
			if u != 0 {
				a.fail[v] = a.goTo(a.fail[u], a.edgeByte[k])
			}
			if fv := a.fail[v]; a.outOff[fv+1] > a.outOff[fv] {
				a.dict[v] = fv
			} else {
				a.dict[v] = a.dict[fv]
			}
		}
		a.emit[u] = a.dict[u]
		if a.outOff[u+1] > a.outOff[u] {
			a.emit[u] = int32(u)
		}
	}

	// Dense rows, filled in breadth-first order so that a failure link always leads to a state whose row, if it
	// has one, is complete.
	a.classes = 1
	rep := []byte{0} // a byte of each class; class 0 leads back to the root from every dense state
	for _, b := range a.edgeByte {
		if a.class[b] == 0 {
			a.class[b] = uint8(a.classes)
			a.classes++
			rep = append(rep, b)
		}
	}
	a.dense = make([]int32, states)
	for u := range states {
		a.dense[u] = -1
		if a.depth[u] >= denseDepth && a.edgeOff[u+1]-a.edgeOff[u] <= denseFanout {
			continue
		}
		a.dense[u] = int32(len(a.rows) / a.classes)
		a.rows = slices.Grow(a.rows, a.classes)
		row := a.rows[len(a.rows) : len(a.rows)+a.classes]
		for c := range row {
			row[c] = -1
		}
		for k := a.edgeOff[u]; k < a.edgeOff[u+1]; k++ {
			row[a.class[a.edgeByte[k]]] = a.edgeTo[k]
		}
		row[0] = 0
		for c := 1; c < a.classes; c++ {
			if row[c] < 0 {
				if u == 0 {
					row[c] = 0
				} else {
					row[c] = a.next(a.fail[u], rep[c])
				}
			}
		}
		a.rows = a.rows[:len(a.rows)+a.classes]
	}
}

// goTo returns the state after byte b from state s, following failure links over the sparse edges alone, for
// compile before the dense rows exist.
func (a *automaton) goTo(s int32, b byte) int32 {
	for {
		if k, ok := a.edge(s, b); ok {
			return a.edgeTo[k]
		} else if s == 0 {
			return 0
		}
		s = a.fail[s]
	}
}

// edge finds the edge of state s on byte b among its sparse edges.
func (a *automaton) edge(s int32, b byte) (int32, bool) {
	lo, hi := a.edgeOff[s], a.edgeOff[s+1]
	k, ok := slices.BinarySearch(a.edgeByte[lo:hi], b)
	return lo + int32(k), ok
}

// A state gets a dense row when it is fewer than denseDepth bytes from the root (a kana, kanji or Khmer letter is
// three) or has more than denseFanout edges.
const (
	denseDepth  = 4
	denseFanout = 8
)

// next returns the state after byte b from state s.
func (a *automaton) next(s int32, b byte) int32 {
	for {
		if d := a.dense[s]; d >= 0 {
			return a.rows[int(d)*a.classes+int(a.class[b])]
		}
		for k, hi := a.edgeOff[s], a.edgeOff[s+1]; k < hi; k++ {
			if c := a.edgeByte[k]; c >= b {
				if c == b {
					return a.edgeTo[k]
				}
				break
			}
		}
		s = a.fail[s]
	}
}

// hit is one occurrence in the folded text: automaton pattern id and its bytes [s, e), context included.
type hit struct{ id, s, e int }

// scan reports, through visit, every occurrence in t that passes the boundary rules: in order of end, longest
// first, then in the order the patterns were added.
func (a *automaton) scan(t string, visit func(hit)) {
	s := int32(0)
	for i := 0; i < len(t); i++ {
		s = a.next(s, t[i])
		for n := a.emit[s]; n != 0; n = a.dict[n] {
			e := i + 1
			start := e - int(a.depth[n])
			for _, id := range a.outPat[a.outOff[n]:a.outOff[n+1]] {
				if a.boundaryOK(t, start, e, int(id)) {
					visit(hit{int(id), start, e})
				}
			}
		}
	}
}
