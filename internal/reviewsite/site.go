package reviewsite

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"net/url"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/bitext"
	"github.com/relloc/relloc/internal/coverage"
	"github.com/relloc/relloc/internal/finding"
	"github.com/relloc/relloc/internal/glossary"
	"github.com/relloc/relloc/internal/release"
	"github.com/relloc/relloc/internal/ui"
)

//go:embed assets templates
var files embed.FS

// pages are the page templates; t, n and uilang stand in for the functions of a printer (pagesIn).
var pages = template.Must(template.New("").Funcs(template.FuncMap{
	"pct":    func(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) + "%" },
	"t":      func(id string) string { return id },
	"n":      func(id string, n int) string { return id },
	"uilang": func() string { return "en" },
}).ParseFS(files, "templates/*.html"))

// pagesIn returns the page templates with their labels in p's language: t renders a message, n a plural one,
// and uilang gives the language for the lang attribute of the page and of the labels and findings.
func pagesIn(p *ui.Printer) *template.Template {
	t := template.Must(pages.Clone())
	return t.Funcs(template.FuncMap{
		"t":      func(id string) string { return p.T(id, nil) },
		"n":      p.N,
		"uilang": func() string { return p.Lang.String() },
	})
}

// Input is what the site is built from, already parsed, aligned and checked.
type Input struct {
	Source   language.Tag
	Targets  []language.Tag
	Glossary *glossary.Glossary
	// Anchors are the glossary's term matchers; Bitexts were aligned with them.
	Anchors *bitext.Anchors
	// Bitexts are the releases to show, aligned with every target language, in the order of the index.
	Bitexts []*bitext.Bitext
	// Findings are check's findings on those releases; a finding is placed on the row of its segment.
	Findings []finding.Finding
	// Editor is the URL pattern of a cell's link to its file and line: {path} is the file's absolute path with
	// forward slashes, {rel} its path in the workspace, {line} and {column} the position. Empty: no links.
	Editor string
	// Root is the workspace's absolute path, for {path}.
	Root string
	// Live marks pages served by Handler: they ask the server whether their release changed and reload.
	Live bool
	// Version is the state of the workspace the pages show, for Live pages.
	Version string
	// UI is the language of the pages' labels and finding messages; nil means English.
	UI *ui.Printer
}

// Site is a built site: file contents by slash-separated path ("index.html", "releases/ID.html",
// "assets/review.css").
type Site map[string][]byte

