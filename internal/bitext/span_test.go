package bitext

import (
	"bufio"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/numeral"
	"github.com/relloc/relloc/internal/release"
	"github.com/relloc/relloc/internal/segment"
	"github.com/relloc/relloc/internal/testenv"
)

// spanCheck compares what a release view gives for block[start:end], made known as a span of block (Within)
// after the block was matched and its numbers read, with matching and reading the span on its own: overlapping
// and leftmost-longest matches, numbers and anchors. It reports whether the matches and the numbers were derived
// from the block's.
func spanCheck(t testing.TB, base *Anchors, lang language.Tag, block string, start, end int) (derived, numbers bool) {
	t.Helper()
	view := base.ForRelease()
	view.Of(lang, block) // the block's pass, as alignment makes it first
	view.Matches(lang, block)
	view.Within(lang, block, start, end)
	text := block[start:end]
	if p := view.passOf(lang)[text]; p != nil {
		if lang == view.source {
			_, derived = view.deriveLongest(lang, view.langMatcher(lang), p, text)
		} else {
			_, derived = view.derive(lang, view.langMatcher(lang), p, text)
		}
		_, numbers = spanNumbers(p, text)
	}
	m := base.Matcher(lang)
	if got, want := view.Longest(lang, text), m.FindAll(text); !slices.Equal(got, want) {
		t.Errorf("%s %q of %q: longest from the block %v, FindAll %v", lang, text, block, got, want)
	}
	if got, want := view.Matches(lang, text), m.FindAllOverlapping(text); !slices.Equal(got, want) {
		t.Errorf("%s %q of %q: matches from the block %v, FindAllOverlapping %v", lang, text, block, got, want)
	}
	if got, want := view.Numbers(lang, text), numeral.Find(lang, text); !slices.Equal(got, want) {
		t.Errorf("%s %q of %q: numbers %v, Find %v", lang, text, block, got, want)
	}
	if got, want := view.Of(lang, text), base.Of(lang, text); !slices.Equal(got, want) {
		t.Errorf("%s %q of %q: anchors %v, afresh %v", lang, text, block, got, want)
	}
	return derived, numbers
}

// spansOf returns the sentences of block, as alignment cuts them, and spans cut at random: at rune boundaries,
// and at the joints of the pieces the block was made of (joints), where a glossary form starts or ends.
func spansOf(rng *rand.Rand, lang language.Tag, block string, joints []int) []segment.Span {
	spans := segment.Titled(lang, block, nil)
	var cuts []int
	for i := range block {
		cuts = append(cuts, i)
	}
	cuts = append(cuts, len(block))
	cut := func() int {
		if rng.IntN(2) == 0 {
			return joints[rng.IntN(len(joints))]
		}
		return cuts[rng.IntN(len(cuts))]
	}
	for range 8 {
		i, j := cut(), cut()
		if i > j {
			i, j = j, i
		}
		spans = append(spans, segment.Span{Start: i, End: j})
	}
	return spans
}

// pieces are what generated text is made of, besides the glossary's forms: words, numbers and dates as the
// releases write them, sentence ends, and the characters that make matching form and boundaries hard (a
// combining accent, curly quotes, a no-break space, full-width and half-width forms, a zero-width space, a
// coeng, a dependent vowel, subscript DA for TA).
var pieces = map[string][]string{
	"en": {"The ", "the ", "Minister ", "Prime Minister", "said that ", "two ", "One ", "May ", "in May", "Jan. ", "5 ",
		"1. ", "(1) ", "on 15 June 2022", "3:45 p.m.", "100 percent ", "Covid-19", "6-foot-6 ", "million ", "70th ",
		"Five ", "the final third", "back nine", "a dozen", "foursomes ", "our two countries", "1.5", "Sept.", "\"",
		"Cafe\u0301 ", "É", "’s ", "\u201cJapan\u201d ", "\u00a0", "ﬁnal ", "ＧＤＰ ", "Japan-Cambodia ", "ASEAN", "x",
		". ", ". ", "? ", "! ", " ", ", ", "\u200b"},
	"km": {"កិច្ចប្រជុំ", "ថ្ងៃទី", "១៥", "ខែ", "មិថុនា", " ឆ្នាំ", "២០២២", "ពីរនាក់", "ប្រាំមួយនាក់", "បេក្ខជនពីរ",
		"ឯកឧត្ដម", "ឯកឧត្តម", "សេចក្តីថ្លែងការណ៍", "ប្រទេសកម្ពុជា", "ជប៉ុន", "ម៉ោង ៣", "លាន", "ទី២",
		"ទាំងពីរ", "ពីរបីថ្ងៃ", "១,៥", "ខែតុលា", "»",
		"\u200b", "\u17D2", "\u17B6", "ក", "។ ", "។ ", "៕", " ", "(១) ", "1. "},
	"ja": {"首脳会談", "両国", "日本", "カンボジア", "訪日", "日カンボジア", "は、", "を", "しました。", "8月4日",
		"令和4年", "二人", "2か国間", "５０", "ｶﾞ", "ｶ", "ﾞ", "\u3000", "１０月", "午後3時45分", "第2回", "三万5000人",
		"令和元年", "日本時間午後7時35分", "2つに割れる", "イレブン", "一昨日", "数百人", "！", "。」",
		"が", "。", "。", "、", "「", "」", "（", "）", "1. ", "Hun Sen", "G20", "\u0301", "ー"},
}

