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

// TestRoundTripFixtureSetsEveryField: the glossaries TestBinaryRoundTrip encodes give every field of every
// struct of this package that an entry holds a value other than its zero somewhere, so that a field added to
// Entry, Rendering or what they hold, and left out of Encode, makes the round trip fail rather than pass on a
// fixture that never sets it.
func TestRoundTripFixtureSetsEveryField(t *testing.T) {
	g, err := Parse([]File{{Path: "glossary/a.toml", Data: []byte(valid)}, {Path: "glossary/b.toml", Data: []byte(rich)}}, targets)
	if err != nil {
		t.Fatal(err)
	}
	pkg := reflect.TypeFor[Entry]().PkgPath()
	set := map[reflect.Type]map[int]bool{}
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Slice, reflect.Array:
			for i := range v.Len() {
				walk(v.Index(i))
			}
		case reflect.Map:
			for it := v.MapRange(); it.Next(); {
				walk(it.Key())
				walk(it.Value())
			}
		case reflect.Struct:
			if v.Type().PkgPath() != pkg {
				return
			}
			if set[v.Type()] == nil {
				set[v.Type()] = map[int]bool{}
			}
			for i := range v.NumField() {
				if !v.Field(i).IsZero() {
					set[v.Type()][i] = true
				}
				walk(v.Field(i))
			}
		}
	}
	for _, e := range g.Entries {
		walk(reflect.ValueOf(e))
	}
	seen := map[reflect.Type]bool{}
	var check func(ty reflect.Type)
	check = func(ty reflect.Type) {
		switch ty.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Array:
			check(ty.Elem())
		case reflect.Map:
			check(ty.Key())
			check(ty.Elem())
		case reflect.Struct:
			if ty.PkgPath() != pkg || seen[ty] {
				return
			}
			seen[ty] = true
			for i := range ty.NumField() {
				if !set[ty][i] {
					t.Errorf("no entry of the round trip's glossaries sets %s.%s", ty.Name(), ty.Field(i).Name)
				}
				check(ty.Field(i).Type)
			}
		}
	}
	check(reflect.TypeFor[Entry]())
}
