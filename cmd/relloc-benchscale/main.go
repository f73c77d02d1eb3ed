//go:build unix

// Command relloc-benchscale measures relloc at a ministry's scale, for `make bench-scale`: it generates a
// synthetic trilingual workspace (package scalegen) into a temporary folder and runs, on the same bytes,
// relloc check, ripgrep looking for every glossary term of every language (rg -F -c -f terms.txt releases) and,
// when installed, Vale on the English files with the glossary as its vocabulary. It prints the median wall time
// and the peak memory of each and the ratios of relloc to the others.
//
//	relloc-benchscale -relloc bin/relloc -releases 10000 -entries 5000 -runs 3
//
// With -keep DIR the workspace is generated into DIR (created, must be empty or absent) and left there.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/relloc/relloc/internal/scalegen"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "relloc-benchscale:", err)
		os.Exit(2)
	}
}

type options struct {
	relloc   string
	releases int
	entries  int
	seed     uint64
	runs     int
	keep     string
	cmds     string
}

func run(args []string, stdout, stderr io.Writer) error {
	var o options
	fs := flag.NewFlagSet("relloc-benchscale", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.relloc, "relloc", "bin/relloc", "the relloc binary to measure")
	fs.IntVar(&o.releases, "releases", 10000, "releases in the generated workspace")
	fs.IntVar(&o.entries, "entries", 5000, fmt.Sprintf("glossary entries (at most %d)", scalegen.MaxEntries()))
	fs.Uint64Var(&o.seed, "seed", 1, "seed of the generator")
	fs.IntVar(&o.runs, "runs", 3, "runs of each command; the median is printed")
	fs.StringVar(&o.keep, "keep", "", "generate into this folder and keep it")
	fs.StringVar(&o.cmds, "only", "check,rg,vale", "comma-separated commands to run: check, rg, vale")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if o.runs < 1 {
		return errors.New("-runs: at least one")
	}
	bin, err := filepath.Abs(o.relloc)
	if err != nil {
		return err
	}
	if _, err := os.Stat(bin); err != nil {
		return fmt.Errorf("relloc binary: %w (run make build)", err)
	}
	dir := o.keep
	if dir == "" {
		dir, err = os.MkdirTemp("", "relloc-benchscale-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	ws := filepath.Join(dir, "workspace")
	if err := os.Mkdir(ws, 0o755); err != nil {
		return fmt.Errorf("workspace: %w", err)
	}

	start := time.Now()
	var bytes int64
	terms, err := scalegen.Generate(scalegen.Config{Releases: o.releases, Entries: o.entries, Seed: o.seed},
		func(path string, data []byte) error {
			p := filepath.Join(ws, filepath.FromSlash(path))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				return err
			}
			if strings.HasPrefix(path, "releases/") {
				bytes += int64(len(data))
			}
			return os.WriteFile(p, data, 0o644)
		})
	if err != nil {
		return fmt.Errorf("generate: %w", err)
	}
	fmt.Fprintf(stdout, "workspace: %d releases (en, km, ja; %.1f MiB), %d glossary entries, seed %d, generated in %s\n",
		o.releases, float64(bytes)/(1<<20), len(terms), o.seed, time.Since(start).Round(time.Millisecond))
	if err := writePeerInputs(dir, terms); err != nil {
		return err
	}

	want := map[string]bool{}
	for _, c := range strings.Split(o.cmds, ",") {
		want[strings.TrimSpace(c)] = true
	}
	var results []result
	if want["check"] {
		// check exits 1 when it finds errors: that is a result, not a failure of the run.
		results = append(results, measure("relloc check", o.runs, ws, []int{0, 1}, bin, "check", "--format", "json"))
	}
	if want["rg"] {
		if rg, err := exec.LookPath("rg"); err == nil {
			// rg exits 1 when nothing matched.
			results = append(results, measure("rg -F -c -f terms.txt (en, km, ja)", o.runs, ws, []int{0, 1}, rg,
				"-F", "-c", "-f", filepath.Join(dir, "terms.txt"), "releases"))
		} else {
			fmt.Fprintln(stdout, "rg: not installed (Debian: apt-get install ripgrep), skipped")
		}
	}
	if want["vale"] {
		if vale, err := exec.LookPath("vale"); err == nil {
			results = append(results, measure("vale (en only)", o.runs, ws, []int{0, 1}, vale,
				"--config", filepath.Join(dir, "vale", ".vale.ini"), "--output", "line", "--glob", "*en.md", "releases"))
		} else {
			fmt.Fprintln(stdout, "vale: not installed (https://vale.sh), skipped")
		}
	}
	printResults(stdout, results)
	for _, r := range results {
		if r.err != nil {
			return fmt.Errorf("%s: %w", r.name, r.err)
		}
	}
	return nil
}

// writePeerInputs writes what the peers search for: terms.txt (every term of every language, one a line, for
// rg -F -f) and a Vale configuration whose vocabulary is the English glossary.
func writePeerInputs(dir string, terms []scalegen.Term) error {
	var all, en strings.Builder
	for _, t := range terms {
		for _, s := range []string{t.EN, t.KM, t.JA} {
			if s != "" {
				all.WriteString(s + "\n")
			}
		}
		en.WriteString(regexp.QuoteMeta(t.EN) + "\n")
	}
	if err := os.WriteFile(filepath.Join(dir, "terms.txt"), []byte(all.String()), 0o644); err != nil {
		return err
	}
	vocab := filepath.Join(dir, "vale", "styles", "config", "vocabularies", "Glossary")
	if err := os.MkdirAll(vocab, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(vocab, "accept.txt"), []byte(en.String()), 0o644); err != nil {
		return err
	}
	ini := "StylesPath = styles\nMinAlertLevel = suggestion\nVocab = Glossary\n\n[*.md]\nBasedOnStyles = Vale\n"
	return os.WriteFile(filepath.Join(dir, "vale", ".vale.ini"), []byte(ini), 0o644)
}

type result struct {
	name string
	wall time.Duration // median
	rss  int64         // peak resident memory, bytes, the largest over the runs
	err  error
}

// measure runs name's command runs times in dir and returns its median wall time and peak memory.
func measure(name string, runs int, dir string, okStatus []int, bin string, args ...string) result {
	res := result{name: name}
	var walls []time.Duration
	for range runs {
		cmd := exec.Command(bin, args...)
		cmd.Dir = dir
		cmd.Stdout = io.Discard
		var stderr strings.Builder
		cmd.Stderr = &stderr
		start := time.Now()
		err := cmd.Run()
		walls = append(walls, time.Since(start))
		if cmd.ProcessState == nil {
			res.err = err
			return res
		}
		if !slices.Contains(okStatus, cmd.ProcessState.ExitCode()) {
			res.err = fmt.Errorf("exit status %d: %s", cmd.ProcessState.ExitCode(), firstLines(stderr.String(), 5))
			return res
		}
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			res.rss = max(res.rss, ru.Maxrss*1024) // Linux reports KiB
		}
	}
	slices.Sort(walls)
	res.wall = walls[len(walls)/2]
	return res
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(strings.TrimSpace(s), "\n", n+1)
	return strings.Join(lines[:min(n, len(lines))], "\n")
}

func printResults(w io.Writer, rs []result) {
	fmt.Fprintf(w, "%-40s %12s %12s %s\n", "command", "wall", "peak MiB", "relloc check ÷ this")
	var check *result
	for i := range rs {
		if rs[i].name == "relloc check" && rs[i].err == nil {
			check = &rs[i]
		}
	}
	for _, r := range rs {
		if r.err != nil {
			fmt.Fprintf(w, "%-40s failed: %v\n", r.name, r.err)
			continue
		}
		ratio := ""
		if check != nil && r.name != check.name && r.wall > 0 {
			ratio = fmt.Sprintf("%.2f× time, %.2f× memory", check.wall.Seconds()/r.wall.Seconds(),
				float64(check.rss)/float64(max(r.rss, 1)))
		}
		fmt.Fprintf(w, "%-40s %12s %12.0f %s\n", r.name, r.wall.Round(time.Millisecond), float64(r.rss)/(1<<20), ratio)
	}
}
