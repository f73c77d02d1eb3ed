// Package align pairs the blocks and sentences of a source text with those of its translation.
//
// Both aligners are dynamic programmes over the two sequences, written by hand after Gale & Church, "A Program
// for Aligning Sentences in Bilingual Corpora" (Computational Linguistics 19(1), 1993); no library in the module
// aligns text. A link costs −log P(match type) − log P(|Z| ≥ |δ|), δ being the deviation of the target length
// from c times the source length in units of its standard deviation √(l·s²)·c, plus an anchor term: anchors,
// the normalised glossary terms and numbers of a unit that the caller extracts, are the strongest evidence:
// shared anchors lower the cost of a link, disjoint ones raise it. Sentences also pays for a link boundary that
// cuts a quotation on one side only (quotes.go).
//
// The length model of a language pair (Model: the ratio c, the variance s² and the priors of the match types)
// is calibrated on NTREX-128 for English–Khmer and English–Japanese (see EnglishKhmer and EnglishJapanese for
// the constants and how they were measured); other pairs use Gale & Church's. The ratio of a text is the
// caller's measure over the whole document when given (Options.Ratio), else estimated from the two inputs and
// refined from the 1:1 links of each candidate alignment.
//
// Blocks allows only 1:1, 1:0 and 0:1 links (a paragraph is translated, dropped or added); Sentences also
// allows 1:2, 2:1, 1:3, 3:1, 2:2, 1:4, 2:3 and 3:2 (sentences split or merged by the translator), each where
// its pair's model gives it a probability.
//
// Work and memory are bounded and near-linear. The programme fills only a band of its table: around the
// straight line through anchor points — pairs of units that share a name or number occurring once on each
// side, the longest chain of them in order —, as wide on each stretch as the stretch's difference in counts
// plus a margin. Memory is one byte of back pointer per cell of the band and four rows of costs; small inputs
// get the whole table. An alignment whose band would exceed Options.MaxCells is refused with a
// *TooLargeError before anything of its size is allocated, and the caller reports it (rule align-too-large).
package align
