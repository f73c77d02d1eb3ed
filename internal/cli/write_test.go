package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/release"
	"github.com/relloc/relloc/internal/workspace"
)

// TestTranslationTarget: relloc writes a translation only as the release's own LANG.md (or a file beside it),
// never the English, another language's file, a file outside the release folder, or through a link leading out
// of the workspace or onto the English.
func TestTranslationTarget(t *testing.T) {
	top := t.TempDir()
	root := filepath.Join(top, "ws")
	dir := filepath.Join(root, "releases", "2024-03-01-grant")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, body := range map[string]string{"en.md": "# Press Release\n", "ja.md": "# 報道発表\n"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	outside := filepath.Join(top, "outside.md")
	if err := os.WriteFile(outside, []byte("x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := func(name, target string) string {
		p := filepath.Join(dir, name)
		if err := os.Symlink(target, p); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
		return p
	}
	toOutside := link("km.out.md", outside)
	toEnglish := link("km.en.md", "en.md")
	ws := &workspace.Workspace{Root: root, Config: workspace.Config{Source: language.English,
		Targets: []language.Tag{language.Khmer, language.Japanese}, Releases: "releases"}}
	r := &release.Release{ID: "2024-03-01-grant", Dir: "releases/2024-03-01-grant"}
	tests := []struct {
		path, wantErr string
	}{
		{filepath.Join(dir, "km.md"), ""},
		{filepath.Join(dir, "km.draft.md"), ""},
		{filepath.Join(dir, "en.md"), "is the en source of the release"},
		{filepath.Join(dir, "ja.md"), "is the ja translation, not the km one"},
		{filepath.Join(root, "km.md"), "is outside the release folder"},
		{filepath.Join(dir, "..", "..", "..", "km.md"), "is outside the release folder"},
		{toOutside, "outside the workspace (a symbolic link)"},
		{toEnglish, "leads to the en source of the release"},
	}
	for _, tt := range tests {
		_, err := translationTarget(ws, r, language.Khmer, tt.path)
		switch {
		case tt.wantErr == "" && err != nil:
			t.Errorf("%s: got error %v, want none", tt.path, err)
		case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
			t.Errorf("%s: got error %v, want one containing %q", tt.path, err, tt.wantErr)
		}
	}
}