// Paths returns the site's paths, sorted.
func (s Site) Paths() []string {
	out := make([]string, 0, len(s))
	for p := range s {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// ReleasePath returns the site path of the page of the release with the given id.
func ReleasePath(id string) string { return "releases/" + fileName(id) + ".html" }

var plainName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,150}$`)

// fileName is id when it is safe as a file name on every system, else a digest of it.
func fileName(id string) string {
	if plainName.MatchString(id) {
		return id
	}
	sum := sha256.Sum256([]byte(id))
	return "r-" + hex.EncodeToString(sum[:8])
}

// Build renders every page of the site and its assets.
func Build(in Input) (Site, error) {
	s := Site{}
	if err := addAssets(s, in); err != nil {
		return nil, err
	}
	m := newModel(in)
	// Releases are independent: render their pages and measure them on every core, then the index and the
	// glossary page from the measures.
	type out struct {
		page []byte
		cov  map[string]coverage.Release
		uses map[string]int
		err  error
	}
	outs := make([]out, len(in.Bitexts))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(in.Bitexts)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				bt := in.Bitexts[i]
				o := &outs[i]
				o.page, o.err = m.releasePage(bt)
				o.cov, o.uses = m.coverageOf(bt), m.usesOf(bt)
			}
		}()
	}
	for i := range in.Bitexts {
		next <- i
	}
	close(next)
	wg.Wait()
	m.cov, m.uses = map[string]map[string]coverage.Release{}, map[string]map[string]int{}
	for i, bt := range in.Bitexts {
		if outs[i].err != nil {
			return nil, outs[i].err
		}
		s[ReleasePath(bt.Release.ID)] = outs[i].page
		m.cov[bt.Release.ID], m.uses[bt.Release.ID] = outs[i].cov, outs[i].uses
	}
	var err error
	if s["index.html"], err = m.indexPage(); err != nil {
		return nil, err
	}
	if s["glossary.html"], err = m.glossaryPage(); err != nil {
		return nil, err
	}
	return s, nil
}

// Page renders one page of the site ("index.html", "glossary.html", a ReleasePath or an asset path); ok is false
// when the site has no such page.
func Page(in Input, path string) (b []byte, ok bool, err error) {
	if strings.HasPrefix(path, "assets/") {
		s := Site{}
		if err := addAssets(s, in); err != nil {
			return nil, false, err
		}
		b, ok = s[path]
		return b, ok, nil
	}
	m := newModel(in)
	switch path {
	case "index.html":
		b, err = m.indexPage()
		return b, true, err
	case "glossary.html":
		b, err = m.glossaryPage()
		return b, true, err
	}
	for _, bt := range in.Bitexts {
		if ReleasePath(bt.Release.ID) == path {
			b, err = m.releasePage(bt)
			return b, true, err
		}
	}
	return nil, false, nil
}

// addAssets copies the embedded CSS and JavaScript and writes terms.css, one colour per glossary entry.
func addAssets(s Site, in Input) error {
	err := fs.WalkDir(files, "assets", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := files.ReadFile(p)
		s[p] = b
		return err
	})
	if err != nil {
		return err
	}
	var b bytes.Buffer
	b.WriteString("/* Generated by relloc review: one colour per glossary entry. */\n")
	if in.Glossary != nil {
		for i := range in.Glossary.Entries {
			// The golden angle spreads neighbouring entries far apart on the colour wheel.
			hue := float64(i) * 137.508
			hue -= float64(int(hue/360)) * 360
			fmt.Fprintf(&b, ".g%d{--term:hsl(%.0f 85%% 80%%);--term-edge:hsl(%.0f 60%% 35%%)}\n", i, hue, hue)
		}
	}
	s["assets/terms.css"] = b.Bytes()
	return nil
}

// model holds what every page shares: the findings by release, the glossary's entry colours.
type model struct {
	in       Input
	langs    []language.Tag
	colour   map[string]int // entry id → index in the glossary
	findings map[string][]finding.Finding
	ui       *ui.Printer
	pages    *template.Template // pagesIn(ui)
	editor   *url.URL           // nil: no editor links
	// cov and uses memoize coverageOf and usesOf by release id, when Build measured every release beforehand.
	cov  map[string]map[string]coverage.Release
	uses map[string]map[string]int
	// cards holds each glossary entry's rendered card (template.HTML) by id: every page showing it shares it.
	cards sync.Map
}

func newModel(in Input) *model {
	m := &model{in: in, langs: append([]language.Tag{in.Source}, in.Targets...), colour: map[string]int{},
		findings: map[string][]finding.Finding{}, ui: in.UI}
	if m.ui == nil {
		m.ui = ui.English
	}
	m.pages = pagesIn(m.ui)
	if in.Glossary != nil {
		for i, e := range in.Glossary.Entries {
			m.colour[e.ID] = i
		}
	}
	if in.Editor != "" && ValidEditor(in.Editor) == nil {
		m.editor, _ = url.Parse(sampleEditor.Replace(in.Editor))
	}
	dirs := map[string]string{}
	for _, bt := range in.Bitexts {
		dirs[bt.Release.Dir] = bt.Release.ID
	}
	for _, f := range in.Findings {
		id := f.Release
		if id == "" {
			id = dirs[pathDir(f.Path)]
		}
		m.findings[id] = append(m.findings[id], f)
	}
	return m
}

func pathDir(p string) string {
	if i := strings.LastIndex(p, "/"); i >= 0 {
		return p[:i]
	}
	return ""
}

// sampleEditor fills an editor pattern's placeholders with sample values, to check the URL they make.
var sampleEditor = strings.NewReplacer("{path}", "/a/b.md", "{rel}", "a/b.md", "{line}", "1", "{column}", "1")

// ValidEditor checks an editor URL pattern: it must be an absolute URL whose scheme cannot run script.
func ValidEditor(pattern string) error {
	u, err := url.Parse(sampleEditor.Replace(pattern))
	if err != nil {
		return fmt.Errorf("editor URL %q: %w", pattern, err)
	}
	switch strings.ToLower(u.Scheme) {
	case "":
		return fmt.Errorf("editor URL %q has no scheme (for example vscode://file{path}:{line}:{column})", pattern)
	case "javascript", "data", "vbscript", "blob":
		return fmt.Errorf("editor URL %q: the %s: scheme is not allowed", pattern, u.Scheme)
	}
	return nil
}

// link returns the editor URL of a position of a file, or "" when there is no editor pattern.
func (m *model) link(rel string, line, col int) template.URL {
	if m.editor == nil || rel == "" {
		return ""
	}
	abs := rel
	if m.in.Root != "" && !strings.HasPrefix(rel, "/") {
		abs = strings.TrimSuffix(filepathToSlash(m.in.Root), "/") + "/" + rel
	}
	if !strings.HasPrefix(abs, "/") { // a Windows path, C:/press/...: editor URLs want /C:/press/...
		abs = "/" + abs
	}
	line, col = max(line, 1), max(col, 1)
	r := strings.NewReplacer("{path}", escapePath(abs), "{rel}", escapePath(rel),
		"{line}", strconv.Itoa(line), "{column}", strconv.Itoa(col))
	// The pattern's scheme was checked by ValidEditor and the substituted values are escaped: the URL is safe.
	return template.URL(r.Replace(m.in.Editor))
}

func filepathToSlash(p string) string { return strings.ReplaceAll(p, `\`, "/") }

// escapePath escapes each segment of a slash-separated path for a URL.
func escapePath(p string) string {
	parts := strings.Split(p, "/")
	for i, s := range parts {
		parts[i] = url.PathEscape(s)
	}
	return strings.Join(parts, "/")
}

// langName is the name of a language in the pages' language: "Khmer", "ខ្មែរ", "クメール語".
func (m *model) langName(t language.Tag) string { return m.ui.LangName(t.String()) }

// visible replaces control characters other than tab and newline by their Unicode control pictures, so that a
// terminal escape sequence in a release shows as ␛[31m instead of reaching the page raw.
func visible(s string) string {
	if strings.IndexFunc(s, isControl) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == 0x7f:
			b.WriteRune('\u2421')
		case r < 0x20 && r != '\t' && r != '\n':
			b.WriteRune(0x2400 + r)
		case r >= 0x80 && r < 0xa0:
			fmt.Fprintf(&b, "<U+%04X>", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isControl(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' || r >= 0x7f && r < 0xa0
}

// langIndex returns the position of a language tag string among the page's languages, or -1.
func (m *model) langIndex(s string) int {
	for i, l := range m.langs {
		if l.String() == s {
			return i
		}
	}
	return -1
}

// title is a release's display title: its first heading in the source language, else its id.
func title(r *release.Release, source language.Tag) string {
	if d := r.Doc(source); d != nil {
		best := ""
		level := 7
		for _, b := range d.Blocks {
			if b.Kind == release.Heading && b.Level < level && b.Text != "" {
				best, level = b.Text, b.Level
			}
		}
		// A letterhead "PRESS RELEASE" heading is less telling than the subject line under it.
		for _, b := range d.Blocks {
			if b.Kind == release.Heading && b.Level == level+1 && strings.EqualFold(best, "press release") {
				return b.Text
			}
		}
		if best != "" {
			return best
		}
	}
	return r.ID
}

// coverageOf measures the glossary coverage of one release per target language.
func (m *model) coverageOf(bt *bitext.Bitext) map[string]coverage.Release {
	if c, ok := m.cov[bt.Release.ID]; ok {
		return c
	}
	out := map[string]coverage.Release{}
	if m.in.Glossary == nil || m.in.Anchors == nil {
		return out
	}
	for _, c := range coverage.ReleaseCoverage(bt, coverage.Input{Glossary: m.in.Glossary, Source: m.in.Source,
		Targets: m.in.Targets, Anchors: m.in.Anchors}) {
		out[c.Lang] = c
	}
	return out
}

// usesOf counts the English occurrences of each glossary entry in a release.
func (m *model) usesOf(bt *bitext.Bitext) map[string]int {
	if u, ok := m.uses[bt.Release.ID]; ok {
		return u
	}
	out := map[string]int{}
	d := bt.Release.Doc(m.in.Source)
	if m.in.Anchors == nil || d == nil {
		return out
	}
	if tm := m.in.Anchors.Matcher(m.in.Source); tm != nil {
		for _, b := range d.Blocks {
			for _, mt := range tm.FindAll(b.Text) {
				out[mt.ID]++
			}
		}
	}
	return out
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
