package check

import (
	"errors"
	"runtime"
	"sync"

	"github.com/relloc/relloc/internal/bitext"
	"github.com/relloc/relloc/internal/finding"
	"github.com/relloc/relloc/internal/inputerr"
	"github.com/relloc/relloc/internal/release"
)

// Source gives the releases of a run one at a time: Len of them, the i-th read by Load(i) when a worker reaches
// it and dropped once checked, so that a run holds GOMAXPROCS batches of releases at most (Stream), whatever the
// size of the archive. Load may be called from several goroutines at once. It returns a nil release, and no error, for a
// release that is not to be checked (one that --changed-since leaves out).
type Source interface {
	Len() int
	Load(i int) (*release.Release, error)
}

// Outcome is what checking one release of a Source gave.
type Outcome struct {
	Index int    // the release's place in the Source
	ID    string // the release's id; "" when it was left out or could not be read
	Dir   string // the release's folder (release.Release.Dir), when ID is set
	// Findings are the release's findings with their configured severity, without consequences and suppressed
	// findings, not yet sorted nor filtered by check.ignore.
	Findings []finding.Finding
	Cases    []Case
	Err      error // why the release could not be read
}

// Stream checks the releases of src on GOMAXPROCS workers, each taking a batch of consecutive releases at a time
// (batchSize at most), and calls emit with the outcome of each, in the order of src: a reorder buffer holds the
// outcomes that are ready before an earlier one, and a worker waits before starting a batch that ends more than
// a window ahead of the next outcome due, so that what is held stays bounded by the number of workers and the
// batch size, not by the archive. emit is called from one goroutine at a time. in.Releases is not read.
func Stream(in Input, src Source, emit func(Outcome)) { prepare(in).stream(src, emit) }

// batchSize is the most releases a worker of Stream takes at once: it reads them, runs their match pass one
// language after another (bitext.MatchBatch), then aligns and checks each. A batch holds batchSize releases with
// their views' passes per worker, besides the window of outcomes. At 10,000 releases with the index off, 3 rounds
// on a loaded machine, user CPU was 12.7-14.8 s with batches of 4, 11.4-13.7 s of 8, 11.6-13.7 s of 16 and
// 13.1-13.9 s of 32 (12.3-17.7 s without batches): past 16, the passes filled first go cold before alignment
// reads them.
const batchSize = 16

// batchOf returns the number of releases a worker takes at once for n releases on workers workers: batchSize,
// or fewer so that each worker has four batches at least, and the last ones are not left to one worker.
func batchOf(n, workers int) int {
	return max(1, min(batchSize, n/(4*max(workers, 1))))
}

func (p *runner) stream(src Source, emit func(Outcome)) {
	in := p.in
	n := src.Len()
	workers := min(runtime.GOMAXPROCS(0), n)
	batch := batchOf(n, workers)
	window := 4 * max(workers, 1) * batch
	var (
		mu      sync.Mutex
		cond    = sync.NewCond(&mu)
		ready   = map[int]Outcome{}
		next    int // the next index to start
		emitted int // the next index to emit
		done    int
	)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			outs := make([]Outcome, 0, batch)
			rs := make([]*release.Release, 0, batch)
			views := make([]*bitext.Anchors, 0, batch)
			for {
				mu.Lock()
				for next < n && next+batch > emitted+window {
					cond.Wait()
				}
				if next >= n {
					mu.Unlock()
					return
				}
				first := next
				next = min(n, next+batch)
				last := next
				mu.Unlock()

				outs, rs, views = outs[:0], rs[:0], views[:0]
				for i := first; i < last; i++ {
					o := Outcome{Index: i}
					r, err := src.Load(i)
					var view *bitext.Anchors
					switch {
					case err != nil:
						o.Err, r = err, nil
					case r != nil:
						o.ID, o.Dir = r.ID, r.Dir
						view = p.anchors.ForRelease()
					}
					outs, rs, views = append(outs, o), append(rs, r), append(views, view)
				}
				bitext.MatchBatch(views, rs, in.Source, p.langs)
				for k, r := range rs {
					if r != nil {
						outs[k].Findings, outs[k].Cases = p.checkView(r, views[k])
					}
					rs[k], views[k] = nil, nil // dropped with the batch
				}

				mu.Lock()
				for _, o := range outs {
					ready[o.Index] = o
				}
				// Whoever completes the outcome due emits it and every one ready after it, in order.
				for {
					o, ok := ready[emitted]
					if !ok {
						break
					}
					delete(ready, emitted)
					emitted++
					emit(o)
					done++
					if in.Progress != nil {
						in.Progress(done, n)
					}
				}
				cond.Broadcast()
				mu.Unlock()
				clear(outs)
			}
		}()
	}
	wg.Wait()
}

// RunSource checks the releases of src as Run checks in.Releases, with the same result: findings sorted by
// position and cases in the order of release ids. Only findings and cases are kept, never releases. When
// releases cannot be read, it returns their input errors together (inputerr.List, in the order of src), or the
// first other error, and no result.
func RunSource(in Input, src Source) (Result, error) {
	var (
		outs []Outcome
		errs readErrors
	)
	p := prepare(in)
	p.stream(src, func(o Outcome) {
		if o.Err != nil {
			errs.add(o.Err)
			return
		}
		if o.ID != "" {
			o.Index = len(outs)
			outs = append(outs, o)
		}
	})
	if err := errs.err(); err != nil {
		return Result{}, err
	}
	// Releases are reported in the order of their ids, whatever the order of their folders.
	return (&Runner{p: p}).Collect(outs), nil
}

// StreamTo checks the releases of src as Stream does and adds the outcome of each to c, a collector of the run,
// in the order of src, until c fails. It returns c's error, or, when releases cannot be read, their errors as
// RunSource returns them: then what c was given is not the run's whole result.
func (r *Runner) StreamTo(src Source, c *Collector) error {
	var (
		errs   readErrors
		addErr error
	)
	r.p.stream(src, func(o Outcome) {
		switch {
		case o.Err != nil:
			errs.add(o.Err)
		case addErr == nil:
			addErr = c.Add(o)
		}
	})
	if err := errs.err(); err != nil {
		return err
	}
	return addErr
}

// readErrors gathers why releases could not be read: their input errors, or the first other error.
type readErrors struct {
	list  inputerr.List
	first error
}

func (e *readErrors) add(err error) {
	var l inputerr.List
	var ie *inputerr.Error
	switch {
	case errors.As(err, &l):
		e.list = append(e.list, l...)
	case errors.As(err, &ie):
		e.list = append(e.list, ie)
	case e.first == nil:
		e.first = err
	}
}

// err returns the first error that is not an input error, else the input errors together, else nil.
func (e *readErrors) err() error {
	if e.first != nil {
		return e.first
	}
	if len(e.list) > 0 {
		return e.list
	}
	return nil
}

// releaseSlice is a Source over releases already read.
type releaseSlice []*release.Release

func (s releaseSlice) Len() int                             { return len(s) }
func (s releaseSlice) Load(i int) (*release.Release, error) { return s[i], nil }
