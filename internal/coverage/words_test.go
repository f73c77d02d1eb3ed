package coverage

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/relloc/relloc/internal/scalegen"
)

// refWords is appendWords as it was before its ASCII path: every character decoded and tested with inWord.
func refWords(text string, covered []Span) []word {
	var out []word
	gap := true
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !inWord(r) {
			if r != ' ' && r != '\u00a0' {
				gap = true
			}
			i += n
			continue
		}
		start := i
		for i < len(text) {
			r, n := utf8.DecodeRuneInString(text[i:])
			if inWord(r) {
				i += n
				continue
			}
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
		for _, c := range covered {
			if c.Start < w.end && w.start < c.End {
				w.covered = true
			}
		}
		out = append(out, w)
		gap = false
	}
	return out
}

// refShouting is shouting as it was before its ASCII path.
func refShouting(text string) bool {
	up, letters := 0, 0
	for _, r := range text {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				up++
			}
		}
	}
	return letters > 0 && up*10 >= letters*8
}

// TestWordsMatchReference compares appendWords and shouting with the character by character reading they
// replace, on random texts of English words, capitals, inner and outer punctuation, white space, Khmer,
// Japanese, accented letters and bytes that are not UTF-8, with random covered spans.
func TestWordsMatchReference(t *testing.T) {
	pieces := []string{"Minister", "of", "the", "H.E.", "Mr.", "Dr", "ASEAN-Japan", "Cambodia's", "Leaders’", "Covid-19",
		"PRESS", "RELEASE", " ", "  ", "\u00a0", "\n", "\t", ".", ",", "'", "’", "-", "(", ")", ":", "2024",
		"ក្រសួង", "ការបរទេស", "外務省", "日本", "Ｔｏｋｙｏ", "É", "é", "Ñuñoa", "ß", "\u0301", "\xff", "\xe2\x80", "\u3000", "\u2003"}
	r := rand.New(rand.NewPCG(11, 12))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(16) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		text := b.String()
		var covered []Span
		for range r.IntN(3) {
			s := r.IntN(len(text) + 1)
			covered = append(covered, Span{s, s + r.IntN(len(text)-s+1)})
		}
		if got, want := appendWords(nil, text, covered), refWords(text, covered); !slices.Equal(got, want) {
			t.Fatalf("appendWords(%q, %v)\ngot:  %+v\nwant: %+v", text, covered, got, want)
		}
		if got, want := shouting(text), refShouting(text); got != want {
			t.Fatalf("shouting(%q) = %v, want %v", text, got, want)
		}
	}
}

// BenchmarkExtract extracts the candidate phrases of the English blocks of 40 generated releases, nothing
// covered.
func BenchmarkExtract(b *testing.B) {
	var texts []string
	_, err := scalegen.Generate(scalegen.Config{Releases: 40, Entries: 300, Seed: 3}, func(path string, data []byte) error {
		if strings.HasSuffix(path, "/en.md") {
			texts = append(texts, strings.Split(string(data), "\n\n")...)
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	size := 0
	for _, t := range texts {
		size += len(t)
	}
	b.SetBytes(int64(size))
	var ws []word
	for b.Loop() {
		for _, t := range texts {
			_, ws = extract(t, nil, ws)
		}
	}
}
