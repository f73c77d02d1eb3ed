package cli

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/relloc/relloc/internal/ui"
)

// usageError is a bad flag or argument: exit status 2. It is a message of relloc's catalogues (id with its
// fields) so that Run prints it in the reader's language, with the names the user may have meant; Error gives
// the English. An error that is not a message (err) is printed as it is.
type usageError struct {
	id      string
	data    map[string]any
	suggest []string
	err     error
}

func (e *usageError) Error() string { return e.text(ui.English) }
func (e *usageError) Unwrap() error { return e.err }

// text renders the error in p's language.
func (e *usageError) text(p *ui.Printer) string {
	s := ""
	if e.id != "" {
		s = p.T(e.id, e.data)
	} else if e.err != nil {
		s = e.err.Error()
	}
	return s + didYouMean(p, e.suggest)
}

// usage returns the usage error of message id; kv are its fields, name then value ("Flag", "--lang", ...).
func usage(id string, kv ...any) *usageError {
	data := make(map[string]any, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		data[kv[i].(string)] = kv[i+1]
	}
	return &usageError{id: id, data: data}
}

// suggesting adds the names near s among candidates (closest) as a "did you mean" hint.
func (e *usageError) suggesting(s string, candidates []string) *usageError {
	e.suggest = closest(s, candidates)
	return e
}

// q quotes what a user wrote as Go does (%q), for the fields of a message.
func q(s string) string { return strconv.Quote(s) }

// didYouMean is the hint for a mistyped name in p's language: "; did you mean X?" or "; did you mean X or
// Y?", or "" when there is no name to offer.
func didYouMean(p *ui.Printer, names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return p.T("DidYouMean", map[string]any{"Name": names[0]})
	}
	sep := p.T("DidYouMeanSeparator", nil)
	return p.T("DidYouMeanOr", map[string]any{"Names": strings.Join(names[:len(names)-1], sep), "Last": names[len(names)-1]})
}

// flagError turns an error of pflag's parsing into a usage error, by its kind (pflag's typed errors): the
// flag that does not exist (with the command's flags it may have meant), a missing or invalid value, bad
// syntax. An error of another kind keeps pflag's English.
func flagError(c *cobra.Command, err error) error {
	var (
		notExist *pflag.NotExistError
		noValue  *pflag.ValueRequiredError
		invalid  *pflag.InvalidValueError
		syntax   *pflag.InvalidSyntaxError
	)
	switch {
	case errors.As(err, &notExist):
		if group := notExist.GetSpecifiedShortnames(); group != "" {
			return usage("FlagUnknownShorthand", "Char", strconv.QuoteRune([]rune(notExist.GetSpecifiedName())[0]), "Group", "-"+group)
		}
		var names []string
		c.Flags().VisitAll(func(f *pflag.Flag) {
			if !f.Hidden {
				names = append(names, "--"+f.Name)
			}
		})
		name := "--" + notExist.GetSpecifiedName()
		return usage("FlagUnknown", "Flag", name).suggesting(name, names)
	case errors.As(err, &noValue):
		name := "--" + noValue.GetSpecifiedName()
		if group := noValue.GetSpecifiedShortnames(); group != "" {
			name = strconv.QuoteRune([]rune(noValue.GetSpecifiedName())[0]) + " in -" + group
		}
		return usage("FlagNeedsValue", "Flag", name)
	case errors.As(err, &invalid):
		return &invalidValueError{usage("FlagInvalidValue", "Value", q(invalid.GetValue()), "Flag", q(flagName(invalid.GetFlag()))), invalid.Unwrap()}
	case errors.As(err, &syntax):
		return usage("FlagBadSyntax", "Flag", syntax.GetSpecifiedFlag())
	}
	return &usageError{err: err}
}

// flagName names f as pflag's messages do: "-o, --output" or "--lang".
func flagName(f *pflag.Flag) string {
	if f.Shorthand != "" && f.ShorthandDeprecated == "" {
		return "-" + f.Shorthand + ", --" + f.Name
	}
	return "--" + f.Name
}

// invalidValueError is a flag value that its type rejected; the reason is the value's own usage error
// (percentValue) or, for a number, "not a number", else the parser's English.
type invalidValueError struct {
	*usageError
	cause error
}

func (e *invalidValueError) Error() string { return e.text(ui.English) }
func (e *invalidValueError) Unwrap() error { return e.usageError }

func (e *invalidValueError) text(p *ui.Printer) string {
	var ue *usageError
	var num *strconv.NumError
	reason := ""
	switch {
	case errors.As(e.cause, &ue):
		reason = ue.text(p)
	case errors.As(e.cause, &num):
		reason = p.T("NotANumber", nil)
	case e.cause != nil:
		reason = e.cause.Error()
	}
	data := map[string]any{"Reason": reason}
	for k, v := range e.data {
		data[k] = v
	}
	return p.T(e.id, data)
}

// localizedError is an error that can be said in the reader's language.
type localizedError interface {
	error
	text(p *ui.Printer) string
}

// errorIn renders err in p's language where it is one of relloc's messages, also when an error wraps it
// after a prefix of its own ("import: ..."), else as it is.
func errorIn(p *ui.Printer, err error) string {
	var le localizedError
	if errors.As(err, &le) {
		if prefix, ok := strings.CutSuffix(err.Error(), le.Error()); ok {
			return prefix + le.text(p)
		}
	}
	return fmt.Sprint(err)
}
