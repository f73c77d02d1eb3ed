package ctrl

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Escape returns s with every control character other than tab and line feed written as a Go escape: C0
// controls, DEL and bytes that are not UTF-8 as \xHH, C1 controls as \u00HH. Text without them is returned as
// it is.
func Escape(s string) string { return escape(s, false) }

// EscapeLine is Escape for text that must stay on one line (a path, an id, a table cell): line feeds are
// escaped too, as \n.
func EscapeLine(s string) string { return escape(s, true) }

// Has reports whether s holds a control character other than tab, line feed and carriage return (the
// white space of text files), or a byte that is not UTF-8: what an import must refuse in a term.
func Has(s string) bool {
	if !utf8.ValidString(s) {
		return true
	}
	for _, r := range s {
		if isControl(r) && r != '\t' && r != '\n' && r != '\r' {
			return true
		}
	}
	return false
}

func isControl(r rune) bool { return r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f }

func escape(s string, line bool) string {
	if !needs(s, line) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\t' || r == '\n' && !line:
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r < 0x80 && isControl(r):
			fmt.Fprintf(&b, `\x%02x`, r)
		case isControl(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

func needs(s string, line bool) bool {
	for i, r := range s {
		switch {
		case r == utf8.RuneError:
			if _, n := utf8.DecodeRuneInString(s[i:]); n == 1 {
				return true
			}
		case r == '\t' || r == '\n' && !line:
		case isControl(r):
			return true
		}
	}
	return false
}

// Writer escapes the control characters of everything written to it (as Escape does) before passing it on to
// W: the text output of a command that prints a release's text. Each Write must hold whole UTF-8 sequences,
// as those of fmt and text/tabwriter do; a sequence cut between two writes shows as escaped bytes.
type Writer struct{ W io.Writer }

// Write writes the escaped p to w.W and reports len(p) when all of it was written.
func (w Writer) Write(p []byte) (int, error) {
	s := string(p)
	if e := Escape(s); e != s {
		if _, err := io.WriteString(w.W, e); err != nil {
			return 0, err
		}
		return len(p), nil
	}
	return w.W.Write(p)
}

// EscapeJSON rewrites the DEL and C1 control characters of JSON text b as \u escapes. encoding/json escapes
// the C0 controls in strings but writes DEL and C1 as they are; they can only occur inside strings, where the
// \u escape keeps the value the same.
func EscapeJSON(b []byte) []byte {
	if !bytes.ContainsFunc(b, func(r rune) bool { return r == 0x7f || r >= 0x80 && r <= 0x9f }) {
		return b
	}
	var out bytes.Buffer
	out.Grow(len(b) + 16)
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == 0x7f || r >= 0x80 && r <= 0x9f {
			fmt.Fprintf(&out, `\u%04x`, r)
		} else {
			out.Write(b[i : i+n])
		}
		i += n
	}
	return out.Bytes()
}
