package tm

// myers is a query's side of Myers' bit-parallel edit distance, in Hyyrö's blocks of 64 code points as Edlib
// computes them: for each code point of the query, the bits of the positions it holds (Peq), so that a column
// of the distance matrix takes a few word operations per 64 code points of the query, whatever the distance,
// where the banded distance takes one cell per code point within k of the diagonal. A templated archive gives
// a lookup at a low score thousands of candidates whose band is wide.
type myers struct {
	n      int      // code points of the query
	words  int      // blocks of 64
	last   uint     // the bit of the query's last code point in the last block
	ascii  [128]int // index in eq, plus one, of an ASCII code point the query holds
	other  map[rune]int
	eq     []uint64 // per code point of the query, its blocks of bits
	none   []uint64 // the bits of a code point the query does not hold
	pv, mv []uint64 // a column's vertical differences, +1 and −1
}

func newMyers(q []rune) *myers {
	w := max(1, (len(q)+63)/64)
	my := &myers{n: len(q), words: w, last: uint((len(q) + 63) % 64), other: map[rune]int{},
		none: make([]uint64, w), pv: make([]uint64, w), mv: make([]uint64, w)}
	for i, c := range q {
		var k int
		if c >= 0 && c < 128 {
			if my.ascii[c] == 0 {
				my.eq = append(my.eq, make([]uint64, w)...)
				my.ascii[c] = len(my.eq) / w
			}
			k = my.ascii[c] - 1
		} else {
			j, ok := my.other[c]
			if !ok {
				my.eq = append(my.eq, make([]uint64, w)...)
				j = len(my.eq)/w - 1
				my.other[c] = j
			}
			k = j
		}
		my.eq[k*w+i/64] |= 1 << uint(i%64)
	}
	return my
}

// peq returns the bits of the query's positions holding c.
func (my *myers) peq(c rune) []uint64 {
	w := my.words
	if c >= 0 && c < 128 {
		if k := my.ascii[c]; k > 0 {
			return my.eq[(k-1)*w : k*w]
		}
		return my.none
	}
	if k, ok := my.other[c]; ok {
		return my.eq[k*w : (k+1)*w]
	}
	return my.none
}

// distance returns the Levenshtein distance of the query and b, in code points.
func (my *myers) distance(b []rune) int { return my.within(my.n, b, my.n+len(b)) }

// within returns the Levenshtein distance of the query's first n code points and b when it is at most k, and
// k+1 otherwise. The rows past n are computed with the blocks that hold them and left unread: a row depends on
// those above it alone. The distance stops once the last row's cell, less the code points of b left, exceeds k:
// each code point of b lowers it by one at most.
func (my *myers) within(n int, b []rune, k int) int {
	if n == 0 {
		return min(len(b), k+1)
	}
	words := (n + 63) / 64
	for w := range words {
		my.pv[w], my.mv[w] = ^uint64(0), 0
	}
	score := n
	lastWord, last := words-1, uint((n+63)%64)
	for j, c := range b {
		eqs := my.peq(c)[:words]
		hin := 1 // the first row of the matrix grows by one a column
		for w, eq := range eqs {
			pv, mv := my.pv[w], my.mv[w]
			var hinNeg uint64
			if hin < 0 {
				hinNeg = 1
			}
			xv := eq | mv
			eq |= hinNeg
			xh := (((eq & pv) + pv) ^ pv) | eq
			ph := mv | ^(xh | pv)
			mh := pv & xh
			bit := uint(63)
			if w == lastWord {
				bit = last
			}
			hout := int(ph>>bit&1) - int(mh>>bit&1)
			ph, mh = ph<<1, mh<<1|hinNeg
			if hin > 0 {
				ph |= 1
			}
			my.pv[w], my.mv[w] = mh|^(xv|ph), ph&xv
			hin = hout
		}
		score += hin
		if score-(len(b)-1-j) > k {
			return k + 1
		}
	}
	return min(score, k+1)
}
