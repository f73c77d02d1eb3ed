package localefmt

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/relloc/relloc/internal/testenv"
)

// TestFindEnglishDatesInCorpus runs FindEnglishDates over the 1,997 English
// news sentences of NTREX-128. By hand, they hold ten dates with a year in
// day-month-year or month-day-year form ("29 September 1918",
// "Oct. 2, 1968", ...) and many without a year, which must be skipped.
func TestFindEnglishDatesInCorpus(t *testing.T) {
	path := testenv.Shared(t, "corpora", "ntrex128", "newstest2019-src.eng.txt")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("corpus not present: %v", err)
	}
	var got []string
	for _, line := range strings.Split(string(b), "\n") {
		for _, m := range FindEnglishDates(line) {
			text := line[m.Start:m.End]
			got = append(got, text)
			if p, ok := ParseEnglishDate(text); !m.Range && (!ok || !p.Equal(m.From)) {
				t.Errorf("mention %q: ParseEnglishDate = %v, %v; want %v", text, p, ok, m.From)
			}
		}
	}
	want := []string{
		"September 29, 2018", "September 30, 2018", "Oct. 2, 1968", "September 29, 2018",
		"September 30, 1882", "29 September 1918", "29 September 1918", "4 October 1918",
		"May 30, 2005", "June 19, 1953",
	}
	if slices.Sort(got); !slices.Equal(got, slices.Sorted(slices.Values(want))) {
		t.Errorf("found %d mentions %q, want %d %q", len(got), got, len(want), want)
	}
}

// TestFindEnglishDatesInSeed checks the dates of the seed release.
func TestFindEnglishDatesInSeed(t *testing.T) {
	b, err := os.ReadFile(testenv.Shared(t, "reference", "seed-release-en.md"))
	if err != nil {
		t.Skipf("seed release not present: %v", err)
	}
	s := string(b)
	var got []string
	for _, m := range FindEnglishDates(s) {
		got = append(got, s[m.Start:m.End])
	}
	want := []string{"18 November 2021", "18 November 2021", "24 April 2021", "25-26 November 2021", "18 November 2021"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("found %q, want %q", got, want)
	}
}
