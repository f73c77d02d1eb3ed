package bitext

import (
	"fmt"
	"strconv"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/align"
	"github.com/relloc/relloc/internal/release"
	"github.com/relloc/relloc/internal/segment"
)

// Side is one language's part of a segment: a run of sentences of one block.
type Side struct {
	Doc   *release.Document
	Block *release.Block
	Start int // byte offsets into Block.Text
	End   int
	// Sentences is how many sentences the side joins.
	Sentences int
}

// Text returns the side's text.
func (s *Side) Text() string { return s.Block.Text[s.Start:s.End] }

// Position returns the 1-based line and column of the side's first character in its file.
func (s *Side) Position() (line, col int) { return s.Doc.TextPosition(s.Block, s.Start) }

// EndPosition returns the line and column just after the side's last character.
func (s *Side) EndPosition() (line, col int) { return s.Doc.TextPosition(s.Block, s.End) }

// Segment is an aligned unit of a release.
type Segment struct {
	ID string
	// Block is the English block's id ("b6"), or "" for a segment of a target block that has no English block.
	Block string
	Sides map[language.Tag]*Side // a language without a counterpart has no entry
}

// Side returns the side of lang, or nil.
func (s *Segment) Side(lang language.Tag) *Side { return s.Sides[lang] }

// BlockLink is the alignment of one English block with one target block; either index is 0 when absent.
type BlockLink struct {
	Source, Target int // 1-based block indexes
}

// Bitext is an aligned release.
type Bitext struct {
	Release   *release.Release
	Source    language.Tag
	Targets   []language.Tag // the targets that have a document
	requested []language.Tag
	Segments  []*Segment
	Blocks    map[language.Tag][]BlockLink
	// Refused lists the alignments that were too large to run (see align.Options.MaxCells).
	Refused []Refusal
}

// Refusal is an alignment refused as too large. Block is the 1-based index of the English block whose sentences
// could not be aligned, whose segment then joins all its sentences; 0 means the blocks of the whole document,
// in which case the language has no segments at all.
type Refusal struct {
	Lang         language.Tag
	Block        int
	Src, Tgt     int   // units on each side: blocks, or sentences of the block
	Cells, Limit int64 // the size of the alignment and the limit it exceeds
}

// Unaligned reports whether the blocks of lang could not be aligned at all.
func (bt *Bitext) Unaligned(lang language.Tag) bool {
	for _, r := range bt.Refused {
		if r.Lang == lang && r.Block == 0 {
			return true
		}
	}
	return false
}

// sentLink links English sentences (indexes within their block) to target sentences; one side may be empty.
type sentLink struct {
	src []int
	tgt []sentence
}

// sentence is one sentence of a block.
type sentence struct {
	block      *release.Block
	start, end int
}

func sentences(lang language.Tag, b *release.Block) []sentence {
	return sentencesOf(b, segment.Titled(lang, b.Text, b.SoftBreaks()))
}

// measured returns the sentences of b in lang, the align.Length of each and the block's, measured in one reading
// of the block (align.Lengths), where the aligner of blocks measured each block and the aligner of sentences
// each sentence again.
func measured(lang language.Tag, b *release.Block) ([]sentence, []int, int) {
	spans := segment.Titled(lang, b.Text, b.SoftBreaks())
	lens := make([]int, len(spans))
	blockLen := align.Lengths(b.Text, spans, lens)
	return sentencesOf(b, spans), lens, blockLen
}

func sentencesOf(b *release.Block, spans []segment.Span) []sentence {
	out := make([]sentence, 0, len(spans))
	for _, sp := range spans {
		out = append(out, sentence{b, sp.Start, sp.End})
	}
	return out
}

// anchorMemo remembers the anchors of each text of one Align call: the English blocks and sentences are
// anchored once, not once per target language. A release view remembers them itself (Anchors.Of, Anchors.For),
// and seen is nil.
type anchorMemo struct {
	a    *Anchors
	seen map[memoKey][]string
}

type memoKey struct {
	lang, target language.Tag
	text         string
}

func newAnchorMemo(a *Anchors) *anchorMemo {
	if a.pass != nil {
		return &anchorMemo{a: a}
	}
	return &anchorMemo{a: a, seen: map[memoKey][]string{}}
}

func (m *anchorMemo) of(lang, source, target language.Tag, text string) []string {
	if m.seen == nil {
		if lang == source {
			return m.a.For(source, target, text)
		}
		return m.a.Of(lang, text)
	}
	if lang != source {
		target = language.Und
	}
	k := memoKey{lang, target, text}
	if v, ok := m.seen[k]; ok {
		return v
	}
	var v []string
	if lang == source {
		v = m.a.For(source, target, text)
	} else {
		v = m.a.Of(lang, text)
	}
	m.seen[k] = v
	return v
}

