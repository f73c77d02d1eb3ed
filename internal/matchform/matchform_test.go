package matchform

import (
	"math/rand/v2"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"

	"github.com/relloc/relloc/internal/testenv"
)

// Real spellings from ../shared/corpora/ntrex128/newstest2019-ref.khm.txt,
// with the line each was copied from. The corpus has no split vowels typed in
// two parts; those cases are written by hand.
var khmerCases = []struct {
	name string
	line int    // line in the corpus, 0 when written by hand
	in   string // as typed
	want string // canonical spelling
}{
	{"coeng DA after NO", 36, "ប៉ុន្ដែ", "ប៉ុន្តែ"},
	{"coeng DA after NO", 342, "រថយន្ដ", "រថយន្ត"},
	{"coeng DA after NO", 517, "បន្ដ", "បន្ត"},
	{"coeng DA after NNO", 798, "ដណ្ដើម", "ដណ្តើម"},
	{"coeng DA after NNO", 1505, "ដណ្ដប់", "ដណ្តប់"},
	{"coeng DA elsewhere", 235, "ផ្ដាច់", "ផ្តាច់"},
	{"honorific", 0, "ឯកឧត្ដម", "ឯកឧត្តម"},
	{"noun prefix", 0, "សេចក្ដី", "សេចក្តី"},
	{"coeng RO first", 71, "យុទ្ធសាស្រ្ត", "យុទ្ធសាស្ត្រ"},
	{"coeng RO first", 119, "មន្រ្តី", "មន្ត្រី"},
	{"coeng RO first", 256, "រដ្ឋមន្រ្តី", "រដ្ឋមន្ត្រី"},
	{"zero-width space", 235, "ប្រកួត\u200bផ្ដាច់", "ប្រកួតផ្តាច់"},
	{"two zero-width spaces", 541, "ត្រូវ\u200b\u200bលេង", "ត្រូវលេង"},
	{"vowel before coeng", 7, "មា្នក់", "ម្នាក់"},
	{"vowel before coeng", 333, "សិទិ្ធ", "សិទ្ធិ"},
	{"vowel before coeng", 418, "ភា្លម", "ភ្លាម"},
	{"vowel before coeng", 965, "ឆោ្នត", "ឆ្នោត"},
	{"split vowel e+aa", 0, "ក\u17c1\u17b6ះ", "កោះ"},
	{"split vowel e+ii", 0, "ដ\u17c1\u17b8ម", "ដើម"},
	{"confusable oe+aa", 0, "ក\u17be\u17b6", "ក\u17c4\u17b8"},
	{"shifter after vowel", 0, "ប\u17b8\u17ca", "ប\u17ca\u17b8"},
	{"zero-width joiner in cluster", 0, "ក\u17d2\u200dក", "ក្ក"},
	{"canonical stays", 0, "ព្រះរាជាណាចក្រកម្ពុជា", "ព្រះរាជាណាចក្រកម្ពុជា"},
	{"latin stays", 0, "H.E. Prak Sokhonn", "H.E. Prak Sokhonn"},
	{"NFC applies to latin", 0, "Cafe\u0301 ក", "Café ក"},
}

func TestKhmer(t *testing.T) {
	for _, c := range khmerCases {
		got := Khmer(c.in)
		if got.Text != c.want {
			t.Errorf("%s: Khmer(%q).Text = %q, want %q", c.name, c.in, got.Text, c.want)
		}
		if gotID, wantID := got.Identity(), c.in == c.want; gotID != wantID {
			t.Errorf("%s: Khmer(%q).Identity() = %v, want %v", c.name, c.in, gotID, wantID)
		}
		if o := got.Orig(len(got.Text)); o != len(c.in) {
			t.Errorf("%s: Orig(len) = %d, want %d", c.name, o, len(c.in))
		}
	}
}

