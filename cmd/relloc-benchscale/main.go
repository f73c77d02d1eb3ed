//go:build unix

// Command relloc-benchscale measures relloc at a ministry's scale, for `make bench-scale`: it generates a
// synthetic trilingual workspace (package scalegen) and measures, on the same bytes, every acceptance item of
// relloc's issue 13 in one run: relloc check without an index, cold and warm; ripgrep looking for every
// glossary term of every language (rg -F -c -f terms.txt releases); Vale on the English files with a style made
// from the glossary; the peak memory of check (and, with -compare-double, at twice the releases); with a warm
// index, one release's draft, tm search, align and check and the whole coverage; and a cold rebuild of the
// index. It prints what it measured, then a table of each acceptance item with its target and whether it holds.
//
//	relloc-benchscale -relloc bin/relloc -vale .tools/bin/vale -releases 10000 -entries 5000 -runs 3
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
	"slices"
	"strings"
	"time"

	"github.com/relloc/relloc/internal/scalegen"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr, execRunner); err != nil {
		fmt.Fprintln(os.Stderr, "relloc-benchscale:", err)
		os.Exit(2)
	}
}

// steps are the groups of measurements -only chooses from, in the order they run.
var steps = []string{"rg", "check", "index", "one", "vale"}

type options struct {
	relloc    string
	vale      string
	rg        string
	releases  int
	entries   int
	seed      uint64
	runs      int
	quickRuns int
	valeRuns  int
	keep      string
	only      map[string]bool
	double    bool
}

func run(args []string, stdout, stderr io.Writer, runner runner) error {
	var o options
	var only string
	fs := flag.NewFlagSet("relloc-benchscale", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.relloc, "relloc", "bin/relloc", "the relloc binary to measure")
	fs.StringVar(&o.vale, "vale", "", "the Vale binary (default: .tools/bin/vale, which make tools installs, else vale on the PATH)")
	fs.StringVar(&o.rg, "rg", "", "the ripgrep binary (default: rg on the PATH)")
	fs.IntVar(&o.releases, "releases", 10000, "releases in the generated workspace")
	fs.IntVar(&o.entries, "entries", 5000, fmt.Sprintf("glossary entries (at most %d)", scalegen.MaxEntries()))
	fs.Uint64Var(&o.seed, "seed", 1, "seed of the generator")
	fs.IntVar(&o.runs, "runs", 3, "runs of each archive-wide command (check, rg, the index rebuild); the median is printed")
	fs.IntVar(&o.quickRuns, "quick-runs", 5, "runs of each command with a warm index (one release's commands, coverage)")
	fs.IntVar(&o.valeRuns, "vale-runs", 1, "runs of Vale, which takes minutes at 10,000 releases")
	fs.StringVar(&o.keep, "keep", "", "generate into this folder and keep it")
	fs.StringVar(&only, "only", strings.Join(steps, ","), "comma-separated measurements to make: "+strings.Join(steps, ", "))
	fs.BoolVar(&o.double, "compare-double", false, "also generate twice the releases and compare check's peak memory")
	err := fs.Parse(args)
	if err != nil {
		return err
	}
	if o.runs < 1 || o.quickRuns < 1 || o.valeRuns < 1 {
		return errors.New("-runs, -quick-runs, -vale-runs: at least one")
	}
	o.only = map[string]bool{}
	for _, s := range strings.Split(only, ",") {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		if !slices.Contains(steps, s) {
			return fmt.Errorf("-only: unknown measurement %q (known: %s)", s, strings.Join(steps, ", "))
		}
		o.only[s] = true
	}
	// The commands run in the workspace: a relative path given here must not be read from there.
	if o.vale, err = absBinary(o.vale); err != nil {
		return fmt.Errorf("-vale: %w", err)
	}
	if o.rg, err = absBinary(o.rg); err != nil {
		return fmt.Errorf("-rg: %w", err)
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
	b := &bench{o: o, run: runner, relloc: bin, dir: dir, ws: filepath.Join(dir, "workspace"), out: stdout,
		log: stderr, samples: map[string]*sample{}}
	if err := b.generate(b.ws, o.releases); err != nil {
		return err
	}
	if err := b.measure(); err != nil {
		return err
	}
	b.printSamples()
	fmt.Fprintln(stdout)
	printRows(stdout, b.acceptance())
	for _, k := range b.order {
		if s := b.samples[k]; s.err != nil {
			return fmt.Errorf("%s: %w", s.label, s.err)
		}
	}
	return nil
}

// generate writes a workspace of n releases into ws, and the peers' inputs beside it.
func (b *bench) generate(ws string, n int) error {
	if err := os.Mkdir(ws, 0o755); err != nil {
		return fmt.Errorf("workspace: %w", err)
	}
	start := time.Now()
	var bytes int64
	terms, err := scalegen.Generate(scalegen.Config{Releases: n, Entries: b.o.entries, Seed: b.o.seed},
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
	fmt.Fprintf(b.out, "workspace: %d releases (en, km, ja; %.1f MiB), %d glossary entries, seed %d, generated in %s\n",
		n, float64(bytes)/(1<<20), len(terms), b.o.seed, time.Since(start).Round(time.Millisecond))
	return writePeerInputs(filepath.Dir(ws), terms)
}

// valeBinary is -vale, else the project's .tools/bin/vale (make tools), else vale on the PATH; "" when none.
func (o options) valeBinary() string {
	if o.vale != "" {
		return o.vale
	}
	if p, err := filepath.Abs(filepath.Join(".tools", "bin", "vale")); err == nil {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	p, _ := exec.LookPath("vale")
	return p
}

// absBinary is p as an absolute path: a name without a slash is looked up on the PATH; "" stays "".
func absBinary(p string) (string, error) {
	switch {
	case p == "":
		return "", nil
	case !strings.ContainsRune(p, filepath.Separator):
		if found, err := exec.LookPath(p); err == nil {
			return filepath.Abs(found)
		}
	}
	return filepath.Abs(p)
}
