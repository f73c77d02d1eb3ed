package index

import (
	"regexp"
	"strings"
	"testing"
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

// TestPassingReadsLengths: the candidates of a lookup are read from the full-text index within the rowids of
// their lengths (FTS5 takes the range: its plan's constraints hold > and <), so that no text of another length
// is read, and their normalised sources from norms in the order of their ids, a list of which is made first.
func TestPassingReadsLengths(t *testing.T) {
	f := newFixture(t, 2)
	ix := f.open(t)
	plan := queryPlan(t, ix, passingQuery, `"abc" OR "bcd"`, gramRowid(10, 0), gramRowid(21, 0)-1)
	want := regexp.MustCompile(`^SEARCH n USING INTEGER PRIMARY KEY \(rowid=\?\); LIST SUBQUERY \d+; SCAN texts_grams VIRTUAL TABLE INDEX \d+:M\S*>\S*<\S*$`)
	if !want.MatchString(plan) {
		t.Errorf("query plan %q: want the range of rowids read from texts_grams, then norms by id", plan)
	}
}

// TestSyncFindsFoldersByKey: what a sync reads, updates and deletes of one stored folder it finds by a key of
// its table, never by scanning the table, which at 10,000 releases holds 30,000 files and 190,000 units.
func TestSyncFindsFoldersByKey(t *testing.T) {
	f := newFixture(t, 2)
	ix := f.open(t)
	qs := append([]string{folderTextsQuery, retimeFile}, folderGone...)
	for _, q := range append(qs, checkGone...) {
		args := []any{1, 1, "releases/x/en.md"}[:strings.Count(q, "?")]
		if plan := queryPlan(t, ix, q, args...); strings.Contains(plan, "SCAN") {
			t.Errorf("%s: query plan %q scans a table", q, plan)
		}
	}
}
