package bitext

import (
	"cmp"
	"slices"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"

	"github.com/relloc/relloc/internal/matchform"
	"github.com/relloc/relloc/internal/termmatch"
)

// derive returns the overlapping matches of text, a span of a block (Within), from the block's pass, in the
// span's offsets, when they are exactly what matching the span on its own gives (TestDerivedMatchesProperty);
// else false, and the caller matches the span itself. The source language's spans are not derived: its
// overlapping matches are read by no rule of check, and its leftmost-longest ones are derived from the block's
// leftmost-longest ones (deriveLongest).
//
// The matcher reads a text in its matching form, and decides a hit from the hit's bytes, the rune on each side
// of it (the word-boundary and Khmer syllable tests) and, for a pattern with context, the text before or after
// it. So the span's matches are the block's that lie inside the span when:
//   - the matching form of the block, cut at the span's edges, is the form of the span (cleanCut): no NFC
//     composition, width folding or Khmer syllable runs across an edge;
//   - a hit at an edge passes its boundary test in the block as at the end of a text (cleanBefore, cleanAfter):
//     the rune across the edge is no letter, digit, mark or coeng, or the hit's own rune there is punctuation;
//   - no match of the block crosses an edge;
//   - no match in the span is of a pattern with context, whose context may lie outside the span (訪 | 日), and
//     whose duplicate over the same span (日カンボジア) the block's pass dropped.
//
// Otherwise, which a segmenter's sentences rarely are, the span is matched on its own.
func (a *Anchors) derive(lang language.Tag, lm *langMatcher, p *textPass, text string) ([]termmatch.Match, bool) {
	if p.block.text == "" || lang == a.source {
		return nil, false
	}
	b := p.block.text
	start, end := p.block.start, p.block.start+len(text)
	if !cleanBefore(b, start) || !cleanAfter(b, end) {
		return nil, false
	}
	ms := a.matches(lang, lm, p.block.pass, b)
	n := 0
	for _, m := range ms {
		switch {
		case m.End <= start || m.Start >= end:
			continue
		case m.Start < start || m.End > end, lm.context[m.Pattern]:
			return nil, false
		}
		n++
	}
	if n == 0 {
		return nil, true
	}
	out := make([]termmatch.Match, 0, n)
	for _, m := range ms {
		if m.Start >= start && m.End <= end {
			m.Start -= start
			m.End -= start
			out = append(out, m)
		}
	}
	return out, true
}

// deriveLongest returns the leftmost-longest matches of text, a span of a block (Within), from the block's
// leftmost-longest matches, in the span's offsets, when they are exactly what FindAll of the span on its own
// gives (TestDerivedMatchesProperty); else false, and the caller matches the span itself. It serves a matcher
// without patterns that count in context (the source language's), for which the conditions are those of derive
// but the one on crossing matches, which holds of the leftmost-longest matches alone:
//   - when the span's edges are clean (cleanBefore, cleanAfter), the span's overlapping matches are the block's
//     that lie inside it, which is what derive relies on too;
//   - the leftmost-longest choice is greedy, by start: from the end of the last match chosen, the next is the
//     best of the earliest start. When no match the block's choice keeps crosses an edge, the choice reaches the
//     span's start at or after the end of every match chosen before it, and from there it chooses in the block
//     what it chooses in the span alone: the earliest start in the span is the same in both, and so is its best
//     match, since a better one of the block at that start would end past the span and be chosen, crossing its
//     end.
func (a *Anchors) deriveLongest(lang language.Tag, lm *langMatcher, p *textPass, text string) ([]termmatch.Match, bool) {
	if p.block.text == "" || lm.anyContext {
		return nil, false
	}
	b := p.block.text
	start, end := p.block.start, p.block.start+len(text)
	if !cleanBefore(b, start) || !cleanAfter(b, end) {
		return nil, false
	}
	ms := a.longest(lang, lm, p.block.pass, b) // in order, without overlaps: starts and ends both ascend
	i, _ := slices.BinarySearchFunc(ms, start, func(m termmatch.Match, x int) int { return cmp.Compare(m.End, x+1) })
	j, _ := slices.BinarySearchFunc(ms, end, func(m termmatch.Match, x int) int { return cmp.Compare(m.Start, x) })
	if i >= j {
		return nil, true
	}
	if ms[i].Start < start || ms[j-1].End > end {
		return nil, false
	}
	out := make([]termmatch.Match, j-i)
	for k, m := range ms[i:j] {
		m.Start -= start
		m.End -= start
		out[k] = m
	}
	return out, true
}

