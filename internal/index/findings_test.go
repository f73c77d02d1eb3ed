package index

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/relloc/relloc/internal/check"
	"github.com/relloc/relloc/internal/release"
	"github.com/relloc/relloc/internal/ui"
)

// selfTestFixture is check's known-bad sample (internal/check/selftest), in which every rule finds something,
// copied to disk as a workspace.
func selfTestFixture(t *testing.T) *fixture {
	t.Helper()
	root := t.TempDir()
	if err := os.CopyFS(root, os.DirFS(filepath.Join("..", "check", "selftest"))); err != nil {
		t.Fatal(err)
	}
	return openFixture(t, root)
}

// checkInput is the check run of the fixture's workspace over every target language.
func (f *fixture) checkInput() check.Input {
	ws := f.ws
	return check.Input{Source: ws.Config.Source, Targets: ws.Config.Targets, Config: ws.Config.Check, Glossary: f.gl}
}

// sameCheck checks that the outcomes the index keeps make the result of checking every release now.
func sameCheck(t *testing.T, ix *Index, f *fixture) check.Result {
	t.Helper()
	ws := f.ws
	rels, err := release.LoadAll(ws.Root, ws.Path(ws.Config.Releases), ws.Config.Source, ws.Config.Languages(), ws.Rel)
	if err != nil {
		t.Fatal(err)
	}
	in := f.checkInput()
	in.Releases = rels
	want := check.Run(in)
	// Collected with the cases and without: the findings and the number of files are the same.
	collect := func(keepCases bool) check.Result {
		c := check.NewRunner(f.checkInput()).Collector(keepCases)
		if err := ix.EachOutcome(func(o check.Outcome) error { c.Add(o); return nil }); err != nil {
			t.Fatal(err)
		}
		res, err := c.Result()
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	got, counted := collect(true), collect(false)
	if counted.Cases != nil || counted.Files != want.Files || !reflect.DeepEqual(counted.Findings, got.Findings) {
		t.Fatalf("collected without cases: %d cases, %d files, %d findings; want none, %d files, %d findings",
			len(counted.Cases), counted.Files, len(counted.Findings), want.Files, len(got.Findings))
	}
	if want.Files == 0 || got.Files != want.Files {
		t.Fatalf("the index's outcomes give %d files, checking every release %d", got.Files, want.Files)
	}
	if len(got.Findings) != len(want.Findings) {
		t.Fatalf("the index's outcomes give %d findings, checking every release %d", len(got.Findings), len(want.Findings))
	}
	for i := range want.Findings {
		if !reflect.DeepEqual(got.Findings[i], want.Findings[i]) {
			t.Fatalf("finding %d: the index gives\n%#v\nchecking every release\n%#v", i, got.Findings[i], want.Findings[i])
		}
	}
	if !reflect.DeepEqual(got.Cases, want.Cases) {
		t.Fatalf("cases: the index gives\n%v\nchecking every release\n%v", got.Cases, want.Cases)
	}
	return got
}

// TestIndexKeepsCheckOutcomes: the findings and cases the index keeps of each release are check's, field for
// field (message arguments of every type included), on the self-test sample where every rule fires, and stay so
// after a release is edited, with only that release checked again.
func TestIndexKeepsCheckOutcomes(t *testing.T) {
	f := selfTestFixture(t)
	ix := f.open(t)
	res := sameCheck(t, ix, f)
	rules := map[string]bool{}
	kinds := map[string]bool{}
	for _, fd := range res.Findings {
		rules[fd.Rule] = true
		for _, v := range fd.Args {
			a, err := argOf(v)
			if err != nil {
				t.Fatal(err)
			}
			kinds[a.Kind] = true
		}
	}
	// The sample is what the test says it is: the findings of many rules, with arguments of several types.
	if len(rules) < 12 || !kinds["string"] || !kinds["int"] || !kinds["message"] || !kinds["list"] {
		t.Fatalf("the sample gives findings of %d rules with arguments of kinds %v", len(rules), kinds)
	}

	dirs, _ := filepath.Glob(filepath.Join(f.ws.Root, "releases", "*"))
	ja := filepath.Join(dirs[0], "ja.md")
	data, err := os.ReadFile(ja)
	if err != nil {
		t.Fatal(err)
	}
	// Another number in the Japanese: a number-extra finding more.
	if err := os.WriteFile(ja, append(data, []byte("\n会談は45分間行われた。\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	ix = f.open(t)
	if ix.Read != 1 {
		t.Errorf("after one release changed, the index read %d releases, want 1", ix.Read)
	}
	after := sameCheck(t, ix, f)
	if len(after.Findings) == len(res.Findings) {
		t.Errorf("the edit changed no finding (%d before and after)", len(res.Findings))
	}
}

// TestIndexCheckFollowsTheBuild: findings made by another relloc build are not given back: the index is made
// again from the releases.
func TestIndexCheckFollowsTheBuild(t *testing.T) {
	f := selfTestFixture(t)
	f.open(t)
	defer func(k func() string) { buildKey = k }(buildKey)
	buildKey = func() string { return "another build\n" }
	ix := f.open(t)
	if ix.Read != 2 {
		t.Errorf("under another build the index read %d releases again, want 2", ix.Read)
	}
	sameCheck(t, ix, f)
	if ix := f.open(t); ix.Read != 0 {
		t.Errorf("under the same build again the index read %d releases", ix.Read)
	}
}

func TestBuildKey(t *testing.T) {
	exe := func(id string) func() (string, error) { return func() (string, error) { return id, nil } }
	settings := func(kv ...string) *debug.BuildInfo {
		bi := &debug.BuildInfo{GoVersion: "go1.26.8"}
		bi.Main.Path = "github.com/relloc/relloc"
		for i := 0; i < len(kv); i += 2 {
			bi.Settings = append(bi.Settings, debug.BuildSetting{Key: kv[i], Value: kv[i+1]})
		}
		return bi
	}
	clean := settings("vcs.revision", "abc", "vcs.modified", "false")
	dirty := settings("vcs.revision", "abc", "vcs.modified", "true")
	none := settings("-trimpath", "true")
	for _, c := range []struct {
		name string
		a, b string
		same bool
	}{
		{"a clean build is its revision, whatever the executable", buildKeyOf(clean, exe("x")), buildKeyOf(clean, exe("y")), true},
		{"two revisions", buildKeyOf(clean, exe("x")), buildKeyOf(settings("vcs.revision", "abd", "vcs.modified", "false"), exe("x")), false},
		{"a dirty build of one revision is its executable", buildKeyOf(dirty, exe("x")), buildKeyOf(dirty, exe("y")), false},
		{"the same dirty executable", buildKeyOf(dirty, exe("x")), buildKeyOf(dirty, exe("x")), true},
		{"no version control: the executable", buildKeyOf(none, exe("x")), buildKeyOf(none, exe("y")), false},
		{"no build information: the executable", buildKeyOf(nil, exe("x")), buildKeyOf(nil, exe("y")), false},
		{"another Go", buildKeyOf(clean, exe("x")), buildKeyOf(func() *debug.BuildInfo { b := *clean; b.GoVersion = "go1.27"; return &b }(), exe("x")), false},
		{"an executable that cannot be read is no other's", buildKeyOf(dirty, func() (string, error) { return "", os.ErrNotExist }),
			buildKeyOf(dirty, func() (string, error) { return "", os.ErrNotExist }), false},
	} {
		if (c.a == c.b) != c.same {
			t.Errorf("%s: keys equal %v, want %v\n%s\n%s", c.name, c.a == c.b, c.same, c.a, c.b)
		}
	}
	// The running test binary is an ELF executable with a Go build ID.
	id, err := executableID()
	if err != nil || !strings.HasPrefix(id, "go build id ") && !strings.HasPrefix(id, "sha256 ") {
		t.Errorf("executableID() = %q, %v", id, err)
	}
}

// TestArgsRoundTrip: every kind of message argument reads back as it was written, and renders the same.
func TestArgsRoundTrip(t *testing.T) {
	args := ui.Args{"S": "\"x\" ឯកឧត្ដម", "I": 3, "I64": int64(1) << 40, "F": 0.875, "B": true,
		"M":  ui.Message{ID: "PartSentence", Args: ui.Args{"Sentence": 2, "Sentences": 3, "Paragraph": 4}},
		"L":  ui.List{{ID: "MarkupCount", Args: ui.Args{"Kind": "bold", "English": 1, "Lang": "ja", "Count": 0}}, {ID: "PartParagraph"}},
		"N":  ui.Lines{{ID: "PartParagraph", Args: ui.Args{"Paragraph": 1}}},
		"L0": ui.List{}}
	data, err := encodeArgs(args)
	if err != nil {
		t.Fatal(err)
	}
	got, err := decodeArgs(data)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, args) {
		t.Errorf("read back\n%#v\nwritten\n%#v", got, args)
	}
	if _, err := encodeArgs(ui.Args{"X": []int{1}}); err == nil {
		t.Error("a value of an unknown type was stored")
	}
}

// TestOutcomesNeedNoSort: SQLite reads the stored outcomes in report order through the index releases_order,
// with no sort of every release's outcome (a temporary b-tree that grows with the archive); the findings are
// sorted at most within a release.
func TestOutcomesNeedNoSort(t *testing.T) {
	f := selfTestFixture(t)
	ix := f.open(t)
	for _, q := range []string{outcomesQuery, findingsQuery} {
		text := queryPlan(t, ix, q)
		if !strings.Contains(text, "releases_order") ||
			strings.Contains(text, "TEMP B-TREE FOR ORDER BY") {
			t.Errorf("query plan %q: want a scan of releases_order and no sort of the whole", text)
		}
	}
}

// TestPassConnGivesTheCacheBack: the connection that read the stored folders and outcomes with a small page
// cache goes back to the pool with the cache it had, which lookups need.
func TestPassConnGivesTheCacheBack(t *testing.T) {
	f := selfTestFixture(t)
	ix := f.open(t)
	ix.db.SetMaxOpenConns(1) // every query below on the one connection
	var before, during, after int64
	if err := ix.db.QueryRow(`PRAGMA cache_size`).Scan(&before); err != nil {
		t.Fatal(err)
	}
	conn, done, err := ix.passConn()
	if err != nil {
		t.Fatal(err)
	}
	if err := conn.QueryRowContext(context.Background(), `PRAGMA cache_size`).Scan(&during); err != nil {
		t.Fatal(err)
	}
	done()
	if err := ix.EachOutcome(func(check.Outcome) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if err := ix.sync(); err != nil {
		t.Fatal(err)
	}
	if err := ix.db.QueryRow(`PRAGMA cache_size`).Scan(&after); err != nil {
		t.Fatal(err)
	}
	if during != passCache || after != before || before == passCache {
		t.Errorf("cache_size %d before, %d while reading, %d after; want %d while reading and as before after",
			before, during, after, passCache)
	}
}

// TestOutcomesNameTheirFolders: each stored outcome names its release's folder, as check.Stream's do, which a
// report in path order needs to know how far it can write.
func TestOutcomesNameTheirFolders(t *testing.T) {
	f := selfTestFixture(t)
	ix := f.open(t)
	ws := f.ws
	rels, err := release.LoadAll(ws.Root, ws.Path(ws.Config.Releases), ws.Config.Source, ws.Config.Languages(), ws.Rel)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	for _, r := range rels {
		want[r.ID] = r.Dir
	}
	n := 0
	if err := ix.EachOutcome(func(o check.Outcome) error {
		n++
		if o.Dir != want[o.ID] || o.Dir == "" {
			t.Errorf("outcome of %s: folder %q, want %q", o.ID, o.Dir, want[o.ID])
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if n != len(rels) {
		t.Errorf("%d outcomes, want %d", n, len(rels))
	}
}
