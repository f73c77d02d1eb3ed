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
		// English, from ../shared/corpora/ntrex128/newstest2019-src.eng.txt.
		{"en titles", en, []string{
			`"Historically, the old people I've talked to say there was a bar and a church on every corner," Mr. Adams said.`,
			`The Rev. David Johnson, Father Johnson's son and successor at St. Martin's, proudly called the carillon "the poor people's bells."`,
			`Mr. Merriweather said that St. Martin's did not replace him.`,
		}},
		{"en dotted acronym inside", en, []string{
			`More than three months after the June summit in Singapore, North Korea's top diplomat Ri Yong Ho told world leaders at the U.N. General Assembly Saturday that the North doesn't see a "corresponding response" from the U.S. to North Korea's early disarmament moves.`,
			`Instead, he noted, the U.S. is continuing sanctions aimed at keeping up pressure.`,
		}},
		{"en dotted acronym ends sentence", en, []string{
			`Meanwhile, a trough is beginning to take shape over the Pacific Ocean and move east toward the West Coast of the U.S.`,
			`As Rosa approaches the Baja California peninsula on Monday as a tropical storm it will begin to push deep tropical moisture northward into the southwest U.S.`,
		}},
		{"en titles before names", en, []string{`The released information reportedly included the home addresses of U.S. Sens. Lindsey Graham of South Carolina.`, `It was filed by Det. Dennis McCarthy in Roe v. Wade.`}},
		{"en closing quote", en, []string{`I got bit!'`, `He was taken to hospital.`}},
		{"en question and digit", en, []string{`Will it work?`, `2021 will tell.`}},
		{"en initials", en, []string{`The letter was signed by J. R. Smith and H. E. Jones on Jan. 5 at No. 10.`, `No.`, `He did not.`}},
		{"en company", en, []string{`Shares of Sony Co. Ltd. rose.`, `He left Acme Inc.`, `The talks ended.`}},
		// Known ambiguity, resolved towards one sentence: "Inc." before a name-like word.
		{"en trailing before a name", en, []string{`He joined Acme Inc. Tokyo office staff.`}},
		// Khmer, from ../shared/corpora/ntrex128/newstest2019-ref.khm.txt.
		{"km", km, []string{
			`មានភាពស្រឡាំងកាំងជុំវិញ AMs មួយចំនួនចំពោះការសំណូមពរឲ្យប្តូរឋានៈរបស់ពួកគេទៅជា MWPs (សមាជិកសភាវ៉ែល)។`,
			`វាបានកើតឡើងដោយសារតែផែនការដើម្បីផ្លាស់ប្តូរឈ្មោះសភាទៅជាសភាវ៉ែល។`,
		}},
		{"km closing quote then sign", km, []string{`"ខ្ញុំបានស្រែកទៅកាន់គ្រប់គ្នាដើម្បីចេញពីទឹក៖ លោក Hammel បានបន្ថែមថា "មានឆ្លាមមួយនៅក្នុងទឹក!"។`, `វាបានកើតឡើង។`}},
		{"km quote and etc", km, []string{`គាត់បាននិយាយថា «យើងនឹងទៅ។»`, `ផ្លែឈើ បន្លែ ។ល។ មានលក់នៅផ្សារ។`, `តើអ្នកទៅទេ?`}},
		// Japanese, from ../shared/corpora/ntrex128/newstest2019-ref.jpn.txt.
		{"ja", ja, []string{
			`ウェールズ議会議員の呼称をAM (Assembly Member) からMWP (Member of the Welsh Parliament) に変えるべきだという提案によって、一部の議員の間には困惑が広がっている。`,
			`ウェールズ議会の名称を変更するという計画がその発端となっている。`,
		}},
		{"ja quotation with two sentences", ja, []string{
			`「この建物に住む人間の大部分は白人になると思います」彼は言う、「これは教会の閉鎖を一気に早めます。なぜなら移住してくる彼らのほとんどは教会に入らないはずですから。」`,
			`「今はいずれも存在しません。」`,
		}},
		{"ja quotative particle", ja, []string{`彼は「行きます。」と言った。`, `本当ですか？！`, `はい。`}},
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
