package bitext

import (
	"slices"
	"strconv"
	"sync"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/glossary"
	"github.com/relloc/relloc/internal/matchform"
	"github.com/relloc/relloc/internal/numeral"
	"github.com/relloc/relloc/internal/termmatch"
)

// Anchors finds the anchors of a text: the glossary entries it mentions and the numbers it holds. It is built
// once per glossary and is safe for concurrent use; ForRelease gives a view for one release that matches each
// text only once.
type Anchors struct {
	// langs are the languages given to NewAnchors; matchers[i] builds the term matcher of langs[i] the first
	// time it is needed, so that a command about one target language (draft --lang km) builds no other. A
	// language is found by its index in langs, not as a map key: hashing a language.Tag on every call was a
	// tenth of a release's anchor pass.
	langs    []language.Tag
	matchers []func() *langMatcher
	// shared[i] says which patterns of the source's matcher have entries that langs[i] renders (sharedWith),
	// made the first time For asks about that target.
	shared   []func() []bool
	glossary *glossary.Glossary
	source   language.Tag
	// pass, in a view of ForRelease, holds what is known of each text seen so far, one slot per language (those
	// of langs, then any other language asked about): alignment (Of) and the check rules (Matches, Longest,
	// Numbers) read the same pass. last is the slot of the language asked about last.
	pass []*langSlot
	last *langSlot
	// passes holds the textPass values of a view, allocated a chunk at a time: a release has one for each of its
	// blocks, sentences and segment sides in every language, all dropped with the view.
	passes  slab[textPass]
	numKeys map[float64]string // in a view, the anchor of each number value made so far (numberKey)
}

// langMatcher is the term matcher of one language, with what deriving a span's matches from its block's needs
// to know of the patterns.
type langMatcher struct {
	m *termmatch.Matcher
	// context[i] is true when pattern i counts only with a text before or after it (日 in 訪日), which its match
	// does not cover: the match of a span does not tell whether that text lay inside the span.
	context []bool
	// anyContext is true when some pattern has a context: never in the source language, whose patterns are terms
	// and variants (Patterns), which deriveLongest relies on.
	anyContext bool
	// keys[i] is the anchor of pattern i, "term:ID", or "" when its matches are no anchors (anchors), made with
	// the matcher: Of finds a match's anchor by its pattern's index, where a map of entry ids hashed the id of
	// every match and each match's form was compared.
	keys []string
}

// langSlot is what a release view knows of one language: its texts' passes and its matcher. A call finds its
// language's slot once, and the slot of the language asked about last without a loop: the calls about one
// language come together (a batch's blocks, a block's sentences, a segment's sides), and each comparison of two
// language.Tag values, whose interface field is compared too, was a call's share of a check.
type langSlot struct {
	lang  language.Tag
	texts map[string]*textPass
	// lm is the language's matcher (nil: none), once known is set: looked up the first time it is needed, so that
	// a view builds no matcher its command does not use.
	lm    *langMatcher
	known bool
}

// matcher returns the matcher of s's language, or nil.
func (a *Anchors) matcher(s *langSlot) *langMatcher {
	if !s.known {
		s.lm, s.known = a.langMatcher(s.lang), true
	}
	return s.lm
}

// textPass is what a release view knows of one text; each field is filled the first time it is asked for.
type textPass struct {
	form          matchform.Form // matchform.For(lang, text), which the matcher and numeral.Find share
	over, longest []termmatch.Match
	numbers       []numeral.Number
	reading       *numeral.Reading // the numbers of a text read on its own, from which its spans' are taken
	// relative and bare are the number words that numbers leaves out (NumberWords)
	relative, bare []numeral.Number
	anchors        []string // Of's result
	// forTargets holds For's result for each target asked about, in the order asked: alignment asks once per
	// target language of an English text.
	forTargets []targetAnchors
	// which of the fields above are filled
	haveForm, haveOver, haveLongest, haveNumbers, haveWords, haveAnchors bool
	// block, when Within said that the text is block.text[start:start+len(text)], is where its matches may be
	// derived from (see derive), and its numbers (spanNumbers); its text is "" otherwise.
	block blockSpan
}

