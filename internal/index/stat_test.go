package index

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// TestStatAllAsStat compares what statAll gives of each file, on goroutines of their own, with stat of each one
// after the other: folders split unevenly between three goroutines, files that are there and not, a folder
// that is not there.
func TestStatAllAsStat(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(3))
	root := t.TempDir()
	var dirs []string
	for i := range 7 {
		d := fmt.Sprintf("f%d", i)
		dirs = append(dirs, d)
		if err := os.Mkdir(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{"en.md", "km.md"}[:1+i%2] {
			if err := os.WriteFile(filepath.Join(root, d, name), make([]byte, i*10+len(name)), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	dirs = append(dirs, "gone")
	names := []string{"en.md", "km.md", "ja.md"}
	s, err := openFolderStat(root)
	if err != nil {
		t.Fatal(err)
	}
	defer s.close()
	got := s.statAll(dirs, names, make([]fileStat, 2))
	if len(got) != len(dirs)*len(names) {
		t.Fatalf("statAll gave %d results, want %d", len(got), len(dirs)*len(names))
	}
	for i, d := range dirs {
		for j, name := range names {
			var want fileStat
			want.size, want.mtime, want.dangling, want.err = s.stat(d, name)
			g := got[i*len(names)+j]
			if g.size != want.size || g.mtime != want.mtime || g.dangling != want.dangling || fmt.Sprint(g.err) != fmt.Sprint(want.err) {
				t.Errorf("%s/%s: statAll %+v, stat %+v", d, name, g, want)
			}
		}
	}
}

// TestScanBatches scans more folders than statAll looks at together: every folder is given to each once, in the
// order of their names.
func TestScanBatches(t *testing.T) {
	f := newFixture(t, 1)
	c := f.config()
	for i := range statBatch + 5 {
		d := filepath.Join(c.Releases, fmt.Sprintf("x%05d", i))
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(d, "en.md"), make([]byte, i), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var last string
	n := 0
	err := c.scan(func(d folder) error {
		if d.dir <= last {
			t.Errorf("folder %s after %s", d.dir, last)
		}
		last = d.dir
		if filepath.Base(d.dir)[0] == 'x' {
			var i int
			fmt.Sscanf(filepath.Base(d.dir), "x%05d", &i)
			if len(d.files) != 1 || d.files[0].size != int64(i) {
				t.Errorf("folder %s: files %+v, want en.md of %d bytes", d.dir, d.files, i)
			}
			n++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n != statBatch+5 {
		t.Errorf("scan gave %d of the %d folders", n, statBatch+5)
	}
}
