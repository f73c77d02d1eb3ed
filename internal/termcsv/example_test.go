package termcsv_test

import (
	"fmt"
	"os"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/glossary"
	"github.com/relloc/relloc/internal/termcsv"
)

func ExampleWrite() {
	he := &glossary.Entry{ID: "he", Category: glossary.Honorific,
		EN: glossary.English{Term: "H.E.", Variants: []string{"His Excellency", "Her Excellency"}, CaseSensitive: true},
		Targets: map[language.Tag]*glossary.Rendering{
			language.Khmer:    {Term: "ឯកឧត្តម", Policy: glossary.Required},
			language.Japanese: {Policy: glossary.Omit},
		}}
	opt := termcsv.Options{Targets: []language.Tag{language.Khmer, language.Japanese}}
	if err := termcsv.Write(os.Stdout, []*glossary.Entry{he}, opt); err != nil {
		fmt.Println(err)
	}
	// Output:
	// id,category,en,en_variants,en_case_sensitive,km,km_variants,km_forbidden,km_policy,ja,ja_variants,ja_forbidden,ja_policy,note,source
	// he,honorific,H.E.,His Excellency | Her Excellency,true,ឯកឧត្តម,,,required,,,,omit,,
}
