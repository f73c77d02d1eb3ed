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
