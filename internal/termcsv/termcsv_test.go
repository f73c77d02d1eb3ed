package termcsv

import (
	"bytes"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/glossary"
	"github.com/relloc/relloc/internal/glossedit"
	"github.com/relloc/relloc/internal/testenv"
)

var targets = []language.Tag{language.Khmer, language.Japanese}

func seed(t *testing.T) *glossary.Glossary {
	t.Helper()
	g, err := glossary.Load(filepath.Join(testenv.RepoRoot(t), "glossary"), glossary.Options{Targets: targets}, filepath.Base)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestRoundTripSeed(t *testing.T) {
	g := seed(t)
	for _, opt := range []Options{{Targets: targets}, {Targets: targets, BOM: true, CRLF: true}} {
		var buf bytes.Buffer
		if err := Write(&buf, g.Entries, opt); err != nil {
			t.Fatal(err)
		}
		if opt.CRLF && !bytes.Contains(buf.Bytes(), []byte("\r\n")) {
			t.Error("CRLF asked, not written")
		}
		back, err := Read("seed.csv", buf.Bytes(), Options{Targets: targets})
		if err != nil {
			t.Fatalf("BOM=%v CRLF=%v: %v", opt.BOM, opt.CRLF, err)
		}
		if len(back) != len(g.Entries) {
			t.Fatalf("got %d entries back, want %d", len(back), len(g.Entries))
		}
		for i, e := range g.Entries {
			if !glossedit.Equal(e, back[i].Entry) {
				t.Errorf("BOM=%v CRLF=%v: entry %s differs after the round trip\ngot:  %+v\nwant: %+v", opt.BOM, opt.CRLF, e.ID, back[i].Entry, e)
			}
		}
	}
}

const head = "id,category,en,en_variants,en_case_sensitive,km,km_variants,km_forbidden,km_policy,ja,ja_variants,ja_forbidden,ja_policy,note,source\n"

func TestRead(t *testing.T) {
	in := "\ufeffid,category,en,ja,ja_policy,km,km_forbidden,note\r\n" +
		"he,honorific,H.E.,,omit,ឯកឧត្តម,,\"Khmer keeps it, always\"\r\n" +
		"\r\n" +
		"x,concept,X,エックス,,ក,ខ | គ,\r\n"
	es, err := Read("g.csv", []byte(in), Options{Targets: targets})
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 2 {
		t.Fatalf("got %d entries, want 2", len(es))
	}
	he, x := es[0].Entry, es[1].Entry
	if got := he.Targets[language.Japanese]; got == nil || got.Policy != glossary.Omit || got.Term != "" {
		t.Errorf("he ja: got %+v, want omit", got)
	}
	if got := he.Note; got != "Khmer keeps it, always" {
		t.Errorf("he note: got %q", got)
	}
	if got := strings.Join(x.Targets[language.Khmer].Forbidden, ","); got != "ខ,គ" {
		t.Errorf("x km forbidden: got %q, want ខ,គ", got)
	}
	if got := x.Targets[language.Japanese].Policy; got != glossary.Required {
		t.Errorf("x ja policy: got %q, want required", got)
	}
}

// TestReadGiven: a row gives exactly the fields of its non-empty cells, so that a merge keeps the others.
func TestReadGiven(t *testing.T) {
	in := "id,category,en,km,ja,ja_policy,en_case_sensitive\n" +
		"deputy-prime-minister,office,Deputy Prime Minister,ឧបនាយករដ្ឋមន្ត្រី,副総理,,false\n"
	es, err := Read("g.csv", []byte(in), Options{Targets: targets})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for f := range es[0].Given {
		got = append(got, string(f))
	}
	sort.Strings(got)
	want := "category en.case_sensitive en.term ja.term km.term"
	if g := strings.Join(got, " "); g != want {
		t.Errorf("given: got %q, want %q", g, want)
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"bare quote", head + "he,honorific,H.E.\"x,,,,,,,,,,,,\n", []string{`g.csv:2:18: malformed CSV: bare " in non-quoted-field`}},
		{"unclosed quote", head + "he,honorific,\"H.E.,,,,,,,,,,,,\n", []string{`g.csv:2:`, `extraneous or missing " in quoted-field`}},
		{"wrong cell count", head + "he,honorific,H.E.\n", []string{`g.csv:2:1: row 2 has 3 cells, the header has 15`}},
		{"bad category", head + "he,honourific,H.E.,,,,,,,,,,,,\n", []string{`g.csv:2:4: row 2, column category: category "honourific" is not one of`}},
		{"bad policy", head + "he,honorific,H.E.,,,,,,,,,,never,,\n", []string{`g.csv:2:28: row 2, column ja_policy: policy "never"`}},
		{"bad boolean", head + "he,honorific,H.E.,,yes,,,,,,,,,,\n", []string{`g.csv:2:20: row 2, column en_case_sensitive: "yes" is not true, false or empty`}},
		{"empty form", head + "he,honorific,H.E.,A || B,,,,,,,,,,,\n", []string{`g.csv:2:19: row 2, column en_variants: empty form`}},
		{"unknown column", "id,category,en,fr\n", []string{`g.csv:1:16: unknown column "fr"`}},
		{"missing column", "id,category\n", []string{`g.csv:1:1: missing column "en"`}},
		{"duplicate id", head + "he,honorific,H.E.,,,,,,,,,,,,\nhe,honorific,H.E.,,,,,,,,,,,,\n", []string{`g.csv:3:1: row 3: duplicate id "he" (first in row 2)`}},
		{"glossary rule", head + "x,concept,X,,,ក,,ក,,,,,,,\n", []string{`g.csv:2:1: row 2: km rendering "ក" of entry "x" is also listed as forbidden`}},
		{"no English", head + "x,concept,,,,,,,,,,,,,\n", []string{`g.csv:2:1: row 2: entry "x" has no English term`}},
		{"control character", head + "mfaic,organisation,\"Ministry\x1b[31m\",MFAIC | MOFA\x07,,,,,,,,,,,\n", []string{`g.csv:2:1: row 2: en.term "Ministry\x1b[31m" holds a control character`, `en.variants "MOFA\a" holds a control character`}},
		{"empty file", "", []string{`g.csv:1:1: empty CSV file`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read("g.csv", []byte(tt.in), Options{Targets: targets})
			if err == nil {
				t.Fatalf("got no error, want %q", tt.want)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("got %q, want it to contain %q", err, w)
				}
			}
		})
	}
}

func TestWriteRefusesSeparator(t *testing.T) {
	e := &glossary.Entry{ID: "x", Category: glossary.Concept, EN: glossary.English{Term: "X", Variants: []string{"A|B"}}}
	err := Write(&bytes.Buffer{}, []*glossary.Entry{e}, Options{Targets: targets})
	if err == nil || !strings.Contains(err.Error(), `contains "|"`) {
		t.Errorf("got %v, want an error about |", err)
	}
}
