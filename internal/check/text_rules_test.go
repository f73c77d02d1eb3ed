package check

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/relloc/relloc/internal/matchform"
	"github.com/relloc/relloc/internal/release"
	"github.com/relloc/relloc/internal/runeclass"
	"github.com/relloc/relloc/internal/ui"
)

// TestUntranslated: what official Japanese and Khmer keep in Latin is not untranslated; English prose is.
func TestUntranslated(t *testing.T) {
	tests := []struct {
		name, en, lang, text string
		fires                bool
	}{
		{"original name and title in brackets",
			"Prime Minister Kishida held a telephone conversation with Samdech Moha Borvor Thipadei Hun Manet, Prime Minister of the Kingdom of Cambodia.",
			"ja", "岸田総理大臣は、フン・マネット・カンボジア王国首相(Samdech Moha Borvor Thipadei HUN Manet, Prime Minister of the Kingdom of Cambodia)と電話会談を行いました。", false},
		{"Khmer name with its original form",
			"H.E. HAYASHI Yoshimasa welcomed the visit.",
			"km", "ឯកឧត្តម ហាយ៉ាស៊ិ យ៉ុស៊ិម៉ាសា (HAYASHI Yoshimasa) បានស្វាគមន៍ដំណើរទស្សនកិច្ចនេះ។", false},
		{"URL", "Details are on the Ministry's website.",
			"ja", "詳細は https://www.mofa.go.jp/mofaj/press/release/index.html を御覧ください。", false},
		{"e-mail address", "Enquiries: press@mofa.go.jp",
			"ja", "問い合わせは press@mofa.go.jp まで。", false},
		{"title of a foreign work", "He is the author of Diplomacy in a Divided Region.",
			"ja", "同氏は『Diplomacy in a Divided Region』の著者である。", false},
		{"names and acronyms among Japanese words", "Inspector John Smith of the Metropolitan Police said the damage was minor.",
			"ja", "ロンドン警視庁のJohn Smith警部は、CNNに対し被害は軽微だったと述べた。", false},
		{"Latin glossary rendering", "ASEAN and Japan agreed.", "ja", "ASEANと日本は一致した。", false},
		{"quotation in its original language with a Japanese gloss", "Il faut avancer ensemble.",
			"ja", "Il faut avancer ensemble.（共に前進しなければならない）", false},
		{"quotation in its original language with a Khmer gloss", "Il faut avancer ensemble.",
			"km", "Il faut avancer ensemble. (យើងត្រូវតែរួមគ្នាឆ្ពោះទៅមុខ)", false},
		{"English quotation with a Japanese gloss", "We must move forward together.",
			"ja", "We must move forward together.（共に前進しなければならない）", true},
		{"English prose with a Japanese gloss", "The Ministers met in Phnom Penh.",
			"ja", "The Ministers met in Phnom Penh (プノンペン).", true},
		{"English prose after a Japanese subject", "The two ministers agreed to strengthen cooperation.",
			"ja", "両外相は agreed to strengthen cooperation in all fields.", true},
		{"Khmer segment left in English", "The two ministers agreed to strengthen cooperation.",
			"km", "The two ministers agreed to strengthen the cooperation.", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := oneRelease(t, map[string]string{"en": tt.en + "\n", tt.lang: tt.text + "\n"})
			got := rulesOf(t, fsys, "untranslated")
			if fired := len(got) > 0; fired != tt.fires {
				t.Errorf("%q: untranslated fired = %v, want %v (%v)", tt.text, fired, tt.fires, got)
			}
		})
	}
}

// TestRuneTables: the tables that latinShare and blockPunctuation read answer as the unicode tables and the
// bracket pairs do, for every rune of the Basic Multilingual Plane and a few beyond.
func TestRuneTables(t *testing.T) {
	for r := rune(0); r < 0x10000; r++ {
		if got, want := kindOf(r), kindOfSlow(r); got != want {
			t.Fatalf("kindOf(%U) = %b, want %b", r, got, want)
		}
		_, open := pairs[r]
		_, shut := openers[r]
		if isBracket(r) != (open || shut) {
			t.Fatalf("isBracket(%U) = %v, want %v", r, isBracket(r), open || shut)
		}
	}
	for _, r := range []rune{'𠮷', '𝐀', '😀'} {
		if got, want := kindOf(r), kindOfSlow(r); got != want {
			t.Errorf("kindOf(%U) = %b, want %b", r, got, want)
		}
	}
}

