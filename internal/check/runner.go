package check

import (
	"fmt"
	"sort"

	"github.com/relloc/relloc/internal/bitext"
	"github.com/relloc/relloc/internal/finding"
)

// Runner is a check run prepared once (the rules that are on with their severities, the glossary's matchers)
// for a caller that reads and aligns the releases itself and keeps their outcomes: the persistent index checks
// each release it reads again through the one alignment it also draws its translation memory and coverage
// from, stores the outcome, and gives it back to relloc check while the release's files, the inputs and relloc
// stay the same.
type Runner struct{ p *runner }

// NewRunner prepares a run of in; in.Releases and in.Progress are not read.
func NewRunner(in Input) *Runner { return &Runner{p: prepare(in)} }

// Anchors returns the glossary's matchers of the run, for the languages of the workspace; align a release with
// a view of them for it (bitext.Anchors.ForRelease), which Check then reads too.
func (r *Runner) Anchors() *bitext.Anchors { return r.p.anchors }

// Check runs every rule that is on over a release aligned (bitext.Align) in the languages checked (Input.Langs,
// else every target) with anchors, a release view of Anchors. It returns what Stream gives of the release: its
// findings with their configured severity, consequences and suppressed findings dropped, not sorted nor filtered
// by check.ignore, and the cases of its files that check.ignore keeps.
func (r *Runner) Check(bt *bitext.Bitext, anchors *bitext.Anchors) ([]finding.Finding, []Case) {
	return r.p.checkAligned(bt, anchors)
}

// Collect gives the result of the run from the outcomes of its releases, as RunSource does: the releases in the
// order of their ids (outcomes with equal ids in the order given), Input.Extra merged in, what check.ignore
// ignores dropped, and the findings sorted by position. Outcomes without an id are left out.
func (r *Runner) Collect(outs []Outcome) Result {
	kept := outs[:0:0]
	for _, o := range outs {
		if o.ID != "" {
			kept = append(kept, o)
		}
	}
	sort.SliceStable(kept, func(i, j int) bool { return kept[i].ID < kept[j].ID })
	return r.p.collect(kept)
}

// Collector gathers the result of a run, as Collect does, from outcomes given one at a time in the order of the
// report (by release id; equal ids in the order given), so that a caller reading stored outcomes holds only what
// the report needs: the findings that check.ignore keeps, and the cases only when asked for them (JUnit reports
// every case; the other formats need the number of files, which Result.Files gives either way). A collector made
// by CollectorTo holds neither, but passes each outcome on as it comes.
type Collector struct {
	p         *runner
	keepCases bool
	to        func(Outcome) error
	res       Result
	last      string
	err       error
}

// Collector returns an empty collector of the run; keepCases says whether Result.Cases is to list the cases.
func (r *Runner) Collector(keepCases bool) *Collector {
	return &Collector{p: r.p, keepCases: keepCases}
}

// CollectorTo returns an empty collector of the run that passes each outcome added on to fn, in the order given,
// with the findings that check.ignore ignores dropped, and keeps only the number of files: its Result has no
// findings nor cases, and Extra gives the findings from outside releases that a report of the run begins with.
// The order is the report's to keep (see report.Writer): the outcomes of a Stream come in the order of its
// Source. An error of fn stops the collector and is Add's and Result's.
func (r *Runner) CollectorTo(fn func(Outcome) error) *Collector {
	return &Collector{p: r.p, to: fn}
}

// Add takes the outcome of the next release. Outcomes without an id are left out. Unless the collector passes
// outcomes on, one whose id sorts before the id of the outcome before it makes Result fail, since the order of
// the report would be lost; an error of the function of CollectorTo does too, and Add returns it.
func (c *Collector) Add(o Outcome) error {
	if o.ID == "" || c.err != nil {
		return c.err
	}
	if c.to == nil && o.ID < c.last {
		c.err = fmt.Errorf("check: outcome of release %s given after release %s", o.ID, c.last)
		return c.err
	}
	c.last = o.ID
	c.err = c.add(o)
	return c.err
}

// Result gives the result of the outcomes added, with Input.Extra merged in and the findings sorted by position;
// for a collector made by CollectorTo, the number of files alone.
func (c *Collector) Result() (Result, error) {
	if c.err != nil {
		return Result{}, c.err
	}
	return c.result(), nil
}

// Extra returns the findings from outside releases (Input.Extra) that the result of the run holds: those that
// check.ignore keeps, with the severity configured for their rule, unless the rule is off.
func (r *Runner) Extra() []finding.Finding { return r.p.extra() }
