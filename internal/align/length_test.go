package align

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/runeclass"
	"github.com/relloc/relloc/internal/segment"
	"github.com/relloc/relloc/internal/testenv"
)

// lengthReference is Length as first written, rune by rune through letterKind: the definition that Length's
// faster reading (ASCII a byte at a time, the class table read directly, brackets found by their bytes) must
// agree with.
func lengthReference(text string) int {
	n, latin, other, japanese, depth := 0, 0, 0, 0, 0
	for _, r := range text {
		n++
		switch {
		case r == '(' || r == '（':
			depth++
		case (r == ')' || r == '）') && depth > 0:
			depth--
		case depth == 0:
			switch letterKind(r) {
			case kindLatin:
				latin++
			case kindJapanese:
				japanese++
				other++
			case kindOther:
				other++
			}
		}
	}
	if other <= latin {
		return n
	}
	drop := 0
	if japanese > latin {
		drop = latin / 2
	}
	for i := 0; i < len(text); {
		r, w := utf8.DecodeRuneInString(text[i:])
		if r != '(' && r != '（' {
			i += w
			continue
		}
		end := strings.IndexAny(text[i+w:], ")）")
		if end < 0 {
			break
		}
		inner := text[i+w : i+w+end]
		l, o := 0, 0
		for _, r := range inner {
			switch letterKind(r) {
			case kindLatin:
				l++
			case kindJapanese, kindOther:
				o++
			}
		}
		if l > 0 && o == 0 {
			drop += utf8.RuneCountInString(inner) + 2
		}
		i += w + end + 1
	}
	return n - drop
}

// lengthCases are texts whose reading is easy to get wrong: brackets of both widths, nested and unclosed, a
// closing bracket split by a later search, invalid UTF-8 before and inside brackets, Latin beyond ASCII.
var lengthCases = []string{
	"", "(", ")", "（", "）", "a(b)c", "(((x)))", "）（ABC）", "ក(ABC)ខគ", "ក(ABC）ខគ）(D)",
	"日本(Japan)と(カンボジア)", "日本（Japan）と\xff(Cambodia)", "日本\xe3(AB)", "日本(A\xffB)だ", "日本(AB",
	"ÉCOLE 日本語の学校", "Ünïcödé (ÄÖ) ក្រសួង", "\xef\xbc(X)国", "国\xef\xbc\x88X)国国", "𠮷野家(Yoshinoya)の",
	"フン・セン首相(Samdech HUN SEN, Prime Minister)と会談した。", "ASEAN関連外相会議は東京で開催された",
	"The Minister of Foreign Affairs (Cambodia) met 日本の外相 [HAYASHI] {Yoshimasa} at 10:00 @ Tokyo`s office.",
	"abcdefgh(ijklmnop)qrstuvwx)yz 0123456789 ABCDEFGHIJKLMNOPQRSTUVWXYZ ជាតិ សាសនា ព្រះមហាក្សត្រ",
	"ក្រសួង(MINISTRY OF FOREIGN AFFAIRS)ការបរទេស ((nested (deep)) text after) ។ trailing words after it",
	"国際協力機構JICA  Japan International Cooperation Agency\xffand then 日本語 (in brackets)",
	"He met them. They talked (at length. Then) left! Did they? Yes.", "ក្រសួង។ ការបរទេស(MFAIC។)ខ។ ជាតិ\xe1\x9e។ ",
	"日本は。カンボジアは（東京。）と述べた。\xe3\x80。終わり。", "A. B.\xe2\x80\xa6 C… D",
}

// TestLengthClassBits: Length counts letters by the bits of runeclass.Class, Letter the lowest and Japanese
// japaneseShift above it.
func TestLengthClassBits(t *testing.T) {
	if runeclass.Letter != 1 || runeclass.Japanese>>japaneseShift != runeclass.Letter {
		t.Errorf("runeclass.Letter = %#x, Japanese = %#x: Length's japaneseShift = %d no longer reads them", runeclass.Letter, runeclass.Japanese, japaneseShift)
	}
}

