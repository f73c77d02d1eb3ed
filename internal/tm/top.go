package tm

// The ranks of Search's matches, in the order Search returns them (Match.Rank).
const (
	RankExact  = iota // the source is the text searched for
	RankPrefix        // the source starts with the text (Match.Prefix)
	RankFuzzy         // the rest, by their whole source
)

// Rank returns the rank of a match of Search: RankExact, RankPrefix or RankFuzzy.
func (x Match) Rank() int {
	switch {
	case x.Exact:
		return RankExact
	case x.Prefix:
		return RankPrefix
	}
	return RankFuzzy
}

// Tier is a bound in Search's order: it holds the matches of a lower rank than Rank, and those of rank Rank
// scoring at least Score. Since Search orders its matches by rank, then score, the matches a tier holds are
// the first ones.
type Tier struct {
	Rank  int
	Score float64
}

// Holds reports whether t holds x.
func (t Tier) Holds(x Match) bool {
	r := x.Rank()
	return r < t.Rank || r == t.Rank && x.Score >= t.Score
}

// Count returns how many of ms, matches in Search's order, t holds: those at the start of ms.
func (t Tier) Count(ms []Match) int {
	n := 0
	for n < len(ms) && t.Holds(ms[n]) {
		n++
	}
	return n
}

// tierScores are the scores above the threshold at which a search for the first matches counts the matches
// found so far, highest first. A store finds the units that can score at least a high score through few of the
// query's rarest trigrams, and measures them within a narrow band of edits, so that the first tiers cost little;
// each further score widens the search by a few edits in a sentence of a hundred characters.
var tierScores = []float64{1, 0.95, 0.9, 0.85, 0.8}

// SearchTiers returns the tiers that a search for the first matches of Search for text at threshold (outside
// (0, 1]: DefaultThreshold) counts in turn (SearchTop): the exact matches; the prefix matches, when text is
// long enough to have them, from a score of 1 down to the threshold; then the other matches likewise. The last
// holds every match.
func SearchTiers(text string, threshold float64) []Tier {
	if threshold <= 0 || threshold > 1 {
		threshold = DefaultThreshold
	}
	out := []Tier{{RankExact, 1}}
	ranks := []int{RankFuzzy}
	if len([]rune(Normalize(text))) >= minPrefix {
		ranks = []int{RankPrefix, RankFuzzy}
	}
	for _, r := range ranks {
		for _, s := range tierScores {
			if s > threshold {
				out = append(out, Tier{r, s})
			}
		}
		out = append(out, Tier{r, threshold})
	}
	return out
}

// Top is the first matches of a search, in its order, and how many matched.
type Top struct {
	Matches []Match
	// Matched is how many matches there are when Complete; otherwise how many the search found before it
	// stopped, more than len(Matches): those a tier of SearchTiers holds, and more may score less.
	Matched  int
	Complete bool
}

// SearchTop returns the first limit matches of Search (limit ≤ 0: all of them), exactly as Search orders them,
// and how many matched: it counts the matches each of SearchTiers holds in turn, and stops at the first that
// holds more than limit (TopOf). A store that keeps its units outside memory finds the matches of a tier
// without the others' (package index), and gives the same Top.
func (m *Memory) SearchTop(text, target string, threshold float64, limit int) Top {
	return TopOf(m.Search(text, target, threshold), SearchTiers(text, threshold), limit)
}

// TopOf returns the first limit of ms, the matches of a search in its order (limit ≤ 0: all of them), with the
// count of those that the first of tiers holding more than limit of them holds; at the last tier, which must
// hold every match, the count is complete.
func TopOf(ms []Match, tiers []Tier, limit int) Top {
	if limit <= 0 {
		return Top{Matches: ms, Matched: len(ms), Complete: true}
	}
	if len(tiers) == 0 {
		return Top{Matches: ms[:min(limit, len(ms))], Matched: len(ms), Complete: true}
	}
	for i := range tiers {
		if top, ok := TopAt(ms, tiers, i, limit); ok {
			return top
		}
	}
	panic("unreachable: the last tier stops the search")
}

// TopAt returns the Top of a search that stops at tiers[i], and whether it stops there: whether that tier
// holds more than limit of ms or is the last one. ms must hold every match that the tier holds, in the search's
// order, and may hold others after them.
func TopAt(ms []Match, tiers []Tier, i, limit int) (Top, bool) {
	last := i == len(tiers)-1
	n := tiers[i].Count(ms)
	if n <= limit && !last {
		return Top{}, false
	}
	return Top{Matches: ms[:min(limit, len(ms))], Matched: n, Complete: last}, true
}