// units returns the alignment units of texts in lang, of lengths lens (align.Length); when lang is the source,
// its anchors are those a translation into target can share.
func (m *anchorMemo) units(lang, source, target language.Tag, texts []string, lens []int) []align.Unit {
	us := make([]align.Unit, len(texts))
	for i, t := range texts {
		us[i] = align.Unit{Text: t, Len: lens[i], Anchors: m.of(lang, source, target, t)}
	}
	return us
}

// Align aligns every target document of r with its source document. A release without a source document has
// no segments. Alignments larger than align.DefaultMaxCells are refused and listed in Bitext.Refused.
func Align(r *release.Release, source language.Tag, targets []language.Tag, anchors *Anchors) *Bitext {
	return AlignWithin(r, source, targets, anchors, 0)
}

// AlignWithin is Align with the limit on the cells of each alignment given (0: align.DefaultMaxCells).
func AlignWithin(r *release.Release, source language.Tag, targets []language.Tag, anchors *Anchors, maxCells int64) *Bitext {
	a := newAnchorMemo(anchors)
	bt := &Bitext{Release: r, Source: source, requested: targets, Blocks: map[language.Tag][]BlockLink{}}
	src := r.Doc(source)
	if src == nil {
		return bt
	}
	// Sentences of every English block, and the lengths of both, measured once where the aligner would
	// measure the English once per target language and blockRatios each block of a 1:1 link again (a text of
	// length 0 is measured again by the aligner, as 0).
	srcSent, srcSentLens, srcLens := measuredBlocks(source, src)
	srcTexts := make([]string, len(src.Blocks))
	for i, b := range src.Blocks {
		srcTexts[i] = b.Text
	}

	// By the index of a language in bt.Targets: the links of each English block's sentences, the target blocks
	// without English, and the positions of those by the English block they follow (0: before the first).
	perLang := make([][][]sentLink, 0, len(targets))
	orphans := make([][]*release.Block, 0, len(targets))
	orphanAfter := make([]map[int][]int, 0, len(targets))
	for _, lang := range targets {
		tgt := r.Doc(lang)
		if tgt == nil {
			continue
		}
		li := len(bt.Targets)
		bt.Targets = append(bt.Targets, lang)
		perLang, orphans, orphanAfter = append(perLang, nil), append(orphans, nil), append(orphanAfter, nil)
		tgtSent, tgtSentLens, tgtLens := measuredBlocks(lang, tgt)
		tgtTexts := make([]string, len(tgt.Blocks))
		for i, b := range tgt.Blocks {
			tgtTexts[i] = b.Text
		}
		model := align.ModelFor(source, lang)
		blockLinks, err := align.Blocks(a.units(source, source, lang, srcTexts, srcLens), a.units(lang, source, lang, tgtTexts, tgtLens), align.Options{Model: model, MaxCells: maxCells})
		if tl, ok := err.(*align.TooLargeError); ok {
			bt.Refused = append(bt.Refused, Refusal{Lang: lang, Src: tl.Src, Tgt: tl.Tgt, Cells: tl.Cells, Limit: tl.Limit})
			perLang[li] = make([][]sentLink, len(src.Blocks))
			continue
		}
		links := align.Substitutions(blockLinks)
		byBlock := make([][]sentLink, len(src.Blocks))
		ratios := blockRatios(srcLens, tgtLens, links)
		orphanAfter[li] = map[int][]int{}
		lastSrc := 0
		for _, l := range links {
			switch {
			case len(l.Src) == 0:
				for _, t := range l.Tgt {
					bt.Blocks[lang] = append(bt.Blocks[lang], BlockLink{Target: t + 1})
					orphanAfter[li][lastSrc] = append(orphanAfter[li][lastSrc], len(orphans[li]))
					orphans[li] = append(orphans[li], tgt.Blocks[t])
				}
			case len(l.Tgt) == 0:
				for _, s := range l.Src {
					bt.Blocks[lang] = append(bt.Blocks[lang], BlockLink{Source: s + 1})
					lastSrc = s + 1
				}
			default:
				s, t := l.Src[0], l.Tgt[0]
				bt.Blocks[lang] = append(bt.Blocks[lang], BlockLink{Source: s + 1, Target: t + 1})
				lastSrc = s + 1
				var refused *align.TooLargeError
				opt := align.Options{Model: model, Ratio: ratios[s], MaxCells: maxCells}
				byBlock[s], refused = alignSentences(a, source, lang, srcSent[s], tgtSent[t], srcSentLens[s], tgtSentLens[t], opt)
				if refused != nil {
					bt.Refused = append(bt.Refused, Refusal{Lang: lang, Block: s + 1, Src: refused.Src, Tgt: refused.Tgt, Cells: refused.Cells, Limit: refused.Limit})
				}
			}
		}
		perLang[li] = byBlock
	}

	// Merge: the English sentences of a block are cut into groups that every language's links respect.
	var segs slab[Segment]
	var sides slab[Side]
	for bi, b := range src.Blocks {
		n := len(srcSent[bi])
		// cut[i] is true when a segment may end after English sentence i.
		cut := make([]bool, n)
		for i := range cut {
			cut[i] = true
		}
		for li := range bt.Targets {
			for _, l := range perLang[li][bi] {
				if len(l.src) > 1 {
					for _, s := range l.src[:len(l.src)-1] {
						cut[s] = false
					}
				}
			}
		}
		blockID := "b" + strconv.Itoa(b.Index)
		seq := 0
		newSeg := func() *Segment {
			seq++
			return segs.new(Segment{ID: blockID + ".s" + strconv.Itoa(seq), Block: blockID, Sides: map[language.Tag]*Side{}})
		}
		// Index each language's links once, so that a paragraph of many sentences is merged in linear time:
		// the link of each English sentence, and the target-only links by the English sentence they follow
		// (-1: before the first), made only for a language that has some; by the index of the language.
		linkOf := make([][]int, len(bt.Targets))
		after := make([]map[int][]int, len(bt.Targets))
		for li := range bt.Targets {
			lo := make([]int, n)
			var af map[int][]int
			last := -1
			for k, l := range perLang[li][bi] {
				for _, s := range l.src {
					lo[s] = k
				}
				if len(l.src) > 0 {
					last = l.src[len(l.src)-1]
				} else if len(l.tgt) > 0 {
					if af == nil {
						af = map[int][]int{}
					}
					af[last] = append(af[last], k)
				}
			}
			linkOf[li], after[li] = lo, af
		}
		targetOnly := func(li int, k int) *Segment {
			lang := bt.Targets[li]
			l := perLang[li][bi][k]
			e := newSeg()
			e.Sides[lang] = sides.new(Side{Doc: r.Doc(lang), Block: l.tgt[0].block, Start: l.tgt[0].start, End: l.tgt[len(l.tgt)-1].end, Sentences: len(l.tgt)})
			return e
		}
		start := 0
		for i := 0; i < n; i++ {
			if !cut[i] {
				continue
			}
			seg := newSeg()
			first, last := srcSent[bi][start], srcSent[bi][i]
			seg.Sides[source] = sides.new(Side{Doc: src, Block: b, Start: first.start, End: last.end, Sentences: i - start + 1})
			var extra []*Segment
			for li, lang := range bt.Targets {
				links := perLang[li][bi]
				// The group's target sentences: only the first, the last and their count make the side.
				var tFirst, tLast sentence
				count := 0
				if len(links) > 0 {
					for k := linkOf[li][start]; k <= linkOf[li][i]; k++ {
						l := links[k]
						if len(l.src) > 0 && l.src[0] >= start && l.src[len(l.src)-1] <= i && len(l.tgt) > 0 {
							if count == 0 {
								tFirst = l.tgt[0]
							}
							tLast = l.tgt[len(l.tgt)-1]
							count += len(l.tgt)
						}
					}
				}
				if count > 0 {
					seg.Sides[lang] = sides.new(Side{Doc: r.Doc(lang), Block: tFirst.block, Start: tFirst.start, End: tLast.end, Sentences: count})
				}
				// Target sentences with no English (0:1) that follow this group's last English sentence.
				for _, k := range after[li][i] {
					extra = append(extra, targetOnly(li, k))
				}
			}
			bt.Segments = append(bt.Segments, seg)
			bt.Segments = append(bt.Segments, extra...)
			start = i + 1
		}
		// Target-only sentences before the first English sentence of the block (or in a block whose English
		// has no sentences at all) get their own segments.
		for li := range bt.Targets {
			for _, k := range after[li][-1] {
				bt.Segments = append(bt.Segments, targetOnly(li, k))
			}
		}
		// Target blocks with no English block, placed after this English block.
		for li, lang := range bt.Targets {
			for _, oi := range orphanAfter[li][bi+1] {
				bt.Segments = append(bt.Segments, orphanSegments(lang, r.Doc(lang), orphans[li][oi])...)
			}
		}
	}
	for li, lang := range bt.Targets {
		for _, oi := range orphanAfter[li][0] {
			bt.Segments = append(orphanSegments(lang, r.Doc(lang), orphans[li][oi]), bt.Segments...)
		}
	}
	return bt
}

