//go:build unix

package main

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestRun runs the whole benchmark on a tiny workspace with a stand-in for relloc, so it measures the plumbing
// (generation, the peers' inputs, the table), not relloc.
func TestRun(t *testing.T) {
	stand, err := exec.LookPath("true")
	if err != nil {
		t.Skip("no true(1) on this system")
	}
	dir := filepath.Join(t.TempDir(), "bench")
	var out strings.Builder
	err = run([]string{"-relloc", stand, "-releases", "3", "-entries", "100", "-runs", "1", "-only", "check", "-keep", dir},
		&out, io.Discard)
	if err != nil {
		t.Fatalf("run: %v\n%s", err, out.String())
	}
	for _, want := range []string{"workspace: 3 releases", "100 glossary entries", "relloc check"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	for _, f := range []string{"terms.txt", "vale/.vale.ini", "workspace/relloc.toml", "workspace/glossary/generated.toml"} {
		if fi, err := os.Stat(filepath.Join(dir, f)); err != nil || fi.Size() == 0 {
			t.Errorf("%s missing or empty", f)
		}
	}
}

func TestRunNeedsRelloc(t *testing.T) {
	err := run([]string{"-relloc", filepath.Join(t.TempDir(), "absent"), "-releases", "1"}, io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "make build") {
		t.Errorf("got %v, want an error saying to run make build", err)
	}
}
