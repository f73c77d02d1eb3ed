package check

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"

	"github.com/relloc/relloc/internal/finding"
	"github.com/relloc/relloc/internal/glossary"
	"github.com/relloc/relloc/internal/release"
	"github.com/relloc/relloc/internal/workspace"
)

// The known-bad sample: a small workspace in which every rule has something to find.
//
//go:embed selftest
var selfTestFS embed.FS

// SelfTestHook lets a rule whose findings come from outside the release checkers (message catalogues, drafts)
// take part in the self-test: it returns its findings on its own known-bad sample.
var SelfTestHooks []func() ([]finding.Finding, error)

// SelfTest runs every rule over the built-in known-bad workspace and returns the ids of the rules that did not
// fire, with the run's result.
func SelfTest() (missing []string, res Result, err error) {
	root, _ := fs.Sub(selfTestFS, "selftest")
	in, err := LoadFS(root)
	if err != nil {
		return nil, Result{}, err
	}
	for _, h := range SelfTestHooks {
		fs, err := h()
		if err != nil {
			return nil, Result{}, err
		}
		in.Extra = append(in.Extra, fs...)
	}
	res = Run(in)
	fired := map[string]bool{}
	for _, f := range res.Findings {
		fired[f.Rule] = true
	}
	for _, r := range Rules() {
		if !fired[r.ID] {
			missing = append(missing, r.ID)
		}
	}
	sort.Strings(missing)
	return missing, res, nil
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
