package draft

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/relloc/relloc/internal/numeral"
)

// reviseText updates the translation target of an English sentence that changed from old to now, where that
// is safe: each number whose value changed in the English (30 → 35) is rewritten in the translation when the
// translation holds the old value exactly once, in the translation's own style (3,000万 → 3,500万, ៣០ លាន →
// ៣៥ លាន); each glossary term the English replaced by another is replaced by the new term's rendering when the
// old rendering occurs exactly once. Anything else is left to the translator, whom the revise marker shows the
// change. old == "" (the English before is unknown) changes nothing.
func (d *drafter) reviseText(old, now, target string) string {
	if old == "" {
		return target
	}
	target = d.reviseNumbers(old, now, target)
	return d.reviseTerms(old, now, target)
}

// reviseNumbers rewrites the numbers of target whose English value changed.
func (d *drafter) reviseNumbers(old, now, target string) string {
	// The English numbers pair by position ("25-26" → "26-27" is 25 → 26 and 26 → 27); when a number was added
	// or dropped there is no safe pairing.
	was, is := numeral.Find(d.in.Source, old), numeral.Find(d.in.Source, now)
	if len(was) != len(is) {
		return target
	}
	var edits []edit
	for i := range was {
		from, to := was[i], is[i]
		if from.Value == to.Value {
			continue
		}
		if from.Kind != to.Kind || from.Ordinal != to.Ordinal {
			continue
		}
		var at []numeral.Number
		for _, n := range numeral.Find(d.lang, target) {
			if n.Value == from.Value {
				at = append(at, n)
			}
		}
		if len(at) != 1 {
			continue
		}
		if s, ok := rescale(target[at[0].Start:at[0].End], from.Value, to.Value); ok {
			edits = append(edits, edit{at[0].Start, at[0].End, s})
		}
	}
	return string(applyEdits([]byte(target), edits))
}

// rescale rewrites the number text s, which has the value from, to have the value to, keeping its digits'
// script, its grouping and whatever follows the digits (a scale word: 万, លាន): the digits are multiplied by
// to/from. It reports false when the result would not be a whole number of the same form, or s does not start
// with digits (a kanji numeral).
func rescale(s string, from, to float64) (string, bool) {
	digits, sep, decimals, n := leadingDigits(s)
	if n == 0 || from == 0 || decimals > 0 {
		return "", false
	}
	v, err := strconv.ParseFloat(digits, 64)
	if err != nil || v == 0 {
		return "", false
	}
	nv := v * to / from
	if nv != math.Trunc(nv) || nv < 0 || nv >= 1<<53 {
		return "", false
	}
	out := strconv.FormatInt(int64(nv), 10)
	if sep != 0 {
		out = group(out, sep)
	}
	zero, _ := utf8.DecodeRuneInString(s)
	return toScript(out, zero) + s[n:], true
}

// leadingDigits reads the run of digits (any script) and thousands separators at the start of s: the digits
// in ASCII, the separator used (0 for none), the number of decimals, and the byte length of the run.
func leadingDigits(s string) (digits string, sep rune, decimals int, n int) {
	var b strings.Builder
	inFrac := false
	for i, r := range s {
		if v, ok := numeral.Digit(r); ok {
			b.WriteByte(byte('0' + v))
			if inFrac {
				decimals++
			}
			n = i + utf8.RuneLen(r)
			continue
		}
		if (r == ',' || r == '，') && b.Len() > 0 && !inFrac {
			sep = r
			continue
		}
		if r == '.' && b.Len() > 0 && !inFrac {
			inFrac = true
			continue
		}
		break
	}
	return b.String(), sep, decimals, n
}

// group inserts sep every three digits from the right.
func group(digits string, sep rune) string {
	var b strings.Builder
	for i, r := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteRune(sep)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// toScript writes the ASCII digits of s in the script of the digit like (ASCII, full-width or Khmer).
func toScript(s string, like rune) string {
	var base rune
	switch {
	case like >= '０' && like <= '９':
		base = '０'
	case like >= '០' && like <= '៩':
		base = '០'
	default:
		return s
	}
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return base + r - '0'
		}
		return r
	}, s)
}

// reviseTerms replaces the renderings of glossary terms the English replaced.
func (d *drafter) reviseTerms(old, now, target string) string {
	mt := d.in.Anchors.Matcher(d.in.Source)
	if mt == nil {
		return target
	}
	ids := func(s string) []string {
		var out []string
		for _, m := range mt.FindAll(s) {
			if m.Form != "forbidden" {
				out = append(out, m.ID)
			}
		}
		return out
	}
	gone, came := multisetDiff(ids(old), ids(now))
	if len(gone) == 0 || len(gone) != len(came) {
		return target
	}
	for i := range gone {
		a, okA := d.in.Glossary.Lookup(gone[i])
		b, okB := d.in.Glossary.Lookup(came[i])
		if !okA || !okB {
			continue
		}
		from, to := a.Target(d.lang), b.Target(d.lang)
		if from == nil || to == nil || from.Term == "" || to.Term == "" || strings.Count(target, from.Term) != 1 {
			continue
		}
		target = strings.Replace(target, from.Term, to.Term, 1)
	}
	return target
}

// multisetDiff returns the elements of a missing from b and those of b missing from a, each in order.
func multisetDiff(a, b []string) (gone, came []string) {
	count := map[string]int{}
	for _, x := range b {
		count[x]++
	}
	for _, x := range a {
		if count[x] > 0 {
			count[x]--
		} else {
			gone = append(gone, x)
		}
	}
	count = map[string]int{}
	for _, x := range a {
		count[x]++
	}
	for _, x := range b {
		if count[x] > 0 {
			count[x]--
		} else {
			came = append(came, x)
		}
	}
	return gone, came
}
