package testenv

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestRepoRoot(t *testing.T) {
	root := RepoRoot(t)
	mod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.SplitN(string(mod), "\n", 2)[0], "module github.com/relloc/relloc"; got != want {
		t.Errorf("first line of %s: got %q, want %q", filepath.Join(root, "go.mod"), got, want)
	}
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := filepath.Join(root, "internal", "testenv"), wd; got != want {
		t.Errorf("root joined with internal/testenv: got %q, want the working directory %q", got, want)
	}
}

// recorder stands in for a testing.TB to observe whether Shared skips, and with what message.
type recorder struct {
	testing.TB
	skipped string
}

func (r *recorder) Helper() {}

func (r *recorder) Skipf(format string, args ...any) {
	r.skipped = fmt.Sprintf(format, args...)
	runtime.Goexit()
}

// shared runs Shared on a recorder in its own goroutine, as Skipf ends the goroutine that calls it.
func shared(t *testing.T, elem ...string) (path, skipped string) {
	r := &recorder{TB: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		path = Shared(r, elem...)
	}()
	<-done
	return path, r.skipped
}

func TestShared(t *testing.T) {
	// Whether ../shared itself is here depends on the checkout; the case for it expects either outcome.
	dir := filepath.Join(RepoRoot(t), "..", "shared")
	sharedPath, sharedSkip := dir, ""
	if _, err := os.Stat(dir); err != nil {
		sharedPath, sharedSkip = "", "../shared is absent"
	}
	tests := []struct {
		elem     []string
		wantPath string
		wantSkip string
	}{
		{nil, sharedPath, sharedSkip},
		{[]string{"no-such-entry", "x.txt"}, "", "../shared/no-such-entry/x.txt is absent"},
	}
	for _, tt := range tests {
		path, skip := shared(t, tt.elem...)
		if path != tt.wantPath || skip != tt.wantSkip {
			t.Errorf("Shared(%q): got path %q, skip %q; want path %q, skip %q", tt.elem, path, skip, tt.wantPath, tt.wantSkip)
		}
	}
}

func TestMissingToolFailsInCI(t *testing.T) {
	for _, ci := range []string{"", "true"} {
		t.Setenv("CI", ci)
		ft := &ciRecorder{}
		func() {
			defer func() { _ = recover() }() // the recorder panics where a real test's goroutine would stop
			MissingTool(ft, "jing not installed")
		}()
		if ci == "" && (!ft.skipped || ft.failed) || ci != "" && (!ft.failed || ft.skipped) {
			t.Errorf("CI=%q: skipped %v, failed %v", ci, ft.skipped, ft.failed)
		}
	}
}

// ciRecorder is a testing.TB that records whether it was skipped or failed.
type ciRecorder struct {
	testing.TB
	skipped, failed bool
}

func (r *ciRecorder) Helper()               {}
func (r *ciRecorder) Skipf(string, ...any)  { r.skipped = true; panic("skip") }
func (r *ciRecorder) Fatalf(string, ...any) { r.failed = true; panic("fatal") }
