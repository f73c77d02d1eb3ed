// Package segment splits the text of one block (a paragraph of a press release) into sentences.
//
// Sentences returns byte spans into the original text, so callers can report positions and map sentences back
// to the source without copying. The rules are written by hand, per script, because no library in the module
// segments Khmer or Japanese (golang.org/x/text has no sentence breaker, and UAX #29 sentence breaking does not
// know Khmer phrase spacing or English abbreviations):
//
//   - English (and every language without its own rules): a sentence ends after . ! ? (with any closing quotes
//     or brackets that follow) when white space and then an upper-case letter, a digit or an opening quote or
//     bracket follow, unless the full stop belongs to an abbreviation (see Abbreviations).
//   - Khmer: a sentence ends after ។ ៕ ? ! and any closing quote or bracket. Khmer separates phrases, not words,
//     with spaces, so a space never ends a sentence. The abbreviation ។ល។ ("etc.") never ends one.
//   - Japanese: a sentence ends after 。！？ ! ? with the closing brackets, quotes and a further 。 that follow.
//     A terminator inside a balanced 「…」 or 『…』 quotation does not end a sentence; a quotation that ends
//     with a terminator ends the sentence unless a quotative particle (と, って, など…) continues it.
//
// A line break on its own never ends a sentence: press releases carry hard line breaks inside sentences.
package segment
