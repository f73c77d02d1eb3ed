// Package tm is relloc's translation memory: the aligned segments of past
// releases, searched for segments similar to a new source sentence so that
// their translations can seed a draft.
//
// Similarity is an edit-distance ratio on characters, not words: Khmer and
// Japanese are written without spaces, so a word-level distance would need a
// word segmenter for them, while characters work the same in every language.
// Both texts are first normalised (Normalize): NFC, width folding (full-width
// Latin and digits to ASCII, half-width katakana to full-width), Unicode case
// folding, Khmer look-alike spellings folded to one spelling (coeng TA and coeng
// DA, the order of coeng RO, split vowels; package matchform), punctuation and invisible format characters such as the zero-width
// space dropped, runs of white space collapsed to one space. The score is
// 1 − d/max(|a|, |b|), where d is the Levenshtein distance in code points
// and |a| the length of a normalised text in code points, so that two texts
// equal after normalisation score 1.
//
// Similarity, which scores one pair, uses github.com/agnivade/levenshtein. A
// lookup scores thousands of candidates against one query and needs to know
// only whether each is within the threshold's distance, which no Go library
// answers without computing the whole matrix; so this package computes that
// itself, written by hand and tested against agnivade's distance: a banded
// distance that stops once a row exceeds the bound (distance.go), and, for a
// band wider than a few blocks of 64 code points, Myers' bit-parallel distance
// with the query's bit masks made once per lookup (myers.go).
//
// Lookups do not compute an edit distance against every unit. Each unit's
// normalised source is indexed by its character trigrams (padded with two
// boundary marks at each end), and a unit is compared only if it passes two
// filters that never drop a unit scoring at or above the threshold: the length
// filter (the distance is at least the difference of the lengths) and the
// q-gram count filter (an edit destroys at most three trigrams, so texts
// within distance d share at least max(|a|, |b|) + 2 − 3d trigrams). When the
// threshold is so low that the count filter cannot exclude anything, Lookup
// falls back to scanning the units of a suitable length.
//
// Search serves a translator's search box: it also finds the sentences that
// start with the text typed. Concordance finds every segment holding a phrase
// in any language, compared in each language's matching form.
//
// A translator reads the first matches of a search, as the match panes of
// CAT tools show the best few, while a templated sentence has thousands of
// matches in a large archive. SearchTop returns the first matches of Search,
// exactly as Search orders them, and counts the matches tier by tier
// (SearchTiers: the exact matches, then the prefix matches from a score of 1
// down, then the rest likewise), stopping at the first tier that holds more
// than it shows, so that a store needs to find only the units that score that
// well: few, through the rarest of the query's trigrams.
package tm
