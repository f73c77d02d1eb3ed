package bitext

import (
	"testing"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/glossary"
	"github.com/relloc/relloc/internal/release"
	"github.com/relloc/relloc/internal/scalegen"
	"github.com/relloc/relloc/internal/scalegen/scaleload"
)

// Benchmarks of what a command about one release pays before it reads the release: parsing the 5,000-entry
// glossary of package scalegen (the workspace of make bench-scale) and building its term matchers.

var scaleTargets = []language.Tag{language.Khmer, language.Japanese}

func scaleGlossary(b *testing.B) []glossary.File {
	b.Helper()
	var files []glossary.File
	_, err := scalegen.Generate(scalegen.Config{Releases: 1, Entries: 5000, Seed: 1}, func(path string, data []byte) error {
		if path == "glossary/generated.toml" {
			files = append(files, glossary.File{Path: path, Data: data})
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return files
}

func scaleParse(b *testing.B, files []glossary.File) *glossary.Glossary {
	g, err := glossary.Parse(files, glossary.Options{Targets: scaleTargets})
	if err != nil {
		b.Fatal(err)
	}
	return g
}

// BenchmarkScaleGlossaryParse: parsing and validating the glossary.
func BenchmarkScaleGlossaryParse(b *testing.B) {
	files := scaleGlossary(b)
	b.SetBytes(int64(len(files[0].Data)))
	b.ReportAllocs()
	for b.Loop() {
		scaleParse(b, files)
	}
}

// BenchmarkScaleMatchers: building the term matchers of every language, as check and align do.
func BenchmarkScaleMatchers(b *testing.B) {
	g := scaleParse(b, scaleGlossary(b))
	langs := append([]language.Tag{language.English}, scaleTargets...)
	b.ReportAllocs()
	for b.Loop() {
		a := NewAnchors(g, language.English, langs)
		for _, l := range langs {
			a.Matcher(l)
		}
	}
}

// BenchmarkScaleLoad: both, the fixed cost of check, align and draft of one release.
func BenchmarkScaleLoad(b *testing.B) {
	files := scaleGlossary(b)
	langs := append([]language.Tag{language.English}, scaleTargets...)
	b.ReportAllocs()
	for b.Loop() {
		a := NewAnchors(scaleParse(b, files), language.English, langs)
		for _, l := range langs {
			a.Matcher(l)
		}
	}
}

// scaleReleases generates a workspace of package scalegen with n releases and parses its glossary and releases.
// scaleAnchors is the setup of the scale benchmarks: 100 releases, and anchors whose matchers are built.
func scaleAnchors(b *testing.B) (*Anchors, []*release.Release) {
	g, rels := scaleReleases(b, 100)
	a := NewAnchors(g, en, []language.Tag{en, km, ja})
	for _, l := range []language.Tag{en, km, ja} {
		a.Matcher(l)
	}
	b.ReportAllocs()
	return a, rels
}

func scaleReleases(b testing.TB, n int) (*glossary.Glossary, []*release.Release) {
	b.Helper()
	g, rels, _, err := scaleload.Load(scalegen.Config{Releases: n, Entries: 5000, Seed: 1}, targets)
	if err != nil {
		b.Fatal(err)
	}
	return g, rels
}

// BenchmarkAlignScale aligns 100 releases of package scalegen (the workspace of make bench-scale) with its
// 5,000-entry glossary, as check does: a release view of the anchors for each, the matchers built beforehand.
func BenchmarkAlignScale(b *testing.B) {
	a, rels := scaleAnchors(b)
	for b.Loop() {
		alignScale(a, rels)
	}
}

// alignScale is the benchmark's loop body, kept out of line so that a profiler can pick it out.
//
//go:noinline
func alignScale(a *Anchors, rels []*release.Release) {
	for _, r := range rels {
		Align(r, en, targets, a.ForRelease())
	}
}
