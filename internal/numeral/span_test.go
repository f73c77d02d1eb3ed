package numeral

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/segment"
)

var (
	en = language.English
	km = language.Khmer
	ja = language.Japanese
)

// spanPieces are what generated text is made of: numbers as each rule reads them (dates, clock times, number
// words, weak numbers, labels, units, conversions, era years, Khmer months and classifiers), what a rule looks
// for before or after a number (第, ទី, ខែ, "on ", a currency sign, a capital at a sentence start), the words
// Relative and Bare read (本日, 同年代, បេក្ខជនពីរ, ពីរដ្ឋ), sentence
// ends with closing quotes, and the characters that make the matching form and the runs hard (a decimal point,
// a no-break and a zero-width space, a coeng, a dependent vowel, half-width kana with a voiced mark).
var spanPieces = map[string][]string{
	"en": {"The ", "the ", "said that ", "two ", "Two ", "Five ", "five", "One ", "first ", "second ", "the final third",
		"a third of ", "back nine", "front nine", "foursomes ", "a dozen", "two hundred and fifty ", "twenty-first ",
		"our two countries", "World War One", "senior year", "a junior who", "quarter-hour", "once ", "both ",
		"May ", "in May", "May", "Jan.", "Jan. ", "Sept.", "on Oct.", "mid-May", "on 15 June 2022", "November 18, 2021",
		"3:45 p.m.", "5.30pm", "7:35 p.m. JST", "Japan time", "100 percent sure", "6-foot-6 ", "45 miles (72 kilometers)",
		"$125m", "£2.8bn", "€3.1billion ($3.6bn)", "70th ", "1.5", "1,234", "379 800", "2.8 billion", "(1) ", "1. ",
		"2) ", "5", "12", "2021", ". ", ". ", "! ", "? ", ".\" ", "' ", ".'", " ", "  ", "\u00a0", "\u200b", ", ",
		"-", "(", ")", "\u201c", "\u201d", "。", ":", "x", "Cafe\u0301", "\u0301", "ﬁ"},
	"km": {"ថ្ងៃទី", "១៥", "ខែ", "មិថុនា", "ខែតុលា", "តុលាការ", " ឆ្នាំ", "ឆ្នាំ", "២០២២", "ពីរនាក់", "ប្រាំមួយនាក់", "បេក្ខជនពីរ",
		"ទាំងពីរ", "ទីពីរ", "ពីរបីថ្ងៃ", "ទោះបីជា", "ម៉ោង ៣", "ម៉ោង ៤.៤០", "រសៀល", "ព្រឹក", "លាន", "ពាន់", "បីរយ", "ទី២",
		"១,៥", "៣០,០០០", "២០ ០០០", "ចំនួន", "ប្រកួត", "គីឡូម៉ែត្រ", "ណដ ស្ទ្រីម ២", "(១) ", "1. ", "5", "7",
		"\u200b", "\u17D2", "\u17B6", "ក", "។ ", "។", "៕", "? ", ". ", "» ", "«", "”", " ", "Jan. 5", "May 5",
		"សេចក្តីថ្លែងការណ៍", "ចាញ់បួន", "ពីរដ្ឋ", "ឈ្នះបី"},
	"ja": {"2022年", "令和4年", "令和元年", "平成24年度", "8月4日", "午後3時45分", "11時半", "日本時間午後7時35分", "二人",
		"2か国間", "2つに割れる", "イレブン", "セブンイレブン", "ナイン", "両国", "両替", "双方", "一昨日", "第2回",
		"第三国", "第一", "三万5000人", "一億2000万", "1 万 6 千", "105 万", "10代", "数百人", "十数か国", "二度と",
		"一時", "一時間", "十三", "五", "人", "か国", "５０", "１０月", "１．５", "ｶﾞ", "ｶ", "ﾞ", "\u3000", "。", "。",
		"、", "「", "」", "」", "（", "）", "(1)", "1. ", "G20", "「60 Minutes」", "Jan.", "5", "3", "！", "？",
		"198センチ", "50%", "2年生", "本日", "同日", "同年代", "今月", "本年"},
}

// spanText makes a text in lang from spanPieces.
func spanText(rng *rand.Rand, lang string, n int) string {
	ps := spanPieces[lang]
	var sb strings.Builder
	for range n {
		sb.WriteString(ps[rng.IntN(len(ps))])
	}
	return sb.String()
}

