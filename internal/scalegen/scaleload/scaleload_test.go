package scaleload

import (
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/scalegen"
)

// TestLoad: every generated release is parsed with its three languages, the glossary has the entries asked
// for, and size counts the bytes of the release files and nothing else.
func TestLoad(t *testing.T) {
	cfg := scalegen.Config{Releases: 5, Entries: 50, Seed: 2}
	g, rels, size, err := Load(cfg, []language.Tag{language.Khmer, language.Japanese})
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Entries) != 50 || len(rels) != 5 {
		t.Fatalf("%d entries, %d releases; want 50 and 5", len(g.Entries), len(rels))
	}
	var want int64
	if _, err := scalegen.Generate(cfg, func(p string, data []byte) error {
		if strings.HasPrefix(p, "releases/") {
			want += int64(len(data))
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if size != want {
		t.Errorf("size %d, want %d", size, want)
	}
	for _, r := range rels {
		for _, l := range []language.Tag{language.English, language.Khmer, language.Japanese} {
			if d := r.Doc(l); d == nil || len(d.Blocks) == 0 {
				t.Errorf("release %s: no %v text", r.ID, l)
			}
		}
	}
}
