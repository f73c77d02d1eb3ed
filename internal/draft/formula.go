package draft

import (
	"strings"

	"github.com/relloc/relloc/internal/localefmt"
	"github.com/relloc/relloc/internal/termmatch"
)

// DefaultMessages are the catalogue messages the drafter looks for in an English release: whole blocks or lines
// of blocks that it renders from the catalogue. The drafter knows what their fields hold: Date an English date
// (written with localefmt), Place a place and A and B participants (rendered through the glossary).
var DefaultMessages = []string{
	"letterhead.kingdom", "letterhead.motto", "letterhead.ministry",
	"doctype.press-release", "doctype.joint-statement", "doctype.joint-press-release", "doctype.statement",
	"formula.telephone-conversation", "formula.on-date", "formula.place-date",
}

// fieldNames are the template fields a formula may use; each is rendered with a sentinel to find where the
// field's text sits in the English message.
var fieldNames = []string{"A", "B", "Date", "Place"}

const sentinel = "\x00"

// part is a literal piece of an English message or one of its fields.
type part struct {
	literal string
	field   string
}

// formula is one catalogue message as a pattern over English text.
type formula struct {
	id    string
	parts []part
}

// parseFormula splits the English rendering of a message, made with sentinel field values, into parts.
func parseFormula(id, rendered string) formula {
	f := formula{id: id}
	pieces := strings.Split(rendered, sentinel)
	for i, p := range pieces {
		if i%2 == 0 {
			if p != "" {
				f.parts = append(f.parts, part{literal: foldSpace(p)})
			}
			continue
		}
		f.parts = append(f.parts, part{field: p})
	}
	return f
}

// match matches the whole of text (white space already folded) against the formula, case-insensitively.
// A field never starts or ends inside a glossary term of text (terms), so that "A and B" does not split
// "Minister of Foreign Affairs and International Cooperation". It returns the fields' texts.
func (f formula) match(text string, terms []termmatch.Match) (map[string]string, bool) {
	fields := map[string]string{}
	inTerm := func(i int) bool {
		for _, m := range terms {
			if i > m.Start && i < m.End {
				return true
			}
		}
		return false
	}
	var at func(pos, k int) bool
	at = func(pos, k int) bool {
		if k == len(f.parts) {
			return pos == len(text)
		}
		p := f.parts[k]
		if p.field == "" {
			n := len(p.literal)
			if pos+n > len(text) || !strings.EqualFold(text[pos:pos+n], p.literal) {
				return false
			}
			return at(pos+n, k+1)
		}
		for end := pos + 1; end <= len(text); end++ {
			if k+1 == len(f.parts) {
				end = len(text) // a last field runs to the end
			} else if next := f.parts[k+1].literal; next != "" &&
				(end+len(next) > len(text) || !strings.EqualFold(text[end:end+len(next)], next)) {
				continue
			}
			if inTerm(pos) || inTerm(end) {
				continue
			}
			v := text[pos:end]
			if !validField(p.field, v) {
				continue
			}
			fields[p.field] = v
			if at(end, k+1) {
				return true
			}
		}
		delete(fields, p.field)
		return false
	}
	if !at(0, 0) {
		return nil, false
	}
	return fields, true
}

// validField reports whether v can be the text of field: a Date must be an English date; every field must be
// more than punctuation.
func validField(field, v string) bool {
	v = trimField(v)
	if v == "" {
		return false
	}
	if field == "Date" {
		_, ok := localefmt.ParseEnglishDate(v)
		return ok
	}
	return true
}

// trimField drops the white space and the commas around a field's text ("Sokhonn, Minister ..., and").
func trimField(v string) string { return strings.Trim(v, " ,;") }

// formulas renders the English of every known message.
func (d *drafter) formulas() []formula {
	if d.in.Catalog == nil {
		return nil
	}
	data := map[string]any{}
	for _, n := range fieldNames {
		data[n] = sentinel + n + sentinel
	}
	ids := d.in.Messages
	if ids == nil {
		ids = DefaultMessages
	}
	var out []formula
	for _, id := range ids {
		en, err := d.in.Catalog.Localize(d.in.Source, id, data)
		if err != nil || strings.TrimSpace(strings.ReplaceAll(en, sentinel, "")) == "" {
			continue
		}
		out = append(out, parseFormula(id, en))
	}
	return out
}

// catalogue renders text (one line of a block, or a whole block or sentence) from the catalogue when it matches a
// known message. review is true when a field had to be rendered through the glossary and still needs a
// translator's eye (participants are rendered in English word order).
func (d *drafter) catalogue(text string) (out string, review, ok bool) {
	text = foldSpace(text)
	if text == "" {
		return "", false, false
	}
	if c, seen := d.catalogued[text]; seen {
		return c.out, c.review, c.ok
	}
	out, review, ok = d.catalogueText(text)
	if d.catalogued == nil {
		d.catalogued = map[string]catalogued{}
	}
	d.catalogued[text] = catalogued{out, review, ok}
	return out, review, ok
}

// catalogueText is catalogue of a text it has not been asked before.
func (d *drafter) catalogueText(text string) (out string, review, ok bool) {
	var terms []termmatch.Match
	if mt := d.in.Anchors.Matcher(d.in.Source); mt != nil {
		terms = mt.FindAll(text)
	}
	for _, f := range d.forms {
		fields, ok := f.match(text, terms)
		if !ok {
			continue
		}
		data := map[string]any{}
		for name, v := range fields {
			v = trimField(v)
			switch name {
			case "Date":
				t, _ := localefmt.ParseEnglishDate(v)
				s, err := localefmt.Date(d.lang, t, localefmt.Prose)
				if err != nil {
					return "", false, false
				}
				data[name] = s
			case "Place":
				s := d.renderEnglish(v)
				review = review || hasLatin(s)
				data[name] = s
			default:
				data[name] = d.renderEnglish(v)
				review = true
			}
		}
		s, err := d.in.Catalog.Localize(d.lang, f.id, data)
		if err != nil {
			continue
		}
		return s, review, true
	}
	return "", false, false
}
