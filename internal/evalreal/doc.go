// Package evalreal measures relloc check on real, professional translations that nobody on the project wrote:
// how many error findings it reports on the unaltered texts (each should be a real difference between the
// English and its translation), and how many of the faults it plants it catches.
//
// It builds two workspaces in memory from the corpora beside the repository (../shared/corpora, read in place,
// never copied into the project) with this repository's glossary, locale and relloc.toml:
//
//   - mofa-en-ja: six official MOFA/Kantei English–Japanese readouts, one release each;
//   - ntrex128: 123 English–Khmer–Japanese news documents, one release per document, one sentence a paragraph.
//
// Faults are planted with a fixed seed, one per release, language and kind:
//
//   - number: a number of the translation that the English also has is changed (its last digit moves by three);
//   - drop: one sentence of the translation is deleted (a whole paragraph when the paragraph has one sentence);
//   - title: a rendering of an office or honorific entry that the English also gives is replaced by the rendering
//     of another entry of the same category, the glossary's own categories deciding what a title is.
//
// A fault counts as caught when checking the altered release gives an error finding of the kind's rules
// (number-mismatch; segment-missing; glossary-missing or glossary-forbidden) that the unaltered release did not
// give: a new finding, or one whose message changed (a changed number on a line that already had a number finding).
//
// The real problems of the reference texts are listed, each with a reason, in testdata/known.tsv, so that
// "real" is a list anyone can audit: the evaluation prints each error finding as known or unexplained.
// Run it with `make eval-real`; it skips when ../shared is absent.
package evalreal
