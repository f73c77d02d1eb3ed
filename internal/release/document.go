package release

import (
	"bytes"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/finding"
	"github.com/relloc/relloc/internal/inputerr"
)

// Kind is the kind of a block.
type Kind string

// The block kinds.
const (
	Heading   Kind = "heading"
	Paragraph Kind = "paragraph"
	ListItem  Kind = "item"
)

// Markup is a piece of inline markup of a block, in plain-text byte offsets [Start, End).
type Markup struct {
	Kind  string // "emphasis", "strong", "link", "code", "sup", "sub", "image"
	Start int
	End   int
}

// piece maps a run of plain text to the file.
type piece struct {
	text, src, n int // plain-text offset, file offset, length (0: the text is not in the file verbatim)
}

// Block is one block of a document.
type Block struct {
	Index  int // 1-based position among the document's blocks
	Kind   Kind
	Level  int    // heading level
	Text   string // plain text
	Markup []Markup
	Start  int // file offset of the block's first text byte
	pieces []piece
	breaks []int // offsets in Text of the spaces that stand for soft line breaks
}

// SoftBreaks returns the offsets in Text of the spaces that stand for a soft line break of the file: where a
// line of a paragraph or list item ends, as after the title line of "1. Introduction" followed by its text on
// the next line.
func (b *Block) SoftBreaks() []int { return b.breaks }

// FileOffset maps a byte offset of Text to a byte offset of the file.
func (b *Block) FileOffset(i int) int {
	if len(b.pieces) == 0 {
		return b.Start
	}
	k := sort.Search(len(b.pieces), func(k int) bool { return b.pieces[k].text > i }) - 1
	if k < 0 {
		k = 0
	}
	p := b.pieces[k]
	d := i - p.text
	if d > p.n {
		d = p.n
	}
	return p.src + d
}

// Comment is an HTML comment of the file (suppressions and draft markers live in them).
type Comment struct {
	Text  string // the comment without <!-- and -->, trimmed
	Start int    // file offset of "<!--"
	End   int
	Line  int // 1-based line of "<!--"
}

// Document is one language version of a release.
type Document struct {
	Path     string // as shown to users (relative to the workspace root)
	Lang     language.Tag
	Source   []byte
	Front    FrontMatter
	HasFront bool
	Blocks   []*Block
	Comments []Comment
	lines    *finding.Lines
}

// Position returns the 1-based line and code-point column of a file offset.
func (d *Document) Position(off int) (line, col int) { return d.lines.Position(off) }

// TextPosition returns the line and column of byte offset i of block b's text.
func (d *Document) TextPosition(b *Block, i int) (line, col int) {
	return d.lines.Position(b.FileOffset(i))
}

// ParseDocument parses one Markdown file. path is used in messages only.
func ParseDocument(path string, lang language.Tag, src []byte) (*Document, error) {
	return parseDocument(md, path, lang, src)
}

// parseDocument parses one Markdown file with p, md or (to test md against it) goldmark's default parser.
func parseDocument(p parser.Parser, path string, lang language.Tag, src []byte) (*Document, error) {
	if err := inputerr.CheckText(path, src); err != nil {
		return nil, err
	}
	d := &Document{Path: path, Lang: lang, Source: src, lines: finding.NewLines(src)}
	body, err := d.splitFront(src)
	if err != nil {
		return nil, err
	}
	root := p.Parse(text.NewReader(body))
	w := walker{src: body, doc: d}
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		w.block(n)
	}
	return d, nil
}

type walker struct {
	src []byte
	doc *Document
}

func (w *walker) block(n ast.Node) {
	switch n := n.(type) {
	case *ast.Heading:
		w.leaf(n, Heading, n.Level)
	case *ast.Paragraph, *ast.TextBlock, *plainText:
		w.leaf(n, Paragraph, 0)
	case *ast.List:
		for it := n.FirstChild(); it != nil; it = it.NextSibling() {
			for c := it.FirstChild(); c != nil; c = c.NextSibling() {
				switch c.(type) {
				case *ast.Paragraph, *ast.TextBlock, *plainText:
					w.leaf(c, ListItem, 0)
				default:
					w.block(c)
				}
			}
		}
	case *ast.Blockquote:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			w.block(c)
		}
	case *ast.HTMLBlock:
		lines := n.Lines()
		var start, end int = -1, 0
		for i := 0; i < lines.Len(); i++ {
			s := lines.At(i)
			if start < 0 {
				start = s.Start
			}
			end = s.Stop
		}
		if n.HasClosure() {
			end = n.ClosureLine.Stop
		}
		if start >= 0 {
			w.comments(start, end)
		}
	}
}

// comments records every <!-- ... --> between file offsets start and end.
func (w *walker) comments(start, end int) {
	s := w.src[start:end]
	for {
		i := bytes.Index(s, []byte("<!--"))
		if i < 0 {
			return
		}
		// HTML ends a comment at the first "-->" after "<!--", and also takes "<!-->" and "<!--->" as whole
		// (empty) comments: the closing "-->" may overlap the opening "<!--".
		body, n := s[i+4:], 0
		switch {
		case bytes.HasPrefix(body, []byte(">")):
			body, n = nil, 1
		case bytes.HasPrefix(body, []byte("->")):
			body, n = nil, 2
		default:
			j := bytes.Index(body, []byte("-->"))
			if j < 0 {
				return
			}
			n = j + 3
			body = body[:j]
		}
		off := start + i
		line, _ := w.doc.lines.Position(off)
		w.doc.Comments = append(w.doc.Comments, Comment{
			Text:  strings.TrimSpace(string(body)),
			Start: off, End: off + 4 + n, Line: line,
		})
		start = off + 4 + n
		s = w.src[start:end]
	}
}

