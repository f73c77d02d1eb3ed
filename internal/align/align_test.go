package align

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode"
)

// doc generates a document of n blocks in two languages. Source blocks are n runes of Latin letters between 80
// and 700 long; target blocks are written in script (a rune of the target language) and are ratio times as
// long, within ±8 %. When anchored, every block carries one to three anchors drawn from a small pool of
// glossary terms and numbers, as releases do: neighbours often share a term, seldom a number.
func doc(seed uint64, n int, ratio float64, script rune, anchored bool) (src, tgt []Unit) {
	r := rand.New(rand.NewPCG(seed, 7))
	terms := []string{"term:he", "term:asean", "term:mfaic", "term:japan", "term:cambodia"}
	for i := 0; i < n; i++ {
		l := 80 + r.IntN(620)
		var anchors []string
		if anchored {
			anchors = append(anchors, terms[r.IntN(len(terms))])
			if r.IntN(2) == 0 {
				anchors = append(anchors, fmt.Sprintf("num:%d", 1990+r.IntN(40)))
			}
		}
		lt := int(float64(l) * ratio * (0.92 + 0.16*r.Float64()))
		src = append(src, Unit{Text: strings.Repeat("e", l), Anchors: anchors})
		tgt = append(tgt, Unit{Text: strings.Repeat(string(script), lt), Anchors: anchors})
	}
	return src, tgt
}

// blocksOf and sentencesOf align with the default options, panicking on an error.
func blocksOf(src, tgt []Unit) []Link {
	l, err := Blocks(src, tgt, Options{})
	if err != nil {
		panic(err)
	}
	return l
}

func sentencesOf(src, tgt []Unit) []Link {
	l, err := Sentences(src, tgt, Options{})
	if err != nil {
		panic(err)
	}
	return l
}

// pairs returns the 1:1 links of an alignment as a map from source to target index, and checks that the
// links cover both sides in order, exactly once.
func pairs(t *testing.T, links []Link, n, m int) map[int]int {
	t.Helper()
	got := map[int]int{}
	ns, nt := 0, 0
	for _, l := range links {
		for _, s := range l.Src {
			if s != ns {
				t.Fatalf("links %v: source %d out of order (want %d)", links, s, ns)
			}
			ns++
		}
		for _, x := range l.Tgt {
			if x != nt {
				t.Fatalf("links %v: target %d out of order (want %d)", links, x, nt)
			}
			nt++
		}
		if len(l.Src) == 1 && len(l.Tgt) == 1 {
			got[l.Src[0]] = l.Tgt[0]
		}
	}
	if ns != n || nt != m {
		t.Fatalf("links cover %d source and %d target units, want %d and %d", ns, nt, n, m)
	}
	return got
}

func TestBlocksDeletedAndInserted(t *testing.T) {
	scripts := []struct {
		name   string
		ratio  float64
		script rune
	}{
		{"en-en", 1, 'e'}, {"en-km", 1.4, 'ក'}, {"en-km-long", 1.6, 'ក'}, {"en-ja", 0.42, 'あ'}, {"en-ja-short", 0.35, 'あ'},
	}
	const n = 12
	for _, sc := range scripts {
		for seed := uint64(1); seed <= 5; seed++ {
			src, full := doc(seed, n, sc.ratio, sc.script, true)
			for k := 0; k < n; k++ {
				// Block k dropped from the translation.
				tgt := append(append([]Unit{}, full[:k]...), full[k+1:]...)
				want := map[int]int{}
				for i := 0; i < n; i++ {
					switch {
					case i < k:
						want[i] = i
					case i > k:
						want[i] = i - 1
					}
				}
				if got := pairs(t, blocksOf(src, tgt), n, n-1); !reflect.DeepEqual(got, want) {
					t.Errorf("%s seed %d, block %d deleted: got pairs %v, want %v", sc.name, seed, k, got, want)
				}
				// A block added to the translation before block k.
				extra := Unit{Text: strings.Repeat(string(sc.script), 50+int(seed)*37+k*23), Anchors: []string{"term:extra"}}
				tgt = append(append(append([]Unit{}, full[:k]...), extra), full[k:]...)
				want = map[int]int{}
				for i := 0; i < n; i++ {
					want[i] = i
					if i >= k {
						want[i] = i + 1
					}
				}
				if got := pairs(t, blocksOf(src, tgt), n, n+1); !reflect.DeepEqual(got, want) {
					t.Errorf("%s seed %d, block inserted at %d: got pairs %v, want %v", sc.name, seed, k, got, want)
				}
			}
		}
	}
}

