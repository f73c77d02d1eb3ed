package tm

import "unicode/utf8"

// Filter says which units a lookup can return, for a store that keeps units outside memory (a persistent index)
// and must hand Lookup or Search a set of candidates holding every unit that can match: a unit whose normalised
// source has a length outside [MinLen, MaxLen] code points, or shares fewer than Need of the query's trigrams
// Grams (counted with multiplicity, min of both counts), cannot score at the threshold. The bounds are those
// Lookup and Search use themselves, loosened by a margin for rounding, on the trigrams without boundary marks
// (the four of each text with a boundary mark are left out of Grams and of Need), which a full-text index of
// trigrams holds.
type Filter struct {
	MinLen, MaxLen int // MaxLen < 0: no upper bound
	Grams          map[string]int
	// Need ≤ 0: the trigrams exclude nothing, only the lengths do.
	Need int

	ordinal map[uint64]int // packed trigram of Grams → index in counts
	counts  []int32
	// Search's prefixes: a unit of more than lq code points whose first lq code points share prefixNeed
	// trigrams with the query also passes (prefixNeed > lq: no prefix matches).
	lq, lookupMin, lookupMax, lookupNeed, prefixNeed int
}

// margin loosens the filter's bounds so that floating-point rounding never makes them stricter than Lookup's.
const margin = 1e-6

// NewFilter returns the filter of Lookup (search false) or Search (search true) for text and threshold (outside
// (0, 1]: DefaultThreshold). ok is false when no unit can match, as when text is empty after normalisation.
func NewFilter(text string, threshold float64, search bool) (f Filter, ok bool) {
	return newFilter(text, threshold, true, search)
}

// NewPrefixFilter returns the filter of Search's matches by the start of a unit alone (Match.Prefix), for a
// store that finds them apart from the matches by the whole text. ok is false when there can be none: text is
// too short after normalisation for Search to match sentences by their start.
func NewPrefixFilter(text string, threshold float64) (f Filter, ok bool) {
	return newFilter(text, threshold, false, true)
}

// newFilter returns the filter of the units matching text as a whole (whole) or by their start (prefix).
func newFilter(text string, threshold float64, whole, prefix bool) (f Filter, ok bool) {
	if threshold <= 0 || threshold > 1 {
		threshold = DefaultThreshold
	}
	q := []rune(Normalize(text))
	lq := len(q)
	if lq == 0 {
		return Filter{}, false
	}
	maxDist := func(l int) int { return int((1-threshold)*float64(max(lq, l)) + margin) }
	maxLen := int(float64(lq)/threshold + margin)
	f = Filter{MinLen: -1, MaxLen: -1, Grams: map[string]int{}}
	weakest := lq + 2
	for l := 1; l <= maxLen+1; l++ {
		if abs(l-lq) > maxDist(l) {
			continue
		}
		if f.MinLen < 0 {
			f.MinLen = l
		}
		f.MaxLen = l
		weakest = min(weakest, max(lq, l)+2-3*maxDist(l))
	}
	f.Need = weakest - 4 // l = lq always passes: MinLen and MaxLen are set
	f.lq, f.lookupMin, f.lookupMax, f.lookupNeed, f.prefixNeed = lq, f.MinLen, f.MaxLen, f.Need, lq+1
	if !whole {
		if !prefix || lq < minPrefix {
			return Filter{}, false
		}
		// No unit passes as a whole: its length cannot be both at least lookupMin and at most lookupMax.
		f.MinLen, f.lookupMin, f.lookupMax, f.Need = lq+1, 1, 0, lq+2
	}
	if prefix && lq >= minPrefix {
		// The start of a unit within maxDist(lq) of the query shares its trigrams but those an edit destroys.
		f.prefixNeed = lq - 2 - 3*maxDist(lq)
		f.MaxLen = -1
		f.Need = min(f.Need, f.prefixNeed)
	}
	for i := 0; i+3 <= lq; i++ {
		f.Grams[string(q[i:i+3])]++
	}
	f.ordinal = make(map[uint64]int, len(f.Grams))
	for g, c := range f.Grams {
		r := []rune(g)
		f.ordinal[pack(r[0], r[1], r[2])] = len(f.counts)
		f.counts = append(f.counts, int32(c))
	}
	return f, true
}

