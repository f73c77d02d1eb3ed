package ui

import (
	"io/fs"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/pelletier/go-toml/v2"
	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/matchform"
)

// readCatalogue returns the messages of the embedded catalogues of one language (every locales/*.LANG.toml):
// id → plural form → text.
func readCatalogue(t *testing.T, lang language.Tag) map[string]map[string]string {
	t.Helper()
	names, err := fs.Glob(locales, "locales/*."+lang.String()+".toml")
	if err != nil || len(names) == 0 {
		t.Fatalf("no catalogue of %s: %v", lang, err)
	}
	all := map[string]map[string]string{}
	for _, name := range names {
		data, err := locales.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		var raw map[string]map[string]string
		if err := toml.Unmarshal(data, &raw); err != nil {
			t.Fatal(err)
		}
		for id, m := range raw {
			if _, dup := all[id]; dup {
				t.Errorf("%s: message %s is defined twice", name, id)
			}
			delete(m, "description")
			delete(m, "hash") // the English a translation was made from (internal/cli TestHelpTranslationsCurrent)
			all[id] = m
		}
	}
	return all
}

// field finds the template fields of an action: {{.Name}}, and .Lang in {{lang .Lang}}.
var (
	action = regexp.MustCompile(`\{\{(.*?)\}\}`)
	field  = regexp.MustCompile(`\.(\w+)`)
)

func fields(m map[string]string) []string {
	set := map[string]bool{}
	for _, s := range m {
		for _, a := range action.FindAllStringSubmatch(s, -1) {
			for _, f := range field.FindAllStringSubmatch(a[1], -1) {
				set[f[1]] = true
			}
		}
	}
	return slices.Sorted(maps.Keys(set))
}

// TestCatalogues: every message id (of every file: active, help, findings, errors) has English, Khmer and
// Japanese, in exactly the plural forms CLDR gives the language (English one and other, Khmer and Japanese
// other), with the template fields of the English (also those read by a function: .Lang in {{lang .Lang}}).
func TestCatalogues(t *testing.T) {
	en := readCatalogue(t, language.English)
	forms := map[language.Tag][]string{language.English: {"one", "other"}, language.Khmer: {"other"}, language.Japanese: {"other"}}
	for _, lang := range Languages {
		cat := readCatalogue(t, lang)
		for id, m := range en {
			tr, ok := cat[id]
			if !ok {
				t.Errorf("%s: message %s is missing", lang, id)
				continue
			}
			plural := len(m) > 1
			var want []string
			if plural {
				want = forms[lang]
			} else {
				want = []string{"other"}
			}
			if got := slices.Sorted(maps.Keys(tr)); !slices.Equal(got, want) {
				t.Errorf("%s: message %s has forms %v, want %v", lang, id, got, want)
			}
			if got, want := fields(tr), fields(m); !slices.Equal(got, want) {
				t.Errorf("%s: message %s uses fields %v, the English %v", lang, id, got, want)
			}
		}
		for id := range cat {
			if _, ok := en[id]; !ok {
				t.Errorf("%s: message %s has no English", lang, id)
			}
		}
	}
}

// TestFieldsOfActions: the field check reads fields inside function calls, so that a translation that drops
// the field of {{lang .Lang}} fails TestCatalogues.
func TestFieldsOfActions(t *testing.T) {
	got := fields(map[string]string{"other": "ផ្នែកភាសា{{lang .Lang}} {{ .Count }} {{.Term}}"})
	if want := []string{"Count", "Lang", "Term"}; !slices.Equal(got, want) {
		t.Errorf("fields = %v, want %v", got, want)
	}
}

// TestKhmerCanonical: relloc's Khmer is written in canonical spelling (coeng TA in សេចក្តី, no look-alike code
// point sequences), as it asks of the releases it checks.
func TestKhmerCanonical(t *testing.T) {
	for id, m := range readCatalogue(t, language.Khmer) {
		for form, s := range m {
			if strings.Contains(s, "\u17d2\u178a") {
				t.Errorf("%s.%s: coeng DA where Khmer official spelling writes coeng TA: %q", id, form, s)
			}
			for _, is := range matchform.KhmerIssues(s) {
				t.Errorf("%s.%s: %s %v at %q", id, form, is.MessageID, is.Args, s[is.Off:is.End])
			}
		}
	}
}

