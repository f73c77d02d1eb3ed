package tbx

import (
	"bufio"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/glossary"
	"github.com/relloc/relloc/internal/glossedit"
	"github.com/relloc/relloc/internal/inputerr"
)

// Namespace is the TBX v3 namespace.
const Namespace = "urn:iso:std:iso:30042:ed-2"

// The administrativeStatus values relloc writes.
const (
	Preferred  = "preferredTerm-admn-sts"
	Admitted   = "admittedTerm-admn-sts"
	Deprecated = "deprecatedTerm-admn-sts"
	Superseded = "supersededTerm-admn-sts"
)

// The machine-readable notes relloc writes where TBX-Basic has no data category.
const (
	policyNote        = "relloc:policy "
	caseSensitiveNote = "relloc:case-sensitive"
	// contextNote holds a form that counts only in context, in the notation of glossary.Context.String.
	contextNote = "relloc:context "
)

// Options configures Write and Read.
type Options struct {
	Source  language.Tag   // the language of the English terms
	Targets []language.Tag // target languages, in the order langSecs are written
	// Title is written in the header's sourceDesc.
	Title string
	// Dialect is what Write writes: TBX2008 (the default) or TBXv3.
	Dialect Dialect
	// LangMap gives Read the workspace language of a language tag that is not one ("xx", which Translate
	// Toolkit's csv2tbx writes for the target language, to ja).
	LangMap map[string]language.Tag
	// Warn receives Read's warnings; nil drops them.
	Warn func(*inputerr.Error)
}

// Dialect is a version of TBX.
type Dialect int

// The dialects Write writes.
const (
	// TBX2008 is TBX-Basic of ISO 30042:2008: <martif type="TBX-Basic">, termEntry, langSet, tig. It is the
	// default because it is what CAT tools read: OmegaT 3.6 and Translate Toolkit 3.8 read it and neither
	// reads TBX v3.
	TBX2008 Dialect = iota
	// TBXv3 is TBX-Basic of ISO 30042:2019 in the DCA style: <tbx>, conceptEntry, langSec, termSec.
	TBXv3
)

// names are the element names of a dialect.
type names struct{ root, header, entry, langSec, termSec string }

func (d Dialect) names() names {
	if d == TBXv3 {
		return names{"tbx", "tbxHeader", "conceptEntry", "langSec", "termSec"}
	}
	return names{"martif", "martifHeader", "termEntry", "langSet", "tig"}
}

// Write writes entries as a TBX-Basic document in opt.Dialect. TBX needs at least one entry, so an empty
// glossary is an error.
func Write(w io.Writer, entries []*glossary.Entry, opt Options) error {
	if len(entries) == 0 {
		return errors.New("write tbx: the glossary has no entries (TBX needs at least one conceptEntry)")
	}
	bw := bufio.NewWriter(w)
	title := opt.Title
	if title == "" {
		title = "relloc glossary"
	}
	n := opt.Dialect.names()
	bw.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	if opt.Dialect == TBXv3 {
		fmt.Fprintf(bw, "<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"%s\" xmlns=\"%s\">\n", esc(opt.Source.String()), Namespace)
	} else {
		fmt.Fprintf(bw, "<martif type=\"TBX-Basic\" xml:lang=\"%s\">\n", esc(opt.Source.String()))
	}
	fmt.Fprintf(bw, `  <%s>
    <fileDesc>
      <sourceDesc>
        <p>%s</p>
      </sourceDesc>
    </fileDesc>
`, n.header, esc(title))
	if opt.Dialect == TBX2008 {
		bw.WriteString("    <encodingDesc>\n      <p type=\"XCSURI\">TBXBasicXCSV02.xcs</p>\n    </encodingDesc>\n")
	}
	fmt.Fprintf(bw, "  </%s>\n  <text>\n    <body>\n", n.header)
	for _, e := range entries {
		writeEntry(bw, e, opt, n)
	}
	fmt.Fprintf(bw, "    </body>\n  </text>\n</%s>\n", n.root)
	return bw.Flush()
}

