package glossary

import (
	"encoding/json"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

const valid = `# Honorifics.
[[entry]]
id = "he"
category = "honorific"
note = "MFAIC style."
source = "MFAIC notices"

[entry.en]
term = "H.E."
variants = ["His Excellency"]
case_sensitive = true

[entry.km]
term = "ឯកឧត្តម"

[entry.ja]
policy = "omit"

# People.
[[entry]]
id = "prak-sokhonn"
category = "person"
[entry.en]
term = "Prak Sokhonn"
[entry.km]
term = "ប្រាក់ សុខុន"
[entry.ja]
term = "プラック・ソコン"
forbidden = ["プラク・ソコン"]
`

var targets = Options{Targets: []language.Tag{language.Khmer, language.Japanese}}

func TestParseValid(t *testing.T) {
	g, err := Parse([]File{{Path: "glossary/seed.toml", Data: []byte(valid)}}, targets)
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Entries) != 2 {
		t.Fatalf("got %d entries, want 2", len(g.Entries))
	}
	he, ok := g.Lookup("he")
	if !ok {
		t.Fatal("he not found")
	}
	if got, want := he.Pos.Line, 2; got != want {
		t.Errorf("he line: got %d, want %d", got, want)
	}
	if got := he.Target(language.Japanese).Policy; got != Omit {
		t.Errorf("he ja policy: got %q, want omit", got)
	}
	if got := he.Target(language.Khmer).Policy; got != Required {
		t.Errorf("he km policy: got %q, want required", got)
	}
	if !he.EN.CaseSensitive || he.EN.Variants[0] != "His Excellency" {
		t.Errorf("he en: got %+v", he.EN)
	}
	ps, _ := g.Lookup("prak-sokhonn")
	if got, want := ps.Line("ja.forbidden"), 29; got != want {
		t.Errorf("ja.forbidden line: got %d, want %d", got, want)
	}
	// The entry's text starts at its leading comment.
	if got := valid[ps.Pos.Start:ps.Pos.End]; !strings.HasPrefix(got, "# People.\n[[entry]]") {
		t.Errorf("entry text starts %q", got[:20])
	}
	if he.Pos.End != ps.Pos.Start {
		t.Errorf("spans do not tile: %d != %d", he.Pos.End, ps.Pos.Start)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name  string
		files []File
		want  string
	}{
		{"malformed", []File{{"g.toml", []byte("[[entry]]\nid = \"x\nx")}}, "g.toml:2:"},
		{"duplicate id", []File{{"a.toml", []byte(valid)}, {"b.toml", []byte("\n[[entry]]\nid = \"he\"\ncategory = \"honorific\"\n[entry.en]\nterm = \"X\"\n")}},
			`b.toml:3:1: duplicate id "he" (first defined at a.toml:3)`},
		{"no english", []File{{"g.toml", []byte("[[entry]]\nid = \"x\"\ncategory = \"place\"\n")}}, `g.toml:1:1: entry "x" has no English term`},
		{"forbidden rendering", []File{{"g.toml", []byte("[[entry]]\nid = \"x\"\ncategory = \"place\"\n[entry.en]\nterm = \"X\"\n[entry.ja]\nterm = \"エックス\"\nforbidden = [\"エックス\"]\n")}},
			`g.toml:8:1: ja rendering "エックス" of entry "x" is also listed as forbidden`},
		{"unknown category", []File{{"g.toml", []byte("[[entry]]\nid = \"x\"\ncategory = \"thing\"\n[entry.en]\nterm = \"X\"\n")}}, `g.toml:3:1: category "thing"`},
		{"unknown language", []File{{"g.toml", []byte("[[entry]]\nid = \"x\"\ncategory = \"place\"\n[entry.en]\nterm = \"X\"\n[entry.fr]\nterm = \"X\"\n")}}, `g.toml:6:1: unknown key "fr"`},
		{"bad policy", []File{{"g.toml", []byte("[[entry]]\nid = \"x\"\ncategory = \"place\"\n[entry.en]\nterm = \"X\"\n[entry.km]\npolicy = \"never\"\n")}}, `g.toml:7:1: km.policy "never"`},
		{"control character", []File{{"g.toml", []byte("[[entry]]\nid = \"x\"\ncategory = \"place\"\n[entry.en]\nterm = \"Phnom Penh\\u001b]0;x\\u0007\"\n[entry.km]\nterm = \"ភ្នំពេញ\"\nvariants = [\"ភ្នំ\\tពេញ\"]\n")}},
			`g.toml:5:1: en.term "Phnom Penh\x1b]0;x\a" holds a control character: terms are plain text`},
		{"unknown top-level key", []File{{"g.toml", []byte("title = \"x\"\n")}}, `g.toml:1:1: unknown key title`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(tt.files, targets)
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %q, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestEntryJSON(t *testing.T) {
	g, err := Parse([]File{{Path: "g.toml", Data: []byte(valid)}}, targets)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(g.Entries)
	if err != nil {
		t.Fatal(err)
	}
	want := `[{"id":"he","category":"honorific","en":{"term":"H.E.","variants":["His Excellency"],"caseSensitive":true},` +
		`"km":{"term":"ឯកឧត្តម","variants":[],"forbidden":[],"policy":"required"},"ja":{"term":"","variants":[],"forbidden":[],"policy":"omit"},` +
		`"note":"MFAIC style.","source":"MFAIC notices"},`
	if !strings.HasPrefix(string(b), want) {
		t.Errorf("got  %s\nwant %s...", b, want)
	}
}

func TestEntryEqual(t *testing.T) {
	a, err := Parse([]File{{Path: "a.toml", Data: []byte(valid)}}, targets)
	if err != nil {
		t.Fatal(err)
	}
	// The same entries from another file, with an empty list written out and no target order: equal.
	other := strings.Replace(valid, "[entry.ja]\nterm = \"プラック・ソコン\"", "[entry.ja]\nvariants = []\nterm = \"プラック・ソコン\"", 1)
	b, err := Parse([]File{{Path: "b.toml", Data: []byte("\n\n" + other)}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range a.Entries {
		if !a.Entries[i].Equal(b.Entries[i]) {
			t.Errorf("%s: not equal to its copy", a.Entries[i].ID)
		}
	}
	c, _ := Parse([]File{{Path: "c.toml", Data: []byte(strings.Replace(valid, "プラク・ソコン", "プラク", 1))}}, targets)
	if a.Entries[1].Equal(c.Entries[1]) {
		t.Error("entries with different forbidden renderings are equal")
	}
}
