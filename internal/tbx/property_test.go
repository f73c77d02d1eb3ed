package tbx

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/glossary"
	"github.com/relloc/relloc/internal/glossedit"
)

// xmlPieces are what generated notes and renderings are made of: Khmer, Japanese and Latin words, and what XML
// and a term base may mangle: markup characters, quotes, line breaks, tabs, runs of spaces, the bar.
var xmlPieces = []string{"ឯកឧត្តម", "សេចក្ដីប្រកាស", "林芳正", "日ASEAN", "Kingdom", "<b>", "&amp;", "&", "<", ">",
	"\"", "'", ",", "|", "\r\n", "\n", "\r", "\t", "   ", " ", "]]>", "ﾆｯﾎﾟﾝ"}

func xmlText(r *rand.Rand, n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(xmlPieces[r.IntN(len(xmlPieces))])
	}
	return b.String()
}

func xmlForm(r *rand.Rand) string {
	for {
		s := strings.TrimSpace(xmlText(r, 1+r.IntN(3)))
		if s != "" && !strings.ContainsAny(s, "\r\n\t") {
			return s
		}
	}
}

// TestRoundTripProperty: generated entries with notes and sources holding markup characters, line breaks, tabs
// and runs of spaces, and renderings with inner spaces and quotes, come back from both TBX dialects unchanged.
// Notes are generated as the glossary stores them (glossary.Prose: line endings are LF).
func TestRoundTripProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 2008))
	var in []*glossary.Entry
	for i := 0; i < 200; i++ {
		e := &glossary.Entry{ID: fmt.Sprintf("e%d", i), Category: glossary.Concept,
			EN:      glossary.English{Term: fmt.Sprintf("Term %d %s", i, xmlForm(r))},
			Note:    glossary.Prose(xmlText(r, r.IntN(8))),
			Source:  glossary.Prose(xmlText(r, r.IntN(4))),
			Targets: map[language.Tag]*glossary.Rendering{}}
		for _, lang := range opt.Targets {
			rd := &glossary.Rendering{Term: xmlForm(r) + fmt.Sprint(i), Policy: glossary.Required}
			for j := r.IntN(3); j > 0; j-- {
				rd.Variants = append(rd.Variants, xmlForm(r)+fmt.Sprintf("v%d", j))
			}
			e.Targets[lang] = rd
		}
		in = append(in, e)
	}
	for _, d := range []Dialect{TBX2008, TBXv3} {
		o := opt
		o.Dialect = d
		var buf bytes.Buffer
		if err := Write(&buf, in, o); err != nil {
			t.Fatal(err)
		}
		out, err := Read("gen.tbx", buf.Bytes(), o)
		if err != nil {
			t.Fatalf("dialect %d: %v", d, err)
		}
		if len(out) != len(in) {
			t.Fatalf("dialect %d: %d entries back, want %d", d, len(out), len(in))
		}
		for i := range in {
			if !glossedit.Equal(in[i], out[i].Entry) {
				t.Errorf("dialect %d: entry %s changed:\n got note %q source %q\nwant note %q source %q", d, in[i].ID,
					out[i].Entry.Note, out[i].Entry.Source, in[i].Note, in[i].Source)
				break
			}
		}
	}
}