// TestKhmerPositions embeds each look-alike spelling in a sentence, finds the
// canonical spelling in the folded text and checks that the positions map
// back to exactly the look-alike spelling in the original.
func TestKhmerPositions(t *testing.T) {
	for _, c := range khmerCases {
		if c.in == c.want {
			continue
		}
		orig := "ថ្ងៃនេះ " + c.in + " និង\u200b" + c.in + "។"
		f := Khmer(orig)
		n := 0
		for off := 0; ; {
			k := strings.Index(f.Text[off:], c.want)
			if k < 0 {
				break
			}
			start, end := off+k, off+k+len(c.want)
			got := orig[f.Orig(start):f.OrigEnd(end)]
			if got != c.in {
				t.Errorf("%s: match [%d,%d) of %q maps to %q, want %q", c.name, start, end, f.Text, got, c.in)
			}
			n++
			off = end
		}
		if n != 2 {
			t.Errorf("%s: %d matches of %q in %q, want 2", c.name, n, c.want, f.Text)
		}
	}
}

// TestKhmerCorpusLines checks that the corpus spellings in the table are
// really on the lines named.
func TestKhmerCorpusLines(t *testing.T) {
	lines := corpusLines(t, "newstest2019-ref.khm.txt")
	for _, c := range khmerCases {
		if c.line == 0 {
			continue
		}
		if c.line > len(lines) || !strings.Contains(lines[c.line-1], c.in) {
			t.Errorf("%s: %q is not on line %d of the corpus", c.name, c.in, c.line)
		}
	}
}

func TestJapanese(t *testing.T) {
	cases := []struct{ in, want string }{
		{"ｐｒｅｓｓ", "press"},
		{"１８日", "18日"},
		{"２０２１年１１月２５日～２６日", "2021年11月25日~26日"},
		{"ｶﾞｲﾑｼｮｳ", "ガイムショウ"},
		{"ﾊﾟﾘ", "パリ"},
		{"カﾞ", "ガ"},
		{"外務大臣\u3000茂木敏充", "外務大臣 茂木敏充"},
		{"外務省", "外務省"},
		{"ASEAN", "ASEAN"},
	}
	for _, c := range cases {
		f := Japanese(c.in)
		if f.Text != c.want {
			t.Errorf("Japanese(%q).Text = %q, want %q", c.in, f.Text, c.want)
		}
		if o := f.Orig(len(f.Text)); o != len(c.in) {
			t.Errorf("Japanese(%q): Orig(len) = %d, want %d", c.in, o, len(c.in))
		}
	}
	// positions: "18日" inside full-width text maps back to "１８日"
	orig := "ｐｒｅｓｓ　１８日に"
	f := Japanese(orig)
	k := strings.Index(f.Text, "18日")
	if got := orig[f.Orig(k):f.OrigEnd(k+len("18日"))]; got != "１８日" {
		t.Errorf("Japanese(%q): 18日 maps to %q, want %q", orig, got, "１８日")
	}
	k = strings.Index(f.Text, "press")
	if got := orig[f.Orig(k):f.OrigEnd(k+len("press"))]; got != "ｐｒｅｓｓ" {
		t.Errorf("Japanese(%q): press maps to %q, want %q", orig, got, "ｐｒｅｓｓ")
	}
}

func TestEnglish(t *testing.T) {
	cases := []struct {
		in   string
		cs   bool
		want string
	}{
		{"Cambodia’s Foreign Minister", false, "cambodia's foreign minister"},
		{"Cambodia’s Foreign Minister", true, "Cambodia's Foreign Minister"},
		{"H.E.\u00a0Prak Sokhonn", true, "H.E. Prak Sokhonn"},
		{"“Joint Statement”", true, `"Joint Statement"`},
		{"STRASSE Straße", false, "strasse strasse"},
		{"Cafe\u0301", false, "café"},
	}
	for _, c := range cases {
		f := English(c.in, c.cs)
		if f.Text != c.want {
			t.Errorf("English(%q, %v).Text = %q, want %q", c.in, c.cs, f.Text, c.want)
		}
		if o := f.Orig(len(f.Text)); o != len(c.in) {
			t.Errorf("English(%q, %v): Orig(len) = %d, want %d", c.in, c.cs, o, len(c.in))
		}
	}
	orig := "Straße and Cambodia’s"
	f := English(orig, false)
	k := strings.Index(f.Text, "cambodia's")
	if got := orig[f.Orig(k):f.OrigEnd(k+len("cambodia's"))]; got != "Cambodia’s" {
		t.Errorf("English(%q): cambodia's maps to %q, want %q", orig, got, "Cambodia’s")
	}
}

