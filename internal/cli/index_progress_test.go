package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestIndexProgress: on a terminal, the open of tm search that fills the translation memory of an index a check
// built (every release read again) counts the releases on stderr; the next, which reads none, shows nothing,
// and neither does one whose stderr is no terminal.
func TestIndexProgress(t *testing.T) {
	dir := copyWorkspace(t, filepath.Join("..", "check", "selftest"))
	src := filepath.Join(dir, "releases", "2021-01-02-partial")
	n := progressThreshold + 5
	for i := range n {
		to := filepath.Join(dir, "releases", fmt.Sprintf("2022-01-%02d-copy", i+1))
		if err := os.CopyFS(to, os.DirFS(src)); err != nil {
			t.Fatal(err)
		}
	}
	if r := runIn(dir, true, "check"); strings.Contains(r.err, "indexing releases") {
		t.Fatalf("check: %s", r.err)
	}
	search := func(terminal bool) string {
		var out, errOut bytes.Buffer
		Run(&IO{Out: &out, Err: &errOut, ErrTerminal: terminal, Getwd: func() (string, error) { return dir, nil },
			Getenv: func(string) string { return "" }}, []string{"tm", "search", "The Ministry issued a statement."})
		return errOut.String()
	}
	total := n + 2 // the copies and the workspace's own two releases; the bar is cleared as the last is counted
	if got := search(true); !strings.Contains(got, "indexing releases") || !strings.Contains(got, fmt.Sprintf("(%d/%d)", total-1, total)) {
		t.Fatalf("the first tm search after a check, on a terminal: stderr\n%q\nwant the releases counted to %d", got, total)
	}
	if got := search(true); strings.Contains(got, "indexing releases") {
		t.Fatalf("a tm search that reads no release: stderr\n%q", got)
	}
	if err := os.WriteFile(filepath.Join(dir, "releases", "2022-01-01-copy", "en.md"), []byte("# Press Release\n\nThe Ministry issued a new statement.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := search(false); strings.Contains(got, "indexing releases") {
		t.Fatalf("a tm search whose stderr is no terminal: stderr\n%q", got)
	}
}
