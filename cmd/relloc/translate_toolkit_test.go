package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/relloc/relloc/internal/cli"
	"github.com/relloc/relloc/internal/testenv"
)

// TestTranslateToolkitPORoundTrip: the seed's Japanese goes to a PO file and back through Translate Toolkit
// (xliff2po, then po2xliff, which numbers the units afresh and names neither the release nor the language),
// with one translation revised in the PO file; relloc xliff import writes that one segment into ja.md, leaves
// every other byte, and check passes.
func TestTranslateToolkitPORoundTrip(t *testing.T) {
	var tools []string
	for _, name := range []string{"xliff2po", "po2xliff"} {
		p, err := exec.LookPath(name)
		if err != nil {
			testenv.MissingTool(t, "%s is not installed (apt-get install translate-toolkit)", name)
		}
		tools = append(tools, p)
	}
	root := testenv.RepoRoot(t)
	ws := t.TempDir()
	copyTree(t, root, ws, "relloc.toml", "glossary", "releases")
	dir := t.TempDir()
	xlf, po, back := filepath.Join(dir, "ja.xlf"), filepath.Join(dir, "ja.po"), filepath.Join(dir, "back.xlf")
	rellocOut(t, ws, "xliff", "export", seedRelease, "--lang", "ja", "-o", xlf)
	if out, err := exec.Command(tools[0], "--progress=none", xlf, po).CombinedOutput(); err != nil {
		t.Fatalf("xliff2po: %v\n%s", err, out)
	}
	data, err := os.ReadFile(po)
	if err != nil {
		t.Fatal(err)
	}
	// The translator prefers the accepted variant プレスリリース for the heading.
	if n := bytes.Count(data, []byte(`msgstr "報道発表"`)); n != 1 {
		t.Fatalf("the PO file holds msgstr \"報道発表\" %d times, want once:\n%s", n, data)
	}
	if err := os.WriteFile(po, bytes.Replace(data, []byte(`msgstr "報道発表"`), []byte(`msgstr "プレスリリース"`), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(tools[1], "--progress=none", po, back).CombinedOutput(); err != nil {
		t.Fatalf("po2xliff: %v\n%s", err, out)
	}
	ja := filepath.Join(ws, "releases", seedRelease, "ja.md")
	before, err := os.ReadFile(ja)
	if err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	io := &cli.IO{Out: &out, Err: &errOut, Getwd: func() (string, error) { return ws, nil }}
	if code := cli.Run(io, []string{"xliff", "import", back, "--release", seedRelease, "--lang", "ja"}); code != 0 {
		b, _ := os.ReadFile(back)
		t.Fatalf("xliff import of po2xliff's file: exit %d\n%s\n%s\n%s", code, out.String(), errOut.String(), b)
	}
	if !strings.Contains(errOut.String(), "1 segment(s) written, 18 unchanged") {
		t.Errorf("xliff import: %s", errOut.String())
	}
	after, err := os.ReadFile(ja)
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.Replace(string(before), "# 報道発表\n", "# プレスリリース\n", 1); string(after) != want {
		t.Errorf("ja.md after the import:\n%s\nwant:\n%s", after, want)
	}
}
