package coverage

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a byte range [Start, End) of a text.
type Span struct{ Start, End int }

// Text is one block of an English release with the spans the glossary already matches.
type Text struct {
	Release string
	Text    string
	Covered []Span
}

// titles are words that put a name after them; a single capitalised word after one is a candidate.
var titles = map[string]bool{
	"h.e.": true, "mr.": true, "mrs.": true, "ms.": true, "dr.": true, "prof.": true, "mr": true, "mrs": true, "ms": true,
	"dr": true, "ambassador": true, "minister": true, "president": true, "secretary-general": true, "king": true,
	"queen": true, "prince": true, "princess": true, "samdech": true, "excellency": true, "senator": true,
	"governor": true, "chairman": true, "chairperson": true, "general": true,
}

// connectors may join capitalised words inside a name ("Minister of Foreign Affairs", "Ambassador Extraordinary
// and Plenipotentiary").
var connectors = map[string]bool{"of": true, "and": true, "for": true, "the": true, "on": true, "in": true, "de": true}

// leading are capitalised words that start sentences rather than names; they are dropped from a run's start.
var leading = map[string]bool{
	"the": true, "a": true, "an": true, "on": true, "in": true, "at": true, "by": true, "for": true, "from": true,
	"with": true, "during": true, "after": true, "before": true, "following": true, "apart": true, "both": true,
	"he": true, "she": true, "they": true, "it": true, "we": true, "his": true, "her": true, "their": true, "its": true,
	"this": true, "that": true, "these": true, "those": true, "as": true, "and": true, "but": true, "also": true,
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
}

// word is a token of a text.
type word struct {
	text       string
	start, end int
	covered    bool
	// gapBefore is true when something other than spaces (punctuation, a line break) separates the word from the
	// previous one: names do not run across it.
	gapBefore bool
}

// words splits text into words: letters and digits with the apostrophes, periods and hyphens inside them
// ("H.E.", "Leaders'", "ASEAN-Japan", "Covid-19").
func words(text string, covered []Span) []word {
	return appendWords(make([]word, 0, len(text)/6), text, covered) // English words average five letters and a space
}

// appendWords appends the words of text to out (words).
func appendWords(out []word, text string, covered []Span) []word {
	// Spans sorted and apart, as a matcher's leftmost-longest matches are, are passed in order as the words
	// are; any others are each compared with every word.
	inOrder := slices.IsSortedFunc(covered, func(a, b Span) int { return a.Start - b.Start })
	for i := 1; inOrder && i < len(covered); i++ {
		inOrder = covered[i-1].End <= covered[i].Start
	}
	next := 0 // with inOrder, the first span that does not end before the current word
	gap := true
	// ASCII, most of an English text, is read a byte at a time without decoding it or calling inWord.
	for i := 0; i < len(text); {
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:])
		}
		if !(r < utf8.RuneSelf && asciiWord[r] || r >= utf8.RuneSelf && inWord(r)) {
			if r != ' ' && r != '\u00a0' {
				gap = true
			}
			i += n
			continue
		}
		start := i
		for i < len(text) {
			if c := text[i]; c < utf8.RuneSelf && asciiWord[c] {
				i++
				continue
			}
			r, n := utf8.DecodeRuneInString(text[i:])
			if inWord(r) {
				i += n
				continue
			}
			// Inner punctuation: "H.E.", "Leaders'", "ASEAN-Japan", "Cambodia's".
			if r == '.' || r == '\'' || r == '’' || r == '-' {
				next, _ := utf8.DecodeRuneInString(text[i+n:])
				if inWord(next) || (r == '.' && isAbbrev(text[start:i])) || ((r == '\'' || r == '’') && strings.HasSuffix(text[start:i], "s")) {
					i += n
					continue
				}
			}
			break
		}
		w := word{text: text[start:i], start: start, end: i, gapBefore: gap}
		if inOrder {
			for next < len(covered) && covered[next].End <= w.start {
				next++
			}
			// Spans that do not end before the word start in order: only the first can start before its end.
			w.covered = next < len(covered) && covered[next].Start < w.end
		} else {
			for _, c := range covered {
				if c.Start < w.end && w.start < c.End {
					w.covered = true
				}
			}
		}
		out = append(out, w)
		gap = false
	}
	return out
}

