package inputerr

import (
	"encoding/xml"
	"errors"
	"io"
	"unicode/utf8"

	"github.com/relloc/relloc/internal/ui"
)

// FromXML turns an error of encoding/xml's decoder into an input error at line and col, where the token that
// failed starts (the decoder's offset after the error is past it). A syntax error that the decoder places on
// another line (an element never closed is found at the end of the file) keeps the decoder's line.
func FromXML(path string, line, col int, err error) *Error {
	msg := err.Error()
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		msg = se.Msg
		if se.Line != line {
			line, col = se.Line, 0
		}
	}
	e := Say(path, line, col, "MalformedXML", ui.Args{"Cause": msg})
	e.Err = err
	return e
}

// Positions reads a stream for a parser and turns the byte offsets that the parser reports (encoding/xml's
// InputOffset) into lines and columns, counting code points as finding.Lines does, without holding the stream:
// it keeps only the bytes read but not yet passed by an offset asked for, in a buffer it reuses. Offsets must
// be asked in increasing order, as a parser going through the stream does, and often enough (at each token)
// that the bytes kept stay few.
type Positions struct {
	r         io.Reader
	buf       []byte // buf[start:] are the bytes from offset base on
	start     int
	base      int64
	line, col int // of offset base
}

// NewPositions returns Positions reading r.
func NewPositions(r io.Reader) *Positions { return &Positions{r: r, line: 1, col: 1} }

// Read implements io.Reader.
func (p *Positions) Read(b []byte) (int, error) {
	n, err := p.r.Read(b)
	if p.start > 0 && len(p.buf)+n > cap(p.buf) {
		// Move the bytes kept to the front rather than grow the buffer: it grows only to hold what is kept.
		p.buf = p.buf[:copy(p.buf, p.buf[p.start:])]
		p.start = 0
	}
	p.buf = append(p.buf, b[:n]...)
	return n, err
}

// Position returns the 1-based line and column of the byte offset off of the stream. An offset before one
// asked for earlier gives the earlier one's position; one past what was read, the position after it.
func (p *Positions) Position(off int64) (line, col int) {
	kept := p.buf[p.start:]
	k := int(min(max(off-p.base, 0), int64(len(kept))))
	for _, c := range kept[:k] {
		switch {
		case c == '\n':
			p.line, p.col = p.line+1, 1
		case utf8.RuneStart(c):
			p.col++
		}
	}
	p.base += int64(k)
	p.start += k
	return p.line, p.col
}
