package tmx

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/tm"
	"github.com/relloc/relloc/internal/xliff"
)

// Write writes units as a TMX 1.4 document to w. source is the language of
// the source texts (the header's srclang); toolVersion is recorded as the
// header's creationtoolversion. Each unit becomes a <tu> whose tuid is
// "release/segment", with the release and segment also as x-release and
// x-segment properties, and one <tuv xml:lang> per language with a non-empty
// text. A language code that is not a valid BCP 47 tag or a unit without any
// text is an error; nothing is written then.
func Write(w io.Writer, units []tm.Unit, source string, toolVersion string) error {
	return WriteWith(w, units, Options{Source: source, ToolVersion: toolVersion})
}

// Options configures WriteWith.
type Options struct {
	Source      string // the language of the source texts
	ToolVersion string // the header's creationtoolversion
	// Languages orders the other languages of each unit (the workspace's targets); languages not listed
	// follow, sorted by tag.
	Languages []string
	// Content gives the text of unit i in lang with its inline codes, written as <bpt>/<ept> around spans and
	// <ph> for line breaks, with the Markdown they stand for as native code; nil (or a nil result) writes the
	// unit's plain text.
	Content func(i int, lang string) xliff.Content
	// Created gives the creation date of unit i (its release's date), written as creationdate; the zero time
	// writes none.
	Created func(i int) time.Time
}

// WriteWith is Write with inline codes, creation dates and a language order.
func WriteWith(w io.Writer, units []tm.Unit, opt Options) error {
	source, toolVersion := opt.Source, opt.ToolVersion
	order := map[string]int{}
	for i, l := range opt.Languages {
		if t, err := language.Parse(l); err == nil {
			order[t.String()] = i + 1
		}
	}
	src, err := language.Parse(source)
	if err != nil {
		return fmt.Errorf("write tmx: source language %q: %w", source, err)
	}
	type tuv struct{ lang, code, text string }
	tus := make([][]tuv, len(units))
	for i, u := range units {
		for code, text := range u.Text {
			if text == "" {
				continue
			}
			tag, err := language.Parse(code)
			if err != nil {
				return fmt.Errorf("write tmx: unit %s/%s: language %q: %w", u.Release, u.Segment, code, err)
			}
			tus[i] = append(tus[i], tuv{tag.String(), code, text})
		}
		if len(tus[i]) == 0 {
			return fmt.Errorf("write tmx: unit %s/%s has no text", u.Release, u.Segment)
		}
		sort.Slice(tus[i], func(a, b int) bool {
			la, lb := tus[i][a].lang, tus[i][b].lang
			if (la == src.String()) != (lb == src.String()) {
				return la == src.String()
			}
			oa, ob := order[la], order[lb]
			if oa == 0 {
				oa = len(order) + 1
			}
			if ob == 0 {
				ob = len(order) + 1
			}
			if oa != ob {
				return oa < ob
			}
			return la < lb
		})
	}

	bw := bufio.NewWriter(w)
	bw.WriteString(xml.Header)
	bw.WriteString("<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n<tmx version=\"1.4\">\n")
	fmt.Fprintf(bw, "  <header creationtool=\"relloc\" creationtoolversion=\"%s\" segtype=\"sentence\" o-tmf=\"relloc\" adminlang=\"en\" srclang=\"%s\" datatype=\"plaintext\"/>\n",
		escape(toolVersion), escape(src.String()))
	bw.WriteString("  <body>\n")
	for i, u := range units {
		created := ""
		if opt.Created != nil {
			if t := opt.Created(i); !t.IsZero() {
				created = fmt.Sprintf(" creationdate=\"%s\"", t.UTC().Format("20060102T150405Z"))
			}
		}
		fmt.Fprintf(bw, "    <tu tuid=\"%s\"%s>\n", escape(u.Release+"/"+u.Segment), created)
		fmt.Fprintf(bw, "      <prop type=\"x-release\">%s</prop>\n", escape(u.Release))
		fmt.Fprintf(bw, "      <prop type=\"x-segment\">%s</prop>\n", escape(u.Segment))
		for _, v := range tus[i] {
			seg := escape(v.text)
			if opt.Content != nil {
				if c := opt.Content(i, v.code); c != nil {
					seg = inline(c)
				}
			}
			fmt.Fprintf(bw, "      <tuv xml:lang=\"%s\"><seg>%s</seg></tuv>\n", escape(v.lang), seg)
		}
		bw.WriteString("    </tu>\n")
	}
	bw.WriteString("  </body>\n</tmx>\n")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write tmx: %w", err)
	}
	return nil
}

// native is the Markdown each kind of inline code stands for, opening and closing.
var native = map[string][2]string{
	xliff.Strong: {"**", "**"}, xliff.Emphasis: {"*", "*"}, xliff.Sup: {"<sup>", "</sup>"}, xliff.Sub: {"<sub>", "</sub>"},
	xliff.Code: {"`", "`"}, xliff.Link: {"[", "]"}, xliff.LineBreak: {"\\\n", ""},
}

// tmxType is the TMX type attribute of each kind (TMX 1.4's list where it has one).
var tmxType = map[string]string{xliff.Strong: "bold", xliff.Emphasis: "italic", xliff.Sup: "superscript", xliff.Sub: "subscript",
	xliff.Code: "x-code", xliff.Link: "link", xliff.LineBreak: "lb"}

// inline writes content with <bpt>/<ept> for spans (paired by i, the code's number) and <ph> for line breaks.
// A line break is followed by a space: a tool that reads the text without its codes (OmegaT and Translate
// Toolkit read TMX so by default) must see two words where the break separates them, as a document filter
// does ("KINGDOM OF CAMBODIA NATION RELIGION KING", not "CAMBODIANATION"), or the unit never matches exactly.
// Markdown ignores the white space that starts the line after a break, so the space adds nothing to the text.
func inline(c xliff.Content) string {
	var b strings.Builder
	for i, p := range c {
		switch {
		case p.Code == nil:
			b.WriteString(escape(p.Text))
		case p.Code.Role == xliff.Standalone:
			fmt.Fprintf(&b, `<ph x="%s" type="%s">%s</ph>`, escape(p.Code.ID), escape(tmxType[p.Code.Kind]), escape(native[p.Code.Kind][0]))
			if p.Code.Kind == xliff.LineBreak && (i+1 == len(c) || c[i+1].Code != nil || !startsWithSpace(c[i+1].Text)) {
				b.WriteByte(' ')
			}
		case p.Code.Role == xliff.Open:
			fmt.Fprintf(&b, `<bpt i="%s" type="%s">%s</bpt>`, escape(p.Code.ID), escape(tmxType[p.Code.Kind]), escape(native[p.Code.Kind][0]))
		default:
			fmt.Fprintf(&b, `<ept i="%s">%s</ept>`, escape(p.Code.ID), escape(native[p.Code.Kind][1]))
		}
	}
	return b.String()
}

func startsWithSpace(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r)
}

// escape escapes s for XML text and attribute values; characters XML does
// not allow (most C0 controls) become U+FFFD.
func escape(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s)) // writes to memory: cannot fail
	return b.String()
}
