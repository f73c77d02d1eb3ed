package tm

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/agnivade/levenshtein"
	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"

	"github.com/relloc/relloc/internal/matchform"
)

// DefaultThreshold is the score a match needs when Lookup is given a
// threshold outside (0, 1].
const DefaultThreshold = 0.75

// Unit is one aligned segment of a release: its text in each language, keyed
// by language code ("en", "km", "ja"); a language the segment lacks has no key.
type Unit struct {
	Release, Segment string
	Text             map[string]string
}

// Match is a unit whose source text is similar to a looked-up text: its
// source and target texts, its score in [0, 1], whether its source equals
// the looked-up text exactly (after NFC and trimming white space at the ends),
// and where it comes from.
type Match struct {
	Source, Target string
	Score          float64
	Exact          bool
	// Prefix is true for a match of Search whose source starts with the looked-up text; Score is then the
	// similarity of the text to that start.
	Prefix           bool
	Release, Segment string
}

// Memory is an index of units by the trigrams of their normalised source
// text. It is safe for concurrent lookups; Exclude returns views sharing it.
type Memory struct {
	source   string
	units    []Unit
	norm     []string // normalised source text of each unit
	length   []int    // its length in code points
	postings map[uint64][]posting
	excluded map[string]bool // releases left out of lookups
	scan     bool            // no postings: every unit of a matching length is a candidate (NewCandidates)
}

type posting struct {
	unit  int32
	count int32 // occurrences of the trigram in the unit
}

// New indexes units by their text in the source language. Units without
// source text are kept out of the index.
func New(units []Unit, source string) *Memory { return NewNormalized(units, source, nil) }

// NewNormalized is New for units whose normalised source texts are known (a store keeps them): norms[i], when
// norms is that long, is Normalize of units[i]'s source text.
func NewNormalized(units []Unit, source string, norms []string) *Memory {
	return newMemory(units, source, norms, true)
}

// NewCandidates is NewNormalized for the candidates a store found for one lookup (Filter): it builds no trigram
// index, which would cost more than it saves on a few thousand units looked up once, and Lookup measures the
// distance to each unit of a length that can match. The trigram bound only leaves out units that cannot score,
// so the matches are those of NewNormalized.
func NewCandidates(units []Unit, source string, norms []string) *Memory {
	return newMemory(units, source, norms, false)
}

func newMemory(units []Unit, source string, norms []string, indexed bool) *Memory {
	m := &Memory{
		source:   source,
		units:    units,
		norm:     make([]string, len(units)),
		length:   make([]int, len(units)),
		postings: map[uint64][]posting{},
		scan:     !indexed,
	}
	grams := map[uint64]int32{}
	for i, u := range units {
		var n string
		if i < len(norms) {
			n = norms[i]
		} else {
			n = Normalize(u.Text[source])
		}
		if n == "" {
			continue
		}
		m.norm[i] = n
		if !indexed {
			m.length[i] = utf8.RuneCountInString(n)
			continue
		}
		r := []rune(n)
		m.length[i] = len(r)
		clear(grams)
		for g, c := range countTrigrams(r, grams) {
			m.postings[g] = append(m.postings[g], posting{unit: int32(i), count: c})
		}
	}
	return m
}

// Exclude returns a view of m that leaves out the units of release, as when
// drafting a release that is itself in the memory. The index is shared.
func (m *Memory) Exclude(release string) *Memory {
	v := *m
	v.excluded = map[string]bool{release: true}
	for r := range m.excluded {
		v.excluded[r] = true
	}
	return &v
}

// Len returns the number of units in the memory, excluded or not.
func (m *Memory) Len() int { return len(m.units) }

// Lookup returns the units whose source text scores at least threshold
// against text and that have a translation in target, best first: by score,
// exact matches before equal scores, then in the order the units were given.
// A pair of source and target texts seen in several units is returned once,
// from its best-ranked unit. A threshold outside (0, 1] means
// DefaultThreshold.
func (m *Memory) Lookup(text, target string, threshold float64) []Match {
	if threshold <= 0 || threshold > 1 {
		threshold = DefaultThreshold
	}
	q := Normalize(text)
	if q == "" {
		return nil
	}
	qr := []rune(q)
	exact := strings.TrimSpace(norm.NFC.String(text))
	var (
		out []Match
		sc  = scorer{qr: qr}
	)
	consider := func(i int) {
		u := m.units[i]
		if m.excluded[u.Release] {
			return
		}
		tgt, ok := u.Text[target]
		if !ok || tgt == "" {
			return
		}
		score, ok := sc.score(m, i, threshold)
		if !ok {
			return
		}
		src := u.Text[m.source]
		out = append(out, Match{
			Source: src, Target: tgt, Score: score,
			Exact:   strings.TrimSpace(norm.NFC.String(src)) == exact,
			Release: u.Release, Segment: u.Segment,
		})
	}
	for _, i := range m.candidates(qr, threshold) {
		consider(i)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].Exact && !out[j].Exact
	})
	return dedupe(out)
}