// sentenceEnds are what a sentence may end with, and starts what may stand between it and the next.
var sentenceEnds = map[string][]string{
	"en": {".", "!", "?", ".\"", "?'", "5.", "Jan.", "p.m.", "。", ".\u201d"},
	"km": {"។", "៕", "?", ".", "»។", "។»", "។”"},
	"ja": {"。", "！", "？", "。」", "」。", "。）", "."},
}

// spanCheck compares Span(start, end) of a reading of text, when it gives the span's numbers, with Find on the
// span; it reports whether Span gave them.
func spanCheck(t *testing.T, lang language.Tag, r *Reading, start, end int) bool {
	t.Helper()
	got, ok := r.Span(start, end)
	if !ok {
		return false
	}
	span := r.text[start:end]
	if want := Find(lang, span); !slices.Equal(got, want) {
		t.Errorf("%s: numbers of %q in %q:\nSpan %+v\nFind %+v", lang, span, r.text, got, want)
	}
	relative, bare, ok := r.SpanWords(start, end)
	if !ok {
		t.Errorf("%s: Span gave the numbers of %q in %q, SpanWords not its words", lang, span, r.text)
		return true
	}
	if want := Relative(lang, span); !slices.Equal(relative, want) {
		t.Errorf("%s: relative words of %q in %q:\nSpanWords %+v\nRelative %+v", lang, span, r.text, relative, want)
	}
	if want := Bare(lang, span); !slices.Equal(bare, want) {
		t.Errorf("%s: bare words of %q in %q:\nSpanWords %+v\nBare %+v", lang, span, r.text, bare, want)
	}
	return true
}

// wordsCheck compares the words of a reading of text with Relative and Bare on the text.
func wordsCheck(t *testing.T, lang language.Tag, r *Reading) {
	t.Helper()
	relative, bare := r.Words()
	if want := Relative(lang, r.text); !slices.Equal(relative, want) {
		t.Errorf("%s: Words(%q): relative %+v, Relative %+v", lang, r.text, relative, want)
	}
	if want := Bare(lang, r.text); !slices.Equal(bare, want) {
		t.Errorf("%s: Words(%q): bare %+v, Bare %+v", lang, r.text, bare, want)
	}
}

// TestSpanProperty: the numbers of a span of a text that Span gives are those Find gives for the span on its
// own, for the sentences of generated English, Khmer and Japanese text, for sentences set between random text
// (each rule's context, before and after), and for cuts at random places; and Span gives most sentences'.
func TestSpanProperty(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 2027))
	for _, lang := range []language.Tag{en, km, ja} {
		b, _ := lang.Base()
		code := b.String()
		var sentences, derived, placed, placedDerived int
		for range 1500 {
			// a sentence between random text that ends a sentence before it and starts one after it
			before := spanText(rng, code, rng.IntN(6))
			if before != "" {
				before += sentenceEnds[code][rng.IntN(len(sentenceEnds[code]))] + strings.Repeat(" ", rng.IntN(3))
			}
			x := spanText(rng, code, 1+rng.IntN(8)) + sentenceEnds[code][rng.IntN(len(sentenceEnds[code]))]
			after := strings.Repeat(" ", rng.IntN(2)) + spanText(rng, code, rng.IntN(6))
			text := before + x + after
			r := Read(lang, text)
			if got, want := r.Numbers(), Find(lang, text); !slices.Equal(got, want) {
				t.Fatalf("%s: Read(%q) = %+v, Find %+v", lang, text, got, want)
			}
			wordsCheck(t, lang, r)
			placed++
			if spanCheck(t, lang, r, len(before), len(before)+len(x)) {
				placedDerived++
			}
			// its sentences, as alignment cuts them
			for _, sp := range segment.Titled(lang, text, nil) {
				sentences++
				if spanCheck(t, lang, r, sp.Start, sp.End) {
					derived++
				}
			}
			// cuts at random rune boundaries
			var cuts []int
			for i := range text {
				cuts = append(cuts, i)
			}
			cuts = append(cuts, len(text))
			for range 6 {
				i, j := cuts[rng.IntN(len(cuts))], cuts[rng.IntN(len(cuts))]
				spanCheck(t, lang, r, min(i, j), max(i, j))
			}
			if t.Failed() {
				return
			}
		}
		t.Logf("%s: Span gave %d of %d sentences placed between others, %d of %d cut by segment", lang, placedDerived, placed, derived, sentences)
		if placedDerived*3 < placed || derived*3 < sentences {
			t.Errorf("%s: Span gave %d of %d placed sentences and %d of %d cut ones, want a third at least", lang, placedDerived, placed, derived, sentences)
		}
	}
}