// kindOf and kindOfSlow are runeclass.Of without the Japanese class, and the same asked of the unicode
// package's range tables: TestRuneTables' check that latinShare reads what the unicode tables say.
const (
	isLetter = uint8(runeclass.Letter)
	isMark   = uint8(runeclass.Mark)
	isDigit  = uint8(runeclass.Digit)
)

func kindOf(r rune) uint8 { return uint8(runeclass.Of(r) &^ runeclass.Japanese) }

func kindOfSlow(r rune) uint8 {
	var k uint8
	if unicode.IsLetter(r) {
		k |= isLetter
	}
	if unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r) {
		k |= isMark
	}
	if unicode.IsDigit(r) {
		k |= isDigit
	}
	return k
}

// lowerLatinCases are texts around the count of two lower-case Latin letters that lowerLatin stops at.
var lowerLatinCases = []string{
	"", "ASEANと日本は一致した。", "ឯកឧត្តម (HAYASHI Yoshimasa)", "x 日本 y", "ｔｈｅ ｍｅｅｔｉｎｇ", "Éa", "ÉA été", "ǅz",
	"\xc3(ab)", "両外相は agreed", "a\xef\xbd", "ŋ ŋ", "ɐ ɐ", "ＡＳＥＡＮ ａ", "I",
}

// TestLowerLatinBoundsLatinShare: what lets untranslated skip a segment with fewer than two lower-case Latin
// letters. latinShare counts no Latin in such a text, whatever is masked; with -fuzz, any text
// (FuzzLowerLatinBoundsLatinShare).
func TestLowerLatinBoundsLatinShare(t *testing.T) {
	for _, s := range lowerLatinCases {
		lowerLatinBoundsLatinShare(t, s)
	}
	if got := lowerLatin("両外相は agreed"); got != 2 {
		t.Errorf("lowerLatin(%q) = %d, want 2", "両外相は agreed", got)
	}
}

func lowerLatinBoundsLatinShare(t *testing.T, s string) {
	t.Helper()
	if lowerLatin(s) >= 2 {
		return
	}
	masks := [][]bool{make([]bool, len(s)), keptInLatin(s)}
	for k := range len(s) { // every single byte masked, which cuts a word wherever it may be cut
		m := make([]bool, len(s))
		m[k] = true
		masks = append(masks, m)
	}
	for _, m := range masks {
		if latin, _ := latinShare(s, m); latin != 0 {
			t.Fatalf("latinShare(%q) = %d Latin letters with %d lower-case ones", s, latin, lowerLatin(s))
		}
	}
}

func FuzzLowerLatinBoundsLatinShare(f *testing.F) {
	for _, s := range lowerLatinCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) <= 200 {
			lowerLatinBoundsLatinShare(t, s)
		}
	})
}

// blockPunctuationReference is blockPunctuation as it was before it passed over the bytes that lead no bracket:
// a range over every rune of the text.
func blockPunctuationReference(b *release.Block) []problem {
	var out []problem
	text := b.Text
	for i := 0; i+1 < len(text); i++ {
		if text[i] == ' ' && text[i+1] == ' ' {
			j := i
			for j < len(text) && text[j] == ' ' {
				j++
			}
			out = append(out, problem{i, j, ui.Message{ID: "DoubledSpace"}})
			i = j
		}
	}
	type open struct {
		r   rune
		off int
	}
	var stack []open
	for i, r := range text {
		if _, ok := pairs[r]; ok {
			stack = append(stack, open{r, i})
			continue
		}
		if o, ok := openers[r]; ok {
			if len(stack) > 0 && stack[len(stack)-1].r == o {
				stack = stack[:len(stack)-1]
				continue
			}
			out = append(out, problem{i, i + len(string(r)), ui.Message{ID: "BracketNotOpened", Args: ui.Args{"Close": string(r), "Open": string(o)}}})
		}
	}
	for _, o := range stack {
		out = append(out, problem{o.off, o.off + len(string(o.r)), ui.Message{ID: "BracketNotClosed", Args: ui.Args{"Open": string(o.r), "Close": string(pairs[o.r])}}})
	}
	if n := strings.Count(text, "\""); n%2 == 1 {
		i := strings.LastIndex(text, "\"")
		out = append(out, problem{i, i + 1, ui.Message{ID: "UnbalancedQuotes"}})
	}
	return out
}

