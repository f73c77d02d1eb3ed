package tbx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"

	"github.com/relloc/relloc/internal/finding"
	"github.com/relloc/relloc/internal/glossary"
	"github.com/relloc/relloc/internal/glossedit"
	"github.com/relloc/relloc/internal/inputerr"
)

// node is an element of the document with where it starts.
type node struct {
	name      xml.Name
	attr      []xml.Attr
	children  []*node
	text      strings.Builder // character data directly inside, and inside inline elements
	line, col int
}

func (n *node) get(local string) string {
	for _, a := range n.attr {
		if a.Name.Local == local && (a.Name.Space == "" || local != "lang") {
			return a.Value
		}
	}
	return ""
}

func (n *node) lang() string {
	for _, a := range n.attr {
		if a.Name.Local == "lang" && (a.Name.Space == "xml" || a.Name.Space == "http://www.w3.org/XML/1998/namespace") {
			return a.Value
		}
	}
	return ""
}

func (n *node) content() string { return norm.NFC.String(n.text.String()) }

// parse reads the document into a tree; inline markup inside notes and terms contributes its text only.
func parse(path string, data []byte) (*node, error) {
	lines := finding.NewLines(data)
	d := xml.NewDecoder(bytes.NewReader(data))
	var stack []*node
	var root *node
	for {
		off := d.InputOffset()
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			// The start of the token that failed: the decoder's offset after the error is past it.
			line, col := lines.Position(int(off))
			msg := err.Error()
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				msg = se.Msg
				if se.Line != line {
					line, col = se.Line, 0
				}
			}
			return nil, &inputerr.Error{Path: path, Line: line, Column: col, Msg: "malformed XML: " + msg, Err: err}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			line, col := lines.Position(int(off))
			n := &node{name: t.Name, attr: t.Attr, line: line, col: col}
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.children = append(p.children, n)
			} else {
				root = n
			}
			stack = append(stack, n)
		case xml.EndElement:
			n := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if len(stack) > 0 && inline(n.name.Local) {
				stack[len(stack)-1].text.WriteString(n.text.String())
			}
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].text.Write(t)
			}
		}
	}
	if root == nil {
		return nil, inputerr.New(path, 1, 1, "empty document: expected a <tbx> element")
	}
	return root, nil
}

// inline reports whether an element is TBX inline markup, whose text belongs to its parent.
func inline(local string) bool {
	switch local {
	case "hi", "sc", "ec", "ph", "foreign":
		return true
	}
	return false
}

