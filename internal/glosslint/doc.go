// Package glosslint checks the glossary as a whole, where glossary.Parse checks each entry on its own: two
// entries with the same rendering, a form one entry accepts and another forbids, an English form claimed by two
// entries, an entry with no rendering in a language, and forbidden forms that the releases still contain.
//
// Run returns findings (package finding), so that `relloc glossary lint` prints them with the same writers as
// `relloc check`. Forms are compared in their matching form (package matchform: Khmer look-alike spellings
// folded, Japanese width folded, English case folded unless both entries are case-sensitive), which is how the
// term matcher would see them.
package glosslint
