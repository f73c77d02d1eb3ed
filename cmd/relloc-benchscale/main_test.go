//go:build unix

package main

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// fake stands in for the commands: each measurement costs what its table says, and Vale prints an alert of the
// glossary's rule for each English file. It records the jobs it was given and whether the index existed
// when each ran.
type fake struct {
	cost    map[string]usage
	jobs    []job
	indexed []bool
}

func (f *fake) run(j job) (usage, error) {
	f.jobs = append(f.jobs, j)
	if !filepath.IsAbs(j.bin) {
		return usage{}, fmt.Errorf("%s: not an absolute path, which the workspace folder would not find", j.bin)
	}
	_, err := os.Stat(filepath.Join(j.dir, ".relloc"))
	f.indexed = append(f.indexed, err == nil)
	if j.key == kRebuild || j.key == "" { // a command that builds the index
		if err := os.MkdirAll(filepath.Join(j.dir, ".relloc"), 0o755); err != nil {
			return usage{}, err
		}
	}
	if j.key == kVale {
		ens, _ := filepath.Glob(filepath.Join(j.dir, "releases", "*", "en.md"))
		for _, p := range ens {
			rel, _ := filepath.Rel(j.dir, p)
			fmt.Fprintf(j.out, "%s:12:3:%s:glossary term 'Cambodia'\n", rel, valeRule)
			fmt.Fprintf(j.out, "%s:14:1:Vale.Spelling:Did you really mean 'Sokhonn'?\n", rel)
		}
	}
	return f.cost[j.key], nil
}

func ms(n int) time.Duration { return time.Duration(n) * time.Millisecond }

const mebi = 1 << 20

