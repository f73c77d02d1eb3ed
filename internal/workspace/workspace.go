package workspace

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	pathpkg "path"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/relloc/relloc/internal/inputerr"
	"github.com/relloc/relloc/internal/release"
	"github.com/relloc/relloc/internal/safefile"
	"github.com/relloc/relloc/internal/ui"

	"github.com/pelletier/go-toml/v2"
	"golang.org/x/text/language"
)

// FileName is the name of the file that marks a workspace root.
const FileName = "relloc.toml"

// ErrNotFound is returned by Find when no relloc.toml exists in the directory or any parent.
var ErrNotFound = errors.New("not inside a relloc workspace (no " + FileName + " here or in any parent folder)")

// Config is a parsed relloc.toml.
type Config struct {
	Source   language.Tag
	Targets  []language.Tag
	Glossary string // folder of glossary files, relative to Root
	Locale   string // folder of message catalogues, relative to Root
	Releases string // folder of releases, relative to Root
	Check    CheckConfig
	Review   ReviewConfig
}

// ReviewConfig configures `relloc review`.
type ReviewConfig struct {
	// Editor is the URL pattern of the review site's links to a file and line: {path} is the file's absolute path
	// with forward slashes, {rel} its path in the workspace, {line} and {column} the position. Empty: no links.
	Editor string
}

// DefaultEditor is the review site's editor link when relloc.toml does not set review.editor: Visual Studio Code.
const DefaultEditor = "vscode://file{path}:{line}:{column}"

// CheckConfig configures `relloc check`.
type CheckConfig struct {
	// Severity overrides a rule's default severity: "error", "warning", "info" or "off".
	Severity map[string]string
	// Ignore lists glob patterns (path.Match syntax, slash-separated, relative to the workspace root) of files not checked.
	Ignore []string
	// Allow lists per-language allowances, keyed by language then by allowance name (for example
	// allow.km.markup = ["sup"]: a superscript on the English side only is not a markup mismatch in Khmer).
	Allow map[string]map[string][]string
	// UntranslatedRatio is the share of Latin letters above which a Khmer or Japanese segment counts as untranslated.
	UntranslatedRatio float64
	// RequireStatus is the least front matter status every translation must have (require_status = "reviewed"),
	// in the order of release.Statuses; "" requires none.
	RequireStatus string
}

// Workspace is a workspace found on disk.
type Workspace struct {
	Root   string // absolute path of the folder holding relloc.toml
	Config Config
}

// Path joins elements onto the workspace root.
func (w *Workspace) Path(elem ...string) string {
	return filepath.Join(append([]string{w.Root}, elem...)...)
}

// Rel returns path relative to the workspace root with forward slashes, or path unchanged when it is outside.
func (w *Workspace) Rel(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.ToSlash(path)
	}
	r, err := filepath.Rel(w.Root, abs)
	if err != nil || r == ".." || len(r) > 2 && r[:3] == ".."+string(filepath.Separator) {
		return filepath.ToSlash(path)
	}
	return filepath.ToSlash(r)
}

// Languages returns the source language followed by the targets.
func (c *Config) Languages() []language.Tag {
	return append([]language.Tag{c.Source}, c.Targets...)
}

type rawConfig struct {
	Source   string   `toml:"source"`
	Targets  []string `toml:"targets"`
	Glossary string   `toml:"glossary"`
	Locale   string   `toml:"locale"`
	Releases string   `toml:"releases"`
	Check    struct {
		Severity          map[string]string              `toml:"severity"`
		Ignore            []string                       `toml:"ignore"`
		Allow             map[string]map[string][]string `toml:"allow"`
		UntranslatedRatio float64                        `toml:"untranslated_ratio"`
		RequireStatus     string                         `toml:"require_status"`
	} `toml:"check"`
	Review struct {
		Editor *string `toml:"editor"`
	} `toml:"review"`
}

