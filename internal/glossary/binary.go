package glossary

import (
	"encoding/binary"
	"errors"
	"math"

	"golang.org/x/text/language"
)

// The binary form of a parsed glossary (Encode, Decode) is what a cache keeps of it, so that a command reads a
// glossary that has not changed without parsing its TOML again (5,000 entries: about 100 ms to parse, a few to
// decode). It holds every field of every entry, the positions of its keys included, so that what Decode gives is
// what Parse gave, down to a list given empty rather than not given. It is read from one string: every string of
// the glossary is a part of it, made with no copy.
//
// A value is a varint (a count, a line, an offset, a bool as 0 or 1) or a string (its length and its bytes); a
// list that may be absent is its length plus one, 0 for none. An entry is: id, category, English term, its
// variants, case_sensitive, per target language (a count, then each) its tag, term, variants, forbidden, policy
// and contexts (form, preceded_by, followed_by, reference), note, source, data (lang, term, element, type, value),
// path, line, start, end, and its keys with their lines (a count, then each key and line in the order of the keys).

// binaryVersion is the version of the binary form, the first value of it.
const binaryVersion = 2

// errBinary says that a binary form cannot be read: it was cut short or damaged.
var errBinary = errors.New("glossary: the binary form is damaged")

// Encode returns the binary form of g, which Decode reads back.
func Encode(g *Glossary) []byte {
	b := binary.AppendUvarint(nil, binaryVersion)
	b = binary.AppendUvarint(b, uint64(len(g.Entries)))
	for _, e := range g.Entries {
		b = appendEntry(b, e)
	}
	return b
}

func appendEntry(b []byte, e *Entry) []byte {
	b = appendStrings(b, e.ID, string(e.Category), e.EN.Term)
	b = appendList(b, e.EN.Variants)
	b = appendBool(b, e.EN.CaseSensitive)
	b = binary.AppendUvarint(b, uint64(len(e.Targets)))
	for _, tag := range sortedTags(e.Targets) {
		r := e.Targets[tag]
		b = appendStrings(b, tag.String(), r.Term)
		b = appendList(b, r.Variants)
		b = appendList(b, r.Forbidden)
		b = appendStrings(b, string(r.Policy))
		b = appendCount(b, len(r.Context), r.Context == nil)
		for _, c := range r.Context {
			b = appendStrings(b, c.Form)
			b = appendList(b, c.PrecededBy)
			b = appendList(b, c.FollowedBy)
			b = appendBool(b, c.Reference)
		}
	}
	b = appendStrings(b, e.Note, e.Source)
	b = appendCount(b, len(e.Data), e.Data == nil)
	for _, d := range e.Data {
		b = appendStrings(b, d.Lang, d.Term, d.Element, d.Type, d.Value)
	}
	b = appendStrings(b, e.Pos.Path)
	for _, n := range []int{e.Pos.Line, e.Pos.Start, e.Pos.End} {
		b = binary.AppendVarint(b, int64(n))
	}
	b = binary.AppendUvarint(b, uint64(len(e.keyLines)))
	for _, k := range e.keyLines {
		b = appendStrings(b, k.key)
		b = binary.AppendVarint(b, int64(k.line))
	}
	return b
}

