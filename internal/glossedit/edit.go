package glossedit

import (
	"bytes"
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/pelletier/go-toml/v2/unstable"

	"github.com/relloc/relloc/internal/glossary"
)

// Op is what a Change does.
type Op int

// The operations.
const (
	Add    Op = iota // append a new entry to a file
	Update           // re-render an existing entry in place
	Remove           // cut an entry out of its file
)

func (o Op) String() string {
	switch o {
	case Add:
		return "added"
	case Update:
		return "changed"
	case Remove:
		return "removed"
	}
	return fmt.Sprintf("op(%d)", int(o))
}

// Change is one edit of the glossary.
type Change struct {
	Op    Op
	ID    string          // the entry's id
	Entry *glossary.Entry // the new entry, for Add and Update
	Old   *glossary.Entry // the entry before an Update, when the planner knows it (for a diff); Apply ignores it
	// File is the file an added entry is appended to, as a glossary.File path ("glossary/people.toml"). Empty
	// means DefaultFile.
	File string
}

// Options configures Apply.
type Options struct {
	// Glossary is passed to glossary.Parse; its Targets also order the language tables of rendered entries.
	Glossary glossary.Options
	// Dir is the glossary folder as file paths show it ("glossary"): new files are created there.
	Dir string
}

// Result is the outcome of Apply.
type Result struct {
	Files    []glossary.File // every file, with the new contents
	Changed  []string        // paths of the files whose contents changed (or that are new), sorted
	Glossary *glossary.Glossary
	Changes  []Change
}

// DefaultFile is the file an entry of category c is added to when no file is named: <dir>/<category>.toml when
// that file exists, else the first file, else <dir>/<category>.toml, which is created.
func DefaultFile(files []glossary.File, c glossary.Category, dir string) string {
	want := path.Join(dir, string(c)+".toml")
	for _, f := range files {
		if f.Path == want {
			return want
		}
	}
	if len(files) > 0 {
		return files[0].Path
	}
	return want
}

