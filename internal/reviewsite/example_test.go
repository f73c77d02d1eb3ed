package reviewsite_test

import (
	"fmt"
	"strings"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/bitext"
	"github.com/relloc/relloc/internal/glossary"
	"github.com/relloc/relloc/internal/release"
	"github.com/relloc/relloc/internal/reviewsite"
)

func ExampleBuild() {
	en, km, ja := language.English, language.Khmer, language.Japanese
	targets := []language.Tag{km, ja}
	g, err := glossary.Parse([]glossary.File{{Path: "glossary/g.toml", Data: []byte(`
[[entry]]
id = "prak-sokhonn"
category = "person"
[entry.en]
term = "Prak Sokhonn"
[entry.km]
term = "ប្រាក់ សុខុន"
[entry.ja]
term = "プラック・ソコン"
`)}}, glossary.Options{Targets: targets})
	if err != nil {
		panic(err)
	}
	r, err := release.Parse("releases/2022-03-09-call", en, []release.File{
		{Path: "releases/2022-03-09-call/en.md", Lang: en, Data: []byte("On 9 March 2022, Deputy Prime Minister Prak Sokhonn met the press.\n")},
		{Path: "releases/2022-03-09-call/km.md", Lang: km, Data: []byte("នៅថ្ងៃទី៩ ខែមីនា ឆ្នាំ២០២២ ឧបនាយករដ្ឋមន្ត្រី ប្រាក់ សុខុន បានជួបអ្នកសារព័ត៌មាន។\n")},
		{Path: "releases/2022-03-09-call/ja.md", Lang: ja, Data: []byte("2022年3月9日、プラック・ソコン副首相は、記者会見を行いました。\n")},
	})
	if err != nil {
		panic(err)
	}
	anchors := bitext.NewAnchors(g, en, []language.Tag{en, km, ja})
	site, err := reviewsite.Build(reviewsite.Input{Source: en, Targets: targets, Glossary: g, Anchors: anchors,
		Bitexts: []*bitext.Bitext{bitext.Align(r, en, targets, anchors)}})
	if err != nil {
		panic(err)
	}
	for _, p := range site.Paths() {
		fmt.Println(p)
	}
	page := string(site[reviewsite.ReleasePath(r.ID)])
	fmt.Println(strings.Count(page, `data-entry="prak-sokhonn"`), "highlighted names")
	// Output:
	// assets/review.css
	// assets/review.js
	// assets/terms.css
	// glossary.html
	// index.html
	// releases/2022-03-09-call.html
	// 3 highlighted names
}
