package glossedit_test

import (
	"fmt"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/glossary"
	"github.com/relloc/relloc/internal/glossedit"
)

func ExampleApply() {
	files := []glossary.File{{Path: "glossary/places.toml", Data: []byte(`# Places.
[[entry]]
id = "tokyo"   # the capital
category = "place"
[entry.en]
term = "Tokyo"
`)}}
	phnomPenh := &glossary.Entry{ID: "phnom-penh", Category: glossary.Place, EN: glossary.English{Term: "Phnom Penh"},
		Targets: map[language.Tag]*glossary.Rendering{
			language.Khmer:    {Term: "ភ្នំពេញ", Policy: glossary.Required},
			language.Japanese: {Term: "プノンペン", Policy: glossary.Required},
		}}
	opt := glossedit.Options{Glossary: glossary.Options{Targets: []language.Tag{language.Khmer, language.Japanese}}, Dir: "glossary"}
	res, err := glossedit.Apply(files, []glossedit.Change{{Op: glossedit.Add, ID: phnomPenh.ID, Entry: phnomPenh}}, opt)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(string(res.Files[0].Data))
	// Output:
	// # Places.
	// [[entry]]
	// id = "tokyo"   # the capital
	// category = "place"
	// [entry.en]
	// term = "Tokyo"
	//
	// [[entry]]
	// id = "phnom-penh"
	// category = "place"
	//
	// [entry.en]
	// term = "Phnom Penh"
	//
	// [entry.km]
	// term = "ភ្នំពេញ"
	//
	// [entry.ja]
	// term = "プノンペン"
}
