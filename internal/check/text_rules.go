package check

import (
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/bitext"
	"github.com/relloc/relloc/internal/finding"
	"github.com/relloc/relloc/internal/matchform"
	"github.com/relloc/relloc/internal/release"
	"github.com/relloc/relloc/internal/runeclass"
	"github.com/relloc/relloc/internal/ui"
)

type untranslated struct{}

func (untranslated) Rule() finding.Rule {
	return finding.Rule{ID: "untranslated", Default: finding.Error,
		Summary: "A segment of the translation is the English text, or mostly English prose",
		Description: "The target segment equals the English, or it reads as English prose where Khmer or Japanese is " +
			"expected: it has at least two lower-case Latin words and more than check.untranslated_ratio (default 0.5) " +
			"of its letters are Latin. What official Khmer and Japanese keep in Latin on purpose does not count: " +
			"glossary renderings written in Latin (ASEAN in Japanese), names and acronyms (capitalised words, when the " +
			"segment has no English prose around them), the original-language form in brackets after a localized " +
			"name (フン・セン首相(Samdech … HUN SEN, Prime Minister of …), ហាយ៉ាស៊ិ យ៉ុស៊ិម៉ាសា (HAYASHI Yoshimasa)), " +
			"titles of foreign works in 『』, a quotation kept in its original language (not English) and followed by " +
			"its translation in brackets (Il faut avancer ensemble.（共に前進しなければならない）), URLs and e-mail addresses."}
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
			f.Say("UntranslatedSame", ui.Args{"Lang": lang.String()})
			f.Found = text
			report(f)
			return
		}
		if ratio >= 0 && lowerLatin(text) < 2 {
			return // no two lower-case Latin words: latinShare would count no Latin (see lowerLatin)
		}
		mask := keptInLatin(text)
		for _, m := range sideMatches(c, lang, tgt, true) {
			for i := m.Start - tgt.Start; i < m.End-tgt.Start && i < len(mask); i++ {
				mask[i] = true
			}
		}
		latin, other := latinShare(text, mask)
		if latin+other > 0 && float64(latin)/float64(latin+other) > ratio {
			f := onWholeSide(c, seg, lang, tgt)
			f.Say("UntranslatedLatin", ui.Args{"Latin": latin, "Letters": latin + other, "Lang": lang.String()})
			f.Found = text
			report(f)
		}
	})
}

var (
	urlOrMail = regexp.MustCompile(`(?:https?://|www\.)[^\s)）」』、。]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+`)
)

// keptInLatin marks the bytes of text that official Khmer and Japanese keep in Latin on purpose: URLs and e-mail
// addresses, titles of works in 『』, and a bracket right after a Khmer or Japanese word, which gives a localized
// name's original form (フン・セン首相(Samdech … HUN SEN, Prime Minister of …)).
func keptInLatin(text string) []bool {
	mask := make([]bool, len(text))
	set := func(s, e int) {
		for i := s; i < e && i < len(mask); i++ {
			mask[i] = true
		}
	}
	// Every URL or address holds one of these: most texts need no regular expression.
	if strings.Contains(text, "http") || strings.Contains(text, "www.") || strings.IndexByte(text, '@') >= 0 {
		for _, m := range urlOrMail.FindAllStringIndex(text, -1) {
			set(m[0], m[1])
		}
	}
	for i, r := range text {
		var closer rune
		switch r {
		case '『':
			closer = '』'
		case '(':
			closer = ')'
		case '（':
			closer = '）'
		default:
			continue
		}
		if r != '『' {
			before := strings.TrimRight(text[:i], " \u00a0\u200b")
			p, _ := utf8.DecodeLastRuneInString(before)
			if before == "" || !isLocalLetter(p) {
				continue
			}
		}
		if j := strings.IndexRune(text[i:], closer); j > 0 {
			set(i, i+j)
		}
	}
	glossedQuotations(text, set)
	return mask
}

// glossedQuotations calls set on each quotation that text keeps in its original language, other than English,
// and follows with its translation in brackets ("Il faut avancer ensemble.（共に前進しなければならない）"): the convention of
// an original quotation with a translator's gloss. The Latin run before the bracket counts as kept when the
// bracket holds Khmer or Japanese and the run has no English function word: English left in place with a gloss
// is still untranslated.
func glossedQuotations(text string, set func(s, e int)) {
	for i, r := range text {
		if r != '(' && r != '（' {
			continue
		}
		closer := ')'
		if r == '（' {
			closer = '）'
		}
		j := strings.IndexRune(text[i:], closer)
		if j < 0 || strings.IndexFunc(text[i:i+j], isLocalLetter) < 0 {
			continue
		}
		// the Latin run before the bracket, back to the last Khmer or Japanese letter or the start
		start := strings.LastIndexFunc(text[:i], isLocalLetter)
		if start < 0 {
			start = 0
		} else {
			_, n := utf8.DecodeRuneInString(text[start:])
			start += n
		}
		run := text[start:i]
		if strings.IndexFunc(run, unicode.IsLetter) < 0 || hasEnglishWord(run) {
			continue
		}
		set(start, i)
	}
}

