package numeral

import (
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Pair is a number of the source and the different number of the rendering
// that stands in its place: one changed number.
type Pair struct {
	Expected, Found Number
}

// Comparison is what Compare finds between the numbers of a source text and
// those of its rendering.
type Comparison struct {
	Changed []Pair   // a number of the source rendered as a different number
	Missing []Number // numbers of the source with no counterpart, in text order
	Extra   []Number // numbers of the rendering with no counterpart, in text order
}

// Compare compares the numbers of a source text (src) with those of its
// rendering (tgt), each as Find (and, for the rendering, Relative) returns
// them:
//
//  1. List labels are left out: they are no quantities.
//  2. Numbers of equal value match, whatever their script or kind. Then a
//     bare Khmer number word of the rendering (from Bare) matches an
//     English number word of its value left over; bare words count for
//     nothing else.
//  3. A relative date word of the rendering (本日, 同日, 本年) matches a day,
//     month or year of the same kind in the source.
//  4. A month or year of a source date whose other parts matched may be
//     left out by the rendering (本8日 for "October 8", 8月4日 for "August
//     4, 2022"), unless the rendering has a different number of that kind.
//  5. Numbers in imperial units left in the source (6 feet) and numbers in
//     metric units left in the rendering (198センチ) are a conversion: no
//     finding.
//  6. The numbers left on both sides are paired, those of the same kind and
//     nearest magnitude first: each pair is one changed number (expected 20,
//     found 25). A pair of two weak numbers is no finding.
//  7. What is left is missing or extra, except weak numbers and, in the
//     rendering, the number 1, which languages add or drop freely ("a
//     month" is 1か月; 犠牲者の一人 for "one of the victims").
func Compare(src, tgt []Number) Comparison {
	src, tgt = withoutLabels(src), withoutLabels(tgt)
	var bare []Number
	tgt, bare = withoutBare(tgt)
	used := make([]bool, len(src)+len(tgt)+len(bare)) // matched: su, tu and bu, made at once
	su, tu := used[:len(src):len(src)], used[len(src):len(src)+len(tgt):len(src)+len(tgt)]
	// hard numbers first, then weak ones; the same kind first
	match := func(sameKind, weakSrc, weakTgt bool) {
		for i, a := range src {
			if su[i] || a.Weak != weakSrc {
				continue
			}
			for j, b := range tgt {
				if !tu[j] && !b.Relative && b.Weak == weakTgt && a.Value == b.Value && (!sameKind || a.Kind == b.Kind) {
					su[i], tu[j] = true, true
					break
				}
			}
		}
	}
	for _, sameKind := range []bool{true, false} {
		for _, w := range [][2]bool{{false, false}, {true, false}, {false, true}, {true, true}} {
			match(sameKind, w[0], w[1])
		}
	}
	// bare Khmer number words render English number words: "two candidates" is បេក្ខជនពីរ
	bu := used[len(src)+len(tgt):]
	for i, a := range src {
		if su[i] || !a.Spelled {
			continue
		}
		for k, b := range bare {
			if !bu[k] && a.Value == b.Value {
				su[i], bu[k] = true, true
				break
			}
		}
	}
	// relative date words
	for j, b := range tgt {
		if tu[j] || !b.Relative {
			continue
		}
		for i, a := range src {
			if !su[i] && a.Kind == b.Kind {
				su[i], tu[j] = true, true
				break
			}
		}
	}
	// elided months and years of a date
	for i, a := range src {
		if su[i] || a.Date == 0 || (a.Kind != KindMonth && a.Kind != KindYear) {
			continue
		}
		partMatched := false
		for k, o := range src {
			if k != i && su[k] && o.Date == a.Date {
				partMatched = true
			}
		}
		rival := false
		for j, b := range tgt {
			if !tu[j] && !b.Weak && b.Kind == a.Kind {
				rival = true
			}
		}
		if partMatched && !rival {
			su[i] = true
		}
	}
	// A translation converts imperial units into metric ones ("6-foot-6" is 198センチ): when the source has a
	// number in imperial units left over and the rendering one in metric units, the metric numbers are that
	// conversion, and the imperial ones are not missing. A conversion the English gives itself ("45 miles (72
	// kilometers)", both weak) is compared as written.
	metric := false
	for j, b := range tgt {
		metric = metric || !tu[j] && b.Unit == UnitMetric
	}
	imperial := false
	for i, a := range src {
		if metric && !su[i] && !a.Weak && a.Unit == UnitImperial {
			imperial, su[i] = true, true
		}
	}
	for j, b := range tgt {
		if imperial && b.Unit == UnitMetric {
			tu[j] = true
		}
	}
	// pair what is left
	type cand struct {
		i, j int
		cost float64
	}
	var cands []cand
	for i, a := range src {
		if su[i] {
			continue
		}
		for j, b := range tgt {
			if tu[j] || b.Relative {
				continue
			}
			if c, ok := pairCost(a, b); ok {
				// then nearest in the order of the text
				c += 0.2 * math.Abs(float64(i)/float64(len(src))-float64(j)/float64(len(tgt)))
				cands = append(cands, cand{i, j, c})
			}
		}
	}
	sort.SliceStable(cands, func(x, y int) bool { return cands[x].cost < cands[y].cost })
	var out Comparison
	for _, c := range cands {
		if su[c.i] || tu[c.j] {
			continue
		}
		su[c.i], tu[c.j] = true, true
		a, b := src[c.i], tgt[c.j]
		if a.Weak && (b.Weak || b.Value == 1) {
			continue
		}
		out.Changed = append(out.Changed, Pair{Expected: a, Found: b})
	}
	sort.SliceStable(out.Changed, func(x, y int) bool { return out.Changed[x].Found.Start < out.Changed[y].Found.Start })
	for i, a := range src {
		if !su[i] && !a.Weak {
			out.Missing = append(out.Missing, a)
		}
	}
	for j, b := range tgt {
		if !tu[j] && !b.Weak && b.Value != 1 {
			out.Extra = append(out.Extra, b)
		}
	}
	return out
}

// digits returns the significant digits of v: 2.25e9 and 2.25e7 are both "225".
func digits(v float64) string {
	s := strings.ReplaceAll(strconv.FormatFloat(math.Abs(v), 'f', -1, 64), ".", "")
	return strings.Trim(s, "0")
}

// withoutBare splits ns into its numbers and its bare number words; with no bare word, the numbers are ns
// itself, which Compare only reads.
func withoutBare(ns []Number) (numbers, bare []Number) {
	if !slices.ContainsFunc(ns, func(n Number) bool { return n.Bare }) {
		return ns, nil
	}
	for _, n := range ns {
		if n.Bare {
			bare = append(bare, n)
		} else {
			numbers = append(numbers, n)
		}
	}
	return numbers, bare
}

// withoutLabels returns the numbers of ns that are no list label: ns itself when it has none, which Compare only
// reads.
func withoutLabels(ns []Number) []Number {
	k := 0
	for _, n := range ns {
		if n.Kind != KindLabel {
			k++
		}
	}
	if k == 0 {
		return nil
	}
	if k == len(ns) {
		return ns
	}
	out := make([]Number, 0, k)
	for _, n := range ns {
		if n.Kind != KindLabel {
			out = append(out, n)
		}
	}
	return out
}

// kindClass groups kinds that may stand for one another when a number is
// changed: a date part may be read as a plain number on one side ("since
// 1953" against 1953年), a quantity as an ordinal or percentage.
func kindClass(k string) int {
	switch k {
	case KindYear, KindMonth, KindDay:
		return 1
	case KindTime:
		return 2
	}
	return 0
}

// pairCost says how likely b is a change of a: same kind first, then
// nearest magnitude. Numbers of different classes (a year and a time) do
// not pair, except with a plain number.
func pairCost(a, b Number) (float64, bool) {
	cost := 0.0
	if (a.Weak || b.Weak) && kindClass(a.Kind) != kindClass(b.Kind) {
		return 0, false // 両 ("both") is no changed month
	}
	if a.Kind != b.Kind {
		if kindClass(a.Kind) != kindClass(b.Kind) && a.Kind != KindNumber && b.Kind != KindNumber {
			return 0, false
		}
		cost += 1
	}
	cost += math.Abs(math.Log10(math.Abs(a.Value)+1) - math.Log10(math.Abs(b.Value)+1))
	// the same digits at another scale (37 billion as 37 កោដិ), or a digit
	// lost or added (183 as 18): most likely the same number gone wrong
	switch sa, sb := digits(a.Value), digits(b.Value); {
	case sa == sb:
		cost -= 1.5
	case strings.HasPrefix(sa, sb) || strings.HasPrefix(sb, sa):
		cost -= 0.3
	}
	if a.Weak || b.Weak {
		cost += 0.2
	}
	return cost, true
}