// TestBlocksLengthOnly aligns without anchors: lengths alone must find a dropped block when its neighbours
// differ in length.
func TestBlocksLengthOnly(t *testing.T) {
	lens := []int{120, 480, 260, 610, 90, 330, 700, 150, 420, 240, 560, 180}
	for _, ratio := range []float64{1.3, 0.45} {
		var src, full []Unit
		for i, l := range lens {
			src = append(src, Unit{Len: l})
			full = append(full, Unit{Len: int(float64(l) * ratio * (1 + 0.04*float64(i%3-1)))})
		}
		for k := range lens {
			tgt := append(append([]Unit{}, full[:k]...), full[k+1:]...)
			got := pairs(t, blocksOf(src, tgt), len(src), len(tgt))
			for i := range lens {
				j, ok := got[i]
				switch {
				case i == k && ok:
					t.Errorf("ratio %.2f, block %d deleted: got it paired with %d, want it unpaired", ratio, k, j)
				case i < k && j != i, i > k && j != i-1:
					t.Errorf("ratio %.2f, block %d deleted: got block %d paired with %d (ok %v)", ratio, k, i, j, ok)
				}
			}
		}
	}
}

func TestBlocksEdges(t *testing.T) {
	a := []Unit{{Text: "one"}, {Text: "two"}}
	tests := []struct {
		name     string
		src, tgt []Unit
		want     []Link
	}{
		{"both empty", nil, nil, nil},
		{"no target", a, nil, []Link{{Src: []int{0}}, {Src: []int{1}}}},
		{"no source", nil, a, []Link{{Tgt: []int{0}}, {Tgt: []int{1}}}},
	}
	for _, tt := range tests {
		got := blocksOf(tt.src, tt.tgt)
		for i := range got {
			got[i].Cost = 0
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: Blocks got %v, want %v", tt.name, got, tt.want)
		}
	}
}

func shape(links []Link) string {
	var b strings.Builder
	for _, l := range links {
		fmt.Fprintf(&b, "%v-%v ", l.Src, l.Tgt)
	}
	return strings.TrimSpace(b.String())
}

func units(lens ...int) []Unit {
	var us []Unit
	for _, l := range lens {
		us = append(us, Unit{Len: l})
	}
	return us
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name     string
		src, tgt []Unit
		want     string
	}{
		{"equal counts", units(100, 40, 220), units(130, 50, 290), "[0]-[0] [1]-[1] [2]-[2]"},
		{"equal counts, uneven ratio", units(100, 40, 220), units(45, 17, 95), "[0]-[0] [1]-[1] [2]-[2]"},
		{"split by translator", units(100, 240, 80), units(130, 150, 160, 100), "[0]-[0] [1]-[1 2] [2]-[3]"},
		{"merged by translator", units(100, 120, 110, 80), units(45, 105, 36), "[0]-[0] [1 2]-[1] [3]-[2]"},
		// A long sentence dropped or added is a 1:0 or 0:1 link; a short one is absorbed by a neighbour, as in
		// Gale & Church's program, because merging it costs less than skipping it.
		{"dropped sentence", units(100, 300, 100, 150, 200, 120, 180), units(130, 130, 195, 260, 156, 234), "[0]-[0] [1]-[] [2]-[1] [3]-[2] [4]-[3] [5]-[4] [6]-[5]"},
		{"added sentence", units(200, 150, 120, 220, 90), units(260, 700, 195, 156, 286, 117), "[0]-[0] []-[1] [1]-[2] [2]-[3] [3]-[4] [4]-[5]"},
		{"dropped short sentence", units(100, 60, 200, 150), units(130, 260, 195), "[0]-[0] [1 2]-[1] [3]-[2]"},
		{"equal counts, implausible", units(300, 40, 40, 300), units(390, 104, 390, 20), "[0]-[0] [1 2]-[1] [3]-[2 3]"},
		{"empty target", units(10, 20), nil, "[0]-[] [1]-[]"},
	}
	for _, tt := range tests {
		if got := shape(sentencesOf(tt.src, tt.tgt)); got != tt.want {
			t.Errorf("%s: Sentences got %s, want %s", tt.name, got, tt.want)
		}
	}
}

