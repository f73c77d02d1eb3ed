package termcsv

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

// pieces are what generated text is made of: Khmer and Japanese words, Latin words, and everything a CSV or a
// spreadsheet may choke on: quotes, commas, the list separator's bar, CR, LF, CR LF, tabs and runs of spaces.
var pieces = []string{"ឯកឧត្តម", "កិច្ចសហប្រតិបត្តិការ", "外務大臣", "日・カンボジア", "ASEAN", "H.E.", "meeting",
	"\"", "\"\"", ",", ";", "|", "\r\n", "\n", "\r", "\t", "  ", " ", "'", "#", "=", "１２", "១២"}

func text(r *rand.Rand, n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(pieces[r.IntN(len(pieces))])
	}
	return b.String()
}

// form is a term or variant: a rendering holds no control character and no list bar, but may hold quotes,
// commas and inner spaces.
func form(r *rand.Rand) string {
	for {
		s := strings.TrimSpace(text(r, 1+r.IntN(4)))
		if s != "" && !strings.ContainsAny(s, "|\r\n\t") {
			return s
		}
	}
}

func genEntry(r *rand.Rand, i int) *glossary.Entry {
	e := &glossary.Entry{ID: fmt.Sprintf("e%d", i), Category: glossary.Concept,
		EN:      glossary.English{Term: fmt.Sprintf("Term %d %s", i, form(r)), CaseSensitive: r.IntN(2) == 0},
		Note:    glossary.Prose(text(r, r.IntN(8))),
		Source:  glossary.Prose(text(r, r.IntN(5))),
		Targets: map[language.Tag]*glossary.Rendering{}}
	for _, lang := range targets {
		rd := &glossary.Rendering{Term: form(r) + fmt.Sprint(i), Policy: glossary.Required}
		for j := r.IntN(3); j > 0; j-- {
			rd.Variants = append(rd.Variants, form(r)+fmt.Sprintf("v%d", j))
		}
		e.Targets[lang] = rd
	}
	return e
}

// TestRoundTripProperty: every field of generated entries, with notes holding line breaks, tabs, runs of spaces,
// quotes, commas and bars, comes back from a CSV export unchanged, in both the plain and the spreadsheet (BOM,
// CRLF) layout. Notes are generated as the glossary stores them (glossary.Prose: line endings are LF).
func TestRoundTripProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 2026))
	var entries []*glossary.Entry
	for i := 0; i < 300; i++ {
		entries = append(entries, genEntry(r, i))
	}
	for _, opt := range []Options{{Targets: targets}, {Targets: targets, BOM: true, CRLF: true}} {
		var buf bytes.Buffer
		if err := Write(&buf, entries, opt); err != nil {
			t.Fatal(err)
		}
		back, err := Read("gen.csv", buf.Bytes(), Options{Targets: targets})
		if err != nil {
			t.Fatalf("CRLF=%v: %v", opt.CRLF, err)
		}
		if len(back) != len(entries) {
			t.Fatalf("CRLF=%v: %d entries back, want %d", opt.CRLF, len(back), len(entries))
		}
		for i, e := range entries {
			if !glossedit.Equal(e, back[i].Entry) {
				t.Errorf("CRLF=%v: entry %s changed:\n got note %q variants %q\nwant note %q variants %q", opt.CRLF, e.ID,
					back[i].Entry.Note, back[i].Entry.Targets[language.Khmer].Variants, e.Note, e.Targets[language.Khmer].Variants)
				break
			}
		}
	}
}
