package glossedit

import (
	"sort"

	"github.com/relloc/relloc/internal/glossary"
)

// Equal reports whether two entries say the same thing: same id, category, English, renderings (a language
// table that exists with nothing in it differs from one that does not exist), note and source. Positions are
// ignored, and so are nil versus empty lists.
func Equal(a, b *glossary.Entry) bool { return a.Equal(b) }

// Plan returns the changes that make g take in the imported entries. An entry whose id is new is added. An
// existing entry takes the fields the file gives (Merge) and keeps the others; with replace it becomes the
// file's entry, fields the file lacks included, and entries the file lacks are removed: replace is the only way
// an import clears a field or deletes an entry. Imported entries are added in their order; removals follow the
// glossary's order.
func Plan(g *glossary.Glossary, imported []Imported, replace bool) []Change {
	var out []Change
	in := map[string]bool{}
	for _, imp := range imported {
		e := imp.Entry
		in[e.ID] = true
		old, ok := g.Lookup(e.ID)
		if !ok {
			out = append(out, Change{Op: Add, ID: e.ID, Entry: e})
			continue
		}
		if !replace {
			e = Merge(old, imp)
		}
		if !Equal(old, e) {
			out = append(out, Change{Op: Update, ID: e.ID, Entry: e, Old: old})
		}
	}
	if replace {
		for _, e := range g.Entries {
			if !in[e.ID] {
				out = append(out, Change{Op: Remove, ID: e.ID})
			}
		}
	}
	return out
}

// Summary lists the ids of changes by operation, each list sorted.
func Summary(changes []Change) (added, changed, removed []string) {
	for _, c := range changes {
		switch c.Op {
		case Add:
			added = append(added, c.ID)
		case Update:
			changed = append(changed, c.ID)
		case Remove:
			removed = append(removed, c.ID)
		}
	}
	sort.Strings(added)
	sort.Strings(changed)
	sort.Strings(removed)
	return added, changed, removed
}
