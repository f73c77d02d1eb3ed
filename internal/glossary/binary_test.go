package glossary

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/relloc/relloc/internal/scalegen"
)

// rich gives every field of an entry: variants given empty and not given, contexts with surroundings and a
// reference, data of a term base, a note and a source, in a second file.
const rich = `[[entry]]
id = "japan"
category = "place"
note = """Japan."""
source = "MOFA"
data = [{element = "descrip", type = "definition", value = "A country in East Asia."},
        {lang = "fr", term = "Japon", element = "term", value = "Japon"}]

[entry.en]
term = "Japan"
variants = []
case_sensitive = true

[entry.km]
term = "ជប៉ុន"
variants = ["ប្រទេសជប៉ុន"]
forbidden = ["ជប៉ុឯ"]
policy = "optional"

[entry.ja]
term = "日本"

[[entry.ja.context]]
form = "日"
preceded_by = ["訪", "来"]

[[entry.ja.context]]
form = "日"
followed_by = ["カンボジア", "・カンボジア"]

[[entry.ja.context]]
form = "両国"
reference = true
`

// TestBinaryRoundTrip: Decode gives back what Parse gave, every field of every entry, the positions of its keys
// included; a form cut short or with a byte changed is an error or another glossary, never a panic.
func TestBinaryRoundTrip(t *testing.T) {
	seed, err := os.ReadFile("../../glossary/seed.toml")
	if err != nil {
		t.Fatal(err)
	}
	for _, files := range [][]File{
		{{Path: "glossary/a.toml", Data: []byte(valid)}, {Path: "glossary/b.toml", Data: []byte(rich)}},
		{{Path: "glossary/seed.toml", Data: seed}},
	} {
		g, err := Parse(files, targets)
		if err != nil {
			t.Fatal(err)
		}
		form := Encode(g)
		got, err := Decode(form, targets)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, g) {
			t.Fatalf("%s: Decode(Encode(g)) is not g", files[0].Path)
		}
		if again := Encode(got); string(again) != string(form) {
			t.Errorf("%s: the same glossary gives another form", files[0].Path)
		}
		for _, e := range g.Entries {
			if x, ok := got.Lookup(e.ID); !ok || !reflect.DeepEqual(x, e) {
				t.Errorf("%s: the decoded glossary does not look up %s", files[0].Path, e.ID)
			}
		}
	}
	small := Encode(mustParse(t, valid))
	for n := range len(small) {
		if _, err := Decode(small[:n], targets); err == nil {
			t.Errorf("Decode of the form cut at %d of %d gave no error", n, len(small))
		}
	}
	for i := range small {
		damaged := append([]byte(nil), small...)
		damaged[i] ^= 0x5a
		_, _ = Decode(damaged, targets)
	}
}

func mustParse(t *testing.T, data string) *Glossary {
	t.Helper()
	g, err := Parse([]File{{Path: "g.toml", Data: []byte(data)}}, targets)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// BenchmarkLoad5000 parses the glossary of a generated workspace of 5,000 entries (package scalegen, as make
// bench-scale writes it) and decodes its binary form, which a warm command reads instead.
func BenchmarkLoad5000(b *testing.B) {
	var files []File
	_, err := scalegen.Generate(scalegen.Config{Releases: 1, Entries: 5000, Seed: 1}, func(path string, data []byte) error {
		if strings.HasPrefix(path, "glossary/") {
			files = append(files, File{Path: path, Data: data})
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	g, err := Parse(files, targets)
	if err != nil {
		b.Fatal(err)
	}
	if len(g.Entries) != 5000 {
		b.Fatalf("%d entries", len(g.Entries))
	}
	b.Run("parse", func(b *testing.B) {
		for b.Loop() {
			if _, err := Parse(files, targets); err != nil {
				b.Fatal(err)
			}
		}
	})
	form := Encode(g)
	b.Run("decode", func(b *testing.B) {
		for b.Loop() {
			if _, err := Decode(form, targets); err != nil {
				b.Fatal(err)
			}
		}
	})
}
