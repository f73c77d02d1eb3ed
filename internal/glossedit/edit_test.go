package glossedit

import (
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/glossary"
	"github.com/relloc/relloc/internal/testenv"
	"github.com/relloc/relloc/internal/ui"
)

var opts = Options{Glossary: glossary.Options{Targets: []language.Tag{language.Khmer, language.Japanese}}, Dir: "glossary"}

const people = `# People of the seed release.

# The Cambodian minister.
[[entry]]
id = "prak-sokhonn" # family name first
category = "person"
note = """Two lines,
# not a comment."""

[entry.en]
term = "Prak Sokhonn"

[entry.km]
term = "ប្រាក់ សុខុន"

# ----------------------------------------------------------------
# Japanese people
# ----------------------------------------------------------------

[[entry]]
id = "hayashi"
category = "person"
[entry.en]
term = "HAYASHI Yoshimasa"
[entry.ja]
term = "林芳正"
# trailing comment
`

func entry(id, en, km string) *glossary.Entry {
	return &glossary.Entry{ID: id, Category: glossary.Person, EN: glossary.English{Term: en},
		Targets: map[language.Tag]*glossary.Rendering{language.Khmer: {Term: km, Policy: glossary.Required}}}
}

func TestApply(t *testing.T) {
	files := []glossary.File{{Path: "glossary/people.toml", Data: []byte(people)}}
	tests := []struct {
		name    string
		changes []Change
		want    string
	}{
		{"update keeps comments around the entry", []Change{{Op: Update, ID: "prak-sokhonn", Entry: entry("prak-sokhonn", "Prak Sokhonn", "ប្រាក់ សុខុន")}},
			strings.Replace(people, `[[entry]]
id = "prak-sokhonn" # family name first
category = "person"
note = """Two lines,
# not a comment."""

[entry.en]
term = "Prak Sokhonn"

[entry.km]
term = "ប្រាក់ សុខុន"
`, `[[entry]]
id = "prak-sokhonn"
category = "person"

[entry.en]
term = "Prak Sokhonn"

[entry.km]
term = "ប្រាក់ សុខុន"
`, 1)},
		{"remove takes the leading comment and keeps the banner", []Change{{Op: Remove, ID: "prak-sokhonn"}},
			strings.Replace(people, `# The Cambodian minister.
[[entry]]
id = "prak-sokhonn" # family name first
category = "person"
note = """Two lines,
# not a comment."""

[entry.en]
term = "Prak Sokhonn"

[entry.km]
term = "ប្រាក់ សុខុន"

`, "", 1)},
		{"remove the last entry keeps the trailing comment", []Change{{Op: Remove, ID: "hayashi"}},
			strings.Replace(people, `[[entry]]
id = "hayashi"
category = "person"
[entry.en]
term = "HAYASHI Yoshimasa"
[entry.ja]
term = "林芳正"
`, "", 1)},
		{"add appends after a blank line", []Change{{Op: Add, ID: "hun-manet", Entry: entry("hun-manet", "Hun Manet", "ហ៊ុន ម៉ាណែត")}},
			people + `
[[entry]]
id = "hun-manet"
category = "person"

[entry.en]
term = "Hun Manet"

[entry.km]
term = "ហ៊ុន ម៉ាណែត"
`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Apply(files, tt.changes, opts)
			if err != nil {
				t.Fatal(err)
			}
			if got := string(res.Files[0].Data); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
			if len(res.Changed) != 1 || res.Changed[0] != "glossary/people.toml" {
				t.Errorf("changed: got %v, want [glossary/people.toml]", res.Changed)
			}
		})
	}
}

