// Package termmatch finds glossary terms in a text in one multi-pattern pass.
//
// A Matcher is built once per language from all the strings to look for
// (terms, variants, forbidden renderings). Patterns and texts are put in the
// matching form of their language (package matchform), so a Khmer look-alike
// spelling or a full-width Japanese variant matches the approved term, and
// matches are reported in byte offsets of the original text, with Exact set
// when the original slice is the pattern as written.
//
// The automaton is github.com/coregx/ahocorasick: it is maintained, builds a
// compiled DFA with byte classes and reports every overlapping match with its
// positions and pattern index without a per-match allocation.
// github.com/petar-dambovaliev/aho-corasick was the alternative; it has not
// been released since 2025, allocates a *Match per hit and its whole-word
// filter runs after leftmost-longest selection, so a longer candidate that
// fails the boundary test hides a shorter one that passes. Here every
// overlapping occurrence is taken from the automaton, filtered by the
// boundary rules, and leftmost-longest non-overlapping matches are selected
// from what is left, which gives the right answer in that case.
//
// Boundaries: in English a match must not be glued to a letter or digit on a
// side where the pattern itself begins or ends with one ("Cambodia's" holds
// "Cambodia", "Japanese" does not hold "Japan", "H.E." matches before a
// space). Khmer and Japanese have no word boundaries; a Khmer match must
// only not cut an orthographic syllable (start on a mark or end before one),
// and a Latin-letter edge of a pattern still needs a non-Latin neighbour in
// any language ("UN" is not found in "UNESCO").
//
// Context: a pattern may carry text that must stand right before or right
// after it (PrecededBy, FollowedBy: 日 for Japan only in 訪日 or 日カンボジア,
// never in 8月4日). The automaton matches the pattern with its context, the
// boundary rules apply to that whole string, and the match reported is the
// pattern alone, so the context is still found as a match of its own.
// LeftmostLongest derives the non-overlapping matches from the overlapping
// ones, so a caller can keep one pass per text and read both views.
package termmatch
