package check

import (
	"errors"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/finding"
	"github.com/relloc/relloc/internal/release"
)

// TestCollector: outcomes added one at a time in report order give Collect's result, with the cases or only
// their number of files; an outcome out of order is an error, not a report in another order.
func TestCollector(t *testing.T) {
	in := sampleInput(t)
	r := NewRunner(Input{Source: in.Source, Targets: in.Targets, Config: in.Config, Glossary: in.Glossary})
	var outs []Outcome
	for _, rel := range in.Releases {
		fs, cases := r.p.checkRelease(rel)
		outs = append(outs, Outcome{ID: rel.ID, Findings: fs, Cases: cases})
	}
	want := r.Collect(outs)
	if len(want.Findings) == 0 || len(want.Cases) == 0 || want.Files != len(want.Cases) {
		t.Fatalf("the sample gives %d findings, %d cases and %d files", len(want.Findings), len(want.Cases), want.Files)
	}
	byID := append([]Outcome(nil), outs...)
	slices.SortStableFunc(byID, func(a, b Outcome) int { return strings.Compare(a.ID, b.ID) })
	for _, keep := range []bool{true, false} {
		c := r.Collector(keep)
		for _, o := range byID {
			c.Add(o)
		}
		c.Add(Outcome{}) // left out, as Collect leaves it
		got, err := c.Result()
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got.Findings, want.Findings) || got.Files != want.Files {
			t.Errorf("keepCases %v: %d findings, %d files; want %d, %d", keep, len(got.Findings), got.Files,
				len(want.Findings), want.Files)
		}
		if wantCases := want.Cases; !keep && got.Cases != nil || keep && !reflect.DeepEqual(got.Cases, wantCases) {
			t.Errorf("keepCases %v: cases %v, want %v", keep, got.Cases, wantCases)
		}
	}
	if len(byID) < 2 || byID[0].ID == byID[len(byID)-1].ID {
		t.Fatal("the sample needs two releases of different ids")
	}
	c := r.Collector(false)
	c.Add(byID[len(byID)-1])
	c.Add(byID[0])
	if _, err := c.Result(); err == nil {
		t.Error("outcomes out of order: no error")
	}
}

// TestCollectorTo: a collector that passes outcomes on gives each as it is added, with the findings check.ignore
// ignores dropped, and with Extra the findings of Collect's result; it keeps only the number of files, and an
// error of its function is Add's.
func TestCollectorTo(t *testing.T) {
	in := sampleInput(t)
	in.Extra = []finding.Finding{{Path: "locale/km.toml", Rule: "not-a-rule", Message: "m"}, {Path: "ignored/x.toml", Rule: "not-a-rule"}}
	in.Config.Ignore = append(in.Config.Ignore, "ignored/", in.Releases[0].Docs[language.Japanese].Path)
	r := NewRunner(Input{Source: in.Source, Targets: in.Targets, Config: in.Config, Glossary: in.Glossary, Extra: in.Extra})
	var outs []Outcome
	for _, rel := range in.Releases {
		fs, cases := r.p.checkRelease(rel)
		outs = append(outs, Outcome{ID: rel.ID, Dir: rel.Dir, Findings: fs, Cases: cases})
	}
	slices.SortStableFunc(outs, func(a, b Outcome) int { return strings.Compare(a.ID, b.ID) })
	ignoredPath := in.Releases[0].Docs[language.Japanese].Path
	if !slices.ContainsFunc(outs, func(o Outcome) bool {
		return slices.ContainsFunc(o.Findings, func(f finding.Finding) bool { return f.Path == ignoredPath })
	}) {
		t.Fatalf("the sample has no finding in %s, which the test ignores", ignoredPath)
	}
	want := r.Collect(outs)
	var got []finding.Finding
	c := r.CollectorTo(func(o Outcome) error {
		got = append(got, o.Findings...)
		return nil
	})
	for _, o := range outs {
		if err := c.Add(o); err != nil {
			t.Fatal(err)
		}
	}
	res, err := c.Result()
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, r.Extra()...)
	finding.Sort(got)
	if !reflect.DeepEqual(got, want.Findings) || res.Files != want.Files || res.Findings != nil || res.Cases != nil {
		t.Errorf("passed on %d findings, result of %d files, %d findings, %d cases; want %d findings, %d files and none held",
			len(got), res.Files, len(res.Findings), len(res.Cases), len(want.Findings), want.Files)
	}
	if n := len(r.Extra()); n != 1 {
		t.Errorf("Extra gives %d findings, want the one check.ignore keeps", n)
	}
	for _, f := range got {
		if f.Path == ignoredPath {
			t.Errorf("an ignored file's finding was passed on: %v", f)
		}
	}
	// In another order: passed on as given, the order being the report's to keep.
	var ids []string
	c = r.CollectorTo(func(o Outcome) error { ids = append(ids, o.ID); return nil })
	for _, o := range slices.Backward(outs) {
		if err := c.Add(o); err != nil {
			t.Fatal(err)
		}
	}
	if len(ids) != len(outs) || ids[0] != outs[len(outs)-1].ID {
		t.Errorf("outcomes in reverse order passed on as %v", ids)
	}
	stop := errors.New("stop")
	c = r.CollectorTo(func(Outcome) error { return stop })
	if err := c.Add(outs[0]); !errors.Is(err, stop) {
		t.Errorf("Add with a failing function = %v, want %v", err, stop)
	}
	if _, err := c.Result(); !errors.Is(err, stop) {
		t.Errorf("Result after a failing function = %v, want %v", err, stop)
	}
}

