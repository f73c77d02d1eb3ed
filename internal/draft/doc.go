// Package draft writes the first version of a translation of an English release, and brings an existing
// translation up to date after its English changed.
//
// A draft has the English's block structure. Each block is, in this order of preference:
//
//   - boilerplate from the message catalogue: the letterhead, the motto, the ministry, the document type and the
//     formulas ("On DATE", "PLACE, DATE", "Telephone Conversation between A and B") when the English block (or
//     each of its lines) matches the catalogue's English message, with the date written for the language by
//     localefmt and names rendered from the glossary;
//   - otherwise, sentence by sentence: an exact translation-memory match, filled as it is; a fuzzy match,
//     filled after a <!-- relloc-draft fuzzy 87%: from RELEASE SEGMENT --> marker; or the English sentence with
//     its glossary terms replaced by their renderings, its dates, ordinals and numbers written for the language,
//     after a <!-- relloc-draft translate --> marker.
//
// Markers are HTML comments, which relloc's Markdown parser keeps out of the text (release.Document lists them
// in Comments): before the first sentence of a block a marker stands on a line of its own above the block, since
// a line that starts with "<!--" opens an HTML block in CommonMark; before any other sentence it is inline.
// relloc check fails a file that still holds a marker (rule draft-marker).
//
// The front matter of a draft records, in its [source] table, a digest of every English sentence it was made
// from (Digest: the first 16 hex digits of the SHA-256 of the sentence after NFC and white-space folding),
// keyed by the sentence's id "b6.s2" (block 6, sentence 2 of the English). These ids are bitext's segment ids
// whenever a translation follows the English sentence by sentence. A sentence whose digest is not among the
// recorded ones has changed since the translation was made: it is stale (Stale), and Update re-drafts exactly
// the target text aligned with it, leaving every other byte of the file as it was.
//
// The package is pure: Draft and Update take parsed releases, glossary, catalogue and translation memory and
// return the bytes of the file to write; the command layer reads and writes files. The matching of catalogue
// formulas against English text and the Markdown edits are written here by hand: no library of the module
// matches go-i18n templates in reverse or edits Markdown in place.
package draft
