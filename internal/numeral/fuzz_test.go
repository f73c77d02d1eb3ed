package numeral

import (
	"testing"

	"golang.org/x/text/language"
)

// FuzzFind reads numbers in arbitrary text of every language: no panic, and every number lies inside the text,
// in order of its start. (Numbers may overlap on text no one writes, such as 三百六0百000000, in its seed corpus.)
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"On 18 November 2021, 70th anniversary, US$1.5 billion, 25-26 November, 1,234.5 km, one hundred",
		"ថ្ងៃទី១៨ ខែវិច្ឆិកា ឆ្នាំ២០២១ ខួបលើកទី៧០ ១,៥ ពាន់លានដុល្លារ ៣ លាន",
		"2021年11月18日 第13回 70周年 約25分間 1兆2千億円 三百六十万 日本時間午後7時35分 １８日",
		"9999999999999999999999", "1.2.3.4", "٣٤", "-", "", "\xff1",
	} {
		f.Add(s)
	}
	langs := []language.Tag{language.English, language.Khmer, language.Japanese}
	f.Fuzz(func(t *testing.T, s string) {
		ParseInt(s)
		for _, lang := range langs {
			prev := 0
			for _, n := range Find(lang, s) {
				if n.Start < prev || n.End < n.Start || n.End > len(s) {
					t.Fatalf("Find(%v, %q): number %+v out of place (previous started at %d)", lang, s, n, prev)
				}
				prev = n.Start
			}
		}
	})
}
