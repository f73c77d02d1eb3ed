package localefmt

import (
	"strings"
	"testing"
)

func BenchmarkDateKhmerProse(b *testing.B) {
	d := day(2021, 11, 18)
	for b.Loop() {
		if _, err := Date(km, d, Prose); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkNumberKhmer(b *testing.B) {
	for b.Loop() {
		Number(km, 1234567.5, 1)
	}
}

func BenchmarkFindEnglishDates(b *testing.B) {
	text := strings.Repeat("On 18 November 2021 the ministers agreed to meet on 25-26 November 2021 and again on 5 May. ", 50)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		FindEnglishDates(text)
	}
}