// englishFunctionWords are words that nearly every English sentence has and that French, Spanish, Italian,
// German, Portuguese and Latin quotations lack.
var englishFunctionWords = map[string]bool{"the": true, "a": true, "an": true, "and": true, "of": true, "to": true,
	"is": true, "are": true, "was": true, "were": true, "be": true, "it": true, "that": true, "this": true, "we": true,
	"you": true, "he": true, "she": true, "they": true, "i": true, "not": true, "with": true, "for": true, "have": true,
	"has": true, "will": true, "on": true, "at": true, "by": true, "from": true, "our": true, "my": true}

// hasEnglishWord reports whether s has an English function word.
func hasEnglishWord(s string) bool {
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }) {
		if englishFunctionWords[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// isLocalLetter reports whether r is a letter or mark of Khmer or of Japanese (kanji, kana, the prolonged sound
// mark), the scripts a localized name is written in.
func isLocalLetter(r rune) bool {
	return unicode.In(r, unicode.Khmer, unicode.Han, unicode.Hiragana, unicode.Katakana) || r == 'ー'
}

// latinShare counts the letters of text outside mask that are Latin and those of other scripts. Latin counts only
// when the segment has English prose, that is at least two lower-case Latin words: capitalised names among Khmer or
// Japanese words (Bob Blemmings, Fox News Channel) are how those languages write foreign names. Upper-case
// acronyms of 2 to 6 letters (ASEAN, PKO, CNN) never count.
func latinShare(text string, mask []bool) (latin, other int) {
	var names, prose, lowerWords int
	start := -1 // start of the current Latin word
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := text[start:end]
		start = -1
		n := 0
		for _, r := range w {
			if unicode.IsLetter(r) {
				n++
			}
		}
		first, _ := utf8.DecodeRuneInString(w)
		switch {
		case isAcronym(w):
		case unicode.IsLower(first):
			lowerWords++
			prose += n
		default:
			names += n
		}
	}
	for i, r := range text {
		k := runeclass.Of(r)
		isLatin := k&runeclass.Letter != 0 && (r < 0x250 || matchform.IsFullwidthASCII(r))
		switch {
		case mask[i]:
			flush(i)
		case isLatin:
			if start < 0 {
				start = i
			}
		case start >= 0 && (r == '\'' || r == '’' || r == '-' || k&runeclass.Digit != 0):
			// inside a Latin word: I'm, Ann-Laure, G20
		default:
			flush(i)
			if k&(runeclass.Letter|runeclass.Mark) != 0 {
				other++
			}
		}
	}
	flush(len(text))
	if lowerWords < 2 {
		return 0, other
	}
	return names + prose, other
}

// lowerLatin counts the lower-case Latin letters of text, as latinShare tells them (a letter below U+0250 or a
// full-width ASCII letter), up to two: each lower-case word that latinShare counts begins with its own, so a
// text with fewer than two has no English prose, whatever is masked. Only the bytes that can begin such a letter
// are decoded; UTF-8 resynchronises at each of them, so they are the runes that reading rune by rune finds. The
// two continuation bytes after the lead of a three-byte rune below U+F000 (Khmer, kana, kanji) are passed over
// with it: no such byte begins a letter.
func lowerLatin(text string) int {
	n := 0
	for i := 0; i < len(text) && n < 2; i++ {
		c := text[i]
		switch {
		case 'a' <= c && c <= 'z':
			n++
		case c >= 0xE0 && c < 0xEF:
			if i+2 < len(text) && text[i+1]&0xC0 == 0x80 && text[i+2]&0xC0 == 0x80 {
				i += 2
			}
		case c >= 0xC2 && c <= 0xC9 || c == 0xEF: // U+0080–U+024F, U+F000–U+FFFF
			r, _ := utf8.DecodeRuneInString(text[i:])
			if (r < 0x250 || matchform.IsFullwidthASCII(r)) && unicode.IsLower(r) && runeclass.Of(r)&runeclass.Letter != 0 {
				n++
			}
		}
	}
	return n
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

// markupCounts counts the inline markup of a side by kind. It is a slice, not a map: a side has a few kinds of
// markup at most and most sides none, so that a segment without markup (nil) costs no allocation; the rule
// runs on every segment of every language.
type markupCounts []kindCount

type kindCount struct {
	kind string
	n    int
}

// of returns the count of kind.
func (mc markupCounts) of(kind string) int {
	for _, k := range mc {
		if k.kind == kind {
			return k.n
		}
	}
	return 0
}

func markupCount(side *bitext.Side) markupCounts {
	var out markupCounts
	for _, m := range side.Block.Markup {
		if m.Start < side.End && m.End > side.Start || m.Start == m.End && m.Start >= side.Start && m.Start < side.End {
			i := slices.IndexFunc(out, func(k kindCount) bool { return k.kind == m.Kind })
			if i < 0 {
				i = len(out)
				out = append(out, kindCount{kind: m.Kind})
			}
			out[i].n++
		}
	}
	return out
}

func (markupMismatch) Check(c *Context, report func(finding.Finding)) {
	targetSegments(c, func(seg *bitext.Segment, lang language.Tag, src, tgt *bitext.Side) {
		en, tr := markupCount(src), markupCount(tgt)
		var diffs []string
		for _, counts := range [2]markupCounts{en, tr} {
			for _, k := range counts {
				if slices.Contains(diffs, k.kind) || en.of(k.kind) == tr.of(k.kind) || c.Allowed(lang, "markup", k.kind) {
					continue
				}
				diffs = append(diffs, k.kind)
			}
		}
		if len(diffs) == 0 {
			return
		}
		sort.Strings(diffs)
		counts := make(ui.List, len(diffs))
		for i, k := range diffs {
			counts[i] = ui.Message{ID: "MarkupCount", Args: ui.Args{"Kind": k, "English": en.of(k), "Lang": lang.String(), "Count": tr.of(k)}}
		}
		f := onWholeSide(c, seg, lang, tgt)
		f.Say("MarkupMismatch", ui.Args{"Counts": counts})
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
		t := strings.TrimSpace(tgt.Text())
		last, _ := utf8.DecodeLastRuneInString(t)
		if t == "" || strings.ContainsRune(ends, last) {
			return
		}
		first, _ := utf8.DecodeRuneInString(ends)
		want := string(first)
		f := onSide(c, seg, lang, tgt, tgt.End, tgt.End)
		f.Line, f.Column = tgt.EndPosition()
		f.EndLine, f.EndColumn = f.Line, f.Column
		f.Say("SentenceEnd", ui.Args{"Lang": lang.String(), "End": want})
		f.Expected, f.Found = want, string(last)
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
				f := finding.Finding{Path: d.Path, Lang: lang.String()}
				f.Say(p.msg.ID, p.msg.Args)
				f.Line, f.Column = d.TextPosition(b, p.start)
				f.EndLine, f.EndColumn = d.TextPosition(b, p.end)
				report(f)
			}
		}
	}
}

type problem struct {
	start, end int
	msg        ui.Message
}

var pairs = map[rune]rune{'(': ')', '[': ']', '「': '」', '『': '』', '（': '）', '“': '”', '«': '»', '【': '】', '〔': '〕'}

// openers maps each closing bracket of pairs to its opening one.
var openers = func() map[rune]rune {
	m := map[rune]rune{}
	for o, c := range pairs {
		m[c] = o
	}
	return m
}()

// brackets is the set of the runes of pairs (all below U+10000), one bit each: blockPunctuation looks up in the
// maps only the runes that are in it.
var brackets = func() (set [0x10000 / 64]uint64) {
	for o, c := range pairs {
		set[o>>6] |= 1 << (o & 63)
		set[c>>6] |= 1 << (c & 63)
	}
	return set
}()

func isBracket(r rune) bool { return r < 0x10000 && brackets[r>>6]&(1<<(r&63)) != 0 }

// bracketLead holds the first byte of the UTF-8 of each rune of pairs: blockPunctuation decodes a rune only where
// one of them stands. bracketSecond holds, for the first byte of a rune of more than one byte, the second bytes
// that the runes of pairs begun by it have (bit b-0x80 for byte b, a continuation byte): kana lead with E3 as 「
// does, but no bracket starts E3 81, E3 82 or E3 83.
var bracketLead, bracketSecond = func() (lead [256]bool, second [256]uint64) {
	var b [utf8.UTFMax]byte
	for o, c := range pairs {
		for _, r := range []rune{o, c} {
			n := utf8.EncodeRune(b[:], r)
			lead[b[0]] = true
			if n > 1 {
				second[b[0]] |= 1 << (b[1] & 0x3f)
			}
		}
	}
	return lead, second
}()

func blockPunctuation(b *release.Block) []problem {
	var out []problem
	text := b.Text
	for i := 0; ; {
		k := strings.Index(text[i:], "  ")
		if k < 0 {
			break
		}
		i += k
		j := i
		for j < len(text) && text[j] == ' ' {
			j++
		}
		out = append(out, problem{i, j, ui.Message{ID: "DoubledSpace"}})
		i = j
	}
	type open struct {
		r   rune
		off int
	}
	var stack []open
	// The runes of text as a range over it gives them, those that can be no bracket left out: a byte that leads
	// no bracket's UTF-8 is passed over, and is never where a rune that range gives starts inside another; so is a
	// whole rune of three bytes whose lead is none of theirs (Khmer, kanji), which range would give as one rune
	// (its lead neither E0 nor ED, which take only some of the continuation bytes after them).
	// A lead of a bracket followed by a continuation byte that no bracket has after it starts no bracket either.
	for i, size := 0, 0; i < len(text); i += size {
		c := text[i]
		if !bracketLead[c] || c >= 0x80 && i+1 < len(text) && text[i+1]&0xc0 == 0x80 && bracketSecond[c]&(1<<(text[i+1]&0x3f)) == 0 {
			size = 1
			switch {
			case c >= 0xe1 && c != 0xed && c <= 0xef && i+2 < len(text) && text[i+1]&0xc0 == 0x80 && text[i+2]&0xc0 == 0x80:
				size = 3
			case c >= 0xc2 && c <= 0xdf && i+1 < len(text) && text[i+1]&0xc0 == 0x80:
				size = 2
			}
			continue
		}
		var r rune
		r, size = utf8.DecodeRuneInString(text[i:])
		if !isBracket(r) {
			continue
		}
		if _, ok := pairs[r]; ok {
			stack = append(stack, open{r, i})
			continue
		}
		if o, ok := openers[r]; ok {
			if len(stack) > 0 && stack[len(stack)-1].r == o {
				stack = stack[:len(stack)-1]
				continue
			}
			out = append(out, problem{i, i + len(string(r)), ui.Message{ID: "BracketNotOpened", Args: ui.Args{"Close": string(r), "Open": string(o)}}})
		}
	}
	for _, o := range stack {
		out = append(out, problem{o.off, o.off + len(string(o.r)), ui.Message{ID: "BracketNotClosed", Args: ui.Args{"Open": string(o.r), "Close": string(pairs[o.r])}}})
	}
	if n := strings.Count(text, "\""); n%2 == 1 {
		i := strings.LastIndex(text, "\"")
		out = append(out, problem{i, i + 1, ui.Message{ID: "UnbalancedQuotes"}})
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
				f := finding.Finding{Path: d.Path, Lang: lang.String(), Found: codePoints(b.Text[is.Off:is.End])}
				f.Say(is.MessageID, is.Args)
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
		// The runs are counted first, and listed only in a release that mixes the widths, which most do not.
		nFull, nHalf := 0, 0
		for _, b := range d.Blocks {
			widthRuns(b.Text, func(_, _ int, full bool) {
				if full {
					nFull++
				} else {
					nHalf++
				}
			})
		}
		if nFull == 0 || nHalf == 0 {
			continue
		}
		var runs []run
		for _, b := range d.Blocks {
			widthRuns(b.Text, func(start, end int, full bool) { runs = append(runs, run{b, start, end, full}) })
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
			id := "WidthFull"
			if !r.full {
				id = "WidthHalf"
			}
			f.Say(id, ui.Args{"Found": strconv.Quote(found), "Runs": map[bool]int{true: nHalf, false: nFull}[r.full]})
			report(f)
		}
	}
}

// widthRuns calls fn with each run of text's digits and Latin letters of one width, full (ｅ, ５) or half (e, 5),
// in the order of the text.
func widthRuns(text string, fn func(start, end int, full bool)) {
	start, full := -1, false
	for i, r := range text {
		isFull := matchform.IsFullwidthASCII(r) && (unicode.IsLetter(r) || unicode.IsDigit(r))
		isHalf := r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r))
		if start >= 0 && (isFull != full || !isFull && !isHalf) {
			fn(start, i, full)
			start = -1
		}
		if start < 0 && (isFull || isHalf) {
			start, full = i, isFull
		}
	}
	if start >= 0 {
		fn(start, len(text), full)
	}
}
