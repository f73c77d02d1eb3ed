package index

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/glossary"
)

const glossaryV1 = `[[entry]]
id = "he"
category = "honorific"
[entry.en]
term = "H.E."
case_sensitive = true
[entry.km]
term = "ឯកឧត្តម"
[entry.ja]
policy = "omit"
`

// TestGlossaryKept: a command reads the glossary the index keeps while its files and relloc's build are those it
// was parsed from, and parses the files again, keeping the new glossary, when a file was edited, when another
// build kept it, when the copy kept is damaged; a glossary with errors is reported as Parse reports it; a
// workspace without an index folder gets no copy.
func TestGlossaryKept(t *testing.T) {
	root := t.TempDir()
	opt := glossary.Options{Targets: []language.Tag{language.Khmer, language.Japanese}}
	files := []glossary.File{{Path: "glossary/g.toml", Data: []byte(glossaryV1)}}
	kept := filepath.Join(root, Dir, GlossaryName)
	parsed := func(files []glossary.File) *glossary.Glossary {
		t.Helper()
		g, err := glossary.Parse(files, opt)
		if err != nil {
			t.Fatal(err)
		}
		return g
	}
	load := func(files []glossary.File, want *glossary.Glossary) {
		t.Helper()
		g, err := Glossary(root, files, opt)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(g, want) {
			t.Errorf("Glossary gives entries %v, want %v", g.Entries, want.Entries)
		}
	}

	// No index folder: parsed, and nothing written.
	load(files, parsed(files))
	if _, err := os.Stat(kept); !os.IsNotExist(err) {
		t.Fatalf("a workspace without an index got a copy of its glossary: %v", err)
	}

	// With one: parsed and kept, then read from the copy. A copy of another glossary under the same key shows
	// which is read.
	if err := os.Mkdir(filepath.Join(root, Dir), 0o755); err != nil {
		t.Fatal(err)
	}
	load(files, parsed(files))
	if _, err := os.Stat(kept); err != nil {
		t.Fatalf("the glossary was not kept: %v", err)
	}
	other := parsed([]glossary.File{{Path: "glossary/g.toml", Data: []byte(strings.Replace(glossaryV1, `"he"`, `"his-excellency"`, 1))}})
	plant := func() {
		t.Helper()
		if err := os.WriteFile(kept, encodeGlossary(other, glossaryKey(files, opt)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	plant()
	load(files, other)

	// An edited file: parsed again, and the new glossary kept.
	edited := []glossary.File{{Path: "glossary/g.toml", Data: []byte(strings.Replace(glossaryV1, "ឯកឧត្តម", "ឯកឧត្ដម", 1))}}
	load(edited, parsed(edited))
	data, err := os.ReadFile(kept)
	if err != nil {
		t.Fatal(err)
	}
	if g, err := decodeGlossary(data, glossaryKey(edited, opt), opt); err != nil || !reflect.DeepEqual(g, parsed(edited)) {
		t.Errorf("the edited glossary was not kept: %v", err)
	}
	// Other options are another key.
	plant()
	load(files, other)
	partial := opt
	partial.Partial = true
	if g, err := Glossary(root, files, partial); err != nil || g.Entries[0].ID != "he" {
		t.Errorf("Glossary with other options read the copy kept with others: %v", err)
	}

	// Another build: parsed again.
	plant()
	func() {
		defer func(k func() string) { buildKey = k }(buildKey)
		buildKey = func() string { return "another build\n" }
		load(files, parsed(files))
	}()

	// A damaged copy: a byte of the glossary changed, or the file cut short.
	for _, damage := range []func([]byte) []byte{
		func(b []byte) []byte { b[len(b)-3] ^= 1; return b },
		func(b []byte) []byte { return b[:len(b)/2] },
		func(b []byte) []byte { return b[:10] },
	} {
		plant()
		data, err := os.ReadFile(kept)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(kept, damage(data), 0o644); err != nil {
			t.Fatal(err)
		}
		load(files, parsed(files))
		data, err = os.ReadFile(kept)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := decodeGlossary(data, glossaryKey(files, opt), opt); err != nil {
			t.Errorf("a damaged copy was not replaced: %v", err)
		}
	}

	// A glossary with errors: Parse's errors, whatever is kept.
	plant()
	bad := []glossary.File{{Path: "glossary/g.toml", Data: []byte(glossaryV1 + "[entry.fr]\nterm = \"S.E.\"\n")}}
	_, want := glossary.Parse(bad, opt)
	if _, err := Glossary(root, bad, opt); want == nil || err == nil || err.Error() != want.Error() {
		t.Errorf("a glossary with errors: %v, want %v", err, want)
	}
}
