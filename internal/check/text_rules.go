package check

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/bitext"
	"github.com/relloc/relloc/internal/finding"
	"github.com/relloc/relloc/internal/matchform"
	"github.com/relloc/relloc/internal/release"
)

type untranslated struct{}

func (untranslated) Rule() finding.Rule {
	return finding.Rule{ID: "untranslated", Default: finding.Error,
		Summary: "A segment of the translation is the English text, or mostly Latin letters",
		Description: "The target segment equals the English, or more than check.untranslated_ratio (default 0.5) of its " +
			"letters are Latin where Khmer or Japanese script is expected. Glossary renderings written in Latin (ASEAN in " +
			"Japanese) and upper-case acronyms do not count."}
}

func (untranslated) Check(c *Context, report func(finding.Finding)) {
	ratio := c.Config.UntranslatedRatio
	if ratio == 0 {
		ratio = 0.5
	}
	targetSegments(c, func(seg *bitext.Segment, lang language.Tag, src, tgt *bitext.Side) {
		text := tgt.Text()
		if strings.TrimSpace(text) == strings.TrimSpace(src.Text()) && hasLetter(text) {
			f := onWholeSide(c, seg, lang, tgt)
			f.Message = fmt.Sprintf("this %s segment is the English text", lang)
			f.Found = text
			report(f)
			return
		}
		// Blank out glossary renderings, then count letters.
		mask := make([]bool, len(text))
		for _, m := range sideMatches(c, lang, tgt, true) {
			for i := m.Start - tgt.Start; i < m.End-tgt.Start && i < len(mask); i++ {
				mask[i] = true
			}
		}
		var latin, other int
		for _, w := range words(text) {
			if mask[w.start] {
				continue
			}
			word := text[w.start:w.end]
			if isAcronym(word) {
				continue
			}
			for _, r := range word {
				switch {
				case r < 0x250 && unicode.IsLetter(r), matchform.IsFullwidthASCII(r) && unicode.IsLetter(r):
					latin++
				case unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r):
					other++
				}
			}
		}
		if latin+other > 0 && float64(latin)/float64(latin+other) > ratio {
			f := onWholeSide(c, seg, lang, tgt)
			f.Message = fmt.Sprintf("%d of %d letters of this %s segment are Latin: it looks untranslated", latin, latin+other, lang)
			f.Found = text
			report(f)
		}
	})
}

type span struct{ start, end int }

