package check

import (
	"fmt"
	"maps"
	"math/rand/v2"
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
