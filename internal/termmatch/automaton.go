package termmatch

import "slices"

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

// trieNode is a state while the trie is built.
type trieNode struct {
	bytes []byte
	to    []int32
	out   []int32
	depth int32
}

func (n *trieNode) child(b byte) int32 {
	if i, ok := slices.BinarySearch(n.bytes, b); ok {
		return n.to[i]
	}
	return -1
}

// compile builds the automaton's states for texts (non-empty).
func (a *automaton) compile(texts []string) {
	nodes := []trieNode{{}}
	for id, t := range texts {
		n := int32(0)
		for i := 0; i < len(t); i++ {
			b := t[i]
			k, ok := slices.BinarySearch(nodes[n].bytes, b)
			if ok {
				n = nodes[n].to[k]
				continue
			}
			next := int32(len(nodes))
			nodes = append(nodes, trieNode{depth: nodes[n].depth + 1})
			nodes[n].bytes = slices.Insert(nodes[n].bytes, k, b)
			nodes[n].to = slices.Insert(nodes[n].to, k, next)
			n = next
		}
		nodes[n].out = append(nodes[n].out, int32(id))
	}

	// Failure and dictionary links, breadth first.
	a.fail = make([]int32, len(nodes))
	a.dict = make([]int32, len(nodes))
	queue := make([]int32, 0, len(nodes))
	queue = append(queue, nodes[0].to...)
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		for i, v := range nodes[u].to {
			b := nodes[u].bytes[i]
			f := a.fail[u]
			for f != 0 && nodes[f].child(b) < 0 {
				f = a.fail[f]
			}
			if u != 0 {
				if c := nodes[f].child(b); c >= 0 {
					a.fail[v] = c
				} else {
					a.fail[v] = 0
				}
			}
			if fv := a.fail[v]; len(nodes[fv].out) > 0 {
				a.dict[v] = fv
			} else {
				a.dict[v] = a.dict[fv]
			}
			queue = append(queue, v)
		}
	}

	// Flatten.
	a.edgeOff = make([]int32, len(nodes)+1)
	a.outOff = make([]int32, len(nodes)+1)
	a.depth = make([]int32, len(nodes))
	a.emit = make([]int32, len(nodes))
	for i := range nodes {
		a.emit[i] = a.dict[i]
		if len(nodes[i].out) > 0 {
			a.emit[i] = int32(i)
		}
		n := &nodes[i]
		a.edgeOff[i+1] = a.edgeOff[i] + int32(len(n.bytes))
		a.outOff[i+1] = a.outOff[i] + int32(len(n.out))
		a.depth[i] = n.depth
	}
	a.edgeByte = make([]byte, 0, a.edgeOff[len(nodes)])
	a.edgeTo = make([]int32, 0, a.edgeOff[len(nodes)])
	a.outPat = make([]int32, 0, a.outOff[len(nodes)])
	for i := range nodes {
		a.edgeByte = append(a.edgeByte, nodes[i].bytes...)
		a.edgeTo = append(a.edgeTo, nodes[i].to...)
		a.outPat = append(a.outPat, nodes[i].out...)
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
	a.dense = make([]int32, len(nodes))
	for i := range a.dense {
		a.dense[i] = -1
	}
	order := append([]int32{0}, queue[:0:0]...)
	for i := 0; i < len(order); i++ {
		u := order[i]
		if nodes[u].depth < denseDepth || len(nodes[u].to) > denseFanout {
			row := make([]int32, a.classes)
			for c := range row {
				row[c] = -1
			}
			for k, b := range nodes[u].bytes {
				row[a.class[b]] = nodes[u].to[k]
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
			a.dense[u] = int32(len(a.rows) / a.classes)
			a.rows = append(a.rows, row...)
		}
		order = append(order, nodes[u].to...)
	}
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