// words splits text into runs of letters, digits and marks.
func words(text string) []span {
	var out []span
	start := -1
	for i, r := range text {
		in := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '\'' || r == '-'
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			out = append(out, span{start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, span{start, len(text)})
	}
	return out
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// isAcronym reports whether w is an upper-case Latin acronym of 2 to 6 letters (ASEAN, ASEM, PKO, COVID).
func isAcronym(w string) bool {
	n := 0
	for _, r := range w {
		if r == '-' {
			continue
		}
		if r > unicode.MaxASCII || !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
		n++
	}
	return n >= 2 && n <= 6
}

type markupMismatch struct{}

func (markupMismatch) Rule() finding.Rule {
	return finding.Rule{ID: "markup-mismatch", Default: finding.Warning,
		Summary: "Emphasis, links, superscripts or code on one side only",
		Description: "The English segment and its translation carry different inline markup (emphasis, strong, link, code, " +
			"sup, sub, image). Allow a kind per language in relloc.toml, e.g. [check.allow.km] markup = [\"sup\"], when the " +
			"language has no counterpart (the superscript of 70<sup>th</sup>)."}
}

func markupCount(side *bitext.Side) map[string]int {
	out := map[string]int{}
	for _, m := range side.Block.Markup {
		if m.Start < side.End && m.End > side.Start || m.Start == m.End && m.Start >= side.Start && m.Start < side.End {
			out[m.Kind]++
		}
	}
	return out
}

func (markupMismatch) Check(c *Context, report func(finding.Finding)) {
	targetSegments(c, func(seg *bitext.Segment, lang language.Tag, src, tgt *bitext.Side) {
		en, tr := markupCount(src), markupCount(tgt)
		kinds := map[string]bool{}
		for k := range en {
			kinds[k] = true
		}
		for k := range tr {
			kinds[k] = true
		}
		var diffs []string
		for k := range kinds {
			if en[k] == tr[k] || c.Allowed(lang, "markup", k) {
				continue
			}
			diffs = append(diffs, fmt.Sprintf("%s: English %d, %s %d", k, en[k], lang, tr[k]))
		}
		if len(diffs) == 0 {
			return
		}
		sort.Strings(diffs)
		f := onWholeSide(c, seg, lang, tgt)
		f.Message = "inline markup differs from the English (" + strings.Join(diffs, "; ") + ")"
		report(f)
	})
}

type punctuation struct{}

func (punctuation) Rule() finding.Rule {
	return finding.Rule{ID: "punctuation", Default: finding.Warning,
		Summary: "A sentence without the language's sentence end, doubled spaces, or unbalanced brackets and quotes",
		Description: "Where the English sentence ends with . ! or ?, the Khmer sentence must end with ។ (or ៕ ? !) and the " +
			"Japanese with 。 (or ！？). Doubled spaces and unbalanced brackets or quotes are reported in every language."}
}

var sentenceEnds = map[string]string{"km": "។៕?!", "ja": "。！？!?」』）"}

func (punctuation) Check(c *Context, report func(finding.Finding)) {
	// Sentence ends, per aligned segment.
	targetSegments(c, func(seg *bitext.Segment, lang language.Tag, src, tgt *bitext.Side) {
		ends, ok := sentenceEnds[baseOf(lang)]
		if !ok {
			return
		}
		en := strings.TrimRight(src.Text(), " \"'”’)]")
		if en == "" || !strings.ContainsAny(en[len(en)-1:], ".!?") {
			return
		}
		t := []rune(strings.TrimSpace(tgt.Text()))
		if len(t) == 0 || strings.ContainsRune(ends, t[len(t)-1]) {
			return
		}
		want := string([]rune(ends)[0])
		f := onSide(c, seg, lang, tgt, tgt.End, tgt.End)
		f.Line, f.Column = tgt.EndPosition()
		f.EndLine, f.EndColumn = f.Line, f.Column
		f.Message = fmt.Sprintf("this %s sentence does not end with %s", lang, want)
		f.Expected, f.Found = want, string(t[len(t)-1])
		report(f)
	})
	// Doubled spaces and brackets, per block of every checked document.
	for _, lang := range append([]language.Tag{c.Source}, c.Bitext.Targets...) {
		d := c.Release.Doc(lang)
		if d == nil {
			continue
		}
		for _, b := range d.Blocks {
			for _, p := range blockPunctuation(b) {
				f := finding.Finding{Path: d.Path, Lang: lang.String(), Message: p.msg}
				f.Line, f.Column = d.TextPosition(b, p.start)
				f.EndLine, f.EndColumn = d.TextPosition(b, p.end)
				report(f)
			}
		}
	}
}

type problem struct {
	start, end int
	msg        string
}

var pairs = map[rune]rune{'(': ')', '[': ']', '「': '」', '『': '』', '（': '）', '“': '”', '«': '»', '【': '】', '〔': '〕'}

func blockPunctuation(b *release.Block) []problem {
	var out []problem
	text := b.Text
	for i := 0; i+1 < len(text); i++ {
		if text[i] == ' ' && text[i+1] == ' ' {
			j := i
			for j < len(text) && text[j] == ' ' {
				j++
			}
			out = append(out, problem{i, j, "doubled space"})
			i = j
		}
	}
	closers := map[rune]rune{}
	for o, c := range pairs {
		closers[c] = o
	}
	type open struct {
		r   rune
		off int
	}
	var stack []open
	for i, r := range text {
		if _, ok := pairs[r]; ok {
			stack = append(stack, open{r, i})
			continue
		}
		if o, ok := closers[r]; ok {
			if len(stack) > 0 && stack[len(stack)-1].r == o {
				stack = stack[:len(stack)-1]
				continue
			}
			out = append(out, problem{i, i + len(string(r)), fmt.Sprintf("%c has no opening %c", r, o)})
		}
	}
	for _, o := range stack {
		out = append(out, problem{o.off, o.off + len(string(o.r)), fmt.Sprintf("%c is never closed with %c", o.r, pairs[o.r])})
	}
	if n := strings.Count(text, "\""); n%2 == 1 {
		i := strings.LastIndex(text, "\"")
		out = append(out, problem{i, i + 1, "unbalanced \" quotes"})
	}
	return out
}

func baseOf(t language.Tag) string {
	b, _ := t.Base()
	return b.String()
}

type khmerEncoding struct{}

func (khmerEncoding) Rule() finding.Rule {
	return finding.Rule{ID: "khmer-encoding", Default: finding.Warning,
		Summary: "Invalid or non-canonical Khmer code point sequences",
		Description: "A coeng (U+17D2) with no consonant after it, a dependent vowel without a base, marks typed in a " +
			"non-canonical order, a look-alike spelling (coeng DA for coeng TA after ណ/ន, coeng RO typed first, a split " +
			"vowel typed in two parts), or a zero-width space inside a number. These render alike but break search, " +
			"sorting and matching."}
}

func (khmerEncoding) Check(c *Context, report func(finding.Finding)) {
	for _, lang := range c.Bitext.Targets {
		if baseOf(lang) != "km" {
			continue
		}
		d := c.Release.Doc(lang)
		for _, b := range d.Blocks {
			for _, is := range matchform.KhmerIssues(b.Text) {
				f := finding.Finding{Path: d.Path, Lang: lang.String(), Message: is.Msg, Found: codePoints(b.Text[is.Off:is.End])}
				f.Line, f.Column = d.TextPosition(b, is.Off)
				f.EndLine, f.EndColumn = d.TextPosition(b, is.End)
				report(f)
			}
		}
	}
}

type width struct{}

func (width) Rule() finding.Rule {
	return finding.Rule{ID: "width", Default: finding.Warning,
		Summary: "Full-width and half-width digits or Latin letters mixed in one Japanese release",
		Description: "A Japanese release should write digits and Latin letters in one width throughout (MOFA uses half-width " +
			"ASCII digits). Each run in the minority width is reported."}
}

func (width) Check(c *Context, report func(finding.Finding)) {
	for _, lang := range c.Bitext.Targets {
		if baseOf(lang) != "ja" {
			continue
		}
		d := c.Release.Doc(lang)
		type run struct {
			b          *release.Block
			start, end int
			full       bool
		}
		var runs []run
		nFull, nHalf := 0, 0
		for _, b := range d.Blocks {
			start, full := -1, false
			for i, r := range b.Text + " " {
				isFull := matchform.IsFullwidthASCII(r) && (unicode.IsLetter(r) || unicode.IsDigit(r))
				isHalf := r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r))
				switch {
				case start >= 0 && (isFull != full || !isFull && !isHalf):
					runs = append(runs, run{b, start, i, full})
					start = -1
				}
				if start < 0 && (isFull || isHalf) {
					start, full = i, isFull
				}
			}
		}
		for _, r := range runs {
			if r.full {
				nFull++
			} else {
				nHalf++
			}
		}
		if nFull == 0 || nHalf == 0 {
			continue
		}
		minority := nFull <= nHalf // report full-width runs when they are fewer
		for _, r := range runs {
			if r.full != minority {
				continue
			}
			found := r.b.Text[r.start:r.end]
			f := finding.Finding{Path: d.Path, Lang: lang.String(), Found: found}
			f.Line, f.Column = d.TextPosition(r.b, r.start)
			f.EndLine, f.EndColumn = d.TextPosition(r.b, r.end)
			w := "full-width"
			if !r.full {
				w = "half-width"
			}
			f.Message = fmt.Sprintf("%q is %s while this release writes %d runs in the other width", found, w, map[bool]int{true: nHalf, false: nFull}[r.full])
			report(f)
		}
	}
}
