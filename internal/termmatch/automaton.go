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
	// (rows[node.row:node.row+classes]; the root's is the first); the others keep their edges sparse (row -1),
	// except a state with one edge or none, most of those deep in a term, whose row is -2-b for its edge on byte
	// b to the next state (its first child, see renumber), or -2-256 for none: the scan takes that edge without
	// reading the edge list, which the state keeps for a byte it has no edge on.
	class   [256]uint8
	classes int
	rows    []int32
	// nodes holds what the scan reads of each state in one record, so that a step touches one cache line of it
	// and one of its edges (a table per field cost a cache miss per field on a glossary of thousands of terms);
	// nodes[len-1] is a sentinel that ends the last state's edges.
	nodes []node
	// The edges of state n are edges[nodes[n].lo:nodes[n+1].lo], sorted by byte.
	edges []trans
	// dict is the longest proper suffix state that ends a pattern (0: none).
	dict []int32
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
	// kept is, for an English case-sensitive pattern, its text with context in the matching form that keeps
	// case ("" for any other): what the original text of a hit must fold to for the hit to count.
	kept []string
}

// node is one state as the scan reads it.
type node struct {
	row  int32 // offset of the state's dense row in rows, or -1
	lo   int32 // first of its sparse edges
	fail int32 // failure link
	emit int32 // the state itself when it ends a pattern, else its dict (0: none)
}

// trans is a sparse edge: on byte b, to state to.
type trans struct {
	to int32
	b  byte
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
	a.nodes = make([]node, 0, most+1)
	a.outOff = append(make([]int32, 0, most+1), 0)
	a.depth = append(make([]int32, 0, most), 0)
	a.edges = make([]trans, 0, most-1)
	a.outPat = make([]int32, 0, len(texts))
	for n := 0; n < len(spans); n++ {
		d := int(a.depth[n])
		lo, hi := spans[n].lo, spans[n].hi
		a.nodes = append(a.nodes, node{row: -1, lo: int32(len(a.edges))})
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
			a.edges = append(a.edges, trans{to: int32(len(spans)), b: b})
			spans = append(spans, span{lo, end})
			a.depth = append(a.depth, int32(d+1))
			lo = end
		}
		a.outOff = append(a.outOff, int32(len(a.outPat)))
	}
	states := len(spans)
	a.nodes = append(a.nodes, node{row: -1, lo: int32(len(a.edges))}) // the sentinel

	// Failure and dictionary links, in state order, which is breadth first.
	a.dict = make([]int32, states)
	for u := range states {
		for _, t := range a.sparse(int32(u)) {
			v := t.to
			if u != 0 {
				a.nodes[v].fail = a.goTo(a.nodes[u].fail, t.b)
			}
			if fv := a.nodes[v].fail; a.outOff[fv+1] > a.outOff[fv] {
				a.dict[v] = fv
			} else {
				a.dict[v] = a.dict[fv]
			}
		}
		a.nodes[u].emit = a.dict[u]
		if a.outOff[u+1] > a.outOff[u] {
			a.nodes[u].emit = int32(u)
		}
	}

	// Dense rows, filled in breadth-first order so that a failure link always leads to a state whose row, if it
	// has one, is complete.
	a.classes = 1
	rep := []byte{0} // a byte of each class; class 0 leads back to the root from every dense state
	for _, t := range a.edges {
		if a.class[t.b] == 0 {
			a.class[t.b] = uint8(a.classes)
			a.classes++
			rep = append(rep, t.b)
		}
	}
	for u := range states {
		edges := a.sparse(int32(u))
		if a.depth[u] >= denseDepth && len(edges) <= denseFanout {
			continue
		}
		a.nodes[u].row = int32(len(a.rows))
		a.rows = slices.Grow(a.rows, a.classes)
		row := a.rows[len(a.rows) : len(a.rows)+a.classes]
		for c := range row {
			row[c] = -1
		}
		for _, t := range edges {
			row[a.class[t.b]] = t.to
		}
		row[0] = 0
		for c := 1; c < a.classes; c++ {
			if row[c] < 0 {
				if u == 0 {
					row[c] = 0
				} else {
					row[c] = a.next(a.nodes[u].fail, rep[c])
				}
			}
		}
		a.rows = a.rows[:len(a.rows)+a.classes]
	}
	a.renumber()
}

