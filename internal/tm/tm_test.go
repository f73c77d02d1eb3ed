package tm

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/agnivade/levenshtein"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/relloc/relloc/internal/testenv"
)

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  On 18 November 2021,\tH.E.  Prak Sokhonn ", "on 18 november 2021 he prak sokhonn"},
		{"ＡＳＥＡＮ議長国、２０２２年。", "asean議長国2022年"},
		{"ｶﾝﾎﾞｼﾞｱ", "カンボジア"},
		{"សេចក្តីប្រកាស\u200bព័ត៌មាន។", "សេចក្តីប្រកាសព័ត៌មាន"},
		{"people-to-people", "peopletopeople"},
		{"STRASSE Straße", "strasse strasse"},
		{"e\u0301", "é"},
		{"...", ""},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q)\ngot:  %q\nwant: %q", tt.in, got, tt.want)
		}
	}
}

// TestNormalizeASCII checks that a text of ASCII alone is normalised a byte at a time as the transforms
// normalise it: every pair of ASCII characters, and random texts of them.
func TestNormalizeASCII(t *testing.T) {
	check := func(s string) {
		t.Helper()
		got, ok := normalizeASCII(s)
		if want := normalize(s); !ok || got != want {
			t.Fatalf("normalizeASCII(%q) = %q, %v; want %q, true", s, got, ok, want)
		}
	}
	for a := 0; a < utf8.RuneSelf; a++ {
		for b := 0; b < utf8.RuneSelf; b++ {
			check(string([]byte{byte(a), byte(b)}))
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		b := make([]byte, r.IntN(40))
		for i := range b {
			const common = " \t\nAZaz09.,-'\"!?&()x"
			b[i] = common[r.IntN(len(common))]
			if r.IntN(4) == 0 {
				b[i] = byte(r.IntN(utf8.RuneSelf))
			}
		}
		check(string(b))
	}
	for _, s := range []string{"café", "ＡＳＥＡＮ", "e\u0301"} {
		if _, ok := normalizeASCII(s); ok {
			t.Errorf("normalizeASCII(%q) took a text that is not ASCII", s)
		}
	}
}

func TestSimilarity(t *testing.T) {
	tests := []struct {
		a, b string
		want float64
	}{
		{"Press Release", "PRESS RELEASE.", 1},
		{"abcd", "abce", 0.75},
		{"abcd", "", 0},
		{"", "", 1},
		{"電話会談", "首脳会談", 0.5},
	}
	for _, tt := range tests {
		if got := Similarity(tt.a, tt.b); got != tt.want {
			t.Errorf("Similarity(%q, %q): got %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

var seedUnits = []Unit{
	{"2021-11-18-hayashi", "s1", map[string]string{"en": "The two Foreign Ministers discussed the situation in Myanmar.", "km": "រដ្ឋមន្ត្រីការបរទេសទាំងពីរបានពិភាក្សាអំពីស្ថានភាពនៅមីយ៉ាន់ម៉ា។", "ja": "両外相はミャンマー情勢について議論しました。"}},
	{"2021-11-18-hayashi", "s2", map[string]string{"en": "Phnom Penh, 18 November 2021", "km": "ភ្នំពេញ ថ្ងៃទី១៨ ខែវិច្ឆិកា ឆ្នាំ២០២១"}},
	{"2022-01-11-call", "s1", map[string]string{"en": "The two Foreign Ministers discussed the situation in Myanmar.", "km": "រដ្ឋមន្ត្រីការបរទេសទាំងពីរបានពិភាក្សាអំពីស្ថានភាពនៅមីយ៉ាន់ម៉ា។"}},
	{"2022-01-11-call", "s2", map[string]string{"en": "the two foreign ministers discussed the situation in Myanmar", "km": "រដ្ឋមន្ត្រីការបរទេសទាំងពីរបានពិភាក្សាពីស្ថានភាពមីយ៉ាន់ម៉ា។"}},
	{"2022-01-11-call", "s3", map[string]string{"en": "The two Foreign Ministers discussed the situation in Ukraine.", "ja": "両外相はウクライナ情勢について議論しました。"}},
	{"2022-08-04-meeting", "s1", map[string]string{"km": "គ្មានអត្ថបទអង់គ្លេស"}},
	{"2022-08-04-meeting", "s2", map[string]string{"en": "Phnom Penh, 4 August 2022", "km": "ភ្នំពេញ ថ្ងៃទី៤ ខែសីហា ឆ្នាំ២០២២"}},
}

func TestLookup(t *testing.T) {
	m := New(seedUnits, "en")
	myanmar := "The two Foreign Ministers discussed the situation in Myanmar."
	tests := []struct {
		name      string
		mem       *Memory
		text      string
		target    string
		threshold float64
		want      []string // release/segment score exact
	}{
		{"exact first, duplicate pair once, near matches after", m, myanmar, "km", 0.75, []string{
			"2021-11-18-hayashi/s1 1.000 exact",
			"2022-01-11-call/s2 1.000", // equal after normalisation, other translation
		}},
		{"japanese target skips units without ja", m, myanmar, "ja", 0.75, []string{
			"2021-11-18-hayashi/s1 1.000 exact",
			"2022-01-11-call/s3 0.883",
		}},
		{"excluded release", m.Exclude("2021-11-18-hayashi"), myanmar, "km", 0.75, []string{
			"2022-01-11-call/s1 1.000 exact",
			"2022-01-11-call/s2 1.000",
		}},
		{"exclusions accumulate", m.Exclude("2021-11-18-hayashi").Exclude("2022-01-11-call"), myanmar, "km", 0.75, nil},
		{"dates", m, "Phnom Penh, 18 November 2022", "km", 0.6, []string{
			"2021-11-18-hayashi/s2 0.963",
			"2022-08-04-meeting/s2 0.630",
		}},
		{"threshold filters", m, "Phnom Penh, 18 November 2022", "km", 0.9, []string{
			"2021-11-18-hayashi/s2 0.963",
		}},
		{"default threshold", m, "Phnom Penh, 18 November 2022", "km", 0, []string{
			"2021-11-18-hayashi/s2 0.963",
		}},
		{"nothing similar", m, "Joint Statement on the Five-point Consensus", "km", 0.75, nil},
		{"empty query", m, " . ", "km", 0.75, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, x := range tt.mem.Lookup(tt.text, tt.target, tt.threshold) {
				s := fmt.Sprintf("%s/%s %.3f", x.Release, x.Segment, x.Score)
				if x.Exact {
					s += " exact"
				}
				got = append(got, s)
				u := unitOf(x.Release, x.Segment)
				if x.Source != u.Text["en"] || x.Target != u.Text[tt.target] {
					t.Errorf("match %s: texts %q / %q do not come from its unit", s, x.Source, x.Target)
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Lookup(%q, %s, %v)\ngot:  %q\nwant: %q", tt.text, tt.target, tt.threshold, got, tt.want)
			}
		})
	}
}

func unitOf(release, segment string) Unit {
	for _, u := range seedUnits {
		if u.Release == release && u.Segment == segment {
			return u
		}
	}
	return Unit{}
}

func TestLookupKhmerSource(t *testing.T) {
	m := New(seedUnits, "km")
	got := m.Lookup("រដ្ឋមន្ត្រីការបរទេសទាំងពីរបានពិភាក្សាអំពីស្ថានភាពនៅមីយ៉ាន់ម៉ា", "en", 0.75)
	if len(got) != 2 || got[0].Score != 1 || got[0].Exact || got[1].Release != "2022-01-11-call" || got[1].Segment != "s2" {
		t.Errorf("Lookup with a Khmer source: got %+v, want the s1 pair at score 1 (not exact: no ។) and then 2022-01-11-call/s2", got)
	}
}

// linear is the reference Lookup: an edit distance against every unit.
func linear(m *Memory, text, target string, threshold float64) []Match {
	var out []Match
	q := Normalize(text)
	lq := len([]rune(q))
	for i, u := range m.units {
		tgt, ok := u.Text[target]
		src := u.Text[m.source]
		if !ok || tgt == "" || m.norm[i] == "" || m.excluded[u.Release] {
			continue
		}
		s := 1 - float64(levenshtein.ComputeDistance(q, m.norm[i]))/float64(max(lq, m.length[i]))
		if s >= threshold {
			out = append(out, Match{Source: src, Target: tgt, Score: s, Release: u.Release, Segment: u.Segment})
		}
	}
	return out
}

// TestIndexIsLossless checks that the trigram and length filters never drop
// a unit that the reference linear scan finds, over generated memories and
// thresholds from permissive (where Lookup scans) to strict.
func TestIndexIsLossless(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	units := generate(r, 1000)
	m := New(units, "en")
	for _, threshold := range []float64{0.3, 0.5, 0.6, 0.75, 0.9, 1} {
		for q := 0; q < 25; q++ {
			text := mutate(r, units[r.IntN(len(units))].Text["en"], r.IntN(6))
			key := func(ms []Match) map[string]float64 {
				k := map[string]float64{}
				for _, x := range ms {
					k[x.Source+"\x00"+x.Target] = max(k[x.Source+"\x00"+x.Target], x.Score)
				}
				return k
			}
			got, want := key(m.Lookup(text, "km", threshold)), key(linear(m, text, "km", threshold))
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("threshold %v, query %q\ngot:  %v\nwant: %v", threshold, text, got, want)
			}
		}
	}
}

// generate makes n units of pseudo-English sentences of 6 to 30 words drawn
// from a vocabulary of 5,000 made-up words (letters drawn with English
// letter frequencies), frequent words recurring as in real text, each with a
// made-up translation.
func generate(r *rand.Rand, n int) []Unit {
	const letters = "eeeeeeeeeeeeetttttttttaaaaaaaaooooooooiiiiiiinnnnnnnsssssshhhhhhrrrrrrddddlllluuucccmmmwwffggyyppbbvkjxqz"
	vocab := make([]string, 5000)
	for i := range vocab {
		w := make([]byte, 2+r.IntN(9))
		for j := range w {
			w[j] = letters[r.IntN(len(letters))]
		}
		vocab[i] = string(w)
	}
	units := make([]Unit, n)
	for i := range units {
		words := make([]string, 6+r.IntN(25))
		for j := range words {
			words[j] = vocab[int(float64(len(vocab))*r.Float64()*r.Float64()*r.Float64())]
		}
		en := strings.Join(words, " ") + "."
		units[i] = Unit{
			Release: fmt.Sprintf("r%04d", i/20), Segment: fmt.Sprintf("s%d", i%20),
			Text: map[string]string{"en": en, "km": "km:" + en},
		}
	}
	return units
}

// mutate replaces, drops or duplicates k words of s.
func mutate(r *rand.Rand, s string, k int) string {
	words := strings.Fields(s)
	for ; k > 0 && len(words) > 1; k-- {
		i := r.IntN(len(words))
		switch r.IntN(3) {
		case 0:
			words[i] = "zz" + words[i]
		case 1:
			words = append(words[:i], words[i+1:]...)
		case 2:
			words = append(words[:i+1], words[i:]...)
		}
	}
	return strings.Join(words, " ")
}

func benchMemory(b *testing.B) (*Memory, []string) {
	r := rand.New(rand.NewPCG(7, 8))
	units := generate(r, 10000)
	queries := make([]string, 200)
	for i := range queries {
		if i%2 == 0 { // a near repeat of a unit
			queries[i] = mutate(r, units[r.IntN(len(units))].Text["en"], 1+r.IntN(3))
		} else { // a sentence the memory has not seen
			queries[i] = generate(r, 1)[0].Text["en"]
		}
	}
	return New(units, "en"), queries
}

func BenchmarkNew(b *testing.B) {
	units := generate(rand.New(rand.NewPCG(7, 8)), 10000)
	for b.Loop() {
		New(units, "en")
	}
}

// BenchmarkLookup looks up near repeats and unseen sentences in 10,000
// units; candidates/op is the number of edit distances computed per lookup.
func BenchmarkLookup(b *testing.B) {
	m, queries := benchMemory(b)
	cands := 0
	for _, q := range queries {
		cands += len(m.candidates([]rune(Normalize(q)), DefaultThreshold))
	}
	n := 0
	for b.Loop() {
		m.Lookup(queries[n%len(queries)], "km", DefaultThreshold)
		n++
	}
	b.ReportMetric(float64(cands)/float64(len(queries)), "candidates/op")
}

// BenchmarkLookupNTREX looks up real news sentences, the English side of
// ../shared/corpora/ntrex128, in a memory of that corpus (skipped without it).
func BenchmarkLookupNTREX(b *testing.B) {
	dir := testenv.Shared(b, "corpora", "ntrex128")
	en, err1 := os.ReadFile(filepath.Join(dir, "newstest2019-src.eng.txt"))
	km, err2 := os.ReadFile(filepath.Join(dir, "newstest2019-ref.khm.txt"))
	if err1 != nil || err2 != nil {
		b.Skip("../shared/corpora/ntrex128 not available")
	}
	enl, kml := strings.Split(string(en), "\n"), strings.Split(string(km), "\n")
	units := make([]Unit, min(len(enl), len(kml)))
	for i := range units {
		units[i] = Unit{Release: "ntrex", Segment: fmt.Sprint(i + 1), Text: map[string]string{"en": enl[i], "km": kml[i]}}
	}
	m := New(units, "en")
	r := rand.New(rand.NewPCG(3, 4))
	queries := make([]string, 200)
	for i := range queries {
		queries[i] = mutate(r, enl[r.IntN(len(units))], r.IntN(3))
	}
	cands := 0
	for _, q := range queries {
		cands += len(m.candidates([]rune(Normalize(q)), DefaultThreshold))
	}
	n := 0
	for b.Loop() {
		m.Lookup(queries[n%len(queries)], "km", DefaultThreshold)
		n++
	}
	b.ReportMetric(float64(cands)/float64(len(queries)), "candidates/op")
}

// BenchmarkLookupLinear is the same workload without the index, for comparison.
func BenchmarkLookupLinear(b *testing.B) {
	m, queries := benchMemory(b)
	n := 0
	for b.Loop() {
		linear(m, queries[n%len(queries)], "km", DefaultThreshold)
		n++
	}
}

// TestCandidatesAsIndexed checks that a memory without a trigram index (NewCandidates) gives the matches of one
// with it, in the same order, for Lookup and Search, excluded releases too.
func TestCandidatesAsIndexed(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	units := generate(r, 600)
	indexed, scan := New(units, "en").Exclude(units[3].Release), NewCandidates(units, "en", nil).Exclude(units[3].Release)
	for _, threshold := range []float64{0.5, 0.75, 0.9, 1} {
		for q := 0; q < 20; q++ {
			text := mutate(r, units[r.IntN(len(units))].Text["en"], r.IntN(6))
			if got, want := scan.Lookup(text, "km", threshold), indexed.Lookup(text, "km", threshold); !reflect.DeepEqual(got, want) {
				t.Fatalf("Lookup: threshold %v, query %q\ngot:  %v\nwant: %v", threshold, text, got, want)
			}
			if got, want := scan.Search(text, "km", threshold), indexed.Search(text, "km", threshold); !reflect.DeepEqual(got, want) {
				t.Fatalf("Search: threshold %v, query %q\ngot:  %v\nwant: %v", threshold, text, got, want)
			}
		}
	}
}

// TestBestIsFirstOfLookup checks that Best finds the first match of Lookup, or none when Lookup finds none, over
// generated memories with repeated sentences (ties of score, exact or differing only in punctuation and case),
// an excluded release, and thresholds from permissive to strict, with and without a trigram index.
func TestBestIsFirstOfLookup(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	units := generate(r, 500)
	for i := range 60 {
		u := units[r.IntN(len(units))]
		src := u.Text["en"]
		if i%2 == 0 {
			src = strings.ToUpper(src[:1]) + src[1:] + "."
		}
		units = append(units, Unit{Release: fmt.Sprintf("dup-%d", i), Segment: "s1",
			Text: map[string]string{"en": src, "km": u.Text["km"] + fmt.Sprint(i)}})
	}
	excluded := units[7].Release
	for _, m := range []*Memory{New(units, "en").Exclude(excluded), NewCandidates(units, "en", nil).Exclude(excluded)} {
		for _, threshold := range []float64{0.5, 0.75, 0.9, 1} {
			for q := 0; q < 40; q++ {
				text := units[r.IntN(len(units))].Text["en"]
				if q%2 == 1 {
					text = mutate(r, text, r.IntN(6))
				}
				all := m.Lookup(text, "km", threshold)
				got, ok := m.Best(text, "km", threshold)
				if ok != (len(all) > 0) || ok && !reflect.DeepEqual(got, all[0]) {
					var want any = "none"
					if len(all) > 0 {
						want = all[0]
					}
					t.Fatalf("threshold %v, query %q\ngot:  %v %v\nwant: %v", threshold, text, got, ok, want)
				}
			}
		}
	}
}

// TestScorerScoresAsLookup checks that Scorer gives each unit the score Lookup gives it, to the bit, and no
// score under the floor.
func TestScorerScoresAsLookup(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	units := generate(r, 300)
	m := New(units, "en")
	for _, threshold := range []float64{0.5, 0.75, 0.9, 1} {
		for q := 0; q < 20; q++ {
			text := mutate(r, units[r.IntN(len(units))].Text["en"], r.IntN(6))
			want := map[string]float64{}
			for _, x := range m.Lookup(text, "km", threshold) {
				want[Normalize(x.Source)] = x.Score
			}
			s := NewScorer(text)
			for _, u := range units {
				n := Normalize(u.Text["en"])
				got, ok := s.Score(n, threshold)
				w, found := want[n]
				if ok != found || ok && got != w {
					t.Fatalf("threshold %v, query %q, unit %q: Score = %v %v, Lookup's %v %v", threshold, text, n, got, ok, w, found)
				}
			}
		}
	}
}

// BenchmarkNormalize normalises the English of the seed's units, as a translation memory's index does for each
// of its texts.
func BenchmarkNormalize(b *testing.B) {
	var texts []string
	for _, u := range seedUnits {
		if s, ok := u.Text["en"]; ok {
			texts = append(texts, s)
		}
	}
	for b.Loop() {
		for _, s := range texts {
			Normalize(s)
		}
	}
}
