package workspace

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/language"
)

func TestParse(t *testing.T) {
	cfg, err := Parse("relloc.toml", []byte("source = \"en\"\ntargets = [\"km\", \"ja\"]\n[check.severity]\nwidth = \"off\"\n[check.allow.km]\nmarkup = [\"sup\"]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Source != language.English || len(cfg.Targets) != 2 || cfg.Targets[0] != language.Khmer || cfg.Targets[1] != language.Japanese {
		t.Errorf("languages: got %v %v", cfg.Source, cfg.Targets)
	}
	if cfg.Glossary != "glossary" || cfg.Locale != "locale" || cfg.Releases != "releases" {
		t.Errorf("default folders: got %q %q %q", cfg.Glossary, cfg.Locale, cfg.Releases)
	}
	if cfg.Check.Severity["width"] != "off" || cfg.Check.Allow["km"]["markup"][0] != "sup" || cfg.Check.UntranslatedRatio != 0.5 {
		t.Errorf("check config: got %+v", cfg.Check)
	}
}

func TestParseReviewEditor(t *testing.T) {
	tests := []struct{ src, want string }{
		{"targets = [\"km\"]\n", DefaultEditor},
		{"targets = [\"km\"]\n[review]\neditor = \"\"\n", ""},
		{"targets = [\"km\"]\n[review]\neditor = \"idea://open?file={path}&line={line}\"\n", "idea://open?file={path}&line={line}"},
	}
	for _, tt := range tests {
		cfg, err := Parse("relloc.toml", []byte(tt.src))
		if err != nil {
			t.Fatalf("Parse(%q): %v", tt.src, err)
		}
		if cfg.Review.Editor != tt.want {
			t.Errorf("Parse(%q).Review.Editor: got %q, want %q", tt.src, cfg.Review.Editor, tt.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"targets = [\"km\"\n", "relloc.toml:1:"},
		{"source = \"en\"\n", "relloc.toml: targets: at least one target language is required"},
		{"targets = [\"km\"]\nsource = \"!!\"\n", `relloc.toml:2:1: source: "!!" is not a BCP 47 language tag`},
		{"targets = [\"km\", \"km\"]\n", `relloc.toml:1:1: targets: "km" is listed twice`},
		{"targets = [\"km\"]\nsauce = 1\n", "relloc.toml:2:1: unknown key sauce"},
		{"targets = [\"km\"]\n[check.severity]\nwidth = \"loud\"\n", `relloc.toml:3:1: check.severity.width: "loud" is not one of`},
		{"targets = [\"km\"]\n[check]\nuntranslated_ratio = 2.0\n", "relloc.toml:3:1: check.untranslated_ratio must be between 0 and 1"},
		{"targets = [\"km\"]\n[review]\neditor = \"javascript:alert(1)//{path}\"\n", "relloc.toml:3:1: review.editor: \"javascript:alert(1)//{path}\": the javascript: scheme is not allowed"},
		{"targets = [\"km\"]\n[review]\neditor = \"{path}:{line}\"\n", "relloc.toml:3:1: review.editor: \"{path}:{line}\" has no scheme"},
	}
	for _, tt := range tests {
		_, err := Parse("relloc.toml", []byte(tt.src))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Parse(%q): got %v, want %q", tt.src, err, tt.want)
		}
	}
}

func TestFind(t *testing.T) {
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, FileName), []byte("targets = [\"km\"]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	deep := filepath.Join(root, "releases", "2021-11-18-x")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	ws, err := Find(deep)
	if err != nil {
		t.Fatal(err)
	}
	if ws.Root != root {
		t.Errorf("root: got %s, want %s", ws.Root, root)
	}
	if got := ws.Rel(filepath.Join(deep, "km.md")); got != "releases/2021-11-18-x/km.md" {
		t.Errorf("Rel: got %q", got)
	}
	if _, err := Find(t.TempDir()); !errors.Is(err, ErrNotFound) {
		t.Errorf("outside a workspace: got %v, want ErrNotFound", err)
	}
}

func TestLock(t *testing.T) {
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, FileName), []byte("targets = [\"km\"]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ws, err := Open(root)
	if err != nil {
		t.Fatal(err)
	}
	unlock, err := ws.Lock(time.Second)
	if err != nil {
		t.Fatal(err)
	}
	// A second holder (flock locks are per open file, so this stands for another process) times out.
	if _, err := ws.Lock(50 * time.Millisecond); !errors.Is(err, ErrLocked) {
		t.Errorf("second lock: got %v, want ErrLocked", err)
	}
	unlock()
	unlock2, err := ws.Lock(time.Second)
	if err != nil {
		t.Fatalf("lock after unlock: %v", err)
	}
	unlock2()
}