// lowerLatinReference is lowerLatin as it was before it passed over the rest of a three-byte rune.
func lowerLatinReference(text string) int {
	n := 0
	for i := 0; i < len(text) && n < 2; i++ {
		c := text[i]
		switch {
		case 'a' <= c && c <= 'z':
			n++
		case c >= 0xC2 && c <= 0xC9 || c == 0xEF: // U+0080–U+024F, U+F000–U+FFFF
			r, _ := utf8.DecodeRuneInString(text[i:])
			if (r < 0x250 || matchform.IsFullwidthASCII(r)) && unicode.IsLower(r) && runeclass.Of(r)&runeclass.Letter != 0 {
				n++
			}
		}
	}
	return n
}

// widthRunsReference is the runs the width rule listed before widthRuns: a range over the text and a space.
func widthRunsReference(text string) [][3]int {
	var out [][3]int
	start, full := -1, false
	for i, r := range text + " " {
		isFull := matchform.IsFullwidthASCII(r) && (unicode.IsLetter(r) || unicode.IsDigit(r))
		isHalf := r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r))
		if start >= 0 && (isFull != full || !isFull && !isHalf) {
			k := 0
			if full {
				k = 1
			}
			out = append(out, [3]int{start, i, k})
			start = -1
		}
		if start < 0 && (isFull || isHalf) {
			start, full = i, isFull
		}
	}
	return out
}

// textPieces are what the texts of TestScansMatchReference are made of: every bracket, its neighbours in the
// code space, spaces, quotes, both widths, Khmer, kana and kanji, and bytes that are no UTF-8.
var textPieces = []string{"(", ")", "[", "]", "「", "」", "『", "』", "（", "）", "“", "”", "«", "»", "【", "】", "〔", "〕",
	"〖", "‘", "¬", "　", " ", "  ", "\"", "a", "Z", "5", "ｅ", "Ｚ", "５", "ក្រសួង", "សេចក្តី", "។", "外務省", "は", "カ",
	"、", "\xe3", "\xc2", "\xef\xbc", "\x80", "é", "\xe1\x9e", "\xe1", "\xed\xa0\x80", "\xe0\xa4\x80", "\xee\x80\x80", "\xf0\x9f\x98\x80", "ａ", "ß", "ɐ", "\xe1a", "\xe3\x81a"}

func checkScans(t *testing.T, text string) {
	t.Helper()
	b := &release.Block{Text: text}
	if got, want := blockPunctuation(b), blockPunctuationReference(b); !reflect.DeepEqual(got, want) {
		t.Fatalf("blockPunctuation(%q) = %v, want %v", text, got, want)
	}
	if got, want := lowerLatin(text), lowerLatinReference(text); got != want {
		t.Fatalf("lowerLatin(%q) = %d, want %d", text, got, want)
	}
	var got [][3]int
	widthRuns(text, func(start, end int, full bool) {
		k := 0
		if full {
			k = 1
		}
		got = append(got, [3]int{start, end, k})
	})
	if want := widthRunsReference(text); !reflect.DeepEqual(got, want) {
		t.Fatalf("widthRuns(%q) = %v, want %v", text, got, want)
	}
}

// TestScansMatchReference compares blockPunctuation, lowerLatin and widthRuns with the scans they replaced on random texts.
func TestScansMatchReference(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var s strings.Builder
		for range r.IntN(24) {
			s.WriteString(textPieces[r.IntN(len(textPieces))])
		}
		checkScans(t, s.String())
	}
}

func FuzzScansMatchReference(f *testing.F) {
	for _, p := range textPieces {
		f.Add(p + "x" + p)
	}
	f.Fuzz(func(t *testing.T, s string) { checkScans(t, s) })
}
