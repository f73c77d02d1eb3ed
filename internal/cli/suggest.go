package cli

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/agnivade/levenshtein"
)

// maxSuggestions bounds how many names a "did you mean" hint offers.
const maxSuggestions = 3

// closest returns the candidates a mistyped name s most likely meant, nearest first: those that contain s
// (a release's place or partner typed alone), else those within an edit distance of a third of s's length
// (at least 2), so that a slip of a character or two in a long release id is caught but an unrelated name is
// not offered. It returns at most maxSuggestions names.
func closest(s string, candidates []string) []string {
	if s == "" {
		return nil
	}
	var contain []string
	for _, c := range candidates {
		if c != s && strings.Contains(c, s) {
			contain = append(contain, c)
		}
	}
	if len(contain) > 0 {
		slices.Sort(contain)
		return contain[:min(len(contain), maxSuggestions)]
	}
	type scored struct {
		name string
		d    int
	}
	limit := max(2, utf8.RuneCountInString(s)/3)
	var near []scored
	for _, c := range candidates {
		if d := levenshtein.ComputeDistance(s, c); d <= limit && c != s {
			near = append(near, scored{c, d})
		}
	}
	slices.SortFunc(near, func(a, b scored) int { return cmp.Or(cmp.Compare(a.d, b.d), cmp.Compare(a.name, b.name)) })
	var out []string
	for _, n := range near[:min(len(near), maxSuggestions)] {
		out = append(out, n.name)
	}
	return out
}
