package localefmt_test

import (
	"fmt"
	"time"

	"github.com/relloc/relloc/internal/localefmt"
	"golang.org/x/text/language"
)

func ExampleDate() {
	call := time.Date(2021, time.November, 18, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		lang  language.Tag
		style localefmt.Style
	}{
		{language.English, localefmt.Prose},
		{language.Khmer, localefmt.Prose},
		{language.Khmer, localefmt.Long},
		{language.Japanese, localefmt.Prose},
		{language.Japanese, localefmt.Era},
	} {
		s, err := localefmt.Date(c.lang, call, c.style)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(c.lang, c.style, s)
	}
	_, err := localefmt.Date(language.English, call, localefmt.Era)
	fmt.Println(err)
	// Output:
	// en prose 18 November 2021
	// km prose ថ្ងៃទី១៨ ខែវិច្ឆិកា ឆ្នាំ២០២១
	// km long ១៨ វិច្ឆិកា ២០២១
	// ja prose 2021年11月18日
	// ja era 令和3年11月18日
	// style era not available for "en"
}

func ExampleDateRange() {
	from := time.Date(2021, time.November, 30, 0, 0, 0, 0, time.UTC)
	to := time.Date(2021, time.December, 2, 0, 0, 0, 0, time.UTC)
	for _, lang := range []language.Tag{language.English, language.Khmer, language.Japanese} {
		s, err := localefmt.DateRange(lang, from, to, localefmt.Prose)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(lang, s)
	}
	// Output:
	// en 30 November - 2 December 2021
	// km ថ្ងៃទី៣០ ខែវិច្ឆិកា ដល់ថ្ងៃទី២ ខែធ្នូ ឆ្នាំ២០២១
	// ja 2021年11月30日～12月2日
}

func ExampleAnniversary() {
	for _, lang := range []language.Tag{language.English, language.Khmer, language.Japanese} {
		fmt.Println(localefmt.Anniversary(lang, 70))
	}
	// Output:
	// 70th anniversary
	// ខួបលើកទី៧០
	// 70周年
}

func ExampleNumber() {
	for _, lang := range []language.Tag{language.English, language.Khmer, language.Japanese} {
		fmt.Println(lang, localefmt.Number(lang, 1234567.5, 1))
	}
	// Output:
	// en 1,234,567.5
	// km ១.២៣៤.៥៦៧,៥
	// ja 1,234,567.5
}

func ExampleFindEnglishDates() {
	text := "Tokyo, 18 November 2021. The talks on 25-26 November 2021 will follow; they meet again on 5 May."
	for _, m := range localefmt.FindEnglishDates(text) {
		fmt.Printf("%q range=%v\n", text[m.Start:m.End], m.Range)
	}
	// Output:
	// "18 November 2021" range=false
	// "25-26 November 2021" range=true
}
