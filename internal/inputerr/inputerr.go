package inputerr

import (
	"errors"
	"fmt"
	"strings"

	"github.com/pelletier/go-toml/v2"
)

// Error is a problem in an input file at a position. Line and Column are 1-based; zero means unknown.
type Error struct {
	Path   string
	Line   int
	Column int
	Msg    string
	Err    error // the cause, if any
}

// New returns an *Error.
func New(path string, line, col int, format string, args ...any) *Error {
	return &Error{Path: path, Line: line, Column: col, Msg: fmt.Sprintf(format, args...)}
}

func (e *Error) Error() string {
	switch {
	case e.Line > 0 && e.Column > 0:
		return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Column, e.Msg)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg)
	case e.Path != "":
		return fmt.Sprintf("%s: %s", e.Path, e.Msg)
	}
	return e.Msg
}

func (e *Error) Unwrap() error { return e.Err }

// Is reports whether err is, or wraps, an input error.
func Is(err error) bool {
	var e *Error
	return errors.As(err, &e)
}

// List is several input errors found in one pass, so that a user can fix them all at once.
type List []*Error

func (l List) Error() string {
	// A strings.Builder, not s +=: a malformed import can hold tens of thousands of errors, and joining them
	// one by one copies the whole message each time.
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Unwrap exposes the members to errors.As.
func (l List) Unwrap() []error {
	out := make([]error, len(l))
	for i, e := range l {
		out[i] = e
	}
	return out
}

// Err returns nil for an empty list and the list otherwise.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// FromTOML converts an error of github.com/pelletier/go-toml/v2 into an *Error positioned in path. lineOffset is
// added to the line (for TOML embedded in a larger file, such as front matter).
func FromTOML(path string, lineOffset int, err error) error {
	var se *toml.StrictMissingError
	if errors.As(err, &se) && len(se.Errors) > 0 {
		var l List
		for i := range se.Errors {
			d := &se.Errors[i]
			row, col := d.Position()
			l = append(l, &Error{Path: path, Line: row + lineOffset, Column: col, Msg: "unknown key " + strings.Join(d.Key(), "."), Err: err})
		}
		return l
	}
	var de *toml.DecodeError
	if errors.As(err, &de) {
		row, col := de.Position()
		return &Error{Path: path, Line: row + lineOffset, Column: col, Msg: "malformed TOML: " + de.Error(), Err: err}
	}
	return &Error{Path: path, Msg: "malformed TOML: " + err.Error(), Err: err}
}
