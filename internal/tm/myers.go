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
func (my *myers) distance(b []rune) int {
	if my.n == 0 {
		return len(b)
	}
	for w := range my.pv {
		my.pv[w], my.mv[w] = ^uint64(0), 0
	}
	score := my.n
	lastWord := my.words - 1
	for _, c := range b {
		eqs := my.peq(c)
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
				bit = my.last
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
	}
	return score
}
