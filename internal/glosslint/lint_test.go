package glosslint

import (
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/bitext"
	"github.com/relloc/relloc/internal/finding"
	"github.com/relloc/relloc/internal/glossary"
	"github.com/relloc/relloc/internal/release"
)

var targets = []language.Tag{language.Khmer, language.Japanese}

func run(t *testing.T, toml string, rels ...*release.Release) []finding.Finding {
	t.Helper()
	g, err := glossary.Parse([]glossary.File{{Path: "g.toml", Data: []byte(toml)}}, glossary.Options{Targets: targets})
	if err != nil {
		t.Fatal(err)
	}
	in := Input{Glossary: g, Source: language.English, Targets: targets, Releases: rels}
	if len(rels) > 0 {
		in.Anchors = bitext.NewAnchors(g, language.English, append([]language.Tag{language.English}, targets...))
	}
	return Run(in)
}

func show(fs []finding.Finding) string {
	var out []string
	for _, f := range fs {
		out = append(out, strings.Join([]string{f.Path, itoa(f.Line), f.Rule, f.Message}, ":"))
	}
	return strings.Join(out, "\n")
}

func itoa(n int) string { return strconv.Itoa(n) }

const clean = `[[entry]]
id = "dpm"
category = "office"
[entry.en]
term = "Deputy Prime Minister"
[entry.km]
term = "ឧបនាយករដ្ឋមន្ត្រី"
[entry.ja]
term = "副首相"
forbidden = ["副総理"]

[[entry]]
id = "he"
category = "honorific"
[entry.en]
term = "H.E."
variants = ["His Excellency"]
[entry.km]
term = "ឯកឧត្តម"
[entry.ja]
policy = "omit"
`

func TestSilent(t *testing.T) {
	if fs := run(t, clean); len(fs) != 0 {
		t.Errorf("got findings on a clean glossary:\n%s", show(fs))
	}
}

func TestRules(t *testing.T) {
	tests := []struct {
		name, toml string
		want       []string // "line:rule" and a message fragment
	}{
		{"no rendering", clean + `
[[entry]]
id = "x"
category = "place"
[entry.en]
term = "X"
[entry.km]
forbidden = ["ក"]
`, []string{"28:" + RuleNoRendering, `"X" (x) has no km rendering`, "24:" + RuleNoRendering, `no ja rendering`}},
		{"duplicate rendering", clean + `
[[entry]]
id = "vice-pm"
category = "office"
[entry.en]
term = "Vice Prime Minister"
[entry.km]
term = "ឧបនាយករដ្ឋមន្ត្រី"
[entry.ja]
term = "副首相"
`, []string{"29:" + RuleDuplicateRendering, `km rendering "ឧបនាយករដ្ឋមន្ត្រី" of "Vice Prime Minister" (vice-pm) is also the rendering of "Deputy Prime Minister" (dpm, g.toml:1)`, "31:" + RuleDuplicateRendering}},
		{"conflicting rendering", clean + `
[[entry]]
id = "jdpm"
category = "office"
[entry.en]
term = "Deputy Prime Minister of Japan"
[entry.km]
term = "ឧបនាយករដ្ឋមន្ត្រីជប៉ុន"
[entry.ja]
term = "副総理"
`, []string{"10:" + RuleConflictingRendering, `ja form "副総理" is forbidden for "Deputy Prime Minister" (dpm) but is the term of "Deputy Prime Minister of Japan" (jdpm, g.toml:23)`}},
		{"English variant of another entry", clean + `
[[entry]]
id = "excellency"
category = "honorific"
[entry.en]
term = "his excellency"
[entry.km]
term = "ឯកឧត្តម"
[entry.ja]
policy = "omit"
`, []string{"17:" + RuleEnglishConflict, `English variant "His Excellency" of he is also the English term of excellency (g.toml:23)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := show(run(t, tt.toml))
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("got:\n%s\nwant it to contain %q", got, w)
				}
			}
		})
	}
}

func TestForbiddenInRelease(t *testing.T) {
	files := []release.File{
		{Path: "releases/r/en.md", Lang: language.English, Data: []byte("The Deputy Prime Minister spoke.\n")},
		{Path: "releases/r/ja.md", Lang: language.Japanese, Data: []byte("# 見出し\n\n副総理が話した。\n")},
	}
	r, err := release.Parse("releases/r", language.English, files)
	if err != nil {
		t.Fatal(err)
	}
	fs := run(t, clean, r)
	if len(fs) != 1 {
		t.Fatalf("got %d findings, want 1:\n%s", len(fs), show(fs))
	}
	f := fs[0]
	if f.Path != "releases/r/ja.md" || f.Line != 3 || f.Column != 1 || f.EndColumn != 4 || f.Rule != RuleForbiddenInRelease || f.Expected != "副首相" || f.Found != "副総理" {
		t.Errorf("got %+v", f)
	}
	// The same release with the approved form is silent.
	files[1].Data = []byte("副首相が話した。\n")
	r, _ = release.Parse("releases/r", language.English, files)
	if fs := run(t, clean, r); len(fs) != 0 {
		t.Errorf("got findings on a clean release:\n%s", show(fs))
	}
}
