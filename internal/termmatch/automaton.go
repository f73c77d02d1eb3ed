package termmatch

import (
	"cmp"
	"slices"
	"strings"
)

// automaton is an Aho-Corasick automaton over the bytes of patterns in matching form: a trie with failure links,
// and dictionary links from each state to the next shorter suffix that ends a pattern. scan walks a text once and
// reports every occurrence that passes the boundary rules, in order of end, then longest first, then in the order
// the patterns were added.
//
// The scan follows codes, not state numbers: a code says where the state's transitions are and whether a pattern
// ends there, so that a step from a dense state reads two tables (the byte's class and the row) and nothing of
// the state itself. States near the root, where the scan spends most of its time, and states with many edges are
// dense: a complete row of the codes after each byte class (failures folded in). The others, most of them deep in
// one term, are sparse: one record with the one edge in it, or a list of edges, and a failure link.
type automaton struct {
	// class maps a byte to its class: bytes that no pattern holds share class 0.
	class [256]uint8
	// rows holds the dense states' rows, 1<<shift codes each (the classes rounded up to a power of two, so that a
	// code's row offset gives its state by a shift); the root's is the first.
	shift uint8
	rows  []uint32
	// States 0 to dense-1 are dense, numbered breadth first; sparse[s-dense] is sparse state s, numbered depth
	// first after them, so that walking along a term reads memory in order.
	dense  int32
	sparse []sparseNode
	// The edges of a sparse state with more than one edge, sorted by byte.
	edges []trans
	// emit is, for each state, the state itself when it ends a pattern, else its dict (0: none); dict is the
	// longest proper suffix state that ends a pattern (0: none).
	emit, dict []int32
	// The patterns that end at state n are outPat[outOff[n]:outOff[n+1]], in the order they were added.
	outOff []int32
	outPat []int32
	depth  []int32 // bytes from the root
	// ends holds what scan reads of a state where a pattern ends, in the final numbering; dict, depth and
	// outOff serve the build only and are dropped once ends is made.
	ends []stateEnds

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

// stateEnds is what scan reads of a state where a pattern ends at it or at a suffix of it, in one record of 16
// bytes: its dict, its depth, and its patterns, outPat[off:off+n]. Read from four tables, an end cost up to four
// cache misses where the scan's steps cost one, and the tables of the three languages' automata are megabytes
// that a release's few kilobytes of text meet cold.
type stateEnds struct{ dict, depth, off, n int32 }

// A code is a state as the scan follows it: for a dense state, the offset of its row in rows; for a sparse one,
// codeSparse and its index in sparse; either with codeEmit when a pattern ends at the state or at a suffix of it.
const (
	codeSparse uint32 = 1 << 31
	codeEmit   uint32 = 1 << 30
	codeIndex         = codeEmit - 1
)

// sparseNode is a sparse state as the scan reads it, in one record of 16 bytes.
type sparseNode struct {
	// one is the byte of the state's one edge, to the code oneTo; -1 when it has none or several, which are then
	// edges[lo:lo+n].
	one   int16
	n     uint16
	oneTo uint32
	lo    int32
	fail  uint32 // the code of the failure link
}

// trans is a sparse edge: on byte b, to the state or code to.
type trans struct {
	to uint32
	b  byte
}

// A state gets a dense row when it is fewer than denseDepth bytes from the root (three kana, kanji or Khmer
// letters, or a Khmer consonant with its subscript and vowel) or has more than denseFanout edges. On the 5,000
// terms of each language of package scalegen that is 2,519 English states of 68,971 (314 kB of rows), 472 Khmer
// of 128,515 and 479 Japanese of 72,622, where the scan spends most of its steps; four bytes made English 4.25,
// Khmer 10.81 and Japanese 4.16 M instructions per FindAllForm of the releases, nine 4.00, 8.35 and 3.91, sixteen
// 3.86, 8.18 and 3.74 with rows of up to 1.4 MB.
const (
	denseDepth  = 9
	denseFanout = 8
)

// compile builds the automaton's states for texts (non-empty). The trie is built level by level from the texts
// in sorted order, so that states are numbered breadth first and each state's edges are made together, already
// sorted, into flat tables; the failure and dictionary links follow in that order. The states are then
// renumbered, dense ones first (layout).
func (a *automaton) compile(texts []string) { a.compileDense(texts, denseDepth) }

// compileDense is compile with the states fewer than depth bytes from the root dense (and those with more than
// denseFanout edges), which the tests vary.
func (a *automaton) compileDense(texts []string, depth int32) {
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
	var tr trie
	spans := append(make([]span, 0, most), span{0, int32(len(order))})
	tr.lo = make([]int32, 0, most+1)
	a.outOff = append(make([]int32, 0, most+1), 0)
	a.depth = append(make([]int32, 0, most), 0)
	tr.edges = make([]trans, 0, most-1)
	a.outPat = make([]int32, 0, len(texts))
	for n := 0; n < len(spans); n++ {
		d := int(a.depth[n])
		lo, hi := spans[n].lo, spans[n].hi
		tr.lo = append(tr.lo, int32(len(tr.edges)))
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
			tr.edges = append(tr.edges, trans{to: uint32(len(spans)), b: b})
			spans = append(spans, span{lo, end})
			a.depth = append(a.depth, int32(d+1))
			lo = end
		}
		a.outOff = append(a.outOff, int32(len(a.outPat)))
	}
	states := len(spans)
	tr.lo = append(tr.lo, int32(len(tr.edges))) // the sentinel

	// Failure and dictionary links, in state order, which is breadth first.
	tr.fail = make([]int32, states)
	a.dict = make([]int32, states)
	a.emit = make([]int32, states)
	for u := range states {
		for _, t := range tr.of(int32(u)) {
			v := int32(t.to)
			if u != 0 {
				tr.fail[v] = tr.goTo(tr.fail[u], t.b)
			}
			if fv := tr.fail[v]; a.outOff[fv+1] > a.outOff[fv] {
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
	a.layout(&tr, depth)
}

// trie is the automaton's trie as compile builds it, in breadth-first numbering: the edges of state s are
// edges[lo[s]:lo[s+1]], sorted by byte, and fail its failure links.
type trie struct {
	lo    []int32
	edges []trans
	fail  []int32
}

// of returns the edges of state s.
func (t *trie) of(s int32) []trans { return t.edges[t.lo[s]:t.lo[s+1]] }

// goTo returns the state after byte b from state s, following failure links over the trie's edges.
func (t *trie) goTo(s int32, b byte) int32 {
	for {
		es := t.of(s)
		if k, ok := slices.BinarySearchFunc(es, b, func(e trans, b byte) int { return cmp.Compare(e.b, b) }); ok {
			return int32(es[k].to)
		} else if s == 0 {
			return 0
		}
		s = t.fail[s]
	}
}

// layout renumbers the states of tr (breadth first), dense ones first in the same order, then the sparse ones
// depth first, and writes the tables the scan reads: the dense rows, with the transitions that fail folded in,
// and the sparse records, all in codes.
func (a *automaton) layout(tr *trie, denseDepth int32) {
	states := int32(len(tr.lo) - 1)
	isDense := make([]bool, states)
	perm := make([]int32, states) // old → new
	next := int32(0)
	for u := range states {
		if u == 0 || a.depth[u] < denseDepth || len(tr.of(u)) > denseFanout {
			isDense[u] = true
			perm[u] = next
			next++
		}
	}
	a.dense = next
	stack := []int32{0}
	for len(stack) > 0 {
		u := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if !isDense[u] {
			perm[u] = next
			next++
		}
		es := tr.of(u)
		for k := len(es) - 1; k >= 0; k-- {
			stack = append(stack, int32(es[k].to))
		}
	}

	// Byte classes, and the width of a row.
	classes := 1
	rep := []byte{0} // a byte of each class; class 0 leads back to the root from every dense state
	for _, t := range tr.edges {
		if a.class[t.b] == 0 {
			a.class[t.b] = uint8(classes)
			classes++
			rep = append(rep, t.b)
		}
	}
	for 1<<a.shift < classes {
		a.shift++
	}

	// Tables in the new numbering.
	dict := make([]int32, states)
	emit := make([]int32, states)
	depth := make([]int32, states)
	outOff := make([]int32, states+1)
	outPat := make([]int32, 0, len(a.outPat))
	inv := make([]int32, states) // new → old
	for u, n := range perm {
		inv[n] = int32(u)
	}
	for n, u := range inv {
		dict[n], emit[n], depth[n] = perm[a.dict[u]], perm[a.emit[u]], a.depth[u] // perm[0] is 0: none stays none
		outOff[n] = int32(len(outPat))
		outPat = append(outPat, a.outPat[a.outOff[u]:a.outOff[u+1]]...)
	}
	outOff[states] = int32(len(outPat))
	a.emit, a.outPat = emit, outPat
	a.ends = make([]stateEnds, states)
	for n := range a.ends {
		a.ends[n] = stateEnds{dict: dict[n], depth: depth[n], off: outOff[n], n: outOff[n+1] - outOff[n]}
	}
	a.dict, a.depth, a.outOff = nil, nil, nil

	// code returns the code of old state u.
	code := func(u int32) uint32 {
		n := perm[u]
		var c uint32
		if n < a.dense {
			c = uint32(n) << a.shift
		} else {
			c = codeSparse | uint32(n-a.dense)
		}
		if a.emit[n] != 0 {
			c |= codeEmit
		}
		return c
	}

	// Dense rows, filled in breadth-first order, so that the row of a failure link, which is nearer the root, is
	// complete when a row reads it.
	a.rows = make([]uint32, int(a.dense)<<a.shift)
	row := func(u int32) []uint32 { off := int(perm[u]) << a.shift; return a.rows[off : off+classes] }
	step := func(u int32, b byte) uint32 { // the code after byte b from old state u, rows being filled
		for {
			if isDense[u] {
				return row(u)[a.class[b]]
			}
			for _, t := range tr.of(u) {
				if t.b == b {
					return code(int32(t.to))
				}
			}
			u = tr.fail[u]
		}
	}
	for u := range states {
		if !isDense[u] {
			continue
		}
		r := row(u)
		for c := 1; c < classes && u != 0; c++ { // the root's row leads back to itself, but for its edges
			r[c] = step(tr.fail[u], rep[c])
		}
		for _, t := range tr.of(u) {
			r[a.class[t.b]] = code(int32(t.to))
		}
	}

	// Sparse records, in their new order.
	a.sparse = make([]sparseNode, states-a.dense)
	for n := a.dense; n < states; n++ {
		u := inv[n]
		es := tr.of(u)
		sn := sparseNode{one: -1, fail: code(tr.fail[u]), lo: int32(len(a.edges))}
		switch len(es) {
		case 0:
		case 1:
			sn.one, sn.oneTo = int16(es[0].b), code(int32(es[0].to))
		default:
			sn.n = uint16(len(es))
			for _, t := range es {
				a.edges = append(a.edges, trans{to: code(int32(t.to)), b: t.b})
			}
		}
		a.sparse[n-a.dense] = sn
	}
}

// state returns the state of code c.
func (a *automaton) state(c uint32) int32 {
	if c&codeSparse != 0 {
		return a.dense + int32(c&codeIndex)
	}
	return int32((c & codeIndex) >> a.shift)
}

// next returns the code after byte b from code c: along a sparse state's edge, or failing to the state of its
// failure link until one has an edge on b or is dense.
func (a *automaton) next(c uint32, b byte) uint32 {
	for c >= codeSparse {
		n := &a.sparse[c&codeIndex]
		if n.one == int16(b) {
			return n.oneTo
		}
		for _, t := range a.edges[n.lo : n.lo+int32(n.n)] {
			if t.b >= b {
				if t.b == b {
					return t.to
				}
				break
			}
		}
		c = n.fail
	}
	return a.rows[c&^codeEmit+uint32(a.class[b])]
}

// hit is one occurrence in the folded text: automaton pattern id and its bytes [s, e), context included.
type hit struct{ id, s, e int }

// scan reports, through visit, every occurrence in t that passes the boundary rules: in order of end, longest
// first, then in the order the patterns were added. A step from a dense state, where the scan spends most of its
// time, reads the byte's class and the row; a state where a pattern ends is looked up only then.
func (a *automaton) scan(t string, visit func(hit)) {
	c := uint32(0)
	rows, class := a.rows, &a.class
	for i := 0; i < len(t); i++ {
		if c < codeSparse {
			c = rows[c+uint32(class[t[i]])]
		} else {
			c = a.next(c, t[i])
		}
		if c&codeEmit == 0 {
			continue
		}
		c &^= codeEmit
		for n := a.emit[a.state(c)]; n != 0; n = a.ends[n].dict {
			en := &a.ends[n]
			e := i + 1
			start := e - int(en.depth)
			for _, id := range a.outPat[en.off : en.off+en.n] {
				if a.boundaryOK(t, start, e, int(id)) {
					visit(hit{int(id), start, e})
				}
			}
		}
	}
}
