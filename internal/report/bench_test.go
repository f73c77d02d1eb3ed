package report

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/metrics"
	"slices"
	"sync/atomic"
	"testing"
	"time"

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

// benchRelease makes the i-th of a run's releases, the shape of a generated archive's: a Khmer and a Japanese
// file checked, with a few findings each.
func benchRelease(i int) Release {
	id := fmt.Sprintf("2024-%05d-visit", i)
	dir := "releases/" + id
	r := Release{ID: id, Dir: dir}
	for _, lang := range []string{"km", "ja"} {
		p := dir + "/" + lang + ".md"
		r.Cases = append(r.Cases, Case{Release: id, Lang: lang, Path: p})
		for k, f := range sampleFindings()[:3] {
			f.Path, f.Release, f.Lang, f.Line = p, id, lang, 3*k+1
			r.Findings = append(r.Findings, f)
		}
	}
	return r
}

// benchRules are twenty rules, as many as relloc's, each a JUnit test case of every file.
func benchRules() []finding.Rule {
	rules := slices.Clone(sampleRules)
	for i := len(rules); i < 20; i++ {
		rules = append(rules, finding.Rule{ID: fmt.Sprintf("rule-%02d", i), Summary: "s", Default: finding.Warning})
	}
	return rules
}

// peakHeap runs f and reports the largest heap it saw in use (live objects and garbage not yet collected),
// sampled every 100 µs, as peak-MiB.
func peakHeap(b *testing.B, f func()) {
	runtime.GC()
	var peak atomic.Uint64
	done, stopped := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(stopped)
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		t := time.NewTicker(100 * time.Microsecond)
		defer t.Stop()
		for {
			metrics.Read(s)
			peak.Store(max(peak.Load(), s[0].Value.Uint64()))
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	f()
	close(done)
	<-stopped
	b.ReportMetric(float64(peak.Load())/(1<<20), "peak-MiB")
}

// BenchmarkReportMemory writes the report of 5,000 releases in every format, as the writers did before they
// streamed (whole: every finding and case held, then the document built from them; reference_test.go) and as a
// Writer does (stream: releases given one at a time, as check streams them; JUnit's spool a file), with
// -benchmem's allocations and the peak heap seen.
func BenchmarkReportMemory(b *testing.B) {
	const releases = 5000
	o := sampleOptions()
	o.Rules = benchRules()
	for _, format := range Formats {
		b.Run(format+"/whole", func(b *testing.B) {
			for range b.N {
				peakHeap(b, func() {
					var fs []finding.Finding
					var cases []Case
					for i := range releases {
						r := benchRelease(i)
						fs, cases = append(fs, r.Findings...), append(cases, r.Cases...)
					}
					o := o
					o.Cases = cases
					if err := refWrite(format, io.Discard, fs, o); err != nil {
						b.Fatal(err)
					}
				})
			}
		})
		b.Run(format+"/stream", func(b *testing.B) {
			for range b.N {
				peakHeap(b, func() {
					o := o
					if format == "junit" { // a file, as relloc check gives it
						spool, err := os.CreateTemp(b.TempDir(), "spool")
						if err != nil {
							b.Fatal(err)
						}
						defer spool.Close()
						o.Spool = spool
					}
					o.Folders = make([]string, releases)
					for i := range releases {
						o.Folders[i] = benchRelease(i).Dir
					}
					w, err := NewWriter(format, io.Discard, o)
					if err != nil {
						b.Fatal(err)
					}
					for i := range releases {
						if err := w.Add(benchRelease(i)); err != nil {
							b.Fatal(err)
						}
					}
					if err := w.Close(finding.Summary{Files: 2 * releases, Releases: releases}); err != nil {
						b.Fatal(err)
					}
				})
			}
		})
	}
}
