package check

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/bitext"
	"github.com/relloc/relloc/internal/finding"
	"github.com/relloc/relloc/internal/numeral"
	"github.com/relloc/relloc/internal/ui"
)

type numberMismatch struct{}

func (numberMismatch) Rule() finding.Rule {
	return finding.Rule{ID: "number-mismatch", Default: finding.Error,
		Summary: "A number, ordinal, date or time of the English is missing from the translation, changed, or the reverse",
		Description: "Numbers are compared by value: Khmer digits, full-width digits, Japanese kanji numerals and English " +
			"and Khmer number words count as the same number (a Khmer number word written bare, without a classifier, " +
			"as in បេក្ខជនពីរ \"two candidates\", renders an English number word but counts as no number of its own), month names as month numbers, Japanese era years as " +
			"Gregorian years (令和4年 = 2022), clock times on a 24-hour clock (3:45 p.m. = 午後3時45分 = 15時45分), " +
			"ordinals as their number (70th = ៧០ = 70周年), and a range as both ends. A number the translation " +
			"renders as a different number is one finding that says what was expected and what was found. Not counted: " +
			"numbers inside glossary terms (Covid-19), list labels (\"1.\", \"(1)\"), words a translation may leave " +
			"unsaid or add (English \"one\", \"first\", \"a dozen\", a group named by its size such as \"foursomes\", " +
			"the fraction in \"the final third\", golf's \"front nine\"; Japanese 2か国間 \"bilateral\", 2つに割れる " +
			"\"divided\", イレブン \"the eleven\"; a 1 of the translation, as in 1か月 for " +
			"\"a month\"), a time the translation adds as a conversion into Japan time (日本時間), a month or year " +
			"the translation leaves to the context (本8日 for \"October 8\"), relative date words that stand for " +
			"the English date (同日, 本年), and a full date the translation repeats from elsewhere in the release " +
			"(the dateline)."}
}

// sideNumbers returns the numbers of a side of lang outside glossary term matches, with offsets in the block
// text. They are found once per side and kept in c, so the result must not be modified.
func sideNumbers(c *Context, lang language.Tag, side *bitext.Side) []numeral.Number {
	if ns, ok := c.numbers[side]; ok {
		return ns
	}
	if c.numbers == nil { // a Context made outside a run
		c.numbers = map[*bitext.Side][]numeral.Number{}
	}
	ns := findSideNumbers(c, lang, side)
	c.numbers[side] = ns
	return ns
}

func findSideNumbers(c *Context, lang language.Tag, side *bitext.Side) []numeral.Number {
	terms := sideMatches(c, lang, side, lang != c.Source)
	text := side.Text()
	relative, bare := c.Anchors.NumberWords(lang, text)
	lists := [...][]numeral.Number{c.Anchors.Numbers(lang, text), relative, bare}
	start := len(c.numbered) // the side's numbers follow those of the sides before it in c.numbered
	out := c.numbered[start:]
	// The numbers of the three lists in turn, not copied into one first.
	for _, ns := range lists {
	next:
		for _, n := range ns {
			n.Start += side.Start
			n.End += side.Start
			for _, m := range terms {
				// A reference such as 両国 ("the two countries") names no term: its number is the text's own.
				if m.Form != "forbidden" && m.Form != "reference" && n.Start >= m.Start && n.End <= m.End {
					continue next
				}
			}
			out = append(out, n)
		}
	}
	if len(out) == 0 {
		return nil
	}
	c.numbered = append(c.numbered[:start], out...) // out itself when it fitted, else a copy in room that grew
	return c.numbered[start:len(c.numbered):len(c.numbered)]
}

func numberKey(n numeral.Number) string { return strconv.FormatFloat(n.Value, 'f', -1, 64) }

