package release

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// md is goldmark's CommonMark parser (what goldmark.New parses with) and one paragraph transformer more,
// plainParagraphs, which spares the inline pass the paragraphs that have no inline syntax: most of a press
// release's text, which that pass otherwise reads byte after byte only to find a line of plain text. It runs
// before the transformer of link reference definitions (priority 100), which a paragraph without "[" cannot
// hold, and which then need not read the paragraph for one.
var md = parser.NewParser(
	parser.WithBlockParsers(parser.DefaultBlockParsers()...),
	parser.WithInlineParsers(parser.DefaultInlineParsers()...),
	parser.WithParagraphTransformers(append(parser.DefaultParagraphTransformers(),
		util.Prioritized(plainParagraphs{}, 50))...),
)

// inlineSyntax holds the bytes at which goldmark's inline pass may make of a line anything but its text: the
// triggers of its inline parsers, and the backslash of an escape or of a hard line break. (A trigger ' ' would
// stand for the start of every line and every blank: TestInlineSyntax holds that there is none.)
var inlineSyntax = func() []byte {
	t := []byte{'\\'}
	for _, p := range parser.DefaultInlineParsers() {
		t = append(t, p.Value.(parser.InlineParser).Trigger()...)
	}
	return t
}()

// plainLines reports whether lines of src hold no byte of inline syntax (and no padding, which only an indented
// code block's lines carry). It reads src from the first line's start to the last one's end, with what lies
// between lines (a container's markers and blanks), once for each byte of inline syntax: bytes.IndexByte reads
// many bytes at a time, where a loop that looked each byte up in a table was a tenth of parsing a release. What
// lies between lines can only make the paragraph seem not plain, and parsed as goldmark parses it.
func plainLines(lines *text.Segments, src []byte) bool {
	n := lines.Len()
	if n == 0 {
		return false
	}
	for i := range n {
		if lines.At(i).Padding != 0 {
			return false
		}
	}
	span := src[lines.At(0).Start:lines.At(n-1).Stop]
	for _, c := range inlineSyntax {
		if bytes.IndexByte(span, c) >= 0 {
			return false
		}
	}
	return true
}

// plainText is a paragraph without inline syntax. It is raw, so goldmark's inline pass leaves it as it is, and
// the walker reads its lines as that pass would have made them into text (plainLine).
type plainText struct {
	ast.BaseBlock
}

var kindPlainText = ast.NewNodeKind("PlainText")

// Kind implements ast.Node.
func (n *plainText) Kind() ast.NodeKind { return kindPlainText }

// IsRaw implements ast.Node: the inline pass does not parse the lines of a raw block.
func (n *plainText) IsRaw() bool { return true }

// Dump implements ast.Node.
func (n *plainText) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// plainParagraphs replaces a paragraph that goldmark closes and whose lines hold no inline syntax by a plainText.
//
// goldmark also hands a paragraph to its transformers when a setext heading underline follows it, after
// closing it and before the heading takes its lines (parser.openBlocks); the paragraph is then no longer among
// the opened blocks, and is left alone: replaced, it would no longer become the heading. Everything that looks
// at a paragraph once it is closed is indifferent to the replacement: a tight list makes its paragraphs text
// blocks, which the walker reads as paragraphs, and reads whether its items' blocks follow blank lines, which
// the plainText keeps.
type plainParagraphs struct{}

// Transform implements parser.ParagraphTransformer.
func (plainParagraphs) Transform(p *ast.Paragraph, reader text.Reader, pc parser.Context) {
	if !opened(p, pc) || !plainLines(p.Lines(), reader.Source()) {
		return
	}
	// A transformed paragraph is not closed by goldmark (parser.closeBlocks): close it as it would have been,
	// which trims its lines' leading blanks and the last line's trailing ones.
	parser.NewParagraphParser().Close(p, reader, pc)
	parent := p.Parent()
	if parent == nil {
		return
	}
	n := &plainText{}
	n.SetLines(p.Lines())
	n.SetPos(p.Pos())
	n.SetBlankPreviousLines(p.HasBlankPreviousLines())
	parent.ReplaceChild(parent, p, n)
}

// opened reports whether p is among the blocks goldmark has open, as a paragraph it closes is.
func opened(p *ast.Paragraph, pc parser.Context) bool {
	for _, b := range pc.OpenedBlocks() {
		if b.Node == p {
			return true
		}
	}
	return false
}

// plainLine is the text that goldmark's inline pass (parser.parseBlock) makes of line seg of src, a line
// without inline syntax: the line without its line end and trailing blanks, ended by a hard line break when two
// blanks precede its newline and by a soft one otherwise, unless it is the last line.
func plainLine(src []byte, seg text.Segment) (t text.Segment, soft, hard bool) {
	line := src[seg.Start:seg.Stop]
	n := len(line)
	if n > 0 && line[n-1] == '\n' {
		switch {
		case n >= 3 && line[n-3] == ' ' && line[n-2] == ' ':
			hard, n = true, n-3
		case n >= 4 && line[n-4] == ' ' && line[n-3] == ' ' && line[n-2] == '\r':
			hard, n = true, n-4
		default:
			soft, n = true, n-1
		}
	}
	t = text.NewSegment(seg.Start, seg.Start+n)
	return t.TrimRightSpace(src), soft, hard
}
