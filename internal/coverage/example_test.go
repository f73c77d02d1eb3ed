package coverage_test

import (
	"fmt"

	"github.com/relloc/relloc/internal/coverage"
)

func ExampleCandidates() {
	text := "H.E. Prak Sokhonn received the Ambassador Extraordinary and Plenipotentiary of the Republic of Korea, Mr. PARK Heung-kyeong."
	// The glossary already knows "H.E." (bytes 0 to 4).
	cs := coverage.Candidates([]coverage.Text{{Release: "2024-05-02-courtesy-call", Text: text, Covered: []coverage.Span{{Start: 0, End: 4}}}})
	for _, c := range cs {
		fmt.Println(c.Phrase, c.Count, c.Releases)
	}
	// Output:
	// Ambassador Extraordinary and Plenipotentiary of the Republic of Korea 1 [2024-05-02-courtesy-call]
	// Mr. PARK Heung-kyeong 1 [2024-05-02-courtesy-call]
	// Prak Sokhonn 1 [2024-05-02-courtesy-call]
}