// fullDates returns the dates (year, month and day) written in ns, keyed "y-m-d", with the Date group of each.
// A group's parts are kept in a short list, where a map of each group's parts cost two maps for every date.
func fullDates(ns []numeral.Number) map[int]string {
	type date struct {
		id               int
		y, m, d          float64
		hasY, hasM, hasD bool
	}
	var dates []date
	for _, n := range ns {
		if n.Date == 0 || n.Relative {
			continue
		}
		k := slices.IndexFunc(dates, func(d date) bool { return d.id == n.Date })
		if k < 0 {
			k = len(dates)
			dates = append(dates, date{id: n.Date})
		}
		switch d := &dates[k]; n.Kind { // the last of a kind counts
		case numeral.KindYear:
			d.y, d.hasY = n.Value, true
		case numeral.KindMonth:
			d.m, d.hasM = n.Value, true
		case numeral.KindDay:
			d.d, d.hasD = n.Value, true
		}
	}
	var out map[int]string
	for _, d := range dates {
		if d.hasY && d.hasM && d.hasD {
			if out == nil {
				out = map[int]string{}
			}
			out[d.id] = fmt.Sprintf("%v-%v-%v", d.y, d.m, d.d)
		}
	}
	return out
}

func (numberMismatch) Check(c *Context, report func(finding.Finding)) {
	// The full dates of the English release: a translation may repeat one where the English does not (MOFA's
	// Japanese opens the body with the date of the dateline). They are read the first time a translation has an
	// extra number of a date, most releases' translations none.
	var releaseDates map[string]bool
	readReleaseDates := func() {
		releaseDates = map[string]bool{}
		for _, seg := range c.Bitext.Segments {
			if src := seg.Side(c.Source); src != nil {
				for _, d := range fullDates(c.Anchors.Numbers(c.Source, src.Text())) {
					releaseDates[d] = true
				}
			}
		}
	}
	targetSegments(c, func(seg *bitext.Segment, lang language.Tag, src, tgt *bitext.Side) {
		en := sideNumbers(c, c.Source, src)
		tn := sideNumbers(c, lang, tgt)
		cmp := numeral.Compare(en, tn)
		for _, p := range cmp.Changed {
			want := src.Block.Text[p.Expected.Start:p.Expected.End]
			got := tgt.Block.Text[p.Found.Start:p.Found.End]
			f := onSide(c, seg, lang, tgt, p.Found.Start, p.Found.End)
			f.Say("NumberChanged", ui.Args{"Want": strconv.Quote(want), "WantValue": numberKey(p.Expected), "Got": strconv.Quote(got), "GotValue": numberKey(p.Found)})
			f.Expected, f.Found = want, got
			report(f)
		}
		if len(cmp.Missing) > 0 {
			var missing []string
			for _, n := range cmp.Missing {
				missing = append(missing, src.Block.Text[n.Start:n.End])
			}
			f := onWholeSide(c, seg, lang, tgt)
			f.Say("NumberMissing", ui.Args{"Numbers": strings.Join(quoteAll(missing), ", ")})
			f.Expected = strings.Join(missing, ", ")
			report(f)
		}
		// A full date all of whose parts are extra, and which the English release gives elsewhere, is a repetition.
		var repeated map[int]bool
		if slices.ContainsFunc(cmp.Extra, func(n numeral.Number) bool { return n.Date != 0 }) {
			if releaseDates == nil {
				readReleaseDates()
			}
			extraByDate := map[int]int{}
			for _, n := range cmp.Extra {
				extraByDate[n.Date]++
			}
			repeated = map[int]bool{}
			for id, d := range fullDates(tn) {
				repeated[id] = releaseDates[d] && extraByDate[id] == 3
			}
		}
		for _, n := range cmp.Extra {
			if n.Date != 0 && repeated[n.Date] {
				continue
			}
			found := tgt.Block.Text[n.Start:n.End]
			f := onSide(c, seg, lang, tgt, n.Start, n.End)
			f.Say("NumberExtra", ui.Args{"Found": strconv.Quote(found), "Value": numberKey(n)})
			f.Found = found
			report(f)
		}
	})
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strconv.Quote(s)
	}
	sort.Strings(out)
	return out
}
