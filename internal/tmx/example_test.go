package tmx_test

import (
	"fmt"
	"os"

	"github.com/relloc/relloc/internal/tm"
	"github.com/relloc/relloc/internal/tmx"
)

func ExampleWrite() {
	units := []tm.Unit{{Release: "2021-11-18", Segment: "doctype", Text: map[string]string{
		"en": "Press Release", "km": "សេចក្តីប្រកាសព័ត៌មាន", "ja": "報道発表",
	}}}
	if err := tmx.Write(os.Stdout, units, "en", "0.1.0"); err != nil {
		fmt.Println(err)
	}
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <!DOCTYPE tmx SYSTEM "tmx14.dtd">
	// <tmx version="1.4">
	//   <header creationtool="relloc" creationtoolversion="0.1.0" segtype="sentence" o-tmf="relloc" adminlang="en" srclang="en" datatype="plaintext"/>
	//   <body>
	//     <tu tuid="2021-11-18/doctype">
	//       <prop type="x-release">2021-11-18</prop>
	//       <prop type="x-segment">doctype</prop>
	//       <tuv xml:lang="en"><seg>Press Release</seg></tuv>
	//       <tuv xml:lang="ja"><seg>報道発表</seg></tuv>
	//       <tuv xml:lang="km"><seg>សេចក្តីប្រកាសព័ត៌មាន</seg></tuv>
	//     </tu>
	//   </body>
	// </tmx>
}
