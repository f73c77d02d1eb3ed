//go:build unix

package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/release"
	"github.com/relloc/relloc/internal/segment"
)

// A job is one run of a command to measure.
type job struct {
	key  string // the measurement it is a run of (see bench.measure), for a runner that stands in for the commands
	dir  string
	env  []string // added to this process's environment
	bin  string
	args []string
	out  io.Writer // the command's stdout; nil discards it
}

// usage is what one run cost.
type usage struct {
	wall   time.Duration
	user   time.Duration // user CPU time of the process
	rss    int64         // peak resident memory, bytes
	status int           // exit status
	stderr string
}

// A runner runs a job to its end. It returns an error only when the command could not be run at all.
type runner func(job) (usage, error)

// execRunner runs the job's command and reads its costs from the kernel's accounting of the finished process.
func execRunner(j job) (usage, error) {
	cmd := exec.Command(j.bin, j.args...)
	cmd.Dir = j.dir
	cmd.Env = append(os.Environ(), j.env...)
	cmd.Stdout = j.out
	if cmd.Stdout == nil {
		cmd.Stdout = io.Discard
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	u := usage{wall: time.Since(start), stderr: stderr.String()}
	if cmd.ProcessState == nil {
		return u, err
	}
	u.status = cmd.ProcessState.ExitCode()
	u.user = cmd.ProcessState.UserTime()
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		u.rss = ru.Maxrss * 1024 // Linux reports KiB
	}
	return u, nil
}

// sample is every run of one measurement.
type sample struct {
	label string // the command, as printed
	runs  []usage
	err   error
}

func (s *sample) ok() bool { return s != nil && s.err == nil && len(s.runs) > 0 }

// wall is the median wall time of the runs.
func (s *sample) wall() time.Duration {
	return median(s.runs, func(u usage) time.Duration { return u.wall })
}

// user is the median user CPU time of the runs.
func (s *sample) user() time.Duration {
	return median(s.runs, func(u usage) time.Duration { return u.user })
}

// rss is the largest peak memory of the runs.
func (s *sample) rss() int64 {
	var m int64
	for _, u := range s.runs {
		m = max(m, u.rss)
	}
	return m
}

func median(us []usage, f func(usage) time.Duration) time.Duration {
	ds := make([]time.Duration, len(us))
	for i, u := range us {
		ds[i] = f(u)
	}
	slices.Sort(ds)
	return ds[len(ds)/2]
}

// bench is one run of the benchmark: the workspace and what was measured on it.
type bench struct {
	o       options
	run     runner
	relloc  string // absolute path of the binary
	dir     string // holds workspace/, terms.txt and vale/
	ws      string
	out     io.Writer
	log     io.Writer // progress
	samples map[string]*sample
	order   []string // keys of samples, in the order first measured

	release string // the release the one-release commands are about (its folder's name)
	phrase  string // the sentence tm search looks up
	vale    valeRead
}

// Keys of the measurements.
const (
	kRG         = "rg"
	kCheckOff   = "check-off"
	kCheckCold  = "check-cold"
	kCheckWarm  = "check-warm"
	kRebuild    = "rebuild"
	kCoverage   = "coverage"
	kDraft      = "draft"
	kSearch     = "tm-search"
	kAlign      = "align"
	kCheckOne   = "check-one"
	kVale       = "vale"
	kCheck2N    = "check-cold-2n"
	kCheckOff2N = "check-off-2n"
)

// okStatus are the exit statuses that are results: relloc check exits 1 when it finds errors, rg and Vale when
// they find nothing or something.
var okStatus = []int{0, 1}

// time runs j once as a run of the measurement key (printed as label), unless an earlier run failed. before
// runs first, untimed: it removes the index for a cold run.
func (b *bench) time(key, label string, j job, before func() error) {
	s := b.samples[key]
	if s == nil {
		s = &sample{label: label}
		b.samples[key] = s
		b.order = append(b.order, key)
	}
	if s.err != nil {
		return
	}
	if before != nil {
		if s.err = before(); s.err != nil {
			return
		}
	}
	j.key = key
	u, err := b.run(j)
	switch {
	case err != nil:
		s.err = err
	case !slices.Contains(okStatus, u.status):
		s.err = fmt.Errorf("exit status %d: %s", u.status, firstLines(u.stderr, 5))
	default:
		s.runs = append(s.runs, u)
		fmt.Fprintf(b.log, "%-50s %s\n", label, u.wall.Round(time.Millisecond))
	}
}

