// Package termmatch finds glossary terms in a text in one multi-pattern pass.
//
// A Matcher is built once per language from all the strings to look for
// (terms, variants, forbidden renderings). Patterns and texts are put in the
// matching form of their language (package matchform), so a Khmer look-alike
// spelling or a full-width Japanese variant matches the approved term, and
// matches are reported in byte offsets of the original text, with Exact set
// when the original slice is the pattern as written.
//
// The automaton is written here (automaton.go): an Aho-Corasick trie over
// the bytes of the matching forms, with complete rows of next states for the
// states near the root (failures folded in) and, for the rest, a record with
// the one edge or a sorted edge list and a failure link. The scan follows
// codes that say where a state's transitions are and whether a pattern ends
// there, so that a step from a dense state reads the byte's class and the
// row and nothing else; sparse states are numbered depth first so that
// walking along a term reads memory in order, and the scan decodes no rune:
// only a candidate's edges are decoded for the boundary tests. English is scanned once, in its case-folded form: a
// case-sensitive pattern is in the same automaton, folded, and a hit of it
// counts only where the original text, in the form that keeps case, is the
// pattern (where two automata scanned two forms). The libraries do
// not do this job well. github.com/coregx/ahocorasick, used before, compiles a
// fast DFA, but its only overlapping search returns every occurrence in one
// slice and its leftmost-longest search cannot test a candidate's boundaries,
// so the matcher collected every overlapping hit (tens of megabytes for a
// 35 kB text with a large glossary) and sorted it: 0.3–0.9 MB/s.
// github.com/petar-dambovaliev/aho-corasick allocates a *Match per hit and
// filters whole words after leftmost-longest selection, so a longer candidate
// that fails the boundary test hides a shorter one that passes. Here the scan
// tests the boundary rules as it finds each occurrence, and FindAll keeps only
// the best candidate of each start (the longest, then by form and pattern
// order), in buffers reused across calls, and selects the non-overlapping
// ones from those: no list of every hit is made. FindAllOverlapping, which
// the rules that count renderings need, reports the same occurrences in
// order of end, and FindAll equals LeftmostLongest of it (property tests
// check both against a strings.Index reference on generated texts).
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
// ones, so a caller that needs both views can keep one pass per text, and
// FindAllForm and FindAllOverlappingForm take a matching form the caller has
// made already (bitext's release view makes one per text, shared with
// numeral.FindForm).
package termmatch