// targetAnchors is the result of For for one target.
type targetAnchors struct {
	target  language.Tag
	anchors []string
}

// blockSpan places a text within the block it was cut from.
type blockSpan struct {
	text  string    // the block's text
	pass  *textPass // the block's, so that a span reaches it without hashing the block's text again
	start int
}

func (p *textPass) matchForm(lang language.Tag, text string) matchform.Form {
	if !p.haveForm {
		p.form, p.haveForm = matchform.For(lang, text), true
	}
	return p.form
}

// ForRelease returns a view of a for the texts of one release: every text is matched once, and alignment
// anchors and glossary rules both take what they need from that pass: the overlapping matches of a text, from
// which its leftmost-longest ones are derived, and its numbers. The sentences and segment sides of a block, made
// known by Within, take their matches from the block's pass instead of a pass of their own. The view is not safe
// for concurrent use; drop it with the release, so that memory does not grow with the archive.
func (a *Anchors) ForRelease() *Anchors {
	v := *a
	v.passes = slab[textPass]{}
	v.pass = make([]*langSlot, 0, len(a.langs))
	for _, l := range a.langs {
		v.pass = append(v.pass, &langSlot{lang: l, texts: map[string]*textPass{}})
	}
	v.numKeys = map[float64]string{}
	return &v
}

// Within tells a release view that the text block[start:end] of lang (a sentence, a segment's side) is a span of
// block, so that its glossary matches and numbers are taken from block's pass, where that gives exactly what
// reading the span on its own gives, instead of reading it again. Outside a view, and for a text placed in a
// block already, it does nothing.
func (a *Anchors) Within(lang language.Tag, block string, start, end int) {
	if a.pass == nil || start >= end || start == 0 && end == len(block) {
		return
	}
	texts := a.slot(lang).texts
	p := a.lookPass(texts, block[start:end])
	if p.block.text == "" {
		p.block = blockSpan{text: block, pass: a.lookPass(texts, block), start: start}
	}
}

// textPass returns the pass of text in lang, made empty the first time; a must be a release view.
func (a *Anchors) textPass(lang language.Tag, text string) *textPass {
	return a.lookPass(a.slot(lang).texts, text)
}

// passOf returns the texts of lang seen by the release view a.
func (a *Anchors) passOf(lang language.Tag) map[string]*textPass { return a.slot(lang).texts }

// slot returns the slot of lang in the release view a, made the first time for a language not in langs.
func (a *Anchors) slot(lang language.Tag) *langSlot {
	if a.last != nil && a.last.lang == lang {
		return a.last
	}
	for _, s := range a.pass {
		if s.lang == lang {
			a.last = s
			return s
		}
	}
	a.last = &langSlot{lang: lang, texts: map[string]*textPass{}}
	a.pass = append(a.pass, a.last)
	return a.last
}

// lookPass returns the pass of text in texts, one of the view a's maps, made empty the first time.
func (a *Anchors) lookPass(texts map[string]*textPass, text string) *textPass {
	p := texts[text]
	if p == nil {
		p = a.passes.new(textPass{})
		texts[text] = p
	}
	return p
}

// Matches returns every occurrence of every glossary form in text (termmatch.Matcher.FindAllOverlapping), from
// the release's pass when a is a ForRelease view (for a span given by Within, from its block's where that is
// exact, see derive). The result must not be modified.
func (a *Anchors) Matches(lang language.Tag, text string) []termmatch.Match {
	if a.pass == nil {
		if lm := a.langMatcher(lang); lm != nil {
			return lm.m.FindAllOverlapping(text)
		}
		return nil
	}
	s := a.slot(lang)
	lm := a.matcher(s)
	if lm == nil {
		return nil
	}
	return a.matches(lang, lm, a.lookPass(s.texts, text), text)
}

// matches is Matches in a release view, for text, whose pass is p.
func (a *Anchors) matches(lang language.Tag, lm *langMatcher, p *textPass, text string) []termmatch.Match {
	if !p.haveOver {
		if over, ok := a.derive(lang, lm, p, text); ok {
			p.over = over
		} else {
			p.over = lm.m.FindAllOverlappingForm(text, p.matchForm(lang, text))
		}
		p.haveOver = true
	}
	return p.over
}

