package localefmt

import "testing"

// FuzzFindEnglishDates reads dates in arbitrary text: no panic, and every mention lies inside the text, in order.
func FuzzFindEnglishDates(f *testing.F) {
	for _, s := range []string{
		"On 18 November 2021 and on 25-26 November 2021", "from 30 June to 2 July 2022", "November 18, 2021",
		"31 February 2021", "99999 December 99999", "", "\xff November 1",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ParseEnglishDate(s)
		prev := 0
		for _, m := range FindEnglishDates(s) {
			if m.Start < prev || m.End <= m.Start || m.End > len(s) || m.To.Before(m.From) {
				t.Fatalf("FindEnglishDates(%q): mention %+v out of place (previous ended at %d)", s, m, prev)
			}
			prev = m.End
		}
	})
}
