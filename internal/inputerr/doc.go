// Package inputerr is the error type for bad input that a user wrote: a file, a line and a column, and what is
// wrong there. The command layer maps these errors to exit status 2 and prints them as path:line:col: message.
package inputerr