func orphanSegments(lang language.Tag, d *release.Document, b *release.Block) []*Segment {
	var out []*Segment
	for i, s := range sentences(lang, b) {
		out = append(out, &Segment{
			ID:    fmt.Sprintf("%s-b%d.s%d", lang, b.Index, i+1),
			Sides: map[language.Tag]*Side{lang: {Doc: d, Block: b, Start: s.start, End: s.end, Sentences: 1}},
		})
	}
	return out
}

// blockRatios measures the target/source length ratio over the 1:1 block links of a document pair, from the
// align.Length of each source and target block, and returns it for each English block whose other blocks are at least twice as long as it; else 0, and
// the aligner estimates the ratio from the block itself, trying several: a block's lengths are biased by the
// very sentence dropped from it or added to it, and in a short release that one block is most of the document.
func blockRatios(srcLens, tgtLens []int, links []align.Link) []float64 {
	sl := make([]int, len(srcLens))
	tl := make([]int, len(srcLens))
	var s, t int
	for _, l := range links {
		if len(l.Src) == 1 && len(l.Tgt) == 1 {
			sl[l.Src[0]] = srcLens[l.Src[0]]
			tl[l.Src[0]] = tgtLens[l.Tgt[0]]
			s += sl[l.Src[0]]
			t += tl[l.Src[0]]
		}
	}
	out := make([]float64, len(srcLens))
	for i := range out {
		if s-sl[i] >= 2*sl[i] && t > 0 && s > 0 {
			out[i] = float64(t) / float64(s)
		}
	}
	return out
}

