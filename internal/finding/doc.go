// Package finding holds the diagnostics of relloc as plain data: a Finding is
// one problem at one place in one file, with a stable rule id and a Severity.
//
// Checks produce findings; the renderers in internal/report turn them into
// text, JSON, SARIF, JUnit or GitHub annotations. Nothing here does I/O.
//
// Positions are 1-based lines and columns, and columns count Unicode code
// points, not bytes or UTF-16 units, so that a column in a Khmer or Japanese
// line means the same thing in every output format. Lines converts the byte
// offsets a parser works with into such positions.
package finding
