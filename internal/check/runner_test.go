package check

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestCollector: outcomes added one at a time in report order give Collect's result, with the cases or only
// their number of files; an outcome out of order is an error, not a report in another order.
func TestCollector(t *testing.T) {
	in := sampleInput(t)
	r := NewRunner(Input{Source: in.Source, Targets: in.Targets, Config: in.Config, Glossary: in.Glossary})
	var outs []Outcome
	for _, rel := range in.Releases {
		fs, cases := r.p.checkRelease(rel)
		outs = append(outs, Outcome{ID: rel.ID, Findings: fs, Cases: cases})
	}
	want := r.Collect(outs)
	if len(want.Findings) == 0 || len(want.Cases) == 0 || want.Files != len(want.Cases) {
		t.Fatalf("the sample gives %d findings, %d cases and %d files", len(want.Findings), len(want.Cases), want.Files)
	}
	byID := append([]Outcome(nil), outs...)
	slices.SortStableFunc(byID, func(a, b Outcome) int { return strings.Compare(a.ID, b.ID) })
	for _, keep := range []bool{true, false} {
		c := r.Collector(keep)
		for _, o := range byID {
			c.Add(o)
		}
		c.Add(Outcome{}) // left out, as Collect leaves it
		got, err := c.Result()
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got.Findings, want.Findings) || got.Files != want.Files {
			t.Errorf("keepCases %v: %d findings, %d files; want %d, %d", keep, len(got.Findings), got.Files,
				len(want.Findings), want.Files)
		}
		if wantCases := want.Cases; !keep && got.Cases != nil || keep && !reflect.DeepEqual(got.Cases, wantCases) {
			t.Errorf("keepCases %v: cases %v, want %v", keep, got.Cases, wantCases)
		}
	}
	if len(byID) < 2 || byID[0].ID == byID[len(byID)-1].ID {
		t.Fatal("the sample needs two releases of different ids")
	}
	c := r.Collector(false)
	c.Add(byID[len(byID)-1])
	c.Add(byID[0])
	if _, err := c.Result(); err == nil {
		t.Error("outcomes out of order: no error")
	}
}
