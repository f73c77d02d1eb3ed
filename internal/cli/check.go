package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/check"
	"github.com/relloc/relloc/internal/finding"
	"github.com/relloc/relloc/internal/glossary"
	"github.com/relloc/relloc/internal/incremental"
	"github.com/relloc/relloc/internal/inputerr"
	"github.com/relloc/relloc/internal/release"
	"github.com/relloc/relloc/internal/report"
	"github.com/relloc/relloc/internal/workspace"
)

func init() { extraCommands = append(extraCommands, newCheckCmd) }

type checkOptions struct {
	Paths    []string
	Langs    string
	Format   string
	SelfTest bool
	// ChangedSince is a git revision: check only the releases changed since it, or using a glossary entry
	// changed since it.
	ChangedSince string
}

func newCheckCmd(g *Global) *cobra.Command {
	var o checkOptions
	cmd := &cobra.Command{
		Use:   "check [PATH...]",
		Short: "Check releases for glossary, number, segment and script consistency",
		Long: `check aligns each release's translations with the English and reports every place where they disagree
with the English or with the glossary: missing or forbidden glossary renderings, numbers and dates that differ,
dropped or added sentences, untranslated text, markup, punctuation, Khmer encoding and Japanese width.

With no PATH it checks every release of the workspace; a PATH is a release folder or one of its files.
--changed-since REV checks only the releases whose files changed since the git revision REV (committed or not,
untracked files included) and those that use a glossary entry changed since REV; a change of relloc.toml checks
every release. How many releases it checks is printed on stderr.
Exit status: 0 when no finding is an error, 1 when one is, 2 when the run itself failed.`,
		Example: `  # Check every release of the workspace
  relloc check

  # Check the Japanese translation of one release
  relloc check releases/2021-11-18-prak-sokhonn-hayashi-telephone --lang ja

  # Write a SARIF report for code scanning
  relloc check --format sarif > relloc.sarif

  # In a pull request: check only what changed since main, as GitHub annotations
  relloc check --changed-since origin/main --format github

  # Make sure that every rule fires on relloc's built-in known-bad sample
  relloc check --self-test`,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Paths = args
			if err := checkFormat(o.Format, report.Formats...); err != nil {
				return err
			}
			if o.SelfTest {
				if len(args) > 0 {
					return usage("SelfTestNoPaths")
				}
				if o.ChangedSince != "" {
					return usage("FlagsExclude", "A", "--self-test", "B", "--changed-since")
				}
				if o.Format != "text" && o.Format != "json" {
					return usage("SelfTestFormat", "Format", o.Format)
				}
				return runSelfTest(g, o.Format)
			}
			return runCheck(g, o)
		},
	}
	cmd.Flags().StringVar(&o.Langs, "lang", "", "check only these target `languages` (comma-separated, e.g. km,ja)")
	cmd.Flags().StringVar(&o.Format, "format", "text", "output `format`: "+strings.Join(report.Formats, ", "))
	cmd.Flags().StringVar(&o.ChangedSince, "changed-since", "", "check only releases changed (or using glossary entries changed) since the git `revision`")
	cmd.Flags().BoolVar(&o.SelfTest, "self-test", false, "run every rule on a known-bad sample built into relloc and fail if one does not fire")
	return cmd
}

// parseLangs parses --lang against the workspace's targets.
func parseLangs(s string, targets []language.Tag) ([]language.Tag, error) {
	if s == "" {
		return nil, nil
	}
	var out []language.Tag
	for _, part := range strings.Split(s, ",") {
		tag, err := language.Parse(strings.TrimSpace(part))
		if err != nil {
			return nil, usage("LangNotTag", "Value", q(part))
		}
		found := false
		for _, t := range targets {
			if t == tag {
				found = true
			}
		}
		if !found {
			return nil, usage("LangNotTarget", "Lang", tag.String(), "Targets", fmt.Sprint(targets))
		}
		out = append(out, tag)
	}
	return out, nil
}

