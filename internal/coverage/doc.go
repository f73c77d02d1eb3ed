// Package coverage measures how far the glossary reaches: how complete it is per language, how much of the
// English glossary vocabulary of each release is rendered in the aligned translation, and which phrases of the
// English releases look like diplomatic terms the glossary lacks.
//
// Build is the pure core: it takes the glossary, the aligned releases and their term matchers and returns a
// Report whose JSON form is the one `relloc coverage --format json` prints. Below lists the figures under a
// threshold, for `--min`.
//
// The candidate-term extractor (Extract) is a heuristic written here by hand, as no library finds diplomatic
// terms in English: it collects runs of capitalised words (allowing the connectors of, and, for, the, on, in
// between them), keeps single words only when they are a family name in capitals (HAYASHI) or follow a title
// (H.E., Mr., Ambassador, Minister, ...), drops sentence-initial function words, skips headings written all in
// capitals, and splits runs where a glossary term already matches, so that what is left is what the glossary
// does not know.
package coverage