// Read parses a TBX v3 document into glossary entries; path is used in errors only. Every problem found is
// returned, as an inputerr.List. Each entry comes with the fields its elements give (glossedit.GivenFields): a
// policy only when a relloc:policy note sets it, so that merging keeps what the file does not mention.
func Read(path string, data []byte, opt Options) ([]glossedit.Imported, error) {
	root, err := parse(path, data)
	if err != nil {
		return nil, err
	}
	var errs inputerr.List
	bad := func(n *node, format string, args ...any) {
		errs = append(errs, inputerr.New(path, n.line, n.col, format, args...))
	}
	if root.name.Local != "tbx" || root.name.Space != Namespace {
		bad(root, "document element is {%s}%s; expected {%s}tbx (TBX v3)", root.name.Space, root.name.Local, Namespace)
		return nil, errs
	}
	var entries []*node
	for _, c := range root.children {
		if c.name.Local != "text" {
			continue
		}
		for _, b := range c.children {
			if b.name.Local != "body" {
				continue
			}
			for _, ce := range b.children {
				if ce.name.Local == "conceptEntry" {
					entries = append(entries, ce)
				}
			}
		}
	}
	if len(entries) == 0 {
		bad(root, "no conceptEntry in text/body")
		return nil, errs
	}
	var out []glossedit.Imported
	seen := map[string]*node{}
	for _, ce := range entries {
		e, problems := readEntry(ce, opt)
		for _, p := range problems {
			bad(p.at, "%s", p.msg)
		}
		if e == nil {
			continue
		}
		if prev, dup := seen[e.ID]; dup {
			bad(ce, "duplicate conceptEntry id %q (first at line %d)", e.ID, prev.line)
			continue
		}
		seen[e.ID] = ce
		if len(problems) == 0 {
			for _, msg := range glossedit.Validate(e, glossary.Options{Targets: opt.Targets}) {
				bad(ce, "conceptEntry %q: %s", e.ID, msg)
			}
		}
		out = append(out, glossedit.Imported{Entry: e, Given: glossedit.GivenFields(e)})
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return out, nil
}

type problem struct {
	at  *node
	msg string
}

func readEntry(ce *node, opt Options) (*glossary.Entry, []problem) {
	var probs []problem
	bad := func(n *node, format string, args ...any) {
		probs = append(probs, problem{n, fmt.Sprintf(format, args...)})
	}
	id := ce.get("id")
	if id == "" {
		bad(ce, "conceptEntry has no id attribute (relloc needs it as the entry id)")
		return nil, probs
	}
	e := &glossary.Entry{ID: strings.TrimPrefix(id, "_"), Targets: map[language.Tag]*glossary.Rendering{}}
	var notes []string
	policies := map[language.Tag]glossary.Policy{}
	for _, c := range ce.children {
		switch c.name.Local {
		case "descrip":
			if c.get("type") == "subjectField" {
				e.Category = glossary.Category(strings.TrimSpace(c.content()))
			}
		case "admin":
			if c.get("type") == "source" {
				e.Source = c.content()
			}
		case "note":
			text := c.content()
			if rest, ok := strings.CutPrefix(text, policyNote); ok {
				l, p, _ := strings.Cut(rest, "=")
				tag, err := language.Parse(strings.TrimSpace(l))
				pol := glossary.Policy(strings.TrimSpace(p))
				switch {
				case err != nil || !isTarget(opt.Targets, tag):
					bad(c, "%q: %q is not a target language (%v)", text, l, opt.Targets)
				case !glossary.ValidPolicy(pol):
					bad(c, "%q: policy %q is not one of required, optional, omit", text, p)
				default:
					policies[tag] = pol
				}
				continue
			}
			notes = append(notes, text)
		}
	}
	e.Note = strings.Join(notes, "\n\n")
	if e.Category == "" {
		bad(ce, "conceptEntry %q has no descrip type=\"subjectField\" (the entry's category)", e.ID)
	}
	sawSource := false
	for _, ls := range ce.children {
		if ls.name.Local != "langSec" {
			continue
		}
		tag, err := language.Parse(ls.lang())
		if err != nil {
			bad(ls, "langSec xml:lang %q is not a language tag", ls.lang())
			continue
		}
		var forms []form
		for _, c := range ls.children {
			switch c.name.Local {
			case "note":
				if strings.TrimSpace(c.content()) == caseSensitiveNote {
					if tag != opt.Source {
						bad(c, "%q belongs in the %s langSec", caseSensitiveNote, opt.Source)
					}
					e.EN.CaseSensitive = true
				}
			case "termSec":
				f, ok := readTermSec(c, bad)
				if ok {
					forms = append(forms, f)
				}
			}
		}
		if tag == opt.Source {
			sawSource = true
			term, variants, forbidden := sortForms(ls, forms, bad)
			e.EN.Term, e.EN.Variants = term, variants
			if len(forbidden) > 0 {
				bad(ls, "English terms cannot be deprecated or superseded in relloc's glossary (%q)", forbidden[0])
			}
			continue
		}
		if !isTarget(opt.Targets, tag) {
			bad(ls, "langSec xml:lang %q is neither the source language nor a target language (%v)", ls.lang(), opt.Targets)
			continue
		}
		if _, dup := e.Targets[tag]; dup {
			bad(ls, "a second langSec for %s", tag)
			continue
		}
		r := &glossary.Rendering{} // policy: required unless a note says otherwise
		r.Term, r.Variants, r.Forbidden = sortForms(ls, forms, bad)
		e.Targets[tag] = r
	}
	if !sawSource {
		bad(ce, "conceptEntry %q has no langSec xml:lang=%q", e.ID, opt.Source)
	}
	for tag, p := range policies {
		r, ok := e.Targets[tag]
		if !ok {
			r = &glossary.Rendering{}
			e.Targets[tag] = r
		}
		r.Policy = p
	}
	return e, probs
}

type form struct {
	text, status string
	at           *node
}

func readTermSec(ts *node, bad func(*node, string, ...any)) (form, bool) {
	f := form{at: ts}
	found := false
	for _, c := range ts.children {
		switch c.name.Local {
		case "term":
			f.text = strings.TrimSpace(c.content())
			found = true
		case "termNote":
			if c.get("type") == "administrativeStatus" {
				f.status = strings.TrimSpace(c.content())
				switch f.status {
				case Preferred, Admitted, Deprecated, Superseded:
				default:
					bad(c, "administrativeStatus %q is not one of %s, %s, %s, %s", f.status, Preferred, Admitted, Deprecated, Superseded)
				}
			}
		}
	}
	if !found || f.text == "" {
		bad(ts, "termSec without a term")
		return f, false
	}
	return f, true
}

// sortForms splits a langSec's forms into the approved term, accepted variants and forbidden forms.
func sortForms(ls *node, forms []form, bad func(*node, string, ...any)) (term string, variants, forbidden []string) {
	for _, f := range forms {
		if f.status == Preferred {
			if term != "" {
				bad(f.at, "a second preferred term %q (the first is %q)", f.text, term)
				continue
			}
			term = f.text
		}
	}
	for _, f := range forms {
		switch f.status {
		case Preferred:
		case Deprecated, Superseded:
			forbidden = append(forbidden, f.text)
		case "":
			if term == "" {
				term = f.text
				continue
			}
			variants = append(variants, f.text)
		default:
			variants = append(variants, f.text)
		}
	}
	return term, variants, forbidden
}

func isTarget(targets []language.Tag, t language.Tag) bool {
	for _, x := range targets {
		if x == t {
			return true
		}
	}
	return false
}
