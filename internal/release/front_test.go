package release

import (
	"bytes"
	"reflect"
	"testing"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2"
)

// asDecoder fails t unless quickFront either declines header or decodes it as the TOML decoder does; it
// reports whether quickFront decoded it.
func asDecoder(t *testing.T, name string, header []byte) bool {
	t.Helper()
	var got FrontMatter
	if !quickFront(header, &got) {
		return false
	}
	var want FrontMatter
	dec := toml.NewDecoder(bytes.NewReader(header))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&want); err != nil {
		t.Fatalf("%s: quickFront decoded %q, which the decoder rejects: %v", name, header, err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%s: quickFront(%q)\n got %+v\nwant %+v", name, header, got, want)
	}
	return true
}

// quickFrontCases are headers that quickFront decodes (true) or leaves to the decoder (false).
var quickFrontCases = map[string]bool{
	"":                         true,
	"id = \"a\"\n":             true,
	"id = \"\"\n":              true,
	"id = \"x = \\\"y\\\"\"\n": false,
	"id = \"a\"\nplace = \"Phnom Penh\"\nstatus = \"draft\"\ndate = 2021-11-18\n": true,
	"place = \"ភ្នំពេញ\"\n":                                                       true,
	"place = \"東京\"\n":                                                            true,
	"date = 2020-02-29\n":                                                         true,
	"date = 2021-02-29\n":                                                         false,
	"date = 2021-13-01\n":                                                         false,
	"date = 2021-00-10\n":                                                         false,
	"date = 2021-04-31\n":                                                         false,
	"date = 0000-01-01\n":                                                         true,
	"date = 2021-1-01\n":                                                          false,
	"date = 2021-11-18T10:00:00\n":                                                false,
	"date = \"2021-11-18\"\n":                                                     false,
	"id = \"a\"\nid = \"b\"\n":                                                    false,
	"id = \"a\\tb\"\n":                                                            false,
	"id = \"a\tb\"\n":                                                             false,
	"id = \"a\x7fb\"\n":                                                           false,
	"id = 'a'\n":                                                                  false,
	"id = \"a\" # note\n":                                                         false,
	"id=\"a\"\n":                                                                  false,
	"id  = \"a\"\n":                                                               false,
	"id = \"a\"\r\n":                                                              false,
	"id = \"a\"":                                                                  false,
	"# note\nid = \"a\"\n":                                                        false,
	"\nid = \"a\"\n":                                                              false,
	"title = \"a\"\n":                                                             false,
	"id = \"a\"\n[source]\n\"0e1a1ae4feed9ddf\" = \"x\"\n": false,
	"place = \"\"\"\nid = \"x\"\n\"\"\"\n":                 false,
	"\"id\" = \"a\"\n":                                     false,
	"status = \"\"\"a\"\"\"\n":                             false,
	"id = \"\"\"\n":                                        false,
}

func TestQuickFront(t *testing.T) {
	for header, quick := range quickFrontCases {
		if got := asDecoder(t, "case", []byte(header)); got != quick {
			t.Errorf("quickFront(%q) = %v, want %v", header, got, quick)
		}
	}
}

// TestQuickFrontAsDecoder holds quickFront to the TOML decoder on the front matter of every Markdown text at
// hand (markdownTexts), and checks that it decoded most of them.
func TestQuickFrontAsDecoder(t *testing.T) {
	texts := markdownTexts(t)
	headers, quick := 0, 0
	for name, src := range texts {
		rest, ok := bytes.CutPrefix(src, []byte("+++\n"))
		if !ok {
			continue
		}
		header, _, ok := bytes.Cut(rest, []byte("\n+++\n"))
		if !ok {
			continue
		}
		header = append(header, '\n')
		headers++
		if asDecoder(t, name, header) {
			quick++
		}
	}
	if headers < 100 || quick < headers/2 {
		t.Errorf("quickFront decoded %d of %d headers: too few to compare", quick, headers)
	}
	t.Logf("quickFront decoded %d of %d headers", quick, headers)
}

// FuzzQuickFront feeds quickFront arbitrary headers of UTF-8 text (as CheckText leaves them): what it decodes,
// the decoder must decode alike.
func FuzzQuickFront(f *testing.F) {
	for header := range quickFrontCases {
		f.Add(header)
	}
	f.Fuzz(func(t *testing.T, header string) {
		if !utf8.ValidString(header) {
			return
		}
		asDecoder(t, "fuzz", []byte(header))
	})
}
