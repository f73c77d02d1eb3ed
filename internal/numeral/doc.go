// Package numeral finds the numbers of a text in any of relloc's scripts, so
// that relloc check can compare the numbers of an English sentence with
// those of its Khmer and Japanese renderings, and alignment can use them as
// anchors.
//
// Numbers are read from ASCII, Khmer and full-width digit runs (with
// thousands separators and decimals), English ordinals (70th), ranges (25-26
// gives two numbers), Japanese kanji numerals when they clearly are numbers
// (followed by a counter such as 年, 月, 日, 回, 周年, 人, か国, 件 or %, or of
// two characters or more), scale words (million, 万, លាន), month names
// (English and Khmer, as month numbers), Japanese era years (令和4年 is
// 2022, 令和元年 2019, 平成24年度 2012), mixed kanji and digits (一億2000万,
// 三万5000), groups of digits separated by spaces (379 800, ១៦ ០០០, 105 万,
// 1 万 6 千), clock times (3:45 p.m., 午後3時45分 and 15時45分 are all 15 and
// 45), English number words and ordinals ("six", "Fifty-eight", "Fifth",
// "two thousand", "a dozen") and Khmer number words before a classifier
// (ប្រាំមួយនាក់). Bare returns the Khmer number words written without one
// (បេក្ខជនពីរ, "two candidates"), which Compare lets render an English
// number word and counts as nothing else. List labels ("1.", "(1)", "2)")
// are read as KindLabel.
//
// What counts as a quantity is decided here, and documented on
// Number.Weak: words a translation may leave unsaid or add ("one", "first",
// "a dozen", "both", American class years such as "sophomore" (2) and
// "senior year" (4), which Japanese writes 2年生 and 4年生 and Khmer
// ឆ្នាំទី២; a group named by its size, "foursomes", which Khmer writes
// ក្រុមបួននាក់ and Japanese フォーサム; the fraction "the final third";
// golf's "front nine"; 両国, 二人 and Khmer ពីរនាក់ ("the two of them"), 2か国間 "bilateral", 2つに割れる
// "divided"; イレブン, "the eleven"; a conversion into Japan time) are weak, and
// Compare reports a weak number only when it pairs with a different one.
// Japanese often drops "one" and "a", and writes "a month" as 1か月, so
// Compare never reports a lone 1 of the translation either.
//
// Number.Unit marks English numbers in imperial units ("6-foot-6", "30
// miles") and Japanese and Khmer numbers before a metric unit (198センチ,
// ៤៨ គីឡូម៉ែត្រ): Compare takes the metric numbers of a rendering as the
// conversion of the imperial ones left over, not as changed or extra.
//
// Compare pairs the numbers of a source and its rendering: equal values
// match, relative date words (本日, 同日, 本年, from Relative) stand for the
// English date, a month or year left to context (本8日 for "October 8") is
// no omission, and the numbers left over pair by kind and magnitude into
// changed numbers (expected 20, found 25).
//
// Clock times, list labels, English and Khmer number words and the date
// context are read by hand (context.go, words.go): no Go library reads them
// in Khmer and Japanese text.
//
// Read keeps what Find read in a text (a paragraph), so that the numbers of its sentences are taken from it
// (Reading.Span) instead of reading each sentence again: no rule of the first stage of Find reads across a
// sentence end, as Reading says and TestSpanProperty checks, so the numbers of a span between sentence ends
// are exactly what Find gives for the span alone. Reading.Words and Reading.SpanWords give the words Relative
// and Bare read in the same way: a text's bare Khmer number words are put aside as its numbers are read.
//
// Number.Value is a float64: every integer below 2^53 is exact, and the same
// decimal written in two scripts parses to the same float, so values compare
// with ==. Compare texts with SameValues or Diff, which treat the numbers of
// a text as a multiset of values (an ordinal equals its cardinal: 70th = ៧០ =
// 70周年).
package numeral
