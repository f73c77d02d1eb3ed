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
	// <martif type="TBX-Basic" xml:lang="en">
	//   <martifHeader>
	//     <fileDesc>
	//       <sourceDesc>
	//         <p>relloc glossary</p>
	//       </sourceDesc>
	//     </fileDesc>
	//     <encodingDesc>
	//       <p type="XCSURI">TBXBasicXCSV02.xcs</p>
	//     </encodingDesc>
	//   </martifHeader>
	//   <text>
	//     <body>
	//       <termEntry id="deputy-prime-minister">
	//         <descrip type="subjectField">office</descrip>
	//         <langSet xml:lang="en">
	//           <tig>
	//             <term>Deputy Prime Minister</term>
	//             <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
	//           </tig>
	//         </langSet>
	//         <langSet xml:lang="ja">
	//           <tig>
	//             <term>副首相</term>
	//             <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
	//           </tig>
	//           <tig>
	//             <term>副総理</term>
	//             <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>
	//           </tig>
	//         </langSet>
	//       </termEntry>
	//     </body>
	//   </text>
	// </martif>
}