// selectReleases returns the list of releases to check from and the indexes in it of the releases named by paths
// (release folders or files inside them, or folders holding releases), every release when there are none. It
// reads no release, and when every path is a release folder or a file in one it lists those folders alone
// (workspace.ListNamed), not the whole releases folder.
func selectReleases(ws *workspace.Workspace, wd string, paths []string) (*workspace.Releases, []int, error) {
	type selection struct {
		abs   string
		isDir bool
		err   error // the path cannot be read
	}
	sel := make([]selection, len(paths))
	names := make([]string, 0, len(paths))
	for i, p := range paths {
		abs := p
		if !filepath.IsAbs(abs) {
			abs = filepath.Join(wd, p)
		}
		st, err := os.Stat(abs)
		if err != nil {
			sel[i] = selection{err: usage("NoReleasePath", "Path", p)}
			continue
		}
		sel[i] = selection{abs: abs, isDir: st.IsDir()}
		rel := ws.Rel(abs)
		if !st.IsDir() {
			rel = path.Dir(rel)
		}
		if name, ok := ws.FolderName(rel); ok {
			names = append(names, name)
		}
	}
	list := ws.ListReleases
	if len(paths) > 0 && len(names) == len(paths) {
		list = func() (*workspace.Releases, error) { return ws.ListNamed(names...) }
	}
	l, err := list()
	if err != nil {
		return nil, nil, err
	}
	if len(paths) == 0 {
		idx := make([]int, l.Len())
		for i := range idx {
			idx[i] = i
		}
		return l, idx, nil
	}
	var out []int
	seen := map[int]bool{}
	for i, s := range sel {
		if s.err != nil {
			return nil, nil, s.err
		}
		idx, ok := l.Select(s.abs, s.isDir)
		if !ok {
			return nil, nil, usage("NotReleasePath", "Path", paths[i])
		}
		for _, i := range idx {
			if !seen[i] {
				seen[i] = true
				out = append(out, i)
			}
		}
	}
	return l, out, nil
}

// checkSource gives check the selected releases of the workspace one at a time, read when a worker reaches them.
// With --changed-since it leaves out the releases the change does not affect, reading one only when a changed
// glossary entry may be in it.
type checkSource struct {
	list *workspace.Releases
	idx  []int
	sel  *incremental.Selector // nil: every release
	// changed and byGlossary count the releases checked because their files changed or because they use a
	// changed glossary entry.
	changed, byGlossary atomic.Int64
}

func (s *checkSource) Len() int { return len(s.idx) }

func (s *checkSource) Load(i int) (*release.Release, error) {
	i = s.idx[i]
	if s.sel == nil || s.sel.ChangedDir(s.list.Dir(i)) {
		s.changed.Add(1)
		return s.list.Load(i)
	}
	if !s.sel.GlossaryChanged() {
		return nil, nil
	}
	r, err := s.list.Load(i)
	if err != nil || !s.sel.UsesChanged(r) {
		return nil, err
	}
	s.byGlossary.Add(1)
	return r, nil
}

// The garbage collection of a pass over the archive (check, and any command that builds or brings up to date
// the index, or reads every release with the index off): a release checked allocates about 2 MB that is garbage
// once its findings are out, while what the pass holds (glossary, matchers, findings) stays small, so collecting
// at every doubling of the heap is mostly work for nothing. At checkGCPercent the collector runs a quarter as often, and the soft limit
// keeps the peak bounded whatever the percent would allow. Measured on 10,000 generated releases on a busy
// machine, user CPU and peak: 33.5 s and 108 MiB by default, 31.0 s and 166 MiB at 400 under 150 MiB, 26.7 s and
// 205 MiB at 400 under 200 MiB (217 MiB at 20,000 releases). GOGC and GOMEMLIMIT, when set, win.
const (
	checkGCPercent = 400
	checkGCLimit   = 200 << 20
)

// tuneGC sets the garbage collection of a pass over the archive, where the environment (getenv, nil for none)
// does not.
func tuneGC(getenv func(string) string) {
	if getenv == nil {
		getenv = func(string) string { return "" }
	}
	if getenv("GOGC") == "" {
		debug.SetGCPercent(checkGCPercent)
	}
	if getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(checkGCLimit)
	}
}

// runCheck checks the selected releases as a stream: each is read, checked and dropped in turn, on every core,
// and only findings are kept for the report (see package check's Stream).
func runCheck(g *Global, o checkOptions) error {
	tuneGC(g.IO.Getenv)
	ws, gl, err := loadGlossary(g)
	if err != nil {
		return err
	}
	langs, err := parseLangs(o.Langs, ws.Config.Targets)
	if err != nil {
		return err
	}
	if unknown := check.UnknownRules(ws.Config.Check); len(unknown) > 0 {
		return fmt.Errorf("%s: check.severity names unknown rules: %s", workspace.FileName, strings.Join(unknown, ", "))
	}
	in := check.Input{Source: ws.Config.Source, Targets: ws.Config.Targets, Langs: langs, Config: ws.Config.Check,
		Glossary: gl}
	// The whole workspace in every language: the outcomes the index keeps, each computed once per change of its
	// release (see checkIndexed).
	if len(o.Paths) == 0 && o.ChangedSince == "" && (langs == nil || slices.Equal(langs, ws.Config.Targets)) {
		if ok, err := checkIndexed(g, ws, gl, in, o.Format); ok || err != nil {
			return err
		}
	}
	wd, _ := g.IO.Getwd()
	src := &checkSource{}
	if src.list, src.idx, err = selectReleases(ws, wd, o.Paths); err != nil {
		return err
	}
	if o.ChangedSince != "" {
		if src.sel, err = changedSince(ws, gl, o.ChangedSince); err != nil {
			return err
		}
	}
	if in.Extra, err = workspaceFindings(g, ws); err != nil {
		return err
	}
	in.Progress = progress(g.IO, "checking releases")
	return streamCheck(g, ws, in, src, o)
}