// Longest returns the leftmost-longest matches of text (termmatch.Matcher.FindAll), from the release's pass when
// a is a ForRelease view: derived from the overlapping matches (termmatch.LeftmostLongest), those of the text's
// block for a span given by Within where that is exact (derive), else the text's own. The result must not be
// modified.
func (a *Anchors) Longest(lang language.Tag, text string) []termmatch.Match {
	if a.pass == nil {
		if lm := a.langMatcher(lang); lm != nil {
			return lm.m.FindAll(text)
		}
		return nil
	}
	s := a.slot(lang)
	lm := a.matcher(s)
	if lm == nil {
		return nil
	}
	return a.longest(lang, lm, a.lookPass(s.texts, text), text)
}

// longest is Longest in a release view, for text, whose pass is p. A translation's leftmost-longest matches are
// chosen from its overlapping ones, which the rules read too. The source's overlapping matches are read by no rule
// of check, so its texts are matched leftmost-longest during the scan (termmatch.Matcher.FindAllForm), and a span
// takes its matches from its block's leftmost-longest ones where that is exact (deriveLongest): no overlapping
// hit of an English text is collected, and none is chosen from afterwards.
func (a *Anchors) longest(lang language.Tag, lm *langMatcher, p *textPass, text string) []termmatch.Match {
	if !p.haveLongest {
		switch {
		case lang != a.source:
			p.longest = termmatch.LeftmostLongest(a.matches(lang, lm, p, text))
		case p.haveOver: // asked for by a caller already (Matches)
			p.longest = termmatch.LeftmostLongest(p.over)
		default:
			ms, ok := a.deriveLongest(lang, lm, p, text)
			if !ok {
				ms = lm.m.FindAllForm(text, p.matchForm(lang, text))
			}
			p.longest = ms
		}
		p.haveLongest = true
	}
	return p.longest
}

// Numbers returns the numbers of text (numeral.Find), from the release's pass when a is a ForRelease view: for a
// span given by Within, from the reading of its block where that is exact (numeral.Reading.Span), else its own.
// The result must not be modified; appending to it copies it.
func (a *Anchors) Numbers(lang language.Tag, text string) []numeral.Number {
	if a == nil || a.pass == nil {
		return numeral.Find(lang, text)
	}
	return a.numbers(lang, a.textPass(lang, text), text)
}

var khmerBase, _ = language.Khmer.Base()

// numbers is Numbers in a release view, for text, whose pass is p.
func (a *Anchors) numbers(lang language.Tag, p *textPass, text string) []numeral.Number {
	if !p.haveNumbers {
		if ns, ok := spanNumbers(p, text); ok {
			p.numbers = ns
		} else {
			if b, _ := lang.Base(); p.haveForm || b == khmerBase { // only Khmer months are read in the form
				p.reading = numeral.ReadForm(lang, text, p.matchForm(lang, text))
			} else {
				p.reading = numeral.Read(lang, text)
			}
			p.numbers = p.reading.Numbers()
		}
		p.numbers, p.haveNumbers = slices.Clip(p.numbers), true
	}
	return p.numbers
}

// NumberWords returns the number words of text that Numbers leaves out, numeral.Relative's and numeral.Bare's,
// from the release's pass when a is a ForRelease view: read with the text's numbers, for a span given by Within
// from its block's reading where that is exact (numeral.Reading.SpanWords), so that a Khmer text is not read
// again for its bare words. The results must not be modified.
func (a *Anchors) NumberWords(lang language.Tag, text string) (relative, bare []numeral.Number) {
	if a == nil || a.pass == nil {
		return numeral.Relative(lang, text), numeral.Bare(lang, text)
	}
	p := a.textPass(lang, text)
	if !p.haveWords {
		a.numbers(lang, p, text) // the text's reading, or its block's
		ok := false
		if p.reading != nil {
			p.relative, p.bare = p.reading.Words()
			ok = true
		} else if bp := p.block.pass; bp != nil && bp.reading != nil {
			p.relative, p.bare, ok = bp.reading.SpanWords(p.block.start, p.block.start+len(text))
		}
		if !ok {
			p.relative, p.bare = numeral.Relative(lang, text), numeral.Bare(lang, text)
		}
		p.haveWords = true
	}
	return p.relative, p.bare
}