// candidates returns, in unit order, the units that pass the length and
// trigram count filters for a query and threshold.
func (m *Memory) candidates(qr []rune, t float64) []int {
	lq := len(qr)
	maxLen := int(float64(lq)/t + 1e-9)
	maxDist := func(l int) int { return int((1-t)*float64(max(lq, l)) + 1e-9) }
	bound := func(l int) int { return max(lq, l) + 2 - 3*maxDist(l) }
	inLength := func(i int) bool {
		l := m.length[i]
		return l > 0 && abs(l-lq) <= maxDist(l)
	}
	weakest := bound(lq) // units shorter than the query share this bound
	for l := lq + 1; l <= maxLen; l++ {
		weakest = min(weakest, bound(l))
	}
	var out []int
	if weakest <= 0 || m.scan {
		// The count filter cannot exclude a unit sharing no trigram.
		for i := range m.units {
			if inLength(i) {
				out = append(out, i)
			}
		}
		return out
	}
	shared := make([]int32, len(m.units))
	var touched []int32
	for g, qc := range countTrigrams(qr, map[uint64]int32{}) {
		for _, p := range m.postings[g] {
			if shared[p.unit] == 0 {
				touched = append(touched, p.unit)
			}
			shared[p.unit] += min(qc, p.count)
		}
	}
	for _, u := range touched {
		i := int(u)
		if inLength(i) && int(shared[u]) >= bound(m.length[i]) {
			out = append(out, i)
		}
	}
	sort.Ints(out)
	return out
}

func dedupe(ms []Match) []Match {
	type pair struct{ s, t string }
	seen := map[pair]bool{}
	out := ms[:0]
	for _, m := range ms {
		k := pair{m.Source, m.Target}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, m)
	}
	return out
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// boundary pads texts for trigrams; Normalize never leaves a control
// character in a text, so it cannot collide with one.
const boundary = rune(1)

// countTrigrams adds to out the character trigrams of r padded with two
// boundary marks at each end (a text of n code points has n+2 of them), each
// packed in a uint64, and returns out.
func countTrigrams(r []rune, out map[uint64]int32) map[uint64]int32 {
	at := func(i int) uint64 { // i indexes the padded text
		if i < 2 || i >= len(r)+2 {
			return uint64(boundary)
		}
		return uint64(r[i-2])
	}
	for i := 0; i < len(r)+2; i++ {
		out[at(i)<<42|at(i+1)<<21|at(i+2)]++
	}
	return out
}

var folder = cases.Fold()

// Normalize returns the form of s that similarity is computed on: NFC,
// width-folded, case-folded, without punctuation, control or format
// characters, with white space collapsed to single spaces and trimmed.
func Normalize(s string) string {
	if out, ok := normalizeASCII(s); ok {
		return out
	}
	return normalize(s)
}

// normalize is Normalize of any text, through each transform in turn.
func normalize(s string) string {
	s = norm.NFC.String(folder.String(width.Fold.String(s)))
	if hasKhmer(s) {
		s = matchform.Khmer(s).Text // look-alike spellings to one spelling, zero-width characters out
	}
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = true
		case unicode.IsPunct(r), unicode.Is(unicode.Cc, r), unicode.Is(unicode.Cf, r):
		default:
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		}
	}
	return b.String()
}

// asciiClass says what Normalize does with each ASCII character, found by the same transforms and tests at
// start: a space, a character dropped, one that is not itself once folded (none is: width folding and NFC keep
// ASCII, case folding only lowers A–Z, one for one), or the character it becomes. A text of ASCII alone is then
// normalised a byte at a time (normalizeASCII).
var asciiClass = func() (c [utf8.RuneSelf]byte) {
	for r := rune(0); r < utf8.RuneSelf; r++ {
		switch f := norm.NFC.String(folder.String(width.Fold.String(string(r)))); {
		case unicode.IsSpace(r):
			c[r] = asciiSpace
		case unicode.IsPunct(r), unicode.Is(unicode.Cc, r), unicode.Is(unicode.Cf, r):
			c[r] = asciiDropped
		case len(f) != 1 || f[0] >= utf8.RuneSelf:
			c[r] = asciiOther
		default:
			c[r] = f[0]
		}
	}
	return c
}()

// The classes of asciiClass besides a character's folded form, outside ASCII.
const (
	asciiSpace = utf8.RuneSelf + iota
	asciiDropped
	asciiOther
)

// normalizeASCII is Normalize of a text of ASCII characters alone, which the translation memory's English
// mostly is, in one pass; ok is false, with nothing done, for any other text.
func normalizeASCII(s string) (string, bool) {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf || asciiClass[s[i]] == asciiOther {
			return "", false
		}
	}
	b := make([]byte, 0, len(s))
	space := false
	for i := 0; i < len(s); i++ {
		switch c := asciiClass[s[i]]; c {
		case asciiSpace:
			space = true
		case asciiDropped:
		default:
			if space && len(b) > 0 {
				b = append(b, ' ')
			}
			space = false
			b = append(b, c)
		}
	}
	return string(b), true
}