// generate makes a block of text in lang from the glossary's forms of lang (with their context) and pieces, and
// returns where the pieces join.
func generate(rng *rand.Rand, base *Anchors, lang language.Tag) (string, []int) {
	b, _ := lang.Base()
	var forms []string
	for _, p := range Patterns(base.glossary, en, lang) {
		forms = append(forms, p.PrecededBy+p.Text+p.FollowedBy)
	}
	ps := pieces[b.String()]
	var sb strings.Builder
	joints := []int{0}
	for n := 1 + rng.IntN(24); n > 0; n-- {
		if len(forms) > 0 && rng.IntN(3) == 0 {
			sb.WriteString(forms[rng.IntN(len(forms))])
		} else {
			sb.WriteString(ps[rng.IntN(len(ps))])
		}
		joints = append(joints, sb.Len())
	}
	return sb.String(), joints
}

// TestDerivedMatchesProperty: for generated English, Khmer and Japanese text, the matches and numbers of a span
// taken from its block's pass (Anchors.Within) are exactly those of matching and reading the span alone, for
// alignment's sentences and for cuts at random places; and most sentences are derived, not read again.
func TestDerivedMatchesProperty(t *testing.T) {
	_, base := loadSeed(t, nil)
	rng := rand.New(rand.NewPCG(13, 2026))
	for _, lang := range []language.Tag{en, km, ja} {
		var sentences, derived, numbers int
		for range 400 {
			block, joints := generate(rng, base, lang)
			for k, sp := range spansOf(rng, lang, block, joints) {
				d, nd := spanCheck(t, base, lang, block, sp.Start, sp.End)
				if k < len(segment.Titled(lang, block, nil)) && sp.End > sp.Start && sp.End-sp.Start < len(block) {
					sentences++
					if d {
						derived++
					}
					if nd {
						numbers++
					}
				}
			}
			if t.Failed() {
				return
			}
		}
		// Generated text is dense in glossary forms and forms with context (訪日), whose sentences are matched
		// on their own: the share is lower than in real text (TestDerivedMatchesCorpora), but must be
		// substantial for the property to test the derivation.
		t.Logf("%s: %d of %d sentences' matches and %d their numbers derived from their block", lang, derived, sentences, numbers)
		if derived*3 < sentences || numbers*3 < sentences {
			t.Errorf("%s: %d of %d sentences' matches and %d their numbers derived from their block, want a third at least",
				lang, derived, sentences, numbers)
		}
	}
}

// TestDerivedMatchesCorpora: derived == direct, matches and numbers, for every sentence of every paragraph of the
// NTREX-128 documents (English, Khmer, Japanese; each line, and each document's lines as one paragraph) and of the
// MOFA releases.
func TestDerivedMatchesCorpora(t *testing.T) {
	if testing.Short() {
		t.Skip("corpora skipped under -short")
	}
	corpora := testenv.Shared(t, "corpora")
	_, base := loadSeed(t, nil)
	sentences, derived, numbers := map[language.Tag]int{}, map[language.Tag]int{}, map[language.Tag]int{}
	check := func(lang language.Tag, block string, breaks []int) {
		spans := segment.Titled(lang, block, breaks)
		for _, sp := range spans {
			d, nd := spanCheck(t, base, lang, block, sp.Start, sp.End)
			if len(spans) > 1 {
				sentences[lang]++
				if d {
					derived[lang]++
				}
				if nd {
					numbers[lang]++
				}
			}
		}
	}
	defer func() {
		for _, lang := range []language.Tag{en, km, ja} {
			t.Logf("%s: of %d sentences of paragraphs of several, %d have their matches and %d their numbers derived from their block",
				lang, sentences[lang], derived[lang], numbers[lang])
			if !t.Failed() && (derived[lang]*10 < sentences[lang]*9 || numbers[lang]*10 < sentences[lang]*9) {
				t.Errorf("%s: of %d sentences, %d have their matches and %d their numbers derived from their block, want 90%% at least",
					lang, sentences[lang], derived[lang], numbers[lang])
			}
		}
	}()
	ids := readLines(t, filepath.Join(corpora, "ntrex128", "DOCUMENT_IDS.tsv"))
	for lang, name := range map[language.Tag]string{en: "newstest2019-src.eng.txt", km: "newstest2019-ref.khm.txt", ja: "newstest2019-ref.jpn.txt"} {
		lines := readLines(t, filepath.Join(corpora, "ntrex128", name))
		var doc []string
		for i, l := range lines {
			check(lang, l, nil)
			doc = append(doc, l)
			if i+1 == len(lines) || i+1 < len(ids) && ids[i+1] != ids[i] {
				check(lang, strings.Join(doc, " "), nil)
				doc = doc[:0]
			}
			if t.Failed() {
				return
			}
		}
	}
	dirs, err := os.ReadDir(filepath.Join(corpora, "mofa-en-ja", "releases"))
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		var files []release.File
		for _, lang := range []language.Tag{en, ja} {
			b, err := os.ReadFile(filepath.Join(corpora, "mofa-en-ja", "releases", d.Name(), lang.String()+".md"))
			if err != nil {
				t.Fatal(err)
			}
			files = append(files, release.File{Path: lang.String() + ".md", Lang: lang, Data: b})
		}
		r, err := release.Parse(d.Name(), en, files)
		if err != nil {
			t.Fatal(err)
		}
		for _, lang := range []language.Tag{en, ja} {
			for _, b := range r.Doc(lang).Blocks {
				check(lang, b.Text, b.SoftBreaks())
			}
		}
	}
}

