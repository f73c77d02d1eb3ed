package termmatch

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

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
	rank     []int8 // formRank of each pattern
	// auto is the automaton over the default matching form (case-folded for English). An English case-sensitive
	// pattern is in it folded too, and a hit of it counts only where the original text, in the form that keeps
	// case, is the pattern's (automaton.kept): one scan of one form finds both kinds.
	auto    *automaton
	scratch sync.Pool // of *scratch, FindAll's buffers
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
	m := &Matcher{lang: b.String(), patterns: patterns, rank: make([]int8, len(patterns))}
	m.scratch.New = func() any { return new(scratch) }
	// The case-insensitive patterns first, then the case-sensitive ones: of hits over the same span, those of
	// case-insensitive patterns come first, as they did when each kind had an automaton of its own.
	var f folded
	for _, cased := range []bool{false, true} {
		for i, p := range patterns {
			if cased != (m.lang == "en" && p.CaseSensitive) {
				continue
			}
			m.rank[i] = int8(formRank(p.Form))
			t := m.form(p.Text, false).Text
			if t == "" {
				continue
			}
			pre, post := m.form(p.PrecededBy, false).Text, m.form(p.FollowedBy, false).Text
			kept := ""
			if cased {
				kept = m.form(p.PrecededBy+p.Text+p.FollowedBy, true).Text
			}
			f.add(pre+t+post, i, len(pre), len(post), kept)
		}
	}
	m.auto = m.build(f)
	return m
}

// folded collects patterns in matching form for the automaton.
type folded struct {
	texts     []string
	ids       []int
	pre, post []int
	kept      []string
}

func (f *folded) add(text string, id, pre, post int, kept string) {
	f.texts, f.ids = append(f.texts, text), append(f.ids, id)
	f.pre, f.post = append(f.pre, pre), append(f.post, post)
	f.kept = append(f.kept, kept)
}

