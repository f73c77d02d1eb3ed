package termmatch

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/matchform"
)

// The property tests compare the automaton with a reference that finds every occurrence of every pattern by
// strings.Index at each position of the matching form and selects from that list, on generated texts in which
// the patterns occur glued to letters, nested, repeated, in look-alike spellings and in other widths and cases.

// reference returns FindAllOverlapping's answer, found the slow way: the case-insensitive patterns in the
// matching form of the text, then, in English, the case-sensitive ones in the form that keeps case (the matches
// of both kinds then sorted by end, shortest first), as two automata found them before one did both.
func reference(m *Matcher, text string) []Match {
	var out []Match
	for _, keep := range []bool{false, true} {
		f := m.form(text, keep)
		type occ struct{ pi, s, e, pre, post int }
		var occs []occ
		for pi, p := range m.patterns {
			if keep != (m.lang == "en" && p.CaseSensitive) || m.form(p.Text, keep).Text == "" {
				continue
			}
			pre, post := m.form(p.PrecededBy, keep).Text, m.form(p.FollowedBy, keep).Text
			t := pre + m.form(p.Text, keep).Text + post
			r, _ := utf8.DecodeRuneInString(t)
			l, _ := utf8.DecodeLastRuneInString(t)
			for i := 0; i <= len(f.Text); {
				k := strings.Index(f.Text[i:], t)
				if k < 0 {
					break
				}
				s := i + k
				if boundaryOK(f.Text, s, s+len(t), m.edgeOf(r), m.edgeOf(l)) {
					occs = append(occs, occ{pi, s, s + len(t), len(pre), len(post)})
				}
				i = s + 1
			}
		}
		sort.Slice(occs, func(i, j int) bool {
			if occs[i].e != occs[j].e {
				return occs[i].e < occs[j].e
			}
			if occs[i].s != occs[j].s {
				return occs[i].s < occs[j].s
			}
			return occs[i].pi < occs[j].pi
		})
		n := len(out)
		for _, o := range occs {
			p := m.patterns[o.pi]
			s, e := f.Orig(o.s+o.pre), f.OrigEnd(o.e-o.post)
			if (p.PrecededBy != "" || p.FollowedBy != "") && slices.ContainsFunc(out, func(x Match) bool {
				return x.Start == s && x.End == e && x.ID == p.ID
			}) {
				continue
			}
			exact := text[s:e] == p.Text || m.lang == "en" && !p.CaseSensitive && strings.EqualFold(text[s:e], p.Text)
			out = append(out, Match{Start: s, End: e, Pattern: o.pi, ID: p.ID, Form: p.Form, Exact: exact})
		}
		if keep && n > 0 && len(out) > n {
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

// noise is what a generated text may hold between and inside pieces, per language: look-alike spellings,
// other widths and cases, zero-width characters, punctuation and digits.
var noise = map[string][]string{
	"en": {" ", " ", " ", ", ", ". ", "'s ", "’s ", "-", "\u00a0", "s", "1", "é", "e\u0301", "É", "(", ")", "ing ", "ß", "ẞ", "SS", "Σ", "ς"},
	"km": {" ", "\u200b", "។ ", "្", "ា", "ំ", "ក", "ត្ដ", "ត្ត", "រ្ត", "្រ", "២០", "ក្ត", "ើ", "េា"},
	"ja": {"、", "。", "・", "の", "日", "訪", "来", "カンボジア", "ｶﾞｲﾄﾞ", "ガイド", "１８", "18", "ＡＳＥＡＮ", "ASEAN", "S", "A", "\u3000"},
}

var forms = []string{"term", "variant", "context", "reference", "forbidden"}

func generated(rng *rand.Rand, lang string) (*Matcher, []string) {
	syl := append(slices.Clone(syllables[lang]), noise[lang]...)
	piece := func() string {
		var b strings.Builder
		for range 1 + rng.IntN(3) {
			b.WriteString(syl[rng.IntN(len(syl))])
		}
		return b.String()
	}
	var pats []Pattern
	for i := range 10 + rng.IntN(60) {
		p := Pattern{Text: piece(), ID: fmt.Sprint("e", rng.IntN(20)), Form: forms[rng.IntN(len(forms))]}
		if lang == "en" {
			if rng.IntN(3) == 0 {
				p.CaseSensitive = true
			}
			if rng.IntN(2) == 0 {
				p.Text = strings.ToUpper(p.Text[:1]) + p.Text[1:]
			}
		}
		switch rng.IntN(8) {
		case 0:
			p.PrecededBy = syl[rng.IntN(len(syl))]
		case 1:
			p.FollowedBy = syl[rng.IntN(len(syl))]
		}
		if rng.IntN(5) == 0 && i > 0 { // the same text again, for another entry or form
			q := pats[rng.IntN(len(pats))]
			p.Text, p.CaseSensitive = q.Text, q.CaseSensitive
		}
		pats = append(pats, p)
	}
	var texts []string
	for range 20 {
		var b strings.Builder
		for range rng.IntN(40) {
			switch rng.IntN(4) {
			case 0:
				t := pats[rng.IntN(len(pats))].Text
				if lang == "en" && rng.IntN(3) == 0 {
					t = strings.ToUpper(t)
				}
				b.WriteString(t)
			default:
				b.WriteString(syl[rng.IntN(len(syl))])
			}
		}
		texts = append(texts, b.String())
	}
	return New(language.MustParse(lang), pats), texts
}

func TestAgainstReference(t *testing.T) {
	for _, lang := range []string{"en", "km", "ja"} {
		rng := rand.New(rand.NewPCG(7, uint64(len(lang))))
		for round := range 300 {
			m, texts := generated(rng, lang)
			for _, text := range texts {
				want := reference(m, text)
				if got := m.FindAllOverlapping(text); !slices.Equal(got, want) {
					t.Fatalf("%s round %d: FindAllOverlapping(%q)\n got  %v\n want %v\npatterns %+v", lang, round, text, got, want, m.patterns)
				}
				if got, want := m.FindAll(text), LeftmostLongest(want); !slices.Equal(got, want) {
					t.Fatalf("%s round %d: FindAll(%q)\n got  %v\n want %v\npatterns %+v", lang, round, text, got, want, m.patterns)
				}
				form := matchform.For(language.MustParse(lang), text)
				if got := m.FindAllOverlappingForm(text, form); !slices.Equal(got, want) {
					t.Fatalf("%s round %d: FindAllOverlappingForm(%q)\n got  %v\n want %v", lang, round, text, got, want)
				}
				if got, want := m.FindAllForm(text, form), LeftmostLongest(want); !slices.Equal(got, want) {
					t.Fatalf("%s round %d: FindAllForm(%q)\n got  %v\n want %v", lang, round, text, got, want)
				}
			}
		}
	}
}

// TestLeftmostLongestReference compares LeftmostLongest, which orders the matches by index and copies only those
// it keeps, with sorting a copy of every match, on generated lists of up to 150 matches (past the 64 it orders on
// the stack) with shared starts, ends and forms; the list given is left as it was.
func TestLeftmostLongestReference(t *testing.T) {
	forms := []string{"term", "variant", "context", "reference", "forbidden"}
	rng := rand.New(rand.NewPCG(3, 5))
	for round := range 2000 {
		ms := make([]Match, rng.IntN(150))
		for i := range ms {
			s := rng.IntN(40)
			ms[i] = Match{Start: s, End: s + 1 + rng.IntN(6), Pattern: rng.IntN(8), Form: forms[rng.IntN(len(forms))]}
		}
		before := slices.Clone(ms)
		all := slices.Clone(ms)
		slices.SortStableFunc(all, func(a, b Match) int {
			if c := a.Start - b.Start; c != 0 {
				return c
			}
			if c := b.End - a.End; c != 0 {
				return c
			}
			if c := formRank(a.Form) - formRank(b.Form); c != 0 {
				return c
			}
			return a.Pattern - b.Pattern
		})
		var want []Match
		end := -1
		for _, x := range all {
			if x.Start >= end {
				want = append(want, x)
				end = x.End
			}
		}
		if got := LeftmostLongest(ms); !slices.Equal(got, want) {
			t.Fatalf("round %d: LeftmostLongest(%v)\n got  %v\n want %v", round, ms, got, want)
		}
		if !slices.Equal(ms, before) {
			t.Fatalf("round %d: LeftmostLongest modified its argument", round)
		}
	}
}

// TestNextIsLongestSuffix: after each byte of a text, the automaton is in the state of the longest suffix of what
// it has read that begins a pattern, and the state's code says whether a pattern ends there or at a suffix of it,
// whichever states are dense: a reference that knows nothing of rows, failure links or codes.
func TestNextIsLongestSuffix(t *testing.T) {
	alphabet := []string{"a", "b", "c", "ab", "\u1780", "\u17D2", "\u3042", "\xff", " "}
	rng := rand.New(rand.NewPCG(3, 5))
	word := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		return b.String()
	}
	for round := range 200 {
		var texts []string
		for range 1 + rng.IntN(40) {
			texts = append(texts, word(1+rng.IntN(6)))
		}
		prefixes := map[string]bool{}
		for _, p := range texts {
			for k := range len(p) + 1 {
				prefixes[p[:k]] = true
			}
		}
		var a automaton
		a.compileDense(texts, int32(rng.IntN(8)))
		states := map[string]int32{} // the state of each prefix met
		text := word(200)
		c := uint32(0)
		for i := range len(text) {
			c = a.next(c, text[i])
			want := ""
			for s := 0; s <= i+1; s++ {
				if prefixes[text[s:i+1]] {
					want = text[s : i+1]
					break
				}
			}
			s := a.state(c &^ codeEmit)
			if int(a.ends[s].depth) != len(want) {
				t.Fatalf("round %d: after %q, state %d of depth %d, want %q", round, text[:i+1], s, a.ends[s].depth, want)
			}
			if prev, ok := states[want]; ok && prev != s {
				t.Fatalf("round %d: %q is state %d and %d", round, want, prev, s)
			}
			states[want] = s
			ends := false
			for k := range len(want) {
				ends = ends || slices.Contains(texts, want[k:])
			}
			if got := c&codeEmit != 0; got != ends {
				t.Fatalf("round %d: after %q (state %q) emit = %v, want %v", round, text[:i+1], want, got, ends)
			}
			c &^= codeEmit
		}
		if len(states) != len(slices.Collect(maps.Values(states))) {
			t.Fatalf("round %d: two prefixes share a state", round)
		}
	}
}