func TestFor(t *testing.T) {
	cases := []struct {
		lang language.Tag
		in   string
		want string
	}{
		{language.Khmer, "ឯកឧត្ដម", "ឯកឧត្តម"},
		{language.MustParse("km-KH"), "ឯកឧត្ដម", "ឯកឧត្តម"},
		{language.Japanese, "１８日", "18日"},
		{language.English, "Minister", "minister"},
		{language.French, "Ministre E\u0301tat", "Ministre État"},
	}
	for _, c := range cases {
		if got := For(c.lang, c.in).Text; got != c.want {
			t.Errorf("For(%s, %q).Text = %q, want %q", c.lang, c.in, got, c.want)
		}
	}
}

func TestKhmerIssues(t *testing.T) {
	cases := []struct {
		name  string
		in    string
		kinds []string
		frag  string // the original text of the first issue
	}{
		{"canonical", "ឯកឧត្តម ប្រាក់ សុខុន", nil, ""},
		{"zwsp between words is fine", "ត្រូវ\u200bលេង", nil, ""},
		{"coeng DA after NO (line 36)", "ប៉ុន្ដែ", []string{IssueNonCanonical}, "ន្ដ"},
		{"coeng DA elsewhere is fine", "ផ្ដាច់", nil, ""},
		{"coeng RO first (line 119)", "មន្រ្តី", []string{IssueNonCanonical}, "្រ្ត"},
		{"split vowel", "ក\u17c1\u17b6ះ", []string{IssueNonCanonical}, "\u17c1\u17b6"},
		{"vowel before coeng (line 7)", "មា្នក់", []string{IssueMarkOrder}, "មា្ន"},
		{"shifter after vowel", "ប\u17b8\u17ca", []string{IssueMarkOrder}, "ប\u17b8\u17ca"},
		{"dangling coeng", "ក្ ", []string{IssueCoengDangling}, "្"},
		{"vowel without base", " ា", []string{IssueVowelNoBase}, "ា"},
		{"zwsp in number", "១\u200b០០០", []string{IssueZWSPInNumber}, "\u200b"},
		{"zwsp in ascii number", "1\u200b000", []string{IssueZWSPInNumber}, "\u200b"},
	}
	for _, c := range cases {
		got := KhmerIssues(c.in)
		var kinds []string
		for _, is := range got {
			kinds = append(kinds, is.Kind)
		}
		if strings.Join(kinds, ",") != strings.Join(c.kinds, ",") {
			t.Errorf("%s: KhmerIssues(%q) kinds = %v, want %v (%+v)", c.name, c.in, kinds, c.kinds, got)
			continue
		}
		if len(got) > 0 {
			if frag := c.in[got[0].Off:got[0].End]; frag != c.frag {
				t.Errorf("%s: first issue covers %q, want %q", c.name, frag, c.frag)
			}
			if got[0].MessageID == "" {
				t.Errorf("%s: empty message", c.name)
			}
		}
	}
}

// TestKhmerCorpusIdempotent folds every corpus line twice.
func TestKhmerCorpusIdempotent(t *testing.T) {
	for n, line := range corpusLines(t, "newstest2019-ref.khm.txt") {
		f := Khmer(line)
		if g := Khmer(f.Text); g.Text != f.Text {
			t.Errorf("line %d: folding is not idempotent:\n%q\n%q", n+1, f.Text, g.Text)
		}
		checkMonotonic(t, line, f)
	}
}

