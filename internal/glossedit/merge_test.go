package glossedit

import (
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/glossary"
)

// deputyPM is an office entry with a note, a source and forbidden forms, as translators keep them.
func deputyPM() *glossary.Entry {
	return &glossary.Entry{ID: "deputy-prime-minister", Category: glossary.Office,
		Note: "MOFA writes 副首相 for a foreign deputy prime minister; 副総理 is Japan's own.", Source: "MOFA press releases",
		EN: glossary.English{Term: "Deputy Prime Minister", Variants: []string{"Deputy PM"}, CaseSensitive: true},
		Targets: map[language.Tag]*glossary.Rendering{
			language.Khmer:    {Term: "ឧបនាយករដ្ឋមន្ត្រី"},
			language.Japanese: {Term: "副首相", Forbidden: []string{"副総理"}, Policy: glossary.Optional},
		}}
}

func TestMerge(t *testing.T) {
	opt := glossary.Options{Targets: []language.Tag{language.Khmer, language.Japanese}}
	// What a CSV with only id,category,en,km,ja reads into: the term columns, nothing else.
	csvRow := &glossary.Entry{ID: "deputy-prime-minister", Category: glossary.Office,
		EN: glossary.English{Term: "Deputy Prime Minister"},
		Targets: map[language.Tag]*glossary.Rendering{
			language.Khmer:    {Term: "ឧបនាយករដ្ឋមន្ត្រី"},
			language.Japanese: {Term: "副首相"},
		}}
	tests := []struct {
		name string
		imp  Imported
		want string // Diff of the merged entry against the old one
	}{
		{"columns the file lacks keep their values", Imported{csvRow, GivenFields(csvRow)},
			""},
		{"a given list is taken, other fields of the language are kept", Imported{&glossary.Entry{ID: "deputy-prime-minister",
			Targets: map[language.Tag]*glossary.Rendering{language.Khmer: {Term: "ឧបនាយករដ្ឋមន្ត្រី", Variants: []string{"ឧបនាយករដ្ឋមន្រ្តី"}}}},
			map[Field]bool{TargetField(language.Khmer, "variants"): true}},
			`km.variants: (none) -> "ឧបនាយករដ្ឋមន្រ្តី"`},
		{"a given list replaces the old one", Imported{&glossary.Entry{ID: "deputy-prime-minister",
			Targets: map[language.Tag]*glossary.Rendering{language.Japanese: {Forbidden: []string{"副総理", "副総理大臣"}}}},
			map[Field]bool{TargetField(language.Japanese, "forbidden"): true}},
			`ja.forbidden: "副総理" -> "副総理 | 副総理大臣"`},
		{"a language the entry lacks is added", Imported{&glossary.Entry{ID: "deputy-prime-minister",
			Targets: map[language.Tag]*glossary.Rendering{language.French: {Term: "vice-Premier ministre"}}},
			map[Field]bool{TargetField(language.French, "term"): true}},
			`fr.term: (none) -> "vice-Premier ministre"`},
		{"case sensitivity given as false turns it off", Imported{&glossary.Entry{ID: "deputy-prime-minister"},
			map[Field]bool{FieldCaseSensitive: true}},
			`en.case_sensitive: "true" -> (none)`},
	}
	for _, tt := range tests {
		old := deputyPM()
		before := Render(old, opt.Targets)
		got := Merge(old, tt.imp)
		var diffs []string
		for _, d := range Diff(old, got, opt.Targets) {
			diffs = append(diffs, d.String())
		}
		if g := strings.Join(diffs, "; "); g != tt.want {
			t.Errorf("%s: got diff %q, want %q", tt.name, g, tt.want)
		}
		if Render(old, opt.Targets) != before {
			t.Errorf("%s: Merge modified the old entry", tt.name)
		}
	}
}

func TestPlanKeepsFieldsTheFileLacks(t *testing.T) {
	g := glossary.New([]*glossary.Entry{deputyPM()})
	row := &glossary.Entry{ID: "deputy-prime-minister", Category: glossary.Office,
		EN: glossary.English{Term: "Deputy Prime Minister"},
		Targets: map[language.Tag]*glossary.Rendering{
			language.Khmer:    {Term: "ឧបនាយករដ្ឋមន្ត្រី"},
			language.Japanese: {Term: "副首相"},
		}}
	if got := Plan(g, []Imported{{row, GivenFields(row)}}, false); len(got) != 0 {
		t.Errorf("merge of a file with fewer columns: got %d changes (%+v), want none", len(got), got)
	}
	got := Plan(g, []Imported{{row, GivenFields(row)}}, true)
	if len(got) != 1 || got[0].Op != Update || got[0].Entry.Note != "" || len(got[0].Entry.Target(language.Japanese).Forbidden) != 0 {
		t.Errorf("replace: got %+v, want one update that clears note and forbidden forms", got)
	}
}

// TestMergeKeepsContext: an entry's context forms survive a merge that changes another field of the language
// (Clone copied every field but them), and a file that gives context forms replaces them, with a diff line.
func TestMergeKeepsContext(t *testing.T) {
	old := deputyPM()
	old.Targets[language.Japanese].Context = []glossary.Context{{Form: "副首相兼外相", Reference: false}}
	imp := Imported{Entry: &glossary.Entry{ID: old.ID, Targets: map[language.Tag]*glossary.Rendering{
		language.Japanese: {Term: "副首相", Variants: []string{"副総理大臣"}}}},
		Given: map[Field]bool{TargetField(language.Japanese, "variants"): true}}
	got := Merge(old, imp)
	if c := got.Targets[language.Japanese].Context; len(c) != 1 || c[0].Form != "副首相兼外相" {
		t.Errorf("merge of ja.variants: ja.context = %v, want the old form kept", c)
	}
	imp.Entry.Targets[language.Japanese].Context = []glossary.Context{{Form: "両国", Reference: true}}
	imp.Given[TargetField(language.Japanese, "context")] = true
	got = Merge(old, imp)
	if c := got.Targets[language.Japanese].Context; len(c) != 1 || c[0].Form != "両国" {
		t.Errorf("merge of ja.context: ja.context = %v, want the file's form", c)
	}
	targets := []language.Tag{language.Khmer, language.Japanese}
	var lines []string
	for _, d := range Diff(old, got, targets) {
		lines = append(lines, d.String())
	}
	if want := `ja.context: "副首相兼外相" -> "~両国"`; !strings.Contains(strings.Join(lines, "\n"), want) {
		t.Errorf("Diff = %q, want a line %q", lines, want)
	}
}
