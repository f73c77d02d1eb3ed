package check

import (
	"cmp"
	"slices"
	"strconv"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/bitext"
	"github.com/relloc/relloc/internal/finding"
	"github.com/relloc/relloc/internal/glossary"
	"github.com/relloc/relloc/internal/termmatch"
	"github.com/relloc/relloc/internal/ui"
)

// sideMatches returns the glossary matches of a side, in block offsets: leftmost-longest, or every occurrence
// when overlapping. Both come from the release's one match pass (bitext.Anchors.ForRelease), which alignment
// used too, and from the pass over the side's block where that is exact (bitext.Anchors.Within), so no text is
// matched twice; the shifted copy is made once per side that does not start its block and kept in c (all of them
// in one buffer, which grows as a slice does), so the result must not be modified. lang is the side's language.
func sideMatches(c *Context, lang language.Tag, side *bitext.Side, overlapping bool) []termmatch.Match {
	if side == nil || c.Anchors.Matcher(lang) == nil {
		return nil
	}
	k := sideKey{side, overlapping}
	if ms, ok := c.sides[k]; ok {
		return ms
	}
	text := side.Text()
	c.Anchors.Within(lang, side.Block.Text, side.Start, side.End)
	var ms []termmatch.Match
	if overlapping {
		ms = c.Anchors.Matches(lang, text)
	} else {
		ms = c.Anchors.Longest(lang, text)
	}
	if side.Start > 0 && len(ms) > 0 { // a side at the start of its block has its matches in block offsets already
		n := len(c.shifted)
		c.shifted = append(c.shifted, ms...)
		ms = c.shifted[n:len(c.shifted):len(c.shifted)]
		for i := range ms {
			ms[i].Start += side.Start
			ms[i].End += side.Start
		}
	}
	if c.sides == nil { // a Context made outside a run
		c.sides = map[sideKey][]termmatch.Match{}
	}
	c.sides[k] = ms
	return ms
}

// targetSegments calls fn for each segment that has both an English side and a side in one of the checked
// targets. The list of them is made once and kept in c: six rules walk it, and each looked every side up in its
// segment's map again.
func targetSegments(c *Context, fn func(seg *bitext.Segment, lang language.Tag, src, tgt *bitext.Side)) {
	if !c.pairsMade {
		c.pairsMade = true
		for _, seg := range c.Bitext.Segments {
			src := seg.Side(c.Source)
			if src == nil {
				continue
			}
			for _, lang := range c.Bitext.Targets {
				if tgt := seg.Side(lang); tgt != nil {
					c.pairs = append(c.pairs, segmentPair{seg, lang, src, tgt})
				}
			}
		}
	}
	for _, p := range c.pairs {
		fn(p.seg, p.lang, p.src, p.tgt)
	}
}

// segmentPair is the English side of a segment and its side in one target.
type segmentPair struct {
	seg      *bitext.Segment
	lang     language.Tag
	src, tgt *bitext.Side
}

type glossaryMissing struct{}

func (glossaryMissing) Rule() finding.Rule {
	return finding.Rule{ID: "glossary-missing", Default: finding.Error,
		Summary: "A glossary term of the English has no approved rendering in the aligned translation",
		Description: "The English segment contains a glossary term or one of its accepted English variants, the language's " +
			"policy for the entry is required, and the aligned segment of the translation has no rendering of it at all " +
			"(approved term, accepted variant or a form the entry counts in context, such as 日 in 日カンボジア). It is " +
			"also an error when an honorific is rendered fewer times than the English has it (Khmer puts ឯកឧត្តម before " +
			"every name), and when an office is rendered fewer times than the English mentions it while the segment " +
			"holds the rendering of another honorific or office that the English does not mention: a title replaced by " +
			"another (総理 written 外相). Any other shortfall is the glossary-count warning, and so is a person or office " +
			"that the segment leaves out while its paragraph's translation names it (a repeated subject dropped, or " +
			"moved into the next sentence), or a country that the segment leaves implied while the translation names " +
			"it elsewhere (\"Prime Minister Kishida expressed Japan's desire\" is 岸田総理大臣から…したい旨). A forbidden " +
			"rendering is reported by glossary-forbidden only. Use the glossary's rendering, or set the entry's policy to " +
			"optional or omit if the language legitimately does not render it."}
}

