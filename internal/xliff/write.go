package xliff

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// Version is an XLIFF version.
type Version string

// The versions Write writes.
const (
	V12 Version = "1.2"
	V21 Version = "2.1"
)

// The namespaces of XLIFF 1.2 and 2.x.
const (
	Namespace12 = "urn:oasis:names:tc:xliff:document:1.2"
	Namespace2  = "urn:oasis:names:tc:xliff:document:2.0"
	// Namespace11 is XLIFF 1.1's, which Read takes as 1.2 (the elements relloc reads are the same):
	// Translate Toolkit's po2xliff writes it.
	Namespace11 = "urn:oasis:names:tc:xliff:document:1.1"
)

// State is where a unit's translation stands.
type State string

// The states relloc writes, named as in XLIFF 2.1; Write maps them to 1.2's values.
const (
	New        State = "initial"    // no translation (1.2: no target; needs-translation)
	Stale      State = "stale"      // translated from an English sentence that has changed since (1.2: needs-review-translation; 2.1: initial)
	Translated State = "translated" // translated
	Reviewed   State = "reviewed"   // the translation's front matter says reviewed (1.2: signed-off)
	Final      State = "final"      // the translation's front matter says published
)

// Unit is one segment.
type Unit struct {
	ID     string
	Source Content
	Target Content // nil: no translation
	State  State
	Notes  []string
	// Line and Column are where Read found the unit, for errors; zero in a unit that Export made.
	Line, Column int
}

// Document is one release's translation into one language.
type Document struct {
	Original   string // the English file, as a workspace path ("releases/ID/en.md")
	SourceLang string
	TargetLang string
	Units      []Unit
}

func state12(s State) string {
	switch s {
	case Stale:
		return "needs-review-translation"
	case Reviewed:
		return "signed-off"
	case Final:
		return "final"
	case New:
		return "needs-translation"
	}
	return "translated"
}

func state21(s State) string {
	switch s {
	case Stale, New:
		return "initial"
	}
	return string(s)
}

// ctype12 is the 1.2 ctype of a kind (predefined where 1.2 has one, x- otherwise).
var ctype12 = map[string]string{Strong: "bold", Emphasis: "italic", Link: "link", Sup: "x-sup", Sub: "x-sub", Code: "x-code", LineBreak: "lb"}

// subType21 is the 2.1 subType of a kind (xlf: where 2.1 defines one).
var subType21 = map[string]string{Strong: "xlf:b", Emphasis: "xlf:i", Link: "relloc:link", Sup: "relloc:sup", Sub: "relloc:sub", Code: "relloc:code", LineBreak: "xlf:lb"}

// Write writes d as XLIFF of version v.
func Write(w io.Writer, d *Document, v Version) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	if v == V21 {
		fmt.Fprintf(bw, "<xliff xmlns=\"%s\" version=\"2.1\" srcLang=\"%s\" trgLang=\"%s\">\n", Namespace2, esc(d.SourceLang), esc(d.TargetLang))
		fmt.Fprintf(bw, "  <file id=\"f1\" original=\"%s\">\n", esc(d.Original))
		for _, u := range d.Units {
			fmt.Fprintf(bw, "    <unit id=\"%s\">\n", esc(u.ID))
			if len(u.Notes) > 0 {
				bw.WriteString("      <notes>\n")
				for _, n := range u.Notes {
					fmt.Fprintf(bw, "        <note category=\"glossary\">%s</note>\n", esc(n))
				}
				bw.WriteString("      </notes>\n")
			}
			st := state21(u.State)
			if u.Target == nil {
				st = "initial"
			}
			sub := ""
			if u.State == Stale {
				sub = ` subState="relloc:stale"`
			}
			fmt.Fprintf(bw, "      <segment state=\"%s\"%s>\n        <source xml:space=\"preserve\">%s</source>\n", st, sub, inline21(u.Source))
			if u.Target != nil {
				fmt.Fprintf(bw, "        <target xml:space=\"preserve\">%s</target>\n", inline21(u.Target))
			}
			bw.WriteString("      </segment>\n    </unit>\n")
		}
		bw.WriteString("  </file>\n</xliff>\n")
		return bw.Flush()
	}
	fmt.Fprintf(bw, "<xliff xmlns=\"%s\" version=\"1.2\">\n", Namespace12)
	fmt.Fprintf(bw, "  <file original=\"%s\" source-language=\"%s\" target-language=\"%s\" datatype=\"x-markdown\">\n    <body>\n",
		esc(d.Original), esc(d.SourceLang), esc(d.TargetLang))
	for _, u := range d.Units {
		fmt.Fprintf(bw, "      <trans-unit id=\"%s\" xml:space=\"preserve\">\n        <source>%s</source>\n", esc(u.ID), inline12(u.Source))
		if u.Target != nil {
			fmt.Fprintf(bw, "        <target state=\"%s\">%s</target>\n", state12(u.State), inline12(u.Target))
		}
		for _, n := range u.Notes {
			fmt.Fprintf(bw, "        <note from=\"relloc\" annotates=\"source\">%s</note>\n", esc(n))
		}
		bw.WriteString("      </trans-unit>\n")
	}
	bw.WriteString("    </body>\n  </file>\n</xliff>\n")
	return bw.Flush()
}

func inline12(c Content) string {
	var b strings.Builder
	for _, p := range c {
		switch {
		case p.Code == nil:
			b.WriteString(esc(p.Text))
		case p.Code.Role == Standalone:
			fmt.Fprintf(&b, `<x id="%s" ctype="%s"/>`, esc(p.Code.ID), ctype(p.Code.Kind))
		case p.Code.Role == Open:
			fmt.Fprintf(&b, `<g id="%s" ctype="%s">`, esc(p.Code.ID), ctype(p.Code.Kind))
		default:
			b.WriteString("</g>")
		}
	}
	return b.String()
}

func ctype(kind string) string {
	if c, ok := ctype12[kind]; ok {
		return c
	}
	return "x-" + kind
}

func inline21(c Content) string {
	var b strings.Builder
	for _, p := range c {
		switch {
		case p.Code == nil:
			b.WriteString(esc(p.Text))
		case p.Code.Role == Standalone:
			fmt.Fprintf(&b, `<ph id="%s" type="fmt" subType="%s"/>`, esc(p.Code.ID), subType(p.Code.Kind))
		case p.Code.Role == Open:
			fmt.Fprintf(&b, `<pc id="%s" type="fmt" subType="%s">`, esc(p.Code.ID), subType(p.Code.Kind))
		default:
			b.WriteString("</pc>")
		}
	}
	return b.String()
}

func subType(kind string) string {
	if s, ok := subType21[kind]; ok {
		return s
	}
	return "relloc:" + kind
}

// esc escapes text for an element or a double-quoted attribute, keeping line ends as they are.
func esc(s string) string {
	var b strings.Builder
	if err := xml.EscapeText(&b, []byte(s)); err != nil {
		return s
	}
	return strings.ReplaceAll(b.String(), "&#xA;", "\n")
}
