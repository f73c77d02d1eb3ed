package check

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/bitext"
	"github.com/relloc/relloc/internal/finding"
	"github.com/relloc/relloc/internal/numeral"
)

type numberMismatch struct{}

func (numberMismatch) Rule() finding.Rule {
	return finding.Rule{ID: "number-mismatch", Default: finding.Error,
		Summary: "A number, ordinal or date of the English is missing from the translation, or the reverse",
		Description: "Numbers are compared by value: Khmer digits, full-width digits and Japanese kanji numerals count as the " +
			"same number, month names as month numbers, ordinals as their number (70th = ៧០ = 70周年), and a range as both " +
			"ends. Numbers inside glossary terms (Covid-19) are not counted, nor numbers spelled out in English words."}
}

// sideNumbers returns the numbers of a side outside glossary term matches, with offsets in the block text.
func sideNumbers(c *Context, lang language.Tag, side *bitext.Side) []numeral.Number {
	terms := sideMatches(c, lang, side, lang != c.Source)
	var out []numeral.Number
	for _, n := range numeral.Find(lang, side.Text()) {
		n.Start += side.Start
		n.End += side.Start
		inTerm := false
		for _, m := range terms {
			if m.Form != "forbidden" && n.Start >= m.Start && n.End <= m.End {
				inTerm = true
				break
			}
		}
		if !inTerm {
			out = append(out, n)
		}
	}
	return out
}

func numberKey(n numeral.Number) string { return strconv.FormatFloat(n.Value, 'f', -1, 64) }

func (numberMismatch) Check(c *Context, report func(finding.Finding)) {
	targetSegments(c, func(seg *bitext.Segment, lang language.Tag, src, tgt *bitext.Side) {
		en := sideNumbers(c, c.Source, src)
		tn := sideNumbers(c, lang, tgt)
		count := map[string]int{}
		for _, n := range en {
			count[numberKey(n)]++
		}
		for _, n := range tn {
			count[numberKey(n)]--
		}
		var missing []string
		for _, n := range en {
			k := numberKey(n)
			if count[k] > 0 {
				count[k]--
				missing = append(missing, src.Block.Text[n.Start:n.End])
			}
		}
		if len(missing) > 0 {
			f := onWholeSide(c, seg, lang, tgt)
			f.Message = fmt.Sprintf("the English has %s, which this segment lacks", strings.Join(quoteAll(missing), ", "))
			f.Expected = strings.Join(missing, ", ")
			report(f)
		}
		// count is now negative for numbers the target has in excess.
		for _, n := range tn {
			k := numberKey(n)
			if count[k] < 0 {
				count[k]++
				found := tgt.Block.Text[n.Start:n.End]
				f := onSide(c, seg, lang, tgt, n.Start, n.End)
				f.Message = fmt.Sprintf("%q (%s) is not in the English segment", found, k)
				f.Found = found
				report(f)
			}
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
