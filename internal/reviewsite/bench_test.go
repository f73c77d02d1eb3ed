package reviewsite

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/bitext"
	"github.com/relloc/relloc/internal/finding"
	"github.com/relloc/relloc/internal/release"
	"github.com/relloc/relloc/internal/testenv"
)

// BenchmarkBuild1000 renders the site of 1,000 releases: copies of the repository's seed release (19 segments
// in three languages) under their own ids, with three findings each, against the repository's glossary.
// Aligning and checking are the work of other packages and happen before the timer starts.
func BenchmarkBuild1000(b *testing.B) {
	root := testenv.RepoRoot(b)
	const seed = "2021-11-18-prak-sokhonn-hayashi-telephone"
	g := repoGlossary(b)
	langs := append([]language.Tag{en}, targets...)
	a := bitext.NewAnchors(g, en, langs)
	in := Input{Source: en, Targets: targets, Glossary: g, Anchors: a, Editor: "vscode://file{path}:{line}:{column}", Root: root}
	src := map[language.Tag]string{}
	for _, l := range langs {
		data, err := os.ReadFile(filepath.Join(root, "releases", seed, l.String()+".md"))
		if err != nil {
			b.Fatal(err)
		}
		src[l] = string(data)
	}
	for i := range 1000 {
		id := fmt.Sprintf("2021-11-18-release-%04d", i)
		dir := "releases/" + id
		var files []release.File
		for _, l := range langs {
			text := strings.Replace(src[l], `id = "`+seed+`"`, `id = "`+id+`"`, 1)
			files = append(files, release.File{Path: dir + "/" + l.String() + ".md", Lang: l, Data: []byte(text)})
		}
		r, err := release.Parse(dir, en, files)
		if err != nil {
			b.Fatal(err)
		}
		in.Bitexts = append(in.Bitexts, bitext.Align(r, en, targets, a))
		in.Findings = append(in.Findings,
			finding.Finding{Path: dir + "/ja.md", Line: 45, Column: 1, Lang: "ja", Release: id, Segment: "b8.s1", Rule: "number-mismatch", Severity: finding.Error, Message: "the English has \"2023\", which this segment lacks", Expected: "2023"},
			finding.Finding{Path: dir + "/km.md", Line: 41, Column: 1, Lang: "km", Release: id, Segment: "b6.s1", Rule: "glossary-missing", Severity: finding.Warning, Message: "no rendering of H.E."},
			finding.Finding{Path: dir + "/ja.md", Lang: "ja", Release: id, Rule: "stale", Severity: finding.Error, Message: "the English of b9.s2 changed", Expected: "old", Found: "new"})
	}
	b.ReportAllocs()
	b.ResetTimer()
	var size int
	for b.Loop() {
		s, err := Build(in)
		if err != nil {
			b.Fatal(err)
		}
		size = 0
		for _, p := range s {
			size += len(p)
		}
	}
	b.ReportMetric(float64(size)/1e6, "MB/site")
}
