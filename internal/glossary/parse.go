package glossary

import (
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/inputerr"
	"github.com/relloc/relloc/internal/ui"
)

// Options configures Parse.
type Options struct {
	// Targets are the target languages of the workspace; a language table for any other language is an error.
	// When empty, any valid language tag is accepted.
	Targets []language.Tag
	// Partial accepts entries without a category or an English term, as an import file that changes some
	// fields of existing entries gives them; a category or term that is there must still be valid.
	Partial bool
}

var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// langSyntax is the shape of a BCP 47 tag. The language of a datum may be one golang.org/x/text does not
// know ("xx", which Translate Toolkit writes for an unnamed target language): it is kept as written.
var langSyntax = regexp.MustCompile(`^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$`)

// Parse parses and validates the given glossary files. It reports every problem it finds, as an inputerr.List.
func Parse(files []File, opt Options) (*Glossary, error) {
	var (
		entries []*Entry
		errs    inputerr.List
		first   = map[string]*Entry{}
	)
	for _, f := range files {
		es, err := parseFile(f, opt)
		if err != nil {
			if l, ok := err.(inputerr.List); ok {
				errs = append(errs, l...)
			} else {
				errs = append(errs, err.(*inputerr.Error))
			}
		}
		// Entries of a file with other errors still take part in the duplicate check, so that one run
		// reports every problem.
		for _, e := range es {
			if e.ID == "" {
				continue
			}
			if prev, dup := first[e.ID]; dup {
				errs = append(errs, inputerr.Say(e.Pos.Path, e.Line("id"), 1,
					"GlossaryDuplicateID", ui.Args{"ID": strconv.Quote(e.ID), "First": fmt.Sprintf("%s:%d", prev.Pos.Path, prev.Line("id"))}))
				continue
			}
			first[e.ID] = e
			entries = append(entries, e)
		}
	}
	if len(errs) > 0 {
		sort.SliceStable(errs, func(i, j int) bool {
			if errs[i].Path != errs[j].Path {
				return errs[i].Path < errs[j].Path
			}
			return errs[i].Line < errs[j].Line
		})
		return nil, errs
	}
	return New(entries), nil
}

type rawFile struct {
	Entry []map[string]any `toml:"entry"`
}

