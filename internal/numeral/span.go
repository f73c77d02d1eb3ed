package numeral

import (
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"

	"github.com/relloc/relloc/internal/matchform"
)

// Reading is what Find reads in a text, kept so that the numbers of a sentence of the text can be taken from it
// (Span) instead of reading the sentence again: a release reads each paragraph for alignment, then each of its
// sentences.
//
// How far a number's context reaches. Find reads a text in two stages. The first (read: the digit, kanji and
// word scans, month names, era years) decides each number from the text around it: the runs it is written in,
// the words before and after it across spaces, a sentence start before a capitalised number word. None of these
// reads crosses a sentence end, which is
//   - a stop (. ! ?, and in Khmer and Japanese 。 ！ ？ ។ ៕), perhaps followed by closing quotes or brackets
//     (" ', and in Khmer and Japanese ” ’ ) ） 」 』 »), then by nothing but plain spaces;
//   - not a decimal point or thousands separator: a "." right before a digit;
//   - not read through after an abbreviated month ("Jan."), which looks past its "." for a number: a "." is an
//     end only when no ASCII letter follows it, nor a digit after spaces and commas;
//   - and the start of a unit of the matching form: the text after it does not start with a mark, a Khmer sign or
//     a zero-width character, so that the Khmer months, read in the matching form, are cut there too.
//
// So every rule of the first stage holds to this: it looks through no stop, closing quote or bracket (no trimmed
// set and no word it compares holds one, but for the final "." of "Jan."), and a look back that reaches a stop
// answers as at the start of a text (the sentence start of "Five of them" holds after ". " and at the start,
// and after 。 only in Khmer and Japanese, where no capitalised word is read). The second stage (finish: clock
// times, units, list labels, date groups, glosses in Latin script, conversions) reads the numbers of the first
// and the whole text — whether a label is at the start of the text, which dates came before — and is run on
// the span itself.
//
// Span takes the numbers of the first stage that lie within a span both of whose ends are sentence ends (or the
// text's own ends) and runs the second on the span: exactly what Find gives for the span on its own, which
// TestSpanProperty checks on generated text cut at random places, with random text before and after it, and
// FuzzSpan on any text. A rule that reads across a sentence end breaks them.
type Reading struct {
	lang string
	text string
	read []Number // the numbers of the first stage, in order
	// maxEnd[i] is the largest End of read[:i+1], made by the first Span: whether a number read before a span's
	// start runs into it
	maxEnd  []int
	numbers []Number
	// bare are the bare Khmer number words of the text (Bare), which khmerWords puts aside as it reads the
	// numbers, and relative its relative date words (Relative), read the first time Words is called.
	bare         []Number
	relative     []Number
	haveRelative bool
}

// Read reads the numbers of s, a text in language lang: Find's, and what Span needs.
func Read(lang language.Tag, s string) *Reading { return newReading(lang, s, nil) }

// ReadForm is Read for a caller that has made the matching form of s already, as FindForm.
func ReadForm(lang language.Tag, s string, form matchform.Form) *Reading {
	return newReading(lang, s, &form)
}

func newReading(lang language.Tag, s string, form *matchform.Form) *Reading {
	r := &Reading{text: s}
	f, buf := read(lang, s, form, &r.bare)
	r.lang = f.lang
	// One slice holds the numbers read, kept for Span, and a copy of them that finish rewrites in place (own), where
	// a clone of the first and the copy times makes of the second were two.
	if n := len(f.out); n > 0 {
		both := make([]Number, 2*n)
		copy(both, f.out)
		copy(both[n:], f.out)
		r.read, f.out, f.own = both[:n:n], both[n:], true
	}
	readBuffers.Put(buf)
	f.finish()
	r.numbers = f.out
	return r
}

// Numbers returns the numbers of the text, as Find. The result must not be modified.
func (r *Reading) Numbers() []Number { return r.numbers }

// Span returns the numbers of text[start:end], as Find gives them for that text on its own, with offsets in it,
// when both ends are sentence ends or ends of the text (see Reading); else false, and the caller reads the span.
func (r *Reading) Span(start, end int) ([]Number, bool) {
	if !r.spans(start, end) {
		return nil, false
	}
	if start == end {
		return nil, true
	}
	lo := sort.Search(len(r.read), func(i int) bool { return r.read[i].Start >= start })
	if lo > 0 {
		if r.maxEnd == nil {
			r.maxEnd = make([]int, len(r.read))
			m := 0
			for i, n := range r.read {
				m = max(m, n.End)
				r.maxEnd[i] = m
			}
		}
		if r.maxEnd[lo-1] > start {
			return nil, false
		}
	}
	hi := lo
	for hi < len(r.read) && r.read[hi].Start < end {
		if r.read[hi].End > end {
			return nil, false
		}
		hi++
	}
	f := finder{lang: r.lang, s: r.text[start:end], own: true} // times rewrites the copy below in place
	if hi > lo {
		f.out = make([]Number, hi-lo)
		for i, n := range r.read[lo:hi] {
			n.Start -= start
			n.End -= start
			f.out[i] = n
		}
	}
	f.finish()
	return f.out, true
}

