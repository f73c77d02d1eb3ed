package index

import (
	"cmp"
	"encoding/binary"
	"errors"
	"math"
	"slices"
	"unicode/utf8"
)

// gramKey names a posting list of texts_grams: the texts of len code points holding gram.
type gramKey struct {
	gram string
	len  int
}

// less orders keys as texts_grams' key (texts_grams_key) does, so that a list of them is written in one pass.
func (k gramKey) less(o gramKey) bool {
	if k.gram != o.gram {
		return k.gram < o.gram
	}
	return k.len < o.len
}

// posting is a text in a posting list: its id and how many times it holds the list's trigram; gone marks the
// removal of a text in gramChanges.
type posting struct {
	id    int64
	count int
	gone  bool
}

// postingList is a posting list being encoded: its texts in the order of their ids, each as the difference of
// its id from the one before, shifted left by one with the low bit set when the text holds the trigram more
// than once, then that number (unsigned varints). Most texts hold a trigram once, so most texts take a byte or
// two.
type postingList struct {
	data []byte
	last int64
	n    int // texts
}

// add appends the text id, greater than the last one added, which holds the trigram n times.
func (l *postingList) add(id int64, n int) {
	v := uint64(id-l.last) << 1
	if n > 1 {
		v |= 1
	}
	l.data = binary.AppendUvarint(l.data, v)
	if n > 1 {
		l.data = binary.AppendUvarint(l.data, uint64(n))
	}
	l.last, l.n = id, l.n+1
}

var errPostings = errors.New("malformed posting list")

// eachPosting calls fn with each text of the posting list data and its count, in the order of their ids.
func eachPosting(data []byte, fn func(id int64, n int)) error {
	var id int64
	for len(data) > 0 {
		v, k := binary.Uvarint(data)
		if k <= 0 {
			return errPostings
		}
		data = data[k:]
		n := 1
		if v&1 != 0 {
			c, k := binary.Uvarint(data)
			if k <= 0 {
				return errPostings
			}
			data, n = data[k:], int(c)
		}
		id += int64(v >> 1)
		fn(id, n)
	}
	return nil
}

// mergePostings returns the posting list data with changes made, the texts gone taken out and the others added,
// and the number of texts it holds.
func mergePostings(data []byte, changes []posting) ([]byte, int, error) {
	var ps []posting
	if err := eachPosting(data, func(id int64, n int) { ps = append(ps, posting{id: id, count: n}) }); err != nil {
		return nil, 0, err
	}
	for _, c := range changes {
		i, found := slices.BinarySearchFunc(ps, c.id, func(p posting, id int64) int { return cmp.Compare(p.id, id) })
		switch {
		case c.gone && found:
			ps = slices.Delete(ps, i, i+1)
		case !c.gone && !found:
			ps = slices.Insert(ps, i, posting{id: c.id, count: c.count})
		}
	}
	var l postingList
	for _, p := range ps {
		l.add(p.id, p.count)
	}
	return l.data, l.n, nil
}

// gramCounter counts the trigrams of texts, reusing its maps from text to text.
type gramCounter struct {
	packed map[uint64]int
	out    map[string]int
}

// countPacked returns each trigram of norm, three code points in a row as tm.Filter reads them, packed
// (packTrigram), with the number of times norm holds it. The map is valid until the next call.
func (c *gramCounter) countPacked(norm string) map[uint64]int {
	if c.packed == nil {
		c.packed = map[uint64]int{}
	}
	clear(c.packed)
	var a, b rune
	i := 0
	for _, r := range norm {
		if i >= 2 {
			c.packed[packTrigram(a, b, r)]++
		}
		a, b = b, r
		i++
	}
	return c.packed
}

// count is countPacked with each trigram as a string.
func (c *gramCounter) count(norm string) map[string]int {
	if c.out == nil {
		c.out = map[string]int{}
	}
	clear(c.out)
	for p, n := range c.countPacked(norm) {
		c.out[unpackTrigram(p)] = n
	}
	return c.out
}

// packTrigram packs three code points in a word.
func packTrigram(a, b, c rune) uint64 { return uint64(a)<<42 | uint64(b)<<21 | uint64(c) }

// unpackTrigram returns the trigram p packs as a string.
func unpackTrigram(p uint64) string {
	var buf [3 * utf8.UTFMax]byte
	const mask = 1<<21 - 1
	return string(utf8.AppendRune(utf8.AppendRune(utf8.AppendRune(buf[:0], rune(p>>42)), rune(p>>21&mask)), rune(p&mask)))
}

// zoneWidth is how many lengths in code points one row of texts_grams holds the posting lists of: a lookup
// reads the lengths that can match in a few rows per trigram, and a sync rewrites the lists of a few lengths.
const zoneWidth = 16

// zoneOf returns the zone of a length.
func zoneOf(length int) int { return length / zoneWidth }

// lengthList is the posting list of a trigram at one length: the number of texts it holds and the list.
type lengthList struct {
	len, n int
	data   []byte
}

// encodeZone returns the row of texts_grams of lists, the posting lists of one trigram at lengths of one zone,
// in the order of their lengths: its directory (per list, its length less the zone's first, its number of
// texts and its size in bytes, unsigned varints) and the lists one after the other.
func encodeZone(zone int, lists []lengthList) (dir, posts []byte) {
	for _, l := range lists {
		dir = binary.AppendUvarint(dir, uint64(l.len-zone*zoneWidth))
		dir = binary.AppendUvarint(dir, uint64(l.n))
		dir = binary.AppendUvarint(dir, uint64(len(l.data)))
		posts = append(posts, l.data...)
	}
	return dir, posts
}

// decodeZone returns the posting lists of a row of texts_grams (encodeZone); posts nil gives their lengths and
// numbers of texts alone.
func decodeZone(zone int, dir, posts []byte) ([]lengthList, error) {
	return appendZone(nil, zone, dir, posts, math.MinInt, math.MaxInt)
}

// appendZone appends to dst the posting lists of lo to hi code points of a row of texts_grams, as decodeZone
// gives them: a lookup keeps the lists of the lengths it asks for in one slice a trigram.
func appendZone(dst []lengthList, zone int, dir, posts []byte, lo, hi int) ([]lengthList, error) {
	var at uint64
	for len(dir) > 0 {
		var v [3]uint64
		for i := range v {
			if len(dir) > 0 && dir[0] < 0x80 { // most numbers of a directory take a byte
				v[i], dir = uint64(dir[0]), dir[1:]
				continue
			}
			x, k := binary.Uvarint(dir)
			if k <= 0 {
				return dst, errPostings
			}
			v[i], dir = x, dir[k:]
		}
		l := lengthList{len: zone*zoneWidth + int(v[0]), n: int(v[1])}
		if posts != nil {
			if at+v[2] > uint64(len(posts)) {
				return dst, errPostings
			}
			l.data = posts[at : at+v[2]]
		}
		at += v[2]
		if l.len >= lo && l.len <= hi {
			dst = append(dst, l)
		}
	}
	return dst, nil
}
