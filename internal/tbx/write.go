package tbx

import (
	"bufio"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/glossary"
	"github.com/relloc/relloc/internal/glossedit"
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
)

// Options configures Write and Read.
type Options struct {
	Source  language.Tag   // the language of the English terms
	Targets []language.Tag // target languages, in the order langSecs are written
	// Title is written in the header's sourceDesc.
	Title string
}

// Write writes entries as a TBX-Basic document. TBX needs at least one conceptEntry, so an empty glossary is an
// error.
func Write(w io.Writer, entries []*glossary.Entry, opt Options) error {
	if len(entries) == 0 {
		return errors.New("write tbx: the glossary has no entries (TBX needs at least one conceptEntry)")
	}
	bw := bufio.NewWriter(w)
	title := opt.Title
	if title == "" {
		title = "relloc glossary"
	}
	fmt.Fprintf(bw, `<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="%s" xmlns="%s">
  <tbxHeader>
    <fileDesc>
      <sourceDesc>
        <p>%s</p>
      </sourceDesc>
    </fileDesc>
  </tbxHeader>
  <text>
    <body>
`, esc(opt.Source.String()), Namespace, esc(title))
	for _, e := range entries {
		writeEntry(bw, e, opt)
	}
	bw.WriteString("    </body>\n  </text>\n</tbx>\n")
	return bw.Flush()
}

func writeEntry(w *bufio.Writer, e *glossary.Entry, opt Options) {
	fmt.Fprintf(w, "      <conceptEntry id=\"%s\">\n", esc(xmlID(e.ID)))
	fmt.Fprintf(w, "        <descrip type=\"subjectField\">%s</descrip>\n", esc(string(e.Category)))
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
	fmt.Fprintf(w, "        <langSec xml:lang=\"%s\">\n", esc(opt.Source.String()))
	if e.EN.CaseSensitive {
		fmt.Fprintf(w, "          <note>%s</note>\n", caseSensitiveNote)
	}
	termSec(w, e.EN.Term, Preferred)
	for _, v := range e.EN.Variants {
		termSec(w, v, Admitted)
	}
	w.WriteString("        </langSec>\n")
	for _, tag := range langs {
		r := e.Targets[tag]
		if len(r.Accepted())+len(r.Forbidden) == 0 {
			continue
		}
		fmt.Fprintf(w, "        <langSec xml:lang=\"%s\">\n", esc(tag.String()))
		if r.Term != "" {
			termSec(w, r.Term, Preferred)
		}
		for _, v := range r.Variants {
			termSec(w, v, Admitted)
		}
		for _, f := range r.Forbidden {
			termSec(w, f, Deprecated)
		}
		w.WriteString("        </langSec>\n")
	}
	w.WriteString("      </conceptEntry>\n")
}

func termSec(w *bufio.Writer, term, status string) {
	fmt.Fprintf(w, "          <termSec>\n            <term>%s</term>\n            <termNote type=\"administrativeStatus\">%s</termNote>\n          </termSec>\n", esc(term), status)
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
