package cli

import (
	"errors"
	"fmt"
	"os"
	"sync"
	"time"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/check"
	"github.com/relloc/relloc/internal/coverage"
	"github.com/relloc/relloc/internal/glossary"
	"github.com/relloc/relloc/internal/glossedit"
	"github.com/relloc/relloc/internal/index"
	"github.com/relloc/relloc/internal/inputerr"
	"github.com/relloc/relloc/internal/tm"
	"github.com/relloc/relloc/internal/workspace"
)

// indexEnv is the environment variable that turns the persistent index off (RELLOC_INDEX=off): check, tm
// search, draft and coverage then read every release, as before the index.
const indexEnv = "RELLOC_INDEX"

// indexed is a workspace with its glossary and, unless it is off or unusable, its index (package index) up to
// date with the release files: what tm search, draft and coverage read instead of aligning every release.
type indexed struct {
	g  *Global
	ws *workspace.Workspace
	gl *glossary.Glossary
	ix *index.Index // nil: read every release (loadProject)
}

// openIndexed opens the workspace, its glossary and its index, with the translation memory when memory is true
// (index.Config.Memory). An index that cannot be opened or written (a read-only workspace) is no failure: the
// command reads every release, after a note on stderr. Input errors (a release that does not parse) are
// errors, as without the index.
func openIndexed(g *Global, memory bool) (*indexed, error) {
	ws, gl, err := loadGlossary(g)
	if err != nil {
		return nil, err
	}
	out := &indexed{g: g, ws: ws, gl: gl}
	out.ix, err = openIndex(g, ws, gl, memory)
	return out, err
}

// indexOff reports whether RELLOC_INDEX=off turns the index off.
func indexOff(g *Global) bool { return g.IO.Getenv != nil && g.IO.Getenv(indexEnv) == "off" }

// openIndex opens the index of the workspace, with the translation memory when memory is true, or returns nil
// when it is off or unusable. On a terminal, a bar on stderr counts the releases read when the open reads many
// (a build, or the first fill of the memory: 10 to 15 s at 10,000 releases).
func openIndex(g *Global, ws *workspace.Workspace, gl *glossary.Glossary, memory bool) (*index.Index, error) {
	return openIndexWith(g, ws, gl, memory, 0, progress(g.IO, "indexing releases"))
}

// openIndexWith is openIndex waiting at most lockWait (0: the index's default) for another process updating
// the index, and calling progress as releases are read again.
func openIndexWith(g *Global, ws *workspace.Workspace, gl *glossary.Glossary, memory bool, lockWait time.Duration,
	progress func(done, total int)) (*index.Index, error) {
	if indexOff(g) {
		return nil, nil
	}
	conf, err := os.ReadFile(ws.Path(workspace.FileName))
	if err != nil {
		return nil, fmt.Errorf("read workspace config: %w", err)
	}
	files, err := glossedit.ReadDir(ws.Path(ws.Config.Glossary), ws.Rel)
	if err != nil {
		return nil, err
	}
	inputs := [][]byte{conf}
	for _, f := range files {
		inputs = append(inputs, []byte(f.Path), f.Data)
	}
	// The index keeps check's outcome of each release in every target language, with the glossary's matchers
	// that the rest of its analysis shares. The index asks for the runner only when it reads releases again:
	// building the index is a pass over the archive, whichever command asked (the first coverage after a
	// checkout aligns every release, as check does), and gets check's garbage collection; a warm lookup keeps
	// the default and its smaller heap.
	runner := sync.OnceValue(func() *check.Runner {
		tuneGC(g.IO.Getenv)
		return check.NewRunner(check.Input{Source: ws.Config.Source, Targets: ws.Config.Targets, Config: ws.Config.Check, Glossary: gl})
	})
	ix, err := index.Open(index.Config{Root: ws.Root, Releases: ws.Path(ws.Config.Releases),
		Source: ws.Config.Source, Targets: ws.Config.Targets, Glossary: gl, Check: runner,
		Inputs: inputs, Rel: ws.Rel, Warn: g.IO.Err, LockTimeout: lockWait, Progress: progress, Memory: memory})
	var list inputerr.List
	switch {
	case err == nil:
		return ix, nil
	case inputerr.Is(err) || errors.As(err, &list):
		return nil, err
	}
	fmt.Fprintf(g.IO.Err, "relloc: the index is not usable (%v); reading every release\n", err)
	return nil, nil
}

// close closes the index.
func (x *indexed) close() {
	if x.ix != nil {
		_ = x.ix.Close()
	}
}

// tmQueries returns tm search's two queries of the translation memory with the external memories under tm/:
// the index's, or those of a memory of every release aligned now when the index is off. search returns the
// first limit matches (limit ≤ 0: all), concordance every hit.
func (x *indexed) tmQueries() (search func(text, target string, threshold float64, limit int) (tm.Top, error),
	concordance func(phrase string, langs []string) ([]tm.Hit, error), err error) {
	if x.ix == nil {
		p, err := loadProject(x.g)
		if err != nil {
			return nil, nil, err
		}
		mem, _ := p.memory()
		return func(text, target string, threshold float64, limit int) (tm.Top, error) {
				return mem.SearchTop(text, target, threshold, limit), nil
			}, func(phrase string, langs []string) ([]tm.Hit, error) {
				return mem.Concordance(phrase, langs), nil
			}, nil
	}
	external, err := externalUnits(x.ws)
	if err != nil {
		return nil, nil, err
	}
	m := x.ix.Memory(external)
	return m.SearchTop, m.Concordance, nil
}

// coverage returns the coverage report in langs: the index's, or one of every release aligned now.
func (x *indexed) coverage(langs []language.Tag) (*coverage.Report, error) {
	if x.ix != nil {
		return x.ix.Coverage(langs)
	}
	p, err := loadProject(x.g)
	if err != nil {
		return nil, err
	}
	in := coverage.Input{Glossary: p.gl, Source: p.ws.Config.Source, Targets: langs, Anchors: p.anchors}
	for _, r := range p.rels {
		in.Bitexts = append(in.Bitexts, p.align(r))
	}
	return coverage.Build(in), nil
}
