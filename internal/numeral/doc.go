// Package numeral finds the numbers of a text in any of relloc's scripts, so
// that relloc check can compare the numbers of an English sentence with
// those of its Khmer and Japanese renderings, and alignment can use them as
// anchors.
//
// Numbers are read from ASCII, Khmer and full-width digit runs (with
// thousands separators and decimals), English ordinals (70th), ranges (25-26
// gives two numbers), Japanese kanji numerals when they clearly are numbers
// (followed by a counter such as 年, 月, 日, 回, 周年, 人, か国, 件 or %, or of
// two characters or more), scale words (million, 万, លាន) and month names
// (English and Khmer, as month numbers). Spelled-out English numbers ("two
// Foreign Ministers") are not numbers here: the target languages would
// mostly write those in words too.
//
// Number.Value is a float64: every integer below 2^53 is exact, and the same
// decimal written in two scripts parses to the same float, so values compare
// with ==. Compare texts with SameValues or Diff, which treat the numbers of
// a text as a multiset of values (an ordinal equals its cardinal: 70th = ៧០ =
// 70周年).
package numeral