// Source is a translation memory that sentences are looked up in: a Memory, or a store that finds the candidate
// units of each lookup and looks them up in a Memory of those (package index). A Source is safe for concurrent
// lookups: a draft looks its sentences up side by side.
type Source interface {
	// Lookup is Memory.Lookup.
	Lookup(text, target string, threshold float64) []Match
	// Best is Memory.Best: the first match of Lookup, if any.
	Best(text, target string, threshold float64) (Match, bool)
	// Without returns the source without the units of release, as Memory.Exclude.
	Without(release string) Source
}

// Without is Exclude, for Source.
func (m *Memory) Without(release string) Source { return m.Exclude(release) }

// Units returns the units of the memory, excluded ones too, in the order they were given.
func (m *Memory) Units() []Unit { return m.units }

// Pass reports whether a unit whose normalised source is norm passes f: as a whole, or for Search by its start.
func (f Filter) Pass(norm string) bool {
	n := utf8.RuneCountInString(norm)
	if n >= f.lookupMin && n <= f.lookupMax && f.shares(norm, -1, f.lookupNeed) {
		return true
	}
	return f.prefixNeed <= f.lq && n > f.lq && f.shares(norm, f.lq, f.prefixNeed)
}

// shares reports whether the first limit code points of norm (limit < 0: all) share need of f's trigrams.
func (f Filter) shares(norm string, limit, need int) bool {
	if need <= 0 {
		return true
	}
	used := make([]int32, len(f.counts))
	shared := 0
	var a, b rune
	i := 0
	for _, c := range norm {
		if i == limit {
			break
		}
		if i >= 2 {
			if k, ok := f.ordinal[pack(a, b, c)]; ok && used[k] < f.counts[k] {
				used[k]++
				if shared++; shared >= need {
					return true
				}
			}
		}
		a, b = b, c
		i++
	}
	return false
}

func pack(a, b, c rune) uint64 { return uint64(a)<<42 | uint64(b)<<21 | uint64(c) }

// Shared is what Filter.Pass compares with its bounds for one text: its length in code points, and how many of
// the query's trigrams (Filter.Grams, with multiplicity) it shares as a whole and in its first code points as
// many as the query has.
type Shared struct{ Len, Whole, Start int }

// Shared counts what f.Pass compares for a text whose normalised source is norm. The counts depend on the query
// alone, not on the threshold, so that a store testing one text against the filters of several thresholds
// counts them once and tests each with PassShared.
func (f Filter) Shared(norm string) Shared {
	whole, start := make([]int32, len(f.counts)), make([]int32, len(f.counts))
	var (
		s    Shared
		a, b rune
	)
	for _, c := range norm {
		if s.Len >= 2 {
			if k, ok := f.ordinal[pack(a, b, c)]; ok {
				if whole[k] < f.counts[k] {
					whole[k]++
					s.Whole++
				}
				if s.Len < f.lq && start[k] < f.counts[k] {
					start[k]++
					s.Start++
				}
			}
		}
		a, b = b, c
		s.Len++
	}
	return s
}

// PassShared is Pass for a text of the counts s (Shared, of a filter of the same query).
func (f Filter) PassShared(s Shared) bool {
	if s.Len >= f.lookupMin && s.Len <= f.lookupMax && (f.lookupNeed <= 0 || s.Whole >= f.lookupNeed) {
		return true
	}
	return f.prefixNeed <= f.lq && s.Len > f.lq && (f.prefixNeed <= 0 || s.Start >= f.prefixNeed)
}
