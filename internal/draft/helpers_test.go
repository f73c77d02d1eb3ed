package draft

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/bitext"
	"github.com/relloc/relloc/internal/catalog"
	"github.com/relloc/relloc/internal/glossary"
	"github.com/relloc/relloc/internal/release"
	"github.com/relloc/relloc/internal/testenv"
	"github.com/relloc/relloc/internal/tm"
)

var (
	en    = language.English
	km    = language.Khmer
	ja    = language.Japanese
	langs = []language.Tag{en, km, ja}
)

const seedID = "2021-11-18-prak-sokhonn-hayashi-telephone"

// workspace is the repository's own glossary, catalogue and releases.
type workspace struct {
	root     string
	glossary *glossary.Glossary
	anchors  *bitext.Anchors
	catalog  *catalog.Catalog
	releases []*release.Release
}

func loadRepo(t testing.TB) *workspace {
	t.Helper()
	root := testenv.RepoRoot(t)
	rel := func(p string) string {
		r, err := filepath.Rel(root, p)
		if err != nil {
			return p
		}
		return filepath.ToSlash(r)
	}
	g, err := glossary.Load(filepath.Join(root, "glossary"), glossary.Options{Targets: []language.Tag{km, ja}}, rel)
	if err != nil {
		t.Fatal(err)
	}
	c, err := catalog.Load(os.DirFS(root), "locale", en)
	if err != nil {
		t.Fatal(err)
	}
	rels, err := release.LoadAll(root, filepath.Join(root, "releases"), en, langs, rel)
	if err != nil {
		t.Fatal(err)
	}
	return &workspace{root: root, glossary: g, anchors: bitext.NewAnchors(g, en, langs), catalog: c, releases: rels}
}

// memory builds the translation memory of releases.
func (w *workspace) memory(rels []*release.Release) *tm.Memory {
	var units []tm.Unit
	for _, r := range rels {
		units = append(units, Units(bitext.Align(r, en, []language.Tag{km, ja}, w.anchors))...)
	}
	return tm.New(units, "en")
}

func (w *workspace) release(t testing.TB, id string) *release.Release {
	t.Helper()
	for _, r := range w.releases {
		if r.ID == id {
			return r
		}
	}
	t.Fatalf("no release %s", id)
	return nil
}

func (w *workspace) input(r *release.Release, lang language.Tag, mem *tm.Memory) Input {
	in := Input{Release: r, Source: en, Lang: lang, Glossary: w.glossary, Anchors: w.anchors, Catalog: w.catalog}
	if mem != nil { // a nil *tm.Memory in the interface would be a memory
		in.Memory = mem
	}
	return in
}