func TestLang(t *testing.T) {
	tests := []struct {
		flag string
		env  map[string]string
		want language.Tag
	}{
		{"", nil, language.English},
		{"km", nil, language.Khmer},
		{"ja", map[string]string{"LANG": "km_KH.UTF-8"}, language.Japanese},
		{"", map[string]string{"LANG": "km_KH.UTF-8"}, language.Khmer},
		{"", map[string]string{"LANG": "ja_JP.UTF-8"}, language.Japanese},
		{"", map[string]string{"LANG": "ja_JP.UTF-8", "LC_MESSAGES": "C"}, language.English},
		{"", map[string]string{"LANG": "en_US.UTF-8", "LC_ALL": "ja_JP.eucJP"}, language.Japanese},
		{"", map[string]string{"LANG": "ja_JP.UTF-8", "RELLOC_LANG": "km"}, language.Khmer},
		{"", map[string]string{"LANG": "fr_FR.UTF-8"}, language.English},
		{"", map[string]string{"LANG": "C.UTF-8"}, language.English},
	}
	for _, tt := range tests {
		got, err := Lang(tt.flag, func(k string) string { return tt.env[k] })
		if err != nil || got != tt.want {
			t.Errorf("Lang(%q, %v) = %v, %v; want %v", tt.flag, tt.env, got, err, tt.want)
		}
	}
	if _, err := Lang("not a tag!", nil); err == nil {
		t.Errorf("Lang(\"not a tag!\") gave no error")
	}
}

func TestPlurals(t *testing.T) {
	tests := []struct {
		lang language.Tag
		n    int
		want string
	}{
		{language.English, 1, "1 error"},
		{language.English, 2, "2 errors"},
		{language.English, 0, "0 errors"},
		{language.Khmer, 1, "កំហុស 1"},
		{language.Khmer, 2, "កំហុស 2"},
		{language.Japanese, 1, "エラー1件"},
		{language.Japanese, 3, "エラー3件"},
	}
	for _, tt := range tests {
		if got := New(tt.lang).N("ErrorCount", tt.n); got != tt.want {
			t.Errorf("%s N(ErrorCount, %d) = %q, want %q", tt.lang, tt.n, got, tt.want)
		}
	}
}

func TestLookup(t *testing.T) {
	if s, ok := New(language.Japanese).Lookup("UsageHint", nil); !ok || s != "使い方は 'relloc --help' で確認してください。" {
		t.Errorf("ja Lookup(UsageHint) = %q, %v", s, ok)
	}
	if s, ok := New(language.Khmer).Lookup("no-such-message", nil); ok {
		t.Errorf("km Lookup(no-such-message) = %q, true; want false", s)
	}
	if _, ok := English.Lookup("UsageHint", nil); !ok {
		t.Errorf("en Lookup(UsageHint) = false")
	}
}

// TestNestedMessages: a Message or List in a message's fields is rendered in the printer's language first, and
// lang names a language tag in it.
func TestNestedMessages(t *testing.T) {
	args := Args{"Counts": List{
		{ID: "MarkupCount", Args: Args{"Kind": "emphasis", "English": 1, "Lang": "ja", "Count": 0}},
		{ID: "MarkupCount", Args: Args{"Kind": "link", "English": 2, "Lang": "ja", "Count": 1}},
	}}
	tests := []struct {
		lang language.Tag
		want string
	}{
		{language.English, "inline markup differs from the English (emphasis: English 1, ja 0; link: English 2, ja 1)"},
		{language.Khmer, "ស្លាកសម្គាល់ក្នុងអត្ថបទ ខុសពីអត្ថបទដើមភាសាអង់គ្លេស (emphasis៖ ភាសាអង់គ្លេស 1, ភាសាជប៉ុន 0; link៖ ភាសាអង់គ្លេស 2, ភាសាជប៉ុន 1)"},
		{language.Japanese, "インラインのマークアップが英語原文と異なります（emphasis: 英語 1、日本語 0；link: 英語 2、日本語 1）。"},
	}
	for _, tt := range tests {
		if got := New(tt.lang).T("MarkupMismatch", args); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.lang, got, tt.want)
		}
	}
	if _, ok := args["Counts"].(List); !ok {
		t.Errorf("T changed the caller's fields: %v", args)
	}
	if got := New(language.Japanese).LangName("not a tag!"); got != "not a tag!" {
		t.Errorf("LangName of a bad tag = %q", got)
	}
}
