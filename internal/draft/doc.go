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
// a line that starts with "<!--" opens an HTML block in CommonMark; before any other sentence it is inline. Each
// marker names the English sentence it is for ("<!-- relloc-draft translate b6.s2 -->"), so that Accept can
// clear one sentence. relloc check fails a file that still holds a marker (rule draft-marker).
//
// The front matter of a draft records, in its [source] table, every English sentence it was made from, keyed
// by its digest (Digest: the first 16 hex digits of the SHA-256 of the sentence after NFC and white-space
// folding) with its text as the value (Record). A current English sentence whose digest is not recorded is
// edited or new: Changes pairs it with the most similar recorded sentence the English no longer has, which
// gives the word diff that check (rule stale), Update's revise markers and relloc review show. Update keeps
// the translation and marks what changed (revise, translate, removed markers), leaving every other byte of the
// file as it was; Accept records the English now for the sentences the translator has revised and removes
// their markers. Tables of an older form, keyed by sentence id with digests as values, are still read.
//
// The package is pure: Draft and Update take parsed releases, glossary, catalogue and translation memory and
// return the bytes of the file to write; the command layer reads and writes files. The matching of catalogue
// formulas against English text and the Markdown edits are written here by hand: no library of the module
// matches go-i18n templates in reverse or edits Markdown in place.
package draft