func (glossaryMissing) Check(c *Context, report func(finding.Finding)) {
	for _, s := range shortfalls(c) {
		seg, lang, tgt, sf := s.seg, s.lang, s.tgt, s.shortfall
		if sf.have > 0 && sf.replacedBy == "" && sf.entry.Category != glossary.Honorific || sf.carriedBy != "" {
			continue
		}
		e, r := sf.entry, sf.entry.Target(lang)
		f := onWholeSide(c, seg, lang, tgt)
		switch {
		case len(r.Accepted()) == 0:
			// An entry still being built: lint reports it, and check does not pass over it in silence.
			f.Say("GlossaryNoneGiven", ui.Args{"Term": strconv.Quote(e.EN.Term), "ID": e.ID, "Lang": lang.String()})
		case sf.have == 0:
			f.Say("GlossaryMissing", ui.Args{"Term": strconv.Quote(e.EN.Term), "ID": e.ID, "Lang": lang.String(), "Expected": approved(r)})
		case sf.replacedBy == "":
			f.Say("GlossaryCount", ui.Args{"Term": strconv.Quote(e.EN.Term), "ID": e.ID, "Want": sf.want, "Lang": lang.String(), "Rendering": r.Term, "Have": sf.have})
		default:
			f.Say("GlossaryReplaced", ui.Args{"Term": strconv.Quote(e.EN.Term), "ID": e.ID, "Want": sf.want, "Lang": lang.String(), "Rendering": r.Term,
				"Have": sf.have, "Title": sf.replacedBy})
			f.Found = sf.replacedBy
		}
		f.Expected = approved(r)
		report(f)
	}
}

// approved is the rendering a finding asks for: the approved term, or the first accepted variant of an entry
// that has no term yet.
func approved(r *glossary.Rendering) string {
	if a := r.Accepted(); len(a) > 0 {
		return a[0]
	}
	return ""
}

type glossaryCount struct{}

func (glossaryCount) Rule() finding.Rule {
	return finding.Rule{ID: "glossary-count", Default: finding.Warning,
		Summary: "A glossary term is rendered fewer times than the English mentions it",
		Description: "The aligned segment renders a required glossary term at least once, but fewer times than the English " +
			"segment mentions it. This is a warning, not an error: Japanese and Khmer do not repeat a subject the sentence " +
			"already has (\"Japan hopes …, and Japan expects …\" is one 日本; \"Prime Minister Kishida … with Prime " +
			"Minister Hun Manet … with Prime Minister Hun Manet\" names フン・マネット首相 once), and refer back to a pair " +
			"of countries as 両国 or to one as 同国. Check that no mention was lost. A person or office that a segment leaves " +
			"out is a warning too when the paragraph's translation names it (Japanese drops a repeated subject, and a " +
			"translator may move a name into the next sentence), and so is a country that a segment leaves implied when " +
			"the translation names it elsewhere. Any other term with no rendering at all in its segment, and a title " +
			"replaced by another title, are glossary-missing errors."}
}

func (glossaryCount) Check(c *Context, report func(finding.Finding)) {
	for _, s := range shortfalls(c) {
		seg, lang, tgt, sf := s.seg, s.lang, s.tgt, s.shortfall
		if sf.carriedBy == "" && (sf.have == 0 || sf.replacedBy != "" || sf.entry.Category == glossary.Honorific) {
			continue
		}
		e, r := sf.entry, sf.entry.Target(lang)
		f := onWholeSide(c, seg, lang, tgt)
		if sf.carriedBy != "" {
			f.Say("GlossaryCarried", ui.Args{"Term": strconv.Quote(e.EN.Term), "ID": e.ID, "Lang": lang.String(), "Where": ui.Message{ID: sf.carriedBy}})
		} else {
			f.Say("GlossaryCount", ui.Args{"Term": strconv.Quote(e.EN.Term), "ID": e.ID, "Want": sf.want, "Lang": lang.String(), "Rendering": r.Term, "Have": sf.have})
		}
		f.Expected = r.Term
		report(f)
	}
}

