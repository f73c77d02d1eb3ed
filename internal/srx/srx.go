package srx

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/relloc/relloc/internal/segment"
)

// Rule is one SRX rule.
type Rule struct {
	Break         bool
	Before, After string // regular expressions; empty matches anywhere
}

// LanguageRule is a named list of rules and the language codes it applies to (an SRX languagemap pattern).
type LanguageRule struct {
	Name    string
	Pattern string
	Rules   []Rule
}

// wordStart is what may stand before an abbreviation: the start of the text, white space or an opening quote
// or bracket (segment reads an abbreviation from the last such character).
const wordStart = `(?:^|[\s"'“‘(\[{«])`

func alternatives(words []string) string {
	q := make([]string, len(words))
	for i, w := range words {
		q[i] = regexp.QuoteMeta(w)
	}
	return "(?:" + strings.Join(q, "|") + ")"
}

// English returns the English rules of package segment.
func English() LanguageRule {
	var leading, trailing, numbering []string
	var trailingWords []string // the trailing abbreviations that are not dotted acronyms ("Sen.", "Co.")
	isDotted := regexp.MustCompile(`^(?:\p{L}\.){2,}$`)
	for _, a := range segment.Abbreviations {
		switch a.Kind {
		case segment.Leading:
			leading = append(leading, a.Text)
		case segment.Trailing:
			trailing = append(trailing, a.Text)
			if !isDotted.MatchString(a.Text) {
				trailingWords = append(trailingWords, a.Text)
			}
		case segment.Numbering:
			numbering = append(numbering, a.Text)
		}
	}
	dotted := `(?:\p{L}\.){2,}`
	trailingOrDotted := "(?:" + alternatives(trailing) + "|" + dotted + ")"
	quoteEnd := `[.!?…]+["'”’)\]}»]*["'”’»]`
	return LanguageRule{Name: "relloc English", Pattern: "(?i)EN.*", Rules: []Rule{
		// In segment's order: a listed abbreviation decides by its kind, then an initial, then a dotted acronym.
		// Titles and Latin abbreviations never end a sentence.
		{false, wordStart + alternatives(leading), `\s`},
		// "No. 5", "Jan. 5": not before a number (before anything else the full stop is an ordinary one).
		{false, wordStart + alternatives(numbering), `\s+\p{Nd}`},
		// A trailing abbreviation or a dotted acronym ends a sentence before a sentence opener or a title,
		{true, wordStart + trailingOrDotted, `\s+(?:` + alternatives(segment.SentenceOpeners) + `(?:[^\p{L}]|$)|` + alternatives(leading) + `(?:\s|$))`},
		// a trailing abbreviation that is not a dotted acronym also before an office ("Hun Sen. Prime Minister"),
		{true, wordStart + alternatives(trailingWords), `\s+` + alternatives(segment.OfficeOpeners) + `(?:[^\p{L}]|$)`},
		// and not otherwise.
		{false, wordStart + trailingOrDotted, `\s`},
		// An initial ("J. Smith") never ends one.
		{false, wordStart + `\p{Lu}\.`, `\s`},
		// A quotation closed with its terminator goes on into a short attribution ('"…!" Smith added.'), unless
		// a sentence opener follows ('"…?" She continued').
		{true, quoteEnd, `\s+` + alternatives(segment.SentenceOpeners) + `(?:[^\p{L}]|$)`},
		{false, quoteEnd, `\s+` + segment.AttributionPattern},
		// A full stop, question or exclamation mark and its closing quotes, before an upper-case letter, a
		// digit or an opening quote.
		{true, `[.!?…]+["'”’)\]}»]*`, `\s+[\p{Lu}\p{Nd}"'“‘(\[{«]`},
	}}
}

// Japanese returns the Japanese rules.
func Japanese() LanguageRule {
	closers := `」』）】〕”’)`
	terms := `。｡！？!?`
	return LanguageRule{Name: "relloc Japanese", Pattern: "(?i)JA.*", Rules: []Rule{
		// A quotation that ends with a terminator goes on when a quotative particle follows (「…。」と述べた)
		{false, `[` + terms + `][」』]+`, `(?:` + strings.Join(quotatives, "|") + `)`},
		// and into a short attribution (「…。」彼女は言った。).
		{false, `[` + terms + `][」』]+`, `\s*` + segment.JapaneseAttributionPattern},
		// Otherwise a terminator with the closing brackets and terminators that follow ends the sentence.
		{true, `[` + terms + `][` + terms + closers + `]*`, `[^` + terms + closers + `]`},
	}}
}

