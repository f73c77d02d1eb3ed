package tm_test

import (
	"fmt"

	"github.com/relloc/relloc/internal/tm"
)

func ExampleMemory_Lookup() {
	m := tm.New([]tm.Unit{
		{Release: "2021-11-18", Segment: "s12", Text: map[string]string{
			"en": "Phnom Penh, 18 November 2021",
			"km": "ភ្នំពេញ ថ្ងៃទី១៨ ខែវិច្ឆិកា ឆ្នាំ២០២១",
		}},
		{Release: "2022-01-11", Segment: "s9", Text: map[string]string{
			"en": "Phnom Penh, 11 January 2022",
			"km": "ភ្នំពេញ ថ្ងៃទី១១ ខែមករា ឆ្នាំ២០២២",
		}},
	}, "en")
	for _, x := range m.Lookup("Phnom Penh, 19 November 2021", "km", tm.DefaultThreshold) {
		fmt.Printf("%.2f %s/%s %s\n", x.Score, x.Release, x.Segment, x.Target)
	}
	// Drafting 2021-11-18 itself: leave its own translations out.
	fmt.Println(len(m.Exclude("2021-11-18").Lookup("Phnom Penh, 19 November 2021", "km", 0.9)))
	// Output:
	// 0.96 2021-11-18/s12 ភ្នំពេញ ថ្ងៃទី១៨ ខែវិច្ឆិកា ឆ្នាំ២០២១
	// 0
}

func ExampleSimilarity() {
	fmt.Printf("%.2f\n", tm.Similarity("Press Release", "PRESS RELEASE."))
	fmt.Printf("%.2f\n", tm.Similarity("電話会談", "首脳会談"))
	// Output:
	// 1.00
	// 0.50
}
