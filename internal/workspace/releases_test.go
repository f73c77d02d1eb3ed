package workspace

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/relloc/relloc/internal/inputerr"
)

// releasesWorkspace writes a workspace with four release folders: one named by its folder, one whose front
// matter gives another id, one whose English file is malformed, and one holding no release file; plus a file
// beside them.
func releasesWorkspace(t *testing.T) (*Workspace, string) {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"relloc.toml":                         "source = \"en\"\ntargets = [\"km\"]\n",
		"releases/2021-01-01-a/en.md":         "# Press Release\n\nThe Ministry issued a statement.\n",
		"releases/2021-01-01-a/km.md":         "# សេចក្តីប្រកាសព័ត៌មាន\n\nក្រសួងបានចេញសេចក្តីថ្លែងការណ៍មួយ។\n",
		"releases/2021-01-02-b/km.md":         "+++\nid = \"statement-b\"\n+++\n# សេចក្តីប្រកាសព័ត៌មាន\n",
		"releases/2021-01-03-broken/en.md":    "+++\nid = \"broken\"\n# Press Release\n",
		"releases/2021-01-04-empty/notes.txt": "not a release file\n",
		"releases/README.md":                  "# Releases\n",
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ws, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	return ws, dir
}

func TestListReleases(t *testing.T) {
	ws, _ := releasesWorkspace(t)
	l, err := ws.ListReleases()
	if err != nil {
		t.Fatal(err)
	}
	var dirs []string
	for i := range l.Len() {
		dirs = append(dirs, l.Dir(i))
	}
	if want := []string{"releases/2021-01-01-a", "releases/2021-01-02-b", "releases/2021-01-03-broken"}; !slices.Equal(dirs, want) {
		t.Fatalf("release folders %v, want %v", dirs, want)
	}
	r, err := l.Load(1)
	if err != nil || r.ID != "statement-b" || r.Dir != "releases/2021-01-02-b" {
		t.Errorf("Load(1) = %+v, %v; want release statement-b", r, err)
	}
	var ie *inputerr.Error
	if _, err := l.Load(2); !errors.As(err, &ie) || ie.Path != "releases/2021-01-03-broken/en.md" {
		t.Errorf("Load of the malformed release = %v, want an input error in its en.md", err)
	}
	if ids := l.IDs(); !slices.Equal(ids, []string{"2021-01-01-a", "statement-b"}) {
		t.Errorf("IDs() = %v: want the ids of the readable releases", ids)
	}
}

// TestReleasesFind: a release is found by its folder's name, a path to its folder or one of its files, or its
// id, and finding one by name or path reads no release at all (here: with every release file unreadable).
func TestReleasesFind(t *testing.T) {
	ws, dir := releasesWorkspace(t)
	l, err := ws.ListReleases()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		wd, arg string
		want    int
	}{
		{dir, "2021-01-02-b", 1},
		{dir, "releases/2021-01-02-b", 1},
		{filepath.Join(dir, "releases"), "2021-01-02-b/km.md", 1},
		{dir, filepath.Join(dir, "releases", "2021-01-01-a", "en.md"), 0},
		{dir, "statement-b", 1},
		{dir, "2021-01-01-a", 0},
	}
	for _, tt := range tests {
		if i, ok := l.Find(tt.wd, tt.arg); !ok || i != tt.want {
			t.Errorf("Find(%q) = %d, %v; want %d", tt.arg, i, ok, tt.want)
		}
	}
	if _, ok := l.Find(dir, "broken"); ok {
		t.Error("Find found the release whose front matter does not parse by the id in it")
	}
	if _, ok := l.Find(dir, "nothing-like-it"); ok {
		t.Error("Find found a release that does not exist")
	}
	if os.Getuid() == 0 {
		return // root reads unreadable files
	}
	for _, f := range []string{"2021-01-01-a/en.md", "2021-01-01-a/km.md", "2021-01-02-b/km.md", "2021-01-03-broken/en.md"} {
		if err := os.Chmod(filepath.Join(dir, "releases", f), 0); err != nil {
			t.Fatal(err)
		}
	}
	if i, ok := l.Find(dir, "releases/2021-01-02-b"); !ok || i != 1 {
		t.Errorf("Find by path with unreadable files = %d, %v", i, ok)
	}
}

func TestReleasesSelect(t *testing.T) {
	ws, dir := releasesWorkspace(t)
	l, err := ws.ListReleases()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path  string
		isDir bool
		want  []int
	}{
		{filepath.Join(dir, "releases", "2021-01-02-b"), true, []int{1}},
		{filepath.Join(dir, "releases", "2021-01-02-b", "km.md"), false, []int{1}},
		{filepath.Join(dir, "releases"), true, []int{0, 1, 2}},
		{dir, true, []int{0, 1, 2}},
		{filepath.Join(dir, "releases", "2021-01-04-empty"), true, nil},
	}
	for _, tt := range tests {
		got, ok := l.Select(tt.path, tt.isDir)
		if !slices.Equal(got, tt.want) || ok != (len(tt.want) > 0) {
			t.Errorf("Select(%s) = %v, %v; want %v", tt.path, got, ok, tt.want)
		}
	}
}
