package tbx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"

	"github.com/relloc/relloc/internal/glossary"
	"github.com/relloc/relloc/internal/glossedit"
	"github.com/relloc/relloc/internal/inputerr"
	"github.com/relloc/relloc/internal/ui"
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
// The document is read from r as it comes (r may stop it with an *inputerr.Error, at a size limit).
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
		return nil, inputerr.Say(path, 1, 1, "TBXEmpty", nil)
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

// dialect2008 maps the element names of TBX 2008 (ISO 30042:2008, <martif>) to those of TBX v3, which Read
// works with: the two dialects differ in these names and in ntig, whose termGrp holds the term and its notes.
var dialect2008 = map[string]string{
	"martif": "tbx", "martifHeader": "tbxHeader", "termEntry": "conceptEntry", "langSet": "langSec",
	"tig": "termSec", "ntig": "termSec",
}

// normalize renames TBX 2008 elements to their v3 names and lifts the children of termGrp (in ntig) and of
// descripGrp, adminGrp and termNoteGrp into their parent, so that the rest of Read sees one structure.
func normalize(n *node) {
	if v3, ok := dialect2008[n.name.Local]; ok {
		n.name.Local = v3
	}
	var kids []*node
	for _, c := range n.children {
		switch c.name.Local {
		case "termGrp", "descripGrp", "adminGrp", "termNoteGrp":
			kids = append(kids, c.children...)
		default:
			kids = append(kids, c)
		}
	}
	n.children = kids
	for _, c := range n.children {
		normalize(c)
	}
}

// DefaultCategory is the category of an entry whose conceptEntry has no subjectField (Translate Toolkit's
// csv2tbx writes none): concept, the category of the glossary that says least. An import merging such an entry
// into an existing one keeps the existing category.
const DefaultCategory = glossary.Concept

// Read parses a TBX document, TBX v3 (<tbx>, ISO 30042:2019) or TBX 2008 (<martif>, ISO 30042:2008), into
// glossary entries; path is used in errors only. Every problem found is returned, as an inputerr.List;
// warnings (a language outside the workspace, a defaulted category or id) go to opt.Warn.
//
// Each entry comes with the fields its elements give (glossedit.GivenFields): a policy only when a
// relloc:policy note sets it, a category only from a subjectField, so that merging keeps what the file does
// not mention. Language tags are folded to the workspace's languages (km-KH is km, en-US is en); langSecs of
// other languages and data categories relloc does not model are kept in the entry's data.
func Read(path string, data []byte, opt Options) ([]glossedit.Imported, error) {
	return ReadFrom(path, bytes.NewReader(data), opt)
}