func (m *Matcher) build(f folded) *automaton {
	if len(f.texts) == 0 {
		return nil
	}
	a := &automaton{ids: f.ids, first: make([]edge, len(f.texts)), last: make([]edge, len(f.texts)),
		pre: f.pre, post: f.post, ctx: make([]bool, len(f.texts)), kept: f.kept}
	a.compile(f.texts)
	for i, t := range f.texts {
		r, _ := utf8.DecodeRuneInString(t)
		l, _ := utf8.DecodeLastRuneInString(t)
		a.first[i], a.last[i] = m.edgeOf(r), m.edgeOf(l)
		p := m.patterns[f.ids[i]]
		a.ctx[i] = p.PrecededBy != "" || p.FollowedBy != ""
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
// New wins. It is LeftmostLongest(m.FindAllOverlapping(text)), computed
// during the scan: only the best candidate of each start is kept.
func (m *Matcher) FindAll(text string) []Match { return m.findAll(text, nil) }

// FindAllForm is FindAll for a caller that has made the matching form of text already (matchform.For with the
// matcher's language), so that it is not made again.
func (m *Matcher) FindAllForm(text string, form matchform.Form) []Match {
	return m.findAll(text, &form)
}

// foldForm returns form, or the matching form of text when form is nil.
func (m *Matcher) foldForm(text string, form *matchform.Form) matchform.Form {
	if form != nil {
		return *form
	}
	return m.form(text, false)
}

func (m *Matcher) findAll(text string, form *matchform.Form) []Match {
	sc := m.scratch.Get().(*scratch)
	defer m.scratch.Put(sc)
	if m.auto == nil {
		return nil
	}
	sc.ids = sc.ids[:0]
	sc.a, sc.b = m.candidates(sc, sc.a[:0], sc.b[:0], text, m.foldForm(text, form))
	cands := sc.a
	if len(sc.b) > 0 {
		sc.c = m.merge(sc, sc.c[:0], sc.a, sc.b)
		cands = sc.c
	}
	n, end := 0, -1
	for _, c := range cands {
		if c.s >= end {
			n++
			end = c.e
		}
	}
	if n == 0 {
		return nil
	}
	out := make([]Match, 0, n)
	end = -1
	for _, c := range cands {
		if c.s >= end {
			out = append(out, m.match(text, c.s, c.e, int(c.pat)))
			end = c.e
		}
	}
	return out
}

// match returns the Match of pattern pi over text[s:e].
func (m *Matcher) match(text string, s, e, pi int) Match {
	p := &m.patterns[pi]
	slice := text[s:e]
	exact := slice == p.Text
	if !exact && m.lang == "en" && !p.CaseSensitive {
		exact = strings.EqualFold(slice, p.Text)
	}
	return Match{Start: s, End: e, Pattern: pi, ID: p.ID, Form: p.Form, Exact: exact}
}

// cand is the best match found so far that starts at s, in the original text: the longest, then the best by
// rank (formRank) and pattern order. ids heads a list in scratch.ids of the entries matched over exactly [s, e),
// which a pattern with context must not repeat (FindAllOverlapping drops such a duplicate).
type cand struct {
	s, e int
	pat  int32
	rank int8
	ids  int32
}

// scratch holds the buffers of one FindAll call, reused across calls.
type scratch struct {
	a, b, c []cand
	ids     []idLink
	// over and cased are FindAllOverlapping's.
	over, cased []Match
}

// idLink is a list cell of entry ids: the id of pattern pat, then next (-1 ends).
type idLink struct{ pat, next int32 }

// candidates appends the best candidate of each start in text to ci, of the case-insensitive patterns, and to
// cs, of the case-sensitive ones, each sorted by start. Hits come in order of end, so a new start lands at or
// near the end of its list.
func (m *Matcher) candidates(sc *scratch, ci, cs []cand, text string, f matchform.Form) ([]cand, []cand) {
	a := m.auto
	a.scan(f.Text, func(h hit) {
		if a.kept[h.id] != "" && !a.casedOK(text, f, h) {
			return
		}
		pi := a.ids[h.id]
		s, e := f.Orig(h.s+a.pre[h.id]), f.OrigEnd(h.e-a.post[h.id])
		list := &ci
		if a.kept[h.id] != "" {
			list = &cs
		}
		l := *list
		k := len(l)
		for k > 0 && l[k-1].s > s {
			k--
		}
		if k > 0 && l[k-1].s == s {
			m.improve(sc, &l[k-1], e, pi, a.ctx[h.id])
			return
		}
		sc.ids = append(sc.ids, idLink{pat: int32(pi), next: -1})
		*list = slices.Insert(l, k, cand{s: s, e: e, pat: int32(pi), rank: m.rank[pi], ids: int32(len(sc.ids) - 1)})
	})
	return ci, cs
}

// casedOK reports whether a hit of a case-sensitive pattern in the folded form f of text is, in the original
// text, the pattern in the form that keeps case.
func (a *automaton) casedOK(text string, f matchform.Form, h hit) bool {
	slice, kept := text[f.Orig(h.s):f.OrigEnd(h.e)], a.kept[h.id]
	return slice == kept || matchform.English(slice, true).Text == kept
}

// improve folds a hit of pattern pi over [c.s, e) into c.
func (m *Matcher) improve(sc *scratch, c *cand, e, pi int, ctx bool) {
	switch {
	case e < c.e:
		return
	case e > c.e:
		sc.ids = append(sc.ids, idLink{pat: int32(pi), next: -1})
		*c = cand{s: c.s, e: e, pat: int32(pi), rank: m.rank[pi], ids: int32(len(sc.ids) - 1)}
		return
	}
	id := m.patterns[pi].ID
	if ctx {
		for l := c.ids; l >= 0; l = sc.ids[l].next {
			if m.patterns[sc.ids[l].pat].ID == id {
				return // 日 between 訪 and カンボジア counts once
			}
		}
	}
	sc.ids = append(sc.ids, idLink{pat: int32(pi), next: c.ids})
	c.ids = int32(len(sc.ids) - 1)
	if r := m.rank[pi]; r < c.rank || r == c.rank && int32(pi) < c.pat {
		c.pat, c.rank = int32(pi), r
	}
}

// merge merges the candidates of the case-insensitive and the case-sensitive patterns, both sorted by start.
func (m *Matcher) merge(sc *scratch, out, a, b []cand) []cand {
	for len(a) > 0 && len(b) > 0 {
		switch {
		case a[0].s < b[0].s:
			out, a = append(out, a[0]), a[1:]
		case b[0].s < a[0].s:
			out, b = append(out, b[0]), b[1:]
		default:
			c := a[0]
			for l := b[0].ids; l >= 0; l = sc.ids[l].next {
				pi := int(sc.ids[l].pat)
				m.improve(sc, &c, b[0].e, pi, m.patterns[pi].PrecededBy != "" || m.patterns[pi].FollowedBy != "")
			}
			out, a, b = append(out, c), a[1:], b[1:]
		}
	}
	out = append(out, a...)
	return append(out, b...)
}

// LeftmostLongest selects from overlapping matches of one text (as FindAllOverlapping returns them) the
// leftmost-longest non-overlapping ones, in order, with FindAll's tie-breaks. ms is not modified, so a caller
// that keeps the overlapping matches of a text can derive both views from one pass.
func LeftmostLongest(ms []Match) []Match {
	if len(ms) < 2 {
		return slices.Clone(ms)
	}
	// The matches are ordered by index, so that only the chosen ones are copied.
	var buf [64]int32
	order := buf[:0]
	if len(ms) > len(buf) {
		order = make([]int32, 0, len(ms))
	}
	for i := range ms {
		order = append(order, int32(i))
	}
	slices.SortStableFunc(order, func(i, j int32) int {
		a, b := &ms[i], &ms[j]
		return cmp.Or(a.Start-b.Start, b.End-a.End, formRank(a.Form)-formRank(b.Form), a.Pattern-b.Pattern)
	})
	n, end := 0, -1
	for _, i := range order {
		if ms[i].Start >= end {
			n++
			end = ms[i].End
		}
	}
	out := make([]Match, 0, n)
	end = -1
	for _, i := range order {
		if ms[i].Start >= end {
			out = append(out, ms[i])
			end = ms[i].End
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
func (m *Matcher) FindAllOverlapping(text string) []Match { return m.findAllOverlapping(text, nil) }

// FindAllOverlappingForm is FindAllOverlapping for a caller that has made the matching form of text already
// (matchform.For with the matcher's language), so that it is not made again.
func (m *Matcher) FindAllOverlappingForm(text string, form matchform.Form) []Match {
	return m.findAllOverlapping(text, &form)
}

func (m *Matcher) findAllOverlapping(text string, form *matchform.Form) []Match {
	a := m.auto
	if a == nil {
		return nil
	}
	f := m.foldForm(text, form)
	// The matches of case-insensitive patterns go to out, those of case-sensitive ones to cased; a match with
	// context is dropped when one of the same entry over the same span is in its own list before it or, for a
	// case-sensitive pattern, anywhere in out (日 between 訪 and カンボジア counts once). Both grow in buffers
	// kept for the next call, and the result is copied from them once, at its size.
	sc := m.scratch.Get().(*scratch)
	defer m.scratch.Put(sc)
	out, cased := sc.over[:0], sc.cased[:0]
	defer func() { sc.over, sc.cased = out[:0], cased[:0] }()
	a.scan(f.Text, func(h hit) {
		pi := a.ids[h.id]
		s, e := f.Orig(h.s+a.pre[h.id]), f.OrigEnd(h.e-a.post[h.id])
		list := &out
		if a.kept[h.id] != "" {
			if !a.casedOK(text, f, h) {
				return
			}
			list = &cased
		}
		if a.ctx[h.id] && hasSpan(*list, s, e, m.patterns[pi].ID) {
			return
		}
		*list = append(*list, m.match(text, s, e, pi))
	})
	if len(cased) == 0 {
		return clip(out)
	}
	n := len(out)
	for _, x := range cased {
		if m.patterns[x.Pattern].PrecededBy != "" || m.patterns[x.Pattern].FollowedBy != "" {
			if hasSpan(out[:n], x.Start, x.End, x.ID) {
				continue
			}
		}
		out = append(out, x)
	}
	if n > 0 && len(out) > n {
		slices.SortStableFunc(out, func(a, b Match) int { return cmp.Or(a.End-b.End, b.Start-a.Start) })
	}
	return clip(out)
}

// clip returns a copy of ms at its length, or nil when it is empty.
func clip(ms []Match) []Match {
	if len(ms) == 0 {
		return nil
	}
	return slices.Clone(ms)
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
	return boundaryOK(t, s, e, a.first[id], a.last[id])
}

// boundaryOK applies the boundary rules for a pattern whose first and last runes are of kinds first and last to
// a match [s, e) of the folded text t.
func boundaryOK(t string, s, e int, first, last edge) bool {
	switch first {
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
	switch last {
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
