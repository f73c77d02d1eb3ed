package draft

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/glossary"
	"github.com/relloc/relloc/internal/localefmt"
	"github.com/relloc/relloc/internal/numeral"
)

var (
	anniversaryRE = regexp.MustCompile(`\b(\d+)(?:st|nd|rd|th) [Aa]nniversary\b`)
	// khmerCommaRE is an English comma and space between two Khmer words; a grouped number (១,០០០) has no space.
	khmerCommaRE = regexp.MustCompile(`(\p{Khmer}),\s+(\p{Khmer})`)
)

// renderEnglish writes the English text s with its glossary terms replaced by their renderings in the target
// language and its dates, anniversaries, ordinals and numbers written for the language. Whatever is left is
// English. Where two replacements overlap, the earlier kind in that list wins, then the leftmost.
func (d *drafter) renderEnglish(s string) string {
	var spans []edit
	taken := func(a, b int) bool {
		for _, sp := range spans {
			if a < sp.end && sp.start < b {
				return true
			}
		}
		return false
	}
	add := func(a, b int, text string) {
		if a < b && !taken(a, b) {
			spans = append(spans, edit{a, b, text})
		}
	}
	for _, m := range localefmt.FindEnglishDates(s) {
		var out string
		var err error
		if m.Range {
			out, err = localefmt.DateRange(d.lang, m.From, m.To, localefmt.Prose)
		} else {
			out, err = localefmt.Date(d.lang, m.From, localefmt.Prose)
		}
		if err == nil {
			add(m.Start, m.End, out)
		}
	}
	for _, m := range anniversaryRE.FindAllStringSubmatchIndex(s, -1) {
		if n, err := strconv.Atoi(s[m[2]:m[3]]); err == nil {
			add(m[0], m[1], localefmt.Anniversary(d.lang, n))
		}
	}
	// Rendered persons and offices, for the Japanese order name+office.
	var persons, offices []edit
	if mt := d.in.Anchors.Matcher(d.in.Source); mt != nil {
		for _, m := range mt.FindAll(s) {
			if m.Form == "forbidden" {
				continue
			}
			e, ok := d.in.Glossary.Lookup(m.ID)
			if !ok {
				continue
			}
			r := e.Target(d.lang)
			switch {
			case r.Policy == glossary.Omit:
				end := m.End
				if end < len(s) && s[end] == ' ' {
					end++
				}
				add(m.Start, end, "")
			case r.Term != "":
				if !taken(m.Start, m.End) {
					switch e.Category {
					case glossary.Person:
						persons = append(persons, edit{m.Start, m.End, r.Term})
					case glossary.Office:
						offices = append(offices, edit{m.Start, m.End, r.Term})
					}
				}
				add(m.Start, m.End, r.Term)
			}
		}
	}
	// Ordinals and numbers as package numeral reads them; month names, which it also reads as numbers, stay
	// words here (dates were rendered whole above).
	for _, n := range numeral.Find(d.in.Source, s) {
		switch {
		case n.Kind == "month" || !startsWithDigit(s[n.Start:n.End]):
		case n.Ordinal:
			add(n.Start, n.End, localefmt.Ordinal(d.lang, int(n.Value)))
		default:
			add(n.Start, n.End, d.number(s[n.Start:n.End]))
		}
	}
	if base, _ := d.lang.Base(); base.String() == "ja" {
		// Japanese writes the office right after the name (林芳正外務大臣), where English puts a comma between
		// them ("H.E. HAYASHI Yoshimasa, Minister for Foreign Affairs of Japan").
		for _, p := range persons {
			for _, o := range offices {
				if o.start == p.end+len(", ") && s[p.end:o.start] == ", " {
					add(p.end, o.start, "")
				}
			}
		}
	}
	out := string(applyEdits([]byte(s), spans))
	if base, _ := d.lang.Base(); base.String() == "km" {
		out = khmerPunctuation(out)
	}
	return out
}

// khmerPunctuation replaces the English commas left between rendered Khmer parts by a space, the way Khmer
// separates a name from its title or a date from what follows (ប្រាក់ សុខុន រដ្ឋមន្ត្រីការបរទេស…, not
// ប្រាក់ សុខុន, រដ្ឋមន្ត្រី…). A comma between English words, still to be translated, stays.
func khmerPunctuation(s string) string {
	// Matches share a character when two commas follow each other closely; repeat until none is left.
	for {
		t := khmerCommaRE.ReplaceAllString(s, "$1 $2")
		if t == s {
			return t
		}
		s = t
	}
}

func startsWithDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

// number writes a number of English text for the target language: grouped or decimal numbers through
// localefmt.Number, plain digit strings (years, counts) digit by digit, as a year must not be grouped.
func (d *drafter) number(s string) string {
	if !strings.ContainsAny(s, ",.") {
		return localefmt.Digits(d.lang, s)
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	if err != nil {
		return localefmt.Digits(d.lang, s)
	}
	decimals := 0
	if _, frac, ok := strings.Cut(s, "."); ok {
		decimals = len(frac)
	}
	return localefmt.Number(d.lang, v, decimals)
}

// hasLatin reports whether s has a Latin letter: text left in English.
func hasLatin(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Latin, r) {
			return true
		}
	}
	return false
}

// joinSentences joins drafted sentences as the target language writes them: Japanese runs sentences together
// after 。, Khmer and English separate them with a space.
func joinSentences(lang language.Tag, prev, next string) string {
	if prev == "" {
		return next
	}
	base, _ := lang.Base()
	if ja, _ := language.Japanese.Base(); base == ja && strings.HasSuffix(prev, "。") {
		return prev + next
	}
	return prev + " " + next
}
