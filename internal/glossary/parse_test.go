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

const withContext = `[[entry]]
id = "japan"
category = "place"
[entry.en]
term = "Japan"
[entry.ja]
term = "日本"
variants = ["我が国"]
# 日 is Japan only inside compounds.
[[entry.ja.context]]
form = "日"
followed_by = ["カンボジア", "・カンボジア"]
[[entry.ja.context]]
form = "日"
preceded_by = ["訪", "来"]
[entry.km]
term = "ជប៉ុន"
`

func TestParseContext(t *testing.T) {
	g, err := Parse([]File{{Path: "g.toml", Data: []byte(withContext)}}, targets)
	if err != nil {
		t.Fatal(err)
	}
	e, _ := g.Lookup("japan")
	got := e.Target(language.Japanese).Context
	want := []Context{{Form: "日", FollowedBy: []string{"カンボジア", "・カンボジア"}}, {Form: "日", PrecededBy: []string{"訪", "来"}}}
	if len(got) != len(want) || !got[0].Equal(want[0]) || !got[1].Equal(want[1]) {
		t.Errorf("ja context:\n got  %+v\n want %+v", got, want)
	}
	if got := e.Target(language.Khmer).Term; got != "ជប៉ុន" {
		t.Errorf("km term after the context tables: got %q, want ជប៉ុន", got)
	}
	if got, want := e.Line("ja.context"), 10; got != want {
		t.Errorf("ja.context line: got %d, want %d", got, want)
	}
	// Context is part of an entry's meaning.
	other, _ := Parse([]File{{Path: "g.toml", Data: []byte(strings.Replace(withContext, `"来"]`, `"来", "離"]`, 1))}}, targets)
	if e.Equal(other.Entries[0]) {
		t.Error("entries with different context forms are equal")
	}
	b, _ := json.Marshal(e)
	if w := `"context":[{"form":"日","followedBy":["カンボジア","・カンボジア"]},{"form":"日","precededBy":["訪","来"]}]`; !strings.Contains(string(b), w) {
		t.Errorf("JSON %s\nlacks %s", b, w)
	}
}

func TestParseContextErrors(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"no form", strings.Replace(withContext, "form = \"日\"\nfollowed_by", "followed_by", 1), `g.toml:10:1: ja.context has no form`},
		{"unknown key", strings.Replace(withContext, "followed_by =", "before =", 1), `unknown key ja.context.before`},
		{"not a table", "[[entry]]\nid = \"x\"\ncategory = \"place\"\n[entry.en]\nterm = \"X\"\n[entry.ja]\nterm = \"エ\"\ncontext = \"日\"\n", `g.toml:8:1: ja.context must be an array of tables`},
	}
	for _, tt := range tests {
		_, err := Parse([]File{{Path: "g.toml", Data: []byte(tt.text)}}, targets)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: got %v, want an error containing %q", tt.name, err, tt.want)
		}
	}
}

func TestContextNotation(t *testing.T) {
	tests := []struct {
		in   string
		want Context
	}{
		{"[訪,来]日", Context{Form: "日", PrecededBy: []string{"訪", "来"}}},
		{"日[カンボジア,・カンボジア]", Context{Form: "日", FollowedBy: []string{"カンボジア", "・カンボジア"}}},
		{"両国", Context{Form: "両国"}},
		{"[在]日[本]", Context{Form: "日", PrecededBy: []string{"在"}, FollowedBy: []string{"本"}}},
		{"~両国", Context{Form: "両国", Reference: true}},
	}
	for _, tt := range tests {
		got, err := ParseContext(tt.in)
		if err != nil || !got.Equal(tt.want) {
			t.Errorf("ParseContext(%q) = %+v, %v; want %+v", tt.in, got, err, tt.want)
		}
		if s := tt.want.String(); s != tt.in {
			t.Errorf("String() = %q, want %q", s, tt.in)
		}
	}
	for _, bad := range []string{"", "[訪日", "日[カンボジア", "[]日", "[訪]"} {
		if _, err := ParseContext(bad); err == nil {
			t.Errorf("ParseContext(%q): no error", bad)
		}
	}
}

// TestProseLineEndings: a note or source edited on Windows (CR LF) or an old Mac (CR) is stored with LF, as CSV
// and TBX give it back, so that every export and import round trip is lossless.
func TestProseLineEndings(t *testing.T) {
	src := "[[entry]]\nid = \"he\"\ncategory = \"honorific\"\nnote = \"first line\\r\\nsecond\\rthird\"\nsource = \"MFAIC\\r\\nMOFA\"\n" +
		"[entry.en]\nterm = \"H.E.\"\n"
	g, err := Parse([]File{{Path: "g.toml", Data: []byte(src)}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if e := g.Entries[0]; e.Note != "first line\nsecond\nthird" || e.Source != "MFAIC\nMOFA" {
		t.Errorf("got note %q, source %q; want LF line endings", e.Note, e.Source)
	}
}

// TestFormsWithoutSurroundingSpaces: a rendering with spaces around it is an error where it stands, not a
// variant that an export and import would turn into the term itself.
func TestFormsWithoutSurroundingSpaces(t *testing.T) {
	src := "[[entry]]\nid = \"he\"\ncategory = \"honorific\"\n[entry.en]\nterm = \"H.E.\"\nvariants = [\" H.E. \"]\n"
	_, err := Parse([]File{{Path: "g.toml", Data: []byte(src)}}, Options{})
	if err == nil || !strings.Contains(err.Error(), `g.toml:6:1: en.variants " H.E. " has spaces around it`) {
		t.Fatalf("got %v, want an error at g.toml:6:1 naming the variant", err)
	}
}