// spanNumbers returns the numbers of text, a span of a block (Within), from the block's reading, when the block
// has been read (alignment reads every block before its sentences) and the span's ends let them be taken from it
// exactly (numeral.Reading.Span: sentence ends); else false, and the caller reads the span itself.
func spanNumbers(p *textPass, text string) ([]numeral.Number, bool) {
	bp := p.block.pass
	if bp == nil || bp.reading == nil {
		return nil, false
	}
	return bp.reading.Span(p.block.start, p.block.start+len(text))
}

// NewAnchors makes one term matcher per language of langs from the glossary (which may be nil), each built the
// first time it is needed.
func NewAnchors(g *glossary.Glossary, source language.Tag, langs []language.Tag) *Anchors {
	a := &Anchors{langs: slices.Clone(langs), matchers: make([]func() *langMatcher, len(langs)), glossary: g, source: source}
	if g == nil {
		return a
	}
	a.shared = make([]func() []bool, len(langs))
	for i, lang := range langs {
		a.shared[i] = sync.OnceValue(func() []bool { return sharedPatterns(g, Patterns(g, source, source), lang) })
	}
	for i, lang := range langs {
		if k := slices.Index(langs, lang); k < i { // a language given twice has one matcher
			a.matchers[i] = a.matchers[k]
			continue
		}
		a.matchers[i] = sync.OnceValue(func() *langMatcher {
			ps := Patterns(g, source, lang)
			lm := &langMatcher{m: termmatch.New(lang, ps), context: make([]bool, len(ps)), keys: make([]string, len(ps))}
			for i, p := range ps {
				lm.context[i] = p.PrecededBy != "" || p.FollowedBy != ""
				lm.anyContext = lm.anyContext || lm.context[i]
				switch {
				case !anchors(p):
				case i > 0 && ps[i-1].ID == p.ID && lm.keys[i-1] != "": // an entry's patterns are together (Patterns)
					lm.keys[i] = lm.keys[i-1]
				default:
					lm.keys[i] = "term:" + p.ID
				}
			}
			return lm
		})
	}
	return a
}

// Patterns returns the glossary's patterns in lang: English terms and variants for the source language, approved
// renderings and accepted variants (Form "term", "variant"), forms that count in context ("context", with their
// surroundings, if any), forms that refer back to the entry without naming it ("reference": 両国, 我が国) and forbidden
// renderings ("forbidden") for a target.
func Patterns(g *glossary.Glossary, source, lang language.Tag) []termmatch.Pattern {
	var ps []termmatch.Pattern
	for _, e := range g.Entries {
		if lang == source {
			ps = append(ps, termmatch.Pattern{Text: e.EN.Term, ID: e.ID, Form: "term", CaseSensitive: e.EN.CaseSensitive})
			for _, v := range e.EN.Variants {
				ps = append(ps, termmatch.Pattern{Text: v, ID: e.ID, Form: "variant", CaseSensitive: e.EN.CaseSensitive})
			}
			continue
		}
		r, ok := e.Targets[lang]
		if !ok {
			continue
		}
		if r.Term != "" {
			ps = append(ps, termmatch.Pattern{Text: r.Term, ID: e.ID, Form: "term"})
		}
		for _, v := range r.Variants {
			ps = append(ps, termmatch.Pattern{Text: v, ID: e.ID, Form: "variant"})
		}
		for _, f := range r.Forbidden {
			ps = append(ps, termmatch.Pattern{Text: f, ID: e.ID, Form: "forbidden"})
		}
		for _, c := range r.Context {
			form := "context"
			if c.Reference {
				form = "reference"
			}
			if len(c.PrecededBy) == 0 && len(c.FollowedBy) == 0 {
				ps = append(ps, termmatch.Pattern{Text: c.Form, ID: e.ID, Form: form})
			}
			for _, b := range c.PrecededBy {
				ps = append(ps, termmatch.Pattern{Text: c.Form, ID: e.ID, Form: form, PrecededBy: b})
			}
			for _, a := range c.FollowedBy {
				ps = append(ps, termmatch.Pattern{Text: c.Form, ID: e.ID, Form: form, FollowedBy: a})
			}
		}
	}
	return ps
}

