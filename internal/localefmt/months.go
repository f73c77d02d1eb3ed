package localefmt

// Month names, format context, wide width, from the Unicode CLDR Gregorian
// calendar data (cldr-json, cldr-dates-full/main/<lang>/ca-gregorian.json,
// dates/calendars/gregorian/months/format/wide):
//
//   - km: CLDR 48 (cldr-json package cldr-dates-full 48.2.0-BETA0).
//   - ja: cldr-json package cldr-dates-full 42.0.0; the Japanese names
//     ("1月" … "12月") are unchanged through CLDR 48.
//
// x/text carries no calendar data, hence this table. The test
// TestEveryDayAgainstCLDR checks every rendered date against
// testdata/cldr-km-ja.json, an extract of the same source.

// kmMonths are the Khmer wide month names, January first.
var kmMonths = [12]string{
	"មករា",
	"កុម្ភៈ",
	"មីនា",
	"មេសា",
	"ឧសភា",
	"មិថុនា",
	"កក្កដា",
	"សីហា",
	"កញ្ញា",
	"តុលា",
	"វិច្ឆិកា",
	"ធ្នូ",
}

// jaMonths are the Japanese wide month names, January first.
var jaMonths = [12]string{
	"1月", "2月", "3月", "4月", "5月", "6月",
	"7月", "8月", "9月", "10月", "11月", "12月",
}
