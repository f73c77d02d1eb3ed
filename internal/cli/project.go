package cli

import (
	"github.com/relloc/relloc/internal/bitext"
	"github.com/relloc/relloc/internal/draft"
	"github.com/relloc/relloc/internal/glossary"
	"github.com/relloc/relloc/internal/release"
	"github.com/relloc/relloc/internal/tm"
	"github.com/relloc/relloc/internal/workspace"
)

// project is a workspace read once: its glossary, every release, and the glossary's term matchers, which the
// commands that align releases (align, coverage, glossary lint, tm, draft) share instead of each reading the
// releases and building the matchers again.
type project struct {
	ws      *workspace.Workspace
	gl      *glossary.Glossary
	rels    []*release.Release
	anchors *bitext.Anchors
	// external are the units of the imported memories under tm/, marked with their origin.
	external []tm.Unit
}

// loadProject opens the workspace and reads its glossary and releases.
func loadProject(g *Global) (*project, error) {
	ws, gl, err := loadGlossary(g)
	if err != nil {
		return nil, err
	}
	rels, err := loadReleases(ws)
	if err != nil {
		return nil, err
	}
	external, err := externalUnits(ws)
	if err != nil {
		return nil, err
	}
	return &project{ws: ws, gl: gl, rels: rels, external: external,
		anchors: bitext.NewAnchors(gl, ws.Config.Source, ws.Config.Languages())}, nil
}

// align aligns one release of the project with every target language.
func (p *project) align(r *release.Release) *bitext.Bitext {
	return bitext.Align(r, p.ws.Config.Source, p.ws.Config.Targets, p.anchors)
}

// memory aligns every release and indexes its segments, with the units of the external memories under tm/,
// as a translation memory. The units returned are the releases' only.
func (p *project) memory() (*tm.Memory, []tm.Unit) {
	var units []tm.Unit
	for _, r := range p.rels {
		units = append(units, draft.Units(p.align(r))...)
	}
	all := append(append([]tm.Unit(nil), units...), p.external...)
	return tm.New(all, p.ws.Config.Source.String()), units
}

// single is the glossary and one release of a workspace, for a command about that release alone (align, review,
// draft), which reads no other release.
type single struct {
	ws      *workspace.Workspace
	gl      *glossary.Glossary
	r       *release.Release
	anchors *bitext.Anchors // built on first use: review's listing needs no term matchers
}

// matchers returns the glossary's term matchers in every language of the workspace.
func (s *single) matchers() *bitext.Anchors {
	if s.anchors == nil {
		s.anchors = bitext.NewAnchors(s.gl, s.ws.Config.Source, s.ws.Config.Languages())
	}
	return s.anchors
}

// align aligns the release with every target language.
func (s *single) align() *bitext.Bitext {
	return bitext.Align(s.r, s.ws.Config.Source, s.ws.Config.Targets, s.matchers())
}

// loadSingle opens the workspace and reads its glossary and the release named by arg (see findRelease).
func loadSingle(g *Global, wd, arg string) (*single, error) {
	ws, gl, err := loadGlossary(g)
	if err != nil {
		return nil, err
	}
	r, err := findRelease(ws, wd, arg)
	if err != nil {
		return nil, err
	}
	return &single{ws: ws, gl: gl, r: r}, nil
}

// draftMemory gives draft its translation memory: the aligned segments of the workspace's releases (draft leaves
// out the release it drafts) and the units of the memories imported under tm/. It is draft's one seam to the
// archive: the workspace's index answers (package index), or, when it is off or unusable, a memory of every
// release aligned now. done closes the index and returns the first error of the index's lookups, if any, which
// draft checks before it writes.
var draftMemory = func(g *Global, ws *workspace.Workspace, gl *glossary.Glossary) (mem tm.Source, done func() error, err error) {
	ix, err := openIndex(g, ws, gl, true)
	if err != nil {
		return nil, nil, err
	}
	if ix == nil {
		p, err := loadProject(g)
		if err != nil {
			return nil, nil, err
		}
		mem, _ := p.memory()
		return mem, func() error { return nil }, nil
	}
	external, err := externalUnits(ws)
	if err != nil {
		ix.Close()
		return nil, nil, err
	}
	m := ix.Memory(external)
	return m, func() error {
		ix.Close()
		return m.Err()
	}, nil
}
