package segment

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// FuzzSentences checks the invariants of Sentences in every language: spans are ordered, do not overlap, lie
// inside the text, are trimmed, and leave only white space uncovered.
func FuzzSentences(f *testing.F) {
	for _, s := range []string{
		"H.E. Prak Sokhonn met Mr. Hayashi. They talked.", "I got bit!' He left. \"Yes.\"",
		"វាបានកើតឡើង។ ផ្លែឈើ ។ល។ «យើងនឹងទៅ។»", "「今は。」と言った。Yahoo!ニュース？！",
		"a.\n\nB", "U.S. The", "។", "」。", " ", "",
	} {
		f.Add(s)
	}
	langs := []language.Tag{language.English, language.Khmer, language.Japanese}
	f.Fuzz(func(t *testing.T, text string) {
		for _, lang := range langs {
			spans := Sentences(lang, text)
			prev := 0
			for _, sp := range spans {
				if sp.Start < prev || sp.End <= sp.Start || sp.End > len(text) {
					t.Fatalf("Sentences(%v, %q): bad span %v after offset %d in %v", lang, text, sp, prev, spans)
				}
				gap := text[prev:sp.Start]
				if strings.TrimFunc(gap, isSpace) != "" && utf8.ValidString(gap) {
					t.Fatalf("Sentences(%v, %q): text %q between spans is not covered", lang, text, gap)
				}
				s := text[sp.Start:sp.End]
				if utf8.ValidString(s) && strings.TrimFunc(s, isSpace) != s {
					t.Fatalf("Sentences(%v, %q): span %q is not trimmed", lang, text, s)
				}
				prev = sp.End
			}
			if rest := text[prev:]; utf8.ValidString(rest) && strings.TrimFunc(rest, isSpace) != "" {
				t.Fatalf("Sentences(%v, %q): tail %q is not covered", lang, text, rest)
			}
		}
	})
}
