package localefmt

import (
	"math"
	"testing"

	"golang.org/x/text/language"
)

func TestOrdinal(t *testing.T) {
	tests := []struct {
		lang language.Tag
		n    int
		want string
	}{
		{en, 1, "1st"}, {en, 2, "2nd"}, {en, 3, "3rd"}, {en, 4, "4th"},
		{en, 11, "11th"}, {en, 12, "12th"}, {en, 13, "13th"},
		{en, 21, "21st"}, {en, 22, "22nd"}, {en, 23, "23rd"},
		{en, 70, "70th"}, {en, 101, "101st"}, {en, 111, "111th"}, {en, 112, "112th"},
		{en, 0, "0th"},
		{km, 70, "ទី៧០"}, {km, 1, "ទី១"},
		{ja, 70, "第70"}, {ja, 1, "第1"},
		{language.French, 2, "2nd"},
	}
	for _, tt := range tests {
		if got := Ordinal(tt.lang, tt.n); got != tt.want {
			t.Errorf("Ordinal(%v, %d) = %q, want %q", tt.lang, tt.n, got, tt.want)
		}
	}
}

func TestAnniversary(t *testing.T) {
	tests := []struct {
		lang language.Tag
		n    int
		want string
	}{
		{en, 70, "70th anniversary"},
		{en, 31, "31st anniversary"},
		{km, 70, "ខួបលើកទី៧០"},
		{km, 50, "ខួបលើកទី៥០"},
		{ja, 70, "70周年"},
		{language.MustParse("ja-JP"), 50, "50周年"},
	}
	for _, tt := range tests {
		if got := Anniversary(tt.lang, tt.n); got != tt.want {
			t.Errorf("Anniversary(%v, %d) = %q, want %q", tt.lang, tt.n, got, tt.want)
		}
	}
}

func TestNumber(t *testing.T) {
	tests := []struct {
		lang     language.Tag
		n        float64
		decimals int
		want     string
	}{
		{en, 1234567.5, 1, "1,234,567.5"},
		{en, 1234567.5, 2, "1,234,567.50"},
		{en, 1234567.5, 0, "1,234,568"},
		{en, 0.125, -1, "0.125"},
		{en, 1234567.5, -1, "1,234,567.5"},
		{ja, 1234567.5, 1, "1,234,567.5"},
		{ja, -42, 0, "-42"},
		// Khmer prose: Khmer digits with the khmr separators of CLDR 45+
		// (and of x/text), see the package doc.
		{km, 1234567.5, 1, "១.២៣៤.៥៦៧,៥"},
		{km, 2021, 0, "២.០២១"},
		{km, 70, -1, "៧០"},
		{language.MustParse("km-KH"), 0.5, 1, "០,៥"},
		// Latin digits asked for: current CLDR, not x/text's "1.234.567,5".
		{language.MustParse("km-u-nu-latn"), 1234567.5, 1, "1,234,567.5"},
		{language.German, 1234567.5, 1, "1.234.567,5"},
	}
	for _, tt := range tests {
		if got := Number(tt.lang, tt.n, tt.decimals); got != tt.want {
			t.Errorf("Number(%v, %v, %d) = %q, want %q", tt.lang, tt.n, tt.decimals, got, tt.want)
		}
	}
	if got := Number(en, math.Inf(1), 0); got == "" {
		t.Errorf("Number(en, +Inf, 0) = %q, want a non-empty rendering", got)
	}
}

func TestDigits(t *testing.T) {
	tests := []struct {
		lang language.Tag
		in   string
		want string
	}{
		{km, "0123456789", "០១២៣៤៥៦៧៨៩"},
		{km, "Covid-19, 2021", "Covid-១៩, ២០២១"},
		{km, "ថ្ងៃទី18", "ថ្ងៃទី១៨"},
		{km, "", ""},
		{ja, "2021年11月18日", "2021年11月18日"},
		{en, "18 November 2021", "18 November 2021"},
		{language.Thai, "123", "123"},
	}
	for _, tt := range tests {
		if got := Digits(tt.lang, tt.in); got != tt.want {
			t.Errorf("Digits(%v, %q) = %q, want %q", tt.lang, tt.in, got, tt.want)
		}
	}
}