// parseFile decodes one file; positions come from a separate pass of the unstable parser.
func parseFile(f File, opt Options) ([]*Entry, error) {
	var raw rawFile
	dec := toml.NewDecoder(bytes.NewReader(f.Data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&raw); err != nil {
		return nil, inputerr.FromTOML(f.Path, 0, err)
	}
	spans, err := scanPositions(f.Data)
	if err != nil {
		return nil, inputerr.FromTOML(f.Path, 0, err)
	}
	if len(spans) != len(raw.Entry) {
		return nil, inputerr.Say(f.Path, 1, 1, "GlossaryLocate", ui.Args{"Found": len(spans), "Entries": len(raw.Entry)})
	}
	var errs inputerr.List
	out := make([]*Entry, 0, len(raw.Entry))
	for i, m := range raw.Entry {
		sp := spans[i]
		e := &Entry{Targets: map[language.Tag]*Rendering{}, keyLines: keyLinesOf(sp.keys), order: opt.Targets,
			Pos: Pos{Path: f.Path, Line: sp.line, Start: sp.start, End: sp.end}}
		bad := func(key, id string, args ui.Args) {
			errs = append(errs, inputerr.Say(f.Path, e.Line(key), 1, id, args))
		}
		decodeEntry(e, m, opt, bad)
		out = append(out, e)
	}
	if len(errs) > 0 {
		return out, errs
	}
	return out, nil
}

func decodeEntry(e *Entry, m map[string]any, opt Options, bad func(key, id string, args ui.Args)) {
	str := func(key string, v any) string {
		s, ok := v.(string)
		if !ok {
			bad(key, "MustBeString", ui.Args{"Key": key})
		}
		return nfc(s)
	}
	for k, v := range m {
		switch k {
		case "id":
			e.ID = str(k, v)
		case "category":
			e.Category = Category(str(k, v))
		case "note":
			e.Note = Prose(str(k, v))
		case "source":
			e.Source = Prose(str(k, v))
		case "data":
			e.Data = decodeData(v, bad)
		case "en":
			t, ok := v.(map[string]any)
			if !ok {
				bad(k, "MustBeTable", ui.Args{"Key": "en"})
				continue
			}
			decodeEnglish(&e.EN, t, bad)
		default:
			tag, err := language.Parse(k)
			if err != nil || !knownTarget(tag, opt.Targets) {
				bad(k, "GlossaryUnknownKey", ui.Args{"Key": strconv.Quote(k)})
				continue
			}
			t, ok := v.(map[string]any)
			if !ok {
				bad(k, "MustBeTable", ui.Args{"Key": k})
				continue
			}
			r := &Rendering{}
			decodeRendering(k, r, t, bad)
			e.Targets[tag] = r
		}
	}
	switch {
	case e.ID == "":
		bad("", "GlossaryNoID", nil)
	case !idPattern.MatchString(e.ID):
		bad("id", "GlossaryBadID", ui.Args{"ID": strconv.Quote(e.ID)})
	}
	if !ValidCategory(e.Category) && !(opt.Partial && e.Category == "") {
		bad("category", "GlossaryBadCategory", ui.Args{"Category": strconv.Quote(string(e.Category)), "Categories": categoryList()})
	}
	if strings.TrimSpace(e.EN.Term) == "" && !(opt.Partial && !e.Has("en.term")) {
		bad("en.term", "GlossaryNoEnglish", ui.Args{"ID": strconv.Quote(e.ID)})
	}
	// A term is matched in text and printed in findings: a control character (an ANSI escape pasted from a
	// terminal, a tab or line break from a spreadsheet cell) can match nothing and would reach the terminal.
	plain := func(key string, forms ...string) {
		for _, f := range forms {
			if strings.ContainsFunc(f, unicode.IsControl) || !utf8.ValidString(f) {
				bad(key, "GlossaryControl", ui.Args{"Key": key, "Form": strconv.Quote(f)})
			} else if f != strings.TrimSpace(f) {
				// CSV and TBX cells lose them, and " H.E. " would come back as the term itself.
				bad(key, "GlossarySpaces", ui.Args{"Key": key, "Form": strconv.Quote(f)})
			}
		}
	}
	plain("en.term", e.EN.Term)
	plain("en.variants", e.EN.Variants...)
	for _, tag := range sortedTags(e.Targets) {
		r := e.Targets[tag]
		lang := tag.String()
		plain(lang+".term", r.Term)
		plain(lang+".variants", r.Variants...)
		plain(lang+".forbidden", r.Forbidden...)
		if !ValidPolicy(r.Policy) {
			bad(lang+".policy", "GlossaryBadPolicy", ui.Args{"Lang": lang, "Policy": strconv.Quote(string(r.Policy))})
		}
		forbidden := map[string]bool{}
		for _, f := range r.Forbidden {
			forbidden[f] = true
		}
		for _, a := range r.Accepted() {
			if forbidden[a] {
				bad(lang+".forbidden", "GlossaryRenderingForbidden", ui.Args{"Lang": lang, "Form": strconv.Quote(a), "ID": strconv.Quote(e.ID)})
			}
		}
		for _, c := range r.Context {
			if forbidden[c.Form] && len(c.PrecededBy) == 0 && len(c.FollowedBy) == 0 {
				bad(lang+".context", "GlossaryContextForbidden", ui.Args{"Lang": lang, "Form": strconv.Quote(c.Form), "ID": strconv.Quote(e.ID)})
			}
		}
	}
}

func decodeEnglish(en *English, t map[string]any, bad func(key, id string, args ui.Args)) {
	for k, v := range t {
		switch k {
		case "term":
			s, ok := v.(string)
			if !ok {
				bad("en.term", "MustBeString", ui.Args{"Key": "en.term"})
			}
			en.Term = nfc(s)
		case "variants":
			en.Variants = stringList("en."+k, v, bad)
		case "case_sensitive":
			b, ok := v.(bool)
			if !ok {
				bad("en.case_sensitive", "MustBeBool", ui.Args{"Key": "en.case_sensitive"})
			}
			en.CaseSensitive = b
		default:
			bad("en."+k, "GlossaryUnknownEnglishKey", ui.Args{"Key": "en." + k})
		}
	}
}

func decodeRendering(lang string, r *Rendering, t map[string]any, bad func(key, id string, args ui.Args)) {
	r.Policy = Required
	for k, v := range t {
		key := lang + "." + k
		switch k {
		case "term":
			s, ok := v.(string)
			if !ok {
				bad(key, "MustBeString", ui.Args{"Key": key})
			}
			r.Term = nfc(s)
		case "variants":
			r.Variants = stringList(key, v, bad)
		case "forbidden":
			r.Forbidden = stringList(key, v, bad)
		case "policy":
			s, _ := v.(string)
			r.Policy = Policy(s)
		case "context":
			r.Context = contextList(key, v, bad)
		default:
			bad(key, "GlossaryUnknownTargetKey", ui.Args{"Key": key})
		}
	}
}

// decodeData reads the data array: inline tables with element and value, and optionally lang, term, type.
func decodeData(v any, bad func(key, id string, args ui.Args)) []Datum {
	arr, ok := v.([]any)
	if !ok {
		bad("data", "GlossaryDataArray", nil)
		return nil
	}
	out := make([]Datum, 0, len(arr))
	for _, x := range arr {
		t, ok := x.(map[string]any)
		if !ok {
			bad("data", "GlossaryDataArray", nil)
			continue
		}
		var d Datum
		for k, v := range t {
			s, ok := v.(string)
			if !ok {
				bad("data", "MustBeString", ui.Args{"Key": "data." + k})
				continue
			}
			s = nfc(s)
			switch k {
			case "lang":
				d.Lang = s
			case "term":
				d.Term = s
			case "element":
				d.Element = s
			case "type":
				d.Type = s
			case "value":
				d.Value = s
			default:
				bad("data", "GlossaryUnknownDataKey", ui.Args{"Key": "data." + k})
			}
		}
		if d.Element == "" || d.Value == "" {
			bad("data", "GlossaryDataNeeds", nil)
			continue
		}
		if d.Lang != "" && !langSyntax.MatchString(d.Lang) {
			bad("data", "GlossaryDataLang", ui.Args{"Lang": strconv.Quote(d.Lang)})
		}
		out = append(out, d)
	}
	return out
}

// contextList decodes an array of tables [[entry.LANG.context]] with form, preceded_by and followed_by.
func contextList(key string, v any, bad func(key, id string, args ui.Args)) []Context {
	var tables []map[string]any
	switch x := v.(type) {
	case []map[string]any:
		tables = x
	case []any:
		for _, t := range x {
			m, ok := t.(map[string]any)
			if !ok {
				bad(key, "MustBeTableArray", ui.Args{"Key": key})
				return nil
			}
			tables = append(tables, m)
		}
	default:
		bad(key, "MustBeTableArray", ui.Args{"Key": key})
		return nil
	}
	out := make([]Context, 0, len(tables))
	for _, t := range tables {
		var c Context
		for k, v := range t {
			switch k {
			case "form":
				s, ok := v.(string)
				if !ok || strings.TrimSpace(s) == "" {
					bad(key+".form", "MustBeNonEmptyString", ui.Args{"Key": key + ".form"})
				}
				c.Form = nfc(s)
			case "preceded_by":
				c.PrecededBy = stringList(key+"."+k, v, bad)
			case "followed_by":
				c.FollowedBy = stringList(key+"."+k, v, bad)
			case "reference":
				b, ok := v.(bool)
				if !ok {
					bad(key+"."+k, "MustBeBool", ui.Args{"Key": key + ".reference"})
				}
				c.Reference = b
			default:
				bad(key+"."+k, "GlossaryUnknownContextKey", ui.Args{"Key": key + "." + k})
			}
		}
		if c.Form == "" {
			bad(key, "GlossaryNoForm", ui.Args{"Key": key})
			continue
		}
		out = append(out, c)
	}
	return out
}

func stringList(key string, v any, bad func(key, id string, args ui.Args)) []string {
	arr, ok := v.([]any)
	if !ok {
		bad(key, "MustBeStrings", ui.Args{"Key": key})
		return nil
	}
	out := make([]string, 0, len(arr))
	for _, x := range arr {
		s, ok := x.(string)
		if !ok || strings.TrimSpace(s) == "" {
			bad(key, "MustHoldNonEmpty", ui.Args{"Key": key})
			continue
		}
		out = append(out, nfc(s))
	}
	return out
}

func knownTarget(tag language.Tag, targets []language.Tag) bool {
	if tag == language.Und {
		return false
	}
	if len(targets) == 0 {
		return true
	}
	for _, t := range targets {
		if t == tag {
			return true
		}
	}
	return false
}

func categoryList() string {
	s := make([]string, len(Categories))
	for i, c := range Categories {
		s[i] = string(c)
	}
	return strings.Join(s, ", ")
}

// entrySpan is where one [[entry]] table sits in a file.
type entrySpan struct {
	line       int
	start, end int
	keys       map[string]int
}

// scanPositions finds each [[entry]] table with the line of each of its keys, and the byte range of its text
// including the comment lines directly above its header.
func scanPositions(data []byte) ([]entrySpan, error) {
	lines := lineStarts(data)
	lineOf := func(off uint32) int { return sort.Search(len(lines), func(i int) bool { return lines[i] > int(off) }) }
	var (
		spans []entrySpan
		table string
		buf   []byte
		p     unstable.Parser
	)
	p.Reset(data)
	for p.NextExpression() {
		n := p.Expression()
		if n.Kind == unstable.Comment {
			continue
		}
		// The dotted key is joined in buf, reused, and made a string only where it is kept.
		buf = buf[:0]
		var keyOff uint32
		it := n.Key()
		for it.Next() {
			k := it.Node()
			if len(buf) == 0 {
				keyOff = k.Raw.Offset
			} else {
				buf = append(buf, '.')
			}
			buf = append(buf, k.Data...)
		}
		switch n.Kind {
		case unstable.ArrayTable:
			table = ""
			if sub, ok := bytes.CutPrefix(buf, []byte("entry.")); ok && len(spans) > 0 {
				// [[entry.ja.context]]: its keys are recorded as ja.context.form, ...
				table = string(sub)
				if _, seen := spans[len(spans)-1].keys[table]; !seen {
					spans[len(spans)-1].keys[table] = lineOf(keyOff)
				}
				continue
			}
			if string(buf) != "entry" {
				continue
			}
			line := lineOf(keyOff)
			spans = append(spans, entrySpan{line: line, start: leadingCommentStart(data, lines, line), keys: map[string]int{}})
		case unstable.Table:
			sub, ok := bytes.CutPrefix(buf, []byte("entry."))
			table = string(sub)
			if len(spans) > 0 && ok {
				spans[len(spans)-1].keys[table] = lineOf(keyOff)
			}
		case unstable.KeyValue:
			if len(spans) == 0 {
				continue
			}
			var full string
			if table != "" {
				full = table + "." + string(buf)
			} else {
				full = string(buf)
			}
			spans[len(spans)-1].keys[full] = lineOf(keyOff)
		}
	}
	if err := p.Error(); err != nil {
		return nil, err
	}
	for i := range spans {
		if i+1 < len(spans) {
			spans[i].end = spans[i+1].start
		} else {
			spans[i].end = len(data)
		}
	}
	return spans, nil
}

// lineStarts returns the byte offset at which each line starts.
func lineStarts(data []byte) []int {
	starts := []int{0}
	for i, b := range data {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// leadingCommentStart returns the offset of the first of the comment lines directly above line (1-based).
func leadingCommentStart(data []byte, lines []int, line int) int {
	l := line - 1 // 0-based index of the header line
	for l > 0 {
		prev := data[lines[l-1]:lines[l]]
		if t := bytes.TrimSpace(prev); len(t) == 0 || t[0] != '#' {
			break
		}
		l--
	}
	return lines[l]
}

// String returns "path:line" of the entry.
func (p Pos) String() string { return fmt.Sprintf("%s:%d", p.Path, p.Line) }