// TestSpanEdges: a span whose edge is no sentence end is read on its own; each case fails if its condition is
// dropped from Span.
func TestSpanEdges(t *testing.T) {
	for _, c := range []struct {
		name                string
		lang                language.Tag
		before, span, after string
		derived             bool
	}{
		{"sentences", en, "They met on 5 May. ", "Two ministers spoke for 20 minutes.", " Both agreed.", true},
		{"Japanese sentences", ja, "8月4日に会談した。", "両首脳は3時間会談した。", "二人は", true},
		{"Khmer sentences", km, "ថ្ងៃទី១៥ ខែមិថុនា។ ", "អ្នកទាំងពីរ បានជួបគ្នា ៣ ដង។", " ប្រាំមួយនាក់", true},
		{"whole text", en, "", "Five of them.", "", true},
		// no stop before the span: "Five" is a name in the block ("the Famous Five"), a count at a sentence start
		{"no stop before", en, "the Famous ", "Five of them.", "", false},
		// 。 does not start an English sentence for the capitalised number word
		{"ideographic stop in English", en, "They met。", "Five of them.", "", false},
		// a decimal point: 1.5 in the block
		{"decimal point before", en, "It grew 1.", "5 times.", "", false},
		{"decimal point at the end", en, "", "It grew 1.", "5 times.", false},
		// Jan. reads the day after it
		{"month before a day", en, "", "They met on Jan.", " 5 at noon.", false},
		{"month before a letter", en, "", "They met on Jan.", "x.", false},
		// a dependent vowel after the span joins the syllable before in the matching form
		{"Khmer sign after", km, "", "ខែតុលា។", "\u17B6", false},
		{"zero-width space after", km, "", "ខែតុលា។", "\u200b១", false},
		// a closing quote after the stop; in English only " and ', which the look back for a sentence start
		// passes over as it does the spaces
		{"closing quote", en, "He said \"yes.\" ", "Five of them.", " Then", true},
		{"curly quote in English", en, "He said \u201cyes.\u201d ", "Five of them.", "", false},
		{"curly quote in Japanese", ja, "「会談した。」", "五人が出席した。", "", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			text := c.before + c.span + c.after
			r := Read(c.lang, text)
			if got := spanCheck(t, c.lang, r, len(c.before), len(c.before)+len(c.span)); got != c.derived {
				t.Errorf("Span of %q in %q gave the numbers: %v, want %v", c.span, text, got, c.derived)
			}
		})
	}
}

// FuzzSpan: for any text, Span gives for its sentences and for one cut what Find gives for them.
func FuzzSpan(f *testing.F) {
	f.Add(uint8(0), "They met on 5 May. Two ministers spoke. Jan. 5 at 3:45 p.m. \"Five.\" Then", 5, 40)
	f.Add(uint8(1), "ថ្ងៃទី១៥ ខែមិថុនា។ អ្នកទាំងពីរ បានជួបគ្នា ៣ ដង។ ប្រាំមួយនាក់\u200b។", 3, 60)
	f.Add(uint8(2), "令和4年8月4日に会談した。両首脳は3時間会談した。「二人は」。一億2000万円", 6, 50)
	f.Fuzz(func(t *testing.T, which uint8, text string, i, j int) {
		if !utf8.ValidString(text) || len(text) > 2000 {
			return
		}
		lang := []language.Tag{en, km, ja}[int(which)%3]
		r := Read(lang, text)
		wordsCheck(t, lang, r)
		for _, sp := range segment.Titled(lang, text, nil) {
			spanCheck(t, lang, r, sp.Start, sp.End)
		}
		i, j = max(0, min(i, len(text))), max(0, min(j, len(text)))
		for i > 0 && i < len(text) && !utf8.RuneStart(text[i]) {
			i--
		}
		for j < len(text) && !utf8.RuneStart(text[j]) {
			j++
		}
		if i <= j {
			spanCheck(t, lang, r, i, j)
		}
	})
}
