package glossedit

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/glossary"
)

// Render returns the TOML text of e in the layout of glossary/README.md: the [[entry]] table with id, category,
// note, source and data (one inline table a line), then [entry.en], then one table per target language, in the order of targets and then any
// other language of the entry in alphabetical order. Empty lists, an empty note or source, case_sensitive = false
// and policy = "required" are left out, except that a language table with nothing else in it keeps its policy so
// that the table survives a round trip.
func Render(e *glossary.Entry, targets []language.Tag) string {
	var b strings.Builder
	b.WriteString("[[entry]]\n")
	kv(&b, "id", e.ID)
	kv(&b, "category", string(e.Category))
	if e.Note != "" {
		kv(&b, "note", e.Note)
	}
	if e.Source != "" {
		kv(&b, "source", e.Source)
	}
	if len(e.Data) > 0 {
		b.WriteString("data = [\n")
		for _, d := range e.Data {
			b.WriteString("  {")
			sep := " "
			for _, f := range [][2]string{{"lang", d.Lang}, {"term", d.Term}, {"element", d.Element}, {"type", d.Type}, {"value", d.Value}} {
				if f[1] == "" {
					continue
				}
				b.WriteString(sep + f[0] + " = " + Quote(f[1]))
				sep = ", "
			}
			b.WriteString(" },\n")
		}
		b.WriteString("]\n")
	}
	b.WriteString("\n[entry.en]\n")
	kv(&b, "term", e.EN.Term)
	list(&b, "variants", e.EN.Variants)
	if e.EN.CaseSensitive {
		b.WriteString("case_sensitive = true\n")
	}
	for _, tag := range Languages(e, targets) {
		r := e.Targets[tag]
		fmt.Fprintf(&b, "\n[entry.%s]\n", tag)
		if r.Term != "" {
			kv(&b, "term", r.Term)
		}
		list(&b, "variants", r.Variants)
		list(&b, "forbidden", r.Forbidden)
		p := r.Policy
		if p == "" {
			p = glossary.Required
		}
		if p != glossary.Required || (r.Term == "" && len(r.Variants) == 0 && len(r.Forbidden) == 0) {
			kv(&b, "policy", string(p))
		}
		for _, c := range r.Context {
			fmt.Fprintf(&b, "[[entry.%s.context]]\n", tag)
			kv(&b, "form", c.Form)
			list(&b, "preceded_by", c.PrecededBy)
			list(&b, "followed_by", c.FollowedBy)
			if c.Reference {
				b.WriteString("reference = true\n")
			}
		}
	}
	return b.String()
}

// Languages returns the target languages of e: those of targets that e has, then the others sorted by tag.
func Languages(e *glossary.Entry, targets []language.Tag) []language.Tag {
	var out []language.Tag
	seen := map[language.Tag]bool{}
	for _, t := range targets {
		if _, ok := e.Targets[t]; ok && !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	var rest []language.Tag
	for t := range e.Targets {
		if !seen[t] {
			rest = append(rest, t)
		}
	}
	sort.Slice(rest, func(i, j int) bool { return rest[i].String() < rest[j].String() })
	return append(out, rest...)
}

func kv(b *strings.Builder, key, value string) {
	b.WriteString(key)
	b.WriteString(" = ")
	b.WriteString(Quote(value))
	b.WriteByte('\n')
}

func list(b *strings.Builder, key string, values []string) {
	if len(values) == 0 {
		return
	}
	b.WriteString(key)
	b.WriteString(" = [")
	for i, v := range values {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(Quote(v))
	}
	b.WriteString("]\n")
}

// Quote returns s as a TOML basic string. Quotes, backslashes and control characters are escaped, and so is any
// character that is not graphic (a zero-width space in Khmer, a byte-order mark), so that what a translator
// cannot see in an editor shows as \u200B; letters of every script are written as they are.
func Quote(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\b':
			b.WriteString(`\b`)
		case '\t':
			b.WriteString(`\t`)
		case '\n':
			b.WriteString(`\n`)
		case '\f':
			b.WriteString(`\f`)
		case '\r':
			b.WriteString(`\r`)
		default:
			switch {
			case r == utf8.RuneError && n == 1:
				b.WriteString(`\uFFFD`)
			case r == ' ' || unicode.IsGraphic(r):
				b.WriteRune(r)
			case r > 0xFFFF:
				fmt.Fprintf(&b, `\U%08X`, r)
			default:
				fmt.Fprintf(&b, `\u%04X`, r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}
