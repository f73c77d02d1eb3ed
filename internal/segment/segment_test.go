package segment

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/testenv"
)

// texts returns the sentences of text as strings, for readable failures.
func texts(lang language.Tag, text string) []string {
	var out []string
	for _, sp := range Sentences(lang, text) {
		out = append(out, text[sp.Start:sp.End])
	}
	return out
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestSentences(t *testing.T) {
	en, km, ja := language.English, language.Khmer, language.Japanese
	tests := []struct {
		name string
		lang language.Tag
		want []string // joined with a space (Japanese: with nothing) to make the input
	}{
		// English, in the style of MFAIC and MOFA readouts.
		{"en titles before names", en, []string{
			`H.E. Prak Sokhonn, Deputy Prime Minister, held talks with Mr. HAYASHI Yoshimasa at the U.N. Headquarters in New York.`,
			`Dr. Kao Kim Hourn and Prof. Ito joined the meeting.`,
		}},
		// "Sen." is a senator's title and the end of a Cambodian name: the next word decides.
		{"en name ending in an abbreviation", en, []string{
			`The Minister conveyed the greetings of Samdech Techo Prime Minister Hun Sen.`,
			`Furthermore, both sides agreed to hold the next Joint Committee in Tokyo.`,
		}},
		{"en name ending before an office", en, []string{
			`He wished to develop relations further with Prime Minister Hun Sen.`,
			`Prime Minister Kishida also paid respect to the ASEAN Chair.`,
		}},
		{"en name ending before a title", en, []string{
			`The letter was addressed to Prime Minister Hun Sen.`,
			`H.E. Prak Sokhonn handed it over on 3 March.`,
		}},
		{"en title abbreviation before a name", en, []string{
			`The delegation also met U.S. Sen. Graham and Gen. Ohara in Washington, D.C. on the same day.`,
		}},
		{"en dotted acronym inside", en, []string{
			`Both Ministers welcomed the U.N. Security Council resolution and the U.S. Ambassador's visit.`,
		}},
		{"en dotted acronym ends sentence", en, []string{
			`The Minister thanked the U.N.`,
			`The two sides also exchanged views on the situation in Myanmar.`,
		}},
		{"en month abbreviation", en, []string{
			`The Embassy will remain closed until Oct.`,
			`Consular services resume on Nov. 2 at 9 a.m. in Phnom Penh.`,
		}},
		{"en closing quote", en, []string{`He said: "Japan will stand by Cambodia."`, `The call lasted 30 minutes.`}},
		// A quotation and its attribution are one sentence, whether a pronoun or a name speaks.
		{"en attribution after a quotation", en, []string{`"We will support the elections!" Minister Sokhonn added.`, `The call ended.`}},
		{"en attribution with a comma", en, []string{`"Why now?" Prime Minister Kishida asked, smiling.`}},
		{"en name opening a sentence after a quotation", en, []string{`He said: "We agree."`, `Sokhonn said the talks would resume.`}},
		{"en pronoun opening a sentence after a quotation", en, []string{`"Is it not?"`, `She continued, "It is."`}},
		{"en question and digit", en, []string{`Will the talks resume?`, `2022 will tell.`}},
		{"en initials", en, []string{`The note was signed by J. R. Smith and H. E. Jones at No. 10.`, `No.`, `He did not.`}},
		{"en company", en, []string{`Shares of Sony Co. Ltd. rose.`, `He left Acme Inc.`, `The talks ended.`}},
		// Known ambiguity, resolved towards one sentence: "Inc." before a name-like word.
		{"en trailing before a name", en, []string{`He joined Acme Inc. Tokyo office staff.`}},
		// Khmer.
		{"km", km, []string{
			`ឯកឧត្តមឧបនាយករដ្ឋមន្ត្រី ប្រាក់ សុខុន បានជួបពិភាក្សាជាមួយ ឯកឧត្តម ហាយ៉ាស៊ិ យ៉ុស៊ិម៉ាសា រដ្ឋមន្ត្រីការបរទេសជប៉ុន។`,
			`ភាគីទាំងពីរបានពិភាក្សាអំពីកិច្ចសហប្រតិបត្តិការទ្វេភាគី។`,
		}},
		{"km closing quote then sign", km, []string{`ឯកឧត្តមបានមានប្រសាសន៍ថា "កម្ពុជាគាំទ្រជានិច្ច!"។`, `កិច្ចប្រជុំបានបញ្ចប់។`}},
		{"km quote and etc", km, []string{`ឯកឧត្តមបានមានប្រសាសន៍ថា «យើងនឹងបន្តកិច្ចសហប្រតិបត្តិការ។»`, `វិស័យកសិកម្ម អប់រំ សុខាភិបាល ។ល។ ត្រូវបានលើកឡើង។`, `តើភាគីជប៉ុននឹងចូលរួមដែរឬទេ?`}},
		// A translator's space before the closing quote: ។ still ends the sentence, with its quote.
		{"km spaced closing quote", km, []string{`ឯកឧត្តមបានមានប្រសាសន៍ថា “កម្ពុជាស្វាគមន៍ការគាំទ្ររបស់ជប៉ុន។ ”`, `ភាគីទាំងពីរបានឯកភាពគ្នា។`}},
		{"km spaced straight quote", km, []string{`លោកបានបន្ថែមថា "យើងនឹងជួបគ្នាម្តងទៀត។ "`, `ការហៅទូរស័ព្ទបានបញ្ចប់។`}},
		{"km guillemet", km, []string{`លោកបានសួរថា «តើពេលណា?»`, `ឯកឧត្តមបានឆ្លើយតប។`}},
		{"km sign and full stop", km, []string{`ភាគីទាំងពីរបានឯកភាពគ្នា។.`, `កិច្ចប្រជុំបានបញ្ចប់។`}},
		// Japanese, in the style of MOFA readouts.
		{"ja", ja, []string{
			`11月18日、午後5時から約30分間、林芳正外務大臣は、プラック・ソコン・カンボジア王国副首相兼外務国際協力大臣と電話会談を行いました。`,
			`両外相は、二国間関係について意見交換を行いました。`,
		}},
		// Translators carry each sentence of an English quotation over as a sentence of its own.
		{"ja quotation with two sentences", ja, []string{
			`林大臣から、「日本はカンボジアとの協力を一層強化していきたい。`,
			`来年の首脳会談に向けて緊密に連携したい。」と述べました。`,
			`「今後も連携していきたい。」`,
		}},
		{"ja quotative particle", ja, []string{`ソコン副首相は「感謝します。」と述べた。`, `本当ですか？！`, `はい。`}},
		// A quotation and a short attribution without と are one sentence, as the English '"…," he said.' is;
		// a clause that reports on its own is not.
		{"ja attribution after a quotation", ja, []string{`「両国の協力をさらに強化したい。」大臣は記者団に語った。`, `会談は和やかに行われた。`}},
		{"ja attribution after a question", ja, []string{`「次の会合はいつですか？」副首相は尋ねた。`}},
		{"ja reporting clause after a quotation", ja, []string{
			`「協力を強化したい。」`, `林大臣は、日本として引き続き支援すると述べた。`, `「ありがとう。」`, `副首相は謝意を述べた。`,
		}},
		{"ja quoted names", ja, []string{`両外相は、「自由で開かれたインド太平洋」の実現に向けて連携することで一致しました。`}},
		{"ja half-width full stop", ja, []string{`会談は友好的な雰囲気で行われた｡`, `次回は東京で開催する。`}},
		{"ja ascii name", ja, []string{`Yahoo!ニュースが報じた（共同）。`, `以上です。`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sep := " "
			if tt.lang == ja {
				sep = ""
			}
			text := strings.Join(tt.want, sep)
			if got := texts(tt.lang, text); !equal(got, tt.want) {
				t.Errorf("Sentences(%v, %q)\n got %q\nwant %q", tt.lang, text, got, tt.want)
			}
		})
	}
}

func TestSentencesLineBreaks(t *testing.T) {
	tests := []struct {
		lang language.Tag
		text string
		want []string
	}{
		{language.English, "Telephone Conversation between H.E. Deputy Prime Minister PRAK Sokhonn,\nMinister of Foreign Affairs\n", []string{"Telephone Conversation between H.E. Deputy Prime Minister PRAK Sokhonn,\nMinister of Foreign Affairs"}},
		{language.English, "  It ended.\nThen it began. ", []string{"It ended.", "Then it began."}},
		{language.Khmer, "ក្រសួងការបរទេស\nនិងសហប្រតិបត្តិការអន្តរជាតិ", []string{"ក្រសួងការបរទេស\nនិងសហប្រតិបត្តិការអន្តរជាតិ"}},
		{language.Japanese, "外務省\n報道発表。", []string{"外務省\n報道発表。"}},
		{language.English, " \n ", nil},
	}
	for _, tt := range tests {
		if got := texts(tt.lang, tt.text); !equal(got, tt.want) {
			t.Errorf("Sentences(%v, %q)\n got %q\nwant %q", tt.lang, tt.text, got, tt.want)
		}
	}
}

func TestSentencesDispatch(t *testing.T) {
	text := "Il est venu. Elle est partie。"
	for _, tt := range []struct {
		lang string
		want int
	}{{"fr", 2}, {"en-GB", 2}, {"ja-JP", 1}, {"km-KH", 1}} {
		if got := len(Sentences(language.MustParse(tt.lang), text)); got != tt.want {
			t.Errorf("Sentences(%s, %q): got %d sentences, want %d", tt.lang, text, got, tt.want)
		}
	}
}

// TestSeedRelease checks the paragraph "The two Foreign Ministers ..." of ../shared/reference/seed-release-en.md.
func TestSeedRelease(t *testing.T) {
	path := testenv.Shared(t, "reference", "seed-release-en.md")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("seed release not available: %v", err)
	}
	doc := strings.ReplaceAll(string(data), "\r\n", "\n")
	start := strings.Index(doc, "The two Foreign Ministers noted")
	end := strings.Index(doc, "Apart from bilateral relations")
	if start < 0 || end < start {
		t.Fatalf("paragraph not found in %s", filepath.Base(path))
	}
	// Join the page break that splits "Cambodian / peacekeepers".
	para := strings.Join(strings.Fields(doc[start:end]), " ")
	got := texts(language.English, para)
	wantStarts := []string{"The two Foreign Ministers", "They exchanged views", "In the area of political-security",
		"H.E. Prak Sokhonn thanked", "They expressed satisfaction"}
	if len(got) != len(wantStarts) {
		t.Fatalf("got %d sentences, want %d:\n%q", len(got), len(wantStarts), got)
	}
	for i, s := range got {
		if !strings.HasPrefix(s, wantStarts[i]) || !strings.HasSuffix(s, ".") {
			t.Errorf("sentence %d: got %q, want it to start with %q and end with a full stop", i, s, wantStarts[i])
		}
	}
	// No sentence starts or ends inside "H.E.", anywhere in the release.
	flat := strings.Join(strings.Fields(doc), " ")
	for _, sp := range Sentences(language.English, flat) {
		for k := strings.Index(flat, "H.E."); k >= 0; k = next(flat, "H.E.", k) {
			for _, off := range []int{sp.Start, sp.End} {
				if k < off && off < k+len("H.E.") {
					t.Errorf("span %v %q cuts the H.E. at %d", sp, flat[sp.Start:sp.End], k)
				}
			}
		}
	}
}