func FuzzFold(f *testing.F) {
	for _, c := range khmerCases {
		f.Add(c.in)
	}
	f.Add("ｶﾞｲﾑｼｮｳ ＡＳＥＡＮ １８日")
	f.Add("Cambodia’s STRASSE")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || longMarkRun(s) {
			return
		}
		for name, fold := range map[string]func(string) Form{
			"khmer":    Khmer,
			"japanese": Japanese,
			"english":  func(s string) Form { return English(s, false) },
			"englishCS": func(s string) Form {
				return English(s, true)
			},
		} {
			a := fold(s)
			if b := fold(a.Text); b.Text != a.Text {
				t.Errorf("%s: not idempotent: %q -> %q -> %q", name, s, a.Text, b.Text)
			}
			checkMonotonic(t, s, a)
		}
	})
}

// longMarkRun reports whether s has more than 30 combining marks in a row:
// beyond the Unicode stream-safe limit x/text/unicode/norm inserts U+034F,
// so NFC itself is not idempotent on such text. Marks are counted after
// decomposition.
func longMarkRun(s string) bool {
	n := 0
	for _, r := range norm.NFKD.String(s) {
		if norm.NFC.PropertiesString(string(r)).CCC() != 0 || unicode.Is(unicode.Mn, r) {
			n++
			if n > 30 {
				return true
			}
		} else {
			n = 0
		}
	}
	return false
}

func checkMonotonic(t *testing.T, orig string, f Form) {
	t.Helper()
	prev, prevEnd := 0, 0
	for i := 0; i <= len(f.Text); i++ {
		o, e := f.Orig(i), f.OrigEnd(i)
		if o < prev || e < prevEnd || o < 0 || e > len(orig) || e > o && i == 0 {
			t.Fatalf("offset map of %q not monotonic at %d: Orig %d (prev %d), OrigEnd %d (prev %d)", orig, i, o, prev, e, prevEnd)
		}
		prev, prevEnd = o, e
	}
	if f.Orig(len(f.Text)) != len(orig) {
		t.Fatalf("Orig(len(Text)) = %d, want %d for %q", f.Orig(len(f.Text)), len(orig), orig)
	}
}

func BenchmarkKhmerCorpus(b *testing.B) {
	lines := corpusLines(b, "newstest2019-ref.khm.txt")
	size := 0
	for _, l := range lines {
		size += len(l)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, l := range lines {
			Khmer(l)
		}
	}
}

func BenchmarkKhmerIssuesCorpus(b *testing.B) {
	lines := corpusLines(b, "newstest2019-ref.khm.txt")
	b.ReportAllocs()
	for b.Loop() {
		for _, l := range lines {
			KhmerIssues(l)
		}
	}
}

func BenchmarkJapaneseCorpus(b *testing.B) {
	lines := corpusLines(b, "newstest2019-ref.jpn.txt")
	b.ReportAllocs()
	for b.Loop() {
		for _, l := range lines {
			Japanese(l)
		}
	}
}

func BenchmarkEnglishCorpus(b *testing.B) {
	lines := corpusLines(b, "newstest2019-src.eng.txt")
	b.ReportAllocs()
	for b.Loop() {
		for _, l := range lines {
			English(l, false)
		}
	}
}

// corpusLines reads a file of ../shared/corpora/ntrex128 next to the
// repository root, or skips when it is absent.
func corpusLines(tb testing.TB, name string) []string {
	tb.Helper()
	data, err := os.ReadFile(testenv.Shared(tb, "corpora", "ntrex128", name))
	if err != nil {
		tb.Skipf("corpus not available: %v", err)
	}
	return strings.Split(strings.TrimRight(string(data), "\n"), "\n")
}

// TestWidthVariants: width folding changes no rune outside U+3000 and U+FF00–U+FFEF, which hasWidthVariant finds,
// so Japanese may return a normalised text without those runes as it is.
func TestWidthVariants(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r >= 0xD800 && r < 0xE000 {
			continue
		}
		s := string(r)
		inBlock := r == 0x3000 || r >= 0xFF00 && r <= 0xFFEF
		if !inBlock && width.Fold.String(s) != s {
			t.Errorf("width folding changes %U, which hasWidthVariant does not look for", r)
		}
		if inBlock && !hasWidthVariant("a"+s+"a") {
			t.Errorf("hasWidthVariant misses %U", r)
		}
	}
}

