package localefmt

import (
	"strings"
	"testing"
	"time"

	"golang.org/x/text/language"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

var (
	en = language.English
	km = language.Khmer
	ja = language.Japanese
)

func TestDate(t *testing.T) {
	nov18 := day(2021, time.November, 18)
	tests := []struct {
		lang language.Tag
		t    time.Time
		s    Style
		want string
	}{
		{en, nov18, Prose, "18 November 2021"},
		{en, nov18, Long, "18 November 2021"},
		{language.BritishEnglish, day(2021, time.May, 5), Prose, "5 May 2021"},
		{km, nov18, Prose, "ថ្ងៃទី១៨ ខែវិច្ឆិកា ឆ្នាំ២០២១"},
		{km, nov18, Long, "១៨ វិច្ឆិកា ២០២១"},
		{language.MustParse("km-KH"), day(2023, time.January, 1), Prose, "ថ្ងៃទី១ ខែមករា ឆ្នាំ២០២៣"},
		{ja, nov18, Prose, "2021年11月18日"},
		{ja, nov18, Long, "2021年11月18日"},
		{ja, nov18, Era, "令和3年11月18日"},
		{language.MustParse("ja-JP"), day(2019, time.May, 1), Era, "令和元年5月1日"},
		// The date is the one in t's location, not in UTC.
		{ja, time.Date(2021, 11, 18, 23, 30, 0, 0, time.FixedZone("JST", 9*3600)), Prose, "2021年11月18日"},
	}
	for _, tt := range tests {
		got, err := Date(tt.lang, tt.t, tt.s)
		if err != nil || got != tt.want {
			t.Errorf("Date(%v, %s, %v) = %q, %v; want %q", tt.lang, tt.t.Format(time.DateOnly), tt.s, got, err, tt.want)
		}
	}
}

func TestDateErrors(t *testing.T) {
	tests := []struct {
		lang language.Tag
		t    time.Time
		s    Style
		want string // part of the error message
	}{
		{en, day(2021, 11, 18), Era, "style era not available"},
		{km, day(2021, 11, 18), Era, "style era not available"},
		{ja, day(2021, 11, 18), Style(9), "style Style(9)"},
		{language.French, day(2021, 11, 18), Prose, "unsupported language"},
		{ja, day(1868, 10, 22), Era, "before the Meiji era"},
	}
	for _, tt := range tests {
		got, err := Date(tt.lang, tt.t, tt.s)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Date(%v, %s, %v) = %q, %v; want error containing %q", tt.lang, tt.t.Format(time.DateOnly), tt.s, got, err, tt.want)
		}
	}
}

// TestEraBoundaries checks the first and last day of each era CLDR gives,
// and 元年 for each era's first year.
func TestEraBoundaries(t *testing.T) {
	tests := []struct {
		t    time.Time
		want string
	}{
		{day(1868, 10, 23), "明治元年10月23日"},
		{day(1912, 7, 29), "明治45年7月29日"},
		{day(1912, 7, 30), "大正元年7月30日"},
		{day(1926, 12, 24), "大正15年12月24日"},
		{day(1926, 12, 25), "昭和元年12月25日"},
		{day(1927, 1, 1), "昭和2年1月1日"},
		{day(1989, 1, 7), "昭和64年1月7日"},
		{day(1989, 1, 8), "平成元年1月8日"},
		{day(1989, 12, 31), "平成元年12月31日"},
		{day(1990, 1, 1), "平成2年1月1日"},
		{day(2019, 4, 30), "平成31年4月30日"},
		{day(2019, 5, 1), "令和元年5月1日"},
		{day(2019, 12, 31), "令和元年12月31日"},
		{day(2020, 1, 1), "令和2年1月1日"},
		{day(2021, 11, 18), "令和3年11月18日"},
	}
	for _, tt := range tests {
		got, err := Date(ja, tt.t, Era)
		if err != nil || got != tt.want {
			t.Errorf("Date(ja, %s, Era) = %q, %v; want %q", tt.t.Format(time.DateOnly), got, err, tt.want)
		}
	}
}

