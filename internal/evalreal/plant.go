package evalreal

import (
	"hash/fnv"
	"math/rand/v2"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/glossary"
)

// Kind is a kind of planted fault.
type Kind string

// The kinds of fault the evaluation plants.
const (
	Number Kind = "number" // a number of the translation changed
	Drop   Kind = "drop"   // a sentence of the translation deleted
	Title  Kind = "title"  // an office or honorific rendered as another entry of its category
)

// Kinds lists every kind, in report order.
var Kinds = []Kind{Number, Drop, Title}

// Rules are the rules whose new error findings count as catching a fault of each kind.
var Rules = map[Kind][]string{
	Number: {"number-mismatch"},
	Drop:   {"segment-missing"},
	Title:  {"glossary-missing", "glossary-forbidden"},
}

// Fault is one planted fault: the translation file Path of Release with Data in place of its text.
type Fault struct {
	Kind    Kind
	Release string // release folder, e.g. releases/2022-08-04-…
	Lang    string
	Path    string
	Line    int    // line of the change in the altered file's original
	What    string // what was changed, for the report
	Data    []byte
}

// seedFor gives each (release, language, kind) its own generator, so that whether one fault can be planted
// does not move the others.
func seedFor(seed uint64, release, lang string, kind Kind) *rand.Rand {
	h := fnv.New64a()
	h.Write([]byte(release + "\x00" + lang + "\x00" + string(kind)))
	return rand.New(rand.NewPCG(seed, h.Sum64()))
}

// Plant plants one fault of kind in the translation text of a release, given its English text; ok is false
// when the text offers no place for one.
func Plant(seed uint64, kind Kind, release, lang string, en, text []byte, g *glossary.Glossary) (f Fault, ok bool) {
	r := seedFor(seed, release, lang, kind)
	var out []byte
	var line int
	var what string
	switch kind {
	case Number:
		out, line, what, ok = plantNumber(r, string(en), string(text))
	case Drop:
		out, line, what, ok = plantDrop(r, lang, string(text))
	case Title:
		out, line, what, ok = plantTitle(r, lang, string(en), string(text), g)
	}
	if !ok {
		return Fault{}, false
	}
	return Fault{Kind: kind, Release: release, Lang: lang, Path: release + "/" + lang + ".md", Line: line,
		What: what, Data: out}, true
}

// body returns the offset where the text after the front matter starts.
func body(text string) int {
	if !strings.HasPrefix(text, "+++") {
		return 0
	}
	if i := strings.Index(text[3:], "\n+++"); i >= 0 {
		return 3 + i + 4
	}
	return 0
}

func lineAt(text string, off int) int { return strings.Count(text[:off], "\n") + 1 }

var (
	digitRun = regexp.MustCompile(`[0-9０-９០-៩]+`)
	// listLabel is a list or section label at the start of a line: "1.", "(1)", "2)", "- (3)".
	listLabel = regexp.MustCompile(`^[ \t]*(?:[-*+][ \t]+)?[(（]?$`)
)

// digitValue reads a run of ASCII, full-width or Khmer digits.
func digitValue(s string) string {
	var b strings.Builder
	for _, c := range s {
		switch {
		case c >= '0' && c <= '9':
			b.WriteRune(c)
		case c >= '０' && c <= '９':
			b.WriteRune('0' + c - '０')
		case c >= '០' && c <= '៩':
			b.WriteRune('0' + c - '០')
		}
	}
	return strings.TrimLeft(b.String(), "0")
}

// englishNumbers are the values of the digit runs of the English text, thousands separators removed.
func englishNumbers(en string) map[string]bool {
	en = regexp.MustCompile(`(\d),(\d{3})`).ReplaceAllString(en, "$1$2")
	out := map[string]bool{}
	for _, m := range digitRun.FindAllString(en, -1) {
		out[digitValue(m)] = true
	}
	return out
}

// plantNumber changes the last digit of a number that the English also has: a quantity, not a list label,
// not part of a name such as COVID-19 or G20.
func plantNumber(r *rand.Rand, en, text string) ([]byte, int, string, bool) {
	want := englishNumbers(en)
	start := body(text)
	var cands [][]int
	for _, m := range digitRun.FindAllStringIndex(text[start:], -1) {
		m[0] += start
		m[1] += start
		v := digitValue(text[m[0]:m[1]])
		if v == "" || !want[v] {
			continue
		}
		if p, _ := utf8.DecodeLastRuneInString(text[:m[0]]); p == '-' || p == '‐' || unicode.IsLetter(p) && p < 0x2E80 && !isKhmer(p) {
			continue // COVID-19, G20
		}
		if c, _ := utf8.DecodeRuneInString(text[m[1]:]); unicode.IsLetter(c) && c < 0x2E80 && !isKhmer(c) {
			continue // 3rd, 70th
		}
		ls := strings.LastIndexByte(text[:m[0]], '\n') + 1
		if listLabel.MatchString(text[ls:m[0]]) {
			if c, _ := utf8.DecodeRuneInString(text[m[1]:]); strings.ContainsRune(".)）", c) {
				continue // a list label
			}
		}
		cands = append(cands, m)
	}
	if len(cands) == 0 {
		return nil, 0, "", false
	}
	m := cands[r.IntN(len(cands))]
	num := text[m[0]:m[1]]
	last, size := utf8.DecodeLastRuneInString(num)
	var zero rune
	switch {
	case last >= '0' && last <= '9':
		zero = '0'
	case last >= '０' && last <= '９':
		zero = '０'
	default:
		zero = '០'
	}
	changed := num[:len(num)-size] + string(zero+(last-zero+3)%10)
	out := text[:m[0]] + changed + text[m[1]:]
	return []byte(out), lineAt(text, m[0]), num + " → " + changed, true
}

