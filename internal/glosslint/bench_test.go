package glosslint

import (
	"fmt"
	"maps"
	"math"
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

// TestLintNLogN: on 20,000 generated entries the lint compares fewer than n·log2(n) pairs of forms, where a
// lint that compares every form with every other (as it did) makes some 10⁹ comparisons: its work is counted,
// not timed.
func TestLintNLogN(t *testing.T) {
	const n = 20000
	fs, pairs := lint(Input{Glossary: bigGlossary(n), Source: language.English, Targets: targets})
	if len(fs) != 2*n/100 {
		t.Fatalf("%d findings, want the %d planted", len(fs), 2*n/100)
	}
	if limit := int(n * math.Log2(n)); pairs > limit {
		t.Errorf("the lint compared %d pairs of forms for %d entries, want at most n·log2(n) = %d", pairs, n, limit)
	}
	t.Logf("%d entries: %d pairs of forms compared", n, pairs)
}

// TestLintNLogNShared: 20,000 entries that all share one English term, one Japanese term, and a form that every
// entry forbids and every tenth accepts. Every entry is in conflict, and the lint says so once per entry and
// form (not once per pair of entries, some 2·10⁸ findings), comparing fewer than n·log2(n) pairs.
func TestLintNLogNShared(t *testing.T) {
	const n = 20000
	entries := make([]*glossary.Entry, n)
	for i := range entries {
		ja := &glossary.Rendering{Term: "大使", Forbidden: []string{"特命全権大使"}, Policy: glossary.Required}
		if i%10 == 5 {
			ja.Forbidden, ja.Variants = nil, []string{"特命全権大使"}
		}
		entries[i] = &glossary.Entry{
			ID: fmt.Sprintf("ambassador-%d", i), Category: "title",
			EN: glossary.English{Term: "Ambassador", CaseSensitive: i%2 == 0},
			Targets: map[language.Tag]*glossary.Rendering{
				language.Khmer:    {Term: fmt.Sprintf("ឯកអគ្គរដ្ឋទូតទី%d", i), Policy: glossary.Required},
				language.Japanese: ja,
			},
			Pos: glossary.Pos{Path: "glossary/titles.toml", Line: 1 + 12*i},
		}
	}
	fs, pairs := lint(Input{Glossary: glossary.New(entries), Source: language.English, Targets: targets})
	count := map[string]int{}
	for _, f := range fs {
		count[f.Rule]++
	}
	if want := map[string]int{RuleEnglishConflict: n - 1, RuleDuplicateRendering: n - 1, RuleConflictingRendering: n - n/10}; !maps.Equal(count, want) {
		t.Errorf("findings by rule: got %v, want %v", count, want)
	}
	if limit := int(n * math.Log2(n)); pairs > limit {
		t.Errorf("the lint compared %d pairs of forms for %d entries, want at most n·log2(n) = %d", pairs, n, limit)
	}
	t.Logf("%d entries: %d pairs of forms compared", n, pairs)
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