// next returns the offset of the next occurrence of sub in s after the one at k, or -1.
func next(s, sub string, k int) int {
	i := strings.Index(s[k+1:], sub)
	if i < 0 {
		return -1
	}
	return k + 1 + i
}

// TestTitled: a title on a line of its own before the text of a list item is a span of its own, in each
// language; a wrapped line of running text is not.
func TestTitled(t *testing.T) {
	en, km, ja := language.English, language.Khmer, language.Japanese
	tests := []struct {
		name  string
		lang  language.Tag
		lines []string // the lines of the block, joined by a space that stands for a soft line break
		want  []string
	}{
		{"English title", en, []string{"Introduction", "Minister Tanaka thanked the Chair. He spoke briefly."},
			[]string{"Introduction", "Minister Tanaka thanked the Chair.", "He spoke briefly."}},
		{"English title with a label and minor words", en, []string{"(2) Regional and International Situations", "The two ministers exchanged views."},
			[]string{"(2) Regional and International Situations", "The two ministers exchanged views."}},
		{"English prose wrapped", en, []string{"Minister Tanaka expressed his respect for the", "contributions of Cambodia."},
			[]string{"Minister Tanaka expressed his respect for the contributions of Cambodia."}},
		{"English capitalised line running on", en, []string{"Foreign Minister Tanaka and Prime Minister Hun Sen", "agreed to cooperate."},
			[]string{"Foreign Minister Tanaka and Prime Minister Hun Sen agreed to cooperate."}},
		{"English line ending in a minor word", en, []string{"Japan and", "Cambodia agreed to cooperate."},
			[]string{"Japan and Cambodia agreed to cooperate."}},
		{"English title-case words not starting a line", en, []string{"The ministers met. Regional Situations", "The ministers spoke."},
			[]string{"The ministers met.", "Regional Situations The ministers spoke."}},
		{"English title after a line of its own", en, []string{"The ministers met.", "Regional Situations", "The ministers spoke."},
			[]string{"The ministers met.", "Regional Situations", "The ministers spoke."}},
		{"Japanese title", ja, []string{"(1)ミャンマー情勢", "林大臣は、ミャンマー情勢に深刻な懸念を表明しました。"},
			[]string{"(1)ミャンマー情勢", "林大臣は、ミャンマー情勢に深刻な懸念を表明しました。"}},
		{"Japanese running text", ja, []string{"林大臣は、", "謝意を表明しました。"},
			[]string{"林大臣は、 謝意を表明しました。"}},
		{"Khmer title", km, []string{"ស្ថានភាពនៅមីយ៉ាន់ម៉ា", "រដ្ឋមន្ត្រីការបរទេសជប៉ុន បានសម្តែងការព្រួយបារម្ភយ៉ាងខ្លាំងចំពោះស្ថានភាពនៅមីយ៉ាន់ម៉ា។"},
			[]string{"ស្ថានភាពនៅមីយ៉ាន់ម៉ា", "រដ្ឋមន្ត្រីការបរទេសជប៉ុន បានសម្តែងការព្រួយបារម្ភយ៉ាងខ្លាំងចំពោះស្ថានភាពនៅមីយ៉ាន់ម៉ា។"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := strings.Join(tt.lines, " ")
			var breaks []int
			off := 0
			for _, l := range tt.lines[:len(tt.lines)-1] {
				off += len(l)
				breaks = append(breaks, off)
				off++
			}
			var got []string
			for _, sp := range Titled(tt.lang, text, breaks) {
				got = append(got, text[sp.Start:sp.End])
			}
			if !equal(got, tt.want) {
				t.Errorf("Titled(%q) = %q, want %q", text, got, tt.want)
			}
			if n := len(Titled(tt.lang, text, nil)); n != len(Sentences(tt.lang, text)) {
				t.Errorf("Titled without breaks gives %d spans, Sentences %d", n, len(Sentences(tt.lang, text)))
			}
		})
	}
}
