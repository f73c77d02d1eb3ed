package cli

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/relloc/relloc/internal/workspace"
)

// TestSelectReleases: the releases check selects by path are those the list of every release selects, in its
// order, whether the paths name release folders (listed alone) or folders holding releases (every release
// listed), and a path that names none is the usage error it was.
func TestSelectReleases(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string]string{
		"relloc.toml":                   "source = \"en\"\ntargets = [\"km\"]\n",
		"releases/2021-01-01-a/en.md":   "# Press Release\n",
		"releases/2021-01-02-b/en.md":   "# Press Release\n",
		"releases/2021-01-02-b/km.md":   "# សេចក្តីប្រកាសព័ត៌មាន\n",
		"releases/2021-01-03-c/en.md":   "# Press Release\n",
		"releases/2021-01-04-none/x.md": "not a release file\n",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ws, err := workspace.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	all, err := ws.ListReleases()
	if err != nil {
		t.Fatal(err)
	}
	rels := filepath.Join(dir, "releases")
	tests := []struct {
		wd    string
		paths []string
		err   bool
	}{
		{dir, nil, false},
		{dir, []string{"releases/2021-01-02-b"}, false},
		{dir, []string{"releases/2021-01-03-c/en.md", "releases/2021-01-01-a", "releases/2021-01-03-c"}, false},
		{rels, []string{"2021-01-02-b/km.md", "."}, false},
		{rels, []string{"."}, false},
		{dir, []string{"."}, false},
		{filepath.Join(rels, "2021-01-02-b"), []string{"km.md", "../2021-01-01-a"}, false},
		{dir, []string{"releases/2021-01-04-none"}, true},
		{dir, []string{"releases/2021-01-04-none/x.md"}, true},
		{dir, []string{"releases/2021-01-01-a", "releases/2021-01-09-missing"}, true},
		{dir, []string{"relloc.toml"}, false}, // a file of the root: the root, every release
	}
	for _, tt := range tests {
		l, idx, err := selectReleases(ws, tt.wd, tt.paths)
		if (err != nil) != tt.err {
			t.Errorf("selectReleases(%v) error %v, want an error: %v", tt.paths, err, tt.err)
			continue
		}
		if err != nil {
			continue
		}
		var got, want []string
		for _, i := range idx {
			got = append(got, l.Dir(i))
		}
		seen := map[int]bool{}
		for _, p := range tt.paths {
			abs := filepath.Join(tt.wd, p)
			st, err := os.Stat(abs)
			if err != nil {
				t.Fatal(err)
			}
			sel, _ := all.Select(abs, st.IsDir())
			for _, i := range sel {
				if !seen[i] {
					seen[i] = true
					want = append(want, all.Dir(i))
				}
			}
		}
		if tt.paths == nil {
			for i := range all.Len() {
				want = append(want, all.Dir(i))
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("selectReleases(%v) = %v, want %v", tt.paths, got, want)
		}
	}
}
