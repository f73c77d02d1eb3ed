package align

import "testing"

func BenchmarkSentences(b *testing.B) {
	// A long release body: 60 sentences, the translation with one sentence split and one dropped.
	src, tgt := doc(3, 60, 0.45, 'あ', true)
	tgt = append(tgt[:10], tgt[11:]...)
	half := tgt[30]
	half.Text = half.Text[:len(half.Text)/2]
	tgt = append(tgt[:31], append([]Unit{half}, tgt[31:]...)...)
	for b.Loop() {
		Sentences(src, tgt)
	}
}

func BenchmarkBlocks(b *testing.B) {
	src, tgt := doc(4, 40, 1.4, 'ក', true)
	tgt = append(tgt[:20], tgt[21:]...)
	for b.Loop() {
		Blocks(src, tgt)
	}
}