// isTitle reports whether entries of category cat are titles, which go with a person's name: honorifics and
// offices.
func isTitle(cat glossary.Category) bool {
	return cat == glossary.Honorific || cat == glossary.Office
}

// names reports whether overlapping matches ms hold a match of entry id: a mention of it, whatever its form.
func names(ms []termmatch.Match, id string) bool {
	return slices.ContainsFunc(ms, func(m termmatch.Match) bool { return m.ID == id })
}

// mentions merges the overlapping matches of each entry into one mention, in text order, written to buf (which it
// returns, grown as needed): matches of one entry that overlap are one mention (日本 and the 日 of 訪日本 in
// 訪日本大使; 周年 and 年記念 in 周年記念).
func mentions(buf, ms []termmatch.Match) []termmatch.Match {
	sorted := append(buf[:0], ms...)
	slices.SortFunc(sorted, func(a, b termmatch.Match) int { return cmp.Or(a.Start-b.Start, b.End-a.End) })
	out := sorted[:0] // written behind the reading
	// latest returns the index in out of the entry's latest mention: by looking back through out for a
	// segment's few matches, by a map for a long text's many.
	var last map[string]int
	if len(sorted) > 16 {
		last = map[string]int{}
	}
	latest := func(id string) (int, bool) {
		if last != nil {
			i, ok := last[id]
			return i, ok
		}
		for i := len(out) - 1; i >= 0; i-- {
			if out[i].ID == id {
				return i, true
			}
		}
		return 0, false
	}
	for _, m := range sorted {
		if i, seen := latest(m.ID); seen && m.Start < out[i].End {
			out[i].End = max(out[i].End, m.End)
			continue
		}
		if last != nil {
			last[m.ID] = len(out)
		}
		out = append(out, m)
	}
	return out
}

// tally counts by entry id, in the order the ids are first counted. A segment names few entries: looking one up
// in a short list costs less than hashing it into a map, of which glossaryCounts made three for every segment
// and target; a tally of many ids keeps a map as well.
type tally struct {
	counts []idCount
	index  map[string]int // the place of each id in counts, once there are more than tallyScan
}

type idCount struct {
	id string
	n  int
}

const tallyScan = 16

// reset empties t, keeping its room.
func (t *tally) reset() {
	t.counts = t.counts[:0]
	t.index = nil
}

// at returns the place of id in t.counts, or -1.
func (t *tally) at(id string) int {
	if t.index != nil {
		if i, ok := t.index[id]; ok {
			return i
		}
		return -1
	}
	for i := range t.counts {
		if t.counts[i].id == id {
			return i
		}
	}
	return -1
}

// get returns the count of id.
func (t *tally) get(id string) int {
	if i := t.at(id); i >= 0 {
		return t.counts[i].n
	}
	return 0
}

// add adds n to the count of id.
func (t *tally) add(id string, n int) {
	if i := t.at(id); i >= 0 {
		t.counts[i].n += n
		return
	}
	t.counts = append(t.counts, idCount{id, n})
	switch {
	case t.index != nil:
		t.index[id] = len(t.counts) - 1
	case len(t.counts) > tallyScan:
		t.index = make(map[string]int, 2*len(t.counts))
		for i, c := range t.counts {
			t.index[c.id] = i
		}
	}
}

