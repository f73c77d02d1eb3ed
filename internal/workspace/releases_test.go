package workspace

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/relloc/relloc/internal/inputerr"
	"github.com/relloc/relloc/internal/release"
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

// TestFindReleaseAsFind: FindRelease finds what Find finds in the list of every release, whatever arg is and
// wherever it is run from, and finds a release named by folder or path without listing the releases folder.
func TestFindReleaseAsFind(t *testing.T) {
	ws, dir := releasesWorkspace(t)
	outside := t.TempDir()
	if err := os.MkdirAll(filepath.Join(outside, "r"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(outside, "r", "en.md"), []byte("# Press Release\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	rels := filepath.Join(dir, "releases")
	for _, l := range []struct{ name, to string }{
		{"2021-01-05-link", filepath.Join(rels, "2021-01-01-a")}, // a link to a release inside the workspace
		{"2021-01-06-out", filepath.Join(outside, "r")},          // a link leaving it: listed, and an error to load
		{"2021-01-07-dangling", filepath.Join(rels, "nothing")},
	} {
		if err := os.Symlink(l.to, filepath.Join(rels, l.name)); err != nil {
			t.Fatal(err)
		}
	}
	all, err := ws.ListReleases()
	if err != nil {
		t.Fatal(err)
	}
	wds := []string{dir, rels, filepath.Join(rels, "2021-01-02-b"), filepath.Join(dir, "elsewhere"), outside}
	args := []string{"", ".", "..", "releases", "README.md", "2021-01-01-a", "2021-01-02-b", "2021-01-03-broken",
		"2021-01-04-empty", "2021-01-05-link", "2021-01-06-out", "2021-01-07-dangling", "statement-b", "broken",
		"nothing-like-it", "km.md", "en.md", "releases/2021-01-02-b", "releases/2021-01-02-b/", "releases/2021-01-02-b/km.md",
		"releases/2021-01-02-b/other.txt", "2021-01-02-b/km.md", "../2021-01-01-a", "../2021-01-01-a/en.md",
		"releases/2021-01-06-out/en.md", filepath.Join(rels, "2021-01-01-a"), filepath.Join(rels, "2021-01-01-a", "en.md"),
		filepath.Join(outside, "r"), filepath.Join(outside, "r", "en.md"), "a/b/c"}
	for _, wd := range wds {
		for _, arg := range args {
			wantI, wantOK := all.Find(wd, arg)
			l, i, ok, err := ws.FindRelease(wd, arg)
			if err != nil {
				t.Fatalf("FindRelease(%s, %q): %v", wd, arg, err)
			}
			if ok != wantOK || ok && l.Dir(i) != all.Dir(wantI) {
				got, want := "nothing", "nothing"
				if ok {
					got = l.Dir(i)
				}
				if wantOK {
					want = all.Dir(wantI)
				}
				t.Errorf("FindRelease(%s, %q) found %s, Find %s", wd, arg, got, want)
			}
			if ok {
				_, gotErr := l.Load(i)
				_, wantErr := all.Load(wantI)
				if (gotErr == nil) != (wantErr == nil) || gotErr != nil && gotErr.Error() != wantErr.Error() {
					t.Errorf("FindRelease(%s, %q): Load = %v, want %v", wd, arg, gotErr, wantErr)
				}
			}
		}
	}
	readDir = func(name string) ([]os.DirEntry, error) {
		t.Errorf("FindRelease listed %s", name)
		return os.ReadDir(name)
	}
	defer func() { readDir = os.ReadDir }()
	for _, arg := range []string{"2021-01-02-b", "releases/2021-01-02-b/km.md", "2021-01-06-out"} {
		if _, _, ok, err := ws.FindRelease(dir, arg); !ok || err != nil {
			t.Errorf("FindRelease(%q) = %v, %v", arg, ok, err)
		}
	}
}

// TestListNamed: the folders of the names given, as ListReleases lists them, in its order, and nothing else.
func TestListNamed(t *testing.T) {
	ws, _ := releasesWorkspace(t)
	l, err := ws.ListNamed("2021-01-03-broken", "2021-01-04-empty", "README.md", "2021-01-01-a", "nothing", "..", "",
		"2021-01-01-a", "releases/2021-01-02-b")
	if err != nil {
		t.Fatal(err)
	}
	var dirs []string
	for i := range l.Len() {
		dirs = append(dirs, l.Dir(i))
	}
	if want := []string{"releases/2021-01-01-a", "releases/2021-01-03-broken"}; !slices.Equal(dirs, want) {
		t.Errorf("ListNamed gives %v, want %v", dirs, want)
	}
	for rel, want := range map[string]string{"releases/2021-01-02-b": "2021-01-02-b", "releases/x": "x",
		"releases": "", "releases/2021-01-02-b/km.md": "", "2021-01-02-b": "", ".": "", "releases/..": ""} {
		if got, ok := ws.FolderName(rel); got != want || ok != (want != "") {
			t.Errorf("FolderName(%q) = %q, %v; want %q", rel, got, ok, want)
		}
	}
}

// TestLoadAsReleaseLoad: a release folder listed as a folder is read without resolving it again
// (release.ReadDirInside), one listed as a link as before, and each loads as release.Load, which resolves every
// folder, loads it: the same release or the same error.
func TestLoadAsReleaseLoad(t *testing.T) {
	ws, dir := releasesWorkspace(t)
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "en.md"), []byte("# Press Release\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	rels := filepath.Join(dir, "releases")
	for _, l := range []struct{ name, to string }{
		{"2021-01-05-link", filepath.Join(rels, "2021-01-01-a")},
		{"2021-01-06-out", outside},
	} {
		if err := os.Symlink(l.to, filepath.Join(rels, l.name)); err != nil {
			t.Skipf("symbolic links: %v", err)
		}
	}
	if err := os.Symlink(filepath.Join(outside, "en.md"), filepath.Join(rels, "2021-01-02-b", "ja.md")); err != nil {
		t.Fatal(err)
	}
	l, err := ws.ListReleases()
	if err != nil {
		t.Fatal(err)
	}
	plain := map[string]bool{}
	for i := range l.Len() {
		plain[l.Dir(i)] = l.plain[i]
		got, gotErr := l.Load(i)
		want, wantErr := release.Load(ws.Root, l.dirs[i], ws.Config.Source, ws.Config.Languages(), ws.Rel)
		if l.errs[i] != nil {
			want, wantErr = nil, l.errs[i]
		}
		if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) || (got == nil) != (want == nil) ||
			got != nil && (got.ID != want.ID || got.Dir != want.Dir || len(got.Docs) != len(want.Docs)) {
			t.Errorf("Load(%s) = %v, %v; release.Load %v, %v", l.Dir(i), got, gotErr, want, wantErr)
		}
	}
	if want := map[string]bool{"releases/2021-01-01-a": true, "releases/2021-01-02-b": true, "releases/2021-01-03-broken": true,
		"releases/2021-01-05-link": false, "releases/2021-01-06-out": false}; !maps.Equal(plain, want) {
		t.Errorf("folders read as plain: %v, want %v", plain, want)
	}
}