// inWord reports whether r belongs in a word: a letter, a digit or a mark, which in ASCII is a letter or a
// digit.
func inWord(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// asciiWord tells the ASCII characters in a word (inWord): letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

// isAbbrev reports whether s followed by "." is an abbreviation such as "Mr", "Dr" or "H.E".
func isAbbrev(s string) bool {
	return titles[strings.ToLower(s)+"."] || strings.Contains(s, ".")
}

func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// allCaps reports whether w has at least two letters, all upper-case.
func allCaps(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}

// shouting reports whether most letters of text are capitals: a heading like "PRESS RELEASE", where every
// word would look like a family name.
func shouting(text string) bool {
	up, letters := 0, 0
	for i := 0; i < len(text); i++ {
		// ASCII, most of an English text, is counted without decoding it or looking it up in the tables.
		if c := text[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				up++
				letters++
			} else if 'a' <= c && c <= 'z' {
				letters++
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n - 1
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				up++
			}
		}
	}
	return letters > 0 && up*10 >= letters*8
}

// Extract returns the candidate phrases of one text, as spans, skipping the covered spans.
func Extract(text string, covered []Span) []Span {
	out, _ := extract(text, covered, nil)
	return out
}

// extract is Extract, with ws the room for text's words, which it returns for the next text: the words of a
// release's blocks are held one block at a time.
func extract(text string, covered []Span, ws []word) ([]Span, []word) {
	if shouting(text) {
		return nil, ws
	}
	ws = appendWords(ws[:0], text, covered)
	var out []Span
	for i := 0; i < len(ws); {
		if ws[i].covered || !capitalised(ws[i].text) {
			i++
			continue
		}
		// A run of capitalised words with connectors between them.
		j := i + 1
		for j < len(ws) && !ws[j].gapBefore && !ws[j].covered && !possessive(ws[j-1].text) {
			if capitalised(ws[j].text) {
				j++
				continue
			}
			// One or two connectors ("of", "of the") followed by a capitalised word.
			k := j
			for k < len(ws) && k < j+2 && connectors[ws[k].text] && !ws[k].gapBefore && !ws[k].covered {
				k++
			}
			if k > j && k < len(ws) && !ws[k].gapBefore && !ws[k].covered && capitalised(ws[k].text) {
				j = k + 1
				continue
			}
			break
		}
		run := ws[i:j]
		afterTitle := i > 0 && !ws[i].gapBefore && titles[strings.ToLower(ws[i-1].text)]
		for len(run) > 0 && leading[strings.ToLower(run[0].text)] {
			run, afterTitle = run[1:], false
		}
		for len(run) > 0 && connectors[strings.ToLower(run[0].text)] {
			run = run[1:]
		}
		switch {
		case len(run) >= 2 && !(len(run) == 2 && titles[strings.ToLower(run[0].text)] && leading[strings.ToLower(run[1].text)]):
			out = append(out, phraseSpan(run))
		case len(run) == 1 && (allCaps(run[0].text) && !leading[strings.ToLower(run[0].text)] || afterTitle):
			out = append(out, phraseSpan(run))
		}
		i = j
	}
	return out, ws
}

// possessive reports whether w ends in "'s": the owner ("Cambodia's") ends a name.
func possessive(w string) bool { return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") }

// phraseSpan is the span of a run, without a final possessive "'s".
func phraseSpan(run []word) Span {
	s := Span{run[0].start, run[len(run)-1].end}
	last := run[len(run)-1].text
	for _, suf := range []string{"'s", "’s"} {
		if strings.HasSuffix(last, suf) {
			s.End -= len(suf)
		}
	}
	return s
}

// Candidates extracts the candidate phrases of texts and counts them, most frequent first.
func Candidates(texts []Text) []Candidate {
	var ps []Phrases
	for _, t := range texts {
		p := Phrases{Release: t.Release}
		for _, s := range Extract(t.Text, t.Covered) {
			p.Phrases = append(p.Phrases, strings.Join(strings.Fields(t.Text[s.Start:s.End]), " "))
		}
		ps = append(ps, p)
	}
	return Tally(ps)
}

// Tally counts the candidate phrases of releases, most frequent first, then by phrase, each with the sorted
// releases it occurs in.
func Tally(ps []Phrases) []Candidate {
	type acc struct {
		count    int
		releases map[string]bool
	}
	byPhrase := map[string]*acc{}
	for _, rp := range ps {
		for _, p := range rp.Phrases {
			a := byPhrase[p]
			if a == nil {
				a = &acc{releases: map[string]bool{}}
				byPhrase[p] = a
			}
			a.count++
			a.releases[rp.Release] = true
		}
	}
	out := make([]Candidate, 0, len(byPhrase))
	for p, a := range byPhrase {
		c := Candidate{Phrase: p, Count: a.count}
		for r := range a.releases {
			c.Releases = append(c.Releases, r)
		}
		sort.Strings(c.Releases)
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Phrase < out[j].Phrase
	})
	return out
}
