package check

import (
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/ui"
)

// TestSelfTestInKhmerAndJapanese renders every finding of the self-test sample, which every rule fires on, in
// Khmer and in Japanese: each has a message id, and no message falls back to its id or to English, or leaves a
// template field empty.
func TestSelfTestInKhmerAndJapanese(t *testing.T) {
	rep, err := SelfTest()
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Result.Findings) == 0 {
		t.Fatal("the self-test sample gave no findings")
	}
	script := map[language.Tag][]*unicode.RangeTable{
		language.Khmer:    {unicode.Khmer},
		language.Japanese: {unicode.Hiragana, unicode.Katakana, unicode.Han},
	}
	for lang, tables := range script {
		p := ui.New(lang)
		for _, f := range rep.Result.Findings {
			if f.MessageID == "" {
				t.Errorf("%s %s: %q has no message id", f.Rule, expectationOf(f), f.Message)
				continue
			}
			got := f.In(p)
			switch {
			case got == f.MessageID:
				t.Errorf("%s: %s renders as its id", lang, f.MessageID)
			case got == f.Message:
				t.Errorf("%s: %s renders in English: %q", lang, f.MessageID, got)
			case strings.Contains(got, "<no value>"):
				t.Errorf("%s: %s leaves a field empty: %q", lang, f.MessageID, got)
			case !hasScript(strings.ReplaceAll(got, f.Found, ""), tables):
				t.Errorf("%s: %s is not written in the language: %q", lang, f.MessageID, got)
			}
		}
	}
}

func hasScript(s string, tables []*unicode.RangeTable) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.In(r, tables...) }) >= 0
}
