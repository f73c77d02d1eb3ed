package segment_test

import (
	"fmt"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/segment"
)

func ExampleSentences() {
	text := "On 18 November 2021, H.E. Prak Sokhonn spoke with H.E. HAYASHI Yoshimasa. They discussed the U.S. position. The call ended."
	for _, sp := range segment.Sentences(language.English, text) {
		fmt.Println(text[sp.Start:sp.End])
	}
	ja := "両外相は電話会談を行った。林大臣は「協力を続けたい。」と述べた。"
	for _, sp := range segment.Sentences(language.Japanese, ja) {
		fmt.Println(ja[sp.Start:sp.End])
	}
	// Output:
	// On 18 November 2021, H.E. Prak Sokhonn spoke with H.E. HAYASHI Yoshimasa.
	// They discussed the U.S. position.
	// The call ended.
	// 両外相は電話会談を行った。
	// 林大臣は「協力を続けたい。」と述べた。
}
