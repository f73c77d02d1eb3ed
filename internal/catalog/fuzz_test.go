package catalog

import (
	"os"
	"testing"

	"golang.org/x/text/language"
)

// FuzzParse feeds Parse arbitrary message files: a catalogue or an error, never a panic.
func FuzzParse(f *testing.F) {
	for _, name := range []string{"active.en.toml", "active.km.toml", "active.ja.toml"} {
		if data, err := os.ReadFile("../../locale/" + name); err == nil {
			f.Add(string(data))
		}
	}
	for _, s := range []string{
		"[Letterhead]\nother = \"KINGDOM OF CAMBODIA\"\n", "[Days]\none = \"{{.Count}} day\"\nother = \"{{.Count}} days\"\n",
		"[X]\nother = \"{{.Broken\"\n", "X = 1\n", "\xff", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data string) {
		Parse(language.English, []File{{Path: "active.ja.toml", Data: []byte(data)}})
	})
}