// ReadFrom is Read from a stream, which it reads once without holding it: a size-capped reader
// (safefile.Reader) stops an oversized file with its own error.
func ReadFrom(path string, r io.Reader, opt Options) ([]glossedit.Imported, error) {
	root, err := parse(path, r)
	if err != nil {
		return nil, err
	}
	var errs inputerr.List
	bad := func(n *node, id string, args ui.Args) {
		errs = append(errs, inputerr.Say(path, n.line, n.col, id, args))
	}
	switch {
	case root.name.Local == "tbx" && root.name.Space == Namespace:
	case root.name.Local == "martif" && root.name.Space == "":
		normalize(root)
	default:
		bad(root, "TBXRoot", ui.Args{"Element": fmt.Sprintf("{%s}%s", root.name.Space, root.name.Local), "Expected": fmt.Sprintf("{%s}tbx", Namespace)})
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
		bad(root, "TBXNoEntries", nil)
		return nil, errs
	}
	warn := func(n *node, id string, args ui.Args) {
		if opt.Warn != nil {
			opt.Warn(inputerr.Say(path, n.line, n.col, id, args))
		}
	}
	var out []glossedit.Imported
	seen := map[string]*node{}
	for _, ce := range entries {
		e, defaulted, problems := readEntry(ce, opt, warn)
		for _, p := range problems {
			bad(p.at, p.id, p.args)
		}
		if e == nil {
			continue
		}
		if prev, dup := seen[e.ID]; dup {
			bad(ce, "TBXDuplicateID", ui.Args{"ID": strconv.Quote(e.ID), "First": prev.line})
			continue
		}
		seen[e.ID] = ce
		if len(problems) == 0 {
			for _, msg := range glossedit.Validate(e, glossary.Options{Targets: opt.Targets}) {
				errs = append(errs, inputerr.Say(path, ce.line, ce.col, "TBXEntryProblem", ui.Args{"ID": strconv.Quote(e.ID), "Problem": msg}))
			}
		}
		given := glossedit.GivenFields(e)
		if defaulted {
			delete(given, glossedit.FieldCategory)
		}
		out = append(out, glossedit.Imported{Entry: e, Given: given})
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return out, nil
}

type problem struct {
	at   *node
	id   string // in locales/errors
	args ui.Args
}

// fold returns the workspace language that tag names: itself, or its base language when that is a workspace
// language and tag is not (km-KH, ja-JP, en-US); the lang map of the options comes first.
func fold(raw string, opt Options) (language.Tag, bool) {
	if t, ok := opt.LangMap[raw]; ok {
		return t, true
	}
	tag, err := language.Parse(raw)
	if err != nil {
		if langSyntax.MatchString(raw) {
			return language.Make("und-x-" + strings.ReplaceAll(raw, "-", "")), false // a tag x/text does not know ("xx")
		}
		return language.Und, false
	}
	if tag == opt.Source || isTarget(opt.Targets, tag) {
		return tag, true
	}
	base, _ := tag.Base()
	b := language.Make(base.String())
	if b == opt.Source || isTarget(opt.Targets, b) {
		return b, true
	}
	return tag, false
}

// datum is a data category relloc keeps without using: an element of the entry, a langSec or a termSec that
// Read has no field for.
func datum(c *node, lang, term string) (glossary.Datum, bool) {
	switch c.name.Local {
	case "descrip", "admin", "termNote", "note", "xref":
	default:
		return glossary.Datum{}, false
	}
	v := strings.TrimSpace(c.content())
	if c.name.Local == "xref" {
		v = c.get("target")
	}
	if v == "" {
		return glossary.Datum{}, false
	}
	return glossary.Datum{Lang: lang, Term: term, Element: c.name.Local, Type: c.get("type"), Value: v}, true
}

var slugRun = regexp.MustCompile(`[^a-z0-9]+`)

// slug makes an id of relloc's form from text: lower-case ASCII letters and digits joined by "-".
func slug(text string) string {
	return strings.Trim(slugRun.ReplaceAllString(strings.ToLower(text), "-"), "-")
}

func readEntry(ce *node, opt Options, warn func(*node, string, ui.Args)) (*glossary.Entry, bool, []problem) {
	var probs []problem
	bad := func(n *node, id string, args ui.Args) {
		probs = append(probs, problem{n, id, args})
	}
	e := &glossary.Entry{ID: strings.TrimPrefix(ce.get("id"), "_"), Targets: map[language.Tag]*glossary.Rendering{}}
	var notes []string
	policies := map[language.Tag]glossary.Policy{}
	for _, c := range ce.children {
		switch c.name.Local {
		case "descrip":
			if c.get("type") == "subjectField" {
				e.Category = glossary.Category(strings.TrimSpace(c.content()))
				continue
			}
		case "admin":
			if c.get("type") == "source" {
				e.Source = glossary.Prose(c.content())
				continue
			}
		case "note":
			text := c.content()
			if rest, ok := strings.CutPrefix(text, policyNote); ok {
				l, p, _ := strings.Cut(rest, "=")
				tag, known := fold(strings.TrimSpace(l), opt)
				pol := glossary.Policy(strings.TrimSpace(p))
				switch {
				case !known || !isTarget(opt.Targets, tag):
					bad(c, "TBXPolicyLanguage", ui.Args{"Note": strconv.Quote(text), "Lang": strconv.Quote(l), "Targets": fmt.Sprint(opt.Targets)})
				case !glossary.ValidPolicy(pol):
					bad(c, "TBXPolicyValue", ui.Args{"Note": strconv.Quote(text), "Policy": strconv.Quote(p)})
				default:
					policies[tag] = pol
				}
				continue
			}
			notes = append(notes, text)
			continue
		}
		if d, ok := datum(c, "", ""); ok {
			e.Data = append(e.Data, d)
		}
	}
	e.Note = glossary.Prose(strings.Join(notes, "\n\n"))
	sawSource := false
	for _, ls := range ce.children {
		if ls.name.Local != "langSec" {
			continue
		}
		raw := ls.lang()
		tag, known := fold(raw, opt)
		if tag == language.Und {
			bad(ls, "TBXLangTag", ui.Args{"Lang": strconv.Quote(raw)})
			continue
		}
		var forms []form
		var data []glossary.Datum
		var contexts []glossary.Context
		for _, c := range ls.children {
			switch c.name.Local {
			case "note":
				if rest, ok := strings.CutPrefix(strings.TrimSpace(c.content()), contextNote); ok {
					cx, err := glossary.ParseContext(rest)
					if err != nil {
						bad(c, "Verbatim", ui.Args{"Text": err.Error()})
					}
					contexts = append(contexts, cx)
					continue
				}
				if strings.TrimSpace(c.content()) == caseSensitiveNote {
					if tag != opt.Source {
						bad(c, "TBXCaseNote", ui.Args{"Note": strconv.Quote(caseSensitiveNote), "Source": opt.Source.String()})
					}
					e.EN.CaseSensitive = true
					continue
				}
			case "termSec":
				f, ok := readTermSec(c, bad)
				if ok {
					forms = append(forms, f)
				}
				continue
			}
			if d, ok := datum(c, raw, ""); ok {
				data = append(data, d)
			}
		}
		if !known {
			// A language outside the workspace: its terms and their data go to the entry's data.
			warn(ls, "TBXForeignLang", ui.Args{"Lang": strconv.Quote(raw), "Source": opt.Source.String(), "Targets": fmt.Sprint(opt.Targets)})
			e.Data = append(e.Data, data...)
			for _, f := range forms {
				e.Data = append(e.Data, glossary.Datum{Lang: raw, Element: "term", Value: f.text})
				if f.status != "" {
					e.Data = append(e.Data, glossary.Datum{Lang: raw, Term: f.text, Element: "termNote", Type: "administrativeStatus", Value: f.status})
				}
				e.Data = append(e.Data, f.data(raw)...)
			}
			continue
		}
		lang := tag.String()
		e.Data = append(e.Data, relang(data, lang)...)
		for _, f := range forms {
			e.Data = append(e.Data, f.data(lang)...)
			if f.status == Superseded {
				// relloc's forbidden forms are written back as deprecated: keep that this one was superseded.
				e.Data = append(e.Data, glossary.Datum{Lang: lang, Term: f.text, Element: "termNote", Type: "administrativeStatus", Value: Superseded})
			}
		}
		if tag == opt.Source {
			sawSource = true
			term, variants, forbidden := sortForms(ls, forms, bad)
			e.EN.Term, e.EN.Variants = term, variants
			if len(forbidden) > 0 {
				bad(ls, "TBXSourceForbidden", ui.Args{"Term": strconv.Quote(forbidden[0])})
			}
			continue
		}
		if _, dup := e.Targets[tag]; dup {
			bad(ls, "TBXSecondLangSec", ui.Args{"Lang": tag.String()})
			continue
		}
		r := &glossary.Rendering{Context: contexts} // policy: required unless a note says otherwise
		r.Term, r.Variants, r.Forbidden = sortForms(ls, forms, bad)
		e.Targets[tag] = r
	}
	if !sawSource {
		bad(ce, "TBXNoSourceLangSec", ui.Args{"ID": strconv.Quote(e.ID), "Source": strconv.Quote(opt.Source.String())})
	}
	if e.ID == "" || !idPattern.MatchString(e.ID) {
		id := slug(e.ID)
		if id == "" {
			id = slug(e.EN.Term)
		}
		if id == "" {
			bad(ce, "TBXNoID", nil)
			return nil, false, probs
		}
		if e.ID == "" {
			warn(ce, "TBXIDMade", ui.Args{"ID": strconv.Quote(id)})
		} else {
			warn(ce, "TBXIDRead", ui.Args{"ID": strconv.Quote(e.ID), "Read": strconv.Quote(id)})
		}
		e.ID = id
	}
	defaulted := false
	if e.Category == "" {
		warn(ce, "TBXNoCategory", ui.Args{"ID": strconv.Quote(e.ID), "Category": string(DefaultCategory)})
		e.Category, defaulted = DefaultCategory, true
	}
	for tag, p := range policies {
		r, ok := e.Targets[tag]
		if !ok {
			r = &glossary.Rendering{}
			e.Targets[tag] = r
		}
		r.Policy = p
	}
	return e, defaulted, probs
}

var (
	idPattern  = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	langSyntax = regexp.MustCompile(`^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$`)
)

// relang sets the language of data read from a langSec to the workspace language it was folded to.
func relang(ds []glossary.Datum, lang string) []glossary.Datum {
	for i := range ds {
		ds[i].Lang = lang
	}
	return ds
}

type form struct {
	text, status string
	at           *node
	extra        []*node // termNote, descrip, admin, note elements other than the administrativeStatus
}

// data returns the termSec's data categories that relloc keeps without using.
func (f form) data(lang string) []glossary.Datum {
	var out []glossary.Datum
	for _, c := range f.extra {
		if d, ok := datum(c, lang, f.text); ok {
			out = append(out, d)
		}
	}
	return out
}

func readTermSec(ts *node, bad func(*node, string, ui.Args)) (form, bool) {
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
					bad(c, "TBXBadStatus", ui.Args{"Status": strconv.Quote(f.status), "Statuses": strings.Join([]string{Preferred, Admitted, Deprecated, Superseded}, ", ")})
				}
				continue
			}
			f.extra = append(f.extra, c)
		default:
			f.extra = append(f.extra, c)
		}
	}
	if !found || f.text == "" {
		bad(ts, "TBXNoTerm", nil)
		return f, false
	}
	return f, true
}

// sortForms splits a langSec's forms into the approved term, accepted variants and forbidden forms.
func sortForms(ls *node, forms []form, bad func(*node, string, ui.Args)) (term string, variants, forbidden []string) {
	for _, f := range forms {
		if f.status == Preferred {
			if term != "" {
				bad(f.at, "TBXSecondPreferred", ui.Args{"Term": strconv.Quote(f.text), "First": strconv.Quote(term)})
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
