package glossary

import (
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"

	"github.com/relloc/relloc/internal/inputerr"
	"github.com/relloc/relloc/internal/safefile"
)

// Category is the kind of thing an entry names.
type Category string

// The categories of the glossary.
const (
	Honorific    Category = "honorific"
	Office       Category = "office"
	Organisation Category = "organisation"
	Person       Category = "person"
	Place        Category = "place"
	Event        Category = "event"
	Document     Category = "document"
	Concept      Category = "concept"
)

// Categories lists every category, in the order the documentation gives them.
var Categories = []Category{Honorific, Office, Organisation, Person, Place, Event, Document, Concept}

// ValidCategory reports whether c is one of Categories.
func ValidCategory(c Category) bool {
	for _, k := range Categories {
		if k == c {
			return true
		}
	}
	return false
}

// Policy says whether a target language must render a term.
type Policy string

// The policies. The zero value means Required.
const (
	Required Policy = "required"
	Optional Policy = "optional"
	Omit     Policy = "omit" // the language does not render the term (Japanese MOFA style drops "H.E.")
)

// ValidPolicy reports whether p is a known policy.
func ValidPolicy(p Policy) bool { return p == Required || p == Optional || p == Omit }

// English is the source-language side of an entry.
type English struct {
	Term          string   `json:"term"`
	Variants      []string `json:"variants"`
	CaseSensitive bool     `json:"caseSensitive"`
}

// Forms returns the term followed by its variants.
func (e English) Forms() []string { return append([]string{e.Term}, e.Variants...) }

// Rendering is an entry's rendering in one target language.
type Rendering struct {
	Term      string   `json:"term"`
	Variants  []string `json:"variants"`
	Forbidden []string `json:"forbidden"`
	Policy    Policy   `json:"policy"`
	// Context lists the forms that render the entry only in certain surroundings, or that refer to it without
	// spelling it (両国 for "Japan and Cambodia"). They count as renderings when the translation is checked and
	// when it is aligned, but they are not spellings of the term: check never reports them as variants and draft
	// never writes them.
	Context []Context `json:"context,omitempty"`
}

// Context is a form of an entry that counts as its rendering only where it stands right after one of
// PrecededBy or right before one of FollowedBy (日 for Japan in 訪日 and 日カンボジア, but not in 8月4日); with
// neither, it counts wherever it stands (総理, MOFA's title for Japan's prime minister).
type Context struct {
	Form       string   `json:"form"`
	PrecededBy []string `json:"precededBy,omitempty"`
	FollowedBy []string `json:"followedBy,omitempty"`
	// Reference marks a form that refers back to what the text named before instead of naming it (両国 "the
	// two countries", 我が国 "our country"): it counts as a mention, but it is no evidence of which English
	// sentence a sentence translates, so alignment does not use it.
	Reference bool `json:"reference,omitempty"`
}

// Equal reports whether c and o are the same form in the same surroundings.
func (c Context) Equal(o Context) bool {
	return c.Form == o.Form && c.Reference == o.Reference && slices.Equal(c.PrecededBy, o.PrecededBy) &&
		slices.Equal(c.FollowedBy, o.FollowedBy)
}

// Accepted returns the approved term (if any) followed by the accepted variants.
func (r *Rendering) Accepted() []string {
	var out []string
	if r.Term != "" {
		out = append(out, r.Term)
	}
	return append(out, r.Variants...)
}

// Complete reports whether the rendering has a term or an omit policy.
func (r *Rendering) Complete() bool { return r != nil && (r.Term != "" || r.Policy == Omit) }

// Datum is information about an entry that relloc keeps but does not use: a data category of a term base
// (a definition, a context, a term's part of speech or term type, an administrative status) or a term of a
// language outside the workspace, so that importing a term base and exporting it again loses nothing.
type Datum struct {
	// Lang is the language the datum belongs to, as a BCP 47 tag; empty for the entry as a whole.
	Lang string `json:"lang,omitempty"`
	// Term is the term the datum describes, one of the forms of Lang; empty for the language or the entry.
	Term string `json:"term,omitempty"`
	// Element is the TBX element that carries it: descrip, admin, termNote, note, or term for a term of a
	// language outside the workspace.
	Element string `json:"element"`
	// Type is the element's type attribute ("definition", "partOfSpeech", ...); empty for note and term.
	Type  string `json:"type,omitempty"`
	Value string `json:"value"`
}

// Pos is where an entry starts in its file.
type Pos struct {
	Path string // as given to Parse
	Line int    // line of the [[entry]] header
	// Start and End are byte offsets of the entry's text: from its leading comment block (if any) to the start
	// of the next entry's leading comments, or the end of the file.
	Start, End int
}

// Entry is one glossary entry.
type Entry struct {
	ID       string
	Category Category
	EN       English
	// Targets holds the rendering per target language. A language with no table in the file is absent.
	Targets map[language.Tag]*Rendering
	Note    string
	Source  string
	// Data holds what the entry carries from a term base that relloc does not model, in the file's order.
	Data []Datum
	Pos  Pos
	// keyLines holds the line of each key of the entry, "id", "km.term", "km.forbidden", ..., in the order of
	// the keys (keyLinesOf): a slice rather than a map, which a glossary of 5,000 entries decoded from its binary
	// form made 5,000 of.
	keyLines []keyLine
	// order is the workspace's order of target languages, for output; empty means alphabetical.
	order []language.Tag
}

