package cli

import (
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/glossary"
)

// TestWriteEntryContext: glossary show lists the forms an entry counts in context, in the exchange notation.
func TestWriteEntryContext(t *testing.T) {
	data := `[[entry]]
id = "japan"
category = "place"
[entry.en]
term = "Japan"
[entry.ja]
term = "日本"
[[entry.ja.context]]
form = "日"
preceded_by = ["訪", "来"]
[[entry.ja.context]]
form = "我が国"
reference = true
`
	targets := []language.Tag{language.Khmer, language.Japanese}
	g, err := glossary.Parse([]glossary.File{{Path: "glossary/places.toml", Data: []byte(data)}}, glossary.Options{Targets: targets})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := writeEntry(&b, g.Entries[0], targets); err != nil {
		t.Fatal(err)
	}
	if want := "  in context:  [訪,来]日; ~我が国\n"; !strings.Contains(b.String(), want) {
		t.Errorf("got\n%s\nwant a line %q", b.String(), want)
	}
}
