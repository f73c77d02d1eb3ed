package inputerr

import (
	"encoding/xml"
	"errors"
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
	return &Error{Path: path, Line: line, Column: col, Msg: "malformed XML: " + msg, Err: err}
}
