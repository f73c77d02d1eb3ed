package numeral_test

import (
	"fmt"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/numeral"
)

func ExampleFind() {
	en := numeral.Find(language.English, "25-26 November 2021")
	ja := numeral.Find(language.Japanese, "2021年11月25日～26日")
	fmt.Println(numeral.Values(en), numeral.SameValues(en, ja))
	// Output: [11 25 26 2021] true
}

func ExampleParseInt() {
	v, ok := numeral.ParseInt("二千二十一")
	fmt.Println(v, ok)
	// Output: 2021 true
}
