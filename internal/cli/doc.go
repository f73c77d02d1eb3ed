// Package cli holds relloc's cobra commands. Commands are thin: each parses its flags into an options struct,
// checks flag combinations and calls one function of a library package; output goes through IO so that tests can
// capture it. Exit status: 0 clean, 1 error-level findings, 2 the run itself failed (bad flag, bad input).
package cli
