package ui

import (
	"io/fs"
	"maps"
	"regexp"
	"slices"
	"testing"

	"github.com/pelletier/go-toml/v2"
	"golang.org/x/text/language"
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

var field = regexp.MustCompile(`\{\{\s*\.(\w+)\s*\}\}`)

func fields(m map[string]string) []string {
	set := map[string]bool{}
	for _, s := range m {
		for _, f := range field.FindAllStringSubmatch(s, -1) {
			set[f[1]] = true
		}
	}
	return slices.Sorted(maps.Keys(set))
}

// TestCatalogues: every message id has English, Khmer and Japanese, in exactly the plural forms CLDR gives the
// language (English one and other, Khmer and Japanese other), with the template fields of the English.
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
