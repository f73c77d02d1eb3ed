package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/relloc/relloc/internal/cli"
	"github.com/relloc/relloc/internal/testenv"
)

// TestExportsReplaceAtomically: a command that writes a file writes a new file beside it and renames it over
// the old one, so that a kill or a full disk leaves the old file whole. It shows as a new inode: a hard link to
// the old file keeps the old content, which a write in place (os.WriteFile) would have overwritten, and no
// temporary file is left behind.
func TestExportsReplaceAtomically(t *testing.T) {
	root := testenv.RepoRoot(t)
	for _, tt := range []struct {
		name string
		args func(out string) []string
	}{
		{"tm export", func(out string) []string { return []string{"-C", root, "tm", "export", "--out", out} }},
		{"glossary export", func(out string) []string {
			return []string{"-C", root, "glossary", "export", "--format", "tbx", "-o", out}
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			out, link := filepath.Join(dir, "out.xml"), filepath.Join(dir, "link.xml")
			old := []byte("the previous export\n")
			if err := os.WriteFile(out, old, 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.Link(out, link); err != nil {
				t.Skipf("hard links unsupported here: %v", err)
			}
			var stdout, stderr bytes.Buffer
			io := &cli.IO{Out: &stdout, Err: &stderr, Getwd: func() (string, error) { return root, nil }}
			if code := cli.Run(io, tt.args(out)); code != 0 {
				t.Fatalf("exit %d: %s", code, stderr.String())
			}
			got, _ := os.ReadFile(out)
			if bytes.Equal(got, old) || len(got) == 0 {
				t.Fatalf("%s was not replaced", out)
			}
			if kept, _ := os.ReadFile(link); !bytes.Equal(kept, old) {
				t.Errorf("the old file was overwritten in place, not replaced by a renamed new file")
			}
			ents, _ := os.ReadDir(dir)
			if len(ents) != 2 {
				var names []string
				for _, e := range ents {
					names = append(names, e.Name())
				}
				t.Errorf("files left in the folder: %v, want only out.xml and link.xml", names)
			}
		})
	}
}
