package inputerr

import (
	"errors"
	"fmt"
	"strings"

	"github.com/pelletier/go-toml/v2"

	"github.com/relloc/relloc/internal/ui"
)

// Error is a problem in an input file at a position. Line and Column are 1-based; zero means unknown.
type Error struct {
	Path   string
	Line   int
	Column int
	Msg    string // in English
	Err    error  // the cause, if any
	// ID names Msg in relloc's catalogue (internal/ui/locales/errors.*.toml) and Args are its fields, so that
	// In can say it in the reader's language; both are empty for a message that has no id.
	ID   string
	Args ui.Args
}

// New returns an *Error whose message has no id: it reads in English whatever the reader's language.
func New(path string, line, col int, format string, args ...any) *Error {
	return &Error{Path: path, Line: line, Column: col, Msg: fmt.Sprintf(format, args...)}
}

// Say returns an *Error with the catalogue message id filled with args, Msg being its English.
func Say(path string, line, col int, id string, args ui.Args) *Error {
	return &Error{Path: path, Line: line, Column: col, Msg: ui.English.T(id, args), ID: id, Args: args}
}

func (e *Error) Error() string { return e.at(e.Msg) }

// In returns the error in p's language: its position first, as in Error, then its message.
func (e *Error) In(p *ui.Printer) string {
	if e.ID == "" {
		return e.Error()
	}
	return e.at(p.T(e.ID, e.Args))
}

func (e *Error) at(msg string) string {
	switch {
	case e.Line > 0 && e.Column > 0:
		return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Column, msg)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, msg)
	case e.Path != "":
		return fmt.Sprintf("%s: %s", e.Path, msg)
	}
	return msg
}

func (e *Error) Unwrap() error { return e.Err }

// Is reports whether err is, or wraps, an input error.
func Is(err error) bool {
	var e *Error
	return errors.As(err, &e)
}

// List is several input errors found in one pass, so that a user can fix them all at once.
type List []*Error

func (l List) Error() string { return l.In(ui.English) }

// In returns the errors in p's language, one a line.
func (l List) In(p *ui.Printer) string {
	// A strings.Builder, not s +=: a malformed import can hold tens of thousands of errors, and joining them
	// one by one copies the whole message each time.
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.In(p))
	}
	return b.String()
}

// Text returns err for a person who reads p's language: the input errors it holds (an *Error or a List, which
// may be wrapped) in that language, position first, and what wraps them (a context such as "read glossary: ")
// as it is. Other errors give their own text.
func Text(err error, p *ui.Printer) string {
	var l List
	if errors.As(err, &l) {
		return wrapped(err, l, l.In(p))
	}
	var e *Error
	if errors.As(err, &e) {
		return wrapped(err, e, e.In(p))
	}
	return err.Error()
}

// wrapped replaces the text of inner at the end of err's text with said.
func wrapped(err, inner error, said string) string {
	full := err.Error()
	if prefix, ok := strings.CutSuffix(full, inner.Error()); ok {
		return prefix + said
	}
	return full
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
			e := Say(path, row+lineOffset, col, "UnknownKey", ui.Args{"Key": strings.Join(d.Key(), ".")})
			e.Err = err
			l = append(l, e)
		}
		return l
	}
	var de *toml.DecodeError
	if errors.As(err, &de) {
		row, col := de.Position()
		e := Say(path, row+lineOffset, col, "MalformedTOML", ui.Args{"Cause": de.Error()})
		e.Err = err
		return e
	}
	e := Say(path, 0, 0, "MalformedTOML", ui.Args{"Cause": err.Error()})
	e.Err = err
	return e
}
