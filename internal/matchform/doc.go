// Package matchform puts text into the form that glossary terms and numbers are
// matched on, and maps every byte offset of that form back to the original
// text, so that findings can point at what the translator actually typed.
//
// Each language has its own folding:
//
//   - Khmer: NFC, look-alike spellings folded to one canonical spelling, and
//     zero-width characters (U+200B, U+200C, U+200D, U+FEFF) removed. The
//     canonical spelling is computed per orthographic syllable: the marks after
//     a base are put in the order base, robat, subscripts (coeng + consonant,
//     with coeng RO last), register shifter, vowels, other signs; subscript DA
//     is folded to subscript TA (the two subscripts are drawn the same, see the
//     ICANN Khmer label generation rules, which treat them as variants); and
//     split vowels typed in two parts (U+17C1 U+17B6, U+17C1 U+17B8, and the
//     confusable U+17BE U+17B6) become the single code point. No library does
//     this, neither golang.org/x/text (Khmer vowels have no canonical
//     decomposition, so NFC leaves them alone) nor any Go package we know of,
//     so it is written by hand here. The rules follow the published SIL Khmer
//     character specification.
//   - Japanese: width folding (full-width ASCII and digits to ASCII, half-width
//     katakana to full-width, with half-width voiced sound marks composed onto
//     the kana) with golang.org/x/text/width, then NFC.
//   - English: NFC, curly quotes and apostrophes to ASCII, non-breaking spaces
//     to spaces, and optionally full case folding (golang.org/x/text/cases).
//   - Any other language: NFC only.
//
// A Form records only the spans where the folded text is not a byte-for-byte
// copy of the original, so an unchanged text costs one string and no map.
// KhmerIssues reports, for relloc check, where Khmer text is not in canonical
// spelling or is badly encoded.
package matchform
