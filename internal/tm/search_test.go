package tm

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

func TestSearchPrefix(t *testing.T) {
	units := []Unit{
		{Release: "r1", Segment: "b3.s1", Text: map[string]string{"en": "PRESS RELEASE", "ja": "報道発表"}},
		{Release: "r1", Segment: "b7.s1", Text: map[string]string{"en": "He expressed gratitude to Japan for its continued support to the demining sector in Cambodia.", "ja": "同副首相は、カンボジアの地雷除去分野に対する日本の継続的な支援に謝意を表明しました。"}},
		{Release: "r2", Segment: "b5.s1", Text: map[string]string{"en": "He expressed concern over the situation in the region.", "ja": "同副首相は、地域情勢に懸念を表明しました。"}},
	}
	m := New(units, "en")
	tests := []struct {
		query     string
		threshold float64
		want      string // the first match: segment and kind
	}{
		{"He expressed gratitude to Japan", 0.3, "b7.s1 prefix"},
		{"He expresed gratitude to Japan", 0.75, "b7.s1 prefix"}, // a typo
		{"He expressed concern over the situation in the region.", 0.75, "b5.s1 exact"},
	}
	for _, tt := range tests {
		ms := m.Search(tt.query, "ja", tt.threshold)
		got := "none"
		if len(ms) > 0 {
			kind := "fuzzy"
			if ms[0].Exact {
				kind = "exact"
			} else if ms[0].Prefix {
				kind = "prefix"
			}
			got = ms[0].Segment + " " + kind
		}
		if got != tt.want {
			t.Errorf("Search(%q): first match %s, want %s (all: %+v)", tt.query, got, tt.want, ms)
		}
	}
}

func TestNormalizeFoldsKhmerLookAlikes(t *testing.T) {
	tests := []struct{ a, b string }{
		{"ឯកឧត្តម ប្រាក់ សុខុន", "ឯកឧត្ដម ប្រាក់ សុខុន"},       // coeng TA and coeng DA
		{"ឯកឧត្តម ប្រាក់ សុខុន", "ឯកឧត្\u200bតម ប្រាក់ សុខុន"}, // a zero-width space inside the word
		{"សេចក្តីប្រកាសព័ត៌មាន", "សេចក្ដីប្រកាសព័ត៌មាន"},
	}
	for _, tt := range tests {
		if got := Similarity(tt.a, tt.b); got != 1 {
			t.Errorf("Similarity(%q, %q) = %v, want 1", tt.a, tt.b, got)
		}
	}
}

func TestConcordance(t *testing.T) {
	units := []Unit{
		{Release: "r1", Segment: "b8.s3", Text: map[string]string{"en": "Japan supports Peacekeeping; peacekeeping matters.", "km": "ប្រតិបត្តិការរក្សាសន្តិភាពអន្តរជាតិ", "ja": "国際的な平和維持活動"}},
		{Release: "r1", Segment: "b6.s1", Text: map[string]string{"en": "The two ministers met.", "km": "ឯកឧត្ដម ប្រាក់ សុខុន", "ja": "両外相は会談した。"}},
	}
	m := New(units, "en")
	tests := []struct {
		phrase string
		langs  []string
		want   string
	}{
		{"peacekeeping", nil, "b8.s3 en [15 27] [29 41]"},
		{"平和維持", nil, "b8.s3 ja [12 24]"},
		{"ឯកឧត្តម", []string{"km"}, "b6.s1 km [0 21]"}, // coeng TA finds coeng DA
		{"ministers", []string{"km"}, ""},
	}
	for _, tt := range tests {
		got := ""
		for _, h := range m.Concordance(tt.phrase, tt.langs) {
			for _, l := range []string{"en", "km", "ja"} {
				if sp, ok := h.Spans[l]; ok {
					got += fmt.Sprintf("%s %s", h.Segment, l)
					for _, s := range sp {
						got += fmt.Sprintf(" %v", s)
					}
				}
			}
		}
		if got != tt.want {
			t.Errorf("Concordance(%q, %v): got %q, want %q", tt.phrase, tt.langs, got, tt.want)
		}
	}
}

// TestScorerMatchesAsSearch checks that Scorer.Matches says of each unit whether Lookup and Search find it, as a
// memory of that unit alone does, and Scorer.Prefix gives Search's score of a prefix match.
func TestScorerMatchesAsSearch(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 16))
	units := generate(r, 200)
	for _, threshold := range []float64{0.5, 0.75, 0.9, 1} {
		for q := 0; q < 20; q++ {
			text := units[r.IntN(len(units))].Text["en"]
			if q%3 == 1 {
				text = mutate(r, text, r.IntN(6))
			} else if q%3 == 2 {
				w := strings.Fields(text)
				text = strings.Join(w[:min(len(w), 4)], " ")
			}
			s := NewScorer(text)
			for _, u := range units {
				one := New([]Unit{u}, "en")
				n := Normalize(u.Text["en"])
				if got, want := s.Matches(n, threshold, false), len(one.Lookup(text, "km", threshold)) > 0; got != want {
					t.Fatalf("Lookup: threshold %v, query %q, unit %q: Matches %v, want %v", threshold, text, n, got, want)
				}
				ms := one.Search(text, "km", threshold)
				if got, want := s.Matches(n, threshold, true), len(ms) > 0; got != want {
					t.Fatalf("Search: threshold %v, query %q, unit %q: Matches %v, want %v", threshold, text, n, got, want)
				}
				got, ok := s.Prefix(n, threshold)
				if want := len(ms) > 0 && ms[0].Prefix; ok != want || ok && got != ms[0].Score {
					t.Fatalf("Search: threshold %v, query %q, unit %q: Prefix %v %v, want %v (%+v)", threshold, text, n, got, ok, want, ms)
				}
			}
		}
	}
}
