package glossary

import (
	"os"
	"reflect"
	"testing"

	"github.com/relloc/relloc/internal/inputerr"
)

// FuzzParse feeds Parse arbitrary glossary files: it returns a glossary or input errors, never panics, every
// entry it accepts has an id, an English term and terms without control characters, and its binary form gives
// it back.
func FuzzParse(f *testing.F) {
	if data, err := os.ReadFile("../../glossary/seed.toml"); err == nil {
		f.Add(string(data))
	}
	for _, s := range []string{
		valid, rich, " ",
		"[[entry]]\nid = \"x\"\ncategory = \"place\"\n[entry.en]\nterm = \"Phnom Penh\\u001b[31m\"\n",
		"[[entry]]\nid = \"x\"\n[[entry]]\nid = \"x\"\n", "[[entry]]\n[entry.km]\nforbidden = [1]\n", "[entry]\n",
		"\xff", "[[entry]]\r\nid = \"a\"\r\n", "# [[entry]]\n'''\n[[entry]]\n'''\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data string) {
		g, err := Parse([]File{{Path: "g.toml", Data: []byte(data)}}, targets)
		if err != nil {
			if !inputerr.Is(err) {
				t.Fatalf("Parse(%q): error %v is not an input error", data, err)
			}
			return
		}
		for _, e := range g.Entries {
			if e.ID == "" || e.EN.Term == "" {
				t.Fatalf("Parse(%q): accepted entry %+v", data, e)
			}
		}
		if back, err := Decode(Encode(g), targets); err != nil || !reflect.DeepEqual(back, g) {
			t.Fatalf("Parse(%q): the binary form does not give the glossary back (%v)", data, err)
		}
	})
}
