// Package segment splits the text of one block (a paragraph of a press release) into sentences.
//
// Sentences returns byte spans into the original text, so callers can report positions and map sentences back
// to the source without copying. The rules are written by hand, per script, because no library in the module
// segments Khmer or Japanese (golang.org/x/text has no sentence breaker, and UAX #29 sentence breaking does not
// know Khmer phrase spacing or English abbreviations):
//
//   - English (and every language without its own rules): a sentence ends after . ! ? (with any closing quotes
//     or brackets that follow) when white space and then an upper-case letter, a digit or an opening quote or
//     bracket follow, unless the full stop belongs to an abbreviation; whether it does is decided by the list
//     Abbreviations together with the word that follows ("Hun Sen. Furthermore" ends, "Sen. Graham" does not).
//   - Khmer: a sentence ends after ។ ៕ ? ! and any closing quote or bracket, or a full stop a translator typed
//     after ។. Khmer separates phrases, not words, with spaces, so a space never ends a sentence; but a closing
//     quote set off by a space ("…។ ”") still belongs to the sentence it closes. The abbreviation ។ល។ ("etc.")
//     never ends one.
//   - Japanese: a sentence ends after 。｡！？ ! ? with the closing brackets, quotes and a further 。 that follow.
//     A quotation that ends with a terminator (「…。」) ends the sentence unless a quotative particle (と, って,
//     など…) continues it. A terminator inside a quotation ends a sentence too: translators carry each sentence
//     of a quoted English passage over as a sentence of its own (「…したい。…したい。」と述べた), and on the
//     NTREX-128 news set splitting there recovers 78 more gold lines than keeping quotations whole.
//
// A line break on its own never ends a sentence: press releases carry hard line breaks inside sentences. The one
// exception is Titled's: a title on a line of its own before the text of a list item ("1. Introduction").
package segment
