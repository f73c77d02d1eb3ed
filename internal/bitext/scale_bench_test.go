package bitext

import (
	"testing"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/glossary"
	"github.com/relloc/relloc/internal/scalegen"
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
