package termcsv

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/glossary"
)

// WriteOmegaT writes the glossary for one target language in OmegaT's glossary format: UTF-8 text, one term
// per line, the English form, the approved rendering and a comment separated by tabs. Each English form (the
// term and its variants) gets a line with the approved rendering, and a line per accepted variant of the
// rendering; the comment names the entry ("relloc:ID"), marks the forbidden forms ("FORBIDDEN: 副総理") and
// carries the note. Entries without a rendering in lang (not rendered, or none yet) are left out: OmegaT has
// no use for a term without a target. Tabs and line ends inside a cell become spaces.
func WriteOmegaT(w io.Writer, entries []*glossary.Entry, lang language.Tag) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# relloc glossary, English to %s, for OmegaT (source<TAB>target<TAB>comment)\n", lang)
	for _, e := range entries {
		r, ok := e.Targets[lang]
		if !ok || r.Term == "" || r.Policy == glossary.Omit {
			continue
		}
		var comment []string
		comment = append(comment, "relloc:"+e.ID)
		if len(r.Forbidden) > 0 {
			comment = append(comment, "FORBIDDEN: "+strings.Join(r.Forbidden, ", "))
		}
		if e.Note != "" {
			comment = append(comment, e.Note)
		}
		c := strings.Join(comment, "; ")
		for _, f := range e.EN.Forms() {
			line(bw, f, r.Term, c)
			for _, v := range r.Variants {
				line(bw, f, v, "accepted variant of "+r.Term+"; "+c)
			}
		}
	}
	return bw.Flush()
}

func line(w *bufio.Writer, cells ...string) {
	for i, c := range cells {
		if i > 0 {
			w.WriteByte('\t')
		}
		w.WriteString(strings.Join(strings.FieldsFunc(c, func(r rune) bool { return r == '\t' || r == '\n' || r == '\r' }), " "))
	}
	w.WriteByte('\n')
}
