package termmatch

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/matchform"
	"github.com/relloc/relloc/internal/scalegen"
)

type want struct {
	slice string // original text of the match
	id    string
	exact bool
}

func run(t *testing.T, name string, m *Matcher, text string, overlapping bool, wants []want) {
	t.Helper()
	var got []Match
	if overlapping {
		got = m.FindAllOverlapping(text)
	} else {
		got = m.FindAll(text)
	}
	var g, w []string
	for _, x := range got {
		g = append(g, fmt.Sprintf("%q/%s/%v", text[x.Start:x.End], x.ID, x.Exact))
	}
	for _, x := range wants {
		w = append(w, fmt.Sprintf("%q/%s/%v", x.slice, x.id, x.exact))
	}
	if strings.Join(g, " ") != strings.Join(w, " ") {
		t.Errorf("%s: in %q\n got  %v\n want %v", name, text, g, w)
	}
}

func TestKhmer(t *testing.T) {
	m := New(language.Khmer, []Pattern{
		{Text: "ឯកឧត្តម", ID: "he", Form: "term"},
		{Text: "ប្រាក់ សុខុន", ID: "prak-sokhonn", Form: "term"},
		{Text: "រដ្ឋមន្ត្រី", ID: "minister", Form: "term"},
		{Text: "ឧបនាយករដ្ឋមន្ត្រី", ID: "dpm", Form: "term"},
		{Text: "ជន", ID: "person", Form: "term"},
	})
	cases := []struct {
		name  string
		text  string
		over  bool
		wants []want
	}{
		{"coeng DA look-alike", "ឯកឧត្ដម ប្រាក់ សុខុន", false,
			[]want{{"ឯកឧត្ដម", "he", false}, {"ប្រាក់ សុខុន", "prak-sokhonn", true}}},
		{"approved spelling", "ឯកឧត្តម", false, []want{{"ឯកឧត្តម", "he", true}}},
		{"coeng RO first, nested", "ឧបនាយករដ្ឋមន្រ្តី និង រដ្ឋមន្ត្រី", false,
			[]want{{"ឧបនាយករដ្ឋមន្រ្តី", "dpm", false}, {"រដ្ឋមន្ត្រី", "minister", true}}},
		{"overlapping", "ឧបនាយករដ្ឋមន្ត្រី", true,
			[]want{{"ឧបនាយករដ្ឋមន្ត្រី", "dpm", true}, {"រដ្ឋមន្ត្រី", "minister", true}}},
		{"zero-width space inside", "ឯកឧត្តម\u200bប្រាក់ សុខុន", false,
			[]want{{"ឯកឧត្តម", "he", true}, {"ប្រាក់ សុខុន", "prak-sokhonn", true}}},
		{"no word boundaries", "ពលរដ្ឋជនជាតិ", false, []want{{"ជន", "person", true}}},
		{"does not cut a syllable", "ជន្ម ជនា", false, nil},
	}
	for _, c := range cases {
		run(t, c.name, m, c.text, c.over, c.wants)
	}
}

func TestJapanese(t *testing.T) {
	m := New(language.Japanese, []Pattern{
		{Text: "press", ID: "press", Form: "term"},
		{Text: "18日", ID: "day", Form: "term"},
		{Text: "外務大臣", ID: "fm", Form: "term"},
		{Text: "外務", ID: "fa", Form: "term"},
		{Text: "ガイド", ID: "guide", Form: "term"},
		{Text: "G20", ID: "g20", Form: "term"},
	})
	cases := []struct {
		name  string
		text  string
		wants []want
	}{
		{"full-width ASCII", "ｐｒｅｓｓ release", []want{{"ｐｒｅｓｓ", "press", false}}},
		{"full-width digits", "１１月１８日に", []want{{"１８日", "day", false}}},
		{"half-width katakana", "ｶﾞｲﾄﾞ", []want{{"ｶﾞｲﾄﾞ", "guide", false}}},
		{"longest wins", "外務大臣と外務省", []want{{"外務大臣", "fm", true}, {"外務", "fa", true}}},
		{"no word boundary for kana", "G20サミット", []want{{"G20", "g20", true}}},
		{"latin edge needs a boundary", "G200", nil},
	}
	for _, c := range cases {
		run(t, c.name, m, c.text, false, c.wants)
	}
}