func TestSentencesAnchors(t *testing.T) {
	// Years, not small counts: a count from zero to ten is a weak anchor (see WeakMiss).
	// By length, the middle sentence could join either neighbour; the numbers tell which.
	src := []Unit{{Len: 100, Anchors: []string{"num:2015"}}, {Len: 100, Anchors: []string{"num:2017"}}, {Len: 100, Anchors: []string{"num:2019"}}}
	tests := []struct {
		tgt  []Unit
		want string
	}{
		{[]Unit{{Len: 180, Anchors: []string{"num:2015"}}, {Len: 180, Anchors: []string{"num:2017", "num:2019"}}}, "[0]-[0] [1 2]-[1]"},
		{[]Unit{{Len: 180, Anchors: []string{"num:2015", "num:2017"}}, {Len: 180, Anchors: []string{"num:2019"}}}, "[0 1]-[0] [2]-[1]"},
	}
	for _, tt := range tests {
		if got := shape(sentencesOf(src, tt.tgt)); got != tt.want {
			t.Errorf("sentencesOf(%v, %v) got %s, want %s", src, tt.tgt, got, tt.want)
		}
	}
	// An added sentence of ordinary length: lengths alone spread it over its neighbours, numbers place it.
	src = units(200, 150, 120, 220, 90)
	tgt := units(260, 400, 195, 156, 286, 117)
	for i := range src {
		src[i].Anchors = []string{fmt.Sprintf("num:%d", 2000+i)}
	}
	for j := range tgt {
		tgt[j].Anchors = []string{fmt.Sprintf("num:%d", 2000+j-1)}
	}
	tgt[0].Anchors = []string{"num:2000"}
	tgt[1].Anchors = []string{"num:2099"}
	if got, want := shape(sentencesOf(src, tgt)), "[0]-[0] []-[1] [1]-[2] [2]-[3] [3]-[4] [4]-[5]"; got != want {
		t.Errorf("Sentences with an added sentence got %s, want %s", got, want)
	}
}

func TestSentencesMerges(t *testing.T) {
	tests := []struct {
		name     string
		src, tgt []Unit
		want     string
	}{
		// Japanese translators cut a long English sentence into three.
		{"one into three", units(120, 420, 110), units(54, 60, 64, 63, 50), "[0]-[0] [1]-[1 2 3] [2]-[4]"},
		{"three into one", units(130, 60, 70, 80, 150), units(58, 95, 66), "[0]-[0] [1 2 3]-[1] [4]-[2]"},
		// A long sentence cut into four (a headline without a full stop joined to the lead is another), and two
		// sentences into three across their boundary.
		{"one into four", units(120, 520, 110), units(54, 60, 64, 58, 52, 50), "[0]-[0] [1]-[1 2 3 4] [2]-[5]"},
		{"two into three", units(130, 200, 180, 140), units(58, 57, 57, 57, 63), "[0]-[0] [1 2]-[1 2 3] [3]-[4]"},
		// Two sentences rendered as two others, the boundary moved: one 2:2 link.
		{"two as two", units(150, 40, 300, 160), units(68, 120, 40, 72), "[0]-[0] [1 2]-[1 2] [3]-[3]"},
	}
	for _, tt := range tests {
		links, err := Sentences(tt.src, tt.tgt, Options{Model: EnglishJapanese})
		if err != nil {
			t.Fatal(err)
		}
		if got := shape(links); got != tt.want {
			t.Errorf("%s: Sentences got %s, want %s", tt.name, got, tt.want)
		}
	}
}

// A MOFA-style paragraph and its Japanese translation, one sentence each; neither holds a number or a term the
// test gives as an anchor, so only lengths can tell a dropped sentence.
var (
	paragraphEN = []string{
		"Minister Hayashi welcomed Deputy Prime Minister Prak Sokhonn and expressed his pleasure at meeting him in person.",
		"The two ministers reaffirmed that the relationship between Japan and Cambodia has developed steadily in a wide range of fields, from infrastructure and trade to education and health.",
		"Minister Hayashi stated that Japan would continue to help Cambodia.",
		"In response, Deputy Prime Minister Prak Sokhonn expressed his deep appreciation for the assistance that Japan has extended to Cambodia over many years, including in the field of demining.",
		"The two ministers also exchanged views on regional affairs.",
		"Finally, both sides confirmed that they would work closely together toward the success of the ASEAN-related meetings hosted by Cambodia.",
	}
	paragraphJA = []string{
		"林大臣から、プラック・ソコン副首相を歓迎し、対面で会談できることを嬉しく思う旨述べました。",
		"両外相は、日本とカンボジアの関係が、インフラや貿易から教育、保健に至るまで、幅広い分野で着実に発展していることを確認しました。",
		"林大臣から、日本は引き続きカンボジアを支援していく旨述べました。",
		"これに対し、プラック・ソコン副首相から、地雷除去の分野を含め、日本が長年にわたりカンボジアに対して行ってきた支援に深い謝意が表明されました。",
		"両外相は、地域情勢についても意見交換を行いました。",
		"最後に、双方は、カンボジアが主催するASEAN関連会合の成功に向けて緊密に連携していくことで一致しました。",
	}
)