// Matcher returns the term matcher of lang, or nil.
func (a *Anchors) Matcher(lang language.Tag) *termmatch.Matcher {
	if lm := a.langMatcher(lang); lm != nil {
		return lm.m
	}
	return nil
}

func (a *Anchors) langMatcher(lang language.Tag) *langMatcher {
	for i, l := range a.langs {
		if l == lang {
			if m := a.matchers[i]; m != nil {
				return m()
			}
			return nil
		}
	}
	return nil
}

// Of returns the anchors of text in lang, once per occurrence: "term:ID" for each glossary entry found and
// "num:V" for each number outside a glossary term (the 19 of Covid-19 is part of the term, not a number). The
// result must not be modified: a ForRelease view keeps it for the next call.
func (a *Anchors) Of(lang language.Tag, text string) []string {
	if a.pass == nil {
		return a.of(lang, a.langMatcher(lang), nil, text)
	}
	s := a.slot(lang)
	return a.passAnchors(lang, a.matcher(s), a.lookPass(s.texts, text), text)
}

// passAnchors is Of in a release view, for text, whose pass is p, with lang's matcher lm (nil: none).
func (a *Anchors) passAnchors(lang language.Tag, lm *langMatcher, p *textPass, text string) []string {
	if !p.haveAnchors {
		p.anchors, p.haveAnchors = a.of(lang, lm, p, text), true
	}
	return p.anchors
}

// of makes the anchors of text with lang's matcher lm (nil: none), from its pass p in a release view (nil outside
// one).
func (a *Anchors) of(lang language.Tag, lm *langMatcher, p *textPass, text string) []string {
	var longest []termmatch.Match
	if lm != nil {
		if p == nil {
			longest = lm.m.FindAll(text)
		} else {
			longest = a.longest(lang, lm, p, text)
		}
	}
	var numbers []numeral.Number
	if p == nil {
		numbers = numeral.Find(lang, text)
	} else {
		numbers = a.numbers(lang, p, text)
	}
	// counted[i] says whether numbers[i] is an anchor, worked out once per number: not weak (a weak number, "one",
	// 両国, a list label, may have no counterpart) and not inside a match that anchors (the 19 of Covid-19 is part
	// of the term). The leftmost-longest matches are in order without overlaps, so their ends ascend, and the one
	// that can hold a number (never empty) is the first that ends at or after the number's end, which a cursor
	// finds as the numbers' ends ascend.
	var buf [32]bool
	counted := buf[:0]
	if len(numbers) > len(buf) {
		counted = make([]bool, 0, len(numbers))
	}
	size := 0
	for _, mt := range longest {
		if lm.keys[mt.Pattern] != "" {
			size++
		}
	}
	k, end := 0, 0 // longest[:k] end before end, the last number's end
	for _, n := range numbers {
		if n.End < end { // numbers come in order, and their ends too but where one holds another
			k = 0
		}
		end = n.End
		for k < len(longest) && longest[k].End < end {
			k++
		}
		ok := !n.Weak && (k == len(longest) || longest[k].Start > n.Start || lm.keys[longest[k].Pattern] == "")
		counted = append(counted, ok)
		if ok {
			size++
		}
	}
	if size == 0 {
		return nil
	}
	out := make([]string, 0, size)
	for _, mt := range longest {
		if k := lm.keys[mt.Pattern]; k != "" {
			out = append(out, k)
		}
	}
	for i, n := range numbers {
		if counted[i] {
			out = append(out, a.numberKey(n.Value))
		}
	}
	return out
}

// anchors reports whether a pattern's matches are anchors. A forbidden rendering's are not, and neither are a
// reference's (両国, "the two countries"), which stands for what an earlier sentence named: it is no evidence of
// which English sentence this one translates.
func anchors(p termmatch.Pattern) bool { return p.Form != "forbidden" && p.Form != "reference" }

