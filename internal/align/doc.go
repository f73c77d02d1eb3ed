// Package align pairs the blocks and sentences of a source text with those of its translation.
//
// Both aligners are dynamic programmes over the two sequences, written by hand after Gale & Church, "A Program
// for Aligning Sentences in Bilingual Corpora" (Computational Linguistics 19(1), 1993); no library in the module
// aligns text. Lengths are compared through the expected ratio c of target to source length, estimated from the
// two inputs themselves: total target length / total source length, scaled by a few factors (0.7–1.4) because a
// dropped or added unit biases that total, each candidate refined from the 1:1 links of its alignment, and the
// cheapest alignment kept. So the same code serves English–Khmer (c ≈ 1.2) and English–Japanese (c ≈ 0.45) without
// per-language tables. Anchors, the normalised glossary terms and numbers of a unit that the caller extracts,
// are the strongest evidence: shared anchors lower the cost of a link, disjoint ones raise it.
//
// Blocks allows only 1:1, 1:0 and 0:1 links (a paragraph is translated, dropped or added); Sentences also
// allows 2:1 and 1:2 (a sentence split or merged by the translator).
package align
