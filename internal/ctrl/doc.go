// Package ctrl shows control characters escaped, so that text from a release, a glossary or a file name cannot
// drive the terminal (or a CI log) that relloc's output reaches: an ESC starting an ANSI or OSC sequence (colour,
// window title, screen clear), BEL, backspace, a carriage return that overwrites a line, C1 controls.
//
// It is written by hand: strconv.Quote escapes too much for relloc's output (the zero-width spaces and joiners
// of Khmer text, which are format characters, not controls) and adds quotes; a dozen lines do the job.
package ctrl
