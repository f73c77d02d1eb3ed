package xliff

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"

	"golang.org/x/text/unicode/norm"

	"github.com/relloc/relloc/internal/inputerr"
	"github.com/relloc/relloc/internal/ui"
)

// node is an element with its mixed content (text as string, elements as *node) and where it starts.
type node struct {
	name      xml.Name
	attr      []xml.Attr
	kids      []any
	line, col int
}

func (n *node) get(local string) string {
	for _, a := range n.attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

func (n *node) elems(local string) []*node {
	var out []*node
	for _, k := range n.kids {
		if c, ok := k.(*node); ok && c.name.Local == local {
			out = append(out, c)
		}
	}
	return out
}

func (n *node) first(local string) *node {
	if es := n.elems(local); len(es) > 0 {
		return es[0]
	}
	return nil
}

// parse reads the document from r as it comes (r may stop it with an *inputerr.Error, at a size limit).
func parse(path string, r io.Reader) (*node, error) {
	pos := inputerr.NewPositions(r)
	d := xml.NewDecoder(pos)
	var stack []*node
	var root *node
	for {
		off := d.InputOffset()
		pos.Position(off) // passes the bytes before the token, so that pos holds no more than one token
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		var ie *inputerr.Error
		if errors.As(err, &ie) {
			return nil, ie
		}
		if err != nil {
			line, col := pos.Position(off)
			return nil, inputerr.FromXML(path, line, col, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			line, col := pos.Position(off)
			n := &node{name: t.Name, attr: t.Copy().Attr, line: line, col: col}
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.kids = append(p.kids, n)
			} else {
				root = n
			}
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.kids = append(p.kids, string(t))
			}
		}
	}
	if root == nil {
		return nil, inputerr.Say(path, 1, 1, "XLIFFEmpty", nil)
	}
	return root, nil
}

// Read parses an XLIFF 1.2 or 2.x document with one <file>; path is used in errors only. Errors name
// path:line:col.
func Read(path string, data []byte) (*Document, error) {
	return ReadFrom(path, bytes.NewReader(data))
}