func appendStrings(b []byte, ss ...string) []byte {
	for _, s := range ss {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	return b
}

// appendCount appends the length of a list that may be absent (none).
func appendCount(b []byte, n int, none bool) []byte {
	if none {
		return binary.AppendUvarint(b, 0)
	}
	return binary.AppendUvarint(b, uint64(n)+1)
}

func appendList(b []byte, ss []string) []byte {
	b = appendCount(b, len(ss), ss == nil)
	return appendStrings(b, ss...)
}

func appendBool(b []byte, v bool) []byte {
	if v {
		return append(b, 1)
	}
	return append(b, 0)
}

// Decode reads the binary form of a glossary that Encode made of what Parse gave with opt, and returns that
// glossary; an error when the form cannot be read.
func Decode(data []byte, opt Options) (*Glossary, error) {
	d := decoder{data: string(data), tags: map[string]language.Tag{}}
	if v := d.uvarint(); v != binaryVersion {
		return nil, errBinary
	}
	n := d.uvarint()
	if d.err != nil || n > uint64(len(d.data)) {
		return nil, errBinary
	}
	var entries []*Entry // nil for none, as Parse gives it
	if n > 0 {
		entries = make([]*Entry, 0, n)
	}
	for range n {
		e := d.entry(opt)
		if d.err != nil {
			return nil, d.err
		}
		entries = append(entries, e)
	}
	if d.off != len(d.data) {
		return nil, errBinary
	}
	return New(entries), nil
}

// decoder reads a binary form; its first error stops it, and every read after it gives zero values.
type decoder struct {
	data string
	off  int
	err  error
	tags map[string]language.Tag // the tags read, by their strings
}

func (d *decoder) fail() {
	if d.err == nil {
		d.err = errBinary
	}
	d.off = len(d.data)
}

func (d *decoder) uvarint() uint64 {
	var x uint64
	for shift := uint(0); d.off < len(d.data) && shift < 64; shift += 7 {
		c := d.data[d.off]
		d.off++
		x |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return x
		}
	}
	d.fail()
	return 0
}

func (d *decoder) int() int {
	u := d.uvarint()
	v := int64(u>>1) ^ -int64(u&1)
	if v < math.MinInt || v > math.MaxInt {
		d.fail()
		return 0
	}
	return int(v)
}

func (d *decoder) bool() bool {
	switch d.uvarint() {
	case 0:
		return false
	case 1:
		return true
	}
	d.fail()
	return false
}

func (d *decoder) string() string {
	n := d.uvarint()
	if n > uint64(len(d.data)-d.off) {
		d.fail()
		return ""
	}
	s := d.data[d.off : d.off+int(n)]
	d.off += int(n)
	return s
}

// count reads the length of a list that may be absent: ok is false for none. A list longer than what is left
// to read is damage.
func (d *decoder) count() (n int, ok bool) {
	c := d.uvarint()
	if c == 0 {
		return 0, false
	}
	if c-1 > uint64(len(d.data)-d.off) {
		d.fail()
		return 0, false
	}
	return int(c - 1), true
}

func (d *decoder) list() []string {
	n, ok := d.count()
	if !ok {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = d.string()
	}
	return out
}

func (d *decoder) tag() language.Tag {
	s := d.string()
	if t, ok := d.tags[s]; ok {
		return t
	}
	t, err := language.Parse(s)
	if err != nil {
		d.fail()
	}
	d.tags[s] = t
	return t
}

func (d *decoder) entry(opt Options) *Entry {
	e := &Entry{ID: d.string(), Category: Category(d.string()), order: opt.Targets}
	e.EN = English{Term: d.string(), Variants: d.list(), CaseSensitive: d.bool()}
	n := d.uvarint()
	if n > uint64(len(d.data)-d.off) {
		d.fail()
		return nil
	}
	e.Targets = make(map[language.Tag]*Rendering, n)
	for range n {
		tag := d.tag()
		r := &Rendering{Term: d.string(), Variants: d.list(), Forbidden: d.list(), Policy: Policy(d.string())}
		if n, ok := d.count(); ok {
			r.Context = make([]Context, n)
			for i := range r.Context {
				r.Context[i] = Context{Form: d.string(), PrecededBy: d.list(), FollowedBy: d.list(), Reference: d.bool()}
			}
		}
		e.Targets[tag] = r
	}
	e.Note, e.Source = d.string(), d.string()
	if n, ok := d.count(); ok {
		e.Data = make([]Datum, n)
		for i := range e.Data {
			e.Data[i] = Datum{Lang: d.string(), Term: d.string(), Element: d.string(), Type: d.string(), Value: d.string()}
		}
	}
	e.Pos = Pos{Path: d.string(), Line: d.int(), Start: d.int(), End: d.int()}
	if n := d.uvarint(); n > uint64(len(d.data)-d.off) {
		d.fail()
	} else if n > 0 {
		e.keyLines = make([]keyLine, n)
		for i := range e.keyLines {
			e.keyLines[i] = keyLine{key: d.string(), line: d.int()}
		}
	}
	return e
}