// spans reports whether text[start:end] is a span whose numbers the reading gives: both its ends are sentence
// ends or ends of the text.
func (r *Reading) spans(start, end int) bool {
	return start >= 0 && end <= len(r.text) && start <= end && r.startsAt(start) && r.endsAt(end)
}

// Words returns the number words of the text that Find leaves out: its relative date words (Relative) and its
// bare Khmer number words (Bare). The results must not be modified.
func (r *Reading) Words() (relative, bare []Number) {
	if !r.haveRelative {
		r.relative, r.haveRelative = relativeWords(r.lang, r.text), true
	}
	return r.relative, r.bare
}

// SpanWords returns Words of text[start:end], as Relative and Bare give them for that text on its own, with
// offsets in it, where Span gives the span's numbers (see Reading: neither reads across a sentence end); else
// false, and the caller reads the span.
func (r *Reading) SpanWords(start, end int) (relative, bare []Number, ok bool) {
	if !r.spans(start, end) {
		return nil, nil, false
	}
	all, allBare := r.Words()
	if relative, ok = within(all, start, end); !ok {
		return nil, nil, false
	}
	if bare, ok = within(allBare, start, end); !ok {
		return nil, nil, false
	}
	return relative, bare, true
}

// within returns the numbers of ns that lie within [start, end), in their order, with offsets from start; false
// when one runs across either end.
func within(ns []Number, start, end int) ([]Number, bool) {
	var out []Number
	for _, n := range ns {
		switch {
		case n.Start >= start && n.End <= end:
			n.Start -= start
			n.End -= start
			out = append(out, n)
		case n.Start < end && n.End > start:
			return nil, false
		}
	}
	return out, true
}

// startsAt reports whether a span of the text may start at i: the start of the text, or after a sentence end.
func (r *Reading) startsAt(i int) bool {
	s := r.text
	if i == 0 {
		return true
	}
	if i < len(s) && !unitStart(s[i:]) {
		return false
	}
	j := i
	for j > 0 && s[j-1] == ' ' {
		j--
	}
	for j > 0 {
		c, n := utf8.DecodeLastRuneInString(s[:j])
		if !r.closer(c) {
			break
		}
		j -= n
	}
	z, _ := utf8.DecodeLastRuneInString(s[:j])
	if j == 0 || !r.stop(z) {
		return false
	}
	next, _ := utf8.DecodeRuneInString(s[i:])
	return !(z == '.' && j == i && (isDigitRune(next) || i < len(s) && isASCIILetter(s[i])))
}

// endsAt reports whether a span of the text may end at i: the end of the text, or after a sentence end.
func (r *Reading) endsAt(i int) bool {
	s := r.text
	if i == len(s) {
		return true
	}
	if !unitStart(s[i:]) {
		return false
	}
	z, _ := utf8.DecodeLastRuneInString(s[:i])
	if !r.stop(z) && !r.closer(z) {
		return false
	}
	if z == '.' {
		// 1.5, or Jan. followed by a day: the "." does not end the reading
		if isASCIILetter(s[i]) {
			return false
		}
		t := strings.TrimLeft(s[i:], " ,\u00a0\u200b")
		if c, _ := utf8.DecodeRuneInString(t); t != "" && isDigitRune(c) {
			return false
		}
	}
	return true
}

// stop reports whether c ends a sentence: in English only . ! ?, after which a capitalised number word starts a
// sentence (sentenceStart).
func (r *Reading) stop(c rune) bool {
	switch c {
	case '.', '!', '?':
		return true
	case '。', '！', '？', '។', '៕':
		return r.lang != "en"
	}
	return false
}

// closer reports whether c is a closing quote or bracket that may stand between a stop and a sentence end: in
// English only " and ', which the look back for a sentence start passes over.
func (r *Reading) closer(c rune) bool {
	switch c {
	case '"', '\'':
		return true
	case '”', '’', ')', '）', '」', '』', '»':
		return r.lang != "en"
	}
	return false
}

// unitStart reports whether s starts a unit of the matching form of any language that nothing before it joins:
// no combining mark or other rune that composes backwards, Khmer sign, zero-width character or half-width
// (semi-)voiced sound mark.
func unitStart(s string) bool {
	c, _ := utf8.DecodeRuneInString(s)
	switch {
	case c < utf8.RuneSelf:
		return true
	case c >= '\u17B4' && c <= '\u17D3' || c == '\u17DD', matchform.IsZeroWidth(c), c == '\uFF9E' || c == '\uFF9F':
		return false
	}
	return norm.NFC.PropertiesString(s).BoundaryBefore()
}