// ReadFrom is Read from a stream, which it reads once without holding it: a size-capped reader
// (safefile.Reader) stops an oversized file with its own error.
func ReadFrom(path string, r io.Reader) (*Document, error) {
	root, err := parse(path, r)
	if err != nil {
		return nil, err
	}
	bad := func(n *node, id string, args ui.Args) *inputerr.Error {
		return inputerr.Say(path, n.line, n.col, id, args)
	}
	v1 := root.name.Space == Namespace12 || root.name.Space == Namespace11
	if root.name.Local != "xliff" || (!v1 && root.name.Space != Namespace2) {
		return nil, bad(root, "XLIFFRoot", ui.Args{"Element": fmt.Sprintf("{%s}%s", root.name.Space, root.name.Local)})
	}
	files := root.elems("file")
	if len(files) != 1 {
		return nil, bad(root, "XLIFFFiles", ui.Args{"Count": len(files)})
	}
	f := files[0]
	d := &Document{Original: f.get("original")}
	var errs inputerr.List
	seen := map[string]bool{}
	add := func(n *node, u Unit) {
		switch {
		case u.ID == "":
			errs = append(errs, bad(n, "XLIFFNoID", nil))
		case seen[u.ID]:
			errs = append(errs, bad(n, "XLIFFDuplicateID", ui.Args{"ID": strconv.Quote(u.ID)}))
		default:
			seen[u.ID] = true
			d.Units = append(d.Units, u)
		}
	}
	if v1 {
		d.SourceLang, d.TargetLang = f.get("source-language"), f.get("target-language")
		var units func(n *node)
		units = func(n *node) {
			for _, k := range n.kids {
				c, ok := k.(*node)
				if !ok {
					continue
				}
				switch c.name.Local {
				case "group", "body":
					units(c)
				case "trans-unit":
					if c.get("restype") == "x-gettext-domain-header" {
						continue // the header of a PO file that Translate Toolkit made a unit: no text of the release
					}
					u := Unit{ID: c.get("id"), State: Translated, Line: c.line, Column: c.col}
					if s := c.first("source"); s != nil {
						u.Source = content(s)
					}
					if t := c.first("target"); t != nil {
						u.Target = content(t)
						if u.Target == nil {
							u.Target = Content{}
						}
						switch t.get("state") {
						case "new", "needs-translation":
							u.State = New
						case "needs-review-translation", "needs-adaptation", "needs-l10n", "needs-review-adaptation", "needs-review-l10n":
							u.State = Stale
						case "signed-off":
							u.State = Reviewed
						case "final":
							u.State = Final
						}
					}
					add(c, u)
				}
			}
		}
		units(f)
	} else {
		d.SourceLang, d.TargetLang = root.get("srcLang"), root.get("trgLang")
		var units func(n *node)
		units = func(n *node) {
			for _, c := range append(n.elems("group"), n.elems("unit")...) {
				if c.name.Local == "group" {
					units(c)
					continue
				}
				// A unit may hold several segments (and ignorables); relloc's are one segment each, and a tool
				// that split one is read back joined.
				u := Unit{ID: c.get("id"), State: Translated, Line: c.line, Column: c.col}
				var hasTarget bool
				for _, k := range c.kids {
					s, ok := k.(*node)
					if !ok || (s.name.Local != "segment" && s.name.Local != "ignorable") {
						continue
					}
					if src := s.first("source"); src != nil {
						u.Source = append(u.Source, content(src)...)
					}
					if t := s.first("target"); t != nil {
						hasTarget = true
						u.Target = append(u.Target, content(t)...)
					}
					if s.name.Local == "segment" {
						switch s.get("state") {
						case "initial":
							u.State = New
						case "reviewed":
							u.State = Reviewed
						case "final":
							u.State = Final
						}
					}
				}
				if hasTarget && u.Target == nil {
					u.Target = Content{}
				}
				add(c, u)
			}
		}
		units(f)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return d, nil
}

// kinds maps the ctype (1.2) and subType (2.x) values relloc writes, and those of other tools, to kinds.
var kinds = map[string]string{
	"bold": Strong, "italic": Emphasis, "link": Link, "x-sup": Sup, "x-sub": Sub, "x-code": Code, "lb": LineBreak,
	"superscript": Sup, "subscript": Sub,
	"xlf:b": Strong, "xlf:i": Emphasis, "xlf:lb": LineBreak, "relloc:link": Link, "relloc:sup": Sup, "relloc:sub": Sub,
	"relloc:code": Code,
}

func kindOf(n *node) string {
	for _, a := range []string{"ctype", "subType"} {
		if k, ok := kinds[n.get(a)]; ok {
			return k
		}
	}
	return ""
}

// content reads the mixed content of a source or target. Codes: 1.2 <g>, <x>, <bpt>/<ept> (paired by rid or
// id), <ph>, <it>; 2.x <pc>, <ph>, <sc>/<ec> (paired by startRef). Native code text inside bpt/ept/ph/it is
// not part of the translatable text. <mrk> and <sm>/<em> annotations contribute their text only.
func content(n *node) Content {
	var out Content
	for _, k := range n.kids {
		switch c := k.(type) {
		case string:
			out = append(out, Piece{Text: norm.NFC.String(c)})
		case *node:
			id := c.get("id")
			switch c.name.Local {
			case "g", "pc":
				out = append(out, Piece{Code: &InlineCode{ID: id, Kind: kindOf(c), Role: Open}})
				out = append(out, content(c)...)
				out = append(out, Piece{Code: &InlineCode{ID: id, Kind: kindOf(c), Role: Close}})
			case "x", "ph":
				out = append(out, Piece{Code: &InlineCode{ID: id, Kind: kindOf(c), Role: Standalone}})
			case "bpt", "sc":
				out = append(out, Piece{Code: &InlineCode{ID: firstOf(c.get("rid"), id), Kind: kindOf(c), Role: Open}})
			case "ept":
				out = append(out, Piece{Code: &InlineCode{ID: firstOf(c.get("rid"), id), Role: Close}})
			case "ec":
				out = append(out, Piece{Code: &InlineCode{ID: firstOf(c.get("startRef"), id), Role: Close}})
			case "it":
				role := Open
				if c.get("pos") == "close" {
					role = Close
				}
				out = append(out, Piece{Code: &InlineCode{ID: id, Kind: kindOf(c), Role: role}})
			default: // mrk, sm, em, sub (1.2 sub-flows): their text
				out = append(out, content(c)...)
			}
		}
	}
	return merge(out)
}

// merge joins adjacent text pieces.
func merge(c Content) Content {
	var out Content
	for _, p := range c {
		if p.Code == nil && len(out) > 0 && out[len(out)-1].Code == nil {
			out[len(out)-1].Text += p.Text
			continue
		}
		if p.Code == nil && p.Text == "" {
			continue
		}
		out = append(out, p)
	}
	return out
}

func firstOf(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