// TestJapaneseShortcut: Japanese gives what the full folding gives, on texts with and without anything to fold.
func TestJapaneseShortcut(t *testing.T) {
	parts := []string{"外務大臣", "カンボジア", "、", "。", "2025年", "ｶﾞｲﾄﾞ", "１８日", "\u3000", "e\u0301", "é", "\u2985", "A", " ", "が", "か\u3099", "\uFFE5"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		s := b.String()
		if got, want := Japanese(s), japanese(s); got.Text != want.Text || !slices.Equal(got.segs, want.segs) {
			t.Fatalf("Japanese(%q) = %q %v, the full folding gives %q %v", s, got.Text, got.segs, want.Text, want.segs)
		}
	}
}

// TestKhmerShortcut: Khmer, which returns a text as it is when one pass finds nothing to fold (khmerUnchanged),
// gives what the full folding gives, and KhmerIssues, which returns nothing when that pass finds no syllable
// without a base either, what the full reading gives, on random texts of Khmer bases, signs, coengs, look-alike spellings,
// zero-width characters, ASCII, Khmer digits and punctuation, foreign letters that NFC composes or replaces, and
// invalid bytes; and the pass lets through most texts with nothing to fold.
func TestKhmerShortcut(t *testing.T) {
	parts := []string{"ក", "ស", "ត", "ដ", "រ", "ន", "ឥ", "\u17D2", "\u17D2ត", "\u17D2ដ", "\u17D2រ", "\u17B6", "\u17B8",
		"\u17C1", "\u17BE", "\u17C4", "\u17C6", "\u17C9", "\u17CA", "\u17CC", "\u17C7", "\u17DD", "\u17B4", "។", "៥",
		"\u200B", "\uFEFF", "a", " ", "e\u0301", "\u0301", "é", "\u212B", "«", "’", "\xff", "\xe1\x9e"}
	rng := rand.New(rand.NewPCG(5, 6))
	unchanged, shortcut := 0, 0
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(10) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		s := b.String()
		if got, want := KhmerIssues(s), khmerIssues(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("KhmerIssues(%q) = %v, the full reading gives %v", s, got, want)
		}
		got, want := Khmer(s), khmer(s)
		if got.Text != want.Text || !slices.Equal(got.segs, want.segs) {
			t.Fatalf("Khmer(%q) = %q %v, the full folding gives %q %v", s, got.Text, got.segs, want.Text, want.segs)
		}
		if want.Identity() {
			unchanged++
			if khmerUnchanged(s) {
				shortcut++
			}
		}
	}
	if shortcut < unchanged/2 {
		t.Errorf("the shortcut took %d of %d texts that have nothing to fold", shortcut, unchanged)
	}
	for n, line := range corpusLines(t, "newstest2019-ref.khm.txt") {
		if got, want := KhmerIssues(line), khmerIssues(line); !reflect.DeepEqual(got, want) {
			t.Errorf("line %d: KhmerIssues = %v, the full reading gives %v", n+1, got, want)
		}
		if fast, full := khmerUnchanged(line), khmer(line).Identity(); fast != full {
			t.Errorf("line %d: khmerUnchanged = %v, the full folding changes nothing: %v", n+1, fast, full)
		}
	}
}

// TestCanonicalSyllableHasNoIssue: what lets syllableIssues pass over a canonical syllable. Every syllable of
// the corpus's Khmer and of the hard cases that syllableCanonical accepts has no problem (syllableProblems); with
// -fuzz, any sequence of Khmer code points and zero-width characters (FuzzCanonicalSyllableHasNoIssue).
func TestCanonicalSyllableHasNoIssue(t *testing.T) {
	texts := []string{"ប៉ុន្ដែ", "មន្រ្តី", "ក\u17c1\u17b6ះ", "មា្នក់", "ប\u17b8\u17ca", "ក្", "ា", "ក\u200b្ក", "ស្ត្រី", "ព្រះរាជាណាចក្រ"}
	if !testing.Short() {
		texts = append(texts, corpusLines(t, "newstest2019-ref.khm.txt")...)
	}
	for _, s := range texts {
		canonicalHasNoIssue(t, s)
	}
}

