package check

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"reflect"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/inputerr"
	"github.com/relloc/relloc/internal/release"
)

// sampleInput is the self-test's known-bad workspace, whose releases have findings in Khmer and Japanese.
func sampleInput(t testing.TB) Input {
	t.Helper()
	root, err := fs.Sub(selfTestFS, "selftest")
	if err != nil {
		t.Fatal(err)
	}
	in, err := LoadFS(root)
	if err != nil {
		t.Fatal(err)
	}
	return in
}

// renamed parses the files of r again as the release in folder dir.
func renamed(t *testing.T, r *release.Release, dir string) *release.Release {
	t.Helper()
	var files []release.File
	for lang, d := range r.Docs {
		files = append(files, release.File{Path: dir + "/" + lang.String() + ".md", Lang: lang, Data: d.Source})
	}
	slices.SortFunc(files, func(a, b release.File) int {
		if a.Path < b.Path {
			return -1
		}
		return 1
	})
	out, err := release.Parse(dir, language.English, files)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// funcSource is a Source calling load.
type funcSource struct {
	n    int
	load func(i int) (*release.Release, error)
}

func (s funcSource) Len() int                             { return s.n }
func (s funcSource) Load(i int) (*release.Release, error) { return s.load(i) }

// TestRunSourceMatchesRun: checking releases read one at a time from a Source, in an order that is not that of
// their ids, gives what Run gives on the same releases held in memory and sorted by id: the same findings and
// the same cases in the same order.
func TestRunSourceMatchesRun(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	in := sampleInput(t)
	var rels []*release.Release
	for k := range 6 {
		for _, r := range in.Releases {
			rels = append(rels, renamed(t, r, fmt.Sprintf("releases/%d-%s", k, r.ID)))
		}
	}
	byID := slices.Clone(rels)
	slices.SortStableFunc(byID, func(a, b *release.Release) int {
		if a.ID < b.ID {
			return -1
		}
		if a.ID > b.ID {
			return 1
		}
		return 0
	})
	want := Run(Input{Source: in.Source, Targets: in.Targets, Config: in.Config, Glossary: in.Glossary, Releases: byID})
	if len(want.Findings) < 6 || len(want.Cases) < 12 {
		t.Fatalf("the sample gives %d findings and %d cases; the test needs findings in every release", len(want.Findings), len(want.Cases))
	}
	// The source gives them in reverse order.
	src := funcSource{len(rels), func(i int) (*release.Release, error) { return rels[len(rels)-1-i], nil }}
	got, err := RunSource(Input{Source: in.Source, Targets: in.Targets, Config: in.Config, Glossary: in.Glossary}, src)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Findings, want.Findings) {
		t.Errorf("findings differ: got %d, want %d", len(got.Findings), len(want.Findings))
	}
	if !reflect.DeepEqual(got.Cases, want.Cases) {
		t.Errorf("cases differ:\ngot  %v\nwant %v", got.Cases, want.Cases)
	}
}

// TestStreamOrder: outcomes come out in the order of the source whatever order the workers finish in, and a
// release left out (nil) gives an outcome without id.
func TestStreamOrder(t *testing.T) {
	const workers = 4
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(workers))
	r := rand.New(rand.NewPCG(3, 4))
	g := benchGlossary(r, 50)
	const n = 60
	var (
		mu   sync.Mutex
		made = map[int]*release.Release{}
	)
	src := funcSource{n, func(i int) (*release.Release, error) {
		if i%7 == 3 {
			return nil, nil
		}
		mu.Lock()
		defer mu.Unlock()
		rng := rand.New(rand.NewPCG(uint64(i), 9))
		rel := benchRelease(rng, i, g)
		made[i] = rel
		return rel, nil
	}}
	var order []int
	Stream(Input{Source: language.English, Targets: []language.Tag{language.Khmer, language.Japanese}, Glossary: g}, src, func(o Outcome) {
		order = append(order, o.Index)
		mu.Lock()
		defer mu.Unlock()
		switch {
		case o.Index%7 == 3 && o.ID != "":
			t.Errorf("release %d was left out but has an outcome with id %q", o.Index, o.ID)
		case o.Index%7 != 3 && o.ID != made[o.Index].ID:
			t.Errorf("outcome %d has id %q, want %q", o.Index, o.ID, made[o.Index].ID)
		case o.Index%7 != 3 && len(o.Cases) != 3:
			t.Errorf("outcome %d has %d cases, want 3", o.Index, len(o.Cases))
		}
	})
	for i, idx := range order {
		if idx != i {
			t.Fatalf("outcome %d is release %d: out of order (%v)", i, idx, order)
		}
	}
	if len(order) != n {
		t.Errorf("%d outcomes, want %d", len(order), n)
	}
}

