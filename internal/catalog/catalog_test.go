package catalog

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pelletier/go-toml/v2"
	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/testenv"
)

var (
	en      = language.English
	km      = language.Khmer
	ja      = language.Japanese
	targets = []language.Tag{km, ja}
)

// TestCheck runs the cases of testdata/check: each folder holds the message
// files of a small catalogue and, in want.txt, the problems Check must report
// (path:line:col rule lang key; lines starting with # describe the case),
// none for a case that must stay silent. The target languages are those of
// the files besides English, or those of a line "targets: km ja".
func TestCheck(t *testing.T) {
	dirs, err := filepath.Glob("testdata/check/*")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no test cases: %v", err)
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join(dir, "want.txt"))
			if err != nil {
				t.Fatal(err)
			}
			var want strings.Builder
			var tgts []language.Tag
			for _, line := range strings.SplitAfter(string(raw), "\n") {
				switch {
				case strings.HasPrefix(line, "targets:"):
					for _, f := range strings.Fields(strings.TrimPrefix(line, "targets:")) {
						tgts = append(tgts, language.MustParse(f))
					}
				case line != "" && !strings.HasPrefix(line, "#"):
					want.WriteString(line)
				}
			}
			names, _ := filepath.Glob(filepath.Join(dir, "*.toml"))
			var files []File
			for _, name := range names {
				data, err := os.ReadFile(name)
				if err != nil {
					t.Fatal(err)
				}
				files = append(files, File{Path: filepath.Base(name), Data: data})
			}
			c, err := Parse(en, files)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if tgts == nil {
				for _, l := range c.Languages() {
					if l != en {
						tgts = append(tgts, l)
					}
				}
			}
			var got strings.Builder
			for _, p := range c.Check(en, tgts) {
				fmt.Fprintf(&got, "%s:%d:%d %s %s %s\n", p.Path, p.Line, p.Column, p.Rule, p.Lang, p.Key)
				if p.Message == "" {
					t.Errorf("problem without a message: %+v", p)
				}
			}
			if got.String() != want.String() {
				t.Errorf("Check problems\ngot:\n%swant:\n%s", got.String(), want.String())
			}
		})
	}
}