// canonicalHasNoIssue cuts s into syllables as KhmerIssues does and fails on a canonical one with a problem.
func canonicalHasNoIssue(t *testing.T, s string) {
	t.Helper()
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if khmerRank(r) < rankBase {
			i += n
			continue
		}
		j := syllableEnd(s, i)
		if syllableCanonical(s[i:j]) {
			if got := syllableProblems(s, i, j, nil); len(got) > 0 {
				t.Errorf("canonical syllable %q has problems %+v", s[i:j], got)
			}
		}
		i = j
	}
}

// FuzzCanonicalSyllableHasNoIssue reads each byte of the input as a code point of the Khmer block or a
// zero-width character.
func FuzzCanonicalSyllableHasNoIssue(f *testing.F) {
	f.Add([]byte{0x00, 0x52, 0x0f, 0x38})
	f.Add([]byte{0x13, 0x52, 0x0a, 0x41, 0x36})
	f.Fuzz(func(t *testing.T, b []byte) {
		var sb strings.Builder
		for _, c := range b {
			if c >= 0x80 {
				sb.WriteRune([]rune{'\u200b', '\u200c', '\u200d', '\ufeff'}[c%4])
			} else {
				sb.WriteRune(0x1780 + rune(c))
			}
		}
		canonicalHasNoIssue(t, sb.String())
	})
}

// TestCanonicalTextAllocatesNothing: a text that is already in matching form, as most of a release is, is given
// back without a copy or a map, and deciding so allocates nothing: no call of norm.Form.IsNormalString (which
// allocates each time) for the punctuation, Latin and digits between Khmer words, or for a Japanese text.
func TestCanonicalTextAllocatesNothing(t *testing.T) {
	cases := []struct {
		lang language.Tag
		text string
	}{
		{language.Khmer, "សេចក្តីថ្លែងការណ៍ព័ត៌មាន ស្តីពី «ASEAN» ។ ថ្ងៃទី ១៨ ខែមករា ឆ្នាំ២០២៥, 2025 (UN)។"},
		{language.Khmer, "ក ។"},
		{language.Khmer, "២០២៥"},
		{language.Khmer, "«ក»"},
		{language.Japanese, "外務大臣は、2025年1月18日、カンボジアを訪問した。「ASEAN」の会合"},
		{language.French, "Déclaration — 18 janvier 2025 « ASEAN »."},
	}
	for _, c := range cases {
		var f Form
		if n := testing.AllocsPerRun(20, func() { f = For(c.lang, c.text) }); n != 0 || !f.Identity() {
			t.Errorf("For(%s, %q): %v allocations, identity %v; want none, true", c.lang, c.text, n, f.Identity())
		}
	}
}

// TestDecodeRune: decodeRune decodes as utf8.DecodeRuneInString does, on every rune of the Khmer block and its
// neighbours, and on the Khmer lead bytes cut short or followed by what is no continuation.
func TestDecodeRune(t *testing.T) {
	var texts []string
	for r := rune(0x1700); r < 0x1900; r++ {
		texts = append(texts, string(r), string(r)+"ក", string(r)[:2], string(r)[:1]+"a")
	}
	texts = append(texts, "", "a", "\xe1\x9e", "\xe1\x9e\x41", "\xe1\x9f\xc0", "\xe1\x9d\x80", "\xe1\xa0\x80", "\xe1\x9e\xff", "ក")
	for _, s := range texts {
		r, n := decodeRune(s)
		if wr, wn := utf8.DecodeRuneInString(s); r != wr || n != wn {
			t.Errorf("decodeRune(%q) = %U, %d; utf8 gives %U, %d", s, r, n, wr, wn)
		}
	}
}

