package main

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/relloc/relloc/internal/cli"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"relloc": func() { os.Exit(cli.Main()) },
	})
}

// TestScripts runs the CLI end to end: each testdata/script/*.txtar holds a small workspace and the commands to
// run on it, with their expected exit status and output.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: filepath.Join("..", "..", "testdata", "script"),
		Setup: func(env *testscript.Env) error {
			env.Setenv("NO_COLOR", "1")
			return nil
		},
		RequireExplicitExec: true,
	})
}

// TestRepositoryWorkspace is relloc's own gate: the repository's releases must pass `relloc check`.
func TestRepositoryWorkspace(t *testing.T) {
	_, file, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(file), "..", "..")
	var out, errOut bytes.Buffer
	io := &cli.IO{Out: &out, Err: &errOut, Getwd: func() (string, error) { return root, nil }}
	if code := cli.Run(io, []string{"check"}); code != 0 {
		t.Fatalf("relloc check on the repository exited %d\nstdout:\n%s\nstderr:\n%s", code, out.String(), errOut.String())
	}
	t.Logf("relloc check:\n%s", out.String())
}
