package localefmt

import (
	"encoding/json"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/language"
)

// cldrExtract is testdata/cldr-km-ja.json, a hand-written extract of CLDR.
type cldrExtract struct {
	KM struct {
		MonthsFormatWide []string          `json:"monthsFormatWide"`
		DateFormatLong   string            `json:"dateFormatLong"`
		SymbolsKhmr      map[string]string `json:"symbolsKhmr"`
		SymbolsLatn      map[string]string `json:"symbolsLatn"`
	} `json:"km"`
	JA struct {
		MonthsFormatWide []string          `json:"monthsFormatWide"`
		DateFormatLong   string            `json:"dateFormatLong"`
		JapaneseEraAbbr  map[string]string `json:"japaneseEraAbbr"`
		JapaneseEraStart map[string]string `json:"japaneseEraStart"`
	} `json:"ja"`
	NumberingSystems map[string]string `json:"numberingSystems"`
}

func loadCLDR(t *testing.T) cldrExtract {
	t.Helper()
	b, err := os.ReadFile("testdata/cldr-km-ja.json")
	if err != nil {
		t.Fatal(err)
	}
	var c cldrExtract
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatalf("parse testdata/cldr-km-ja.json: %v", err)
	}
	if len(c.KM.MonthsFormatWide) != 12 || len(c.JA.MonthsFormatWide) != 12 {
		t.Fatalf("extract has %d km and %d ja months, want 12 each", len(c.KM.MonthsFormatWide), len(c.JA.MonthsFormatWide))
	}
	if n := len([]rune(c.NumberingSystems["khmr"])); n != 10 {
		t.Fatalf("extract has %d khmr digits, want 10", n)
	}
	return c
}

// fromDigits reads a number written in the digits of a numbering system.
func fromDigits(t *testing.T, s, digits string) int {
	t.Helper()
	ds := []rune(digits)
	n := 0
	for _, r := range s {
		i := slices.Index(ds, r)
		if i < 0 {
			t.Fatalf("%q: %q is not a digit of %q", s, r, digits)
		}
		n = n*10 + i
	}
	return n
}

// renderPattern fills a CLDR date pattern holding only d, M/MMMM and y
// fields, with fields written in the given digits. It is the test's own,
// independent reading of CLDR's long date patterns.
func renderPattern(p string, day, month, year int, months []string, digits string) string {
	num := func(n int) string {
		ds := []rune(digits)
		var b strings.Builder
		for _, c := range strconv.Itoa(n) {
			b.WriteRune(ds[c-'0'])
		}
		return b.String()
	}
	var b strings.Builder
	for i := 0; i < len(p); {
		j := i
		for j < len(p) && p[j] == p[i] {
			j++
		}
		switch field := p[i:j]; field {
		case "d":
			b.WriteString(num(day))
		case "y":
			b.WriteString(num(year))
		case "M":
			b.WriteString(num(month))
		case "MMMM":
			b.WriteString(months[month-1])
		default:
			b.WriteString(field)
		}
		i = j
	}
	return b.String()
}