// alignSentences aligns the sentences of one English block with those of its target block, of lengths srcLens
// and tgtLens (measured). When the alignment
// is refused as too large, the whole block is one link, and the refusal is returned.
func alignSentences(a *anchorMemo, source, lang language.Tag, src, tgt []sentence, srcLens, tgtLens []int, opt align.Options) ([]sentLink, *align.TooLargeError) {
	text := func(lang language.Tag, s sentence) string {
		a.a.Within(lang, s.block.Text, s.start, s.end) // its matches come from the block's
		return s.block.Text[s.start:s.end]
	}
	su := make([]string, len(src))
	for i, s := range src {
		su[i] = text(source, s)
	}
	tu := make([]string, len(tgt))
	for i, s := range tgt {
		tu[i] = text(lang, s)
	}
	found, err := align.Sentences(a.units(source, source, lang, su, srcLens), a.units(lang, source, lang, tu, tgtLens), opt)
	var refused *align.TooLargeError
	if tl, ok := err.(*align.TooLargeError); ok {
		refused = tl
		found = []align.Link{{Src: span(len(src)), Tgt: span(len(tgt))}}
	}
	links := align.Rewrites(found)
	// The links' sentences and English indexes are cut from one array each, made at their total size, rather
	// than grown link by link: a release has a link per sentence.
	nSrc, nTgt := 0, 0
	for _, l := range links {
		nSrc, nTgt = nSrc+len(l.Src), nTgt+len(l.Tgt)
	}
	srcs, tgts := make([]int, 0, nSrc), make([]sentence, 0, nTgt)
	out := make([]sentLink, 0, len(links))
	for _, l := range links {
		var ls sentLink
		if len(l.Src) > 0 {
			srcs = append(srcs, l.Src...)
			ls.src = srcs[len(srcs)-len(l.Src) : len(srcs) : len(srcs)]
		}
		start := len(tgts)
		for _, t := range l.Tgt {
			tgts = append(tgts, tgt[t])
		}
		if len(tgts) > start {
			ls.tgt = tgts[start:len(tgts):len(tgts)]
		}
		out = append(out, ls)
	}
	return out, refused
}

// slab hands out pointers to values allocated a chunk at a time, for many small values made together that live
// and die together (the segments and sides of a Bitext, the passes of a release view): one allocation for a
// chunk, instead of one each, takes an allocation per value off the path of every release. A chunk is kept
// while any of its values is.
type slab[T any] struct{ free []T }

// slabChunk is how many values a slab allocates at once: about a release's segments, at most a few KiB unused.
const slabChunk = 32

// new returns a pointer to a copy of v.
func (s *slab[T]) new(v T) *T {
	if len(s.free) == 0 {
		s.free = make([]T, slabChunk)
	}
	p := &s.free[0]
	*p = v
	s.free = s.free[1:]
	return p
}

// measuredBlocks returns the sentences of every block of d in lang, their lengths and the blocks' (measured).
func measuredBlocks(lang language.Tag, d *release.Document) ([][]sentence, [][]int, []int) {
	sents, sentLens, lens := make([][]sentence, len(d.Blocks)), make([][]int, len(d.Blocks)), make([]int, len(d.Blocks))
	for i, b := range d.Blocks {
		sents[i], sentLens[i], lens[i] = measured(lang, b)
	}
	return sents, sentLens, lens
}

// span returns 0, 1, …, n-1.
func span(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = i
	}
	return s
}

// Languages returns the source language followed by every requested target, with or without a document.
func (bt *Bitext) Languages() []language.Tag {
	return append([]language.Tag{bt.Source}, bt.requested...)
}
