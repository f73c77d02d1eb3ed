// Package incremental picks the releases that a change of the workspace can affect, so that CI on a pull
// request checks only those (relloc check --changed-since REV).
//
// A release is affected when one of its files changed, or when it uses a glossary entry that changed: the
// entry's English term or a variant occurs in its English file, or a rendering, variant, context form or
// forbidden form of the entry (before or after the change) occurs in the translation of that language. A
// change of the workspace's configuration affects every release. The package is pure: the caller lists the
// changed files and parses the glossary as it was (from git) and as it is.
package incremental

import (
	"path"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/glossary"
	"github.com/relloc/relloc/internal/release"
	"github.com/relloc/relloc/internal/termmatch"
)

// Input is a change of a workspace.
type Input struct {
	// Files are the changed paths, relative to the workspace root with forward slashes: modified, added,
	// deleted or untracked.
	Files []string
	// Config is the configuration file's path ("relloc.toml"); a change of it affects every release.
	Config string
	// Old and New are the glossary before and after the change; Old is nil when the glossary did not exist.
	Old, New *glossary.Glossary
	// Source is the language of the English releases.
	Source   language.Tag
	Releases []*release.Release
}

// Selection is what a change affects.
type Selection struct {
	// All is set when the configuration changed: every release is affected.
	All bool
	// Releases are the affected releases, in the order of Input.Releases.
	Releases []*release.Release
	// Changed and ByGlossary count the releases affected by a change of their own files and, of the others,
	// by a glossary entry they use.
	Changed, ByGlossary int
	// Entries are the ids of the glossary entries that were added, changed or removed, sorted.
	Entries []string
}

// Select returns the releases that the change in can affect.
func Select(in Input) Selection {
	s := NewSelector(in)
	sel := Selection{All: s.All(), Entries: s.Entries()}
	for _, r := range in.Releases {
		switch {
		case s.All() || s.ChangedDir(r.Dir):
			sel.Changed++
		case s.UsesChanged(r):
			sel.ByGlossary++
		default:
			continue
		}
		sel.Releases = append(sel.Releases, r)
	}
	return sel
}

// Selector decides release by release what a change affects, for a caller that reads the releases one at a time
// rather than holding them all. Its methods may be called from several goroutines at once.
type Selector struct {
	all     bool
	changed map[string]bool // folders holding a changed file
	entries []string
	uses    func(*release.Release) bool
}

// NewSelector prepares the selection of the change in; in.Releases is not read.
func NewSelector(in Input) *Selector {
	s := &Selector{all: slices.Contains(in.Files, in.Config), changed: map[string]bool{}, entries: ChangedEntries(in.Old, in.New)}
	if s.all {
		return s
	}
	for _, f := range in.Files {
		for d := path.Dir(f); d != "." && d != "/"; d = path.Dir(d) {
			s.changed[d] = true
		}
	}
	s.uses = usesEntries(in, s.entries)
	return s
}

// All reports whether the change affects every release (the configuration changed).
func (s *Selector) All() bool { return s.all }

// Entries returns the ids of the glossary entries that were added, changed or removed, sorted.
func (s *Selector) Entries() []string { return s.entries }

// ChangedDir reports whether a file in the release folder dir (as Release.Dir gives it) changed: the release is
// affected without reading it.
func (s *Selector) ChangedDir(dir string) bool {
	return s.all || s.changed[strings.TrimSuffix(dir, "/")]
}

// GlossaryChanged reports whether a glossary entry changed, so that a release whose files did not change may
// still be affected: only then does a caller need to read it to decide.
func (s *Selector) GlossaryChanged() bool { return len(s.entries) > 0 }

// UsesChanged reports whether the release r uses a changed glossary entry, in its old or new form.
func (s *Selector) UsesChanged(r *release.Release) bool { return !s.all && s.uses(r) }

// ChangedEntries returns the ids of the entries that old and new do not hold alike (added, removed or
// changed), sorted. A nil glossary has no entries.
func ChangedEntries(old, new *glossary.Glossary) []string {
	ids := map[string]bool{}
	lookup := func(g *glossary.Glossary, id string) (*glossary.Entry, bool) {
		if g == nil {
			return nil, false
		}
		return g.Lookup(id)
	}
	for _, g := range []*glossary.Glossary{old, new} {
		if g == nil {
			continue
		}
		for _, e := range g.Entries {
			a, okA := lookup(old, e.ID)
			b, okB := lookup(new, e.ID)
			if okA != okB || !a.Equal(b) {
				ids[e.ID] = true
			}
		}
	}
	out := make([]string, 0, len(ids))
	for id := range ids {
		out = append(out, id)
	}
	slices.Sort(out)
	return out
}

// usesEntries returns a test of whether a release uses one of the entries ids, in their old or new form.
func usesEntries(in Input, ids []string) func(*release.Release) bool {
	if len(ids) == 0 {
		return func(*release.Release) bool { return false }
	}
	var entries []*glossary.Entry
	for _, g := range []*glossary.Glossary{in.Old, in.New} {
		if g == nil {
			continue
		}
		for _, id := range ids {
			if e, ok := g.Lookup(id); ok {
				entries = append(entries, e)
			}
		}
	}
	patterns := map[language.Tag][]termmatch.Pattern{}
	for _, e := range entries {
		for _, f := range e.EN.Forms() {
			patterns[in.Source] = append(patterns[in.Source], termmatch.Pattern{Text: f, ID: e.ID, CaseSensitive: e.EN.CaseSensitive})
		}
		for lang, r := range e.Targets {
			forms := append(r.Accepted(), r.Forbidden...)
			for _, c := range r.Context {
				forms = append(forms, c.Form)
			}
			for _, f := range forms {
				patterns[lang] = append(patterns[lang], termmatch.Pattern{Text: f, ID: e.ID})
			}
		}
	}
	matchers := map[language.Tag]*termmatch.Matcher{}
	for lang, ps := range patterns {
		matchers[lang] = termmatch.New(lang, ps)
	}
	return func(r *release.Release) bool {
		for lang, d := range r.Docs {
			if m := matchers[lang]; m != nil && len(m.FindAll(string(d.Source))) > 0 {
				return true
			}
		}
		return false
	}
}
