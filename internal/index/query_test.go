package index

import (
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/relloc/relloc/internal/tm"
)

// queryPlan returns SQLite's plan of q, its steps joined by "; ".
func queryPlan(t *testing.T, ix *Index, q string, args ...any) string {
	t.Helper()
	rows, err := ix.db.Query("EXPLAIN QUERY PLAN "+q, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return strings.Join(plan, "; ")
}

// TestFirstUnitNeedsNoSort: the first unit of a text is the first entry of units_text that is not excluded, read
// in the index's order, not found by sorting every unit of the text (a letterhead's are one per release).
func TestFirstUnitNeedsNoSort(t *testing.T) {
	f := newFixture(t, 2)
	ix := f.open(t)
	plan := queryPlan(t, ix, firstUnitQuery, 1, `["r"]`)
	if !strings.Contains(plan, "units_text") || strings.Contains(plan, "TEMP B-TREE FOR ORDER BY") {
		t.Errorf("query plan %q: want a search of units_text and no sort", plan)
	}
}

// TestPassingReadsLengths: the posting lists of a lookup are read within the zones of its lengths, a range of
// texts_grams' key for each trigram, so that no list of another length is read, the trigrams' in one query.
func TestPassingReadsLengths(t *testing.T) {
	f := newFixture(t, 2)
	ix := f.open(t)
	plan := queryPlan(t, ix, gramReadQuery, `["abc","bcd"]`, 1, 3, true)
	want := regexp.MustCompile(`^SEARCH texts_grams USING INDEX texts_grams_key \(gram=\? AND zone>\? AND zone<\?\); LIST SUBQUERY \d+; SCAN json_each VIRTUAL TABLE INDEX \d+:$`)
	if !want.MatchString(plan) {
		t.Errorf("query plan %q: want a range of zones of texts_grams_key for each trigram", plan)
	}
	plan = queryPlan(t, ix, gramOneQuery, "abc", 1, 3, true)
	if want := "SEARCH texts_grams USING INDEX texts_grams_key (gram=? AND zone>? AND zone<?)"; plan != want {
		t.Errorf("query plan of one trigram %q, want %q", plan, want)
	}
}

// TestLookupsReadThroughAMap: a lookup reads the index through a memory map (lookupTx), which its connection
// keeps for the next, while a connection that has done no lookup reads with system calls into its page cache.
func TestLookupsReadThroughAMap(t *testing.T) {
	f := newFixture(t, 2)
	ix := f.open(t)
	ix.db.SetMaxOpenConns(1) // every query below on the one connection
	mapped := func() int64 {
		t.Helper()
		var n int64
		if err := ix.db.QueryRow(`PRAGMA mmap_size`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	before := mapped()
	m := ix.Memory(nil)
	m.Best("Both sides agreed to strengthen cooperation in trade and investment.", "km", 0.5)
	if err := m.Err(); err != nil {
		t.Fatal(err)
	}
	if after := mapped(); before != 0 || after != lookupMap {
		t.Errorf("mmap_size %d before a lookup, %d after; want 0 and %d", before, after, lookupMap)
	}
}

// TestBestSideBySide looks up every query in one memory from several goroutines at once, as a draft does, each
// lookup against the memory of every release read.
func TestBestSideBySide(t *testing.T) {
	f := newFixture(t, 12)
	ix := f.open(t)
	d := f.direct(t)
	m := ix.Memory(nil).Without(d.units[0].Release)
	want := d.mem.Exclude(d.units[0].Release)
	qs := queries(d.units)
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range qs {
				q := qs[(i+w)%len(qs)]
				got, ok := m.Best(q, "km", tm.DefaultThreshold)
				if wantM, wantOK := want.Best(q, "km", tm.DefaultThreshold); ok != wantOK || got != wantM {
					t.Errorf("Best(%q): the index finds %v %v, the memory %v %v", q, got, ok, wantM, wantOK)
				}
			}
		}()
	}
	wg.Wait()
	if err := m.(*Memory).Err(); err != nil {
		t.Fatal(err)
	}
}