// TestKhmerRankTable: the table of ranks gives khmerRankOf's rank for every rune of the Khmer block, and
// rankOther outside it, where khmerRankOf gives no other.
func TestKhmerRankTable(t *testing.T) {
	for r := rune(0); r < 0x20000; r++ {
		if got, want := khmerRank(r), khmerRankOf(r); got != want {
			t.Fatalf("khmerRank(%U) = %d, want %d", r, got, want)
		}
	}
}

// englishReference is English as it was before addLowerASCII: each ASCII run lowered by strings.ToLower into a
// string of its own, then added to the form.
func englishReference(s string, caseSensitive bool) Form {
	asciiLower := func(s string) string {
		for i := 0; i < len(s); i++ {
			if 'A' <= s[i] && s[i] <= 'Z' {
				return strings.ToLower(s)
			}
		}
		return s
	}
	var b builder
	b.init(s)
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			j := i + 1
			for j < len(s) && s[j] < utf8.RuneSelf {
				j++
			}
			if j < len(s) {
				j--
			}
			if j > i {
				if caseSensitive {
					b.keep(i, j)
				} else {
					b.addShifted(i, j, asciiLower(s[i:j]))
				}
				i = j
				continue
			}
		}
		// The rest of a text, beyond ASCII, is folded by English itself, unit by unit.
		n := nfcUnit(s[i:])
		u := English(s[i:i+n], caseSensitive).Text
		b.addShifted(i, i+n, u)
		i += n
	}
	return b.form()
}

// TestEnglishLowersInPlace: English, which lowers ASCII into the form as it copies it, gives the text and the
// offsets that lowering each run into a string of its own gave, on random texts of capitals, other ASCII and
// characters beyond it, and on the English of NTREX-128.
func TestEnglishLowersInPlace(t *testing.T) {
	parts := []string{"A", "Z", "a", "z", "@", "[", "`", "{", " ", "Minister", "JAPAN", "e\u0301", "É", "’", "\u00a0",
		"ﬁ", "Ａ", "\xff", "Ω"}
	same := func(s string) {
		t.Helper()
		for _, cs := range []bool{false, true} {
			got, want := English(s, cs), englishReference(s, cs)
			if got.Text != want.Text || !slices.Equal(got.segs, want.segs) {
				t.Fatalf("English(%q, %v) = %q %v, lowering each run apart gives %q %v", s, cs, got.Text, got.segs, want.Text, want.segs)
			}
		}
	}
	rng := rand.New(rand.NewPCG(7, 8))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		same(b.String())
	}
	for _, line := range corpusLines(t, "newstest2019-src.eng.txt") {
		same(line)
	}
}

// TestStableRanges: every rune plainJapanese passes over is in NFC on its own, has combining class 0, combines
// with no rune before it, and is left as it is by width folding; so a text of those runes and ASCII is its own
// Japanese form.
func TestStableRanges(t *testing.T) {
	for r := rune(0x800); r <= 0xFFFF; r++ {
		if r >= 0xD800 && r < 0xE000 || !stableRune(r) {
			continue
		}
		s := string(r)
		p := norm.NFC.PropertiesString(s)
		if !norm.NFC.IsNormalString(s) || p.CCC() != 0 || !p.BoundaryBefore() {
			t.Errorf("%U is in a stable range but NFC may change it or what stands before it", r)
		}
		if width.Fold.String(s) != s {
			t.Errorf("%U is in a stable range but width folding changes it", r)
		}
	}
	for _, s := range []string{"外務大臣は、", "カンボジア・ラオス", "ひらがなー。", "2021年11月18日", "Prak Sokhonn外相"} {
		if !plainJapanese(s) {
			t.Errorf("plainJapanese(%q) = false", s)
		}
	}
	for _, s := range []string{"か\u3099", "\u3000", "１８日", "ｶﾞ", "é", "\U00020BB7", "\u302A", "外\xe5\xa4"} {
		if plainJapanese(s) {
			t.Errorf("plainJapanese(%q) = true", s)
		}
	}
}
