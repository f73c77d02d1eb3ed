package tm

import (
	"math/rand/v2"
	"testing"
	"unicode/utf8"
)

func passes(f Filter, norm string) bool { return f.Pass(norm) }

// TestFilterIsLossless checks that every unit Lookup and Search return passes the filter of its query, over
// generated memories, near-repeat and prefix queries, and thresholds from permissive to strict; and that the
// filter excludes most units, or it would be no use to an index.
func TestFilterIsLossless(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	units := generate(r, 400)
	m := New(units, "en")
	norms := map[string]string{}
	for _, u := range units {
		norms[u.Release+"/"+u.Segment] = Normalize(u.Text["en"])
	}
	excluded, considered := 0, 0
	for _, threshold := range []float64{0.6, 0.75, 0.9, 1} {
		for q := 0; q < 25; q++ {
			text := mutate(r, units[r.IntN(len(units))].Text["en"], r.IntN(6))
			if q%4 == 0 { // a few words typed
				rs := []rune(text)
				text = string(rs[:min(len(rs), 12+r.IntN(20))])
			}
			for _, search := range []bool{false, true} {
				f, ok := NewFilter(text, threshold, search)
				ms := m.Lookup(text, "km", threshold)
				if search {
					ms = m.Search(text, "km", threshold)
				}
				if !ok {
					if len(ms) > 0 {
						t.Fatalf("NewFilter(%q, %v, %v) says nothing matches; got %d matches", text, threshold, search, len(ms))
					}
					continue
				}
				for _, x := range ms {
					if !passes(f, norms[x.Release+"/"+x.Segment]) {
						t.Fatalf("threshold %v, search %v, query %q: match %s/%s (score %.3f) fails the filter %+v",
							threshold, search, text, x.Release, x.Segment, x.Score, f)
					}
				}
				if search {
					prefixFilterIsLossless(t, text, threshold, ms, norms)
				}
				if threshold == DefaultThreshold {
					for _, n := range norms {
						considered++
						if !passes(f, n) {
							excluded++
						}
					}
				}
			}
		}
	}
	if excluded*10 < considered*9 {
		t.Errorf("at the default threshold the filter excludes %d of %d units, want over 90%%", excluded, considered)
	}
}

// prefixFilterIsLossless checks that every prefix match of ms, Search's matches of text at threshold, passes
// NewPrefixFilter, and that no unit as long as the query or shorter does.
func prefixFilterIsLossless(t *testing.T, text string, threshold float64, ms []Match, norms map[string]string) {
	t.Helper()
	f, ok := NewPrefixFilter(text, threshold)
	for _, x := range ms {
		if !x.Prefix {
			continue
		}
		if !ok {
			t.Fatalf("NewPrefixFilter(%q, %v) says no unit matches by its start; %s/%s does", text, threshold, x.Release, x.Segment)
		}
		if !passes(f, norms[x.Release+"/"+x.Segment]) {
			t.Fatalf("threshold %v, query %q: prefix match %s/%s (score %.3f) fails the prefix filter %+v",
				threshold, text, x.Release, x.Segment, x.Score, f)
		}
	}
	if !ok {
		return
	}
	lq := utf8.RuneCountInString(Normalize(text))
	for k, n := range norms {
		if utf8.RuneCountInString(n) <= lq && passes(f, n) {
			t.Fatalf("threshold %v, query %q: unit %s, no longer than the query, passes the prefix filter", threshold, text, k)
		}
	}
}

// TestPassShared checks that PassShared of a text's Shared counts is Pass, for the filters of one query at
// several thresholds, whole and by the start, counted once with the filter of another threshold.
func TestPassShared(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	units := generate(r, 300)
	for q := 0; q < 30; q++ {
		text := mutate(r, units[r.IntN(len(units))].Text["en"], r.IntN(4))
		if q%3 == 0 {
			rs := []rune(text)
			text = string(rs[:min(len(rs), 12+r.IntN(20))])
		}
		counter, ok := NewFilter(text, 0.9, true)
		if !ok {
			continue
		}
		var filters []Filter
		for _, th := range []float64{0.5, DefaultThreshold, 0.85, 1} {
			f, _ := NewFilter(text, th, false)
			s, _ := NewFilter(text, th, true)
			filters = append(filters, f, s)
			if p, ok := NewPrefixFilter(text, th); ok {
				filters = append(filters, p)
			}
		}
		for _, u := range units {
			n := Normalize(u.Text["en"])
			sh := counter.Shared(n)
			for i, f := range filters {
				if got, want := f.PassShared(sh), f.Pass(n); got != want {
					t.Fatalf("query %q, filter %d, unit %q: PassShared(%+v) = %v, Pass = %v", text, i, n, sh, got, want)
				}
			}
		}
	}
}
