package termcsv

import (
	"bytes"
	"testing"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/glossary"
)

func TestWriteOmegaT(t *testing.T) {
	entries := []*glossary.Entry{
		{ID: "he", Category: glossary.Honorific, EN: glossary.English{Term: "H.E."},
			Targets: map[language.Tag]*glossary.Rendering{language.Japanese: {Policy: glossary.Omit}}},
		{ID: "deputy-prime-minister", Category: glossary.Office, Note: "MOFA writes 副首相\tfor foreign ministers.",
			EN:      glossary.English{Term: "Deputy Prime Minister", Variants: []string{"Deputy PM"}},
			Targets: map[language.Tag]*glossary.Rendering{language.Japanese: {Term: "副首相", Forbidden: []string{"副総理"}}}},
		{ID: "press-release", Category: glossary.Document, EN: glossary.English{Term: "Press Release"},
			Targets: map[language.Tag]*glossary.Rendering{language.Japanese: {Term: "報道発表", Variants: []string{"プレスリリース"}}}},
	}
	var buf bytes.Buffer
	if err := WriteOmegaT(&buf, entries, language.Japanese); err != nil {
		t.Fatal(err)
	}
	want := "# relloc glossary, English to ja, for OmegaT (source<TAB>target<TAB>comment)\n" +
		"Deputy Prime Minister\t副首相\trelloc:deputy-prime-minister; FORBIDDEN: 副総理; MOFA writes 副首相 for foreign ministers.\n" +
		"Deputy PM\t副首相\trelloc:deputy-prime-minister; FORBIDDEN: 副総理; MOFA writes 副首相 for foreign ministers.\n" +
		"Press Release\t報道発表\trelloc:press-release\n" +
		"Press Release\tプレスリリース\taccepted variant of 報道発表; relloc:press-release\n"
	if got := buf.String(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}
