package numeral

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/matchform"
	"github.com/relloc/relloc/internal/testenv"
)

func TestDigit(t *testing.T) {
	cases := []struct {
		r    rune
		want int
		ok   bool
	}{
		{'7', 7, true}, {'៧', 7, true}, {'７', 7, true}, {'០', 0, true},
		{'๗', 0, false}, {'七', 0, false}, {'a', 0, false},
	}
	for _, c := range cases {
		if got, ok := Digit(c.r); got != c.want || ok != c.ok {
			t.Errorf("Digit(%q) = %d, %v, want %d, %v", c.r, got, ok, c.want, c.ok)
		}
	}
}

func TestParseInt(t *testing.T) {
	cases := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"2021", 2021, true},
		{"២០២១", 2021, true},
		{"２０２１", 2021, true},
		{"1,234", 1234, true},
		{"1.234.567", 1234567, true},
		{"៣០,០០០", 30000, true},
		{"十三", 13, true},
		{"二千二十一", 2021, true},
		{"七十", 70, true},
		{"〇", 0, true},
		{"二〇二一", 2021, true},
		{"一二", 12, true},
		{"百", 100, true},
		{"三億五千万", 350000000, true},
		{"3億5千万", 350000000, true},
		{"1,23", 0, false},
		{"12,3456", 0, false},
		{"", 0, false},
		{"万一", 0, false},
		{"abc", 0, false},
	}
	for _, c := range cases {
		if got, ok := ParseInt(c.in); got != c.want || ok != c.ok {
			t.Errorf("ParseInt(%q) = %d, %v, want %d, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func vals(ns []Number) string {
	var b []string
	for _, n := range ns {
		b = append(b, fmt.Sprint(n.Value))
	}
	return strings.Join(b, " ")
}

func TestFind(t *testing.T) {
	cases := []struct {
		lang string
		in   string
		want string // values in text order
	}{
		{"en", "18 November 2021", "18 11 2021"},
		{"km", "ថ្ងៃទី១៨ ខែវិច្ឆិកា ឆ្នាំ២០២១", "18 11 2021"},
		{"km", "១៨ វិច្ឆិកា ២០២១", "18 11 2021"},
		{"ja", "2021年11月18日", "2021 11 18"},
		{"en", "25-26 November 2021", "25 26 11 2021"},
		{"ja", "2021年11月25日～26日", "2021 11 25 26"},
		{"en", "the 70th anniversary", "70"},
		{"km", "ខួបលើកទី៧០", "70"},
		{"km", "៧០ ឆ្នាំ", "70"},
		{"ja", "国交樹立70周年", "70"},
		{"ja", "第十三回会合", "13"},
		{"ja", "第13回", "13"},
		{"ja", "１８日", "18"},
		{"en", "1,234.5 tonnes", "1234.5"},
		{"en", "1st, 2nd and 3rd, 13th", "1 2 3 13"},
		{"en", "two Foreign Ministers", "2"},
		{"en", "in May, and May I add", "5"},
		{"en", "on 5 May", "5 5"},
		{"en", "Jan. 5, and a Jan", "1 5"},
		{"en", "US$1.5 million", "1.5e+06"},
		{"en", "18.11.2021", "18 11 2021"},
		{"en", "£11million and £2.8bn and $125m, a 100m race", "1.1e+07 2.8e+09 1.25e+08 100"},
		{"ja", "1億2,500万ポンド", "1.25e+08"},
		{"en", "50% of the G20", "50 20"},
		{"ja", "一緒に一部の二国間協力を一層", ""},
		{"ja", "十三か国と七十人", "13 70"},
		{"ja", "二〇二一年", "2021"},
		{"ja", "三人", "3"},
		{"ja", "十分な", ""}, // jūbun, "enough": 分 is not a counter
		{"ja", "5千人", "5000"},
		{"ja", "3億5千万円", "3.5e+08"},
		{"ja", "１，２３４人", "1234"},
		{"km", "៣០,០០០ នាក់", "30000"},
		{"km", "៧៦.០០០", "76000"},
		{"km", "២.៥ ភាគរយ", "2.5"},
		{"km", "2,8", "2.8"},
		{"km", "៥ លាន", "5e+06"},
		{"km", "តុលាការ កញ្ញា សុខា", ""},
		{"km", "នៅខែ\u200bតុលា", "10"},
		{"km", "ខែមេសា និងខែកក្កដា", "4 7"},
		// the units read after a kanji run (1 万 6 千) are not read again as a number of their own, which overlapped
		// it (and made dates slice the text backwards)
		{"ja", "二万1 万 6 千10月", "2.0001601e+08"},
	}
	for _, c := range cases {
		lang := language.MustParse(c.lang)
		got := Find(lang, c.in)
		if g := vals(got); g != c.want {
			t.Errorf("Find(%s, %q) = [%s], want [%s]  %+v", c.lang, c.in, g, c.want, got)
		}
		if withForm := FindForm(lang, c.in, matchform.For(lang, c.in)); !slices.Equal(withForm, got) {
			t.Errorf("FindForm(%s, %q) = %+v, Find gives %+v", c.lang, c.in, withForm, got)
		}
		for _, n := range got {
			if n.Start < 0 || n.End > len(c.in) || n.Start >= n.End {
				t.Errorf("Find(%s, %q): bad span %+v", c.lang, c.in, n)
			}
		}
	}
}

func TestFindKinds(t *testing.T) {
	cases := []struct {
		lang, in string
		want     string // slice/kind/ordinal per number
	}{
		{"en", "the 70th", "70th/ordinal/true"},
		{"km", "ថ្ងៃទី១៨ ខែវិច្ឆិកា ឆ្នាំ២០២១", "១៨/day/true វិច្ឆិកា/month/false ២០២១/year/false"},
		{"ja", "2021年11月18日", "2021/year/false 11/month/false 18/day/false"},
		{"ja", "第十三回", "十三/ordinal/true"},
		{"km", "លើកទី១៣", "១៣/ordinal/true"},
		{"en", "18 November", "18/day/false November/month/false"},
		{"en", "50%", "50/percent/false"},
	}
	for _, c := range cases {
		var parts []string
		for _, n := range Find(language.MustParse(c.lang), c.in) {
			parts = append(parts, fmt.Sprintf("%s/%s/%v", c.in[n.Start:n.End], n.Kind, n.Ordinal))
		}
		if g := strings.Join(parts, " "); g != c.want {
			t.Errorf("Find(%s, %q) = %s, want %s", c.lang, c.in, g, c.want)
		}
	}
}

func TestSameValues(t *testing.T) {
	en, km, ja := language.English, language.Khmer, language.Japanese
	groups := [][]struct {
		lang language.Tag
		s    string
	}{
		{{en, "18 November 2021"}, {km, "ថ្ងៃទី១៨ ខែវិច្ឆិកា ឆ្នាំ២០២១"}, {km, "១៨ វិច្ឆិកា ២០២១"}, {ja, "2021年11月18日"}},
		{{en, "25-26 November 2021"}, {ja, "2021年11月25日～26日"}},
		{{en, "the 70th anniversary"}, {km, "ខួបលើកទី៧០"}, {ja, "70周年"}},
		{{en, "the 13th meeting"}, {ja, "第十三回会合"}},
		{{en, "on the 18th"}, {ja, "１８日に"}},
	}
	for _, g := range groups {
		first := Find(g[0].lang, g[0].s)
		for _, o := range g[1:] {
			other := Find(o.lang, o.s)
			if !SameValues(first, other) {
				t.Errorf("SameValues(%q, %q) = false: %v vs %v", g[0].s, o.s, Values(first), Values(other))
			}
		}
	}
	a := Find(en, "18 November 2021")
	b := Find(ja, "2021年11月19日")
	missing, extra := Diff(a, b)
	if len(missing) != 1 || missing[0].Value != 18 || len(extra) != 1 || extra[0].Value != 19 {
		t.Errorf("Diff = %v, %v, want [18], [19]", missing, extra)
	}
}

// TestFindCorpus runs Find over the aligned corpus and checks spans; on
// English–Japanese pairs most lines must agree.
func TestFindCorpus(t *testing.T) {
	en := corpusLines(t, "newstest2019-src.eng.txt")
	ja := corpusLines(t, "newstest2019-ref.jpn.txt")
	km := corpusLines(t, "newstest2019-ref.khm.txt")
	agreeJA, agreeKM, withNumbers := 0, 0, 0
	for i := range en {
		ne := Find(language.English, en[i])
		nj := Find(language.Japanese, ja[i])
		nk := Find(language.Khmer, km[i])
		for _, x := range [][]Number{ne, nj, nk} {
			for j := 1; j < len(x); j++ {
				if x[j].Start < x[j-1].Start {
					t.Fatalf("line %d: numbers out of order: %+v", i+1, x)
				}
			}
		}
		if len(ne) == 0 {
			continue
		}
		withNumbers++
		if SameValues(ne, nj) {
			agreeJA++
		}
		if SameValues(ne, nk) {
			agreeKM++
		}
	}
	t.Logf("%d English lines with numbers; same values in Japanese: %d, in Khmer: %d", withNumbers, agreeJA, agreeKM)
	// Measured on 2 December 2026: 565 of 760 lines agree in Japanese (74%), 502 in Khmer (66%). The bounds sit
	// just under them, so that a change that reads numbers worse in either language fails here.
	if withNumbers > 0 && agreeJA*100 < withNumbers*70 {
		t.Errorf("only %d of %d lines agree between English and Japanese, want at least 70%%", agreeJA, withNumbers)
	}
	if withNumbers > 0 && agreeKM*100 < withNumbers*62 {
		t.Errorf("only %d of %d lines agree between English and Khmer, want at least 62%%", agreeKM, withNumbers)
	}
}

func BenchmarkFindCorpus(b *testing.B) {
	benchCorpus(b, func(tag language.Tag, line string, _ matchform.Form) { Find(tag, line) })
}

// BenchmarkReadCorpus reads the corpus as alignment's anchors do, with ReadForm and the matching form of each line
// made beforehand: the first stage's numbers kept for Span, and bare Khmer number words put aside.
func BenchmarkReadCorpus(b *testing.B) {
	benchCorpus(b, func(tag language.Tag, line string, form matchform.Form) { ReadForm(tag, line, form) })
}

// benchCorpus runs read over the lines of the corpus in each language, given the matching form of each line, and
// reports MB/s per language.
func benchCorpus(b *testing.B, read func(tag language.Tag, line string, form matchform.Form)) {
	for _, c := range []struct{ lang, file string }{{"en", "newstest2019-src.eng.txt"}, {"km", "newstest2019-ref.khm.txt"}, {"ja", "newstest2019-ref.jpn.txt"}} {
		lines := corpusLines(b, c.file)
		tag := language.MustParse(c.lang)
		size := 0
		forms := make([]matchform.Form, len(lines))
		for i, l := range lines {
			size += len(l)
			forms[i] = matchform.For(tag, l)
		}
		b.Run(c.lang, func(b *testing.B) {
			b.SetBytes(int64(size)) // MB/s per language
			b.ReportAllocs()
			for b.Loop() {
				for i, l := range lines {
					read(tag, l, forms[i])
				}
			}
		})
	}
}

func corpusLines(tb testing.TB, name string) []string {
	tb.Helper()
	data, err := os.ReadFile(testenv.Shared(tb, "corpora", "ntrex128", name))
	if err != nil {
		tb.Skipf("corpus not available: %v", err)
	}
	return strings.Split(strings.TrimRight(string(data), "\n"), "\n")
}

// BenchmarkFindLongParagraph reads the numbers of one paragraph of 2,000 and 20,000 sentences: the time per
// sentence must not grow with the paragraph (the look at each number's neighbours is bounded).
func BenchmarkFindLongParagraph(b *testing.B) {
	for _, c := range []struct {
		lang language.Tag
		s    string
	}{
		{language.English, "On 4 August at 3:30 p.m. the two ministers met for about 20 minutes (6-foot-6). "},
		{language.Japanese, "8月4日午後3時30分から約20分間、両外相は会談を行いました（198センチ）。"},
	} {
		for _, n := range []int{2000, 20000} {
			text := strings.Repeat(c.s, n)
			b.Run(fmt.Sprintf("%s/%d", c.lang, n), func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				for b.Loop() {
					Find(c.lang, text)
				}
			})
		}
	}
}

// BenchmarkRelativeCorpus reads the relative date words of the Japanese corpus, each line and the whole as one text.
func BenchmarkRelativeCorpus(b *testing.B) {
	lines := corpusLines(b, "newstest2019-ref.jpn.txt")
	whole := strings.Join(lines, "")
	b.SetBytes(int64(len(whole)))
	for b.Loop() {
		Relative(language.Japanese, whole)
	}
}