// Target returns the entry's rendering for lang, or a required rendering with no term if the entry has none.
func (e *Entry) Target(lang language.Tag) *Rendering {
	if r, ok := e.Targets[lang]; ok {
		return r
	}
	return &Rendering{Policy: Required}
}

// keyLine is the line of a key of an entry.
type keyLine struct {
	key  string
	line int
}

// keyLinesOf returns the lines of the keys m gives, in the order of the keys; nil for none.
func keyLinesOf(m map[string]int) []keyLine {
	if len(m) == 0 {
		return nil
	}
	out := make([]keyLine, 0, len(m))
	for k, l := range m {
		out = append(out, keyLine{k, l})
	}
	slices.SortFunc(out, func(a, b keyLine) int { return strings.Compare(a.key, b.key) })
	return out
}

// keyLine returns the line of key, and whether the entry's file gave it.
func (e *Entry) keyLine(key string) (int, bool) {
	i, ok := slices.BinarySearchFunc(e.keyLines, key, func(k keyLine, key string) int { return strings.Compare(k.key, key) })
	if !ok {
		return 0, false
	}
	return e.keyLines[i].line, true
}

// Line returns the line of key (such as "km.forbidden") within the entry's file, or the entry's line.
func (e *Entry) Line(key string) int {
	if l, _ := e.keyLine(key); l > 0 {
		return l
	}
	return e.Pos.Line
}

// Has reports whether the entry's file gave it key ("note", "en.variants", "km.policy"): an import leaves
// alone what a file does not give.
func (e *Entry) Has(key string) bool {
	_, ok := e.keyLine(key)
	return ok
}

// Glossary is a loaded glossary: entries in file order (files sorted by name).
type Glossary struct {
	Entries []*Entry
	byID    map[string]*Entry
}

// New builds a glossary from entries that are already valid; it indexes them by id.
func New(entries []*Entry) *Glossary {
	g := &Glossary{Entries: entries, byID: make(map[string]*Entry, len(entries))}
	for _, e := range entries {
		g.byID[e.ID] = e
	}
	return g
}

// Lookup returns the entry with the given id.
func (g *Glossary) Lookup(id string) (*Entry, bool) {
	e, ok := g.byID[id]
	return e, ok
}

// Filter returns the entries of category c, or all entries when c is empty.
func (g *Glossary) Filter(c Category) []*Entry {
	if c == "" {
		return g.Entries
	}
	var out []*Entry
	for _, e := range g.Entries {
		if e.Category == c {
			out = append(out, e)
		}
	}
	return out
}

// File is the content of one glossary file.
type File struct {
	Path string // as it should appear in messages (relative to the workspace root)
	Data []byte
}

// MaxFileSize is the largest glossary file ReadDir reads: 64 MiB, thirty times a generated glossary of 5,000
// entries in one file.
const MaxFileSize = 64 << 20

// ReadDir reads every *.toml file of dir, sorted by name; rel turns a file's path into the path shown to users.
// A match that is not a regular file (a folder, a named pipe) or is larger than MaxFileSize is an input error
// naming it (safefile.ReadFile).
func ReadDir(dir string, rel func(string) string) ([]File, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.toml"))
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	files := make([]File, 0, len(names))
	for _, n := range names {
		data, err := safefile.ReadFile("", n, rel(n), MaxFileSize)
		var ie *inputerr.Error
		if errors.As(err, &ie) {
			return nil, err
		}
		if err != nil {
			return nil, fmt.Errorf("read glossary: %w", err)
		}
		files = append(files, File{Path: rel(n), Data: data})
	}
	return files, nil
}

// MarshalJSON writes the entry with one key per target language ("km", "ja", ...), between "en" and "note".
func (e *Entry) MarshalJSON() ([]byte, error) {
	var b strings.Builder
	b.WriteString("{")
	field := func(k string, v any) error {
		if b.Len() > 1 {
			b.WriteString(",")
		}
		kb, _ := json.Marshal(k)
		vb, err := json.Marshal(v)
		if err != nil {
			return err
		}
		b.Write(kb)
		b.WriteString(":")
		b.Write(vb)
		return nil
	}
	en := e.EN
	if en.Variants == nil {
		en.Variants = []string{}
	}
	if err := field("id", e.ID); err != nil {
		return nil, err
	}
	_ = field("category", e.Category)
	_ = field("en", en)
	for _, tag := range e.languages() {
		r := *e.Targets[tag]
		for _, s := range []*[]string{&r.Variants, &r.Forbidden} {
			if *s == nil {
				*s = []string{}
			}
		}
		if r.Policy == "" {
			r.Policy = Required
		}
		_ = field(tag.String(), r)
	}
	_ = field("note", e.Note)
	_ = field("source", e.Source)
	if len(e.Data) > 0 {
		_ = field("data", e.Data)
	}
	b.WriteString("}")
	return []byte(b.String()), nil
}

