// Package termcsv reads and writes the glossary as CSV, one row per entry, for translators who edit it in a
// spreadsheet.
//
// The columns, in the order Write gives them (Read accepts any order; id, category and en are required):
//
//	id, category, en, en_variants, en_case_sensitive,
//	then for each target language L: L, L_variants, L_forbidden, L_policy,
//	note, source
//
// A list cell (variants, forbidden) joins its forms with " | " (Separator); Read splits on "|" and trims the
// spaces around each form, so a form cannot itself contain "|" (Write refuses such a glossary). en_case_sensitive
// is "true", "false" or empty (false). A language whose four cells are all empty has no rendering at all; Write
// fills the policy cell ("required", "optional" or "omit") of every language the entry has, so that an entry
// that lists a language with nothing in it survives a round trip.
//
// Read takes UTF-8 with or without a byte-order mark and with CRLF or LF line ends, as spreadsheets save it. A
// cell it cannot read is reported as path:line:column with the row number and column name, and every row is
// checked against the glossary's rules before anything is returned.
package termcsv
