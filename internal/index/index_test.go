package index

import (
	"bytes"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gofrs/flock"

	"github.com/relloc/relloc/internal/bitext"
	"github.com/relloc/relloc/internal/check"
	"github.com/relloc/relloc/internal/coverage"
	"github.com/relloc/relloc/internal/draft"
	"github.com/relloc/relloc/internal/glossary"
	"github.com/relloc/relloc/internal/release"
	"github.com/relloc/relloc/internal/scalegen"
	"github.com/relloc/relloc/internal/tm"
	"github.com/relloc/relloc/internal/workspace"
)

// fixture is a generated workspace (package scalegen) on disk.
type fixture struct {
	ws   *workspace.Workspace
	gl   *glossary.Glossary
	warn bytes.Buffer
}

func newFixture(t testing.TB, releases int) *fixture {
	t.Helper()
	root := t.TempDir()
	_, err := scalegen.Generate(scalegen.Config{Releases: releases, Entries: 300, Seed: 3}, func(path string, data []byte) error {
		p := filepath.Join(root, filepath.FromSlash(path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		return os.WriteFile(p, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return openFixture(t, root)
}

// openFixture opens the workspace at root and parses its glossary.
func openFixture(t testing.TB, root string) *fixture {
	t.Helper()
	ws, err := workspace.Open(root)
	if err != nil {
		t.Fatal(err)
	}
	files, err := glossary.ReadDir(ws.Path(ws.Config.Glossary), ws.Rel)
	if err != nil {
		t.Fatal(err)
	}
	gl, err := glossary.Parse(files, glossary.Options{Targets: ws.Config.Targets})
	if err != nil {
		t.Fatal(err)
	}
	return &fixture{ws: ws, gl: gl}
}

func (f *fixture) config() Config {
	ws := f.ws
	return Config{Root: ws.Root, Releases: ws.Path(ws.Config.Releases), Source: ws.Config.Source,
		Targets: ws.Config.Targets, Glossary: f.gl, Inputs: [][]byte{[]byte("glossary v1")}, Rel: ws.Rel, Warn: &f.warn,
		Memory: true,
		Check: func() *check.Runner {
			return check.NewRunner(check.Input{Source: ws.Config.Source, Targets: ws.Config.Targets, Config: ws.Config.Check, Glossary: f.gl})
		}}
}

func (f *fixture) open(t testing.TB) *Index {
	t.Helper()
	ix, err := Open(f.config())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

// direct is what the commands compute without an index: every release read and aligned.
type direct struct {
	f     *fixture
	units []tm.Unit
	mem   *tm.Memory
	in    coverage.Input
}

func (f *fixture) direct(t testing.TB) direct {
	t.Helper()
	ws := f.ws
	rels, err := release.LoadAll(ws.Root, ws.Path(ws.Config.Releases), ws.Config.Source, ws.Config.Languages(), ws.Rel)
	if err != nil {
		t.Fatal(err)
	}
	anchors := bitext.NewAnchors(f.gl, ws.Config.Source, ws.Config.Languages())
	d := direct{f: f, in: coverage.Input{Glossary: f.gl, Source: ws.Config.Source, Targets: ws.Config.Targets, Anchors: anchors}}
	for _, r := range rels {
		bt := bitext.Align(r, ws.Config.Source, ws.Config.Targets, anchors)
		d.in.Bitexts = append(d.in.Bitexts, bt)
		d.units = append(d.units, draft.Units(bt)...)
	}
	d.mem = tm.New(d.units, "en")
	return d
}

// queries are lookups drawn from the units: whole sentences, sentences with a word changed, the first words.
func queries(units []tm.Unit) []string {
	var out []string
	for i := 0; i < len(units); i += max(1, len(units)/8) {
		en := units[i].Text["en"]
		words := strings.Fields(en)
		out = append(out, en)
		if len(words) > 4 {
			w := append([]string(nil), words...)
			w[len(w)/2] = "Cambodia"
			out = append(out, strings.Join(w, " "), strings.Join(words[:4], " "))
		}
	}
	return out
}

// same checks that the index answers every query as a memory of every release does.
func same(t *testing.T, ix *Index, d direct) {
	t.Helper()
	m := ix.Memory(nil)
	stopped := 0 // top searches that stopped before their last tier
	for _, q := range queries(d.units) {
		for _, th := range []float64{0.6, tm.DefaultThreshold, 0.95} {
			for _, lang := range []string{"km", "ja"} {
				got, err := m.Search(q, lang, th)
				if err != nil {
					t.Fatal(err)
				}
				if want := d.mem.Search(q, lang, th); !reflect.DeepEqual(got, want) {
					t.Fatalf("Search(%q, %s, %v): the index finds\n%v\nthe memory\n%v", q, lang, th, got, want)
				}
				for _, limit := range []int{1, 4, 25} {
					got, err := m.SearchTop(q, lang, th, limit)
					if err != nil {
						t.Fatal(err)
					}
					if want := d.mem.SearchTop(q, lang, th, limit); !reflect.DeepEqual(got, want) {
						t.Fatalf("SearchTop(%q, %s, %v, %d): the index finds\n%+v\nthe memory\n%+v", q, lang, th, limit, got, want)
					}
					if !got.Complete {
						stopped++
					}
				}
				if got, want := m.Lookup(q, lang, th), d.mem.Lookup(q, lang, th); !reflect.DeepEqual(got, want) {
					t.Fatalf("Lookup(%q, %s, %v): the index finds\n%v\nthe memory\n%v", q, lang, th, got, want)
				}
				got1, ok1 := m.Best(q, lang, th)
				if want, ok := d.mem.Best(q, lang, th); ok1 != ok || got1 != want {
					t.Fatalf("Best(%q, %s, %v): the index finds\n%v %v\nthe memory\n%v %v", q, lang, th, got1, ok1, want, ok)
				}
				excl := d.units[0].Release
				got1, ok1 = m.Without(excl).Best(q, lang, th)
				if want, ok := d.mem.Exclude(excl).Best(q, lang, th); ok1 != ok || got1 != want {
					t.Fatalf("Without(%s).Best(%q, %s, %v): the index finds\n%v %v\nthe memory\n%v %v", excl, q, lang, th, got1, ok1, want, ok)
				}
			}
		}
	}
	if stopped == 0 {
		t.Error("no top search stopped before its last tier")
	}
	excl := d.units[0].Release
	q := d.units[1].Text["en"]
	for _, limit := range []int{1, 4} {
		got, err := m.Without(excl).(*Memory).SearchTop(q, "km", 0.6, limit)
		if err != nil {
			t.Fatal(err)
		}
		if want := d.mem.Exclude(excl).SearchTop(q, "km", 0.6, limit); !reflect.DeepEqual(got, want) {
			t.Fatalf("Without(%s).SearchTop(%q, %d): the index finds\n%+v\nthe memory\n%+v", excl, q, limit, got, want)
		}
	}
	if got, want := m.Without(excl).Lookup(q, "km", 0.6), d.mem.Exclude(excl).Lookup(q, "km", 0.6); !reflect.DeepEqual(got, want) {
		t.Fatalf("Without(%s).Lookup(%q): the index finds\n%v\nthe memory\n%v", excl, q, got, want)
	}
	for _, c := range []struct {
		phrase string
		langs  []string
	}{
		{"Cambodia", nil}, {"ឯកឧត្តម", nil}, {"ឯកឧត្ដម", []string{"en", "km"}}, {"大臣", nil}, {"大使", []string{"ja"}},
		{"Ministry of Foreign Affairs", nil}, {"H.E.", []string{"en"}}, {"no such phrase", nil},
	} {
		got, err := m.Concordance(c.phrase, c.langs)
		if err != nil {
			t.Fatal(err)
		}
		if want := d.mem.Concordance(c.phrase, c.langs); !reflect.DeepEqual(got, want) {
			t.Fatalf("Concordance(%q, %v): the index finds %d hits, the memory %d", c.phrase, c.langs, len(got), len(want))
		}
	}
	if err := m.Err(); err != nil {
		t.Fatal(err)
	}
	for _, targets := range [][]string{{"km", "ja"}, {"ja"}} {
		in := d.in
		in.Targets = nil
		for _, l := range targets {
			for _, tag := range d.in.Targets {
				if tag.String() == l {
					in.Targets = append(in.Targets, tag)
				}
			}
		}
		got, err := ix.Coverage(in.Targets)
		if err != nil {
			t.Fatal(err)
		}
		if want := coverage.Build(in); !reflect.DeepEqual(got, want) {
			t.Fatalf("Coverage(%v): the index gives\n%+v\nBuild gives\n%+v", targets, got, want)
		}
	}
	sameCheck(t, ix, d.f)
}

func TestIndexEqualsReadingEveryRelease(t *testing.T) {
	f := newFixture(t, 12)
	ix := f.open(t)
	if ix.Read != 12 {
		t.Errorf("a new index read %d releases, want 12", ix.Read)
	}
	same(t, ix, f.direct(t))
	if f.warn.Len() > 0 {
		t.Errorf("a new index warned: %s", f.warn.String())
	}
	if ix := f.open(t); ix.Read != 0 {
		t.Errorf("an index up to date read %d releases again", ix.Read)
	}
}

func TestIndexFollowsTheReleases(t *testing.T) {
	f := newFixture(t, 8)
	f.open(t)
	dirs, _ := filepath.Glob(filepath.Join(f.ws.Root, "releases", "*"))

	// A release whose English changes is read again.
	en := filepath.Join(dirs[2], "en.md")
	data, _ := os.ReadFile(en)
	data = append(data, []byte("\nThe Minister of Foreign Affairs and International Cooperation thanked the people of Japan for their steadfast support.\n")...)
	if err := os.WriteFile(en, data, 0o644); err != nil {
		t.Fatal(err)
	}
	ix := f.open(t)
	if ix.Read != 1 {
		t.Errorf("after one release changed, the index read %d releases, want 1", ix.Read)
	}
	same(t, ix, f.direct(t))

	// A release deleted leaves the index.
	if err := os.RemoveAll(dirs[5]); err != nil {
		t.Fatal(err)
	}
	ix = f.open(t)
	same(t, ix, f.direct(t))

	// Releases added before the first folder and after the last are read, and the last folder deleted leaves:
	// the stored folders and those found are compared as two streams in the order of their paths.
	for _, name := range []string{"0000-first", "zzzz-last"} {
		copyRelease(t, dirs[3], filepath.Join(f.ws.Root, "releases", name), name)
	}
	if err := os.RemoveAll(dirs[len(dirs)-1]); err != nil {
		t.Fatal(err)
	}
	ix = f.open(t)
	if ix.Read != 2 {
		t.Errorf("after two releases were added, the index read %d releases, want 2", ix.Read)
	}
	same(t, ix, f.direct(t))

	// A translation deleted is a change of its release.
	if err := os.Remove(filepath.Join(dirs[0], "ja.md")); err != nil {
		t.Fatal(err)
	}
	ix = f.open(t)
	if ix.Read != 1 {
		t.Errorf("after a translation was deleted, the index read %d releases, want 1", ix.Read)
	}
	same(t, ix, f.direct(t))

	// A file touched, its contents as they were, is not read again.
	old := time.Now().Add(-time.Hour)
	km := filepath.Join(dirs[1], "km.md")
	if err := os.Chtimes(km, old, old); err != nil {
		t.Fatal(err)
	}
	ix = f.open(t)
	if ix.Read != 0 {
		t.Errorf("after a file was touched, the index read %d releases, want 0", ix.Read)
	}
	// Its new time is recorded, so that the next sync does not compare its contents again.
	sf, _, err := storedFileAt(ix.db, f.ws.Rel(km))
	if err != nil {
		t.Fatal(err)
	}
	if mtime := sf.mtime; mtime != old.UnixNano() {
		t.Errorf("after a file was touched, the index records its time as %d, want %d", mtime, old.UnixNano())
	}

	// Another glossary: everything is read again.
	c := f.config()
	c.Inputs = [][]byte{[]byte("glossary v2")}
	ix2, err := Open(c)
	if err != nil {
		t.Fatal(err)
	}
	defer ix2.Close()
	if ix2.Read != 8 {
		t.Errorf("after the glossary changed, the index read %d releases, want 8", ix2.Read)
	}
}

// gramRows returns the number of texts in the posting lists of texts_grams, of rows of texts_fts and of texts.
func gramRows(t *testing.T, ix *Index) (grams, forms, texts int) {
	t.Helper()
	if err := ix.db.QueryRow(`SELECT (SELECT count(*) FROM texts_fts), (SELECT count(*) FROM texts)`).Scan(&forms, &texts); err != nil {
		t.Fatal(err)
	}
	ids := map[int64]bool{}
	for _, r := range gramTable(t, ix.db) {
		lists, err := decodeZone(r.zone, r.dir, r.posts)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range lists {
			if err := eachPosting(l.data, func(id int64, n int) { ids[id] = true }); err != nil {
				t.Fatal(err)
			}
		}
	}
	return len(ids), forms, texts
}

// gramRow is a row of texts_grams.
type gramRow struct {
	gram       string
	zone       int
	dir, posts []byte
}

// gramTable returns the rows of texts_grams in the order of its key.
func gramTable(t *testing.T, q querier) []gramRow {
	t.Helper()
	rows, err := q.Query(`SELECT gram, zone, dir, posts FROM texts_grams ORDER BY gram, zone`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []gramRow
	for rows.Next() {
		var r gramRow
		if err := rows.Scan(&r.gram, &r.zone, &r.dir, &r.posts); err != nil {
			t.Fatal(err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// samePostings checks that texts_grams, kept in step by the syncs, holds what filling it from the stored texts
// now would: the same posting lists, directories and rows.
func samePostings(t *testing.T, ix *Index) {
	t.Helper()
	tx, err := ix.db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	got := gramTable(t, tx)
	if len(got) == 0 {
		t.Fatal("texts_grams holds no trigram")
	}
	if _, err := tx.Exec(`DELETE FROM texts_grams`); err != nil {
		t.Fatal(err)
	}
	if err := fillGrams(tx); err != nil {
		t.Fatal(err)
	}
	want := gramTable(t, tx)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("texts_grams kept in step holds %d rows, filled anew %d", len(got), len(want))
		for i := range min(len(got), len(want)) {
			if !reflect.DeepEqual(got[i], want[i]) {
				t.Fatalf("first difference: row %d: kept %+v, filled %+v", i, got[i], want[i])
			}
		}
	}
}

// TestTrigramTablesOnDemand checks that a build, what check pays on a fresh clone, leaves the trigram tables
// empty; that the first lookup fills the candidate filter's and the first concordance concordance's, each from
// the stored texts without reading a release, and both find what a memory of every release finds; and that
// from then on a release edited or deleted updates them, with the number of texts holding each trigram.
func TestTrigramTablesOnDemand(t *testing.T) {
	f := newFixture(t, 6)
	ix := f.open(t)
	if g, c, n := gramRows(t, ix); g != 0 || c != 0 || n == 0 {
		t.Fatalf("after a build: %d rows of texts_grams, %d of texts_fts, %d texts; want 0, 0 and some", g, c, n)
	}
	d := f.direct(t)
	q := d.units[3].Text["en"]
	m := ix.Memory(nil)
	got, err := m.Search(q, "km", 0.75)
	if err != nil {
		t.Fatal(err)
	}
	if want := d.mem.Search(q, "km", 0.75); len(want) == 0 || !reflect.DeepEqual(got, want) {
		t.Fatalf("Search(%q): the index finds\n%v\nthe memory\n%v", q, got, want)
	}
	if g, c, n := gramRows(t, ix); g != n || c != 0 {
		t.Fatalf("after a search: %d rows of texts_grams, %d of texts_fts, %d texts; want %[3]d, 0", g, c, n)
	}
	samePostings(t, ix)
	hits, err := m.Concordance("Cambodia", nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := d.mem.Concordance("Cambodia", nil); len(want) == 0 || !reflect.DeepEqual(hits, want) {
		t.Fatalf("Concordance: the index finds %d hits, the memory %d", len(hits), len(want))
	}
	if g, c, n := gramRows(t, ix); g != n || c != n {
		t.Fatalf("after a concordance: %d rows of texts_grams, %d of texts_fts, %d texts; want %[3]d each", g, c, n)
	}
	if ix.Read != 6 {
		t.Errorf("the index read %d releases, want the 6 of its build alone", ix.Read)
	}
	ix.Close()

	// An edited release's new text is in both tables, found by the next search and concordance.
	dirs, _ := filepath.Glob(filepath.Join(f.ws.Root, "releases", "*"))
	en := filepath.Join(dirs[1], "en.md")
	data, _ := os.ReadFile(en)
	added := "The delegation also visited the Angkor Wat temple complex in Siem Reap province."
	if err := os.WriteFile(en, append(data, "\n"+added+"\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(dirs[4]); err != nil {
		t.Fatal(err)
	}
	ix = f.open(t)
	if g, c, n := gramRows(t, ix); g != n || c != n {
		t.Fatalf("after an edit: %d rows of texts_grams, %d of texts_fts, %d texts; want %[3]d each", g, c, n)
	}
	samePostings(t, ix)
	d = f.direct(t)
	m = ix.Memory(nil)
	got, err = m.Search(added, "en", 0.9)
	if err != nil {
		t.Fatal(err)
	}
	if want := d.mem.Search(added, "en", 0.9); len(want) == 0 || !reflect.DeepEqual(got, want) {
		t.Fatalf("Search(%q) after the edit: the index finds\n%v\nthe memory\n%v", added, got, want)
	}
	hits, err = m.Concordance("Angkor Wat", []string{"en"})
	if err != nil {
		t.Fatal(err)
	}
	if want := d.mem.Concordance("Angkor Wat", []string{"en"}); len(want) == 0 || !reflect.DeepEqual(hits, want) {
		t.Fatalf("Concordance after the edit: the index finds %d hits, the memory %d", len(hits), len(want))
	}
	same(t, ix, d)
}

// TestMemoryOnDemand: an index opened without Config.Memory (check, coverage) holds no translation memory and
// keeps none in step; the first open with it builds the index again with the memory of the releases as they are
// then, which the syncs of any open keep in step from then on.
func TestMemoryOnDemand(t *testing.T) {
	f := newFixture(t, 6)
	noMemory := f.config()
	noMemory.Memory = false
	open := func(c Config) *Index {
		t.Helper()
		ix, err := Open(c)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { ix.Close() })
		return ix
	}
	rows := func(ix *Index) (units, texts int) {
		t.Helper()
		if err := ix.db.QueryRow(`SELECT (SELECT count(*) FROM units), (SELECT count(*) FROM texts)`).Scan(&units, &texts); err != nil {
			t.Fatal(err)
		}
		return units, texts
	}
	edit := func(dir, sentence string) {
		t.Helper()
		en := filepath.Join(dir, "en.md")
		data, err := os.ReadFile(en)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(en, append(data, "\n"+sentence+"\n"...), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dirs, _ := filepath.Glob(filepath.Join(f.ws.Root, "releases", "*"))
	// releases gives the id of each folder's releases row.
	releases := func(ix *Index) map[string]int64 {
		t.Helper()
		out := map[string]int64{}
		rows, err := ix.db.Query(`SELECT dir, id FROM releases`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var dir string
			var id int64
			if err := rows.Scan(&dir, &id); err != nil {
				t.Fatal(err)
			}
			out[dir] = id
		}
		return out
	}

	ix := open(noMemory)
	if u, x := rows(ix); ix.Read != 6 || u != 0 || x != 0 {
		t.Fatalf("a build without the memory read %d releases and wrote %d units, %d texts; want 6, 0, 0", ix.Read, u, x)
	}
	if err := ix.Memory(nil).Err(); err == nil {
		t.Error("the memory of an index opened without Config.Memory has no error")
	}
	ix.Close()
	// An edit before the memory is filled: read again, still without the memory.
	before := "The delegation also visited the Angkor Wat temple complex in Siem Reap province."
	edit(dirs[1], before)
	ix = open(noMemory)
	if u, _ := rows(ix); ix.Read != 1 || u != 0 {
		t.Fatalf("a sync without the memory read %d releases and holds %d units; want 1, 0", ix.Read, u)
	}
	kept := releases(ix)
	ix.Close()
	// An edit that the open filling the memory syncs.
	unsynced := "The two ministers also exchanged views on regional and international issues of common concern."
	edit(dirs[2], unsynced)

	// The first open with the memory fills it, with both edits, and keeps the releases rows of the folders
	// unchanged.
	ix = f.open(t)
	if ix.Read != 6 {
		t.Errorf("the open that fills the memory read %d releases, want 6", ix.Read)
	}
	filled := releases(ix)
	changed := f.ws.Rel(dirs[2])
	for dir, id := range kept {
		if dir != changed && filled[dir] != id {
			t.Errorf("the fill gave the unchanged folder %s the releases row %d, not %d", dir, filled[dir], id)
		}
	}
	if filled[changed] == kept[changed] || len(filled) != len(kept) {
		t.Errorf("the fill kept the row of the changed folder %s (%d) or other rows: %v, was %v", changed, kept[changed], filled, kept)
	}
	d := f.direct(t)
	same(t, ix, d)
	for _, q := range []string{before, unsynced} {
		if got, err := ix.Memory(nil).Search(q, "en", 0.9); err != nil || len(got) == 0 || !reflect.DeepEqual(got, d.mem.Search(q, "en", 0.9)) {
			t.Fatalf("Search(%q): the index finds %v (%v), the memory %v", q, got, err, d.mem.Search(q, "en", 0.9))
		}
	}
	ix.Close()

	// An edit synced by an open without the memory keeps the memory in step; an open with it builds nothing.
	after := "Both sides agreed to hold the next round of consultations in Tokyo in the first half of next year."
	edit(dirs[3], after)
	if ix = open(noMemory); ix.Read != 1 {
		t.Errorf("a sync after one edit read %d releases, want 1", ix.Read)
	}
	ix.Close()
	ix = f.open(t)
	if ix.Read != 0 {
		t.Errorf("an open with the memory of an index that has it read %d releases, want 0", ix.Read)
	}
	d = f.direct(t)
	same(t, ix, d)
	if got, err := ix.Memory(nil).Search(after, "en", 0.9); err != nil || len(got) == 0 || !reflect.DeepEqual(got, d.mem.Search(after, "en", 0.9)) {
		t.Fatalf("Search(%q): the index finds %v (%v), the memory %v", after, got, err, d.mem.Search(after, "en", 0.9))
	}
}

func TestIndexRebuildsWhenDamaged(t *testing.T) {
	for _, damage := range []struct {
		name string
		do   func(t *testing.T, path string)
		note string
	}{
		{"truncated", func(t *testing.T, path string) {
			st, _ := os.Stat(path)
			if err := os.Truncate(path, st.Size()/3); err != nil {
				t.Fatal(err)
			}
		}, "is damaged"},
		{"overwritten", func(t *testing.T, path string) {
			if err := os.WriteFile(path, bytes.Repeat([]byte("not a database\n"), 500), 0o644); err != nil {
				t.Fatal(err)
			}
		}, "is damaged"},
		{"old schema", func(t *testing.T, path string) {
			db, err := sql.Open("sqlite", path)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if _, err := db.Exec(`UPDATE meta SET value = '0' WHERE key = 'schema'`); err != nil {
				t.Fatal(err)
			}
		}, "another version of relloc (schema 0, not " + strconv.Itoa(SchemaVersion) + ")"},
		{"deleted", func(t *testing.T, path string) {
			if err := remove(filepath.Dir(filepath.Dir(path))); err != nil {
				t.Fatal(err)
			}
		}, ""},
		// The packed digests of the release files cut within a record, or gone.
		{"digests cut short", func(t *testing.T, path string) {
			execDB(t, path, `UPDATE digests SET folders = substr(folders, 1, length(folders) - 5)`)
		}, "the digests of the release files are damaged"},
		{"digests gone", func(t *testing.T, path string) {
			execDB(t, path, `DELETE FROM digests`)
		}, "the digests of the release files are damaged"},
	} {
		t.Run(damage.name, func(t *testing.T) {
			f := newFixture(t, 6)
			ix := f.open(t)
			ix.Close()
			damage.do(t, Path(f.ws.Root))
			ix = f.open(t)
			if damage.note == "" && f.warn.Len() > 0 || !strings.Contains(f.warn.String(), damage.note) {
				t.Errorf("stderr: %q, want a note with %q", f.warn.String(), damage.note)
			}
			if ix.Read != 6 {
				t.Errorf("the rebuilt index read %d releases, want 6", ix.Read)
			}
			same(t, ix, f.direct(t))
		})
	}
}

// TestIndexReadersSeeWholeUpdates rewrites one release again and again between two versions, each time updating
// the index, while readers check that what the index holds of the release is all of one version: its files'
// digest and its units agree.
func TestIndexReadersSeeWholeUpdates(t *testing.T) {
	f := newFixture(t, 4)
	ix0 := f.open(t)
	for _, table := range gramTables {
		if err := ix0.fill(table); err != nil {
			t.Fatal(err)
		}
	}
	ix0.Close()
	dirs, _ := filepath.Glob(filepath.Join(f.ws.Root, "releases", "*"))
	en := filepath.Join(dirs[1], "en.md")
	a, _ := os.ReadFile(en)
	b := append(append([]byte(nil), a...), []byte("\nBoth sides agreed to hold the next meeting in Phnom Penh.\n\nThe Minister thanked Japan.\n")...)
	relPath := f.ws.Rel(en)

	// The units each version gives, by the digest of its English.
	units := map[string]int{}
	for _, v := range [][]byte{b, a} {
		if err := os.WriteFile(en, v, 0o644); err != nil {
			t.Fatal(err)
		}
		ix := f.open(t)
		sf, rel, err := storedFileAt(ix.db, relPath)
		if err != nil {
			t.Fatal(err)
		}
		var n int
		if err := ix.db.QueryRow(`SELECT count(*) FROM units WHERE rel = ?`, rel).Scan(&n); err != nil {
			t.Fatal(err)
		}
		units[sf.hash] = n
		ix.Close()
	}
	if len(units) != 2 {
		t.Fatalf("the two versions have the same digest: %v", units)
	}

	stop := make(chan struct{})
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for r := 0; r < 2; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			db, err := sql.Open("sqlite", "file:"+Path(f.ws.Root)+"?_pragma=busy_timeout(60000)")
			if err != nil {
				errs <- err
				return
			}
			defer db.Close()
			for reads := 0; ; reads++ {
				select {
				case <-stop:
					if reads == 0 {
						errs <- fmt.Errorf("a reader read nothing")
					}
					return
				default:
				}
				tx, err := db.Begin()
				if err != nil {
					errs <- err
					return
				}
				var n, total int
				sf, rel, err := storedFileAt(tx, relPath)
				if err == nil {
					err = tx.QueryRow(`SELECT count(*) FROM units WHERE rel = ?`, rel).Scan(&n)
				}
				if err == nil {
					err = tx.QueryRow(`SELECT count(*) FROM texts_fts`).Scan(&total)
				}
				var units2 int
				if err == nil {
					// The texts of the units, each once: as many as the rows of their full-text index, and no
					// text without a unit.
					err = tx.QueryRow(`SELECT count(DISTINCT text) FROM units`).Scan(&units2)
				}
				var texts int
				if err == nil {
					err = tx.QueryRow(`SELECT count(*) FROM texts`).Scan(&texts)
				}
				tx.Rollback()
				if err != nil {
					errs <- err
					return
				}
				if want, ok := units[sf.hash]; !ok || want != n {
					errs <- fmt.Errorf("torn state: the release's digest is of a version with %d units, and it has %d", want, n)
					return
				}
				if total != units2 || texts != units2 {
					errs <- fmt.Errorf("torn state: the units have %d texts, the index %d and %d rows of their full-text index", units2, texts, total)
					return
				}
			}
		}()
	}
	for i := 0; i < 6; i++ {
		v := a
		if i%2 == 0 {
			v = b
		}
		if err := os.WriteFile(en, v, 0o644); err != nil {
			t.Fatal(err)
		}
		c := f.config()
		ix, err := Open(c)
		if err != nil {
			t.Fatal(err)
		}
		ix.Close()
	}
	close(stop)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// TestBuildLeavesNoHalfIndex checks that a new index is built in a file of its own and renamed into place: the
// file a crashed build left is replaced, and a build that fails leaves no index behind, half or whole.
func TestBuildLeavesNoHalfIndex(t *testing.T) {
	f := newFixture(t, 4)
	dir := filepath.Join(f.ws.Root, Dir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	tmp := Path(f.ws.Root) + ".new"
	if err := os.WriteFile(tmp, []byte("the pages of a build that was killed"), 0o644); err != nil {
		t.Fatal(err)
	}
	ix := f.open(t)
	if ix.Read != 4 {
		t.Errorf("the new index read %d releases, want 4", ix.Read)
	}
	same(t, ix, f.direct(t))
	ix.Close()
	if _, err := os.Stat(tmp); err == nil {
		t.Errorf("%s is left after a build", tmp)
	}

	if err := remove(f.ws.Root); err != nil {
		t.Fatal(err)
	}
	dirs, _ := filepath.Glob(filepath.Join(f.ws.Root, "releases", "*"))
	if err := os.WriteFile(filepath.Join(dirs[2], "ja.md"), []byte("+++\nid = = \"broken\"\n+++\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(f.config()); err == nil || !strings.Contains(err.Error(), "ja.md:2:") {
		t.Fatalf("Open with a release that does not parse: %v, want its input error", err)
	}
	for _, p := range []string{Path(f.ws.Root), tmp} {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("%s exists after a build that failed", p)
		}
	}
}

// copyRelease copies the release folder from to the folder to, with the id id.
func copyRelease(t *testing.T, from, to, id string) {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(from, "*.md"))
	if len(files) == 0 {
		t.Fatalf("no release files in %s", from)
	}
	if err := os.Mkdir(to, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.SplitAfter(string(data), "\n")
		for i, l := range lines {
			if strings.HasPrefix(l, "id = ") {
				lines[i] = fmt.Sprintf("id = %q\n", id)
				break
			}
		}
		if err := os.WriteFile(filepath.Join(to, filepath.Base(p)), []byte(strings.Join(lines, "")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestBuildMakesSecondaryIndexes checks that a build, which writes its rows before making the secondary indexes,
// leaves every one of them for the queries and syncs that follow.
func TestBuildMakesSecondaryIndexes(t *testing.T) {
	f := newFixture(t, 2)
	ix := f.open(t)
	for _, s := range secondaryIndexes {
		name := strings.Fields(s)[2]
		var n int
		if err := ix.db.QueryRow(`SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = ?`, name).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 1 {
			t.Errorf("a built index has no index %s", name)
		}
	}
}

// TestTrigramTablesUnfillable checks that when the trigram tables cannot be filled (another process holds the
// writer's lock past the wait), lookups and concordance read every text and find what they find otherwise,
// after a note.
func TestTrigramTablesUnfillable(t *testing.T) {
	f := newFixture(t, 4)
	ix := f.open(t)
	lock := flock.New(filepath.Join(f.ws.Root, Dir, LockName))
	if err := lock.Lock(); err != nil {
		t.Fatal(err)
	}
	defer lock.Unlock()
	ix.cfg.LockTimeout = 50 * time.Millisecond
	f.warn.Reset()
	same(t, ix, f.direct(t))
	if g, c, _ := gramRows(t, ix); g != 0 || c != 0 {
		t.Errorf("with the lock held elsewhere: %d rows of texts_grams, %d of texts_fts; want none", g, c)
	}
	if n := strings.Count(f.warn.String(), "searching every text"); n != 2 {
		t.Errorf("notes: %q; want one for each table", f.warn.String())
	}
}

// TestSyncStoresATextOnce checks that a sync finds the texts the index already holds: a copy of a release adds
// units and no text, and a release whose English changed adds a text of its own beside the ones it keeps.
func TestSyncStoresATextOnce(t *testing.T) {
	f := newFixture(t, 4)
	ix := f.open(t)
	_, _, texts := gramRows(t, ix)
	dirs, _ := filepath.Glob(filepath.Join(f.ws.Root, "releases", "*"))
	copyRelease(t, dirs[1], filepath.Join(f.ws.Root, "releases", "zz-copy"), "zz-copy")
	ix = f.open(t)
	if ix.Read != 1 {
		t.Fatalf("after a release was copied, the index read %d releases, want 1", ix.Read)
	}
	distinct := func() (all, distinct int) {
		t.Helper()
		if err := ix.db.QueryRow(`SELECT count(*), count(DISTINCT text) FROM texts`).Scan(&all, &distinct); err != nil {
			t.Fatal(err)
		}
		return all, distinct
	}
	if all, d := distinct(); all != texts || d != texts {
		t.Errorf("after a release was copied: %d texts (%d distinct), want the %d there were", all, d, texts)
	}
	en := filepath.Join(f.ws.Root, "releases", "zz-copy", "en.md")
	data, err := os.ReadFile(en)
	if err != nil {
		t.Fatal(err)
	}
	i := strings.LastIndex(string(data), ".")
	if err := os.WriteFile(en, []byte(string(data[:i])+" in full."+string(data[i+1:])), 0o644); err != nil {
		t.Fatal(err)
	}
	ix = f.open(t)
	if all, d := distinct(); all != texts+1 || d != texts+1 {
		t.Errorf("after a sentence of the copy changed: %d texts (%d distinct), want %d", all, d, texts+1)
	}
	same(t, ix, f.direct(t))
}

// TestScanNamesFilesAsRel: the sync names each folder and each file of a folder by the releases folder's path and
// the names, which must be what filepath.Join and Config.Rel give: those names are what the index keys its
// files by and what findings show. So too when the releases folder is the workspace root, whose path is ".".
func TestScanNamesFilesAsRel(t *testing.T) {
	f := newFixture(t, 3)
	c := f.config()
	atRoot := c
	atRoot.Root = c.Releases
	atRoot.Rel = func(p string) string {
		r, err := filepath.Rel(atRoot.Root, p)
		if err != nil {
			t.Fatal(err)
		}
		return filepath.ToSlash(r)
	}
	for _, c := range []Config{c, atRoot} {
		n := 0
		err := c.scan(func(d folder) error {
			if d.dir != c.rel(d.abs) || d.abs != filepath.Join(c.Releases, filepath.Base(d.abs)) {
				t.Errorf("folder %q (%q): want %q (%q)", d.dir, d.abs, c.rel(d.abs), filepath.Join(c.Releases, filepath.Base(d.abs)))
			}
			for _, x := range d.files {
				n++
				if p := filepath.Join(d.abs, x.name); d.path(x) != c.rel(p) {
					t.Errorf("file %q: want %q (%q)", d.path(x), c.rel(p), p)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if n != 9 {
			t.Errorf("scan found %d files, want the 9 of 3 releases in 3 languages", n)
		}
	}
}

// storedFileAt returns the digest the index q reads keeps of the release file at path (as Config.Rel gives it), and
// the id of its folder.
func storedFileAt(q interface {
	QueryRow(string, ...any) *sql.Row
}, path string) (storedFile, int64, error) {
	var state string
	if err := q.QueryRow(`SELECT folders FROM digests`).Scan(&state); err != nil {
		return storedFile{}, 0, err
	}
	p := packed{data: state}
	for {
		k, ok, err := p.next()
		if err != nil || !ok {
			return storedFile{}, 0, fmt.Errorf("no digest of %s (%v)", path, err)
		}
		var found *storedFile
		k.eachFile(func(f storedFile) bool {
			if k.dir+"/"+f.name == path {
				found = &f
			}
			return found == nil
		})
		if found != nil {
			return *found, k.id, nil
		}
	}
}

// execDB runs the statement q on the database at path.
func execDB(t *testing.T, path, q string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(q); err != nil {
		t.Fatal(err)
	}
}

// TestScanAsStat: the sizes and times scan finds, and the files it counts, are what os.Stat and os.Lstat of each
// file's whole path give, for a file, a link to one, a dangling link (kept, for release.ReadDir to report), a
// folder reached by a link, a folder where a file is expected and a file that is not there.
func TestScanAsStat(t *testing.T) {
	f := newFixture(t, 3)
	c := f.config()
	dirs, _ := filepath.Glob(filepath.Join(c.Releases, "*"))
	if err := os.Remove(filepath.Join(dirs[0], "km.md")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dirs[1], "km.md"), filepath.Join(dirs[0], "km.md")); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(dirs[0], "ja.md")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dirs[0], "nothing.md"), filepath.Join(dirs[0], "ja.md")); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(dirs[1], "ja.md")); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(dirs[2], "km.md")); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dirs[2], "km.md"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(dirs[2], filepath.Join(c.Releases, "zz-link")); err != nil {
		t.Fatal(err)
	}
	var got, want []string
	err := c.scan(func(d folder) error {
		for _, x := range d.files {
			got = append(got, fmt.Sprintf("%s %d %d", d.path(x), x.size, x.mtime))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range append(dirs, filepath.Join(c.Releases, "zz-link")) {
		for _, name := range []string{"en.md", "km.md", "ja.md"} {
			p := filepath.Join(d, name)
			st, err := os.Stat(p)
			switch _, lerr := os.Lstat(p); {
			case err == nil:
				want = append(want, fmt.Sprintf("%s %d %d", c.rel(p), st.Size(), st.ModTime().UnixNano()))
			case lerr == nil:
				want = append(want, fmt.Sprintf("%s -1 0", c.rel(p)))
			}
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("scan found:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestScanStatError: a file that cannot be looked at (a link to itself) stops the scan with os.Stat's error.
func TestScanStatError(t *testing.T) {
	f := newFixture(t, 2)
	c := f.config()
	dirs, _ := filepath.Glob(filepath.Join(c.Releases, "*"))
	p := filepath.Join(dirs[1], "ja.md")
	if err := os.Remove(p); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(p, p); err != nil {
		t.Fatal(err)
	}
	_, want := os.Stat(p)
	err := c.scan(func(folder) error { return nil })
	if want == nil || err == nil || err.Error() != "read release: "+want.Error() {
		t.Errorf("scan: %v, want read release: %v", err, want)
	}
}