// smallNumberKeys[i] is the anchor of the number i, made once for the process: the whole numbers below its
// length (days, counts, years) are most of the numbers of a release, and an index finds their anchor where a map
// of values hashed each.
var smallNumberKeys = func() []string {
	keys := make([]string, 1<<12)
	for i := range keys {
		keys[i] = "num:" + strconv.Itoa(i)
	}
	return keys
}()

// numberKey returns the anchor of a number's value, "num:V", from smallNumberKeys for a small whole number, else
// made once per value in a release view, where the same values recur in every language and sentence.
func (a *Anchors) numberKey(v float64) string {
	if v > 0 && v < float64(len(smallNumberKeys)) && v == float64(int(v)) { // not -0, which is written "-0"
		return smallNumberKeys[int(v)]
	}
	if k, ok := a.numKeys[v]; ok {
		return k
	}
	k := "num:" + strconv.FormatFloat(v, 'f', -1, 64)
	// NaN is never found again, and 0 and -0, one key of the map, are written differently.
	if a.numKeys != nil && v == v && v != 0 {
		a.numKeys[v] = k
	}
	return k
}

// For returns the anchors of a source-language text that a translation into target can be expected to share:
// glossary entries that target omits, or has no rendering for, are left out. The result must not be modified: a
// ForRelease view keeps it for the next call.
func (a *Anchors) For(source, target language.Tag, text string) []string {
	if a.pass == nil {
		return a.forTarget(source, target, a.langMatcher(source), nil, text)
	}
	s := a.slot(source)
	p := a.lookPass(s.texts, text)
	for _, t := range p.forTargets {
		if t.target == target {
			return t.anchors
		}
	}
	out := a.forTarget(source, target, a.matcher(s), p, text)
	if p.forTargets == nil {
		p.forTargets = make([]targetAnchors, 0, len(a.langs))
	}
	p.forTargets = append(p.forTargets, targetAnchors{target, out})
	return out
}

// forTarget makes For's result with source's matcher lm (nil: none), from text's pass p in a release view (nil outside one, where the call makes one
// of its own): the anchors of Of itself when target can share them all. Of's anchors are those
// of its leftmost-longest matches that anchor, then its numbers; an anchor of a match is shared when the source
// pattern's entry is (sharedWith), which is known per pattern, so that no key is looked up in the glossary.
func (a *Anchors) forTarget(source, target language.Tag, lm *langMatcher, p *textPass, text string) []string {
	if p == nil { // a pass of this call's own, so that the matches of Of's anchors are at hand below
		p = &textPass{}
	}
	all := a.passAnchors(source, lm, p, text)
	if a.glossary == nil {
		return all
	}
	shared := a.sharedWith(source, target)
	var longest []termmatch.Match
	if lm != nil {
		longest = a.longest(source, lm, p, text)
	}
	n := len(all)
	for _, mt := range longest {
		if lm.keys[mt.Pattern] != "" && !shared[mt.Pattern] {
			n--
		}
	}
	if n == len(all) {
		return all
	}
	out := make([]string, 0, n)
	k := 0
	for _, mt := range longest {
		if lm.keys[mt.Pattern] != "" {
			if shared[mt.Pattern] {
				out = append(out, all[k])
			}
			k++
		}
	}
	return append(out, all[k:]...)
}

// sharedWith returns, for each pattern of source's matcher, whether a translation into target can be expected to
// render its entry: false when target omits it or has no rendering for it. It is made once per target of the
// anchors' languages.
func (a *Anchors) sharedWith(source, target language.Tag) []bool {
	if source == a.source {
		for i, l := range a.langs {
			if l == target && a.shared[i] != nil {
				return a.shared[i]()
			}
		}
	}
	return sharedPatterns(a.glossary, Patterns(a.glossary, a.source, source), target)
}

// sharedPatterns returns, for each of the source patterns ps, whether its entry is one that target renders.
func sharedPatterns(g *glossary.Glossary, ps []termmatch.Pattern, target language.Tag) []bool {
	out := make([]bool, len(ps))
	for i, p := range ps {
		out[i] = true
		if e, found := g.Lookup(p.ID); found {
			if r := e.Target(target); r.Policy == glossary.Omit || r.Term == "" {
				out[i] = false
			}
		}
	}
	return out
}
