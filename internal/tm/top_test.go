package tm

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// TestSearchOrderOfTies checks the order of matches of one kind and score: the order the units were given, not
// that of their releases or segments.
func TestSearchOrderOfTies(t *testing.T) {
	const base = "The two ministers discussed cooperation in trade, investment and tourism between both countries."
	var units []Unit
	for i, r := range []string{"r3", "r1", "r2", "r5", "r4"} {
		// Each source differs from the query by one letter at the same place, so all score alike.
		en := strings.Replace(base, "trade", fmt.Sprintf("trad%c", 'k'+i), 1)
		units = append(units,
			Unit{Release: r, Segment: "s1", Text: map[string]string{"en": en + " More follows.", "ja": "ja " + r}},
			Unit{Release: r, Segment: "s2", Text: map[string]string{"en": en[:len(en)-1] + "!", "ja": "ja " + r}})
	}
	m := New(units, "en")
	var got []string
	for _, x := range m.Search(base, "ja", 0.75) {
		got = append(got, fmt.Sprintf("%s/%s %d %.3f", x.Release, x.Segment, x.Rank(), x.Score))
	}
	// The prefix matches (s1, one letter off in the query's length) come first, then the fuzzy ones, each in
	// the order given.
	var want []string
	for _, seg := range []string{"s1", "s2"} {
		for _, r := range []string{"r3", "r1", "r2", "r5", "r4"} {
			rank, score := RankPrefix, 1-1/float64(len([]rune(Normalize(base))))
			if seg == "s2" {
				rank = RankFuzzy
			}
			want = append(want, fmt.Sprintf("%s/%s %d %.3f", r, seg, rank, score))
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Search's order:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestSearchTopIsSearchsStart checks that SearchTop returns the first matches of Search, ties included, and
// counts them as the tiers say, over generated memories whose units repeat one another's sentences with a word
// changed, so that many matches share a score.
func TestSearchTopIsSearchsStart(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 22))
	units := generate(r, 150)
	for i := range 450 { // near repeats of the first units, in other releases
		u := units[r.IntN(50)]
		en := mutate(r, u.Text["en"], r.IntN(3))
		units = append(units, Unit{Release: fmt.Sprintf("x%04d", i/7), Segment: fmt.Sprintf("s%d", i%7),
			Text: map[string]string{"en": en, "km": "km:" + en[:len(en)/2]}})
	}
	r.Shuffle(len(units), func(i, j int) { units[i], units[j] = units[j], units[i] })
	m := New(units, "en")
	limits := []int{1, 2, 5, 20}
	stopped := 0
	for _, threshold := range []float64{0.6, DefaultThreshold, 0.9} {
		for q := 0; q < 30; q++ {
			text := units[r.IntN(len(units))].Text["en"]
			switch q % 3 {
			case 1:
				text = mutate(r, text, 1+r.IntN(2))
			case 2:
				w := strings.Fields(text)
				text = strings.Join(w[:min(len(w), 3+r.IntN(3))], " ")
			}
			all := m.Search(text, "km", threshold)
			tiers := SearchTiers(text, threshold)
			for _, limit := range limits {
				top := m.SearchTop(text, "km", threshold, limit)
				want := all[:min(limit, len(all))]
				if !reflect.DeepEqual(top.Matches, want) {
					t.Fatalf("SearchTop(%q, %v, %d) =\n%v\nthe start of Search:\n%v", text, threshold, limit, top.Matches, want)
				}
				switch {
				case top.Complete && top.Matched != len(all):
					t.Fatalf("SearchTop(%q, %v, %d): complete with %d matched, Search finds %d", text, threshold, limit, top.Matched, len(all))
				case !top.Complete && (top.Matched <= limit || top.Matched > len(all)):
					t.Fatalf("SearchTop(%q, %v, %d): at least %d matched, Search finds %d", text, threshold, limit, top.Matched, len(all))
				case !top.Complete:
					stopped++
				}
			}
			if got := m.SearchTop(text, "km", threshold, 0); !reflect.DeepEqual(got, Top{Matches: all, Matched: len(all), Complete: true}) {
				t.Fatalf("SearchTop(%q, %v, 0) is not every match: %d of %d", text, threshold, len(got.Matches), len(all))
			}
			if last := tiers[len(tiers)-1]; last.Count(all) != len(all) {
				t.Fatalf("the last tier of %q, %+v, holds %d of %d matches", text, last, last.Count(all), len(all))
			}
		}
	}
	if stopped == 0 {
		t.Error("no search stopped before its last tier: the test data has too few matches")
	}
}

func TestSearchTiers(t *testing.T) {
	long := "Both sides agreed to strengthen their cooperation."
	tests := []struct {
		text      string
		threshold float64
		want      []Tier
	}{
		{long, 0.75, []Tier{{RankExact, 1}, {RankPrefix, 1}, {RankPrefix, 0.95}, {RankPrefix, 0.9}, {RankPrefix, 0.85},
			{RankPrefix, 0.8}, {RankPrefix, 0.75}, {RankFuzzy, 1}, {RankFuzzy, 0.95}, {RankFuzzy, 0.9}, {RankFuzzy, 0.85},
			{RankFuzzy, 0.8}, {RankFuzzy, 0.75}}},
		{long, 0.9, []Tier{{RankExact, 1}, {RankPrefix, 1}, {RankPrefix, 0.95}, {RankPrefix, 0.9},
			{RankFuzzy, 1}, {RankFuzzy, 0.95}, {RankFuzzy, 0.9}}},
		{"Both sides", 0.9, []Tier{{RankExact, 1}, {RankFuzzy, 1}, {RankFuzzy, 0.95}, {RankFuzzy, 0.9}}}, // too short to start sentences
		{"Both sides", 1, []Tier{{RankExact, 1}, {RankFuzzy, 1}}},
	}
	for _, tt := range tests {
		if got := SearchTiers(tt.text, tt.threshold); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("SearchTiers(%q, %v) = %v, want %v", tt.text, tt.threshold, got, tt.want)
		}
	}
}