// TestStreamWindow: while the first release is slow, the workers read ahead of it no further than the window
// (in batches of releases) and then wait, so that a slow release does not make a run hold the rest of the archive; once it is done, every
// outcome comes out in order.
func TestStreamWindow(t *testing.T) {
	const workers = 4
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(workers))
	r := rand.New(rand.NewPCG(5, 6))
	g := benchGlossary(r, 20)
	synctest.Test(t, func(t *testing.T) {
		const n = 40
		gate := make(chan struct{})
		var started atomic.Int64
		src := funcSource{n, func(i int) (*release.Release, error) {
			started.Add(1)
			if i == 0 {
				<-gate
			}
			return benchRelease(rand.New(rand.NewPCG(uint64(i), 9)), i, g), nil
		}}
		var order []int
		done := make(chan struct{})
		go func() {
			Stream(Input{Source: language.English, Targets: []language.Tag{language.Khmer, language.Japanese}, Glossary: g}, src,
				func(o Outcome) { order = append(order, o.Index) })
			close(done)
		}()
		synctest.Wait() // every worker but the first's is waiting for the window to move
		// The first batch's worker is held at its first release; the others have read every batch that ends
		// within the window.
		b := batchOf(n, workers)
		if got, want := started.Load(), int64(4*workers*b-b+1); got != want || b < 2 {
			t.Errorf("%d releases read while the first was held, want the window of %d less the first batch's %d others (batches of %d, want 2 at least)", got, want, b-1, b)
		}
		if len(order) != 0 {
			t.Errorf("outcomes %v emitted before the first", order)
		}
		close(gate)
		<-done
		for i, idx := range order {
			if idx != i {
				t.Fatalf("outcome %d is release %d: out of order", i, idx)
			}
		}
		if len(order) != n {
			t.Errorf("%d outcomes, want %d", len(order), n)
		}
	})
}

// TestRunSourceErrors: releases that cannot be read are input errors reported together, in the order of the
// source, and no result; any other error is returned as it is.
func TestRunSourceErrors(t *testing.T) {
	in := sampleInput(t)
	bad := func(i int) error { return inputerr.New(fmt.Sprintf("releases/r%d/en.md", i), 1, 1, "broken") }
	src := funcSource{len(in.Releases) + 3, func(i int) (*release.Release, error) {
		switch i {
		case 1, 3:
			return nil, bad(i)
		case 2:
			return nil, inputerr.List{bad(20).(*inputerr.Error), bad(21).(*inputerr.Error)}
		}
		return in.Releases[min(i, len(in.Releases)-1)], nil
	}}
	res, err := RunSource(in, src)
	var l inputerr.List
	if !errors.As(err, &l) || len(res.Findings) > 0 {
		t.Fatalf("RunSource = %d findings, %v; want input errors and no result", len(res.Findings), err)
	}
	var got []string
	for _, e := range l {
		got = append(got, e.Path)
	}
	want := []string{"releases/r1/en.md", "releases/r20/en.md", "releases/r21/en.md", "releases/r3/en.md"}
	if !slices.Equal(got, want) {
		t.Errorf("errors name %v, want %v", got, want)
	}
	other := errors.New("disk on fire")
	_, err = RunSource(in, funcSource{3, func(i int) (*release.Release, error) {
		if i == 1 {
			return nil, other
		}
		return nil, bad(i)
	}})
	if !errors.Is(err, other) {
		t.Errorf("RunSource with a failing read = %v, want %v", err, other)
	}
}

// BenchmarkStream checks archives of 100 and 400 generated releases (24 sentences in each of three languages,
// a 1,000-entry glossary), each release made when a worker reads it and dropped once checked, as relloc check
// reads a workspace. allocs/release and B/release are the same at both sizes: the work per release does not
// grow with the archive; held-releases is the most releases read and not yet emitted at once (the window).
func BenchmarkStream(b *testing.B) {
	g := benchGlossary(rand.New(rand.NewPCG(1, 2)), 1000)
	in := Input{Source: language.English, Targets: []language.Tag{language.Khmer, language.Japanese}, Glossary: g}
	for _, n := range []int{100, 400} {
		b.Run(fmt.Sprintf("releases=%d", n), func(b *testing.B) {
			var inFlight, maxHeld atomic.Int64
			src := funcSource{n, func(i int) (*release.Release, error) {
				if h := inFlight.Add(1); h > maxHeld.Load() {
					maxHeld.Store(h)
				}
				return benchRelease(rand.New(rand.NewPCG(uint64(i), 9)), i, g), nil
			}}
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			runs := 0
			for b.Loop() {
				Stream(in, src, func(Outcome) { inFlight.Add(-1) })
				runs++
			}
			runtime.ReadMemStats(&after)
			per := float64(runs * n)
			b.ReportMetric(float64(after.Mallocs-before.Mallocs)/per, "allocs/release")
			b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/per, "B/release")
			b.ReportMetric(float64(maxHeld.Load()), "held-releases")
		})
	}
}
