package check

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/relloc/relloc/internal/numeral"
)

// TestFullDatesMatchesReference: fullDates, which keeps each date's parts in a short list, finds the dates that a
// map of each date's parts found, on random numbers of a few dates: parts missing, repeated (the last counts),
// relative, of other kinds, or of no date.
func TestFullDatesMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	kinds := []string{numeral.KindYear, numeral.KindMonth, numeral.KindDay, numeral.KindTime, ""}
	for n := range 30 {
		for range 50 {
			ns := make([]numeral.Number, n)
			for i := range ns {
				ns[i] = numeral.Number{Value: float64(1 + r.IntN(30)), Kind: kinds[r.IntN(len(kinds))], Date: r.IntN(4),
					Relative: r.IntN(10) == 0}
			}
			got, want := fullDates(ns), fullDatesReference(ns)
			if len(got) != len(want) || !maps.Equal(got, want) {
				t.Fatalf("fullDates(%v) = %v, want %v", ns, got, want)
			}
		}
	}
}

// fullDatesReference is fullDates as it was, with a map of each date's parts.
func fullDatesReference(ns []numeral.Number) map[int]string {
	parts := map[int]map[string]float64{}
	for _, n := range ns {
		if n.Date == 0 || n.Relative {
			continue
		}
		if parts[n.Date] == nil {
			parts[n.Date] = map[string]float64{}
		}
		parts[n.Date][n.Kind] = n.Value
	}
	out := map[int]string{}
	for id, p := range parts {
		y, ok1 := p[numeral.KindYear]
		m, ok2 := p[numeral.KindMonth]
		d, ok3 := p[numeral.KindDay]
		if ok1 && ok2 && ok3 {
			out[id] = fmt.Sprintf("%v-%v-%v", y, m, d)
		}
	}
	return out
}

// TestNumberRepeatedDate: a full date that a translation adds to a sentence, all of whose parts are extra, is no
// finding when the English release gives it elsewhere (MOFA's Japanese opens the body with the dateline's date),
// and is one when the English gives it nowhere.
func TestNumberRepeatedDate(t *testing.T) {
	for _, c := range []struct {
		name, ja string
		want     []string
	}{
		{"the dateline's date", "# 報道発表\n\n2022年8月4日\n\n2022年8月4日、両外相は約20分間会談しました。\n", nil},
		{"a date the English gives nowhere", "# 報道発表\n\n2022年8月4日\n\n2022年8月5日、両外相は約20分間会談しました。\n",
			[]string{"number-mismatch:error ja", "number-mismatch:error ja", "number-mismatch:error ja"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			fsys := oneRelease(t, map[string]string{
				"en": "# Press Release\n\n4 August 2022\n\nThe two Foreign Ministers met for about 20 minutes.\n",
				"ja": c.ja,
			})
			if got := rulesOf(t, fsys, "number-mismatch"); !slices.Equal(got, c.want) {
				for _, f := range run(t, fsys, 0) {
					t.Log(f.Rule, f.Line, f.Column, f.Message)
				}
				t.Errorf("got %v, want %v", got, c.want)
			}
		})
	}
}