func textUnits(texts []string) []Unit {
	us := make([]Unit, len(texts))
	for i, t := range texts {
		us[i] = Unit{Text: t}
	}
	return us
}

// TestSentencesDroppedByLength drops each sentence of the Japanese in turn: the aligner must say which English
// sentence has no counterpart, from lengths alone, with the English–Japanese model and the document's ratio.
func TestSentencesDroppedByLength(t *testing.T) {
	src, full := textUnits(paragraphEN), textUnits(paragraphJA)
	_, st := lengths(src)
	_, tt := lengths(full)
	opt := Options{Model: EnglishJapanese, Ratio: tt / st}
	links, err := Sentences(src, full, opt)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := shape(links), "[0]-[0] [1]-[1] [2]-[2] [3]-[3] [4]-[4] [5]-[5]"; got != want {
		t.Fatalf("unaltered: got %s, want %s", got, want)
	}
	for k := range full {
		tgt := append(append([]Unit{}, full[:k]...), full[k+1:]...)
		links, err := Sentences(src, tgt, opt)
		if err != nil {
			t.Fatal(err)
		}
		var parts []string
		for i := range src {
			switch {
			case i < k:
				parts = append(parts, fmt.Sprintf("[%d]-[%d]", i, i))
			case i == k:
				parts = append(parts, fmt.Sprintf("[%d]-[]", i))
			default:
				parts = append(parts, fmt.Sprintf("[%d]-[%d]", i, i-1))
			}
		}
		if got, want := shape(links), strings.Join(parts, " "); got != want {
			t.Errorf("Japanese sentence %d dropped: got %s, want %s", k, got, want)
		}
	}
}

// TestBanded aligns documents longer than the band's margin, where the programme fills a band around the
// anchored diagonal instead of the whole table: a dropped and an added block far apart are still found.
func TestBanded(t *testing.T) {
	for _, n := range []int{300, 3000} {
		src, full := doc(9, n, 1.17, 'ក', true)
		drop, add := n/4, 3*n/4
		tgt := append(append([]Unit{}, full[:drop]...), full[drop+1:add]...)
		tgt = append(tgt, Unit{Text: strings.Repeat("ក", 400), Anchors: []string{"term:extra"}})
		tgt = append(tgt, full[add:]...)
		links, err := Blocks(src, tgt, Options{Model: EnglishKhmer})
		if err != nil {
			t.Fatal(err)
		}
		got := pairs(t, links, n, len(tgt))
		for i := 0; i < n; i++ {
			want, ok := i, i != drop
			switch {
			case i > drop && i < add:
				want = i - 1
			case i >= add:
				want = i
			}
			if j, has := got[i]; has != ok || (ok && j != want) {
				t.Errorf("n %d: block %d paired with %d (%v), want %d (%v)", n, i, j, has, want, ok)
			}
		}
	}
}

func TestTooLarge(t *testing.T) {
	src, tgt := doc(5, 50, 0.45, 'あ', false)
	tgt = tgt[:40]
	_, err := Sentences(src, tgt, Options{MaxCells: 1000})
	var tl *TooLargeError
	if !errors.As(err, &tl) {
		t.Fatalf("Sentences with 51×41 cells and a limit of 1,000: got error %v, want a *TooLargeError", err)
	}
	if tl.Src != 50 || tl.Tgt != 40 || tl.Cells <= tl.Limit || tl.Limit != 1000 {
		t.Errorf("got %+v, want 50 and 40 units and more cells than the limit of 1000", *tl)
	}
	if _, err := Blocks(src, tgt, Options{MaxCells: 1000}); !errors.As(err, &tl) {
		t.Errorf("Blocks: got error %v, want a *TooLargeError", err)
	}
	if _, err := Sentences(src, tgt, Options{}); err != nil {
		t.Errorf("Sentences with the default limit: %v", err)
	}
	// 200,000 sentences against 100,000: refused at once, before anything of that size is allocated.
	big, half := make([]Unit, 200000), make([]Unit, 100000)
	for i := range big {
		big[i].Len = 100
	}
	for i := range half {
		half[i].Len = 90
	}
	if _, err := Sentences(big, half, Options{}); !errors.As(err, &tl) {
		t.Errorf("200,000 against 100,000 sentences: got error %v, want a *TooLargeError", err)
	}
}