// languages returns the languages the entry has a table for, in the workspace's order of targets, then the
// others alphabetically.
func (e *Entry) languages() []language.Tag {
	var out []language.Tag
	for _, t := range e.order {
		if _, ok := e.Targets[t]; ok {
			out = append(out, t)
		}
	}
	for _, t := range sortedTags(e.Targets) {
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

func sortedTags(m map[language.Tag]*Rendering) []language.Tag {
	tags := make([]language.Tag, 0, len(m))
	for t := range m {
		tags = append(tags, t)
	}
	sort.Slice(tags, func(i, j int) bool { return tags[i].String() < tags[j].String() })
	return tags
}

// nfc returns s in Unicode normalization form C.
func nfc(s string) string { return norm.NFC.String(s) }

// lineEnds turns CR LF and lone CR into LF.
var lineEnds = strings.NewReplacer("\r\n", "\n", "\r", "\n")

// Prose is how a note or a source is stored: NFC, with every line ending a LF, so that a glossary edited on
// Windows, a spreadsheet cell and a TBX note read alike, and every export and import gives back what it was given.
func Prose(s string) string { return nfc(lineEnds.Replace(s)) }

// Load reads and parses every *.toml file of dir.
func Load(dir string, opt Options, rel func(string) string) (*Glossary, error) {
	files, err := ReadDir(dir, rel)
	if err != nil {
		return nil, err
	}
	return Parse(files, opt)
}

// Equal reports whether e and o say the same thing: id, category, English, every rendering (a missing table
// equals a required rendering with nothing in it; nil and empty lists are equal), note and source. Where they
// were read from does not count. Data counts, in order.
func (e *Entry) Equal(o *Entry) bool {
	if e.ID != o.ID || e.Category != o.Category || e.Note != o.Note || e.Source != o.Source || !slices.Equal(e.Data, o.Data) ||
		e.EN.Term != o.EN.Term || e.EN.CaseSensitive != o.EN.CaseSensitive || !slices.Equal(e.EN.Variants, o.EN.Variants) {
		return false
	}
	for _, tag := range append(sortedTags(e.Targets), sortedTags(o.Targets)...) {
		a, b := e.Target(tag), o.Target(tag)
		pa, pb := a.Policy, b.Policy
		if pa == "" {
			pa = Required
		}
		if pb == "" {
			pb = Required
		}
		if a.Term != b.Term || pa != pb || !slices.Equal(a.Variants, b.Variants) || !slices.Equal(a.Forbidden, b.Forbidden) ||
			!slices.EqualFunc(a.Context, b.Context, Context.Equal) {
			return false
		}
	}
	return true
}

// String writes the context form in the one-line notation of the glossary's CSV and TBX exchange: the form with
// the text that must precede it in brackets before it and the text that must follow it in brackets after it,
// alternatives separated by commas, and a reference marked with a leading "~": "[訪,来]日",
// "日[カンボジア,・カンボジア]", "総理", "~我が国".
func (c Context) String() string {
	var b strings.Builder
	if c.Reference {
		b.WriteString("~")
	}
	if len(c.PrecededBy) > 0 {
		b.WriteString("[" + strings.Join(c.PrecededBy, ",") + "]")
	}
	b.WriteString(c.Form)
	if len(c.FollowedBy) > 0 {
		b.WriteString("[" + strings.Join(c.FollowedBy, ",") + "]")
	}
	return b.String()
}

// ParseContext reads the notation of Context.String.
func ParseContext(s string) (Context, error) {
	var c Context
	rest := strings.TrimSpace(s)
	if r, ok := strings.CutPrefix(rest, "~"); ok {
		c.Reference, rest = true, strings.TrimSpace(r)
	}
	alts := func(inner string) ([]string, error) {
		var out []string
		for _, a := range strings.Split(inner, ",") {
			if a = strings.TrimSpace(a); a == "" {
				return nil, fmt.Errorf("context %q: empty alternative in brackets", s)
			}
			out = append(out, nfc(a))
		}
		return out, nil
	}
	if strings.HasPrefix(rest, "[") {
		inner, after, ok := strings.Cut(rest[1:], "]")
		if !ok {
			return c, fmt.Errorf("context %q: [ without ]", s)
		}
		var err error
		if c.PrecededBy, err = alts(inner); err != nil {
			return c, err
		}
		rest = after
	}
	if i := strings.IndexByte(rest, '['); i >= 0 {
		if !strings.HasSuffix(rest, "]") {
			return c, fmt.Errorf("context %q: [ without ] at the end", s)
		}
		var err error
		if c.FollowedBy, err = alts(rest[i+1 : len(rest)-1]); err != nil {
			return c, err
		}
		rest = rest[:i]
	}
	c.Form = nfc(strings.TrimSpace(rest))
	if c.Form == "" || strings.ContainsAny(c.Form, "[],") {
		return c, fmt.Errorf("context %q: expected FORM, [BEFORE,...]FORM or FORM[AFTER,...]", s)
	}
	return c, nil
}
