// Package bitext aligns the language versions of a release into segments: an English sentence (or a few) with
// its Khmer and Japanese counterparts, each side carrying its position in its file.
//
// Blocks are aligned first (align.Blocks: a block missing or added in a translation becomes a one-sided link),
// then the sentences of each pair of linked blocks (align.Sentences, Gale–Church with glossary terms and numbers
// as anchors). The alignments of the targets are merged over the English sentences, so a segment is the smallest
// unit on which every language agrees: when Japanese joins two English sentences that Khmer keeps apart, the
// segment holds both English sentences, both Khmer sentences and the one Japanese sentence.
package bitext
