package cli

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/check"
	"github.com/relloc/relloc/internal/finding"
	"github.com/relloc/relloc/internal/report"
	"github.com/relloc/relloc/internal/ui"
)

// writeTxtar writes the files of the archive testdata/name into a new temporary folder and returns it.
func writeTxtar(t *testing.T, name string) string {
	t.Helper()
	ar, err := txtar.ParseFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range ar.Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// referenceCheck is relloc check as it was before it streamed: every release read first (release.LoadAll), then
// checked together (check.Run over Input.Releases) and reported.
func referenceCheck(g *Global, format string) error {
	ws, gl, err := loadGlossary(g)
	if err != nil {
		return err
	}
	rels, err := loadReleases(ws)
	if err != nil {
		return err
	}
	in := check.Input{Source: ws.Config.Source, Targets: ws.Config.Targets, Config: ws.Config.Check, Glossary: gl, Releases: rels}
	if in.Extra, err = workspaceFindings(g, ws); err != nil {
		return err
	}
	res := check.Run(in)
	var cases []report.Case
	for _, c := range res.Cases {
		cases = append(cases, report.Case{Release: c.Release, Lang: c.Lang, Path: c.Path})
	}
	sum := finding.Summarize(res.Findings)
	sum.Files, sum.Releases = res.Files, len(rels)
	opt := report.Options{Color: g.IO.Color(), ToolVersion: Version, Rules: check.Rules(), Cases: cases, Summary: sum, UI: g.UI}
	repoOptions(ws, &opt)
	if err := report.Write(format, g.IO.Out, res.Findings, opt); err != nil {
		return err
	}
	if sum.Errors > 0 {
		return &findingsError{}
	}
	return nil
}

// TestCheckStreamMatchesReference: relloc check, which reads, checks and drops one release at a time on several
// workers, prints byte for byte what checking every release held in memory prints, in every format and UI
// language, with the index and without, on a workspace with findings in three releases and both target
// languages, whose folder order, file path order and release id order all differ.
func TestCheckStreamMatchesReference(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4)) // several workers even on one core, so outcomes come out of order
	dir := writeTxtar(t, "stream.txtar")
	for _, format := range report.Formats {
		for _, lang := range []language.Tag{language.English, language.Khmer, language.Japanese} {
			var want bytes.Buffer
			g := &Global{IO: &IO{Out: &want, Err: io.Discard, Getwd: func() (string, error) { return dir, nil }}, UI: ui.New(lang)}
			refErr := referenceCheck(g, format)
			var fe *findingsError
			if !errors.As(refErr, &fe) {
				t.Fatalf("%s: reference returned %v; want findings", format, refErr)
			}
			// Without the index, releases stream from their folders; with it, from the index, by id.
			for _, indexOn := range []bool{false, true} {
				got := runIn(dir, indexOn, "check", "--format", format, "--ui-lang", lang.String())
				if got.code != ExitFindings {
					t.Fatalf("%s: check exited %d (stderr %q); want findings", format, got.code, got.err)
				}
				if got.out != want.String() {
					t.Errorf("%s, UI %s, index %v: streamed output differs from the reference\n--- got\n%s\n--- want\n%s", format, lang, indexOn, got.out, want.String())
				}
			}
		}
	}
	// The workspace is what the test says it is: findings in three releases, in Khmer and in Japanese.
	var text bytes.Buffer
	Run(&IO{Out: &text, Err: io.Discard, Getwd: func() (string, error) { return dir, nil }}, []string{"check"})
	for _, want := range []string{"2021-02-01-call/ja.md", "2021-03-01-talks/km.md", "2021-03-01-talks/ja.md", "2021-03-01-talks-2/km.md"} {
		if !strings.Contains(text.String(), want+":") {
			t.Errorf("no finding in %s:\n%s", want, text.String())
		}
	}
}

// TestCheckPathStreamMatchesReference: check of one release folder reports what the reference reports of it.
func TestCheckPathStreamMatchesReference(t *testing.T) {
	dir := writeTxtar(t, "stream.txtar")
	var all bytes.Buffer
	g := &Global{IO: &IO{Out: &all, Err: io.Discard, Getwd: func() (string, error) { return dir, nil }}}
	if err := referenceCheck(g, "github"); err == nil {
		t.Fatal("reference: no findings")
	}
	var want []string
	for _, l := range strings.SplitAfter(all.String(), "\n") {
		if strings.Contains(l, "file=releases/2021-03-01-talks/") {
			want = append(want, l)
		}
	}
	var got bytes.Buffer
	code := Run(&IO{Out: &got, Err: io.Discard, Getwd: func() (string, error) { return dir, nil }},
		[]string{"check", "--format", "github", "releases/2021-03-01-talks"})
	if code != ExitFindings || got.String() != strings.Join(want, "") || len(want) != 3 {
		t.Errorf("check releases/2021-03-01-talks: exit %d\n%s\nwant the reference's %d lines of that release:\n%s", code, got.String(), len(want), strings.Join(want, ""))
	}
}
