// Package srx writes relloc's sentence segmentation as SRX 2.0 (Segmentation Rules eXchange), so that a CAT
// tool (OmegaT, Trados, memoQ, Okapi) splits the English, Khmer and Japanese of a release where relloc does:
// after "H.E." and "Mr." never, after "U.N." or "Sen." only before a word that opens a sentence (and after
// "Sen." before an office: "Hun Sen. Prime Minister …"), after
// "No." or "Jan." only before a word that is not a number, after ។ and 。 with their closing quotes, never
// inside ។ល។, nor between a quotation and its short attribution ('"…!" Smith added.', 「…。」彼女は言った。). A tool that splits elsewhere misses the exact matches of relloc's translation memory.
//
// The rules are generated from the lists of package segment (Abbreviations, SentenceOpeners, OfficeOpeners) rather than
// copied, so that they follow it. SRX rules are regular expressions tried in order at each position (the first
// whose beforebreak matches the text before the position and whose afterbreak matches the text after it
// decides); they are written in the common subset of ICU, Java and Go regular expressions, and the tests apply
// them with Go's regexp to check that they split as segment.Sentences does. The XML is written by hand, like
// relloc's other exchange formats.
package srx
