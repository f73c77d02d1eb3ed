// Package localefmt writes dates, date ranges, ordinals, anniversaries and
// numbers the way relloc's three languages write them in press releases:
// English (en), Khmer (km) and Japanese (ja). It also finds and parses the
// dates of an English release so that the drafter can replace them.
//
// The package is pure: it reads no files and keeps no state beyond a few
// tables computed once.
//
// Where golang.org/x/text has the data, it is used: language tags and their
// base language, number formatting (x/text/number and x/text/message), the
// Khmer digits (taken from x/text's "khmr" numbering system by formatting
// 0-9 with km-u-nu-khmr) and the English ordinal plural categories
// (x/text/feature/plural) that choose between "st", "nd", "rd" and "th".
//
// x/text has no month names, no Japanese era calendar and no notion of the
// Cambodian official prose date, so these are written here by hand:
//
//   - months.go holds the Khmer and Japanese month names, copied from CLDR
//     (ca-gregorian, format/wide), with the CLDR version cited there.
//   - era.go holds the Japanese eras from Meiji to Reiwa with the start dates
//     CLDR uses, and writes year 1 of an era as 元年.
//   - The Khmer Prose form "ថ្ងៃទី១៨ ខែវិច្ឆិកា ឆ្នាំ២០២១" (day, month, year
//     words before each part) is the Cambodian official usage, not a CLDR
//     pattern; the Khmer Long form follows CLDR's long date "d MMMM y" with
//     Khmer digits.
//   - Date ranges follow CLDR's interval formats (yMMMd, GyMMMd) for ja and
//     for the km Long style. The km Prose range joins the days of one month
//     with "-" (ថ្ងៃទី២៥-២៦ ខែវិច្ឆិកា ឆ្នាំ២០២១) and otherwise puts ដល់ ("to")
//     before the second date, as Cambodian press writes ranges
//     ("ពីថ្ងៃទី 7 ដល់ 13"); en uses the house style "25-26 November 2021"
//     and "30 November - 2 December 2021".
//   - FindEnglishDates and ParseEnglishDate read English dates with a small
//     hand-written scanner; x/text parses no dates.
//
// Numbers in Khmer prose are written with Khmer digits and the separators
// CLDR gives the khmr numbering system: 1234567.5 is "១.២៣៤.៥៦៧,៥". x/text
// (with km-u-nu-khmr) and CLDR 45 and later agree on that form, so relloc
// takes it from x/text. For plain "km" x/text would write Latin digits with
// the same '.' and ',' ("1.234.567,5"), which current CLDR no longer gives for
// Latin digits ("1,234,567.5"); relloc never writes that outdated form: a tag
// asking for Latin digits (km-u-nu-latn) gets the current CLDR form.
package localefmt
