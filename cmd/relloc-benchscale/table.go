//go:build unix

package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"
)

// Targets of issue 13's acceptance.
const (
	// MemoryBoundMiB is the bound on check's peak memory at 10,000 releases and a 5,000-entry glossary that
	// README states.
	MemoryBoundMiB = 300
	maxRatioToRG   = 3.0  // check within 3× of rg -F -f over the same bytes
	minRatioToVale = 20.0 // and at least 20× faster than Vale's English-only pass
	maxDoubleRSS   = 1.20 // peak memory at twice the releases at most 20% higher
	oneRelease     = 300 * time.Millisecond
	maxCoverage    = 5 * time.Second
)

// printSamples prints every measurement: median wall and user CPU time, peak memory and the number of runs.
func (b *bench) printSamples() {
	tw := tabwriter.NewWriter(b.out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "command\truns\twall (median)\tuser CPU (median)\tpeak MiB\t")
	for _, k := range b.order {
		s := b.samples[k]
		if !s.ok() {
			fmt.Fprintf(tw, "%s\t%d\tnot measured: %v\t\t\t\n", s.label, len(s.runs), oneLine(s.err))
			continue
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%.0f\t\n", s.label, len(s.runs), seconds(s.wall()), seconds(s.user()), mib(s.rss()))
	}
	tw.Flush()
	if b.samples[kVale].ok() {
		fmt.Fprintf(b.out, "vale: %d alerts of %s in %d of %d English files\n", b.vale.alerts, valeRule, len(b.vale.files),
			b.vale.english)
	}
}

// row is one acceptance item: what was measured, against which target, and whether it holds.
type row struct {
	item, measured, target, holds string
	cpu                           string // the same figure from user CPU time, for a loaded machine; not judged
}

const (
	yes         = "yes"
	no          = "NO"
	notMeasured = "not measured"
)

func verdict(ok bool) string {
	if ok {
		return yes
	}
	return no
}

// acceptance computes issue 13's acceptance items from the measurements; an item whose measurements are
// missing or failed is "not measured".
func (b *bench) acceptance() []row {
	var rows []row
	var cpu func([]string, []*sample) string
	get := func(keys ...string) ([]*sample, bool) {
		var ss []*sample
		for _, k := range keys {
			s := b.samples[k]
			if !s.ok() {
				return nil, false
			}
			ss = append(ss, s)
		}
		return ss, true
	}
	add := func(item, target string, keys []string, f func([]*sample) (string, bool)) {
		r := row{item: item, target: target, holds: notMeasured}
		if ss, ok := get(keys...); ok {
			var holds bool
			r.measured, holds = f(ss)
			r.holds = verdict(holds)
			r.cpu = cpu(keys, ss)
		}
		rows = append(rows, r)
	}
	ratio := func(ss []*sample) float64 { return ss[0].wall().Seconds() / max(ss[1].wall().Seconds(), 1e-9) }
	// cpu is a time row's figure from user CPU time: the ratio of two commands, or one command's median.
	cpu = func(keys []string, ss []*sample) string {
		switch {
		case keys[0] == kCheck2N || keys[0] == kCheckOff2N || keys[0] == kVale && len(keys) == 1:
			return ""
		case len(ss) == 2:
			return fmt.Sprintf("%.2f×", ss[0].user().Seconds()/max(ss[1].user().Seconds(), 1e-9))
		}
		return seconds(ss[0].user())
	}
	times := func(ss []*sample) string {
		return fmt.Sprintf("%.2f× (%s ÷ %s)", ratio(ss), seconds(ss[0].wall()), seconds(ss[1].wall()))
	}
	for _, c := range []struct{ key, name string }{{kCheckCold, "cold"}, {kCheckWarm, "warm"}, {kCheckOff, "RELLOC_INDEX=off"}} {
		add("check ("+c.name+") ÷ rg, wall", fmt.Sprintf("≤ %g×", maxRatioToRG), []string{c.key, kRG},
			func(ss []*sample) (string, bool) { return times(ss), ratio(ss) <= maxRatioToRG })
	}
	for _, c := range []struct{ key, name string }{{kCheckCold, "cold"}, {kCheckWarm, "warm"}} {
		add("Vale ÷ check ("+c.name+"), wall", fmt.Sprintf("≥ %g×", minRatioToVale), []string{kVale, c.key},
			func(ss []*sample) (string, bool) { return times(ss), ratio(ss) >= minRatioToVale })
	}
	add("Vale reads every English file", "all files, alerts > 0", []string{kVale}, func([]*sample) (string, bool) {
		return fmt.Sprintf("%d of %d files, %d alerts", len(b.vale.files), b.vale.english, b.vale.alerts),
			len(b.vale.files) == b.vale.english && b.vale.english > 0 && b.vale.alerts > 0
	})
	var checks []*sample
	for _, k := range []string{kCheckOff, kCheckCold, kCheckWarm} {
		if s := b.samples[k]; s.ok() {
			checks = append(checks, s)
		}
	}
	r := row{item: fmt.Sprintf("peak memory of check, %d releases", b.o.releases),
		target: fmt.Sprintf("< %d MiB (README)", MemoryBoundMiB), holds: notMeasured}
	if len(checks) > 0 {
		var peak int64
		for _, s := range checks {
			peak = max(peak, s.rss())
		}
		r.measured = fmt.Sprintf("%.0f MiB", mib(peak))
		r.holds = verdict(mib(peak) < MemoryBoundMiB)
	}
	rows = append(rows, r)
	for _, c := range []struct{ double, single, name string }{
		{kCheck2N, kCheckCold, "check, cold,"}, {kCheckOff2N, kCheckOff, "check, RELLOC_INDEX=off,"},
	} {
		if !b.o.double {
			break
		}
		add(fmt.Sprintf("peak memory of %s %d ÷ %d releases", c.name, 2*b.o.releases, b.o.releases),
			fmt.Sprintf("≤ %.2f", maxDoubleRSS), []string{c.double, c.single}, func(ss []*sample) (string, bool) {
				q := float64(ss[0].rss()) / float64(max(ss[1].rss(), 1))
				return fmt.Sprintf("%.2f (%.0f ÷ %.0f MiB)", q, mib(ss[0].rss()), mib(ss[1].rss())), q <= maxDoubleRSS
			})
	}
	for _, c := range []struct{ key, name string }{
		{kDraft, "draft R --lang km --stdout"}, {kSearch, "tm search SENTENCE"}, {kAlign, "align R --lang ja"},
		{kCheckOne, "check releases/R"},
	} {
		add("warm index: "+c.name, "< "+seconds(oneRelease), []string{c.key}, func(ss []*sample) (string, bool) {
			return seconds(ss[0].wall()), ss[0].wall() < oneRelease
		})
	}
	add("warm index: coverage", "< "+seconds(maxCoverage), []string{kCoverage}, func(ss []*sample) (string, bool) {
		return seconds(ss[0].wall()), ss[0].wall() < maxCoverage
	})
	add("cold index rebuild ÷ full check (RELLOC_INDEX=off)", "≤ 1×", []string{kRebuild, kCheckOff},
		func(ss []*sample) (string, bool) { return times(ss), ratio(ss) <= 1 })
	return rows
}

func printRows(w io.Writer, rows []row) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "acceptance (issue 13)\tmeasured\ttarget\tholds\tin user CPU")
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.item, r.measured, r.target, r.holds, r.cpu)
	}
	tw.Flush()
}

// seconds writes d in seconds to three significant places, or in milliseconds under a second.
func seconds(d time.Duration) string {
	if d < time.Second {
		return fmt.Sprintf("%d ms", d.Milliseconds())
	}
	return fmt.Sprintf("%.3g s", d.Seconds())
}

func mib(n int64) float64 { return float64(n) / (1 << 20) }

func oneLine(err error) string { return strings.ReplaceAll(err.Error(), "\n", " / ") }
