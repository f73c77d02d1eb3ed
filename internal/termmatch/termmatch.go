package termmatch

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/coregx/ahocorasick"
	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/matchform"
)

// Pattern is one string to find, for a language, with an opaque payload (the
// glossary entry id and which form).
type Pattern struct {
	Text          string // as written in the glossary
	ID            string // glossary entry id
	Form          string // "term", "variant", "context", "reference", "forbidden"
	CaseSensitive bool   // English only
	// PrecededBy and FollowedBy, when set, are text that must stand right before or right after Text for it to
	// count (日 for Japan only in 訪日 or 日カンボジア). They are matched with the pattern but are not part of
	// the match, so the partner's name after 日 is still found as a match of its own.
	PrecededBy, FollowedBy string
}

// Match is a pattern occurrence, in byte offsets of the ORIGINAL text.
type Match struct {
	Start, End int
	Pattern    int // index into the patterns given to New
	ID, Form   string
	// Exact is false when the original slice differs from the pattern text
	// (a Khmer look-alike spelling, a width variant), case aside for a
	// case-insensitive English pattern.
	Exact bool
}

// Matcher finds a fixed set of patterns in texts of one language. It is
// immutable and safe for concurrent use.
type Matcher struct {
	lang     string // base language: "en", "km", "ja" or other
	patterns []Pattern
	// fold is the automaton over the default matching form (case-folded for
	// English); exact, English only, holds the case-sensitive patterns and
	// runs over the form that keeps case.
	fold, exact *automaton
}

type automaton struct {
	ac  *ahocorasick.Automaton
	ids []int // automaton pattern id → index in Matcher.patterns
	// edges of each automaton pattern: whether its first and last runes need
	// a boundary check, and of which kind.
	first, last []edge
	// pre and post are the folded lengths of a pattern's context, trimmed
	// from a hit to give the match.
	pre, post []int
}

type edge uint8

const (
	edgeNone  edge = iota // CJK and others: no check
	edgeWord              // letter or digit: neighbour must not be a word character
	edgeKhmer             // Khmer: must not cut a syllable
)

// New builds a Matcher for lang. Each pattern is put in matching form
// (matchform.For) once; empty patterns are ignored.
func New(lang language.Tag, patterns []Pattern) *Matcher {
	b, _ := lang.Base()
	m := &Matcher{lang: b.String(), patterns: patterns}
	var fold, exact folded
	for i, p := range patterns {
		keep := m.lang == "en" && p.CaseSensitive
		t := m.form(p.Text, keep).Text
		if t == "" {
			continue
		}
		pre, post := m.form(p.PrecededBy, keep).Text, m.form(p.FollowedBy, keep).Text
		if keep {
			exact.add(pre+t+post, i, len(pre), len(post))
		} else {
			fold.add(pre+t+post, i, len(pre), len(post))
		}
	}
	m.fold = m.build(fold)
	m.exact = m.build(exact)
	return m
}

// folded collects patterns in matching form for one automaton.
type folded struct {
	texts     []string
	ids       []int
	pre, post []int
}

func (f *folded) add(text string, id, pre, post int) {
	f.texts, f.ids = append(f.texts, text), append(f.ids, id)
	f.pre, f.post = append(f.pre, pre), append(f.post, post)
}

func (m *Matcher) build(f folded) *automaton {
	texts, ids := f.texts, f.ids
	if len(texts) == 0 {
		return nil
	}
	ac, err := ahocorasick.NewBuilder().
		SetMatchKind(ahocorasick.LeftmostLongest).
		AddStrings(texts).
		Build()
	if err != nil {
		// Build fails only without patterns, which is ruled out above.
		panic("termmatch: build automaton: " + err.Error())
	}
	a := &automaton{ac: ac, ids: ids, first: make([]edge, len(texts)), last: make([]edge, len(texts)), pre: f.pre, post: f.post}
	for i, t := range texts {
		r, _ := utf8.DecodeRuneInString(t)
		l, _ := utf8.DecodeLastRuneInString(t)
		a.first[i], a.last[i] = m.edgeOf(r), m.edgeOf(l)
	}
	return a
}

// form returns the matching form of s; keepCase matters for English only.
func (m *Matcher) form(s string, keepCase bool) matchform.Form {
	switch m.lang {
	case "en":
		return matchform.English(s, keepCase)
	case "km":
		return matchform.Khmer(s)
	case "ja":
		return matchform.Japanese(s)
	}
	return matchform.NFC(s)
}

func (m *Matcher) edgeOf(r rune) edge {
	switch {
	case isKhmer(r):
		return edgeKhmer
	case m.lang == "en" && isWord(r):
		return edgeWord
	case isLatinWord(r):
		return edgeWord
	}
	return edgeNone
}

// FindAll returns the leftmost-longest non-overlapping matches in text, in
// order. Of two matches of the same span, an approved term wins over an
// accepted variant, which wins over a form counted in context, then a
// reference, then a forbidden rendering; then the pattern given first to
// New wins.
func (m *Matcher) FindAll(text string) []Match {
	return LeftmostLongest(m.FindAllOverlapping(text))
}

