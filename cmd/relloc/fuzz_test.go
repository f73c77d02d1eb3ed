package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/bitext"
	"github.com/relloc/relloc/internal/catalog"
	"github.com/relloc/relloc/internal/check"
	"github.com/relloc/relloc/internal/draft"
	"github.com/relloc/relloc/internal/glossary"
	"github.com/relloc/relloc/internal/inputerr"
	"github.com/relloc/relloc/internal/release"
	"github.com/relloc/relloc/internal/report"
	"github.com/relloc/relloc/internal/workspace"
)

// FuzzPipeline runs the whole of relloc on an arbitrary release (English, Khmer and Japanese files) with the
// repository's glossary, catalogue and configuration: parse, check (which aligns and runs every rule), every
// report format, alignment and a draft in each language. It must never panic, an input error is the only
// failure allowed, and no output may hold a raw control character.
func FuzzPipeline(f *testing.F) {
	root := filepath.Join("..", "..")
	cfgData, err := os.ReadFile(filepath.Join(root, "relloc.toml"))
	if err != nil {
		f.Skip(err)
	}
	cfg, err := workspace.Parse("relloc.toml", cfgData)
	if err != nil {
		f.Fatal(err)
	}
	gl, err := glossary.Load(filepath.Join(root, "glossary"), glossary.Options{Targets: cfg.Targets}, filepath.Base)
	if err != nil {
		f.Fatal(err)
	}
	cat, err := catalog.Load(os.DirFS(root), "locale", cfg.Source)
	if err != nil {
		f.Fatal(err)
	}
	langs := cfg.Languages()
	anchors := bitext.NewAnchors(gl, cfg.Source, langs)

	seedDir := filepath.Join(root, "releases", "2021-11-18-prak-sokhonn-hayashi-telephone")
	var seed [3]string
	for i, l := range langs {
		b, _ := os.ReadFile(filepath.Join(seedDir, l.String()+".md"))
		seed[i] = string(b)
	}
	f.Add(seed[0], seed[1], seed[2])
	for _, s := range [][3]string{
		{"<!-->\n\nH.E. Prak Sokhonn met the Ambassador. <!--->\n", "<!--->\nឯកឧត្តម ប្រាក់ សុខុន។ <!-->\n", "プラック・ソコン副首相。<!--->\n"},
		{hostileRelease["releases/2024-03-05-visit\x1b[2J/en.md"], hostileRelease["releases/2024-03-05-visit\x1b[2J/km.md"], hostileRelease["releases/2024-03-05-visit\x1b[2J/ja.md"]},
		{"+++\r\nid = \"x\"\r\n+++  \r\n\r\nOn 18 November 2021, 70<sup>th</sup>.\r\n", "\x7fELF\x00", "---\ntitle: x\n---\n"},
		{"A. B. C.\n\nD.\n", "", "一。二。三。四。\n"},
	} {
		f.Add(s[0], s[1], s[2])
	}
	f.Fuzz(func(t *testing.T, en, km, ja string) {
		var files []release.File
		for i, text := range []string{en, km, ja} {
			if text != "" {
				files = append(files, release.File{Path: "releases/2024-01-01-x/" + langs[i].String() + ".md", Lang: langs[i], Data: []byte(text)})
			}
		}
		r, err := release.Parse("releases/2024-01-01-x", cfg.Source, files)
		if err != nil {
			if !inputerr.Is(err) {
				t.Fatalf("release.Parse: %v is not an input error", err)
			}
			return
		}
		res := check.Run(check.Input{Source: cfg.Source, Targets: cfg.Targets, Config: cfg.Check, Glossary: gl, Releases: []*release.Release{r}})
		for _, format := range report.Formats {
			var buf bytes.Buffer
			if err := report.Write(format, &buf, res.Findings, report.Options{Rules: check.Rules()}); err != nil {
				t.Fatalf("report %s: %v", format, err)
			}
			if i := rawControl(buf.Bytes()); i >= 0 {
				t.Fatalf("report %s: raw control character at byte %d: %q", format, i, buf.Bytes()[max(0, i-20):min(buf.Len(), i+20)])
			}
		}
		bitext.Align(r, cfg.Source, cfg.Targets, anchors)
		if r.Doc(cfg.Source) == nil {
			return
		}
		for _, lang := range []language.Tag{language.Khmer, language.Japanese} {
			if _, err := draft.Draft(draft.Input{Release: r, Source: cfg.Source, Lang: lang, Glossary: gl, Anchors: anchors, Catalog: cat}); err != nil && !inputerr.Is(err) {
				t.Logf("draft %v: %v", lang, err)
			}
		}
	})
}