// skip records that a measurement could not be made, and why.
func (b *bench) skip(key, label string, why error) {
	b.samples[key] = &sample{label: label, err: why}
	b.order = append(b.order, key)
}

func (b *bench) dropIndex(ws string) func() error {
	return func() error { return os.RemoveAll(filepath.Join(ws, ".relloc")) }
}

var indexOff = []string{"RELLOC_INDEX=off"}

// measure makes every measurement -only asks for. The archive-wide ones take turns run by run, so a change in
// the machine's load falls on all of them alike.
func (b *bench) measure() error {
	o := b.o
	rg, rgErr := o.rg, error(nil)
	if rg == "" {
		rg, rgErr = exec.LookPath("rg")
	}
	for range o.runs {
		if o.only["rg"] {
			if rgErr != nil {
				if b.samples[kRG] == nil {
					b.skip(kRG, "rg", fmt.Errorf("not installed (Debian: apt-get install ripgrep): %w", rgErr))
				}
			} else {
				b.time(kRG, "rg -F -c -f terms.txt releases (en, km, ja)",
					job{dir: b.ws, bin: rg, args: []string{"-F", "-c", "-f", filepath.Join(b.dir, "terms.txt"), "releases"}}, nil)
			}
		}
		if o.only["check"] {
			b.time(kCheckOff, "relloc check, RELLOC_INDEX=off", b.rellocJob(b.ws, indexOff, "check", "--format", "json"), nil)
			b.time(kCheckCold, "relloc check, cold (no .relloc)", b.rellocJob(b.ws, nil, "check", "--format", "json"),
				b.dropIndex(b.ws))
			b.time(kCheckWarm, "relloc check, warm (a second run)", b.rellocJob(b.ws, nil, "check", "--format", "json"), nil)
		}
	}
	if o.only["index"] {
		for range o.runs {
			b.time(kRebuild, "cold index rebuild: rm -r .relloc; relloc coverage", b.rellocJob(b.ws, nil, "coverage"),
				b.dropIndex(b.ws))
		}
	}
	if o.only["index"] || o.only["one"] {
		if err := b.pick(); err != nil {
			return err
		}
		fmt.Fprintf(b.out, "one release: %s; tm search %q\n", b.release, b.phrase)
		// Warm the index (untimed) if nothing above left one, with its translation memory, which check and
		// coverage do not build (tm search does).
		for _, args := range [][]string{{"coverage"}, {"tm", "search", b.phrase}} {
			if u, err := b.run(b.rellocJob(b.ws, nil, args...)); err != nil || !slices.Contains(okStatus, u.status) {
				return fmt.Errorf("warm the index: relloc %s: %v %s", args[0], err, firstLines(u.stderr, 5))
			}
		}
		for range o.quickRuns {
			if o.only["index"] {
				b.time(kCoverage, "relloc coverage (warm)", b.rellocJob(b.ws, nil, "coverage"), nil)
			}
			if o.only["one"] {
				rel := "releases/" + b.release
				b.time(kDraft, "relloc draft R --lang km --stdout", b.rellocJob(b.ws, nil, "draft", b.release, "--lang", "km", "--stdout"), nil)
				b.time(kSearch, "relloc tm search SENTENCE", b.rellocJob(b.ws, nil, "tm", "search", b.phrase), nil)
				b.time(kAlign, "relloc align R --lang ja", b.rellocJob(b.ws, nil, "align", b.release, "--lang", "ja"), nil)
				b.time(kCheckOne, "relloc check releases/R", b.rellocJob(b.ws, nil, "check", rel), nil)
			}
		}
	}
	if o.only["vale"] {
		b.measureVale()
	}
	if o.double && o.only["check"] {
		ws := filepath.Join(b.dir, "double", "workspace")
		if err := os.MkdirAll(filepath.Dir(ws), 0o755); err != nil {
			return err
		}
		if err := b.generate(ws, 2*o.releases); err != nil {
			return err
		}
		for range o.runs {
			b.time(kCheckOff2N, fmt.Sprintf("relloc check, RELLOC_INDEX=off, %d releases", 2*o.releases),
				b.rellocJob(ws, indexOff, "check", "--format", "json"), nil)
			b.time(kCheck2N, fmt.Sprintf("relloc check, cold, %d releases", 2*o.releases),
				b.rellocJob(ws, nil, "check", "--format", "json"), b.dropIndex(ws))
		}
	}
	return nil
}

