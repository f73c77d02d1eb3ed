// Package xliff exchanges the translation of a release with CAT tools (OmegaT, Trados, memoQ, Weblate,
// Translate Toolkit) as XLIFF 1.2 (the default: OmegaT 3.6 and Translate Toolkit read it) or XLIFF 2.1.
//
// Write makes one unit per aligned segment of the release (bitext's segment id, "b6.s1", is the unit id): the
// English as source, the current translation as target with its state, the segment's glossary terms as notes
// and the Markdown markup of both sides (bold, emphasis, superscript, subscript, code, links, hard line breaks)
// as inline codes: <g>/<x> in 1.2, <pc>/<ph> in 2.1. Read parses both versions, including the <bpt>/<ept>/
// <ph>/<it> native codes and <sc>/<ec> of other tools, into the same Document. Apply is the way back: it
// writes the targets of a Document into the translation file, replacing the text of each changed segment in
// place, with inline codes turned back into Markdown and every other byte (front matter, structure, other
// segments) left as it was; it refuses a Document whose sources no longer match the English. A unit whose id
// is no segment of the release (Translate Toolkit's po2xliff numbers units afresh) is placed by its source.
//
// The XML is read with encoding/xml's tokenizer and written by hand: inline codes are mixed content, which
// encoding/xml's struct mapping cannot express in order.
package xliff