func writeEntry(w *bufio.Writer, e *glossary.Entry, opt Options, n names) {
	fmt.Fprintf(w, "      <%s id=\"%s\">\n", n.entry, esc(xmlID(e.ID)))
	fmt.Fprintf(w, "        <descrip type=\"subjectField\">%s</descrip>\n", esc(string(e.Category)))
	data := dataOf(e)
	writeData(w, "        ", data.m[key{}])
	if e.Note != "" {
		fmt.Fprintf(w, "        <note>%s</note>\n", esc(e.Note))
	}
	if e.Source != "" {
		fmt.Fprintf(w, "        <admin type=\"source\">%s</admin>\n", esc(e.Source))
	}
	langs := glossedit.Languages(e, opt.Targets)
	for _, tag := range langs {
		r := e.Targets[tag]
		p := r.Policy
		if p == "" {
			p = glossary.Required
		}
		if p != glossary.Required || len(r.Accepted())+len(r.Forbidden) == 0 {
			fmt.Fprintf(w, "        <note>%s%s=%s</note>\n", policyNote, esc(tag.String()), esc(string(p)))
		}
	}
	src := opt.Source.String()
	fmt.Fprintf(w, "        <%s xml:lang=\"%s\">\n", n.langSec, esc(src))
	if e.EN.CaseSensitive {
		fmt.Fprintf(w, "          <note>%s</note>\n", caseSensitiveNote)
	}
	writeData(w, "          ", data.m[key{lang: src}])
	termSec(w, n, e.EN.Term, Preferred, data.m[key{src, e.EN.Term}])
	for _, v := range e.EN.Variants {
		termSec(w, n, v, Admitted, data.m[key{src, v}])
	}
	fmt.Fprintf(w, "        </%s>\n", n.langSec)
	for _, tag := range langs {
		r := e.Targets[tag]
		if len(r.Accepted())+len(r.Forbidden)+len(r.Context) == 0 {
			continue
		}
		l := tag.String()
		fmt.Fprintf(w, "        <%s xml:lang=\"%s\">\n", n.langSec, esc(l))
		for _, c := range r.Context {
			fmt.Fprintf(w, "          <note>%s%s</note>\n", contextNote, esc(c.String()))
		}
		writeData(w, "          ", data.m[key{lang: l}])
		if r.Term != "" {
			termSec(w, n, r.Term, Preferred, data.m[key{l, r.Term}])
		}
		for _, v := range r.Variants {
			termSec(w, n, v, Admitted, data.m[key{l, v}])
		}
		for _, f := range r.Forbidden {
			termSec(w, n, f, Deprecated, data.m[key{l, f}])
		}
		fmt.Fprintf(w, "        </%s>\n", n.langSec)
	}
	// Languages outside the workspace, kept from an imported term base, in the order of their first datum.
	for _, l := range data.otherLangs {
		fmt.Fprintf(w, "        <%s xml:lang=\"%s\">\n", n.langSec, esc(l))
		writeData(w, "          ", data.m[key{lang: l}])
		for _, t := range data.terms[l] {
			termSec(w, n, t, "", data.m[key{l, t}])
		}
		fmt.Fprintf(w, "        </%s>\n", n.langSec)
	}
	fmt.Fprintf(w, "      </%s>\n", n.entry)
}

// key places a datum: the entry (zero), a language, or a term of a language.
type key struct{ lang, term string }

// dataIndex is an entry's data grouped by where it is written.
type dataIndex struct {
	m          map[key][]glossary.Datum
	otherLangs []string            // languages that only the data has, in order
	terms      map[string][]string // their terms, in order
}

func dataOf(e *glossary.Entry) dataIndex {
	d := dataIndex{m: map[key][]glossary.Datum{}, terms: map[string][]string{}}
	for _, x := range e.Data {
		if x.Element == "term" {
			if !slices.Contains(d.terms[x.Lang], x.Value) {
				d.terms[x.Lang] = append(d.terms[x.Lang], x.Value)
			}
			if !slices.Contains(d.otherLangs, x.Lang) {
				d.otherLangs = append(d.otherLangs, x.Lang)
			}
			continue
		}
		d.m[key{x.Lang, x.Term}] = append(d.m[key{x.Lang, x.Term}], x)
	}
	return d
}

// esc escapes text for an element or a double-quoted attribute; it keeps newlines (xml.EscapeText would turn
// them into &#xA;, which is correct but unreadable) and escapes characters XML cannot hold.
func esc(s string) string {
	var b strings.Builder
	if err := xml.EscapeText(&b, []byte(s)); err != nil {
		return s
	}
	return strings.ReplaceAll(b.String(), "&#xA;", "\n")
}

// xmlID makes a glossary id an XML name: ids may start with a digit, XML names may not.
func xmlID(id string) string {
	if id != "" && id[0] >= '0' && id[0] <= '9' {
		return "_" + id
	}
	return id
}

// termSec writes one term with its administrative status and its data: termNotes first, as TBX orders them.
// A superseded status kept in the data replaces deprecated (both are forbidden forms for relloc); another
// status in the data is stale (the form moved) and is left out.
func termSec(w *bufio.Writer, n names, term, status string, data []glossary.Datum) {
	var notes, rest []glossary.Datum
	for _, d := range data {
		switch {
		case d.Element == "termNote" && d.Type == "administrativeStatus":
			if (status == Deprecated && d.Value == Superseded) || status == "" {
				status = d.Value
			}
		case d.Element == "termNote":
			notes = append(notes, d)
		default:
			rest = append(rest, d)
		}
	}
	fmt.Fprintf(w, "          <%s>\n            <term>%s</term>\n", n.termSec, esc(term))
	if status != "" {
		fmt.Fprintf(w, "            <termNote type=\"administrativeStatus\">%s</termNote>\n", status)
	}
	writeData(w, "            ", notes)
	writeData(w, "            ", rest)
	fmt.Fprintf(w, "          </%s>\n", n.termSec)
}

// writeData writes data categories as the elements they were read from.
func writeData(w *bufio.Writer, indent string, data []glossary.Datum) {
	for _, d := range data {
		if d.Element == "xref" { // the link text is not kept: the target is the datum
			fmt.Fprintf(w, "%s<xref type=\"%s\" target=\"%s\"/>\n", indent, esc(d.Type), esc(d.Value))
			continue
		}
		w.WriteString(indent + "<" + d.Element)
		if d.Type != "" {
			fmt.Fprintf(w, " type=\"%s\"", esc(d.Type))
		}
		fmt.Fprintf(w, ">%s</%s>\n", esc(d.Value), d.Element)
	}
}
