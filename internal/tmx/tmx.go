package tmx

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/relloc/relloc/internal/tm"
	"golang.org/x/text/language"
)

// Write writes units as a TMX 1.4 document to w. source is the language of
// the source texts (the header's srclang); toolVersion is recorded as the
// header's creationtoolversion. Each unit becomes a <tu> whose tuid is
// "release/segment", with the release and segment also as x-release and
// x-segment properties, and one <tuv xml:lang> per language with a non-empty
// text. A language code that is not a valid BCP 47 tag or a unit without any
// text is an error; nothing is written then.
func Write(w io.Writer, units []tm.Unit, source string, toolVersion string) error {
	src, err := language.Parse(source)
	if err != nil {
		return fmt.Errorf("write tmx: source language %q: %w", source, err)
	}
	type tuv struct{ lang, text string }
	tus := make([][]tuv, len(units))
	for i, u := range units {
		for code, text := range u.Text {
			if text == "" {
				continue
			}
			tag, err := language.Parse(code)
			if err != nil {
				return fmt.Errorf("write tmx: unit %s/%s: language %q: %w", u.Release, u.Segment, code, err)
			}
			tus[i] = append(tus[i], tuv{tag.String(), text})
		}
		if len(tus[i]) == 0 {
			return fmt.Errorf("write tmx: unit %s/%s has no text", u.Release, u.Segment)
		}
		sort.Slice(tus[i], func(a, b int) bool {
			la, lb := tus[i][a].lang, tus[i][b].lang
			if (la == src.String()) != (lb == src.String()) {
				return la == src.String()
			}
			return la < lb
		})
	}

	bw := bufio.NewWriter(w)
	bw.WriteString(xml.Header)
	bw.WriteString("<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n<tmx version=\"1.4\">\n")
	fmt.Fprintf(bw, "  <header creationtool=\"relloc\" creationtoolversion=\"%s\" segtype=\"sentence\" o-tmf=\"relloc\" adminlang=\"en\" srclang=\"%s\" datatype=\"plaintext\"/>\n",
		escape(toolVersion), escape(src.String()))
	bw.WriteString("  <body>\n")
	for i, u := range units {
		fmt.Fprintf(bw, "    <tu tuid=\"%s\">\n", escape(u.Release+"/"+u.Segment))
		fmt.Fprintf(bw, "      <prop type=\"x-release\">%s</prop>\n", escape(u.Release))
		fmt.Fprintf(bw, "      <prop type=\"x-segment\">%s</prop>\n", escape(u.Segment))
		for _, v := range tus[i] {
			fmt.Fprintf(bw, "      <tuv xml:lang=\"%s\"><seg>%s</seg></tuv>\n", escape(v.lang), escape(v.text))
		}
		bw.WriteString("    </tu>\n")
	}
	bw.WriteString("  </body>\n</tmx>\n")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write tmx: %w", err)
	}
	return nil
}

// escape escapes s for XML text and attribute values; characters XML does
// not allow (most C0 controls) become U+FFFD.
func escape(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s)) // writes to memory: cannot fail
	return b.String()
}