// TestContext: 日 stands for Japan only in compounds (日カンボジア, 日・ASEAN, 訪日, 来日), never in a date.
func TestContext(t *testing.T) {
	m := New(language.Japanese, []Pattern{
		{Text: "日本", ID: "japan", Form: "term"},
		{Text: "日", ID: "japan", Form: "context", FollowedBy: "カンボジア"},
		{Text: "日", ID: "japan", Form: "context", FollowedBy: "・カンボジア"},
		{Text: "日", ID: "japan", Form: "context", FollowedBy: "ASEAN"},
		{Text: "日", ID: "japan", Form: "context", PrecededBy: "訪"},
		{Text: "日", ID: "japan", Form: "context", PrecededBy: "来"},
		{Text: "カンボジア", ID: "cambodia", Form: "term"},
		{Text: "ASEAN", ID: "asean", Form: "term"},
	})
	cases := []struct {
		name  string
		text  string
		over  bool
		wants []want
	}{
		{"compound keeps the partner", "日カンボジア首脳会談", false,
			[]want{{"日", "japan", true}, {"カンボジア", "cambodia", true}}},
		{"middle dot", "日・カンボジア外相会談", false,
			[]want{{"日", "japan", true}, {"カンボジア", "cambodia", true}}},
		{"full-width Latin partner", "日ＡＳＥＡＮ友好協力", false,
			[]want{{"日", "japan", true}, {"ＡＳＥＡＮ", "asean", false}}},
		{"after a verb", "来月訪日する予定のフン・セン首相", false, []want{{"日", "japan", true}}},
		{"came to Japan", "昨年来日した", false, []want{{"日", "japan", true}}},
		{"a date is not Japan", "8月4日、プノンペンで", false, nil},
		{"date then country", "18日、カンボジアを訪問", false, []want{{"カンボジア", "cambodia", true}}},
		{"latin edge of the context", "日ASEANS", false, nil},
		{"between two contexts, once", "訪日カンボジア", true,
			[]want{{"日", "japan", true}, {"カンボジア", "cambodia", true}}},
		{"the full name still wins", "日本とカンボジア", false,
			[]want{{"日本", "japan", true}, {"カンボジア", "cambodia", true}}},
	}
	for _, c := range cases {
		run(t, c.name, m, c.text, c.over, c.wants)
	}
}

// TestTieBreak: of two entries rendered by the same string, the one whose approved term it is wins.
func TestTieBreak(t *testing.T) {
	m := New(language.Japanese, []Pattern{
		{Text: "外相", ID: "foreign-minister", Form: "term"},
		{Text: "外務大臣", ID: "foreign-minister", Form: "variant"},
		{Text: "外務大臣", ID: "minister-of-foreign-affairs-of-japan", Form: "term"},
	})
	run(t, "term over variant", m, "林芳正外務大臣", false, []want{{"外務大臣", "minister-of-foreign-affairs-of-japan", true}})
}

func TestEnglish(t *testing.T) {
	m := New(language.English, []Pattern{
		{Text: "Minister of Foreign Affairs and International Cooperation", ID: "mfaic-minister", Form: "term"},
		{Text: "Foreign Affairs", ID: "foreign-affairs", Form: "term"},
		{Text: "Ministry of Foreign Affairs and International Cooperation", ID: "mfaic", Form: "term"},
		{Text: "H.E.", ID: "he", Form: "term", CaseSensitive: true},
		{Text: "Prak Sokhonn", ID: "prak-sokhonn", Form: "term", CaseSensitive: true},
		{Text: "Cambodia", ID: "cambodia", Form: "term"},
		{Text: "Japan", ID: "japan", Form: "term"},
		{Text: "UN", ID: "un", Form: "term", CaseSensitive: true},
	})
	cases := []struct {
		name  string
		text  string
		over  bool
		wants []want
	}{
		{"nested terms: longest", "the Minister of Foreign Affairs and International Cooperation said", false,
			[]want{{"Minister of Foreign Affairs and International Cooperation", "mfaic-minister", true}}},
		{"nested terms: overlapping", "Minister of Foreign Affairs and International Cooperation", true,
			[]want{{"Foreign Affairs", "foreign-affairs", true},
				{"Minister of Foreign Affairs and International Cooperation", "mfaic-minister", true}}},
		{"ministry", "the Ministry of Foreign Affairs and International Cooperation (MFAIC)", false,
			[]want{{"Ministry of Foreign Affairs and International Cooperation", "mfaic", true}}},
		{"case-insensitive", "the ministry of foreign affairs and international cooperation", false,
			[]want{{"ministry of foreign affairs and international cooperation", "mfaic", true}}},
		{"H.E. before a space", "H.E. Prak Sokhonn met", false,
			[]want{{"H.E.", "he", true}, {"Prak Sokhonn", "prak-sokhonn", true}}},
		{"case-sensitive", "h.e. prak sokhonn", false, nil},
		{"non-breaking space", "H.E.\u00a0Prak\u00a0Sokhonn", false,
			[]want{{"H.E.", "he", true}, {"Prak\u00a0Sokhonn", "prak-sokhonn", false}}},
		{"possessive", "Cambodia's and Cambodia’s", false,
			[]want{{"Cambodia", "cambodia", true}, {"Cambodia", "cambodia", true}}},
		{"word boundary", "Japanese Embassy, UNESCO", false, nil},
		{"capitals", "CAMBODIA and JAPAN", false,
			[]want{{"CAMBODIA", "cambodia", true}, {"JAPAN", "japan", true}}},
		{"the UN", "the UN.", false, []want{{"UN", "un", true}}},
	}
	for _, c := range cases {
		run(t, c.name, m, c.text, c.over, c.wants)
	}
}

