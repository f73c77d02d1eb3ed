// Package worddiff compares two versions of a sentence word by word and writes the difference the way
// git diff --word-diff=plain does: "USD [-30-]{+35+} million for [-12-]{+14+} projects".
//
// Words are runs of non-space characters, so a changed number or punctuation mark shows as its whole word.
// The matching itself is github.com/pmezard/go-difflib's SequenceMatcher (Ratcliff–Obershelp), which finds
// the longest common runs and so gives diffs that read naturally; this package only tokenises, groups the
// operations and formats them.
package worddiff