// TestCheckMessages pins the wording of one problem of each rule.
func TestCheckMessages(t *testing.T) {
	c, err := Parse(en, []File{
		{Path: "active.en.toml", Data: []byte("[a]\none = \"{{.Count}} day\"\nother = \"{{.Count}} days\"\n[b]\nother = \"Statement\"\n[c]\nother = \"{{.A}}\"\n[d]\nother = \"d\"\n")},
		{Path: "active.km.toml", Data: []byte("[a]\none = \"{{.Count}} ថ្ងៃ\"\nother = \"{{.Count}} ថ្ងៃ\"\n[b]\nother = \"Statement\"\n[c]\nother = \"{{.B}}\"\n")},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"active.en.toml:8:2: catalog-missing: km d: message of en missing in km",
		"active.km.toml:2:1: catalog-plural: km a: km has no plural form one under CLDR (forms: other)",
		"active.km.toml:5:1: catalog-untranslated: km b: form other equals the source text \"Statement\" (mark the description [same-as-source] if intended)",
		"active.km.toml:6:2: catalog-placeholder: km c: placeholders differ from the source: missing {{.A}}; not in the source {{.B}}",
	}
	got := c.Check(en, []language.Tag{km})
	if len(got) != len(want) {
		t.Fatalf("got %d problems, want %d:\n%v", len(got), len(want), got)
	}
	for i := range want {
		if got[i].String() != want[i] {
			t.Errorf("problem %d\ngot:  %s\nwant: %s", i, got[i], want[i])
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name   string
		files  []File
		prefix string // of the error text
		decode bool   // whether it wraps a *toml.DecodeError
	}{
		{"malformed toml", []File{{"locale/active.km.toml", []byte("[a]\nother = \"x\"\nbroken = \n")}}, "locale/active.km.toml:3:10: ", true},
		{"unterminated string", []File{{"locale/active.ja.toml", []byte("[a]\nother = \"x\n")}}, "locale/active.ja.toml:2:11: ", true},
		{"no language", []File{{"messages.toml", []byte("[a]\nother = \"x\"\n")}}, "messages.toml: no language", false},
		{"duplicate message", []File{
			{"a.en.toml", []byte("[a]\nother = \"x\"\n")},
			{"b.en.toml", []byte("\n[a]\nother = \"y\"\n")},
		}, "b.en.toml:2:2: message \"a\" already defined at a.en.toml:1:2", false},
		{"mixed keys", []File{{"active.en.toml", []byte("[a]\nother = \"x\"\nnested = { other = \"y\" }\n")}}, "active.en.toml: ", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(en, tt.files)
			if err == nil {
				t.Fatalf("Parse: got no error, want one starting %q", tt.prefix)
			}
			if !strings.HasPrefix(err.Error(), tt.prefix) {
				t.Errorf("error\ngot:  %v\nwant: %s...", err, tt.prefix)
			}
			var de *toml.DecodeError
			if got := errors.As(err, &de); got != tt.decode {
				t.Errorf("errors.As(*toml.DecodeError) = %v, want %v", got, tt.decode)
			}
		})
	}
}

func loadLocale(t *testing.T) *Catalog {
	t.Helper()
	c, err := Load(os.DirFS(testenv.RepoRoot(t)), "locale", en)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return c
}

func TestCommittedLocaleIsClean(t *testing.T) {
	c := loadLocale(t)
	if got := len(c.Languages()); got != 3 {
		t.Errorf("languages: got %v, want en, km and ja", c.Languages())
	}
	for _, p := range c.Check(en, targets) {
		t.Errorf("problem in locale/: %s", p)
	}
}

func TestLocalize(t *testing.T) {
	c := loadLocale(t)
	parties := map[string]any{"A": "A", "B": "B"}
	tests := []struct {
		id   string
		data map[string]any
		want [3]string // en, km, ja
	}{
		{"letterhead.kingdom", nil, [3]string{"Kingdom of Cambodia", "ព្រះរាជាណាចក្រកម្ពុជា", "カンボジア王国"}},
		{"letterhead.motto", nil, [3]string{"Nation Religion King", "ជាតិ សាសនា ព្រះមហាក្សត្រ", "国家・宗教・国王"}},
		{"letterhead.ministry", nil, [3]string{"Ministry of Foreign Affairs and International Cooperation", "ក្រសួងការបរទេស និងសហប្រតិបត្តិការអន្តរជាតិ", "カンボジア外務国際協力省"}},
		{"doctype.press-release", nil, [3]string{"Press Release", "សេចក្តីប្រកាសព័ត៌មាន", "報道発表"}},
		{"formula.telephone-conversation", parties, [3]string{"Telephone Conversation between A and B", "កិច្ចសន្ទនាតាមទូរស័ព្ទរវាង A និង B", "AとBとの電話会談"}},
		{"formula.had-telephone-conversation", parties, [3]string{"A had a telephone conversation with B", "A បានសន្ទនាតាមទូរស័ព្ទជាមួយ B", "Aは、Bと電話会談を行いました"}},
		{"formula.held-talks", parties, [3]string{"A held talks with B", "A បានជួបពិភាក្សាជាមួយ B", "Aは、Bと会談を行いました"}},
		{"formula.on-date", map[string]any{"Date": "D"}, [3]string{"On D", "នៅD", "D"}},
		{"formula.place-date", map[string]any{"Place": "P", "Date": "D"}, [3]string{"P, D", "P D", "P、D"}},
		{"formula.participating-countries", map[string]any{"Count": 1}, [3]string{"1 country took part", "ប្រទេសចំនួន 1 បានចូលរួម", "1か国が参加しました"}},
		{"formula.participating-countries", map[string]any{"Count": 10}, [3]string{"10 countries took part", "ប្រទេសចំនួន 10 បានចូលរួម", "10か国が参加しました"}},
		{"org.asean", nil, [3]string{"ASEAN", "អាស៊ាន", "ASEAN"}},
	}
	for _, tt := range tests {
		for i, lang := range []language.Tag{en, km, ja} {
			got, err := c.Localize(lang, tt.id, tt.data)
			if err != nil {
				t.Errorf("Localize(%s, %s): %v", lang, tt.id, err)
				continue
			}
			if got != tt.want[i] {
				t.Errorf("Localize(%s, %s, %v)\ngot:  %q\nwant: %q", lang, tt.id, tt.data, got, tt.want[i])
			}
		}
	}
}

func TestLocalizeErrors(t *testing.T) {
	c, err := Parse(en, []File{
		{Path: "active.en.toml", Data: []byte("[a]\nother = \"A\"\n[b]\nother = \"B\"\n")},
		{Path: "active.km.toml", Data: []byte("[a]\nother = \"ក\"\n")},
	})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		lang language.Tag
		id   string
		want string
	}{
		{km, "b", "localize b: no message in km"},
		{ja, "a", "localize a: no messages for language ja"},
		{en, "zzz", "localize zzz: no message in en"},
	}
	for _, tt := range tests {
		_, err := c.Localize(tt.lang, tt.id, nil)
		if err == nil || err.Error() != tt.want {
			t.Errorf("Localize(%s, %s): got error %v, want %q", tt.lang, tt.id, err, tt.want)
		}
	}
}

func TestPluralForms(t *testing.T) {
	tests := []struct {
		lang, want string
	}{
		{"en", "one, other"},
		{"km", "other"},
		{"ja", "other"},
		{"ru", "one, few, many, other"},
		{"ar", "zero, one, two, few, many, other"},
	}
	for _, tt := range tests {
		if got := formList(pluralForms(language.MustParse(tt.lang))); got != tt.want {
			t.Errorf("pluralForms(%s): got %q, want %q", tt.lang, got, tt.want)
		}
	}
}