// Parse reads the contents of a relloc.toml; path is used in error messages only.
func Parse(path string, data []byte) (Config, error) {
	var raw rawConfig
	dec := toml.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&raw); err != nil {
		return Config{}, inputerr.FromTOML(path, 0, err)
	}
	cfg := Config{Glossary: "glossary", Locale: "locale", Releases: "releases"}
	if raw.Glossary != "" {
		cfg.Glossary = raw.Glossary
	}
	if raw.Locale != "" {
		cfg.Locale = raw.Locale
	}
	if raw.Releases != "" {
		cfg.Releases = raw.Releases
	}
	src := raw.Source
	if src == "" {
		src = "en"
	}
	var err error
	if cfg.Source, err = parseTag(path, data, "source", src); err != nil {
		return Config{}, err
	}
	if len(raw.Targets) == 0 {
		return Config{}, inputerr.Say(path, keyLine(data, "targets"), 1, "ConfigNoTargets", nil)
	}
	seen := map[language.Tag]bool{cfg.Source: true}
	for _, t := range raw.Targets {
		tag, err := parseTag(path, data, "targets", t)
		if err != nil {
			return Config{}, err
		}
		if seen[tag] {
			return Config{}, inputerr.Say(path, keyLine(data, "targets"), 1, "ConfigTargetTwice", ui.Args{"Lang": strconv.Quote(t)})
		}
		seen[tag] = true
		cfg.Targets = append(cfg.Targets, tag)
	}
	cfg.Check.Severity = raw.Check.Severity
	for rule, sev := range raw.Check.Severity {
		switch sev {
		case "error", "warning", "info", "off":
		default:
			return Config{}, inputerr.Say(path, keyLine(data, rule), 1, "ConfigSeverity", ui.Args{"Rule": rule, "Severity": strconv.Quote(sev)})
		}
	}
	cfg.Check.Ignore = raw.Check.Ignore
	for _, g := range raw.Check.Ignore {
		if _, err := pathpkg.Match(g, ""); err != nil {
			return Config{}, inputerr.Say(path, keyLine(data, "ignore"), 1, "ConfigIgnorePattern", ui.Args{"Pattern": strconv.Quote(g), "Cause": err.Error()})
		}
	}
	cfg.Check.Allow = raw.Check.Allow
	cfg.Check.UntranslatedRatio = raw.Check.UntranslatedRatio
	if cfg.Check.UntranslatedRatio == 0 {
		cfg.Check.UntranslatedRatio = 0.5
	}
	if cfg.Check.UntranslatedRatio < 0 || cfg.Check.UntranslatedRatio > 1 {
		return Config{}, inputerr.Say(path, keyLine(data, "untranslated_ratio"), 1, "ConfigRatio", nil)
	}
	cfg.Check.RequireStatus = raw.Check.RequireStatus
	if s := cfg.Check.RequireStatus; s != "" && release.StatusRank(s) < 0 {
		return Config{}, inputerr.Say(path, keyLine(data, "require_status"), 1, "ConfigRequireStatus", ui.Args{"Status": strconv.Quote(s), "Statuses": strings.Join(release.Statuses, ", ")})
	}
	cfg.Review.Editor = DefaultEditor
	if raw.Review.Editor != nil {
		cfg.Review.Editor = *raw.Review.Editor
		if err := checkEditor(cfg.Review.Editor); err != nil {
			return Config{}, inputerr.Say(path, keyLine(data, "editor"), 1, "ConfigEditor", ui.Args{"Cause": err.Error()})
		}
	}
	return cfg, nil
}

// checkEditor accepts an empty pattern or an absolute URL whose scheme cannot run script in a browser.
// sampleEditor fills an editor pattern's placeholders with sample values, to check the URL they make.
var sampleEditor = strings.NewReplacer("{path}", "/a/b.md", "{rel}", "a/b.md", "{line}", "1", "{column}", "1")

func checkEditor(pattern string) error {
	if pattern == "" {
		return nil
	}
	u, err := url.Parse(sampleEditor.Replace(pattern))
	if err != nil {
		return fmt.Errorf("%q is not a URL: %w", pattern, err)
	}
	switch strings.ToLower(u.Scheme) {
	case "":
		return fmt.Errorf("%q has no scheme (for example %s)", pattern, DefaultEditor)
	case "javascript", "data", "vbscript", "blob":
		return fmt.Errorf("%q: the %s: scheme is not allowed", pattern, u.Scheme)
	}
	return nil
}

func parseTag(path string, data []byte, key, s string) (language.Tag, error) {
	tag, err := language.Parse(s)
	if err != nil {
		return language.Und, inputerr.Say(path, keyLine(data, key), 1, "ConfigLanguageTag", ui.Args{"Key": key, "Value": strconv.Quote(s)})
	}
	return tag, nil
}

// keyLine returns the 1-based line of the first line that starts with key (after white space), or 0.
func keyLine(data []byte, key string) int {
	for i, line := range strings.Split(string(data), "\n") {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, key) && strings.HasPrefix(strings.TrimSpace(t[len(key):]), "=") {
			return i + 1
		}
	}
	return 0
}

// Find looks for relloc.toml in dir and its parents and loads the first one found.
func Find(dir string) (*Workspace, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	for d := abs; ; {
		if _, err := os.Stat(filepath.Join(d, FileName)); err == nil {
			return Open(d)
		}
		parent := filepath.Dir(d)
		if parent == d {
			return nil, ErrNotFound
		}
		d = parent
	}
}

// maxConfigSize is the largest relloc.toml Open reads.
const maxConfigSize = 1 << 20

// Open loads the workspace whose root is dir; dir must hold relloc.toml, a regular file of at most 1 MiB.
func Open(dir string) (*Workspace, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	p := filepath.Join(abs, FileName)
	data, err := safefile.ReadFile("", p, FileName, maxConfigSize)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s: %w", dir, ErrNotFound)
	}
	var ie *inputerr.Error
	if errors.As(err, &ie) {
		return nil, err // not a regular file, or too large
	}
	if err != nil {
		return nil, fmt.Errorf("read workspace config: %w", err)
	}
	cfg, err := Parse(FileName, data)
	if err != nil {
		return nil, err
	}
	return &Workspace{Root: abs, Config: cfg}, nil
}
