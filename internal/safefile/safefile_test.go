package safefile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/relloc/relloc/internal/inputerr"
)

func TestReadFile(t *testing.T) {
	root := t.TempDir()
	outside := t.TempDir()
	write := func(p, s string) string {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	en := write(filepath.Join(root, "releases", "a", "en.md"), "Phnom Penh, 5 March 2024\n")
	secret := write(filepath.Join(outside, "passwd"), "root:x:0:0:root:/root:/bin/bash\n")
	link := func(target, p string) string {
		t.Helper()
		if err := os.Symlink(target, p); err != nil {
			t.Skipf("symlinks: %v", err)
		}
		return p
	}
	out := link(secret, filepath.Join(root, "releases", "a", "km.md"))
	in := link(en, filepath.Join(root, "releases", "a", "ja.md"))
	rel := link("a/en.md", filepath.Join(root, "releases", "en-copy.md"))
	tests := []struct {
		root, path string
		max        int64
		want       string // error, or "" for the content of en
	}{
		{root, en, 1 << 20, ""},
		{root, in, 1 << 20, ""},
		{root, rel, 1 << 20, ""},
		{root, out, 1 << 20, "km.md: symbolic link leads outside the workspace"},
		{root, en, 10, "km.md: file is larger than 10 bytes, the limit"},
		{root, filepath.Join(root, "releases"), 1 << 20, "km.md: not a regular file (a folder)"},
		{"", "/dev/zero", 1 << 20, "km.md: not a regular file (a device)"},
	}
	for _, tt := range tests {
		data, err := ReadFile(tt.root, tt.path, "km.md", tt.max)
		got := ""
		if err != nil {
			got = err.Error()
			if !inputerr.Is(err) {
				t.Errorf("ReadFile(%s): %v is not an input error", tt.path, err)
			}
		}
		if tt.want == "" && (err != nil || string(data) != "Phnom Penh, 5 March 2024\n") || tt.want != "" && !strings.HasPrefix(got, tt.want) {
			t.Errorf("ReadFile(%s, %d): got %q, %q, want %q", tt.path, tt.max, data, got, tt.want)
		}
		if strings.Contains(got, "root:x") {
			t.Errorf("ReadFile(%s): the error shows the file's content: %s", tt.path, got)
		}
	}
	if err := Within(root, out, "km.md"); !errors.Is(err, ErrOutside) {
		t.Errorf("Within(link to outside): got %v, want ErrOutside", err)
	}
	if err := Within(root, filepath.Join(root, "releases", "b"), "b"); err != nil {
		t.Errorf("Within(missing path): got %v, want nil", err)
	}
}

func TestReader(t *testing.T) {
	tests := []struct {
		in            string
		size, line    int64
		want, wantErr string
	}{
		{"id,category,en\nmfaic,organisation,Ministry\n", 100, 40, "id,category,en\nmfaic,organisation,Ministry\n", ""},
		{"id,category,en\nx,y,\x00\x00\x00", 100, 40, "id,category,en\nx,y,", "terms.csv:2: NUL byte"},
		{"id,category,en\n" + strings.Repeat("a", 50) + "\n", 100, 40, "", "terms.csv:2: line is longer than 40 bytes"},
		{strings.Repeat("a,b,c\n", 30), 100, 40, "", "terms.csv: file is larger than 100 bytes"},
	}
	for _, tt := range tests {
		got, err := ReadAll(strings.NewReader(tt.in), "terms.csv", tt.size, tt.line)
		gotErr := ""
		if err != nil {
			gotErr = err.Error()
		}
		if tt.wantErr == "" && (err != nil || string(got) != tt.want) || tt.wantErr != "" && !strings.HasPrefix(gotErr, tt.wantErr) {
			t.Errorf("ReadAll(%q): got %q, %q, want %q, %q", tt.in, got, gotErr, tt.want, tt.wantErr)
		}
	}
	// /dev/zero is refused after its first bytes, not read into memory.
	f, err := os.Open("/dev/zero")
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	n, err := io.Copy(io.Discard, &Reader{R: f, Path: "zero.csv", MaxSize: 1 << 30, MaxLine: 1 << 20})
	if err == nil || n != 0 || !strings.HasPrefix(err.Error(), "zero.csv:1: NUL byte") {
		t.Errorf("Reader on /dev/zero: got %d bytes, %v", n, err)
	}
}

// TestReadSized reads a stream whose size is as Stat gave it, smaller or larger (a file that grew or shrank
// since), within the limit or past it, in reads of every size.
func TestReadSized(t *testing.T) {
	text := strings.Repeat("ក្រសួងការបរទេស ", 300)
	for _, tt := range []struct {
		size, max int64
		tooLarge  bool
	}{
		{int64(len(text)), 1 << 20, false},
		{0, 1 << 20, false},
		{10, 1 << 20, false},
		{int64(len(text)) * 3, 1 << 20, false},
		{int64(len(text)), int64(len(text)), false},
		{int64(len(text)), int64(len(text)) - 1, true},
		{10, 100, true},
		{0, 0, true},
	} {
		for _, chunk := range []int{1, 7, 512, 1 << 20} {
			data, err := readSized(&chunked{strings.NewReader(text), chunk}, tt.size, tt.max)
			if tt.tooLarge {
				if !errors.Is(err, errTooLarge) {
					t.Errorf("size %d, max %d, reads of %d: got %d bytes, %v, want errTooLarge", tt.size, tt.max, chunk, len(data), err)
				}
				continue
			}
			if err != nil || string(data) != text {
				t.Errorf("size %d, max %d, reads of %d: got %d bytes, %v, want the %d bytes of the text", tt.size, tt.max, chunk, len(data), err, len(text))
			}
		}
	}
	if _, err := readSized(iotest.ErrReader(io.ErrUnexpectedEOF), 10, 100); err != io.ErrUnexpectedEOF {
		t.Errorf("a failing read: got %v", err)
	}
}

// chunked reads at most n bytes at a time.
type chunked struct {
	r io.Reader
	n int
}

func (c *chunked) Read(p []byte) (int, error) { return c.r.Read(p[:min(len(p), c.n)]) }

// TestReadFileOneBuffer reads a file of 64 KiB into the one buffer that its size asks for, where io.ReadAll grew
// its buffer from 512 bytes, a dozen allocations more.
func TestReadFileOneBuffer(t *testing.T) {
	p := filepath.Join(t.TempDir(), "en.md")
	if err := os.WriteFile(p, []byte(strings.Repeat("Phnom Penh, 5 March 2024\n", 64<<10/25)), 0o644); err != nil {
		t.Fatal(err)
	}
	allocs := testing.AllocsPerRun(10, func() {
		if _, err := ReadFile("", p, "en.md", 1<<20); err != nil {
			t.Fatal(err)
		}
	})
	if allocs > 5 { // os.Open's three, the status, the buffer
		t.Errorf("ReadFile of 64 KiB: %v allocations, want 5 at most", allocs)
	}
}

// TestWithinPlainBelow: Within, which takes a path below the root by its name with no link on the way as inside
// without resolving either, says what resolving both says (withinReference), for folders, files, links leading
// inside and outside, missing paths, a path through a file, and a root reached through a link.
func TestWithinPlainBelow(t *testing.T) {
	top := t.TempDir()
	root := filepath.Join(top, "ws")
	outside := filepath.Join(top, "outside")
	for _, d := range []string{filepath.Join(root, "releases", "a"), outside} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{filepath.Join(root, "releases", "a", "en.md"), filepath.Join(root, "releases", "file.md"), filepath.Join(outside, "en.md")} {
		if err := os.WriteFile(f, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for link, target := range map[string]string{
		filepath.Join(root, "releases", "in"):   filepath.Join(root, "releases", "a"),
		filepath.Join(root, "releases", "out"):  outside,
		filepath.Join(root, "releases", "gone"): filepath.Join(top, "nowhere"),
		filepath.Join(top, "ws-link"):           root,
	} {
		if err := os.Symlink(target, link); err != nil {
			t.Skipf("symlinks: %v", err)
		}
	}
	for p, want := range map[string]bool{
		filepath.Join(root, "releases", "a", "en.md"):           true,
		filepath.Join(root, "releases", "a", "missing", "x"):    true,
		filepath.Join(root, "releases", "in", "en.md"):          false,
		filepath.Join(root, "releases", "file.md", "en.md"):     false,
		filepath.Join(root, "..", "outside", "en.md"):           false,
		filepath.Join(top, "ws-link", "releases", "a", "en.md"): true,
	} {
		r := root
		if strings.Contains(p, "ws-link") {
			r = filepath.Join(top, "ws-link")
		}
		if got := plainBelow(r, p); got != want {
			t.Errorf("plainBelow(%s, %s) = %v, want %v", r, p, got, want)
		}
	}
	for _, r := range []string{root, filepath.Join(top, "ws-link")} {
		for _, p := range []string{
			r,
			filepath.Join(r, "releases"),
			filepath.Join(r, "releases", "a"),
			filepath.Join(r, "releases", "a", "en.md"),
			filepath.Join(r, "releases", "a", "missing", "en.md"),
			filepath.Join(r, "releases", "in", "en.md"),
			filepath.Join(r, "releases", "out"),
			filepath.Join(r, "releases", "out", "en.md"),
			filepath.Join(r, "releases", "gone", "en.md"),
			filepath.Join(r, "releases", "file.md", "en.md"),
			filepath.Join(r, "..", "outside", "en.md"),
			outside,
		} {
			got, want := Within(r, p, "x"), withinReference(r, p, "x")
			if (got == nil) != (want == nil) || got != nil && got.Error() != want.Error() {
				t.Errorf("Within(%s, %s) = %v, want %v", r, p, got, want)
			}
		}
	}
}

// withinReference is Within as it was, resolving the path and the root every time.
func withinReference(root, path, shown string) error {
	real, err := filepath.EvalSymlinks(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("%s: %w", shown, err)
	}
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return fmt.Errorf("workspace %s: %w", root, err)
	}
	if inside(realRoot, real) {
		return nil
	}
	id := "SymlinkOutside"
	if fi, err := os.Lstat(path); err == nil && fi.Mode()&fs.ModeSymlink == 0 && !inside(realRoot, filepath.Dir(real)) {
		id = "PathOutside"
	}
	e := inputerr.Say(shown, 0, 0, id, nil)
	e.Err = ErrOutside
	return e
}
