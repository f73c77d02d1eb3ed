package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gofrs/flock"

	"github.com/relloc/relloc/internal/index"
	"github.com/relloc/relloc/internal/report"
	"github.com/relloc/relloc/internal/testenv"
)

// checkRun is one run of relloc in a workspace.
type checkRun struct {
	out, err string
	code     int
}

// runIn runs relloc with args in dir, with the index on or off (RELLOC_INDEX=off).
func runIn(dir string, indexOn bool, args ...string) checkRun {
	var out, errOut bytes.Buffer
	env := map[string]string{}
	if !indexOn {
		env[indexEnv] = "off"
	}
	code := Run(&IO{Out: &out, Err: &errOut, Getwd: func() (string, error) { return dir, nil },
		Getenv: func(k string) string { return env[k] }}, args)
	return checkRun{out.String(), errOut.String(), code}
}

// sameWithIndex runs check with args in every format and reader's language, with the index and without, and
// fails unless stdout and the exit status are the same byte for byte; stderr too unless a note is expected.
func sameWithIndex(t *testing.T, dir string, stderrToo bool, args ...string) {
	t.Helper()
	for _, format := range report.Formats {
		for _, lang := range []string{"en", "km", "ja"} {
			a := append([]string{"check", "--format", format, "--ui-lang", lang}, args...)
			want := runIn(dir, false, a...)
			got := runIn(dir, true, a...)
			if got.out != want.out || got.code != want.code || stderrToo && got.err != want.err {
				t.Fatalf("relloc %s: with the index\nexit %d\n%s\nstderr %s\nwithout\nexit %d\n%s\nstderr %s", strings.Join(a, " "),
					got.code, got.out, got.err, want.code, want.out, want.err)
			}
		}
	}
}

// copyWorkspace copies a workspace's files (relloc.toml, glossary, locale, releases) into a new folder.
func copyWorkspace(t *testing.T, from string) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"relloc.toml", "glossary", "locale", "releases"} {
		src := filepath.Join(from, name)
		st, err := os.Stat(src)
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		if !st.IsDir() {
			data, err := os.ReadFile(src)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.CopyFS(filepath.Join(dir, name), os.DirFS(src)); err != nil {
			t.Fatal(err)
		}
	}
	// Every file an hour old, so that the index trusts the times it records (its racy-time rule reads a file
	// modified within two seconds of an update again).
	old := time.Now().Add(-time.Hour)
	filepath.Walk(dir, func(p string, _ os.FileInfo, err error) error {
		if err == nil {
			err = os.Chtimes(p, old, old)
		}
		return err
	})
	return dir
}

// TestCheckIndexedMatchesStreaming: relloc check with the index (the outcomes it keeps of each release) prints
// byte for byte what checking every release prints (RELLOC_INDEX=off), in every format and reader's language,
// on the repository's workspace, on check's self-test sample, where every rule fires, and on stream.txtar, whose
// folder, file path and release id orders differ (the report, given the stored outcomes by id, writes a finding
// once no folder still to come can hold an earlier one): on a new index, on one up to date, and after one
// release is edited.
func TestCheckIndexedMatchesStreaming(t *testing.T) {
	for _, ws := range []struct{ name, dir string }{
		{"repository", testenv.RepoRoot(t)},
		{"self-test sample", filepath.Join("..", "check", "selftest")},
		{"orders that differ", writeTxtar(t, "stream.txtar")},
	} {
		t.Run(ws.name, func(t *testing.T) {
			dir := copyWorkspace(t, ws.dir)
			sameWithIndex(t, dir, true)
			if _, err := os.Stat(index.Path(dir)); err != nil {
				t.Fatalf("check made no index: %v", err)
			}
			rels, _ := filepath.Glob(filepath.Join(dir, "releases", "*", "ja.md"))
			data, err := os.ReadFile(rels[0])
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(rels[0], append(data, []byte("\n会談は45分間行われた。\n")...), 0o644); err != nil {
				t.Fatal(err)
			}
			sameWithIndex(t, dir, true)
			if ws.name == "self-test sample" {
				out := runIn(dir, true, "check").out
				for _, rule := range []string{"bad-suppression", "glossary-forbidden", "khmer-encoding", "markup-mismatch",
					"missing-translation", "number-mismatch", "segment-extra", "segment-missing", "untranslated", "width"} {
					if !strings.Contains(out, " "+rule+":") {
						t.Errorf("the sample has no %s finding, which the test counts on:\n%s", rule, out)
					}
				}
			}
		})
	}
}