// Apply applies changes to files and returns the new files and the glossary they parse into. It fails, and
// changes nothing, when the current files do not parse, when a change names an id that does not exist (Update,
// Remove) or already exists (Add), or when the result is not a valid glossary.
func Apply(files []glossary.File, changes []Change, opt Options) (*Result, error) {
	g, err := glossary.Parse(files, opt.Glossary)
	if err != nil {
		return nil, err
	}
	type splice struct {
		start, end int
		text       string
	}
	edits := map[string][]splice{}
	appends := map[string][]string{}
	var order []string // files in the order they must appear (existing, then new)
	known := map[string]bool{}
	for _, f := range files {
		known[f.Path] = true
		order = append(order, f.Path)
	}
	data := map[string][]byte{}
	for _, f := range files {
		data[f.Path] = f.Data
	}
	ends := map[string][]exprEnd{}
	bodyEnd := func(e *glossary.Entry) (int, int, error) {
		p := e.Pos.Path
		if _, ok := ends[p]; !ok {
			x, err := expressionEnds(data[p])
			if err != nil {
				return 0, 0, fmt.Errorf("%s: %w", p, err)
			}
			ends[p] = x
		}
		d := data[p]
		header := lineStart(d, e.Pos.Line)
		end := header
		for _, x := range ends[p] {
			if x.start >= header && x.start < e.Pos.End && x.end > end {
				end = x.end
			}
		}
		if i := bytes.IndexByte(d[end:], '\n'); i >= 0 {
			end += i + 1
		} else {
			end = len(d)
		}
		return header, end, nil
	}
	touched := map[string]bool{}
	adding := map[string]bool{}
	for _, c := range changes {
		switch c.Op {
		case Add:
			if c.Entry == nil {
				return nil, fmt.Errorf("add %q: no entry", c.ID)
			}
			if prev, ok := g.Lookup(c.Entry.ID); ok {
				return nil, fmt.Errorf("add: entry %q already exists (%s)", c.Entry.ID, prev.Pos)
			}
			if adding[c.Entry.ID] {
				return nil, fmt.Errorf("add: entry %q is added twice", c.Entry.ID)
			}
			adding[c.Entry.ID] = true
			file := c.File
			if file == "" {
				file = DefaultFile(files, c.Entry.Category, opt.Dir)
			}
			if !known[file] {
				if path.Dir(file) != path.Clean(opt.Dir) || path.Ext(file) != ".toml" {
					return nil, fmt.Errorf("add %q: %s is not a *.toml file of the glossary folder %s", c.Entry.ID, file, opt.Dir)
				}
				known[file] = true
				order = append(order, file)
			}
			appends[file] = append(appends[file], Render(c.Entry, opt.Glossary.Targets))
			touched[file] = true
		case Update, Remove:
			e, ok := g.Lookup(c.ID)
			if !ok {
				return nil, fmt.Errorf("no glossary entry with id %q", c.ID)
			}
			header, end, err := bodyEnd(e)
			if err != nil {
				return nil, err
			}
			p := e.Pos.Path
			if c.Op == Update {
				if c.Entry == nil || c.Entry.ID != c.ID {
					return nil, fmt.Errorf("update %q: the new entry must keep the id", c.ID)
				}
				edits[p] = append(edits[p], splice{header, end, eol(data[p], Render(c.Entry, opt.Glossary.Targets))})
			} else {
				// The entry goes with its leading comments and one blank line after it; comments after the
				// entry (a section banner above the next entry) stay.
				d := data[p]
				if end < e.Pos.End && end < len(d) && d[end] == '\n' {
					end++
				} else if end+1 < e.Pos.End && end+1 < len(d) && d[end] == '\r' && d[end+1] == '\n' {
					end += 2
				}
				edits[p] = append(edits[p], splice{e.Pos.Start, end, ""})
			}
			touched[p] = true
		default:
			return nil, fmt.Errorf("unknown change %v", c.Op)
		}
	}
	out := make([]glossary.File, 0, len(order))
	var changed []string
	for _, p := range order {
		d := data[p]
		if touched[p] {
			ed := edits[p]
			sort.Slice(ed, func(i, j int) bool { return ed[i].start > ed[j].start })
			nd := append([]byte(nil), d...)
			for i, s := range ed {
				if i > 0 && s.end > ed[i-1].start {
					return nil, fmt.Errorf("%s: two changes to the same entry", p)
				}
				nd = append(nd[:s.start:s.start], append([]byte(s.text), nd[s.end:]...)...)
			}
			for _, a := range appends[p] {
				if len(nd) > 0 {
					if nd[len(nd)-1] != '\n' {
						nd = append(nd, eol(nd, "\n")...)
					}
					nd = append(nd, eol(nd, "\n")...)
				}
				nd = append(nd, eol(d, a)...)
			}
			if !bytes.Equal(nd, d) || data[p] == nil {
				changed = append(changed, p)
			}
			d = nd
		}
		out = append(out, glossary.File{Path: p, Data: d})
	}
	// Files keep glossary.ReadDir's order (sorted by name), so that ids are reported as a fresh load would.
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	sort.Strings(changed)
	ng, err := glossary.Parse(out, opt.Glossary)
	if err != nil {
		return nil, fmt.Errorf("the edited glossary would not be valid, nothing written:\n%w", err)
	}
	return &Result{Files: out, Changed: changed, Glossary: ng, Changes: changes}, nil
}

// eol converts the line ends of text to CRLF when file uses CRLF.
func eol(file []byte, text string) string {
	if bytes.Contains(file, []byte("\r\n")) {
		return strings.ReplaceAll(text, "\n", "\r\n")
	}
	return text
}

// lineStart returns the byte offset of 1-based line n.
func lineStart(d []byte, n int) int {
	off := 0
	for l := 1; l < n; l++ {
		i := bytes.IndexByte(d[off:], '\n')
		if i < 0 {
			return len(d)
		}
		off += i + 1
	}
	return off
}

// exprEnd is the byte range of one TOML expression (key/value or table header), without comments.
type exprEnd struct{ start, end int }

// expressionEnds lists every expression of a TOML file with where it ends, so that an entry's body can be told
// from the comments that follow it. A multi-line string or array ends where its closing delimiter is.
func expressionEnds(d []byte) ([]exprEnd, error) {
	var (
		p   unstable.Parser
		out []exprEnd
	)
	p.Reset(d)
	for p.NextExpression() {
		n := p.Expression()
		switch n.Kind {
		case unstable.KeyValue:
			out = append(out, exprEnd{int(n.Raw.Offset), int(n.Raw.Offset + n.Raw.Length)})
		case unstable.Table, unstable.ArrayTable:
			it := n.Key()
			if it.Next() {
				off := int(it.Node().Raw.Offset)
				end := off
				if i := bytes.IndexByte(d[off:], ']'); i >= 0 {
					end = off + i + 1
				}
				out = append(out, exprEnd{off, end})
			}
		}
	}
	if err := p.Error(); err != nil {
		return nil, err
	}
	return out, nil
}