// TestStreamGivesFolders: each outcome of Stream names its release's folder.
func TestStreamGivesFolders(t *testing.T) {
	in := sampleInput(t)
	Stream(Input{Source: in.Source, Targets: in.Targets, Config: in.Config, Glossary: in.Glossary}, releaseSlice(in.Releases),
		func(o Outcome) {
			if want := in.Releases[o.Index].Dir; o.Dir != want || want == "" {
				t.Errorf("outcome of %s: folder %q, want %q", o.ID, o.Dir, want)
			}
		})
}

// TestScratchLeavesNothingBehind checks releases one after another in either order, a faulty one between each
// two: what the rules kept of one release in the pooled scratch (checkAligned) must change nothing of the next
// one's findings, and the scratch must go back to the pool empty.
func TestScratchLeavesNothingBehind(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	g := benchGlossary(r, 300)
	var rels []*release.Release
	for i := range 6 {
		rel := benchRelease(r, i, g)
		if i%2 == 1 { // a month changed and a bracket left open in the Japanese: findings of several rules
			var files []release.File
			for _, lang := range []language.Tag{language.English, language.Khmer, language.Japanese} {
				d := rel.Doc(lang)
				src := string(d.Source)
				if lang == language.Japanese {
					src = strings.Replace(strings.Replace(src, "年11月", "年12月", 2), "協議した。", "協議した（。", 1)
				}
				files = append(files, release.File{Path: d.Path, Lang: lang, Data: []byte(src)})
			}
			var err error
			if rel, err = release.Parse(rel.Dir, language.English, files); err != nil {
				t.Fatal(err)
			}
		}
		rels = append(rels, rel)
	}
	p := prepare(Input{Source: language.English, Targets: []language.Tag{language.Khmer, language.Japanese}, Glossary: g})
	faulty := rels[1]
	check := func(rel *release.Release) []finding.Finding {
		fs, _ := p.checkRelease(rel)
		return fs
	}
	want := make([][]finding.Finding, len(rels))
	for i, rel := range rels {
		want[i] = check(rel)
	}
	if len(want[1]) == 0 || len(want[0]) != 0 {
		t.Fatalf("the faulty release has %d findings, the consistent one %d", len(want[1]), len(want[0]))
	}
	for i := len(rels) - 1; i >= 0; i-- {
		check(faulty)
		if got := check(rels[i]); !reflect.DeepEqual(got, want[i]) {
			t.Errorf("release %d checked after others: %d findings, alone %d", i, len(got), len(want[i]))
		}
		s := scratchPool.Get().(*scratch)
		if len(s.sides) != 0 || len(s.numbers) != 0 || len(s.pairs) != 0 || len(s.shifted) != 0 || len(s.numbered) != 0 ||
			len(s.shortfalls) != 0 || slices.ContainsFunc(s.pairs[:cap(s.pairs)], func(p segmentPair) bool { return p.seg != nil }) {
			t.Fatalf("scratch back in the pool holds a release: %d sides, %d numbers, %d pairs", len(s.sides), len(s.numbers), len(s.pairs))
		}
		scratchPool.Put(s)
	}
}