// streamCheck checks the releases of src as a stream (see package check's Stream), each read, checked and
// dropped in turn, on every core, and writes the report as their outcomes come: the releases in the order of
// their folders, which is the report's order by path, or for JUnit in the order of their ids (front matter may
// set them), which it reads first. Until every release was read, the report goes to a temporary file (JUnit
// holds its own until the end), so that a release that cannot be read leaves no half report on stdout.
func streamCheck(g *Global, ws *workspace.Workspace, in check.Input, src *checkSource, o checkOptions) (err error) {
	slices.Sort(src.idx)
	if o.Format == "junit" {
		src.byID()
	}
	folders := make([]string, len(src.idx))
	for i, j := range src.idx {
		folders[i] = src.list.Dir(j)
	}
	out := g.IO.Out
	var held *os.File
	if o.Format != "junit" {
		if held, err = os.CreateTemp("", "relloc-report-*"); err != nil {
			return fmt.Errorf("report: %w", err)
		}
		defer func() {
			held.Close()
			os.Remove(held.Name())
		}()
		out = held
	}
	runner := check.NewRunner(in)
	extra := runner.Extra()
	rep, err := newReport(g, ws, o.Format, out, folders, extra)
	if err != nil {
		return err
	}
	defer rep.close()
	if err := rep.add(report.Release{Findings: extra}); err != nil {
		return err
	}
	c := runner.CollectorTo(func(oc check.Outcome) error {
		return rep.add(report.Release{ID: oc.ID, Dir: oc.Dir, Findings: oc.Findings, Cases: reportCases(o.Format, oc.Cases)})
	})
	if err := runner.StreamTo(src, c); err != nil {
		return err
	}
	res, err := c.Result()
	if err != nil {
		return err
	}
	checked := src.Len()
	if sel := src.sel; sel != nil {
		checked = int(src.changed.Load() + src.byGlossary.Load())
		if sel.All() {
			fmt.Fprintln(g.IO.Err, "relloc: "+g.UI.T("ChangedSinceAll", map[string]any{"Total": src.Len(), "File": workspace.FileName, "Rev": o.ChangedSince}))
		} else {
			fmt.Fprintln(g.IO.Err, "relloc: "+g.UI.T("ChangedSince", map[string]any{"Checked": checked, "Total": src.Len(),
				"Changed": src.changed.Load(), "Rev": o.ChangedSince, "ByGlossary": src.byGlossary.Load(), "Entries": len(sel.Entries())}))
		}
	}
	err = rep.finish(res.Files, checked)
	var fe *findingsError
	if err != nil && !errors.As(err, &fe) || held == nil {
		return err
	}
	if _, serr := held.Seek(0, io.SeekStart); serr != nil {
		return fmt.Errorf("report: %w", serr)
	}
	if _, cerr := io.Copy(g.IO.Out, held); cerr != nil {
		return fmt.Errorf("report: %w", cerr)
	}
	return err
}

// byID puts the releases in the order of their ids, then of their folders, reading the front matter of each: the
// order of JUnit's test suites. A release whose id cannot be read keeps its folder's name, and fails when it is
// checked.
func (s *checkSource) byID() {
	ids := map[int]string{}
	for _, i := range s.idx {
		id, err := s.list.ID(i)
		if err != nil {
			id = path.Base(s.list.Dir(i))
		}
		ids[i] = id
	}
	slices.SortStableFunc(s.idx, func(a, b int) int { return strings.Compare(ids[a], ids[b]) })
}

// checkLockWait is how long check waits for another relloc process updating the index before it checks every
// release itself.
var checkLockWait = 10 * time.Second