// TestCheckReadsTheIndex: a full check gives the outcomes the index keeps, not those of checking again. A file
// whose contents change while its size and time stay as the index recorded them is, to the index, the file it
// read (as to git or make); check then reports what the index keeps of it, which shows that it read no release.
func TestCheckReadsTheIndex(t *testing.T) {
	dir := copyWorkspace(t, filepath.Join("..", "check", "selftest"))
	before := runIn(dir, true, "check", "--format", "json")
	rels, _ := filepath.Glob(filepath.Join(dir, "releases", "*", "ja.md"))
	st, err := os.Stat(rels[0])
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(rels[0])
	// The same size: a digit changed in place.
	i := bytes.IndexAny(data, "0123456789")
	if i < 0 {
		t.Fatal("no digit in the Japanese")
	}
	data[i] = '0' + (data[i]-'0'+1)%10
	if err := os.WriteFile(rels[0], data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(rels[0], st.ModTime(), st.ModTime()); err != nil {
		t.Fatal(err)
	}
	if got := runIn(dir, true, "check", "--format", "json"); got.out != before.out {
		t.Fatalf("check with an up-to-date index read the release again:\n%s\nwant\n%s", got.out, before.out)
	}
	if off := runIn(dir, false, "check", "--format", "json"); off.out == before.out {
		t.Fatalf("the edit changed no finding: the test shows nothing")
	}
}

// TestCheckOptionsWithIndex: the options that check part of the workspace (--lang with some targets, release
// paths, --changed-since) check those releases themselves, as without the index, and print the same.
func TestCheckOptionsWithIndex(t *testing.T) {
	dir := copyWorkspace(t, filepath.Join("..", "check", "selftest"))
	runIn(dir, true, "check") // a full index, which they must not take for their answer
	sameWithIndex(t, dir, true, "--lang", "km")
	sameWithIndex(t, dir, true, "--lang", "ja,km")
	sameWithIndex(t, dir, true, "--lang", "km,ja")
	rels, _ := filepath.Glob(filepath.Join(dir, "releases", "*"))
	sameWithIndex(t, dir, true, rels[0])
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	for _, args := range [][]string{{"init", "-q"}, {"add", "."}, {"-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "sample"}} {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	ja := filepath.Join(rels[0], "ja.md")
	data, _ := os.ReadFile(ja)
	if err := os.WriteFile(ja, append(data, []byte("\n会談は45分間行われた。\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	sameWithIndex(t, dir, true, "--changed-since", "HEAD")
}

// TestCheckIndexUnusable: a damaged index, one locked by another process for longer than check waits, and a
// release that does not parse never cost a check: it reads every release and prints what it prints without the
// index, with a note on stderr about the index.
func TestCheckIndexUnusable(t *testing.T) {
	dir := copyWorkspace(t, filepath.Join("..", "check", "selftest"))
	want := runIn(dir, false, "check", "--format", "sarif")

	runIn(dir, true, "check")
	if err := os.WriteFile(index.Path(dir), bytes.Repeat([]byte("not a database\n"), 500), 0o644); err != nil {
		t.Fatal(err)
	}
	got := runIn(dir, true, "check", "--format", "sarif")
	if got.out != want.out || got.code != want.code || !strings.Contains(got.err, "is damaged") {
		t.Errorf("damaged index: exit %d, stderr %q, stdout the same: %v", got.code, got.err, got.out == want.out)
	}

	defer func(d time.Duration) { checkLockWait = d }(checkLockWait)
	checkLockWait = 50 * time.Millisecond
	lock := flock.New(filepath.Join(dir, index.Dir, index.LockName))
	if err := lock.Lock(); err != nil {
		t.Fatal(err)
	}
	got = runIn(dir, true, "check", "--format", "sarif")
	lock.Unlock()
	if got.out != want.out || got.code != want.code || !strings.Contains(got.err, "the index is not usable") {
		t.Errorf("locked index: exit %d, stderr %q, stdout the same: %v", got.code, got.err, got.out == want.out)
	}

	rels, _ := filepath.Glob(filepath.Join(dir, "releases", "*", "km.md"))
	if err := os.WriteFile(rels[0], []byte("+++\nid = = \"broken\"\n+++\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	want = runIn(dir, false, "check")
	got = runIn(dir, true, "check")
	if want.code != ExitFailure || got != want {
		t.Errorf("a release that does not parse: with the index\n%+v\nwithout\n%+v", got, want)
	}
}
