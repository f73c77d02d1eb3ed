package align

import (
	"errors"
	"fmt"
	"testing"
)

// FuzzAlign builds two sequences of units from the input — each byte a unit, its low bits a length and its high
// bits an anchor — and checks that Sentences and Blocks never panic and return links that cover both sides in
// order exactly once, or a *TooLargeError when the limit is small, and the links and costs of their references
// (reference_test.go).
func FuzzAlign(f *testing.F) {
	for _, seed := range []struct {
		src, tgt []byte
		limit    int64
	}{
		{[]byte{10, 20, 30}, []byte{10, 20, 30}, 0},
		{[]byte{100, 2, 200}, []byte{101}, 0},
		{[]byte{}, []byte{5, 6}, 0},
		{[]byte{1, 1, 1, 1, 1, 1, 1, 1}, []byte{0, 0}, 0},
		{[]byte("The two Foreign Ministers held talks."), []byte("両外相は会談した。"), 0},
		{make([]byte, 300), make([]byte, 200), 0},
		{make([]byte, 300), make([]byte, 299), 5000},
		{[]byte{255, 0, 255}, []byte{0, 255, 0, 255}, 1},
	} {
		f.Add(seed.src, seed.tgt, seed.limit)
	}
	f.Fuzz(func(t *testing.T, a, b []byte, limit int64) {
		src, tgt := fuzzUnits(a), fuzzUnits(b)
		opt := Options{Model: EnglishJapanese, MaxCells: limit}
		for _, run := range []func([]Unit, []Unit, Options) ([]Link, error){Sentences, Blocks} {
			links, err := run(src, tgt, opt)
			var tl *TooLargeError
			if errors.As(err, &tl) {
				if tl.Cells <= tl.Limit || limit <= 0 && tl.Limit != DefaultMaxCells {
					t.Fatalf("refusal %+v with limit %d", *tl, limit)
				}
				continue
			}
			if err != nil {
				t.Fatal(err)
			}
			if msg := covers(links, len(src), len(tgt)); msg != "" {
				t.Fatalf("%s: %v", msg, links)
			}
		}
		if msg := sameAsReference(src, tgt, opt); msg != "" {
			t.Fatal(msg)
		}
	})
}

func fuzzUnits(bs []byte) []Unit {
	us := make([]Unit, len(bs))
	for i, c := range bs {
		us[i].Len = int(c & 0x3f)
		if k := c >> 6; k > 0 {
			us[i].Anchors = []string{fmt.Sprintf("num:%d", k)}
		}
	}
	return us
}

// covers returns "" when links cover source 0..n-1 and target 0..m-1 in order, each exactly once, with no
// empty link, else what is wrong.
func covers(links []Link, n, m int) string {
	ns, nt := 0, 0
	for _, l := range links {
		if len(l.Src) == 0 && len(l.Tgt) == 0 {
			return "empty link"
		}
		for _, s := range l.Src {
			if s != ns {
				return fmt.Sprintf("source %d out of order (want %d)", s, ns)
			}
			ns++
		}
		for _, x := range l.Tgt {
			if x != nt {
				return fmt.Sprintf("target %d out of order (want %d)", x, nt)
			}
			nt++
		}
	}
	if ns != n || nt != m {
		return fmt.Sprintf("links cover %d and %d units, want %d and %d", ns, nt, n, m)
	}
	return ""
}