func readLines(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		lines = append(lines, strings.TrimRight(sc.Text(), "\r"))
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return lines
}

// TestDerivedMatchesEdges: a span whose edge the derivation cannot settle from the block's pass is matched on its
// own, and gets what matching it alone gives; each case fails if its condition is dropped from derive.
func TestDerivedMatchesEdges(t *testing.T) {
	_, base := loadSeed(t, nil)
	for _, c := range []struct {
		name                string
		lang                language.Tag
		before, span, after string
		derived             bool
	}{
		// sentences as alignment cuts them, derived
		{"sentence", en, "Japan and Cambodia met. ", "The Prime Minister said.", "", true},
		{"Japanese sentence", ja, "両国は会談した。", "カンボジアの首相は述べた。", "日本は", true},
		{"Khmer sentence", km, "ប្រទេសកម្ពុជា។ ", "ជប៉ុន និង កម្ពុជា។", " ក", true},
		// the block rejects Japan after x, the span alone starts with it
		{"letter before", en, "x", "Japan said.", "", false},
		// the block rejects Japan before x
		{"letter after", en, "", "Japan", "x said.", false},
		// ជប៉ុន before a dependent vowel is part of a longer syllable in the block
		{"Khmer sign after", km, "", "ជប៉ុន", "ា", false},
		// after a coeng, ជ is a subscript of the syllable before in the block
		{"coeng before", km, "ក្", "ជប៉ុន", "", false},
		// Deputy Prime Minister crosses the span's start
		{"match across the edge", en, "The Deputy ", "Prime Minister said.", "", false},
		// 日 counts after 訪, outside the span, and once more before カンボジア, which the block's pass drops as a
		// duplicate
		{"context outside", ja, "訪", "日カンボジア", "", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			block := c.before + c.span + c.after
			start, end := len(c.before), len(c.before)+len(c.span)
			if got, _ := spanCheck(t, base, c.lang, block, start, end); got != c.derived {
				t.Errorf("%q of %q derived %v, want %v", c.span, block, got, c.derived)
			}
		})
	}
}

// FuzzDerivedMatches: derived == direct, matches and numbers, for any text, its sentences and one cut given by
// the fuzzer.
func FuzzDerivedMatches(f *testing.F) {
	f.Add(uint8(0), "The Prime Minister said. Japan-Cambodia relations ﬁnal. ", 5, 30)
	f.Add(uint8(1), "ឯកឧត្ដម នាយករដ្ឋមន្ត្រី។ ប្រទេសកម្ពុជា និង ជប៉ុន\u200b។ ", 3, 40)
	f.Add(uint8(2), "訪日した。日カンボジア首脳会談を行った。ｶﾞ両国", 6, 30)
	_, base := loadSeed(f, nil)
	f.Fuzz(func(t *testing.T, which uint8, block string, i, j int) {
		if !utf8.ValidString(block) || len(block) > 2000 {
			return
		}
		lang := []language.Tag{en, km, ja}[int(which)%3]
		for _, sp := range segment.Titled(lang, block, nil) {
			spanCheck(t, base, lang, block, sp.Start, sp.End)
		}
		i, j = max(0, min(i, len(block))), max(0, min(j, len(block)))
		for i < len(block) && !utf8.RuneStart(block[i]) {
			i--
		}
		for j < len(block) && !utf8.RuneStart(block[j]) {
			j++
		}
		if i <= j {
			spanCheck(t, base, lang, block, i, j)
		}
	})
}