func isKhmer(c rune) bool { return c >= 0x1780 && c <= 0x17FF || c >= 0x19E0 && c <= 0x19FF }

// sentenceEnd matches the end of a sentence of the translation, with any closing quote or bracket.
var sentenceEnd = map[string]*regexp.Regexp{
	"ja": regexp.MustCompile(`[。！？!?][」』）)”"]*`),
	"km": regexp.MustCompile(`[។៕?!][”»"]*`),
}

// plantDrop deletes one sentence of a paragraph of two or more, or a whole one-sentence paragraph. Headings,
// list labels and lines without a sentence end (date lines, titles) are left alone.
func plantDrop(r *rand.Rand, lang, text string) ([]byte, int, string, bool) {
	end := sentenceEnd[lang]
	if end == nil {
		end = regexp.MustCompile(`[.!?]["”’)]*(?:\s|$)`)
	}
	type span struct{ from, to int }
	var cands []span
	start := body(text)
	for off := start; off < len(text); {
		nl := strings.IndexByte(text[off:], '\n')
		lineEnd := len(text)
		if nl >= 0 {
			lineEnd = off + nl
		}
		line := text[off:lineEnd]
		if t := strings.TrimSpace(line); t != "" && !strings.HasPrefix(t, "#") {
			ends := end.FindAllStringIndex(line, -1)
			prev := 0
			var sents []span
			for _, e := range ends {
				if utf8.RuneCountInString(strings.TrimSpace(line[prev:e[1]])) >= 8 {
					sents = append(sents, span{off + prev, off + e[1]})
				}
				prev = e[1]
			}
			switch {
			case len(ends) == 1 && strings.TrimSpace(line[ends[0][1]:]) == "" && len(sents) == 1:
				// a one-sentence paragraph: drop the line and the blank line after it
				to := lineEnd
				if to < len(text) {
					to++
				}
				if to < len(text) && text[to] == '\n' {
					to++
				}
				cands = append(cands, span{off, to})
			case len(ends) >= 2:
				cands = append(cands, sents...)
			}
		}
		if nl < 0 {
			break
		}
		off = lineEnd + 1
	}
	if len(cands) == 0 {
		return nil, 0, "", false
	}
	s := cands[r.IntN(len(cands))]
	dropped := strings.TrimSpace(text[s.from:s.to])
	out := text[:s.from] + text[s.to:]
	return []byte(out), lineAt(text, s.from), "dropped " + clip(dropped, 40), true
}

// plantTitle replaces one occurrence of an office or honorific rendering with the term of another entry of
// the same category. Only a title that the English gives is replaced: a title the translator added where the
// English has none (メイ首相 for "Theresa May") is no rendering of the English, and no glossary check can know
// which title its person holds.
func plantTitle(r *rand.Rand, lang, en, text string, g *glossary.Glossary) ([]byte, int, string, bool) {
	lowerEN := strings.ToLower(en)
	tag := language.Make(lang)
	type cand struct {
		off  int
		form string
		e    *glossary.Entry
	}
	var cands []cand
	start := body(text)
	for _, cat := range []glossary.Category{glossary.Office, glossary.Honorific} {
		for _, e := range g.Filter(cat) {
			rd := e.Target(tag)
			if rd == nil || !mentions(lowerEN, e) {
				continue
			}
			for _, form := range rd.Accepted() {
				if form == "" {
					continue
				}
				for i := start; ; {
					j := strings.Index(text[i:], form)
					if j < 0 {
						break
					}
					cands = append(cands, cand{i + j, form, e})
					i += j + len(form)
				}
			}
		}
	}
	if len(cands) == 0 {
		return nil, 0, "", false
	}
	c := cands[r.IntN(len(cands))]
	var others []string
	for _, e := range g.Filter(c.e.Category) {
		rd := e.Target(tag)
		if e == c.e || rd == nil || rd.Term == "" || strings.Contains(rd.Term, c.form) || strings.Contains(c.form, rd.Term) ||
			accepts(c.e.Target(tag), rd.Term) {
			continue // not a different title: the replacement is itself an accepted rendering of the entry
		}
		others = append(others, rd.Term)
	}
	if len(others) == 0 {
		return nil, 0, "", false
	}
	repl := others[r.IntN(len(others))]
	out := text[:c.off] + repl + text[c.off+len(c.form):]
	return []byte(out), lineAt(text, c.off), c.form + " → " + repl, true
}

func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

func accepts(rd *glossary.Rendering, s string) bool {
	for _, a := range rd.Accepted() {
		if a == s {
			return true
		}
	}
	return false
}

// mentions reports whether the lower-cased English text has one of the entry's English forms.
func mentions(lowerEN string, e *glossary.Entry) bool {
	for _, f := range e.EN.Forms() {
		if f != "" && strings.Contains(lowerEN, strings.ToLower(f)) {
			return true
		}
	}
	return false
}
