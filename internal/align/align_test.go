package align

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
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
				if got := pairs(t, Blocks(src, tgt), n, n-1); !reflect.DeepEqual(got, want) {
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
				if got := pairs(t, Blocks(src, tgt), n, n+1); !reflect.DeepEqual(got, want) {
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
			got := pairs(t, Blocks(src, tgt), len(src), len(tgt))
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
		got := Blocks(tt.src, tt.tgt)
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
		if got := shape(Sentences(tt.src, tt.tgt)); got != tt.want {
			t.Errorf("%s: Sentences got %s, want %s", tt.name, got, tt.want)
		}
	}
}

func TestSentencesAnchors(t *testing.T) {
	// By length, the middle sentence could join either neighbour; the numbers tell which.
	src := []Unit{{Len: 100, Anchors: []string{"num:5"}}, {Len: 100, Anchors: []string{"num:7"}}, {Len: 100, Anchors: []string{"num:9"}}}
	tests := []struct {
		tgt  []Unit
		want string
	}{
		{[]Unit{{Len: 180, Anchors: []string{"num:5"}}, {Len: 180, Anchors: []string{"num:7", "num:9"}}}, "[0]-[0] [1 2]-[1]"},
		{[]Unit{{Len: 180, Anchors: []string{"num:5", "num:7"}}, {Len: 180, Anchors: []string{"num:9"}}}, "[0 1]-[0] [2]-[1]"},
	}
	for _, tt := range tests {
		if got := shape(Sentences(src, tt.tgt)); got != tt.want {
			t.Errorf("Sentences(%v, %v) got %s, want %s", src, tt.tgt, got, tt.want)
		}
	}
	// An added sentence of ordinary length: lengths alone spread it over its neighbours, numbers place it.
	src = units(200, 150, 120, 220, 90)
	tgt := units(260, 400, 195, 156, 286, 117)
	for i := range src {
		src[i].Anchors = []string{fmt.Sprintf("num:%d", i)}
	}
	for j := range tgt {
		tgt[j].Anchors = []string{fmt.Sprintf("num:%d", j-1)}
	}
	tgt[0].Anchors = []string{"num:0"}
	tgt[1].Anchors = []string{"num:99"}
	if got, want := shape(Sentences(src, tgt)), "[0]-[0] []-[1] [1]-[2] [2]-[3] [3]-[4] [4]-[5]"; got != want {
		t.Errorf("Sentences with an added sentence got %s, want %s", got, want)
	}
}
