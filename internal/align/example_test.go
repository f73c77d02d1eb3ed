package align_test

import (
	"fmt"

	"github.com/relloc/relloc/internal/align"
)

func ExampleBlocks() {
	// The translation lacks the second paragraph.
	src := []align.Unit{
		{Text: "On 18 November 2021, H.E. Prak Sokhonn had a telephone conversation with H.E. HAYASHI Yoshimasa.", Anchors: []string{"term:he", "num:18", "num:2021"}},
		{Text: "He expressed gratitude to Japan for continuing to assist Cambodia's development.", Anchors: []string{"term:japan"}},
		{Text: "Phnom Penh, 18 November 2021", Anchors: []string{"num:18", "num:2021"}},
	}
	tgt := []align.Unit{
		{Text: "២០២១年11月18日、プラック・ソコン副首相兼外相は林芳正外務大臣と電話会談を行った。", Anchors: []string{"term:he", "num:18", "num:2021"}},
		{Text: "2021年11月18日、プノンペン", Anchors: []string{"num:18", "num:2021"}},
	}
	for _, l := range must(align.Blocks(src, tgt, align.Options{})) {
		fmt.Println(l.Src, l.Tgt)
	}
	// Output:
	// [0] [0]
	// [1] []
	// [2] [1]
}

func ExampleSentences() {
	// The Japanese translator split the second sentence in two.
	src := []align.Unit{{Len: 120}, {Len: 260}, {Len: 90}}
	tgt := []align.Unit{{Len: 52}, {Len: 60}, {Len: 58}, {Len: 40}}
	for _, l := range must(align.Sentences(src, tgt, align.Options{})) {
		fmt.Println(l.Src, l.Tgt)
	}
	// Output:
	// [0] [0]
	// [1] [1 2]
	// [2] [3]
}

func must(links []align.Link, err error) []align.Link {
	if err != nil {
		panic(err)
	}
	return links
}