func hasKhmer(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Khmer, r) {
			return true
		}
	}
	return false
}

// Similarity returns the score of b against a used by Lookup: 1 − d/max(|a|,
// |b|) on the normalised texts, 1 when both are empty after normalisation.
func Similarity(a, b string) float64 {
	na, nb := Normalize(a), Normalize(b)
	la, lb := len([]rune(na)), len([]rune(nb))
	if la == 0 && lb == 0 {
		return 1
	}
	return 1 - float64(levenshtein.ComputeDistance(na, nb))/float64(max(la, lb))
}

// scorer measures units against one query, reusing its buffers from unit to unit.
type scorer struct {
	qr  []rune // the query's normalised text
	ur  []rune // the unit's normalised source
	row []int  // boundedDistance's rows
	my  *myers // the query's bits, made when a band first is wide
	rev *myers // the reversed query's, made when a unit first shares a longer start than end with it
	rb  []rune // the unit's source reversed, less its common start
}

// score returns the score of unit i when it is at least floor.
func (s *scorer) score(m *Memory, i int, floor float64) (float64, bool) {
	return s.scoreNorm(m.norm[i], m.length[i], floor)
}

// scoreNorm returns the score of a normalised text of length code points when it is at least floor. A distance
// beyond k leaves the score under floor, so the band of the distance need not be wider than k.
func (s *scorer) scoreNorm(norm string, length int, floor float64) (float64, bool) {
	lmax := max(len(s.qr), length)
	k := int((1-floor)*float64(lmax)) + 1
	s.ur = s.ur[:0]
	for _, c := range norm {
		s.ur = append(s.ur, c)
	}
	var d int
	if abs(len(s.qr)-len(s.ur)) > k {
		return 0, false
	}
	if s.wide(k) {
		d = s.bitParallel(k)
	} else {
		d, s.row = boundedDistance(s.qr, s.ur, k, s.row)
	}
	if d > k {
		return 0, false
	}
	score := 1 - float64(d)/float64(lmax)
	return score, score >= floor
}

// wide reports whether a band of k edits either side of the diagonal is wider than the bit-parallel distance's
// blocks cost.
func (s *scorer) wide(k int) bool { return 2*k+1 > myersBand*((len(s.qr)+63)/64) }

// bitParallel returns the distance of the query and s.ur when it is at most k, and k+1 otherwise, measured with
// Myers' distance after cutting the longer of their common start and common end, as boundedDistance cuts both
// (they change no optimal alignment): the end from the query's bits, which give the distance of any start of the
// query, and the start from the reversed query's. The sentences of a templated archive differ in a name or a
// figure, often after a long common start or before a long common end.
func (s *scorer) bitParallel(k int) int {
	q, u := s.qr, s.ur
	start := 0
	for start < len(q) && start < len(u) && q[start] == u[start] {
		start++
	}
	end := 0
	for end < len(q) && end < len(u) && q[len(q)-1-end] == u[len(u)-1-end] {
		end++
	}
	if end >= start {
		if s.my == nil {
			s.my = newMyers(q)
		}
		return s.my.within(len(q)-end, u[:len(u)-end], k)
	}
	if s.rev == nil {
		r := make([]rune, len(q))
		for i, c := range q {
			r[len(q)-1-i] = c
		}
		s.rev = newMyers(r)
	}
	s.rb = s.rb[:0]
	for i := len(u) - 1; i >= start; i-- {
		s.rb = append(s.rb, u[i])
	}
	return s.rev.within(len(q)-start, s.rb, k)
}

// myersBand is the width of a distance's band, per block of 64 code points of the query, from which the
// bit-parallel distance, a few word operations per block and code point of the text, costs less than the band's
// cells, which the banded distance computes after cutting the common start and end. Measured in instructions
// (valgrind) on warm drafts and searches at 10,000 releases: 4 and 2 within 1% of each other, 12 4% more.
const myersBand = 4

// Scorer measures normalised source texts against one query as Lookup and Best score units, for a store that
// ranks its candidates before reading them whole. It reuses its buffers: one Scorer serves one goroutine.
type Scorer struct{ s scorer }

// NewScorer returns the scorer of the query text.
func NewScorer(text string) *Scorer { return &Scorer{scorer{qr: []rune(Normalize(text))}} }

// Score returns the score of a unit whose normalised source (Normalize) is norm, when it is at least floor: the
// score Lookup gives the unit, to the bit.
func (s *Scorer) Score(norm string, floor float64) (float64, bool) {
	return s.s.scoreNorm(norm, utf8.RuneCountInString(norm), floor)
}
