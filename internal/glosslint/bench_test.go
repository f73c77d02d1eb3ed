package glosslint

import (
	"fmt"
	"testing"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/finding"
	"github.com/relloc/relloc/internal/glossary"
)

// bigGlossary builds n entries in the shape of the diplomatic glossary (an office, its Khmer and Japanese
// renderings, a variant, a forbidden form), with every hundredth entry clashing with the one before it in English
// and in Japanese, so that the lint has something to find.
func bigGlossary(n int) *glossary.Glossary {
	entries := make([]*glossary.Entry, n)
	for i := range entries {
		en := fmt.Sprintf("Ambassador of Country %d", i)
		ja := fmt.Sprintf("第%d国大使", i)
		if i%100 == 1 {
			en = fmt.Sprintf("ambassador of country %d", i-1)
			ja = fmt.Sprintf("第%d国大使", i-1)
		}
		entries[i] = &glossary.Entry{
			ID: fmt.Sprintf("ambassador-%d", i), Category: "title",
			EN: glossary.English{Term: en, Variants: []string{fmt.Sprintf("Amb. of Country %d", i)}},
			Targets: map[language.Tag]*glossary.Rendering{
				language.Khmer:    {Term: fmt.Sprintf("ឯកអគ្គរដ្ឋទូតប្រទេសទី%d", i), Policy: glossary.Required},
				language.Japanese: {Term: ja, Forbidden: []string{fmt.Sprintf("第%d国の大使さん", i)}, Policy: glossary.Required},
			},
			Pos: glossary.Pos{Path: "glossary/titles.toml", Line: 1 + 12*i},
		}
	}
	return glossary.New(entries)
}

// TestLintLarge: on a generated glossary the lint finds exactly the planted clashes, one English conflict and one
// duplicate Japanese rendering per hundred entries.
func TestLintLarge(t *testing.T) {
	const n = 2000
	fs := Run(Input{Glossary: bigGlossary(n), Source: language.English, Targets: targets})
	count := map[string]int{}
	for _, f := range fs {
		count[f.Rule]++
	}
	if count[RuleEnglishConflict] != n/100 || count[RuleDuplicateRendering] != n/100 || len(fs) != 2*n/100 {
		t.Errorf("got %v (%d findings), want %d English conflicts and %d duplicate renderings", count, len(fs), n/100, n/100)
	}
}

// BenchmarkLint shows the lint's time for 1,000, 10,000 and 100,000 entries: it grows as n log n (it took 30 s
// at 10,000 entries when every English form was compared with every other).
func BenchmarkLint(b *testing.B) {
	for _, n := range []int{1000, 10000, 100000} {
		g := bigGlossary(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			var fs []finding.Finding
			for range b.N {
				fs = Run(Input{Glossary: g, Source: language.English, Targets: targets})
			}
			b.ReportMetric(float64(len(fs)), "findings")
		})
	}
}