func (w *walker) leaf(n ast.Node, kind Kind, level int) {
	b := &Block{Index: len(w.doc.Blocks) + 1, Kind: kind, Level: level, Start: -1}
	var t strings.Builder
	// here is the file offset of the end of the text so far: inline nodes without a segment of their own (an
	// autolink, an entity) are placed there, or at the block's first line when they come first.
	here := func() int {
		if len(b.pieces) == 0 {
			if lines := n.Lines(); lines.Len() > 0 {
				return lines.At(0).Start
			}
			return 0
		}
		return b.FileOffset(t.Len())
	}
	// Most of a block is its source's lines, written as they are: room for them at once, where the builder grew
	// and copied them again piece after piece.
	if lines := n.Lines(); lines.Len() > 0 {
		t.Grow(lines.At(lines.Len()-1).Stop - lines.At(0).Start)
	}
	// place records the piece of n bytes about to be written at file offset src, unless it is empty.
	place := func(n int, src int, verbatim bool) bool {
		if n == 0 {
			return false
		}
		if b.Start < 0 {
			b.Start = src
		}
		p := piece{text: t.Len(), src: src}
		if verbatim {
			p.n = n
		}
		b.pieces = append(b.pieces, p)
		return true
	}
	add := func(s string, src int, verbatim bool) {
		if place(len(s), src, verbatim) {
			t.WriteString(s)
		}
	}
	// addVerbatim adds the bytes of the source, not copied into a string of their own first.
	addVerbatim := func(s []byte, src int) {
		if place(len(s), src, true) {
			t.Write(s)
		}
	}
	// addText adds a text node's segment and the line break that ends it.
	addText := func(seg text.Segment, soft, hard bool) {
		addUnescaped(addVerbatim, seg.Value(w.src), seg.Start)
		switch {
		case hard:
			add("\n", seg.Stop, false)
		case soft:
			b.breaks = append(b.breaks, t.Len())
			add(" ", seg.Stop, false)
		}
	}
	if _, ok := n.(*plainText); ok {
		lines := n.Lines()
		for i := range lines.Len() {
			addText(plainLine(w.src, lines.At(i)))
		}
	}
	var open []Markup // open <sup>/<sub> tags
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		switch n := n.(type) {
		case *ast.Text:
			addText(n.Segment, n.SoftLineBreak(), n.HardLineBreak())
			return
		case *ast.String:
			add(string(n.Value), here(), false)
			return
		case *ast.RawHTML:
			segs := n.Segments
			var raw strings.Builder
			start := -1
			for i := 0; i < segs.Len(); i++ {
				s := segs.At(i)
				if start < 0 {
					start = s.Start
				}
				raw.Write(s.Value(w.src))
			}
			tag := strings.ToLower(strings.TrimSpace(raw.String()))
			switch {
			case strings.HasPrefix(tag, "<!--"):
				w.comments(start, segs.At(segs.Len()-1).Stop)
			case tag == "<sup>" || tag == "<sub>":
				open = append(open, Markup{Kind: tag[1:4], Start: t.Len()})
			case tag == "</sup>" || tag == "</sub>":
				for k := len(open) - 1; k >= 0; k-- {
					if open[k].Kind == tag[2:5] {
						m := open[k]
						m.End = t.Len()
						b.Markup = append(b.Markup, m)
						open = append(open[:k], open[k+1:]...)
						break
					}
				}
			}
			return
		case *ast.AutoLink:
			start := t.Len()
			add(string(n.URL(w.src)), here(), false)
			b.Markup = append(b.Markup, Markup{Kind: "link", Start: start, End: t.Len()})
			return
		}
		start := t.Len()
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			walk(c)
		}
		var kind string
		switch n := n.(type) {
		case *ast.Emphasis:
			kind = "emphasis"
			if n.Level >= 2 {
				kind = "strong"
			}
		case *ast.Link:
			kind = "link"
		case *ast.CodeSpan:
			kind = "code"
		case *ast.Image:
			kind = "image"
		}
		if kind != "" {
			b.Markup = append(b.Markup, Markup{Kind: kind, Start: start, End: t.Len()})
		}
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		walk(c)
	}
	b.Text = t.String()
	if len(b.Markup) > 1 {
		slices.SortStableFunc(b.Markup, func(x, y Markup) int { return x.Start - y.Start })
	}
	if strings.TrimSpace(b.Text) == "" {
		return
	}
	if b.Start < 0 {
		b.Start = 0
	}
	w.doc.Blocks = append(w.doc.Blocks, b)
}

// addUnescaped adds the text of a Markdown text node without the backslash of
// its escapes (1\. is "1.", as goldmark renders it), in verbatim pieces so
// that offsets still map to the file.
func addUnescaped(add func(s []byte, src int), v []byte, start int) {
	from := 0
	for i := 0; i+1 < len(v); i++ {
		k := bytes.IndexByte(v[i:len(v)-1], '\\')
		if k < 0 {
			break
		}
		i += k
		if v[i+1] < 0x80 && (unicode.IsPunct(rune(v[i+1])) || unicode.IsSymbol(rune(v[i+1]))) {
			add(v[from:i], start+from)
			from = i + 1
			i++ // the escaped character itself is text
		}
	}
	add(v[from:], start+from)
}