// TestEnglishCased: case-sensitive and case-insensitive patterns are found in one scan of the case-folded text; a
// case-sensitive one counts only where the original, in the form that keeps case, is the pattern.
func TestEnglishCased(t *testing.T) {
	m := New(language.English, []Pattern{
		{Text: "US", ID: "us", Form: "term", CaseSensitive: true},
		{Text: "us", ID: "pronoun", Form: "reference"},
		{Text: "Straße", ID: "strasse", Form: "term", CaseSensitive: true},
		{Text: "Prak Sokhonn", ID: "prak-sokhonn", Form: "term", CaseSensitive: true},
		{Text: "Sokhonn", ID: "sokhonn", Form: "variant"},
	})
	cases := []struct {
		name  string
		text  string
		over  bool
		wants []want
	}{
		{"same folded text, both kinds", "the US and us", true,
			[]want{{"US", "pronoun", true}, {"US", "us", true}, {"us", "pronoun", true}}},
		{"the approved term wins the span", "the US and us", false,
			[]want{{"US", "us", true}, {"us", "pronoun", true}}},
		{"sharp s kept", "Straße", false, []want{{"Straße", "strasse", true}}},
		{"sharp s folds like ss, case does not", "STRASSE Strasse", false, nil},
		{"wrong case falls back to the shorter term", "PRAK SOKHONN", false, []want{{"SOKHONN", "sokhonn", true}}},
		{"a non-breaking space is kept case", "Prak\u00a0Sokhonn", false, []want{{"Prak\u00a0Sokhonn", "prak-sokhonn", false}}},
	}
	for _, c := range cases {
		run(t, c.name, m, c.text, c.over, c.wants)
	}
}

func TestEmpty(t *testing.T) {
	m := New(language.English, nil)
	if got := m.FindAll("anything"); len(got) != 0 {
		t.Errorf("FindAll with no patterns = %v, want none", got)
	}
	m = New(language.Khmer, []Pattern{{Text: ""}, {Text: "\u200b"}})
	if got := m.FindAll("ក\u200bខ"); len(got) != 0 {
		t.Errorf("FindAll with empty patterns = %v, want none", got)
	}
}

func TestConcurrent(t *testing.T) {
	m := New(language.Khmer, []Pattern{{Text: "ឯកឧត្តម", ID: "he"}})
	done := make(chan int)
	for range 8 {
		go func() {
			n := 0
			for range 100 {
				n += len(m.FindAll("ឯកឧត្ដម និង ឯកឧត្តម"))
			}
			done <- n
		}()
	}
	for range 8 {
		if n := <-done; n != 200 {
			t.Errorf("concurrent FindAll found %d matches, want 200", n)
		}
	}
}

// Benchmarks: 5,000 generated patterns over a 5,000-word text per language.

var syllables = map[string][]string{
	"en": {"min", "is", "ter", "for", "eign", "af", "fairs", "coop", "er", "ation", "na", "tion", "al", "cam", "bo", "dia", "ja", "pan", "sum", "mit"},
	"km": {"រដ្ឋ", "មន្ត្រី", "ការ", "បរទេស", "សហ", "ប្រតិបត្តិ", "ជាតិ", "អន្តរ", "កម្ពុជា", "ជប៉ុន", "ឯក", "ឧត្តម", "ក្រសួង", "សេចក្តី", "ថ្លែង", "ការណ៍", "កិច្ច", "ប្រជុំ", "កំពូល", "អាស៊ាន"},
	"ja": {"外務", "大臣", "国際", "協力", "カンボジア", "日本", "首脳", "会談", "共同", "声明", "閣下", "大使", "総理", "副", "省", "経済", "連携", "協定", "ＡＳＥＡＮ", "サミット"},
}

