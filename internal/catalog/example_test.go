package catalog_test

import (
	"fmt"

	"github.com/relloc/relloc/internal/catalog"
	"golang.org/x/text/language"
)

func ExampleCatalog_Localize() {
	c, err := catalog.Parse(language.English, []catalog.File{
		{Path: "locale/active.en.toml", Data: []byte(`
[formula.participating-countries]
description = "Count of the countries taking part in a meeting."
one = "{{.Count}} country took part"
other = "{{.Count}} countries took part"
`)},
		{Path: "locale/active.ja.toml", Data: []byte(`
[formula.participating-countries]
other = "{{.Count}}か国が参加しました"
`)},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, n := range []int{1, 10} {
		s, _ := c.Localize(language.English, "formula.participating-countries", map[string]any{"Count": n})
		fmt.Println(s)
	}
	s, _ := c.Localize(language.Japanese, "formula.participating-countries", map[string]any{"Count": 10})
	fmt.Println(s)
	// Output:
	// 1 country took part
	// 10 countries took part
	// 10か国が参加しました
}

func ExampleCatalog_Check() {
	c, err := catalog.Parse(language.English, []catalog.File{
		{Path: "locale/active.en.toml", Data: []byte(`
[formula.on-date]
other = "On {{.Date}}"
`)},
		{Path: "locale/active.km.toml", Data: []byte(`
[formula.on-date]
one = "នា{{.Day}}"
other = "នា{{.Day}}"
`)},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range c.Check(language.English, []language.Tag{language.Khmer}) {
		fmt.Println(p)
	}
	// Output:
	// locale/active.km.toml:2:2: catalog-placeholder: km formula.on-date: placeholders differ from the source: missing {{.Date}}; not in the source {{.Day}}
	// locale/active.km.toml:3:1: catalog-plural: km formula.on-date: km has no plural form one under CLDR (forms: other)
}