func TestDateRange(t *testing.T) {
	tests := []struct {
		lang     language.Tag
		from, to time.Time
		s        Style
		want     string
	}{
		{en, day(2021, 11, 25), day(2021, 11, 26), Prose, "25-26 November 2021"},
		{en, day(2021, 11, 30), day(2021, 12, 2), Prose, "30 November - 2 December 2021"},
		{en, day(2021, 12, 30), day(2022, 1, 2), Long, "30 December 2021 - 2 January 2022"},
		{en, day(2021, 11, 18), day(2021, 11, 18), Prose, "18 November 2021"},
		{km, day(2021, 11, 25), day(2021, 11, 26), Prose, "ថ្ងៃទី២៥-២៦ ខែវិច្ឆិកា ឆ្នាំ២០២១"},
		{km, day(2021, 11, 30), day(2021, 12, 2), Prose, "ថ្ងៃទី៣០ ខែវិច្ឆិកា ដល់ថ្ងៃទី២ ខែធ្នូ ឆ្នាំ២០២១"},
		{km, day(2021, 12, 30), day(2022, 1, 2), Prose, "ថ្ងៃទី៣០ ខែធ្នូ ឆ្នាំ២០២១ ដល់ថ្ងៃទី២ ខែមករា ឆ្នាំ២០២២"},
		{km, day(2021, 11, 25), day(2021, 11, 26), Long, "២៥ – ២៦ វិច្ឆិកា ២០២១"},
		{km, day(2021, 11, 30), day(2021, 12, 2), Long, "៣០ វិច្ឆិកា – ២ ធ្នូ ២០២១"},
		{km, day(2021, 12, 30), day(2022, 1, 2), Long, "៣០ ធ្នូ ២០២១ – ២ មករា ២០២២"},
		{ja, day(2021, 11, 25), day(2021, 11, 26), Prose, "2021年11月25日～26日"},
		{ja, day(2021, 11, 30), day(2021, 12, 2), Long, "2021年11月30日～12月2日"},
		{ja, day(2021, 12, 30), day(2022, 1, 2), Prose, "2021年12月30日～2022年1月2日"},
		{ja, day(2021, 11, 25), day(2021, 11, 26), Era, "令和3年11月25日～26日"},
		{ja, day(2021, 11, 30), day(2021, 12, 2), Era, "令和3年11月30日～12月2日"},
		{ja, day(2019, 12, 30), day(2020, 1, 2), Era, "令和元年12月30日～2年1月2日"},
		{ja, day(2019, 4, 30), day(2019, 5, 1), Era, "平成31年4月30日～令和元年5月1日"},
	}
	for _, tt := range tests {
		got, err := DateRange(tt.lang, tt.from, tt.to, tt.s)
		if err != nil || got != tt.want {
			t.Errorf("DateRange(%v, %s, %s, %v) = %q, %v; want %q", tt.lang, tt.from.Format(time.DateOnly), tt.to.Format(time.DateOnly), tt.s, got, err, tt.want)
		}
	}
}

func TestDateRangeErrors(t *testing.T) {
	tests := []struct {
		lang     language.Tag
		from, to time.Time
		s        Style
		want     string
	}{
		{en, day(2021, 11, 26), day(2021, 11, 25), Prose, "before start"},
		{km, day(2021, 11, 25), day(2021, 11, 26), Era, "not available"},
		{en, day(2021, 11, 25), day(2021, 11, 26), Era, "not available"},
		{en, day(2021, 11, 25), day(2021, 11, 25), Era, "not available"},
		{language.German, day(2021, 11, 25), day(2021, 11, 26), Prose, "unsupported language"},
		{ja, day(1868, 1, 1), day(1868, 12, 1), Era, "before the Meiji era"},
	}
	for _, tt := range tests {
		got, err := DateRange(tt.lang, tt.from, tt.to, tt.s)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("DateRange(%v, %s, %s, %v) = %q, %v; want error containing %q", tt.lang, tt.from.Format(time.DateOnly), tt.to.Format(time.DateOnly), tt.s, got, err, tt.want)
		}
	}
}
