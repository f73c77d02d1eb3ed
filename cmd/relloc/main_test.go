package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/relloc/relloc/internal/cli"
	"github.com/relloc/relloc/internal/testenv"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"relloc": func() { os.Exit(cli.Main()) },
	})
}

// TestScripts runs the CLI end to end: each testdata/script/*.txtar holds a small workspace and the commands to
// run on it, with their expected exit status and output.
func TestScripts(t *testing.T) {
	root := testenv.RepoRoot(t)
	testscript.Run(t, testscript.Params{
		Dir: filepath.Join("..", "..", "testdata", "script"),
		Setup: func(env *testscript.Env) error {
			env.Setenv("NO_COLOR", "1")
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"seed":       func(ts *testscript.TestScript, neg bool, args []string) { seedCmd(ts, neg, args, root) },
			"replace":    replaceCmd,
			"linediff":   linediffCmd,
			"writebytes": writeBytes,
			"mkfifo":     mkfifoCmd,
		},
		RequireExplicitExec: true,
	})
}

// writeBytes is the testscript command "writebytes FILE QUOTED": it writes the Go-quoted string QUOTED to FILE,
// for the bytes a txtar file cannot hold legibly (CR, NUL, invalid UTF-8, ESC).
func writeBytes(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: writebytes FILE QUOTED")
	}
	data, err := strconv.Unquote(args[1])
	if err != nil {
		ts.Fatalf("writebytes: %v", err)
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(data), 0o644))
}

// TestRepositoryWorkspace is relloc's own gate: the repository's releases must pass `relloc check`.
func TestRepositoryWorkspace(t *testing.T) {
	root := testenv.RepoRoot(t)
	var out, errOut bytes.Buffer
	io := &cli.IO{Out: &out, Err: &errOut, Getwd: func() (string, error) { return root, nil }}
	if code := cli.Run(io, []string{"check"}); code != 0 {
		t.Fatalf("relloc check on the repository exited %d\nstdout:\n%s\nstderr:\n%s", code, out.String(), errOut.String())
	}
	t.Logf("relloc check:\n%s", out.String())
}

// TestExportsValidate runs relloc on a failing workspace (the self-test's known-bad sample) and on this
// repository, and checks what it exports with ../shared/schemas/validate.sh: SARIF and JUnit from check, TBX
// from glossary export, TMX from tm export. It skips when ../shared or its validators are absent.
func TestExportsValidate(t *testing.T) {
	root := testenv.RepoRoot(t)
	validate := testenv.Shared(t, "schemas", "validate.sh")
	bad := filepath.Join(root, "internal", "check", "selftest")
	tests := []struct {
		format string
		args   []string
		code   int
	}{
		{"sarif", []string{"-C", bad, "check", "--format", "sarif"}, 1},
		{"junit", []string{"-C", bad, "check", "--format", "junit"}, 1},
		{"sarif", []string{"-C", root, "check", "--format", "sarif"}, 0},
		{"junit", []string{"-C", root, "check", "--format", "junit"}, 0},
		{"tbx", []string{"-C", root, "glossary", "export", "--format", "tbx", "--tbx-version", "3"}, 0},
		{"tmx", []string{"-C", root, "tm", "export", "--format", "tmx"}, 0},
	}
	for _, tt := range tests {
		var out, errOut bytes.Buffer
		io := &cli.IO{Out: &out, Err: &errOut, Getwd: func() (string, error) { return root, nil }}
		if code := cli.Run(io, tt.args); code != tt.code {
			t.Fatalf("relloc %v: exit %d, want %d\n%s", tt.args, code, tt.code, errOut.String())
		}
		f := filepath.Join(t.TempDir(), "out."+tt.format)
		if err := os.WriteFile(f, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command("bash", validate, tt.format, f)
		msg, err := cmd.CombinedOutput()
		if cmd.ProcessState != nil && cmd.ProcessState.ExitCode() == 2 && bytes.Contains(msg, []byte("not found")) {
			testenv.MissingTool(t, "validator missing: %s", msg)
		}
		if err != nil {
			t.Errorf("relloc %v: validate.sh %s: %v\n%s", tt.args, tt.format, err, msg)
		}
	}
}