// assignRenderings counts in have the renderings of each entry when one span of the translation may render only
// one English mention: a span that several entries accept (外務大臣 is the Japanese minister's title and an
// accepted rendering of "Foreign Minister") goes to the entry that still lacks the most renderings of those want
// asks for, so that two English mentions are never both satisfied by one Japanese word. A reference (両国, "the
// two countries") refers to every entry it names and counts for each. buf is room for the mentions, returned
// grown as needed.
func assignRenderings(buf, ms []termmatch.Match, want, have *tally) []termmatch.Match {
	have.reset()
	ment := mentions(buf, ms)
	// The spans in the order they first come, with the first of their mentions and how many entries each holds.
	// Mentions come in the order of their starts: the span of a mention, which shares its start, is among the
	// spans last added, and a span's entries are among the mentions that start with it.
	type span struct{ start, end, first, n int }
	var room [16]span
	spans := room[:0]
	for k, m := range ment {
		if m.Form == "reference" {
			have.add(m.ID, 1)
			continue
		}
		g := len(spans) - 1
		for ; g >= 0 && spans[g].start == m.Start; g-- {
			if spans[g].end == m.End {
				break
			}
		}
		if g < 0 || spans[g].start != m.Start {
			g = len(spans)
			spans = append(spans, span{m.Start, m.End, k, 0})
		}
		spans[g].n++
	}
	for _, sp := range spans {
		if sp.n == 1 {
			have.add(ment[sp.first].ID, 1)
		}
	}
	for _, sp := range spans {
		if sp.n == 1 {
			continue
		}
		best := ment[sp.first].ID
		lack := want.get(best) - have.get(best)
		for _, m := range ment[sp.first+1:] {
			if m.Start != sp.start {
				break
			}
			if l := want.get(m.ID) - have.get(m.ID); m.End == sp.end && m.Form != "reference" && l > lack {
				best, lack = m.ID, l
			}
		}
		have.add(best, 1)
	}
	return ment
}

// shortfall is a required entry that a target segment renders fewer times than its English side mentions it.
type shortfall struct {
	entry      *glossary.Entry
	want, have int
	// replacedBy, for a title (honorific or office) rendered too few times, is the text of another title in the
	// segment that the English segment does not mention: the sign of a title replaced by another.
	replacedBy string
	// carriedBy, for a person, office or country with no rendering in the segment, says where the translation
	// names it nearby instead, as the id of a message (CarriedParagraph: "in this paragraph", CarriedElsewhere:
	// "elsewhere in this translation"); empty when it does not.
	carriedBy string
}

// carried says where the translation renders entry e near a segment that leaves it out: a person or office in the
// same paragraph (Japanese does not repeat a subject; a translator may move a name into the next sentence), a
// country anywhere in the translation (Japanese and Khmer leave a country implied when its leader or government is
// the subject), as a message id (see shortfall.carriedBy). Honorifics and every other category are never carried:
// they must be in their segment.
func carried(c *Context, lang language.Tag, tgt *bitext.Side, e *glossary.Entry) string {
	switch e.Category {
	case glossary.Person, glossary.Office:
		if names(c.Anchors.Matches(lang, tgt.Block.Text), e.ID) {
			return "CarriedParagraph"
		}
	case glossary.Place:
		for _, b := range tgt.Doc.Blocks {
			if names(c.Anchors.Matches(lang, b.Text), e.ID) {
				return "CarriedElsewhere"
			}
		}
	}
	return ""
}

// segmentShortfall is a shortfall of one target side of a segment.
type segmentShortfall struct {
	seg  *bitext.Segment
	lang language.Tag
	tgt  *bitext.Side
	shortfall
}

// shortfalls returns the shortfalls of the release's aligned target segments, in the order of the segments,
// found once for glossary-missing and glossary-count, which report different ones of them.
func shortfalls(c *Context) []segmentShortfall {
	if !c.shortfallsFound {
		glossaryCounts(c, func(seg *bitext.Segment, lang language.Tag, tgt *bitext.Side, sf shortfall) {
			c.shortfalls = append(c.shortfalls, segmentShortfall{seg, lang, tgt, sf})
		})
		c.shortfallsFound = true
	}
	return c.shortfalls
}

