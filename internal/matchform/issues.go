package matchform

import (
	"fmt"
	"unicode/utf8"
)

// Kinds of KhmerIssue.
const (
	IssueCoengDangling = "coeng-dangling" // a coeng with no consonant after it
	IssueVowelNoBase   = "vowel-no-base"  // a dependent vowel or sign without a base
	IssueMarkOrder     = "mark-order"     // marks typed out of order (vowel before subscript, ...)
	IssueZWSPInNumber  = "zwsp-in-number" // a zero-width character between digits
	IssueNonCanonical  = "non-canonical"  // a look-alike of the canonical spelling
)

// KhmerIssue is a problem in Khmer encoding at byte offset Off of the original text.
type KhmerIssue struct {
	Off, End int    // byte offsets in the original text
	Kind     string // one of the Issue* constants
	// MessageID and Args say what is wrong, with the canonical spelling where there is one: a message of relloc's
	// catalogue (internal/ui/locales/findings.*.toml) and its template fields.
	MessageID string
	Args      map[string]any
}

// KhmerIssues returns the encoding problems of the Khmer text s, in order of
// offset. Zero-width spaces between words are normal in Khmer and are not
// reported; between digits they are.
func KhmerIssues(s string) []KhmerIssue {
	if khmerPlain(s, false) {
		return nil // no zero-width character, no syllable without a base, every syllable canonical
	}
	return khmerIssues(s)
}

// khmerIssues is KhmerIssues without the shortcut for text in which one pass finds nothing to report.
func khmerIssues(s string) []KhmerIssue {
	var out []KhmerIssue
	var prev rune // previous rune that is not zero-width
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case IsZeroWidth(r):
			j := i + n
			for j < len(s) {
				c, m := utf8.DecodeRuneInString(s[j:])
				if !IsZeroWidth(c) {
					break
				}
				j += m
			}
			next, _ := utf8.DecodeRuneInString(s[j:])
			if isDigit(prev) && j < len(s) && isDigit(next) {
				out = append(out, KhmerIssue{Off: i, End: j, Kind: IssueZWSPInNumber,
					MessageID: "KhmerZeroWidthInNumber", Args: map[string]any{"Digits": string(prev) + string(next)}})
			}
			i = j
			continue
		case khmerRank(r) == rankBase:
			j := syllableEnd(s, i)
			out = syllableIssues(s, i, j, out)
			prev, _ = utf8.DecodeLastRuneInString(s[i:j])
			i = j
			continue
		case isKhmerMark(r):
			// a syllable that starts with a mark has no base
			j := syllableEnd(s, i)
			if r == coeng {
				out = append(out, KhmerIssue{Off: i, End: i + n, Kind: IssueCoengDangling,
					MessageID: "KhmerCoengNoBase"})
			} else {
				out = append(out, KhmerIssue{Off: i, End: i + n, Kind: IssueVowelNoBase,
					MessageID: "KhmerVowelNoBase", Args: map[string]any{"Mark": string(r), "Code": fmt.Sprintf("%U", r)}})
			}
			out = syllableIssues(s, i, j, out)
			prev, _ = utf8.DecodeLastRuneInString(s[i:j])
			i = j
			continue
		}
		prev = r
		i += n
	}
	return out
}

// syllableIssues appends the problems inside the syllable s[i:j]. A syllable in canonical spelling, as nearly
// every syllable is, has none of them (TestCanonicalSyllableHasNoIssue), and is passed over without spelling it
// out part by part.
func syllableIssues(s string, i, j int, out []KhmerIssue) []KhmerIssue {
	if syllableCanonical(s[i:j]) {
		return out
	}
	return syllableProblems(s, i, j, out)
}

// syllableProblems is syllableIssues for any syllable.
func syllableProblems(s string, i, j int, out []KhmerIssue) []KhmerIssue {
	u := s[i:j]
	// Walk the runes without zero-width characters.
	type rp struct {
		r   rune
		off int
	}
	var buf [16]rp
	rs := buf[:0]
	for k := 0; k < len(u); {
		r, n := utf8.DecodeRuneInString(u[k:])
		if !IsZeroWidth(r) {
			rs = append(rs, rp{r, i + k})
		}
		k += n
	}
	end := func(x int) int { // end offset of rune x
		return rs[x].off + utf8.RuneLen(rs[x].r)
	}
	canonical := foldSyllable(u)
	for x := 0; x < len(rs); x++ {
		r := rs[x].r
		if r == coeng && (x+1 == len(rs) || !isKhmerBase(rs[x+1].r)) && x > 0 {
			out = append(out, KhmerIssue{Off: rs[x].off, End: end(x), Kind: IssueCoengDangling,
				MessageID: "KhmerCoengDangling"})
		}
		if x >= 2 && r == letDA && rs[x-1].r == coeng && (rs[x-2].r == letNO || rs[x-2].r == letNNO) {
			out = append(out, KhmerIssue{Off: rs[x-2].off, End: end(x), Kind: IssueNonCanonical,
				MessageID: "KhmerSubscriptDA", Args: map[string]any{"Base": string(rs[x-2].r), "Canonical": canonical}})
		}
		if x >= 1 && x+2 < len(rs) && r == letRO && rs[x-1].r == coeng && rs[x+1].r == coeng && isKhmerBase(rs[x+2].r) {
			out = append(out, KhmerIssue{Off: rs[x-1].off, End: end(x + 2), Kind: IssueNonCanonical,
				MessageID: "KhmerSubscriptROFirst", Args: map[string]any{"Canonical": canonical}})
		}
		if x+1 < len(rs) && ((r == vowE && (rs[x+1].r == vowII || rs[x+1].r == vowAA)) || (r == vowOE && rs[x+1].r == vowAA)) {
			out = append(out, KhmerIssue{Off: rs[x].off, End: end(x + 1), Kind: IssueNonCanonical,
				MessageID: "KhmerSplitVowel", Args: map[string]any{"Canonical": canonical}})
		}
	}
	// Mark order: ranks must not decrease (subscript RO order is reported above).
	var pbuf [12]part
	parts, dangling := splitSyllable(u, pbuf[:0])
	if dangling {
		return out
	}
	last := rankOther
	for _, p := range parts {
		rank := p.rank
		if rank == rankSubRo {
			rank = rankSub
		}
		if rank < last {
			out = append(out, KhmerIssue{Off: i, End: j, Kind: IssueMarkOrder,
				MessageID: "KhmerMarkOrder", Args: map[string]any{"Canonical": canonical}})
			break
		}
		last = rank
	}
	return out
}

func isDigit(r rune) bool {
	return ('0' <= r && r <= '9') || ('\u17E0' <= r && r <= '\u17E9') || ('\uFF10' <= r && r <= '\uFF19')
}
