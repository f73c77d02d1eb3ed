package tbx_test

import (
	"fmt"
	"os"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/glossary"
	"github.com/relloc/relloc/internal/tbx"
)

func ExampleWrite() {
	dpm := &glossary.Entry{ID: "deputy-prime-minister", Category: glossary.Office,
		EN: glossary.English{Term: "Deputy Prime Minister"},
		Targets: map[language.Tag]*glossary.Rendering{
			language.Japanese: {Term: "副首相", Forbidden: []string{"副総理"}, Policy: glossary.Required},
		}}
	opt := tbx.Options{Source: language.English, Targets: []language.Tag{language.Khmer, language.Japanese}}
	if err := tbx.Write(os.Stdout, []*glossary.Entry{dpm}, opt); err != nil {
		fmt.Println(err)
	}
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
	//   <tbxHeader>
	//     <fileDesc>
	//       <sourceDesc>
	//         <p>relloc glossary</p>
	//       </sourceDesc>
	//     </fileDesc>
	//   </tbxHeader>
	//   <text>
	//     <body>
	//       <conceptEntry id="deputy-prime-minister">
	//         <descrip type="subjectField">office</descrip>
	//         <langSec xml:lang="en">
	//           <termSec>
	//             <term>Deputy Prime Minister</term>
	//             <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
	//           </termSec>
	//         </langSec>
	//         <langSec xml:lang="ja">
	//           <termSec>
	//             <term>副首相</term>
	//             <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
	//           </termSec>
	//           <termSec>
	//             <term>副総理</term>
	//             <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>
	//           </termSec>
	//         </langSec>
	//       </conceptEntry>
	//     </body>
	//   </text>
	// </tbx>
}
