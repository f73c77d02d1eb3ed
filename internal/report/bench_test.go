package report

import (
	"fmt"
	"io"
	"testing"

	"github.com/relloc/relloc/internal/finding"
)

// benchFindings makes n findings spread over releases and languages, the
// shape of a large workspace's check.
func benchFindings(n int) []finding.Finding {
	base := sampleFindings()
	fs := make([]finding.Finding, n)
	for i := range fs {
		f := base[i%len(base)]
		f.Release = fmt.Sprintf("2024-%03d", i%50)
		f.Path = fmt.Sprintf("releases/%s/%s.md", f.Release, f.Lang)
		f.Line = i%400 + 1
		fs[i] = f
	}
	return fs
}

func BenchmarkWrite(b *testing.B) {
	fs := benchFindings(2000)
	o := sampleOptions()
	for _, format := range Formats {
		b.Run(format, func(b *testing.B) {
			for range b.N {
				if err := Write(format, io.Discard, fs, o); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
