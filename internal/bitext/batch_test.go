package bitext

import (
	"encoding/json"
	"reflect"
	"testing"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/release"
)

// TestMatchBatchAsPerRelease: a release aligned with a view that MatchBatch filled in a batch gives what it gives
// with a view of its own: the same segments, and the same matches, numbers and anchors of every block and
// sentence afterwards.
func TestMatchBatchAsPerRelease(t *testing.T) {
	if testing.Short() {
		t.Skip("generates a scale workspace")
	}
	g, rels := scaleReleases(t, 40)
	a := NewAnchors(g, en, []language.Tag{en, km, ja})
	for start := 0; start < len(rels); start += 16 {
		batch := rels[start:min(len(rels), start+16)]
		views := make([]*Anchors, len(batch))
		for i := range views {
			views[i] = a.ForRelease()
		}
		batch = append([]*release.Release(nil), batch...)
		batch[1] = nil // a release left out
		MatchBatch(views, batch, en, targets)
		filled := 0
		for _, v := range views[:1] {
			for _, m := range v.pass {
				filled += len(m.texts)
			}
		}
		if filled == 0 {
			t.Fatalf("MatchBatch filled no pass of release %s", batch[0].ID)
		}
		for i, r := range batch {
			if r == nil {
				if n := len(views[i].pass[0].texts); n != 0 {
					t.Errorf("the view of a release left out has %d texts", n)
				}
				continue
			}
			own := a.ForRelease()
			got, want := Align(r, en, targets, views[i]), Align(r, en, targets, own)
			gj, _ := json.Marshal(got)
			wj, _ := json.Marshal(want)
			if string(gj) != string(wj) {
				t.Fatalf("release %s aligned after MatchBatch:\n%s\nwant\n%s", r.ID, gj, wj)
			}
			for _, lang := range []language.Tag{en, km, ja} {
				var texts []string
				for _, b := range r.Doc(lang).Blocks {
					texts = append(texts, b.Text)
					for _, s := range sentences(lang, b) {
						texts = append(texts, b.Text[s.start:s.end])
					}
				}
				for _, text := range texts {
					if g, w := views[i].Longest(lang, text), own.Longest(lang, text); !reflect.DeepEqual(g, w) {
						t.Errorf("%s %s: Longest(%q) = %v, want %v", r.ID, lang, text, g, w)
					}
					if g, w := views[i].Matches(lang, text), own.Matches(lang, text); !reflect.DeepEqual(g, w) {
						t.Errorf("%s %s: Matches(%q) = %v, want %v", r.ID, lang, text, g, w)
					}
					if g, w := views[i].Numbers(lang, text), own.Numbers(lang, text); !reflect.DeepEqual(g, w) {
						t.Errorf("%s %s: Numbers(%q) = %v, want %v", r.ID, lang, text, g, w)
					}
					if g, w := views[i].Of(lang, text), own.Of(lang, text); !reflect.DeepEqual(g, w) {
						t.Errorf("%s %s: Of(%q) = %v, want %v", r.ID, lang, text, g, w)
					}
				}
			}
		}
	}
}

// BenchmarkAlignScaleBatch is BenchmarkAlignScale with the match pass of each 16 releases run language by
// language first (MatchBatch), as check's workers do.
func BenchmarkAlignScaleBatch(b *testing.B) {
	a, rels := scaleAnchors(b)
	views := make([]*Anchors, 16)
	for b.Loop() {
		for start := 0; start < len(rels); start += len(views) {
			batch := rels[start:min(len(rels), start+len(views))]
			for i := range batch {
				views[i] = a.ForRelease()
			}
			MatchBatch(views[:len(batch)], batch, en, targets)
			for i, r := range batch {
				Align(r, en, targets, views[i])
			}
		}
	}
}
