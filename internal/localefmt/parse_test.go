package localefmt

import (
	"testing"
	"time"
)

func TestParseEnglishDate(t *testing.T) {
	tests := []struct {
		in     string
		want   time.Time
		wantOK bool
	}{
		{"18 November 2021", day(2021, 11, 18), true},
		{"November 18, 2021", day(2021, 11, 18), true},
		{"November 18 2021", day(2021, 11, 18), true},
		{"18 Nov 2021", day(2021, 11, 18), true},
		{"18 Nov. 2021", day(2021, 11, 18), true},
		{"18th November 2021", day(2021, 11, 18), true},
		{"1 Sept 2022", day(2022, 9, 1), true},
		{"  5 may 2021 ", day(2021, 5, 5), true},
		{"29 February 2024", day(2024, 2, 29), true},
		{"29 February 2023", time.Time{}, false},
		{"31 April 2021", time.Time{}, false},
		{"0 May 2021", time.Time{}, false},
		{"18 Novembre 2021", time.Time{}, false},
		{"on 5 May", time.Time{}, false},
		{"18 November 2021 and more", time.Time{}, false},
		{"2021-11-18", time.Time{}, false},
		{"", time.Time{}, false},
	}
	for _, tt := range tests {
		got, ok := ParseEnglishDate(tt.in)
		if ok != tt.wantOK || !got.Equal(tt.want) {
			t.Errorf("ParseEnglishDate(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.wantOK)
		}
	}
}

func TestFindEnglishDates(t *testing.T) {
	type found struct {
		text     string
		from, to time.Time
		rng      bool
	}
	tests := []struct {
		in   string
		want []found
	}{
		{"Phnom Penh, 18 November 2021: a call.", []found{{"18 November 2021", day(2021, 11, 18), day(2021, 11, 18), false}}},
		{"The summit on 25-26 November 2021 follows the meeting of 24 April 2021.", []found{
			{"25-26 November 2021", day(2021, 11, 25), day(2021, 11, 26), true},
			{"24 April 2021", day(2021, 4, 24), day(2021, 4, 24), false},
		}},
		{"held from 30 November - 2 December 2021 in Tokyo", []found{{"30 November - 2 December 2021", day(2021, 11, 30), day(2021, 12, 2), true}}},
		{"25–26 November 2021", []found{{"25–26 November 2021", day(2021, 11, 25), day(2021, 11, 26), true}}},
		{"30 December 2021 - 2 January 2022.", []found{{"30 December 2021 - 2 January 2022", day(2021, 12, 30), day(2022, 1, 2), true}}},
		{"On November 18, 2021, the ministers", []found{{"November 18, 2021", day(2021, 11, 18), day(2021, 11, 18), false}}},
		{"November 25-26, 2021", []found{{"November 25-26, 2021", day(2021, 11, 25), day(2021, 11, 26), true}}},
		{"November 30 - December 2, 2021", []found{{"November 30 - December 2, 2021", day(2021, 11, 30), day(2021, 12, 2), true}}},
		{"December 30, 2021 - January 2, 2022", []found{{"December 30, 2021 - January 2, 2022", day(2021, 12, 30), day(2022, 1, 2), true}}},
		{"met on 18 Nov 2021 in Phnom Penh", []found{{"18 Nov 2021", day(2021, 11, 18), day(2021, 11, 18), false}}},
		// Must stay silent.
		{"The ministers will meet on 5 May.", nil},
		{"They may meet 5 may 2021.", nil},
		{"In 2021 the 70th anniversary of 1953", nil},
		{"31 April 2021 is no date", nil},
		{"Marching 18 2021", nil},
		{"Nov18 2021, A18 November 2021, 18 November 20211", nil},
		{"18th November 2021st", nil},
		// A reversed range is no range; its valid end is still a date.
		{"26-25 November 2021", []found{{"25 November 2021", day(2021, 11, 25), day(2021, 11, 25), false}}},
		// Line breaks inside a date, as in wrapped Markdown.
		{"on 18\nNovember\n2021.", []found{{"18\nNovember\n2021", day(2021, 11, 18), day(2021, 11, 18), false}}},
		{"1st—3rd Sept. 2022", []found{{"1st—3rd Sept. 2022", day(2022, 9, 1), day(2022, 9, 3), true}}},
		// Khmer and Japanese text around an English date.
		{"ថ្ងៃនេះ 18 November 2021។", []found{{"18 November 2021", day(2021, 11, 18), day(2021, 11, 18), false}}},
	}
	for _, tt := range tests {
		got := FindEnglishDates(tt.in)
		if len(got) != len(tt.want) {
			t.Errorf("FindEnglishDates(%q) = %+v, want %d mentions %+v", tt.in, got, len(tt.want), tt.want)
			continue
		}
		for i, w := range tt.want {
			g := got[i]
			text := tt.in[g.Start:g.End]
			if text != w.text || !g.From.Equal(w.from) || !g.To.Equal(w.to) || g.Range != w.rng {
				t.Errorf("FindEnglishDates(%q)[%d] = %q %s..%s range=%v; want %q %s..%s range=%v", tt.in, i,
					text, g.From.Format(time.DateOnly), g.To.Format(time.DateOnly), g.Range,
					w.text, w.from.Format(time.DateOnly), w.to.Format(time.DateOnly), w.rng)
			}
		}
	}
}

// TestFindThenFormat replaces the mentions of an English sentence with
// their Khmer form, the way the drafter uses the package.
func TestFindThenFormat(t *testing.T) {
	in := "On 18 November 2021 the ministers agreed to meet on 25-26 November 2021."
	want := "On ថ្ងៃទី១៨ ខែវិច្ឆិកា ឆ្នាំ២០២១ the ministers agreed to meet on ថ្ងៃទី២៥-២៦ ខែវិច្ឆិកា ឆ្នាំ២០២១."
	out, last := "", 0
	for _, m := range FindEnglishDates(in) {
		s, err := DateRange(km, m.From, m.To, Prose)
		if err != nil {
			t.Fatal(err)
		}
		out += in[last:m.Start] + s
		last = m.End
	}
	out += in[last:]
	if out != want {
		t.Errorf("replaced = %q, want %q", out, want)
	}
}
