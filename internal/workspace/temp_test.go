package workspace

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/renameio/v2"

	"github.com/relloc/relloc/internal/testenv"
)

func TestIsTemp(t *testing.T) {
	tests := []struct {
		name, target string
		want         bool
	}{
		{".km.md5577006791947779410", "km.md", true},
		{".km.md", "km.md", false},
		{".km.md.bak", "km.md", false},
		{".km.md12x", "km.md", false},
		{".ja.md123", "km.md", false},
		{"km.md123", "km.md", false},
	}
	for _, tt := range tests {
		if got := IsTemp(tt.name, tt.target); got != tt.want {
			t.Errorf("IsTemp(%q, %q): got %v, want %v", tt.name, tt.target, got, tt.want)
		}
	}
}

// TestTempFilesIgnoredAndCleaned leaves the temporary files of interrupted writes as a killed relloc does
// (renameio's, for a release file and a glossary file): git status shows none of them under the documented
// .gitignore, and CleanTemp removes those of one file only.
func TestTempFilesIgnoredAndCleaned(t *testing.T) {
	root := t.TempDir()
	rel := filepath.Join(root, "releases", "2024-03-05-visit")
	gl := filepath.Join(root, "glossary")
	for _, d := range []string{rel, gl} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	var left []string
	for _, p := range []string{filepath.Join(rel, "km.md"), filepath.Join(rel, "km.md"), filepath.Join(rel, "ja.md"), filepath.Join(gl, "seed.toml"), filepath.Join(root, "glossary.csv")} {
		pf, err := renameio.NewPendingFile(p, renameio.WithTempDir(filepath.Dir(p)))
		if err != nil {
			t.Fatal(err)
		}
		pf.WriteString("ការបកប្រែមិនទាន់ចប់")
		pf.File.Close() // killed before the rename: the temporary file stays
		left = append(left, pf.Name())
	}
	if err := os.WriteFile(filepath.Join(root, ".gitignore"), []byte(GitIgnore), 0o644); err != nil {
		t.Fatal(err)
	}
	if git, err := exec.LookPath("git"); err == nil {
		cmd := exec.Command(git, "init", "-q", root)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git init: %v\n%s", err, out)
		}
		cmd = exec.Command(git, "-C", root, "status", "--porcelain", "--untracked-files=all")
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("git status: %v", err)
		}
		if got := strings.TrimSpace(string(out)); got != "?? .gitignore" {
			t.Errorf("git status shows temporary files of %q:\n%s", left, got)
		}
	}
	removed, err := CleanTemp(filepath.Join(rel, "km.md"))
	if err != nil {
		t.Fatal(err)
	}
	ents, _ := os.ReadDir(rel)
	var rest []string
	for _, e := range ents {
		rest = append(rest, e.Name())
	}
	if len(removed) != 2 || len(rest) != 1 || !strings.HasPrefix(rest[0], ".ja.md") || slices.Contains(rest, "km.md") {
		t.Errorf("CleanTemp(km.md): removed %q, left %q; want the two .km.md temporary files removed", removed, rest)
	}
}

// TestGitIgnoreDocumented: the README shows GitIgnore as it is, and this repository's .gitignore has its patterns.
func TestGitIgnoreDocumented(t *testing.T) {
	root := testenv.RepoRoot(t)
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), "```gitignore\n"+GitIgnore+"```\n") {
		t.Errorf("README.md does not show workspace.GitIgnore:\n%s", GitIgnore)
	}
	ignore, err := os.ReadFile(filepath.Join(root, ".gitignore"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(ignore), "\n")
	for _, l := range strings.Split(GitIgnore, "\n") {
		if l != "" && !strings.HasPrefix(l, "#") && !slices.Contains(lines, l) {
			t.Errorf(".gitignore lacks %q", l)
		}
	}
}
