package localefmt

import (
	"fmt"
	"strconv"
)

// era is one Japanese era of the modern (one era per reign) period.
type era struct {
	name  string
	start civil // first day, Gregorian
}

// jaEras lists the eras CLDR's Japanese calendar uses since Meiji, latest
// last. Start dates: CLDR supplemental calendarData, calendar "japanese"
// (era types 232-236, as quoted in UTS #35 Part 4, Dates); names: CLDR ja
// ca-japanese eraAbbr. x/text has no Japanese calendar.
var jaEras = [...]era{
	{"明治", civil{1868, 10, 23}},
	{"大正", civil{1912, 7, 30}},
	{"昭和", civil{1926, 12, 25}},
	{"平成", civil{1989, 1, 8}},
	{"令和", civil{2019, 5, 1}},
}

// eraOf returns the era holding c.
func eraOf(c civil) (era, error) {
	for i := len(jaEras) - 1; i >= 0; i-- {
		if c.key() >= jaEras[i].start.key() {
			return jaEras[i], nil
		}
	}
	return era{}, fmt.Errorf("%04d-%02d-%02d is before the Meiji era", c.y, c.m, c.d)
}

// jaEraDate writes the date of c in era e without the era name, CLDR's
// "y年M月d日" with the jpanyear numbering: year 1 is 元年.
func jaEraDate(e era, c civil, year, month bool) string {
	s := ""
	if year {
		if y := c.y - e.start.y + 1; y == 1 {
			s += "元年"
		} else {
			s += strconv.Itoa(y) + "年"
		}
	}
	if month || year {
		s += jaMonths[c.m-1]
	}
	return s + strconv.Itoa(c.d) + "日"
}

// EraStartYear returns the Gregorian year in which the Japanese era named
// name (明治, 大正, 昭和, 平成, 令和) began, so that year y of the era is
// start+y-1 (令和4年 is 2022, 令和元年 2019). Package numeral reads era
// years with it.
func EraStartYear(name string) (int, bool) {
	for _, e := range jaEras {
		if e.name == name {
			return e.start.y, true
		}
	}
	return 0, false
}

// EraNames returns the names of the Japanese eras EraStartYear knows,
// earliest first.
func EraNames() []string {
	out := make([]string, len(jaEras))
	for i, e := range jaEras {
		out[i] = e.name
	}
	return out
}