// quotatives are the particles after which a closed quotation continues its sentence (segment's list).
var quotatives = []string{"と", "って", "など", "との", "の", "は", "が", "を", "も", "に", "で"}

// Khmer returns the Khmer rules.
func Khmer() LanguageRule {
	closers := `»”’"\)\]）`
	return LanguageRule{Name: "relloc Khmer", Pattern: "(?i)KM.*", Rules: []Rule{
		// ។ល។ ("etc.") is not a sentence end.
		{false, `។`, `ល។`},
		{false, `។ល។`, ``},
		// A closing quote set off by a space still belongs to the sentence it closes.
		{false, `[។៕?!]`, `\s+[»”’"]`},
		{true, `[។៕?!][` + closers + `.]*(?:\s+[»”’"])?`, `\s*[^` + closers + `.។៕\s]`},
	}}
}

// Rules returns relloc's rules for every language it segments.
func Rules() []LanguageRule { return []LanguageRule{English(), Khmer(), Japanese()} }

// Write writes rules as an SRX 2.0 document.
func Write(w io.Writer, rules []LanguageRule) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<srx xmlns="http://www.lisa.org/srx20" version="2.0">
  <header segmentsubflows="yes" cascade="no">
    <formathandle type="start" include="no"/>
    <formathandle type="end" include="yes"/>
    <formathandle type="isolated" include="no"/>
  </header>
  <body>
    <languagerules>
`)
	for _, lr := range rules {
		fmt.Fprintf(bw, "      <languagerule languagerulename=\"%s\">\n", esc(lr.Name))
		for _, r := range lr.Rules {
			b := "no"
			if r.Break {
				b = "yes"
			}
			fmt.Fprintf(bw, "        <rule break=\"%s\">\n          <beforebreak>%s</beforebreak>\n          <afterbreak>%s</afterbreak>\n        </rule>\n", b, esc(r.Before), esc(r.After))
		}
		bw.WriteString("      </languagerule>\n")
	}
	bw.WriteString("    </languagerules>\n    <maprules>\n")
	for _, lr := range rules {
		fmt.Fprintf(bw, "      <languagemap languagepattern=\"%s\" languagerulename=\"%s\"/>\n", esc(lr.Pattern), esc(lr.Name))
	}
	bw.WriteString("    </maprules>\n  </body>\n</srx>\n")
	return bw.Flush()
}

func esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// WriteOmegaT writes rules as OmegaT's project segmentation settings, the file omegat/segmentation.conf of an
// OmegaT project (java.beans XML of org.omegat.core.segmentation.SRX, version 0.2.2). OmegaT 3.6 reads a
// project's rules only from that file: it imports SRX files in its settings dialogue alone, so console mode and
// a project handed to a translator need this form to split as relloc does. The rules replace OmegaT's own
// (a file of an older version would be merged with them).
func WriteOmegaT(w io.Writer, rules []LanguageRule) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<java version="1.8.0" class="java.beans.XMLDecoder">
 <object class="org.omegat.core.segmentation.SRX">
  <void property="mappingRules">
`)
	for _, lr := range rules {
		fmt.Fprintf(bw, `   <void method="add">
    <object class="org.omegat.core.segmentation.MapRule">
     <void property="language">
      <string>%s</string>
     </void>
     <void property="pattern">
      <string>%s</string>
     </void>
     <void property="rules">
      <object class="java.util.ArrayList">
`, esc(lr.Name), esc(lr.Pattern))
		for _, r := range lr.Rules {
			fmt.Fprintf(bw, `       <void method="add">
        <object class="org.omegat.core.segmentation.Rule">
         <void property="afterbreak">
          <string>%s</string>
         </void>
         <void property="beforebreak">
          <string>%s</string>
         </void>
         <void property="breakRule">
          <boolean>%t</boolean>
         </void>
        </object>
       </void>
`, esc(r.After), esc(r.Before), r.Break)
		}
		bw.WriteString(`      </object>
     </void>
    </object>
   </void>
`)
	}
	bw.WriteString(`  </void>
  <void property="version">
   <string>0.2.2</string>
  </void>
 </object>
</java>
`)
	return bw.Flush()
}