// glossaryCounts calls fn for each shortfall of each aligned target segment. A forbidden rendering counts as a
// rendering here: it is glossary-forbidden's finding, not a missing term as well.
func glossaryCounts(c *Context, fn func(seg *bitext.Segment, lang language.Tag, tgt *bitext.Side, sf shortfall)) {
	want, have, seen := &c.tallies[0], &c.tallies[1], &c.tallies[2]
	targetSegments(c, func(seg *bitext.Segment, lang language.Tag, src, tgt *bitext.Side) {
		want.reset()
		for _, m := range sideMatches(c, c.Source, src, false) {
			want.add(m.ID, 1)
		}
		if len(want.counts) == 0 {
			return
		}
		c.mentions = assignRenderings(c.mentions, sideMatches(c, lang, tgt, true), want, have)
		// Titles of the translation that the English does not mention, or mentions fewer times, longest matches
		// only (副首相 is the deputy prime minister, not also a prime minister).
		unexpected := ""
		seen.reset()
		for _, m := range sideMatches(c, lang, tgt, false) {
			seen.add(m.ID, 1)
			if seen.get(m.ID) <= want.get(m.ID) || m.Form == "forbidden" {
				continue
			}
			if e, ok := c.Glossary.Lookup(m.ID); ok && isTitle(e.Category) {
				unexpected = tgt.Block.Text[m.Start:m.End]
				break
			}
		}
		for _, w := range want.counts {
			// Most wanted entries are rendered as often as the English mentions them: the count, a look in a short
			// list, settles them before the entry and its rendering are looked up by hashing the id and the tag.
			id := w.id
			h := have.get(id)
			if h >= w.n {
				continue
			}
			e, ok := c.Glossary.Lookup(id)
			if !ok {
				continue
			}
			if e.Target(lang).Policy != glossary.Required {
				continue
			}
			sf := shortfall{entry: e, want: w.n, have: h}
			if isTitle(e.Category) {
				sf.replacedBy = unexpected
			}
			if sf.have == 0 && sf.replacedBy == "" {
				sf.carriedBy = carried(c, lang, tgt, e)
			}
			fn(seg, lang, tgt, sf)
		}
	})
}

type glossaryForbidden struct{}

func (glossaryForbidden) Rule() finding.Rule {
	return finding.Rule{ID: "glossary-forbidden", Default: finding.Error,
		Summary:     "A translation uses a rendering the glossary forbids",
		Description: "The segment contains a rendering listed as forbidden for a glossary entry. Replace it with the approved rendering."}
}

func (glossaryForbidden) Check(c *Context, report func(finding.Finding)) {
	for _, seg := range c.Bitext.Segments {
		for _, lang := range c.Bitext.Targets {
			tgt := seg.Side(lang)
			for _, m := range sideMatches(c, lang, tgt, true) {
				if m.Form != "forbidden" {
					continue
				}
				e, _ := c.Glossary.Lookup(m.ID)
				f := onSide(c, seg, lang, tgt, m.Start, m.End)
				found := tgt.Block.Text[m.Start:m.End]
				f.Say("GlossaryForbidden", ui.Args{"Found": strconv.Quote(found), "Term": strconv.Quote(e.EN.Term), "ID": m.ID, "Approved": e.Target(lang).Term})
				f.Expected, f.Found = e.Target(lang).Term, found
				report(f)
			}
		}
	}
}

type glossaryVariant struct{}

func (glossaryVariant) Rule() finding.Rule {
	return finding.Rule{ID: "glossary-variant", Default: finding.Warning,
		Summary: "A translation uses an accepted variant or a look-alike spelling instead of the approved rendering",
		Description: "The segment renders a glossary term with an accepted variant, or with a spelling that differs from the " +
			"approved one only in Khmer look-alike code points (coeng TA/DA, coeng RO order, split vowels, zero-width spaces) " +
			"or in character width. Both spellings are shown with their code points; prefer the approved one."}
}

func (glossaryVariant) Check(c *Context, report func(finding.Finding)) {
	for _, seg := range c.Bitext.Segments {
		for _, lang := range c.Bitext.Targets {
			tgt := seg.Side(lang)
			for _, m := range sideMatches(c, lang, tgt, false) {
				if m.Form == "forbidden" || m.Form == "context" || m.Form == "reference" || (m.Form == "term" && m.Exact) {
					continue
				}
				e, _ := c.Glossary.Lookup(m.ID)
				approved := e.Target(lang).Term
				found := tgt.Block.Text[m.Start:m.End]
				if found == approved || approved == "" {
					continue
				}
				f := onSide(c, seg, lang, tgt, m.Start, m.End)
				if m.Form == "variant" && m.Exact {
					f.Say("GlossaryVariant", ui.Args{"Found": strconv.Quote(found), "ID": m.ID, "Approved": strconv.Quote(approved)})
				} else {
					f.Say("GlossarySpelling", ui.Args{"ID": m.ID, "Found": codePoints(found), "Approved": codePoints(approved)})
				}
				f.Expected, f.Found = approved, found
				report(f)
			}
		}
	}
}
