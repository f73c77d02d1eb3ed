package tm

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// Best returns the first match Lookup would return, if any, without finding the others: once a match is found,
// a unit is measured only within the distance that could equal or beat it, and an exact match of score 1 ends
// the search. A draft takes only the best match of each sentence, and in a templated archive a sentence has
// thousands of matches above the threshold.
func (m *Memory) Best(text, target string, threshold float64) (Match, bool) {
	if threshold <= 0 || threshold > 1 {
		threshold = DefaultThreshold
	}
	q := Normalize(text)
	if q == "" {
		return Match{}, false
	}
	qr := []rune(q)
	exact := strings.TrimSpace(norm.NFC.String(text))
	var (
		best  Match
		found bool
		sc    = scorer{qr: qr}
	)
	for _, i := range m.candidates(qr, threshold) {
		u := m.units[i]
		if m.excluded[u.Release] {
			continue
		}
		tgt, ok := u.Text[target]
		if !ok || tgt == "" {
			continue
		}
		floor := threshold
		if found {
			floor = max(floor, best.Score) // a tie can still win if it is exact and best is not
		}
		score, ok := sc.score(m, i, floor)
		if !ok || score < threshold || found && score < best.Score {
			continue
		}
		src := u.Text[m.source]
		isExact := strings.TrimSpace(norm.NFC.String(src)) == exact
		if found && score == best.Score && (!isExact || best.Exact) {
			continue // Lookup's stable sort keeps the earlier unit
		}
		best, found = Match{
			Source: src, Target: tgt, Score: score, Exact: isExact,
			Release: u.Release, Segment: u.Segment,
		}, true
		if score == 1 && isExact {
			break
		}
	}
	return best, found
}