// checkIndexed reports the result of checking every release of the workspace in every target language from the
// persistent index (package index), which reads again, checks and stores only the releases whose files changed
// since it last saw them; the configuration, the glossary and relloc's build are its key, so that no result
// outlives what made it. The stored outcomes stream to the report writer one release at a time, in the order of
// the report, so that neither the findings nor the report are held whole. It returns ok false, having written
// nothing, when the index is off or cannot be used (a note on stderr says why), or when a release does not parse:
// then check reads every release itself, and reports as it always does.
func checkIndexed(g *Global, ws *workspace.Workspace, gl *glossary.Glossary, in check.Input, format string) (ok bool, err error) {
	if indexOff(g) {
		return false, nil
	}
	if in.Extra, err = workspaceFindings(g, ws); err != nil {
		return false, err
	}
	ix, err := openIndexWith(g, ws, gl, false, checkLockWait, progress(g.IO, "checking releases"))
	var list inputerr.List
	if inputerr.Is(err) || errors.As(err, &list) {
		return false, nil
	}
	if err != nil || ix == nil {
		return false, err
	}
	defer ix.Close()
	// The folders give the report its order by path (report.Options.Folders); the index has just listed the
	// same ones.
	rels, err := ws.ListReleases()
	if err != nil {
		return false, err
	}
	folders := make([]string, rels.Len())
	for i := range folders {
		folders[i] = rels.Dir(i)
	}
	out := &countWriter{w: g.IO.Out}
	runner := check.NewRunner(in)
	extra := runner.Extra()
	rep, err := newReport(g, ws, format, out, folders, extra)
	if err != nil {
		return false, err
	}
	defer rep.close()
	if err := rep.add(report.Release{Findings: extra}); err != nil {
		return true, err
	}
	var (
		releases int
		writeErr error
	)
	c := runner.CollectorTo(func(o check.Outcome) error {
		releases++
		writeErr = rep.add(report.Release{ID: o.ID, Dir: o.Dir, Findings: o.Findings, Cases: reportCases(format, o.Cases)})
		return writeErr
	})
	err = ix.EachOutcome(c.Add)
	res, resErr := c.Result()
	switch {
	case writeErr != nil:
		return true, writeErr
	case err == nil:
		err = resErr
	}
	if err != nil {
		if out.n > 0 {
			return true, fmt.Errorf("the index failed while the report was written: %w", err)
		}
		fmt.Fprintf(g.IO.Err, "relloc: the index is not usable (%v); reading every release\n", err)
		return false, nil
	}
	return true, rep.finish(res.Files, releases)
}

// countWriter counts the bytes written through it.
type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// progressThreshold is the number of releases from which check shows a progress bar.
const progressThreshold = 20

// progress returns a callback that draws a progress bar on stderr when it is a terminal and the work is long
// enough to be worth one; otherwise nil. A pipe or CI log gets no progress lines.
func progress(io *IO, what string) func(done, total int) {
	if !io.ErrTerminal {
		return nil
	}
	var bar *progressbar.ProgressBar
	return func(done, total int) {
		if total < progressThreshold {
			return
		}
		if bar == nil {
			bar = progressbar.NewOptions(total, progressbar.OptionSetWriter(io.Err), progressbar.OptionSetDescription(what),
				progressbar.OptionShowCount(), progressbar.OptionClearOnFinish(), progressbar.OptionSetWidth(30))
		}
		_ = bar.Set(done)
		if done == total {
			_ = bar.Finish()
		}
	}
}

// workspaceFindings are checks outside releases (message catalogues), registered by other files.
func workspaceFindings(g *Global, ws *workspace.Workspace) ([]finding.Finding, error) {
	var out []finding.Finding
	for _, f := range workspaceChecks {
		fs, err := f(g, ws)
		if err != nil {
			return nil, err
		}
		out = append(out, fs...)
	}
	return out, nil
}

// workspaceChecks are extra sources of findings for check.
var workspaceChecks []func(*Global, *workspace.Workspace) ([]finding.Finding, error)

// checkReport is the report of a check being written: a report.Writer, with the spool that JUnit's test suites
// wait in (a temporary file, removed at close) and the number of error findings, which makes the exit status.
type checkReport struct {
	w      *report.Writer
	spool  *os.File
	errors int
}

// newReport starts the report of a check in format to out. folders are the release folders of the run, or nil
// when the findings come in the order of the report (see report.Options.Folders); named are findings whose rules
// relloc may not list (those from outside releases), which SARIF lists too.
func newReport(g *Global, ws *workspace.Workspace, format string, out io.Writer, folders []string, named []finding.Finding) (*checkReport, error) {
	opt := report.Options{Color: g.IO.Color(), ToolVersion: Version, Rules: report.NamedRules(named, check.Rules()),
		UI: g.UI, Folders: folders}
	repoOptions(ws, &opt)
	r := &checkReport{}
	if format == "junit" {
		f, err := os.CreateTemp("", "relloc-junit-*.xml")
		if err != nil {
			return nil, fmt.Errorf("junit report: %w", err)
		}
		r.spool, opt.Spool = f, f
	}
	w, err := report.NewWriter(format, out, opt)
	if err != nil {
		r.close()
		return nil, err
	}
	r.w = w
	return r, nil
}

