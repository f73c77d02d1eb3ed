package align

import (
	"strings"
	"testing"
)

func TestQuoteStates(t *testing.T) {
	tests := []struct {
		name  string
		units []string
		want  string // state of each boundary: c closed, o open, ? unknown
	}{
		{"japanese quotation split at 。", []string{
			"林大臣から、地域情勢について意見交換を行いたい旨述べた。",
			"林大臣から「法の支配に基づく自由で開かれた国際秩序を維持したい。",
			"両国で緊密に連携していきたい」と述べた。",
		}, "ccoc"},
		{"english quotation in one sentence", []string{
			`Minister Hayashi said, "Japan will stand by Cambodia."`,
			"The two ministers agreed to meet again.",
		}, "ccc"},
		{"curly and single quotes, apostrophes ignored", []string{
			"The Minister said: ‘We don’t intend to wait.",
			"We will act now.’",
			"He called it “a new chapter”.",
		}, "cocc"},
		{"a quotation left open by the translator says nothing after it", []string{
			"両外相は地域情勢について意見交換を行った。",
			"「両国関係を一層強化していきたい。",
			"首脳会談は和やかな雰囲気の中で行われた。",
		}, "cc?c"},
		// The English says it in one sentence: The Minister stated: "…"
		{"an announcement and its quotation", []string{
			"その上で、林大臣は次のように述べた。",
			"「両国関係を一層強化していきたい。」",
			"首脳会談は和やかな雰囲気の中で行われた。",
		}, "cocc"},
		{"an announcement with こう", []string{
			"副首相はこう語った。",
			"「日本の支援に感謝したい。」",
		}, "coc"},
		{"こう in another word", []string{
			"こうした協力を歓迎した。",
			"「日本の支援に感謝したい。」",
		}, "ccc"},
		{"an announcement without a quotation", []string{
			"林大臣は次のように述べた。",
			"両外相は緊密に連携していくことで一致した。",
		}, "ccc"},
		{"a block that starts inside a long quotation", []string{
			`He added that the talks had been useful."`,
			"The meeting lasted an hour.",
		}, "c?c"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var us []Unit
			for _, s := range tt.units {
				us = append(us, Unit{Text: s})
			}
			var b strings.Builder
			for _, s := range quoteStates(us) {
				b.WriteByte("?co"[s])
			}
			if got := b.String(); got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}

// TestSentencesQuotation: a Japanese readout condenses a long English sentence and splits a quoted one at 。
// inside 「…」. By length alone the first half of the quotation joins the condensed sentence before it; the
// quotation, closed on the English side after that sentence and open on the Japanese side, keeps it whole.
func TestSentencesQuotation(t *testing.T) {
	src := []Unit{
		{Text: "At the outset, Foreign Minister Hayashi warmly welcomed Deputy Prime Minister Prak Sokhonn on his visit to Japan, and expressed his appreciation for the long-standing friendship between the two countries."},
		{Text: `Minister Hayashi stated, "Japan intends to further deepen cooperation with Cambodia in areas such as demining and human resource development."`},
		{Text: "In response, Deputy Prime Minister Prak Sokhonn expressed his gratitude for Japan's support over many years."},
	}
	tgt := []Unit{
		{Text: "冒頭、林外務大臣から、プラック・ソコン副首相兼外務国際協力大臣の訪日を歓迎し、両国の友好関係に謝意を表した。"},
		{Text: "林大臣から「日本は、地雷除去の分野でカンボジアとの協力を一層深めていきたい。"},
		{Text: "人材育成の分野でも協力を進めていきたい」と述べた。"},
		{Text: "これに対し、プラック・ソコン副首相から、長年にわたる日本の支援に対する謝意が表明された。"},
	}
	want := "[0]-[0] [1]-[1 2] [2]-[3]"
	links, err := Sentences(src, tgt, Options{Model: EnglishJapanese})
	if err != nil {
		t.Fatal(err)
	}
	if got := shape(links); got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

// TestSentencesAnnouncedQuotation: the English introduces a quotation in the sentence that opens it ('He then
// stated: "…'), the Japanese announces it in a sentence of its own (次のように述べた。) before 「. By length the
// announcement joins the long sentence before it; the announcement belongs with the quotation.
func TestSentencesAnnouncedQuotation(t *testing.T) {
	src := []Unit{
		{Text: "Foreign Minister Hayashi expressed his appreciation for Cambodia's leadership as chair of the regional forum and for its cooperation on regional issues."},
		{Text: `He then stated: "Japan will continue to support Cambodia.`},
		{Text: `We hope to strengthen our partnership further."`},
	}
	tgt := []Unit{
		{Text: "林外務大臣は、地域フォーラムの議長国としてのカンボジアの指導力と、地域課題における緊密な協力に対し、謝意を表明した。"},
		{Text: "その上で、林大臣は次のように述べた。"},
		{Text: "「日本は引き続きカンボジアを支援する。"},
		{Text: "両国のパートナーシップを一層強化していきたい。」"},
	}
	want := "[0]-[0] [1]-[1 2] [2]-[3]"
	links, err := Sentences(src, tgt, Options{Model: EnglishJapanese})
	if err != nil {
		t.Fatal(err)
	}
	if got := shape(links); got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}
