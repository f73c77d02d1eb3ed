package reviewsite

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/bitext"
	"github.com/relloc/relloc/internal/glossary"
	"github.com/relloc/relloc/internal/release"
	"github.com/relloc/relloc/internal/testenv"
)

var (
	en      = language.English
	targets = []language.Tag{language.Khmer, language.Japanese}
)

const fixtureID = "2022-06-15-prak-sokhonn-hayashi-telephone"

// repoGlossary loads the repository's glossary.
func repoGlossary(t testing.TB) *glossary.Glossary {
	t.Helper()
	root := testenv.RepoRoot(t)
	g, err := glossary.Load(filepath.Join(root, "glossary"), glossary.Options{Targets: targets}, func(p string) string {
		r, _ := filepath.Rel(root, p)
		return filepath.ToSlash(r)
	})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// parseRelease reads a release of testdata/releases, replacing the text of its files by edit (when not nil) and
// giving it the folder dir.
func parseRelease(t testing.TB, id, dir string, edit func(lang, text string) string) *release.Release {
	t.Helper()
	var files []release.File
	for _, lang := range []language.Tag{en, language.Khmer, language.Japanese} {
		b, err := os.ReadFile(filepath.Join("testdata", "releases", id, lang.String()+".md"))
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		if edit != nil {
			s = edit(lang.String(), s)
		}
		files = append(files, release.File{Path: dir + "/" + lang.String() + ".md", Lang: lang, Data: []byte(s)})
	}
	r, err := release.Parse(dir, en, files)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// fixture is the site input of the test release, aligned with the repository's glossary, without findings.
func fixture(t testing.TB, edit func(lang, text string) string) Input {
	t.Helper()
	g := repoGlossary(t)
	a := bitext.NewAnchors(g, en, append([]language.Tag{en}, targets...))
	r := parseRelease(t, fixtureID, "releases/"+fixtureID, edit)
	return Input{Source: en, Targets: targets, Glossary: g, Anchors: a,
		Bitexts: []*bitext.Bitext{bitext.Align(r, en, targets, a)}, Root: "/home/translator/press",
		Editor: "vscode://file{path}:{line}:{column}"}
}

var rowPattern = regexp.MustCompile(`(?s)<tr class="seg[^"]*" id="seg-([^"]+)".*?</tr>`)

// rows returns the rows of a release page by segment id, in page order.
func rows(page string) (ids []string, html map[string]string) {
	html = map[string]string{}
	for _, m := range rowPattern.FindAllStringSubmatch(page, -1) {
		ids = append(ids, m[1])
		html[m[1]] = m[0]
	}
	return ids, html
}

// cells splits a row into its cells by language.
func cells(row string) map[string]string {
	out := map[string]string{}
	parts := strings.Split(row, `<td class="cell`)
	for _, p := range parts[1:] {
		m := regexp.MustCompile(`data-lang="([^"]+)"`).FindStringSubmatch(p)
		if m != nil {
			out[m[1]] = p
		}
	}
	return out
}
