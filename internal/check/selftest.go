package check

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/relloc/relloc/internal/finding"
	"github.com/relloc/relloc/internal/glossary"
	"github.com/relloc/relloc/internal/release"
	"github.com/relloc/relloc/internal/workspace"
)

// The known-bad sample: a small workspace in which every rule has something to find.
//
//go:embed selftest
var selfTestFS embed.FS

// SelfTestHooks let rules whose findings come from outside the release checkers (message catalogues, drafts)
// take part in the self-test: each returns its findings on its own known-bad sample.
var SelfTestHooks []func() ([]finding.Finding, error)

// Expectation is one finding that the known-bad sample must produce: where, which rule, and the message.
type Expectation struct {
	Path         string
	Line, Column int
	Rule         string
	Message      string
}

func (e Expectation) String() string {
	return fmt.Sprintf("%s:%d:%d\t%s\t%s", e.Path, e.Line, e.Column, e.Rule, e.Message)
}

func expectationOf(f finding.Finding) Expectation {
	return Expectation{Path: f.Path, Line: f.Line, Column: f.Column, Rule: f.Rule, Message: f.Message}
}

// ExpectedFile is the file of the known-bad sample that lists the findings it must produce, one a line:
// path:line:column, rule and message, separated by tabs.
const ExpectedFile = "expected.txt"

// ParseExpectations reads ExpectedFile.
func ParseExpectations(data []byte) ([]Expectation, error) {
	var out []Expectation
	for n, line := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.SplitN(line, "\t", 3)
		if len(f) != 3 {
			return nil, fmt.Errorf("%s:%d: want path:line:column, rule and message separated by tabs", ExpectedFile, n+1)
		}
		var e Expectation
		pos := strings.Split(f[0], ":")
		if len(pos) < 3 {
			return nil, fmt.Errorf("%s:%d: %q is not path:line:column", ExpectedFile, n+1, f[0])
		}
		var err1, err2 error
		e.Line, err1 = strconv.Atoi(pos[len(pos)-2])
		e.Column, err2 = strconv.Atoi(pos[len(pos)-1])
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("%s:%d: %q is not path:line:column", ExpectedFile, n+1, f[0])
		}
		e.Path = strings.Join(pos[:len(pos)-2], ":")
		e.Rule, e.Message = f[1], f[2]
		out = append(out, e)
	}
	return out, nil
}

// SelfTestReport is the outcome of the self-test.
type SelfTestReport struct {
	Result Result
	// Silent lists the rules that produced no finding at all.
	Silent []string
	// Missing lists expected findings that were not produced (or not where or as expected).
	Missing []Expectation
	// Extra lists findings that the sample should not produce.
	Extra []finding.Finding
}

// OK reports whether every rule produced exactly its expected findings.
func (r *SelfTestReport) OK() bool { return len(r.Silent)+len(r.Missing)+len(r.Extra) == 0 }

// SelfTest runs every rule over the built-in known-bad workspace and compares the findings with the sample's
// expected findings: a rule that stays silent, a finding that is missing, misplaced or worded differently, or
// one that should not be there fails the self-test. A rule's expectations count only when the rule is
// registered in this program (message catalogue rules are registered by the command line).
func SelfTest() (*SelfTestReport, error) { return selfTest(Input{}, SelfTestHooks) }

// selfTest runs the self-test with the rules of with (its checkers and bad-suppression finder; zero values mean
// the real ones) and the given hooks.
func selfTest(with Input, hooks []func() ([]finding.Finding, error)) (*SelfTestReport, error) {
	root, _ := fs.Sub(selfTestFS, "selftest")
	in, err := LoadFS(root)
	if err != nil {
		return nil, err
	}
	data, err := fs.ReadFile(root, ExpectedFile)
	if err != nil {
		return nil, err
	}
	want, err := ParseExpectations(data)
	if err != nil {
		return nil, err
	}
	for _, h := range hooks {
		fs, err := h()
		if err != nil {
			return nil, err
		}
		in.Extra = append(in.Extra, fs...)
	}
	in.checkers, in.badSuppressions = with.checkers, with.badSuppressions
	rep := &SelfTestReport{Result: Run(in)}
	registered := map[string]bool{}
	for _, r := range Rules() {
		registered[r.ID] = true
	}
	fired := map[string]bool{}
	left := map[Expectation]int{}
	for _, e := range want {
		if registered[e.Rule] {
			left[e]++
		}
	}
	for _, f := range rep.Result.Findings {
		fired[f.Rule] = true
		e := expectationOf(f)
		if left[e] > 0 {
			left[e]--
			continue
		}
		rep.Extra = append(rep.Extra, f)
	}
	for _, e := range want {
		if left[e] > 0 {
			left[e]--
			rep.Missing = append(rep.Missing, e)
		}
	}
	for _, r := range Rules() {
		if !fired[r.ID] {
			rep.Silent = append(rep.Silent, r.ID)
		}
	}
	sort.Strings(rep.Silent)
	return rep, nil
}

// LoadFS reads a whole workspace from a file system rooted at the workspace folder; it is how tests and the
// self-test build an Input without touching the disk.
func LoadFS(root fs.FS) (Input, error) {
	data, err := fs.ReadFile(root, workspace.FileName)
	if err != nil {
		return Input{}, err
	}
	cfg, err := workspace.Parse(workspace.FileName, data)
	if err != nil {
		return Input{}, err
	}
	gfiles, _ := fs.Glob(root, path.Join(cfg.Glossary, "*.toml"))
	var files []glossary.File
	for _, n := range gfiles {
		b, err := fs.ReadFile(root, n)
		if err != nil {
			return Input{}, err
		}
		files = append(files, glossary.File{Path: n, Data: b})
	}
	g, err := glossary.Parse(files, glossary.Options{Targets: cfg.Targets})
	if err != nil {
		return Input{}, err
	}
	in := Input{Source: cfg.Source, Targets: cfg.Targets, Config: cfg.Check, Glossary: g}
	dirs, _ := fs.ReadDir(root, cfg.Releases)
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		dir := path.Join(cfg.Releases, d.Name())
		var rf []release.File
		for _, lang := range cfg.Languages() {
			p := path.Join(dir, lang.String()+".md")
			b, err := fs.ReadFile(root, p)
			if err != nil {
				continue
			}
			rf = append(rf, release.File{Path: p, Lang: lang, Data: b})
		}
		r, err := release.Parse(dir, cfg.Source, rf)
		if err != nil {
			return Input{}, fmt.Errorf("%s: %w", dir, err)
		}
		in.Releases = append(in.Releases, r)
	}
	return in, nil
}