func words(rng *rand.Rand, lang string, n int) []string {
	syl := syllables[lang]
	out := make([]string, n)
	for i := range out {
		k := 1 + rng.IntN(3)
		var b strings.Builder
		for range k {
			b.WriteString(syl[rng.IntN(len(syl))])
		}
		out[i] = b.String()
	}
	return out
}

func benchSetup(lang string) (*Matcher, string) {
	rng := rand.New(rand.NewPCG(1, 2))
	sep := " "
	if lang == "ja" {
		sep = ""
	}
	var pats []Pattern
	for i := range 5000 {
		n := 1 + rng.IntN(3)
		pats = append(pats, Pattern{Text: strings.Join(words(rng, lang, n), sep), ID: fmt.Sprint(i), Form: "term"})
	}
	text := strings.Join(words(rng, lang, 5000), sep)
	return New(language.MustParse(lang), pats), text
}

func benchFind(b *testing.B, lang string) {
	m, text := benchSetup(lang)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n = len(m.FindAll(text))
	}
	b.ReportMetric(float64(n), "matches")
}

func BenchmarkFindAllEnglish(b *testing.B)  { benchFind(b, "en") }
func BenchmarkFindAllKhmer(b *testing.B)    { benchFind(b, "km") }
func BenchmarkFindAllJapanese(b *testing.B) { benchFind(b, "ja") }

func benchBuild(b *testing.B, lang string) {
	rng := rand.New(rand.NewPCG(1, 2))
	var pats []Pattern
	for i := range 5000 {
		pats = append(pats, Pattern{Text: strings.Join(words(rng, lang, 1+rng.IntN(3)), " "), ID: fmt.Sprint(i)})
	}
	b.ReportAllocs()
	for b.Loop() {
		New(language.MustParse(lang), pats)
	}
}

func BenchmarkNewEnglish(b *testing.B) { benchBuild(b, "en") }
func BenchmarkNewKhmer(b *testing.B)   { benchBuild(b, "km") }

// Benchmarks on realistic text: the press releases and the 5,000-entry glossary of package scalegen (the workspace
// of make bench-scale), each language's releases joined into one text and matched with that language's terms.

func scaleSetup(b *testing.B, lang string) (*Matcher, string) {
	b.Helper()
	var text strings.Builder
	terms, err := scalegen.Generate(scalegen.Config{Releases: 40, Entries: 5000, Seed: 1}, func(path string, data []byte) error {
		if strings.HasSuffix(path, "/"+lang+".md") {
			text.Write(data)
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	var pats []Pattern
	for _, t := range terms {
		s := map[string]string{"en": t.EN, "km": t.KM, "ja": t.JA}[lang]
		pats = append(pats, Pattern{Text: s, ID: t.ID, Form: "term", CaseSensitive: lang == "en" && t.Category == "person"})
	}
	return New(language.MustParse(lang), pats), text.String()
}

func benchScale(b *testing.B, lang string, overlapping bool) {
	m, text := scaleSetup(b, lang)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		if overlapping {
			n = len(m.FindAllOverlapping(text))
		} else {
			n = len(m.FindAll(text))
		}
	}
	b.ReportMetric(float64(n), "matches")
}

// benchPrefolded matches text in a matching form made once, as a release view does: the automaton's own speed,
// without the folding of the text.
func benchPrefolded(b *testing.B, lang string) {
	m, text := scaleSetup(b, lang)
	form := matchform.For(language.MustParse(lang), text)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n = len(m.FindAllForm(text, form))
	}
	b.ReportMetric(float64(n), "matches")
}

func BenchmarkReleasesPrefoldedEnglish(b *testing.B)  { benchPrefolded(b, "en") }
func BenchmarkReleasesPrefoldedKhmer(b *testing.B)    { benchPrefolded(b, "km") }
func BenchmarkReleasesPrefoldedJapanese(b *testing.B) { benchPrefolded(b, "ja") }

func BenchmarkReleasesEnglish(b *testing.B)             { benchScale(b, "en", false) }
func BenchmarkReleasesKhmer(b *testing.B)               { benchScale(b, "km", false) }
func BenchmarkReleasesJapanese(b *testing.B)            { benchScale(b, "ja", false) }
func BenchmarkReleasesOverlappingEnglish(b *testing.B)  { benchScale(b, "en", true) }
func BenchmarkReleasesOverlappingKhmer(b *testing.B)    { benchScale(b, "km", true) }
func BenchmarkReleasesOverlappingJapanese(b *testing.B) { benchScale(b, "ja", true) }