// standIn is an existing file to pass as a binary the fake never runs.
func standIn(t *testing.T) string {
	p := filepath.Join(t.TempDir(), "stand-in")
	if err := os.WriteFile(p, nil, 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestRun runs the whole benchmark on a tiny generated workspace with fake measurements, and checks that the
// acceptance table is computed from them: each ratio, peak and median against its target.
func TestRun(t *testing.T) {
	f := &fake{cost: map[string]usage{
		kRG:         {wall: ms(1000), user: ms(500), rss: 10 * mebi},
		kCheckOff:   {wall: ms(4000), rss: 120 * mebi},
		kCheckCold:  {wall: ms(2000), user: ms(3000), rss: 100 * mebi},
		kCheckWarm:  {wall: ms(3000), rss: 90 * mebi},
		kCheck2N:    {wall: ms(4100), rss: 130 * mebi},
		kCheckOff2N: {wall: ms(8000), rss: 132 * mebi},
		kVale:       {wall: ms(50000), rss: 200 * mebi},
		kRebuild:    {wall: ms(3000)},
		kCoverage:   {wall: ms(6000)},
		kDraft:      {wall: ms(250), user: ms(120)},
		kSearch:     {wall: ms(400)},
		kAlign:      {wall: ms(299)},
		kCheckOne:   {wall: ms(300), status: 1},
	}}
	dir := filepath.Join(t.TempDir(), "bench")
	stand := standIn(t)
	wd, _ := os.Getwd()
	relStand, err := filepath.Rel(wd, stand) // the commands run in the workspace, where a relative path is wrong
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	err = run([]string{"-relloc", relStand, "-rg", relStand, "-vale", relStand, "-releases", "3", "-entries", "100",
		"-runs", "2", "-quick-runs", "3", "-compare-double", "-keep", dir}, &out, io.Discard, f.run)
	if err != nil {
		t.Fatalf("run: %v\n%s", err, out.String())
	}
	got := out.String()
	for _, want := range []string{
		"workspace: 3 releases", "workspace: 6 releases", "100 glossary entries",
		"vale: 3 alerts of Glossary.Terms in 3 of 3 English files",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	table := acceptanceRows(got)
	for _, want := range [][]string{
		{"check (cold) ÷ rg, wall", "2.00× (2 s ÷ 1 s)", "≤ 3×", "yes", "6.00×"},
		{"check (warm) ÷ rg, wall", "3.00× (3 s ÷ 1 s)", "≤ 3×", "yes"},
		{"check (RELLOC_INDEX=off) ÷ rg, wall", "4.00× (4 s ÷ 1 s)", "≤ 3×", "NO"},
		{"Vale ÷ check (cold), wall", "25.00× (50 s ÷ 2 s)", "≥ 20×", "yes"},
		{"Vale ÷ check (warm), wall", "16.67× (50 s ÷ 3 s)", "≥ 20×", "NO"},
		{"Vale reads every English file", "3 of 3 files, 3 alerts", "all files, alerts > 0", "yes"},
		{"peak memory of check, 3 releases", "120 MiB", "< 300 MiB (README)", "yes"},
		{"peak memory of check, cold, 6 ÷ 3 releases", "1.30 (130 ÷ 100 MiB)", "≤ 1.20", "NO"},
		{"peak memory of check, RELLOC_INDEX=off, 6 ÷ 3 releases", "1.10 (132 ÷ 120 MiB)", "≤ 1.20", "yes"},
		{"warm index: draft R --lang km --stdout", "250 ms", "< 300 ms", "yes", "120 ms"},
		{"warm index: tm search SENTENCE", "400 ms", "< 300 ms", "NO"},
		{"warm index: align R --lang ja", "299 ms", "< 300 ms", "yes"},
		{"warm index: check releases/R", "300 ms", "< 300 ms", "NO"},
		{"warm index: coverage", "6 s", "< 5 s", "NO"},
		{"cold index rebuild ÷ full check (RELLOC_INDEX=off)", "0.75× (3 s ÷ 4 s)", "≤ 1×", "yes"},
	} {
		if r := table[want[0]]; !slices.Equal(r[:min(len(r), len(want)-1)], want[1:]) {
			t.Errorf("row %q: got %q, want %q\n%s", want[0], r, want[1:], got)
		}
	}

	// The jobs: each archive-wide measurement -runs times, each warm one -quick-runs times; a cold check and a
	// rebuild without .relloc; the index off by the environment; the one-release commands about the release
	// in the middle and a sentence of its English.
	count := map[string]int{}
	var release, phrase string
	for i, j := range f.jobs {
		count[j.key]++
		switch j.key {
		case kCheckCold, kRebuild, kCheck2N:
			if f.indexed[i] {
				t.Errorf("%s ran with .relloc present", j.key)
			}
		case kCheckOff, kCheckOff2N:
			if !slices.Contains(j.env, "RELLOC_INDEX=off") {
				t.Errorf("check-off's environment: %q", j.env)
			}
		case kDraft:
			release = j.args[1]
		case kSearch:
			phrase = j.args[2]
		case kCoverage, kAlign, kCheckOne:
			if !f.indexed[i] {
				t.Errorf("%s ran without an index", j.key)
			}
		}
	}
	for k, n := range map[string]int{kRG: 2, kCheckOff: 2, kCheckCold: 2, kCheckWarm: 2, kRebuild: 2, kCheck2N: 2, kCheckOff2N: 2,
		kVale: 1, kCoverage: 3, kDraft: 3, kSearch: 3, kAlign: 3, kCheckOne: 3} {
		if count[k] != n {
			t.Errorf("%s ran %d times, want %d", k, count[k], n)
		}
	}
	rels, _ := os.ReadDir(filepath.Join(dir, "workspace", "releases"))
	if len(rels) != 3 || release != rels[1].Name() {
		t.Errorf("one-release commands are about %q, want the middle one of %v", release, rels)
	}
	en, _ := os.ReadFile(filepath.Join(dir, "workspace", "releases", release, "en.md"))
	if len(phrase) < 20 || !strings.Contains(string(en), phrase) {
		t.Errorf("tm search looks up %q, not a sentence of %s/en.md", phrase, release)
	}
	for _, p := range []string{"terms.txt", "vale/.vale.ini", "vale/styles/Glossary/Terms.yml",
		"workspace/relloc.toml", "workspace/glossary/generated.toml"} {
		if fi, err := os.Stat(filepath.Join(dir, p)); err != nil || fi.Size() == 0 {
			t.Errorf("%s missing or empty", p)
		}
	}
}

// TestRunFailure: a command that fails (exit status 2) makes its items "not measured" and the run an error
// naming it; the other items are still computed.
func TestRunFailure(t *testing.T) {
	f := &fake{cost: map[string]usage{
		kRG:        {wall: ms(1000)},
		kCheckCold: {wall: ms(2000), status: 2, stderr: "relloc: releases/x/en.md:3:1: bad front matter"},
		kCheckOff:  {wall: ms(2000)},
	}}
	stand := standIn(t)
	var out strings.Builder
	err := run([]string{"-relloc", stand, "-rg", stand, "-releases", "2", "-entries", "100", "-runs", "1",
		"-only", "rg,check"}, &out, io.Discard, f.run)
	if err == nil || !strings.Contains(err.Error(), "relloc check, cold") || !strings.Contains(err.Error(), "bad front matter") {
		t.Errorf("got %v, want the cold check's failure", err)
	}
	table := acceptanceRows(out.String())
	for _, want := range [][]string{
		{"check (cold) ÷ rg, wall", "", "≤ 3×", "not measured"},
		{"check (RELLOC_INDEX=off) ÷ rg, wall", "2.00× (2 s ÷ 1 s)", "≤ 3×", "yes"},
		{"warm index: coverage", "", "< 5 s", "not measured"},
	} {
		if r := table[want[0]]; !slices.Equal(r[:min(len(r), 3)], want[1:]) {
			t.Errorf("row %q: got %q, want %q\n%s", want[0], r, want[1:], out.String())
		}
	}
}

func TestRunNeedsRelloc(t *testing.T) {
	err := run([]string{"-relloc", filepath.Join(t.TempDir(), "absent"), "-releases", "1"}, io.Discard, io.Discard,
		(&fake{}).run)
	if err == nil || !strings.Contains(err.Error(), "make build") {
		t.Errorf("got %v, want an error saying to run make build", err)
	}
}

func TestRunUnknownMeasurement(t *testing.T) {
	err := run([]string{"-relloc", standIn(t), "-only", "check,grep"}, io.Discard, io.Discard, (&fake{}).run)
	if err == nil || !strings.Contains(err.Error(), `"grep"`) {
		t.Errorf("got %v, want an error naming grep", err)
	}
}

// TestMemoryBoundInREADME: the bound the table holds check's memory to is the one README states.
func TestMemoryBoundInREADME(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	if want := fmt.Sprintf("under %d MiB", MemoryBoundMiB); !strings.Contains(string(readme), want) {
		t.Errorf("README does not state the memory bound %q", want)
	}
}

// TestValeStyle runs the real Vale, when installed (make tools), with the generated style on a tiny workspace:
// the glossary's rule must fire in every English file.
func TestValeStyle(t *testing.T) {
	vale, err := filepath.Abs(filepath.Join("..", "..", ".tools", "bin", "vale"))
	if _, serr := os.Stat(vale); err != nil || serr != nil {
		if vale, err = exec.LookPath("vale"); err != nil {
			t.Skip("Vale is not installed (make tools)")
		}
	}
	dir := filepath.Join(t.TempDir(), "bench")
	var out strings.Builder
	err = run([]string{"-relloc", standIn(t), "-vale", vale, "-releases", "3", "-entries", "100", "-runs", "1",
		"-only", "vale", "-keep", dir}, &out, io.Discard, execRunner)
	if err != nil {
		t.Fatalf("run: %v\n%s", err, out.String())
	}
	r := acceptanceRows(out.String())["Vale reads every English file"]
	if len(r) < 3 || !regexp.MustCompile(`^3 of 3 files, [1-9][0-9]* alerts$`).MatchString(r[0]) || r[2] != "yes" {
		t.Errorf("Vale's glossary rule did not fire in every file:\n%s", out.String())
	}
}

// acceptanceRows reads the acceptance table of the output by its header's columns (tabwriter aligns runes):
// each item's measured value, target, verdict and CPU figure, "" where a cell is empty.
func acceptanceRows(out string) map[string][]string {
	rows := map[string][]string{}
	var starts []int
	for _, text := range strings.Split(out, "\n") {
		line := []rune(text)
		if strings.HasPrefix(text, "acceptance (issue 13)") {
			starts = nil
			for _, h := range []string{"measured", "target", "holds", "in user CPU"} {
				starts = append(starts, len([]rune(text[:strings.Index(text, h)])))
			}
			continue
		}
		if starts == nil || len(line) < starts[0] {
			continue
		}
		cell := func(from, to int) string {
			return strings.TrimSpace(string(line[min(from, len(line)):min(to, len(line))]))
		}
		cells := []string{cell(0, starts[0])}
		for i, st := range starts {
			end := len(line)
			if i+1 < len(starts) {
				end = starts[i+1]
			}
			cells = append(cells, cell(st, end))
		}
		rows[cells[0]] = cells[1:]
	}
	return rows
}