// TestEveryDayAgainstCLDR renders every day from 2020-01-01 to 2030-12-31
// in km (Prose, Long) and ja (Prose, Era), reads day, month name and year
// back out, and compares them with the CLDR extract.
func TestEveryDayAgainstCLDR(t *testing.T) {
	c := loadCLDR(t)
	khmr, latn := c.NumberingSystems["khmr"], c.NumberingSystems["latn"]
	for _, r := range khmr {
		if r < 0x17E0 || r > 0x17E9 {
			t.Fatalf("khmr digit %U outside U+17E0-U+17E9", r)
		}
	}
	kmDigitRun := `([\x{17E0}-\x{17E9}]+)`
	kmProseRe := regexp.MustCompile(`^ថ្ងៃទី` + kmDigitRun + ` ខែ(\S+) ឆ្នាំ` + kmDigitRun + `$`)
	kmLongRe := regexp.MustCompile(`^` + kmDigitRun + ` (\S+) ` + kmDigitRun + `$`)
	jaProseRe := regexp.MustCompile(`^([0-9]+)年([0-9]+月)([0-9]+)日$`)
	jaEraRe := regexp.MustCompile(`^(\p{Han}{2})(元|[0-9]+)年([0-9]+月)([0-9]+)日$`)

	type eraInfo struct {
		name  string
		start time.Time
	}
	var eras []eraInfo
	for typ, name := range c.JA.JapaneseEraAbbr {
		start, err := time.Parse(time.DateOnly, c.JA.JapaneseEraStart[typ])
		if err != nil {
			t.Fatalf("era %s: %v", typ, err)
		}
		eras = append(eras, eraInfo{name, start})
	}
	slices.SortFunc(eras, func(a, b eraInfo) int { return a.start.Compare(b.start) })
	eraFor := func(name string) (eraInfo, time.Time) {
		for i, e := range eras {
			if e.name == name {
				end := time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)
				if i+1 < len(eras) {
					end = eras[i+1].start
				}
				return e, end
			}
		}
		t.Fatalf("era %q not in CLDR extract", name)
		return eraInfo{}, time.Time{}
	}

	km, ja := language.Khmer, language.Japanese
	days := 0
	last := time.Date(2030, 12, 31, 0, 0, 0, 0, time.UTC)
	for d := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC); !d.After(last); d = d.AddDate(0, 0, 1) {
		days++
		wantDay, wantMonth, wantYear := d.Day(), int(d.Month()), d.Year()
		check := func(form, got string, day, year int, month string, months []string) {
			t.Helper()
			m := slices.Index(months, month)
			if day != wantDay || m+1 != wantMonth || year != wantYear {
				t.Errorf("%s %s: got %q = day %d, month %q (#%d), year %d; want %d, %q, %d",
					d.Format(time.DateOnly), form, got, day, month, m+1, year, wantDay, months[wantMonth-1], wantYear)
			}
		}

		got, err := Date(km, d, Prose)
		if m := kmProseRe.FindStringSubmatch(got); err != nil || m == nil {
			t.Errorf("%s km prose: got %q, %v; want ថ្ងៃទី<d> ខែ<month> ឆ្នាំ<y> in Khmer digits", d.Format(time.DateOnly), got, err)
		} else {
			check("km prose", got, fromDigits(t, m[1], khmr), fromDigits(t, m[3], khmr), m[2], c.KM.MonthsFormatWide)
		}

		got, err = Date(km, d, Long)
		if m := kmLongRe.FindStringSubmatch(got); err != nil || m == nil {
			t.Errorf("%s km long: got %q, %v; want <d> <month> <y> in Khmer digits", d.Format(time.DateOnly), got, err)
		} else {
			check("km long", got, fromDigits(t, m[1], khmr), fromDigits(t, m[3], khmr), m[2], c.KM.MonthsFormatWide)
		}
		if want := renderPattern(c.KM.DateFormatLong, wantDay, wantMonth, wantYear, c.KM.MonthsFormatWide, khmr); got != want {
			t.Errorf("%s km long: got %q, want CLDR %q rendered %q", d.Format(time.DateOnly), got, c.KM.DateFormatLong, want)
		}

		got, err = Date(ja, d, Prose)
		if m := jaProseRe.FindStringSubmatch(got); err != nil || m == nil {
			t.Errorf("%s ja prose: got %q, %v; want <y>年<M>月<d>日", d.Format(time.DateOnly), got, err)
		} else {
			check("ja prose", got, fromDigits(t, m[3], latn), fromDigits(t, m[1], latn), m[2], c.JA.MonthsFormatWide)
		}
		if want := renderPattern(c.JA.DateFormatLong, wantDay, wantMonth, wantYear, c.JA.MonthsFormatWide, latn); got != want {
			t.Errorf("%s ja prose: got %q, want CLDR %q rendered %q", d.Format(time.DateOnly), got, c.JA.DateFormatLong, want)
		}

		got, err = Date(ja, d, Era)
		if m := jaEraRe.FindStringSubmatch(got); err != nil || m == nil {
			t.Errorf("%s ja era: got %q, %v; want <era><y>年<M>月<d>日", d.Format(time.DateOnly), got, err)
		} else {
			e, end := eraFor(m[1])
			eraYear := 1
			if m[2] != "元" {
				eraYear = fromDigits(t, m[2], latn)
				if eraYear == 1 {
					t.Errorf("%s ja era: got %q, want 元年 for year 1", d.Format(time.DateOnly), got)
				}
			}
			check("ja era", got, fromDigits(t, m[4], latn), e.start.Year()+eraYear-1, m[3], c.JA.MonthsFormatWide)
			if d.Before(e.start) || !d.Before(end) {
				t.Errorf("%s ja era: got era %s, which runs from %s to before %s", d.Format(time.DateOnly), e.name, e.start.Format(time.DateOnly), end.Format(time.DateOnly))
			}
		}
	}
	if days != 4018 {
		t.Errorf("rendered %d days, want 4018 (2020-01-01 to 2030-12-31)", days)
	}
}

// TestKhmerNumbersAgainstCLDR checks Digits and Number against the khmr
// numbering system and its symbols in the extract.
func TestKhmerNumbersAgainstCLDR(t *testing.T) {
	c := loadCLDR(t)
	if got, want := Digits(language.Khmer, "0123456789"), c.NumberingSystems["khmr"]; got != want {
		t.Errorf("Digits(km, 0-9) = %q, want CLDR khmr %q", got, want)
	}
	k := []rune(c.NumberingSystems["khmr"])
	want := string([]rune{k[1]}) + c.KM.SymbolsKhmr["group"] + string([]rune{k[2], k[3], k[4]}) + c.KM.SymbolsKhmr["group"] +
		string([]rune{k[5], k[6], k[7]}) + c.KM.SymbolsKhmr["decimal"] + string([]rune{k[5]})
	if got := Number(language.Khmer, 1234567.5, 1); got != want {
		t.Errorf("Number(km, 1234567.5, 1) = %q, want CLDR khmr %q", got, want)
	}
	wantLatn := "1" + c.KM.SymbolsLatn["group"] + "234" + c.KM.SymbolsLatn["group"] + "567" + c.KM.SymbolsLatn["decimal"] + "5"
	if got := Number(language.MustParse("km-u-nu-latn"), 1234567.5, 1); got != wantLatn {
		t.Errorf("Number(km-u-nu-latn, 1234567.5, 1) = %q, want CLDR latn %q", got, wantLatn)
	}
}
