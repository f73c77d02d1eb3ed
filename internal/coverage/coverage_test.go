package coverage

import (
	"encoding/json"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/bitext"
	"github.com/relloc/relloc/internal/glossary"
	"github.com/relloc/relloc/internal/release"
	"github.com/relloc/relloc/internal/ui"
)

func phrases(text string, covered []Span) []string {
	var out []string
	for _, s := range Extract(text, covered) {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

// cover returns the span of each of terms in text.
func cover(text string, terms ...string) []Span {
	var out []Span
	for _, t := range terms {
		i := strings.Index(text, t)
		out = append(out, Span{i, i + len(t)})
	}
	return out
}

func TestExtract(t *testing.T) {
	tests := []struct {
		name, text string
		covered    []string
		want       string
	}{
		{"office with connector", "He was appointed Ambassador Extraordinary and Plenipotentiary of Japan to Cambodia.", nil,
			"Ambassador Extraordinary and Plenipotentiary of Japan|Cambodia"[:len("Ambassador Extraordinary and Plenipotentiary of Japan")]},
		{"event with a possessive plural", "the Five-point Consensus agreed at the ASEAN Leaders' Meeting on 24 April 2021", nil,
			"Five-point Consensus|ASEAN Leaders' Meeting"},
		{"family name in capitals after a covered title", "H.E. HAYASHI Yoshimasa, Minister of Foreign Affairs of Japan", []string{"H.E.", "Minister of Foreign Affairs of Japan"},
			"HAYASHI Yoshimasa"},
		{"single name after a title", "Mr. Tanaka met H.E. Sokhonn.", []string{"H.E."}, "Mr. Tanaka|Sokhonn"},
		{"sentence starts are not names", "The two Foreign Ministers met. On 18 November 2021, they spoke. He thanked Japan.", nil, "Foreign Ministers"},
		{"glossary terms split a run", "Deputy Prime Minister Prak Sokhonn", []string{"Deputy Prime Minister"}, "Prak Sokhonn"},
		{"covered phrase is no candidate", "the ASEAN-Japan Summit", []string{"ASEAN-Japan Summit"}, ""},
		{"an acronym alone", "the success of ASEAN in 2022", nil, "ASEAN"},
		{"a shouting heading is skipped", "MINISTRY OF FOREIGN AFFAIRS AND INTERNATIONAL COOPERATION", nil, ""},
		{"punctuation ends a name", "Phnom Penh, Tokyo", nil, "Phnom Penh"},
		{"possessive dropped", "supported Cambodia's Ministry of Health's plan", nil, "Ministry of Health"},
		{"lower-case text", "a cordial telephone conversation", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := strings.Join(phrases(tt.text, cover(tt.text, tt.covered...)), "|")
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestWordsCovered checks that words marks the words a glossary match covers the same whether the spans come in
// order (passed along with the words) or not (each compared with every word), on random texts and spans.
func TestWordsCovered(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	pieces := []string{"Minister", "of", "Foreign", "Affairs", "H.E.", "ASEAN-Japan", "Leaders'", " ", " ", ", ", ".", "ក្រសួង", "é"}
	for range 3000 {
		var b strings.Builder
		for range r.IntN(16) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		text := b.String()
		var spans []Span // in order, apart, some empty
		for at := 0; at < len(text); {
			start := at + r.IntN(8)
			end := min(start+r.IntN(12), len(text))
			if start > end {
				break
			}
			spans = append(spans, Span{start, end})
			at = end
		}
		reversed := slices.Clone(spans)
		slices.Reverse(reversed)
		if len(spans) < 2 {
			reversed = append(reversed, Span{len(text), len(text)}, Span{0, 0}) // out of order, covering nothing
		}
		if got, want := words(text, spans), words(text, reversed); !slices.Equal(got, want) {
			t.Fatalf("words(%q, %v)\ngot:  %+v\nwant: %+v", text, spans, got, want)
		}
	}
	for c := rune(0); c < utf8.RuneSelf; c++ {
		if got, want := inWord(c), unicode.IsLetter(c) || unicode.IsDigit(c) || unicode.IsMark(c); got != want {
			t.Errorf("inWord(%q) = %v, want %v", c, got, want)
		}
	}
}

func TestCandidates(t *testing.T) {
	texts := []Text{
		{Release: "r2", Text: "Ambassador Extraordinary and Plenipotentiary UEHARA Atsushi presented his credentials."},
		{Release: "r1", Text: "The new Ambassador Extraordinary and Plenipotentiary of Japan arrived."},
		{Release: "r1", Text: "She met the Ambassador Extraordinary and Plenipotentiary of Japan."},
	}
	got := Candidates(texts)
	want := []Candidate{
		{Phrase: "Ambassador Extraordinary and Plenipotentiary of Japan", Count: 2, Releases: []string{"r1"}},
		{Phrase: "Ambassador Extraordinary and Plenipotentiary UEHARA Atsushi", Count: 1, Releases: []string{"r2"}},
	}
	gj, _ := json.Marshal(got)
	wj, _ := json.Marshal(want)
	if string(gj) != string(wj) {
		t.Errorf("got  %s\nwant %s", gj, wj)
	}
}

var targets = []language.Tag{language.Khmer, language.Japanese}

const gloss = `[[entry]]
id = "he"
category = "honorific"
[entry.en]
term = "H.E."
case_sensitive = true
[entry.km]
term = "ឯកឧត្តម"
[entry.ja]
policy = "omit"

[[entry]]
id = "foreign-minister"
category = "office"
[entry.en]
term = "Foreign Minister"
[entry.km]
term = "រដ្ឋមន្ត្រីការបរទេស"
[entry.ja]
term = "外務大臣"

[[entry]]
id = "japan"
category = "place"
[entry.en]
term = "Japan"
[entry.ja]
term = "日本"
`

func loadGlossary(t *testing.T) *glossary.Glossary {
	g, err := glossary.Parse([]glossary.File{{Path: "g.toml", Data: []byte(gloss)}}, glossary.Options{Targets: targets})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestGlossaryCompleteness(t *testing.T) {
	c := GlossaryCompleteness(loadGlossary(t), targets)
	if c.Entries != 3 || c.Complete["km"] != 66.66 || c.Complete["ja"] != 100 {
		t.Errorf("got entries=%d km=%v ja=%v, want 3, 66.66, 100", c.Entries, c.Complete["km"], c.Complete["ja"])
	}
	if got := strings.Join(c.Missing["km"], ","); got != "japan" {
		t.Errorf("missing km: got %q, want japan", got)
	}
}

func TestBuild(t *testing.T) {
	g := loadGlossary(t)
	files := []release.File{
		{Path: "r/en.md", Lang: language.English, Data: []byte("H.E. the Foreign Minister of Japan met the Ambassador Extraordinary and Plenipotentiary.\n\nJapan and Cambodia agreed.\n")},
		{Path: "r/ja.md", Lang: language.Japanese, Data: []byte("外務大臣は特命全権大使と会談した。\n\n日本とカンボジアは合意した。\n")},
		{Path: "r/km.md", Lang: language.Khmer, Data: []byte("ឯកឧត្តម រដ្ឋមន្ត្រីការបរទេស បានជួប។\n\nកម្ពុជា បានឯកភាព។\n")},
	}
	rel, err := release.Parse("releases/2024-01-01-test", language.English, files)
	if err != nil {
		t.Fatal(err)
	}
	a := bitext.NewAnchors(g, language.English, append([]language.Tag{language.English}, targets...))
	bt := bitext.Align(rel, language.English, targets, a)
	r := Build(Input{Glossary: g, Source: language.English, Targets: targets, Bitexts: []*bitext.Bitext{bt}, Anchors: a})

	// ja: Foreign Minister and Japan twice are required (H.E. is omit): 外務大臣 yes, 日本 once of twice.
	// km: H.E. and Foreign Minister are required (japan has no km term): both rendered.
	got := map[string]Release{}
	for _, rc := range r.Releases {
		got[rc.Lang] = rc
	}
	if ja := got["ja"]; ja.Occurrences != 3 || ja.Rendered != 2 || ja.Coverage != 66.66 {
		t.Errorf("ja: got %+v, want 3 occurrences, 2 rendered, 66.66", ja)
	}
	if km := got["km"]; km.Occurrences != 2 || km.Rendered != 2 || km.Coverage != 100 {
		t.Errorf("km: got %+v, want 2 occurrences, 2 rendered, 100", km)
	}
	found := false
	for _, c := range r.Candidates {
		if c.Phrase == "Ambassador Extraordinary and Plenipotentiary" {
			found = c.Count == 1 && len(c.Releases) == 1 && c.Releases[0] == "2024-01-01-test"
		}
		if c.Phrase == "Foreign Minister" || c.Phrase == "Japan" {
			t.Errorf("glossary term %q listed as a candidate", c.Phrase)
		}
	}
	if !found {
		t.Errorf("Ambassador Extraordinary and Plenipotentiary is not a candidate: %+v", r.Candidates)
	}
	var below []string
	for _, m := range r.Below(100) {
		below = append(below, ui.English.M(m))
	}
	if len(below) != 2 || !strings.Contains(below[0], "glossary completeness in km is 66.66%") || !strings.Contains(below[1], "ja coverage is 66.66% (2 of 3)") {
		t.Errorf("Below(100): got %q", below)
	}
	if b := r.Below(50); len(b) != 0 {
		t.Errorf("Below(50): got %q, want nothing", b)
	}
	js, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{`"glossary":{"entries":3,"complete":{`, `"releases":[{"release":"2024-01-01-test","lang":`, `"candidates":[{"phrase":`} {
		if !strings.Contains(string(js), key) {
			t.Errorf("JSON lacks %s:\n%s", key, js)
		}
	}
}

func TestPercent(t *testing.T) {
	tests := []struct {
		part, whole int
		want        float64
	}{{0, 0, 100}, {1, 3, 33.33}, {2, 3, 66.66}, {99999, 100000, 99.99}, {5, 5, 100}}
	for _, tt := range tests {
		if got := percent(tt.part, tt.whole); got != tt.want {
			t.Errorf("percent(%d, %d): got %v, want %v", tt.part, tt.whole, got, tt.want)
		}
	}
}

// TestFoldSpaces checks foldSpaces against strings.Join(strings.Fields(s), " ") on random texts of words, white
// space of every kind (no-break and ideographic spaces too) and other characters.
func TestFoldSpaces(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	pieces := []string{"Prak", "Sokhonn", "H.E.", " ", " ", "  ", "\t", "\n", "\r\n", "\u00a0", "\u3000", "\u2003",
		"\x01", "\x7f", "é", "ក្រសួង", "-"}
	for range 5000 {
		var b strings.Builder
		for range r.IntN(8) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		if got, want := foldSpaces(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Fatalf("foldSpaces(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestExtractReusesWords checks that extract, given the words of the texts before, finds in each text what
// Extract finds in it alone.
func TestExtractReusesWords(t *testing.T) {
	texts := []string{
		"He was appointed Ambassador Extraordinary and Plenipotentiary of Japan to Cambodia on 3 May.",
		"Mr. Tanaka met H.E. Sokhonn.",
		"MINISTRY OF FOREIGN AFFAIRS",
		"supported Cambodia's Ministry of Health's plan with the ASEAN Secretariat",
		"",
		"Phnom Penh, Tokyo",
	}
	var ws []word
	for _, text := range texts {
		var got []Span
		got, ws = extract(text, nil, ws)
		if want := Extract(text, nil); !slices.Equal(got, want) {
			t.Errorf("extract(%q) after the texts before = %v, want %v", text, got, want)
		}
	}
}