// add gives the report the next release's findings and cases.
func (r *checkReport) add(rel report.Release) error {
	r.errors += finding.Summarize(rel.Findings).Errors
	return r.w.Add(rel)
}

// finish ends the report, with the numbers of files and releases checked, and returns a findingsError when a
// finding is an error.
func (r *checkReport) finish(files, releases int) error {
	if err := r.w.Close(finding.Summary{Files: files, Releases: releases}); err != nil {
		return err
	}
	if r.errors > 0 {
		return &findingsError{}
	}
	return nil
}

// close removes the spool.
func (r *checkReport) close() {
	if r.spool != nil {
		r.spool.Close()
		os.Remove(r.spool.Name())
	}
}

// reportCases gives the cases of a release to a report in format: none unless it lists them (JUnit).
func reportCases(format string, cs []check.Case) []report.Case {
	if !report.ListsCases(format) {
		return nil
	}
	out := make([]report.Case, len(cs))
	for i, c := range cs {
		out[i] = report.Case{Release: c.Release, Lang: c.Lang, Path: c.Path}
	}
	return out
}

// selfTestJSON is the self-test's report with --format json.
type selfTestJSON struct {
	OK         bool              `json:"ok"`
	Rules      []selfTestRule    `json:"rules"`
	Missing    []selfTestMissing `json:"missing"`
	Unexpected []finding.Finding `json:"unexpected"`
	Findings   int               `json:"findings"`
}

type selfTestMissing struct {
	Path    string `json:"path"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Rule    string `json:"rule"`
	Message string `json:"message"`
}

type selfTestRule struct {
	ID     string `json:"id"`
	Status string `json:"status"` // ok, silent or wrong
}

func runSelfTest(g *Global, format string) error {
	rep, err := check.SelfTest()
	if err != nil {
		return fmt.Errorf("self-test: %w", err)
	}
	bad := map[string]int{}
	for _, e := range rep.Missing {
		bad[e.Rule]++
	}
	for _, f := range rep.Extra {
		bad[f.Rule]++
	}
	if format == "json" {
		out := selfTestJSON{OK: rep.OK(), Missing: []selfTestMissing{}, Unexpected: rep.Extra, Findings: len(rep.Result.Findings)}
		for _, e := range rep.Missing {
			out.Missing = append(out.Missing, selfTestMissing{e.Path, e.Line, e.Column, e.Rule, e.Message})
		}
		for _, r := range check.Rules() {
			status := "ok"
			switch {
			case slices.Contains(rep.Silent, r.ID):
				status = "silent"
			case bad[r.ID] > 0:
				status = "wrong"
			}
			out.Rules = append(out.Rules, selfTestRule{r.ID, status})
		}
		if out.Unexpected == nil {
			out.Unexpected = []finding.Finding{}
		}
		enc := json.NewEncoder(g.IO.Out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			return err
		}
		if !rep.OK() {
			return &findingsError{}
		}
		return nil
	}
	for _, r := range check.Rules() {
		status := "ok"
		switch {
		case slices.Contains(rep.Silent, r.ID):
			status = "DOES NOT FIRE"
		case bad[r.ID] > 0:
			status = "WRONG FINDINGS"
		}
		fmt.Fprintf(g.IO.Out, "%-22s %s\n", r.ID, status)
	}
	for _, e := range rep.Missing {
		fmt.Fprintf(g.IO.Out, "missing: %s:%d:%d: %s: %s\n", e.Path, e.Line, e.Column, e.Rule, e.Message)
	}
	for _, f := range rep.Extra {
		fmt.Fprintf(g.IO.Out, "unexpected: %s:%d:%d: %s: %s\n", f.Path, f.Line, f.Column, f.Rule, f.Message)
	}
	if !rep.OK() {
		return &findingsError{id: "SelfTestFailed", data: map[string]any{"Silent": len(rep.Silent),
			"Missing": len(rep.Missing), "Unexpected": len(rep.Extra)}}
	}
	fmt.Fprintf(g.IO.Out, "self-test passed: all %d rules give exactly their %d expected findings on the known-bad sample\n",
		len(check.Rules()), len(rep.Result.Findings))
	return nil
}