// cleanBefore reports whether a span of b may start at i: the block's matching form is cut there (cleanCut),
// and a hit starting at i passes its boundary test in the block as at the start of a text: the rune before i is
// punctuation or a space, or the rune at i (the hit's first) is one whose test does not read the rune before
// (punctuation, a kanji, a kana) or reads only whether it is a coeng (Khmer), which cleanCut rules out.
func cleanBefore(b string, i int) bool {
	if i == 0 {
		return true
	}
	prev, _ := utf8.DecodeLastRuneInString(b[:i])
	r, _ := utf8.DecodeRuneInString(b[i:])
	return (separator(prev) || separator(r) || unspaced(r)) && cleanCut(b, i)
}

// cleanAfter reports whether a span of b may end at i: the block's matching form is cut there, and a hit ending
// at i passes its boundary test in the block as at the end of a text: the rune at i is one that no hit is joined
// to (punctuation, a space, a kanji, a kana, a Khmer consonant), or the rune before i (the hit's last) is
// punctuation or a space, whose test reads at most whether the next rune is a Khmer sign, which cleanCut rules
// out.
func cleanAfter(b string, i int) bool {
	if i == len(b) {
		return true
	}
	prev, _ := utf8.DecodeLastRuneInString(b[:i])
	r, _ := utf8.DecodeRuneInString(b[i:])
	return (separator(r) || unspaced(r) || separator(prev)) && cleanCut(b, i)
}

// cleanCut reports whether the matching form of b (matchform.For, in any language) is the form of b[:i]
// followed by the form of b[i:], with the offsets of each: b[i] starts a unit that nothing before it joins.
// The rune at i must start an NFC segment that cannot combine backwards, and be neither a Khmer dependent sign
// (which continues a syllable), a zero-width character (which a Khmer syllable skips) nor a half-width
// (semi-)voiced sound mark (composed onto the kana before it); the rune before i must not be a coeng (whose
// syllable takes the next consonant) or a zero-width character.
func cleanCut(b string, i int) bool {
	prev, _ := utf8.DecodeLastRuneInString(b[:i])
	r, _ := utf8.DecodeRuneInString(b[i:])
	switch {
	case prev == '\u17D2' || matchform.IsZeroWidth(prev):
		return false
	case khmerSign(r) || matchform.IsZeroWidth(r) || r == '\uFF9E' || r == '\uFF9F':
		return false
	case r < utf8.RuneSelf && prev < utf8.RuneSelf:
		return true
	}
	return norm.NFC.PropertiesString(b[i:]).BoundaryBefore()
}

// khmerSign reports whether r is a Khmer character that is neither a consonant, an independent vowel nor
// punctuation: the dependent vowels and signs that continue a syllable (U+17B4–U+17D3, U+17DD).
func khmerSign(r rune) bool { return r >= '\u17B4' && r <= '\u17D3' || r == '\u17DD' }

// separator reports whether r is punctuation or a space whose matching form is too: never a word character, so
// that a boundary test reading it passes as at the end of a text. The half-width and full-width forms, which
// width folding turns into letters and digits as well as punctuation, are left out.
func separator(r rune) bool {
	if r < utf8.RuneSelf {
		return !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9') && r >= ' ' && r != 0x7F
	}
	if r >= '\uFF00' && r <= '\uFFEF' {
		return false
	}
	return unicode.IsPunct(r) || unicode.IsSpace(r)
}

// unspaced reports whether r is a letter of Japanese or Khmer that the boundary tests do not read as joining a
// word: a kanji, hiragana or katakana (not a half-width form), or a Khmer consonant or independent vowel.
func unspaced(r rune) bool {
	if r >= '\u1780' && r <= '\u17B3' {
		return true
	}
	if r >= '\uFF00' && r <= '\uFFEF' || !unicode.IsLetter(r) {
		return false
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana)
}