// TestLengthMatchesReference: Length gives what lengthReference gives, on hard cases and, when ../shared is
// present, on every line of NTREX-128 in the three languages.
func TestLengthMatchesReference(t *testing.T) {
	for _, s := range lengthCases {
		if got, want := Length(s), lengthReference(s); got != want {
			t.Errorf("Length(%q) = %d, want %d", s, got, want)
		}
	}
	if testing.Short() {
		return
	}
	eachNTREXLine(t, func(name string, _ language.Tag, n int, line string) {
		if got, want := Length(line), lengthReference(line); got != want {
			t.Errorf("%s:%d: Length = %d, want %d", name, n, got, want)
		}
	})
}

// eachNTREXLine calls each with every line of NTREX-128's English, Khmer and Japanese files (../shared; the
// test skips when it is absent), its file's name and language, and its line number.
func eachNTREXLine(t *testing.T, each func(name string, lang language.Tag, n int, line string)) {
	t.Helper()
	dir := testenv.Shared(t, "corpora", "ntrex128")
	for _, f := range []struct {
		name string
		lang language.Tag
	}{
		{"newstest2019-src.eng.txt", language.English},
		{"newstest2019-ref.khm.txt", language.Khmer},
		{"newstest2019-ref.jpn.txt", language.Japanese},
	} {
		data, err := os.ReadFile(filepath.Join(dir, f.name))
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(data), "\n") {
			each(f.name, f.lang, i+1, line)
		}
	}
}

// FuzzLength: Length gives what lengthReference gives on any input, valid UTF-8 or not.
func FuzzLength(f *testing.F) {
	for _, s := range lengthCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Length(s), lengthReference(s); got != want {
			t.Fatalf("Length(%q) = %d, want %d", s, got, want)
		}
		for _, lang := range []language.Tag{language.English, language.Khmer, language.Japanese} {
			if msg := lengthsAsLength(lang, s); msg != "" {
				t.Fatal(msg)
			}
		}
	})
}

// lengthsAsLength returns "" when Lengths gives the Length of text and of each of its sentences in lang, else what
// differs.
func lengthsAsLength(lang language.Tag, text string) string {
	spans := segment.Sentences(lang, text)
	lens := make([]int, len(spans))
	if got, want := Lengths(text, spans, lens), Length(text); got != want {
		return fmt.Sprintf("%v: Lengths(%q) = %d, want %d", lang, text, got, want)
	}
	for k, sp := range spans {
		if want := Length(text[sp.Start:sp.End]); lens[k] != want {
			return fmt.Sprintf("%v: Lengths(%q) gives sentence %d %d, want %d", lang, text, k, lens[k], want)
		}
	}
	return ""
}

// TestLengthsMatchLength: Lengths measures a text and its sentences as Length does each, on hard cases and, when
// ../shared is present, on every line of NTREX-128 in its language.
func TestLengthsMatchLength(t *testing.T) {
	langs := []language.Tag{language.English, language.Khmer, language.Japanese}
	for _, s := range lengthCases {
		for _, lang := range langs {
			if msg := lengthsAsLength(lang, s); msg != "" {
				t.Error(msg)
			}
		}
	}
	if testing.Short() {
		return
	}
	eachNTREXLine(t, func(_ string, lang language.Tag, _ int, line string) {
		if msg := lengthsAsLength(lang, line); msg != "" {
			t.Error(msg)
		}
	})
}

// BenchmarkLength measures Length over the lines of NTREX-128 in each language.
func BenchmarkLength(b *testing.B) {
	dir := testenv.Shared(b, "corpora", "ntrex128")
	for _, lang := range []string{"eng", "khm", "jpn"} {
		name := "newstest2019-ref." + lang + ".txt"
		if lang == "eng" {
			name = "newstest2019-src.eng.txt"
		}
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			b.Fatal(err)
		}
		lines := strings.Split(string(data), "\n")
		b.Run(lang, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				for _, l := range lines {
					Length(l)
				}
			}
		})
	}
}