// LeftmostLongest selects from overlapping matches of one text (as FindAllOverlapping returns them) the
// leftmost-longest non-overlapping ones, in order, with FindAll's tie-breaks. ms is not modified, so a caller
// that keeps the overlapping matches of a text can derive both views from one pass.
func LeftmostLongest(ms []Match) []Match {
	if len(ms) < 2 {
		return slices.Clone(ms)
	}
	all := slices.Clone(ms)
	sort.SliceStable(all, func(i, j int) bool {
		if all[i].Start != all[j].Start {
			return all[i].Start < all[j].Start
		}
		if all[i].End != all[j].End {
			return all[i].End > all[j].End
		}
		if ri, rj := formRank(all[i].Form), formRank(all[j].Form); ri != rj {
			return ri < rj
		}
		return all[i].Pattern < all[j].Pattern
	})
	out := all[:0]
	end := -1
	for _, x := range all {
		if x.Start >= end {
			out = append(out, x)
			end = x.End
		}
	}
	return out
}

func formRank(form string) int {
	switch form {
	case "term":
		return 0
	case "variant":
		return 1
	case "context":
		return 2
	case "reference":
		return 3
	}
	return 4
}

// FindAllOverlapping returns every occurrence of every pattern in text, in
// order of end then start.
func (m *Matcher) FindAllOverlapping(text string) []Match {
	var out []Match
	if m.fold != nil {
		out = m.find(out, m.fold, text, false)
	}
	if m.exact != nil {
		n := len(out)
		out = m.find(out, m.exact, text, true)
		if n > 0 && len(out) > n {
			sort.SliceStable(out, func(i, j int) bool {
				if out[i].End != out[j].End {
					return out[i].End < out[j].End
				}
				return out[i].Start > out[j].Start
			})
		}
	}
	return out
}

func (m *Matcher) find(out []Match, a *automaton, text string, keepCase bool) []Match {
	f := m.form(text, keepCase)
	ft := f.Text
	for _, h := range a.ac.FindAllOverlapping([]byte(ft)) {
		if !a.boundaryOK(ft, h.Start, h.End, h.PatternID) {
			continue
		}
		pi := a.ids[h.PatternID]
		p := m.patterns[pi]
		s, e := f.Orig(h.Start+a.pre[h.PatternID]), f.OrigEnd(h.End-a.post[h.PatternID])
		slice := text[s:e]
		exact := slice == p.Text
		if !exact && m.lang == "en" && !p.CaseSensitive {
			exact = strings.EqualFold(slice, p.Text)
		}
		if p.PrecededBy != "" || p.FollowedBy != "" {
			if hasSpan(out, s, e, p.ID) {
				continue // 日 between 訪 and カンボジア counts once
			}
		}
		out = append(out, Match{Start: s, End: e, Pattern: pi, ID: p.ID, Form: p.Form, Exact: exact})
	}
	return out
}

// hasSpan reports whether ms holds a match of id over [s, e).
func hasSpan(ms []Match, s, e int, id string) bool {
	for i := len(ms) - 1; i >= 0; i-- {
		if ms[i].Start == s && ms[i].End == e && ms[i].ID == id {
			return true
		}
	}
	return false
}

// boundaryOK applies the boundary rules to a match [s, e) of the folded text.
func (a *automaton) boundaryOK(t string, s, e, id int) bool {
	switch a.first[id] {
	case edgeWord:
		if r, _ := utf8.DecodeLastRuneInString(t[:s]); s > 0 && wordNeighbour(r) {
			return false
		}
	case edgeKhmer:
		// a consonant after a coeng is a subscript of the syllable before
		if r, _ := utf8.DecodeLastRuneInString(t[:s]); s > 0 && r == '\u17D2' {
			return false
		}
	}
	switch a.last[id] {
	case edgeWord:
		if r, _ := utf8.DecodeRuneInString(t[e:]); e < len(t) && wordNeighbour(r) {
			return false
		}
	case edgeKhmer:
		if r, _ := utf8.DecodeRuneInString(t[e:]); e < len(t) && isKhmerMark(r) {
			return false
		}
		if r, _ := utf8.DecodeLastRuneInString(t[:e]); r == '\u17D2' {
			return false
		}
	}
	return true
}

// wordNeighbour reports whether r, next to a pattern's letter or digit, makes
// the match part of a longer word. CJK and Khmer letters do not: "G20サミット"
// holds "G20".
func wordNeighbour(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	if isKhmer(r) || unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) {
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// isLatinWord reports whether r is a letter or digit of an alphabetic script
// that separates words with spaces.
func isLatinWord(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.In(r, unicode.Latin, unicode.Greek, unicode.Cyrillic)
}

func isKhmer(r rune) bool { return r >= '\u1780' && r <= '\u17FF' || r >= '\u19E0' && r <= '\u19FF' }

// isKhmerMark reports whether r continues a Khmer syllable.
func isKhmerMark(r rune) bool {
	return r >= '\u17B6' && r <= '\u17D3' || r == '\u17DD'
}