func TestApplyErrors(t *testing.T) {
	files := []glossary.File{{Path: "glossary/people.toml", Data: []byte(people)}}
	bad := entry("hayashi", "HAYASHI Yoshimasa", "ហាយ៉ាស៊ី")
	bad.Targets[language.Khmer].Forbidden = []string{"ហាយ៉ាស៊ី"}
	tests := []struct {
		name    string
		changes []Change
		want    string
	}{
		{"add an existing id", []Change{{Op: Add, ID: "hayashi", Entry: entry("hayashi", "X", "x")}}, `entry "hayashi" already exists (glossary/people.toml:20)`},
		{"add twice", []Change{{Op: Add, ID: "x", Entry: entry("x", "X", "x")}, {Op: Add, ID: "x", Entry: entry("x", "X", "x")}}, `added twice`},
		{"update an unknown id", []Change{{Op: Update, ID: "nobody", Entry: entry("nobody", "X", "x")}}, `no glossary entry with id "nobody"`},
		{"remove an unknown id", []Change{{Op: Remove, ID: "nobody"}}, `no glossary entry with id "nobody"`},
		{"invalid result", []Change{{Op: Update, ID: "hayashi", Entry: bad}}, `would not be valid`},
		{"bad category", []Change{{Op: Add, ID: "y", Entry: &glossary.Entry{ID: "y", Category: "thing", EN: glossary.English{Term: "Y"}}}}, `category "thing"`},
		{"file outside the glossary", []Change{{Op: Add, ID: "z", Entry: entry("z", "Z", "z"), File: "elsewhere/z.toml"}}, `not a *.toml file of the glossary folder`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Apply(files, tt.changes, opts)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestApplyNewFile(t *testing.T) {
	files := []glossary.File{{Path: "glossary/people.toml", Data: []byte(people)}}
	e := entry("phnom-penh", "Phnom Penh", "ភ្នំពេញ")
	e.Category = glossary.Place
	res, err := Apply(files, []Change{{Op: Add, ID: e.ID, Entry: e, File: "glossary/place.toml"}}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(res.Changed, ","), "glossary/place.toml"; got != want {
		t.Errorf("changed: got %s, want %s", got, want)
	}
	if got := res.Glossary.Entries[len(res.Glossary.Entries)-1].Pos.Path; got != "glossary/place.toml" {
		t.Errorf("new entry in %s, want glossary/place.toml", got)
	}
}

func TestApplyCRLF(t *testing.T) {
	crlf := strings.ReplaceAll(people, "\n", "\r\n")
	files := []glossary.File{{Path: "glossary/people.toml", Data: []byte(crlf)}}
	res, err := Apply(files, []Change{{Op: Update, ID: "hayashi", Entry: entry("hayashi", "HAYASHI Yoshimasa", "ហាយ៉ាស៊ី")}, {Op: Remove, ID: "prak-sokhonn"}}, opts)
	if err != nil {
		t.Fatal(err)
	}
	got := string(res.Files[0].Data)
	if strings.Contains(strings.ReplaceAll(got, "\r\n", ""), "\n") {
		t.Errorf("a bare LF in a CRLF file:\n%q", got)
	}
	if !strings.Contains(got, "# trailing comment\r\n") || !strings.Contains(got, "term = \"ហាយ៉ាស៊ី\"\r\n") {
		t.Errorf("got:\n%q", got)
	}
}

func TestDefaultFile(t *testing.T) {
	files := []glossary.File{{Path: "glossary/a.toml"}, {Path: "glossary/person.toml"}}
	tests := []struct {
		files []glossary.File
		cat   glossary.Category
		want  string
	}{
		{files, glossary.Person, "glossary/person.toml"},
		{files, glossary.Place, "glossary/a.toml"},
		{nil, glossary.Place, "glossary/place.toml"},
	}
	for _, tt := range tests {
		if got := DefaultFile(tt.files, tt.cat, "glossary"); got != tt.want {
			t.Errorf("DefaultFile(%d files, %s): got %s, want %s", len(tt.files), tt.cat, got, tt.want)
		}
	}
}

func TestQuote(t *testing.T) {
	tests := []struct{ in, want string }{
		{`H.E.`, `"H.E."`},
		{`say "hi"\now`, `"say \"hi\"\\now"`},
		{"a\nb\tc", `"a\nb\tc"`},
		{"ក\u200bខ", `"ក\u200Bខ"`},
		{"\ufeffx\x7f", `"\uFEFFx\u007F"`},
		{"副首相　兼", "\"副首相\u3000兼\""}, // the ideographic space is graphic: kept
	}
	for _, tt := range tests {
		if got := Quote(tt.in); got != tt.want {
			t.Errorf("Quote(%q): got %s, want %s", tt.in, got, tt.want)
		}
	}
}

// TestRenderSeed renders every entry of the repository's glossary and parses it back: nothing is lost.
func TestRenderSeed(t *testing.T) {
	files, err := glossary.ReadDir(filepath.Join(testenv.RepoRoot(t), "glossary"), filepath.Base)
	if err != nil {
		t.Fatal(err)
	}
	g, err := glossary.Parse(files, opts.Glossary)
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Entries) == 0 {
		t.Fatal("empty seed glossary")
	}
	for _, e := range g.Entries {
		text := Render(e, opts.Glossary.Targets)
		back, err := glossary.Parse([]glossary.File{{Path: e.ID + ".toml", Data: []byte(text)}}, opts.Glossary)
		if err != nil {
			t.Errorf("%s: rendered entry does not parse: %v\n%s", e.ID, err, text)
			continue
		}
		if !Equal(e, back.Entries[0]) {
			t.Errorf("%s: round trip differs\ngot:  %+v\nwant: %+v", e.ID, back.Entries[0], e)
		}
	}
}

func TestPlan(t *testing.T) {
	files := []glossary.File{{Path: "glossary/people.toml", Data: []byte(people)}}
	g, err := glossary.Parse(files, opts.Glossary)
	if err != nil {
		t.Fatal(err)
	}
	ps, _ := g.Lookup("prak-sokhonn")
	changedPS := entry("prak-sokhonn", "Prak Sokhonn", "ប្រាក់ សុខុន")
	imported := []Imported{{changedPS, nil}, {entry("new", "New", "ថ្មី"), nil}}
	for _, tt := range []struct {
		replace bool
		want    string
	}{
		// A merge gives no field of prak-sokhonn: nothing changes.
		{false, "added=new changed= removed="},
		{true, "added=new changed=prak-sokhonn removed=hayashi"},
	} {
		a, c, r := Summary(Plan(g, imported, tt.replace))
		got := "added=" + strings.Join(a, ",") + " changed=" + strings.Join(c, ",") + " removed=" + strings.Join(r, ",")
		if got != tt.want {
			t.Errorf("replace=%v: got %s, want %s", tt.replace, got, tt.want)
		}
	}
	// An identical entry is no change.
	if got := Plan(g, []Imported{{ps, nil}, {ps, GivenFields(ps)}}, false); len(got) != 0 {
		t.Errorf("identical entry: got %d changes, want 0", len(got))
	}
}

func TestValidate(t *testing.T) {
	ok := entry("x", "X", "ក")
	noEN := entry("y", "", "ក")
	forbidden := entry("z", "Z", "ក")
	forbidden.Targets[language.Khmer].Forbidden = []string{"ក"}
	badID := entry("Bad_ID", "B", "ក")
	tests := []struct {
		e    *glossary.Entry
		want string
	}{
		{ok, ""},
		{noEN, `entry "y" has no English term`},
		{forbidden, `km rendering "ក" of entry "z" is also listed as forbidden`},
		{badID, `id "Bad_ID" must be lower-case`},
	}
	for _, tt := range tests {
		got := strings.Join(said(ui.English, Validate(tt.e, opts.Glossary)), "; ")
		if tt.want == "" && got != "" || !strings.Contains(got, tt.want) {
			t.Errorf("Validate(%s): got %q, want %q", tt.e.ID, got, tt.want)
		}
	}
	// The problems are messages of the catalogue, said in the reader's language.
	for lang, want := range map[language.Tag]string{language.Japanese: `英語の用語がありません`, language.Khmer: `គ្មានពាក្យភាសាអង់គ្លេស`} {
		if got := strings.Join(said(ui.New(lang), Validate(noEN, opts.Glossary)), "; "); !strings.Contains(got, want) {
			t.Errorf("Validate(y) in %s: got %q, want %q", lang, got, want)
		}
	}
}

func said(p *ui.Printer, ms []ui.Message) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = p.M(m)
	}
	return out
}