// TestLongParagraph aligns a paragraph of 20,000 sentences whose translation lacks one: linear work, no refusal.
func TestLongParagraph(t *testing.T) {
	if testing.Short() {
		t.Skip("long paragraph skipped under -short")
	}
	src, tgt := doc(6, 20000, 0.45, 'あ', true)
	tgt = append(tgt[:12345:12345], tgt[12346:]...)
	links, err := Sentences(src, tgt, Options{Model: EnglishJapanese})
	if err != nil {
		t.Fatal(err)
	}
	got := pairs(t, links, len(src), len(tgt))
	if _, ok := got[12345]; ok {
		t.Errorf("the dropped sentence 12345 is paired with %d", got[12345])
	}
	if got[100] != 100 || got[19999] != 19998 {
		t.Errorf("sentences 100 and 19999 paired with %d and %d, want 100 and 19998", got[100], got[19999])
	}
}

func TestLength(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{"フン・セン・カンボジア王国首相(Samdech Akka Moha Sena Padei Techo HUN SEN, Prime Minister of the Kingdom of Cambodia)と会談した。", 21},
		{"ឯកឧត្តម ហាយ៉ាស៊ិ យ៉ុស៊ិម៉ាសា (HAYASHI Yoshimasa) បានមានប្រសាសន៍។", 45},
		// English keeps its brackets: they are content the translation renders.
		{"The Welsh Parliament (Senedd) met.", 34},
		// A bracket in the translation's own script is content too.
		{"林大臣(外務大臣)は述べた。", 14},
		{"（注）2022年", 8},
		// Latin letters in Japanese count half: 20 runes, less 2 of the 5 letters of ASEAN.
		{"ASEAN関連外相会議は東京で開催された", 18},
		// Khmer keeps them whole.
		{"កិច្ចប្រជុំ ASEAN", 17},
		{"", 0},
	}
	for _, tt := range tests {
		if got := Length(tt.text); got != tt.want {
			t.Errorf("Length(%q) = %d, want %d", tt.text, got, tt.want)
		}
	}
}

// TestWeakAnchors: "the two ministers" is 両外相, with no 2 to match, so a missing count costs little, while a
// year missing from a translated sentence costs a full miss.
func TestWeakAnchors(t *testing.T) {
	for _, tt := range []struct {
		key  string
		weak bool
	}{{"num:2", true}, {"num:10", true}, {"num:2021", false}, {"num:0.5", false}, {"term:japan", false}} {
		if got := weakAnchor(tt.key); got != tt.weak {
			t.Errorf("weakAnchor(%q) = %v, want %v", tt.key, got, tt.weak)
		}
	}
	if c := anchorCost([]int32{-1}, nil, AnchorMiss); c != WeakMiss*AnchorMiss {
		t.Errorf("a weak miss costs %v, want %v", c, WeakMiss*AnchorMiss)
	}
	if c := anchorCost([]int32{1}, nil, AnchorMiss); c != AnchorMiss {
		t.Errorf("a miss costs %v, want %v", c, AnchorMiss)
	}
}

// TestLetterKind: the table and the ASCII fast path of letterKind answer as the unicode tables do, for every rune
// of the Basic Multilingual Plane and a few beyond.
func TestLetterKind(t *testing.T) {
	for r := rune(0); r < 0x10000; r++ {
		if got, want := letterKind(r), letterKindSlow(r); got != want {
			t.Fatalf("letterKind(%U) = %d, want %d", r, got, want)
		}
	}
	for _, r := range []rune{'𠮷', '𝐀', '😀'} {
		if got, want := letterKind(r), letterKindSlow(r); got != want {
			t.Errorf("letterKind(%U) = %d, want %d", r, got, want)
		}
	}
}

// letterKindSlow is letterKind asked of the unicode package's range tables, TestLetterKind's reference.
func letterKindSlow(r rune) uint8 {
	switch {
	case !unicode.IsLetter(r):
		return kindNone
	case r < 0x250:
		return kindLatin
	case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana):
		return kindJapanese
	}
	return kindOther
}