// renumber numbers the states depth first, so that a state's first child is the next state and the edges of a
// chain of states follow each other: walking along a term reads memory in order.
func (a *automaton) renumber() {
	states := len(a.nodes) - 1
	perm := make([]int32, states) // old → new
	order := make([]int32, 0, states)
	stack := []int32{0}
	for len(stack) > 0 {
		u := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		perm[u] = int32(len(order))
		order = append(order, u)
		es := a.sparse(u)
		for k := len(es) - 1; k >= 0; k-- {
			stack = append(stack, es[k].to)
		}
	}
	nodes := make([]node, states+1)
	edges := make([]trans, 0, len(a.edges))
	dict := make([]int32, states)
	depth := make([]int32, states)
	outOff := make([]int32, states+1)
	outPat := make([]int32, 0, len(a.outPat))
	for n, u := range order {
		o := a.nodes[u]
		nodes[n] = node{row: o.row, lo: int32(len(edges)), fail: perm[o.fail], emit: perm[o.emit]}
		for _, t := range a.sparse(u) {
			edges = append(edges, trans{to: perm[t.to], b: t.b})
		}
		dict[n], depth[n] = perm[a.dict[u]], a.depth[u]
		outOff[n] = int32(len(outPat))
		outPat = append(outPat, a.outPat[a.outOff[u]:a.outOff[u+1]]...)
	}
	nodes[states] = node{row: -1, lo: int32(len(edges))}
	outOff[states] = int32(len(outPat))
	for i, v := range a.rows {
		a.rows[i] = perm[v]
	}
	a.nodes, a.edges, a.dict, a.depth, a.outOff, a.outPat = nodes, edges, dict, depth, outOff, outPat
	for n := range states {
		if es := a.sparse(int32(n)); a.nodes[n].row < 0 && len(es) <= 1 {
			b := int32(noByte)
			if len(es) == 1 {
				b = int32(es[0].b) // to n+1, its first child
			}
			a.nodes[n].row = -2 - b
		}
	}
}

// noByte is the edge byte of a state with no edge: no byte equals it.
const noByte = 256

// sparse returns the sparse edges of state s.
func (a *automaton) sparse(s int32) []trans { return a.edges[a.nodes[s].lo:a.nodes[s+1].lo] }

// goTo returns the state after byte b from state s, following failure links over the sparse edges alone, for
// compile before the dense rows exist.
func (a *automaton) goTo(s int32, b byte) int32 {
	for {
		es := a.sparse(s)
		if k, ok := slices.BinarySearchFunc(es, b, func(t trans, b byte) int { return cmp.Compare(t.b, b) }); ok {
			return es[k].to
		} else if s == 0 {
			return 0
		}
		s = a.nodes[s].fail
	}
}

// A state gets a dense row when it is fewer than denseDepth bytes from the root (a kana, kanji or Khmer letter is
// three) or has more than denseFanout edges.
const (
	denseDepth  = 4
	denseFanout = 8
)

// next returns the state after byte b from state s. A state with one edge, on b, leads to the next state; one
// whose one edge is on another byte finds it in its sparse edges, which it keeps, and fails as the others do.
func (a *automaton) next(s int32, b byte) int32 {
	for {
		n := &a.nodes[s]
		if n.row >= 0 {
			return a.rows[int(n.row)+int(a.class[b])]
		}
		if n.row == -2-int32(b) {
			return s + 1
		}
		for _, t := range a.edges[n.lo:a.nodes[s+1].lo] {
			if t.b >= b {
				if t.b == b {
					return t.to
				}
				break
			}
		}
		s = n.fail
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
		for n := a.nodes[s].emit; n != 0; n = a.dict[n] {
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