// rellocJob is a job running relloc in ws with args.
func (b *bench) rellocJob(ws string, env []string, args ...string) job {
	return job{dir: ws, env: env, bin: b.relloc, args: args}
}

// pick chooses the release in the middle of the archive (by folder name, which starts with its date) for the
// one-release commands, and for tm search the second sentence of the first paragraph of its English that has
// two (else its first sentence): a sentence the generator really wrote, which a translator would look up.
func (b *bench) pick() error {
	entries, err := os.ReadDir(filepath.Join(b.ws, "releases"))
	if err != nil {
		return err
	}
	var dirs []string
	for _, e := range entries {
		if e.IsDir() {
			dirs = append(dirs, e.Name())
		}
	}
	if len(dirs) == 0 {
		return fmt.Errorf("no release in %s", filepath.Join(b.ws, "releases"))
	}
	slices.Sort(dirs)
	b.release = dirs[len(dirs)/2]
	path := filepath.Join(b.ws, "releases", b.release, "en.md")
	src, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	doc, err := release.ParseDocument(path, language.English, src)
	if err != nil {
		return err
	}
	for _, bl := range doc.Blocks {
		if bl.Kind != release.Paragraph {
			continue
		}
		spans := segment.Sentences(language.English, bl.Text)
		if len(spans) >= 2 {
			b.phrase = bl.Text[spans[1].Start:spans[1].End]
			return nil
		}
		if b.phrase == "" && len(spans) == 1 && strings.HasSuffix(bl.Text[spans[0].Start:spans[0].End], ".") {
			b.phrase = bl.Text[spans[0].Start:spans[0].End]
		}
	}
	if b.phrase == "" {
		return fmt.Errorf("%s: no sentence to search for", path)
	}
	return nil
}

// measureVale runs Vale on the English files with the glossary's style, and reads its output to know how many
// files it read and how many terms it found.
func (b *bench) measureVale() {
	const label = "vale (en only, glossary style)"
	vale := b.o.valeBinary()
	if vale == "" {
		b.skip(kVale, label, fmt.Errorf("not installed (make tools)"))
		return
	}
	for range b.o.valeRuns {
		read := valeRead{files: map[string]bool{}}
		b.time(kVale, label, job{dir: b.ws, bin: vale, out: &read, args: []string{
			"--config", filepath.Join(b.dir, "vale", ".vale.ini"), "--output", "line", "--glob", "*en.md", "releases"}}, nil)
		b.vale = read
	}
	matches, _ := filepath.Glob(filepath.Join(b.ws, "releases", "*", "en.md"))
	b.vale.english = len(matches)
}

// valeRead counts what Vale's line output (path:line:column:check:message) reports: the files it names and its
// alerts of the glossary's rule.
type valeRead struct {
	files   map[string]bool
	alerts  int
	english int // English files in the workspace
	partial []byte
}

func (v *valeRead) Write(p []byte) (int, error) {
	n := len(p)
	v.partial = append(v.partial, p...)
	for {
		i := bytes.IndexByte(v.partial, '\n')
		if i < 0 {
			return n, nil
		}
		line := string(v.partial[:i])
		v.partial = v.partial[i+1:]
		f := strings.SplitN(line, ":", 5)
		if len(f) == 5 && f[3] == valeRule {
			v.files[f[0]] = true
			v.alerts++
		}
	}
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(strings.TrimSpace(s), "\n", n+1)
	return strings.Join(lines[:min(n, len(lines))], "\n")
}
