package draft_test

import (
	"fmt"

	"github.com/relloc/relloc/internal/draft"
)

func ExampleDigest() {
	// Rewrapping a sentence does not change its digest; rewording does.
	fmt.Println(draft.Digest("The two Foreign Ministers\nmet.") == draft.Digest("The two Foreign Ministers met."))
	fmt.Println(draft.Digest("The two Foreign Ministers met.") == draft.Digest("The two ministers met."))
	// Output:
	// true
	// false
}

func ExampleParseMarker() {
	m, ok := draft.ParseMarker("relloc-draft fuzzy 87%: from 2021-11-18-prak-sokhonn-hayashi-telephone b7.s1")
	fmt.Println(ok, m.Kind, m.Score, m.Segment)
	fmt.Println(draft.Marker{Kind: draft.Translate})
	// Output:
	// true fuzzy 87 b7.s1
	// <!-- relloc-draft translate -->
}
