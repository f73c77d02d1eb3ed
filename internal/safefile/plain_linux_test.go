package safefile

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadPlainAsReadFile checks that ReadPlain reads a regular file as ReadFile does, and reads nothing of
// whatever ReadFile would have to tell about (a link, a folder, a device, a missing or too large file).
func TestReadPlainAsReadFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) string {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	en := write("en.md", "Phnom Penh, 5 March 2024\n")
	empty := write("empty.md", "")
	long := write("long.md", strings.Repeat("សេចក្តីប្រកាសព័ត៌មាន\n", 3000))
	link := filepath.Join(dir, "km.md")
	dangling := filepath.Join(dir, "ja.md")
	if err := os.Symlink("en.md", link); err != nil {
		t.Skipf("symlinks: %v", err)
	}
	if err := os.Symlink("gone.md", dangling); err != nil {
		t.Fatal(err)
	}
	const max = 1 << 20
	tests := []struct {
		path   string
		max    int64
		wantOK bool
	}{
		{en, max, true},
		{empty, max, true},
		{long, max, true},
		{long, int64(len(strings.Repeat("សេចក្តីប្រកាសព័ត៌មាន\n", 3000))), true}, // exactly the limit
		{en, 10, false},
		{link, max, false},
		{dangling, max, false},
		{dir, max, false},
		{filepath.Join(dir, "missing.md"), max, false},
		{filepath.Join(dir, "en.md", "x"), max, false},
		{"/dev/null", max, false},
	}
	for _, tt := range tests {
		data, ok, err := ReadPlain(tt.path, "shown.md", tt.max)
		if ok != tt.wantOK || err != nil {
			t.Errorf("ReadPlain(%s, max %d) = ok %v, %v; want ok %v and no error", tt.path, tt.max, ok, err, tt.wantOK)
			continue
		}
		if !ok {
			if data != nil {
				t.Errorf("ReadPlain(%s) read %d bytes and said it read nothing", tt.path, len(data))
			}
			continue
		}
		want, err := ReadFile("", tt.path, "shown.md", tt.max)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(data, want) {
			t.Errorf("ReadPlain(%s) = %d bytes, ReadFile %d", tt.path, len(data), len(want))
		}
	}
}
