package align

import (
	"fmt"
	"testing"
)

// BenchmarkSentences aligns one paragraph of n sentences with its Japanese translation, in which one sentence is
// split in two and one is dropped: time and memory must grow linearly with n (issue 12).
func BenchmarkSentences(b *testing.B) {
	for _, n := range []int{1000, 10000, 100000} {
		src, tgt := mutated(n, 0.45, 'あ')
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Sentences(src, tgt, Options{Model: EnglishJapanese}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkBlocks aligns a document of n paragraphs with its Khmer translation, which lacks one paragraph.
func BenchmarkBlocks(b *testing.B) {
	for _, n := range []int{1000, 10000, 100000} {
		src, tgt := doc(4, n, 1.17, 'ក', true)
		tgt = append(tgt[:n/2:n/2], tgt[n/2+1:]...)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Blocks(src, tgt, Options{Model: EnglishKhmer}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// mutated returns a text of n sentences and its translation with the sentence at n/3 split in two and the
// one at 2n/3 dropped.
func mutated(n int, ratio float64, script rune) (src, tgt []Unit) {
	src, tgt = doc(3, n, ratio, script, true)
	tgt = append(tgt[:2*n/3:2*n/3], tgt[2*n/3+1:]...)
	half := tgt[n/3]
	half.Text = half.Text[:len(half.Text)/2]
	return src, append(tgt[:n/3+1:n/3+1], append([]Unit{half}, tgt[n/3+1:]...)...)
}

// BenchmarkBlocksRelease aligns the blocks of documents of a release's size (the programme's whole table, fit's
// search of ratios) with their Khmer and Japanese translations, each lacking one block: the alignment that check
// runs for every target document of every release.
func BenchmarkBlocksRelease(b *testing.B) {
	for _, n := range []int{8, 16, 32} {
		for _, t := range []struct {
			script rune
			ratio  float64
			model  Model
		}{{'ក', 1.13, EnglishKhmer}, {'あ', 0.45, EnglishJapanese}} {
			src, tgt := doc(5, n, t.ratio, t.script, true)
			tgt = append(tgt[:n/2:n/2], tgt[n/2+1:]...)
			for _, us := range [][]Unit{src, tgt} {
				for i := range us {
					us[i].Len = Length(us[i].Text) // as bitext measures them, once
				}
			}
			b.Run(fmt.Sprintf("%c%d", t.script, n), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := Blocks(src, tgt, Options{Model: t.model}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
