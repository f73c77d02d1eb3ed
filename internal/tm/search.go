package tm

import (
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/matchform"
)

// minPrefix is the shortest normalised query, in code points, that Search also matches against the start of
// the memory's sentences: shorter ones ("He") would start too many.
const minPrefix = 12

// Search is Lookup for a translator typing into a search box: besides the sentences similar to text as a
// whole, it finds the sentences that start with text (Match.Prefix), scored by the similarity of text to the
// start of the sentence of the same length, so that a few words typed, or mistyped, find the sentence they
// begin. Exact matches come first, then prefix matches, then the rest, each by score, and matches of one kind
// and score in the order the units were given; a pair of source and target texts seen in several units is
// returned once, from its first unit in that order (so that a unit matching both by its start and as a whole
// is a prefix match).
func (m *Memory) Search(text, target string, threshold float64) []Match {
	if threshold <= 0 || threshold > 1 {
		threshold = DefaultThreshold
	}
	out := m.Lookup(text, target, threshold)
	sc := scorer{qr: []rune(Normalize(text))}
	if len(sc.qr) >= minPrefix {
		for i, u := range m.units {
			if m.excluded[u.Release] || m.length[i] <= len(sc.qr) {
				continue
			}
			tgt, ok := u.Text[target]
			if !ok || tgt == "" {
				continue
			}
			score, ok := sc.prefixScore(m.norm[i], threshold)
			if !ok {
				continue
			}
			out = append(out, Match{Source: u.Text[m.source], Target: tgt, Score: score, Prefix: true,
				Release: u.Release, Segment: u.Segment})
		}
	}
	rank := func(x Match) int {
		switch {
		case x.Exact:
			return 0
		case x.Prefix:
			return 1
		}
		return 2
	}
	sort.SliceStable(out, func(i, j int) bool {
		if ri, rj := rank(out[i]), rank(out[j]); ri != rj {
			return ri < rj
		}
		return out[i].Score > out[j].Score
	})
	return dedupe(out)
}

// Hit is a unit holding a concordance phrase: its text in each language, and in each language where the
// phrase occurs, the byte spans of its occurrences in that text.
type Hit struct {
	Release, Segment string
	Text             map[string]string
	Spans            map[string][][2]int
}

// Concordance returns every unit whose text in one of langs (language codes; none means every language of the
// unit) contains phrase, in unit order, with the occurrences marked. Texts are compared in each language's
// matching form (package matchform: NFC; English case-folded; Japanese width-folded; Khmer look-alike spellings
// folded), and spans point into the original text.
func (m *Memory) Concordance(phrase string, langs []string) []Hit {
	var out []Hit
	forms := map[string]string{} // language → the phrase in its matching form
	for _, u := range m.units {
		if m.excluded[u.Release] {
			continue
		}
		h := Hit{Release: u.Release, Segment: u.Segment, Text: u.Text}
		for lang, text := range u.Text {
			if len(langs) > 0 && !contains(langs, lang) {
				continue
			}
			tag, err := language.Parse(lang)
			if err != nil {
				continue
			}
			p, ok := forms[lang]
			if !ok {
				p = strings.TrimSpace(matchform.For(tag, phrase).Text)
				forms[lang] = p
			}
			if p == "" {
				continue
			}
			f := matchform.For(tag, text)
			for at := 0; ; {
				i := strings.Index(f.Text[at:], p)
				if i < 0 {
					break
				}
				s, e := at+i, at+i+len(p)
				if h.Spans == nil {
					h.Spans = map[string][][2]int{}
				}
				h.Spans[lang] = append(h.Spans[lang], [2]int{f.Orig(s), f.OrigEnd(e)})
				at = e
			}
		}
		if h.Spans != nil {
			out = append(out, h)
		}
	}
	return out
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// Matches reports whether a unit whose normalised source (Normalize) is norm, with a translation, is a match of
// Lookup (search false) or of Search (search true, by its whole text or by its start) for the scorer's query at
// threshold (outside (0, 1]: DefaultThreshold), so that a store reads whole only the candidates that match.
func (s *Scorer) Matches(norm string, threshold float64, search bool) bool {
	if threshold <= 0 || threshold > 1 {
		threshold = DefaultThreshold
	}
	if _, ok := s.Score(norm, threshold); ok {
		return true
	}
	if !search {
		return false
	}
	_, ok := s.Prefix(norm, threshold)
	return ok
}

// Prefix returns Search's score of a unit whose normalised source (Normalize) is norm by its start (Match.Prefix),
// when it is at least floor: the score Search gives the unit, to the bit. It is false when the unit is no longer
// than the query, or the query too short for Search to match sentences by their start.
func (s *Scorer) Prefix(norm string, floor float64) (float64, bool) {
	if len(s.s.qr) < minPrefix || utf8.RuneCountInString(norm) <= len(s.s.qr) {
		return 0, false
	}
	return s.s.prefixScore(norm, floor)
}

// prefixScore returns Search's score of a unit whose normalised source norm is longer than the query: the
// similarity of the query to the start of norm of the same length, 1 − d/|query|, when it is at least threshold.
// The distance is measured as scoreNorm's is: a distance beyond k leaves the score under threshold, so the band
// need not be wider, and a unit far from the query costs O(k·|query|), not |query|², or, where that band is
// wide, a few word operations per block of 64 code points of the query.
func (s *scorer) prefixScore(norm string, threshold float64) (float64, bool) {
	n := len(s.qr)
	k := int((1-threshold)*float64(n)) + 1
	s.ur = s.ur[:0]
	for _, c := range norm {
		if len(s.ur) == n {
			break
		}
		s.ur = append(s.ur, c)
	}
	var d int
	if s.wide(k) {
		d = s.bitParallel(k)
	} else {
		d, s.row = boundedDistance(s.qr, s.ur, k, s.row)
	}
	if d > k {
		return 0, false
	}
	score := 1 - float64(d)/float64(n)
	return score, score >= threshold
}
