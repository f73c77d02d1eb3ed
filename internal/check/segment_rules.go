package check

import (
	"fmt"
	"strconv"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/bitext"
	"github.com/relloc/relloc/internal/finding"
	"github.com/relloc/relloc/internal/release"
	"github.com/relloc/relloc/internal/segment"
	"github.com/relloc/relloc/internal/ui"
)

type segmentMissing struct{}

func (segmentMissing) Rule() finding.Rule {
	return finding.Rule{ID: "segment-missing", Default: finding.Error,
		Summary: "A block or sentence of the English has no counterpart in the translation",
		Description: "After alignment, an English block or sentence is left without a counterpart: the translation " +
			"dropped it. The finding points at the place in the translation where it is missing and at the English."}
}

// nearby returns where a missing side belongs in a target document, and whether the place is just after the
// returned side (else just before it): preferably beside a side of the same English block — the missing
// sentence's own translated paragraph —, else after the previous segment's side, else before the next one's.
func nearby(c *Context, i int, lang language.Tag) (*bitext.Side, bool) {
	segs := c.Bitext.Segments
	block := segs[i].Block
	for j := i - 1; j >= 0 && segs[j].Block == block; j-- {
		if s := segs[j].Side(lang); s != nil {
			return s, true
		}
	}
	for j := i + 1; j < len(segs) && segs[j].Block == block; j++ {
		if s := segs[j].Side(lang); s != nil {
			return s, false
		}
	}
	for j := i - 1; j >= 0; j-- {
		if s := segs[j].Side(lang); s != nil {
			return s, true
		}
	}
	for j := i + 1; j < len(segs); j++ {
		if s := segs[j].Side(lang); s != nil {
			return s, false
		}
	}
	return nil, false
}

func (segmentMissing) Check(c *Context, report func(finding.Finding)) {
	for i, seg := range c.Bitext.Segments {
		src := seg.Side(c.Source)
		if src == nil {
			continue
		}
		for _, lang := range c.Bitext.Targets {
			if seg.Side(lang) != nil || c.Bitext.Unaligned(lang) {
				continue
			}
			d := c.Release.Doc(lang)
			f := finding.Finding{Path: d.Path, Lang: lang.String(), Segment: seg.ID, SourcePath: src.Doc.Path, Line: 1, Column: 1, EndLine: 1, EndColumn: 1}
			f.SourceLine, _ = src.Position()
			if near, after := nearby(c, i, lang); near != nil {
				if after {
					f.Line, f.Column = near.EndPosition()
				} else {
					f.Line, f.Column = near.Position()
				}
				f.EndLine, f.EndColumn = f.Line, f.Column
			}
			line, col := src.Position()
			f.Say("SegmentMissing", ui.Args{"Part": sentencesOf(c.Source, src), "Pos": fmt.Sprintf("%s:%d:%d", src.Doc.Path, line, col),
				"Lang": lang.String(), "Text": strconv.Quote(clip(src.Text(), 80))})
			f.Expected = src.Text()
			report(f)
		}
	}
}

type segmentExtra struct{}

func (segmentExtra) Rule() finding.Rule {
	return finding.Rule{ID: "segment-extra", Default: finding.Error,
		Summary:     "A block or sentence of the translation has no counterpart in the English",
		Description: "After alignment, a block or sentence of the translation is left without an English counterpart: it was added, or its English was removed."}
}

// sentencesOf names the English sentences of a side by their place in their paragraph: "sentence 3 of 5 of
// paragraph 4", "sentences 2–3 of 5 of paragraph 4", "the paragraph 4" when the side is the whole paragraph.
func sentencesOf(source language.Tag, src *bitext.Side) ui.Message {
	all := segment.Titled(source, src.Block.Text, src.Block.SoftBreaks())
	first := 0
	for k, sp := range all {
		if sp.Start <= src.Start {
			first = k
		}
	}
	last := first + src.Sentences - 1
	switch {
	case len(all) <= 1 || (first == 0 && last >= len(all)-1):
		return ui.Message{ID: "PartParagraph", Args: ui.Args{"Paragraph": src.Block.Index}}
	case src.Sentences <= 1:
		return ui.Message{ID: "PartSentence", Args: ui.Args{"Sentence": first + 1, "Sentences": len(all), "Paragraph": src.Block.Index}}
	default:
		return ui.Message{ID: "PartSentences", Args: ui.Args{"First": first + 1, "Last": last + 1, "Sentences": len(all), "Paragraph": src.Block.Index}}
	}
}

func (segmentExtra) Check(c *Context, report func(finding.Finding)) {
	for _, seg := range c.Bitext.Segments {
		if seg.Side(c.Source) != nil {
			continue
		}
		for _, lang := range c.Bitext.Targets {
			tgt := seg.Side(lang)
			if tgt == nil || c.Bitext.Unaligned(lang) {
				continue
			}
			f := onWholeSide(c, seg, lang, tgt)
			f.Say("SegmentExtra", ui.Args{"Lang": lang.String(), "Text": strconv.Quote(clip(tgt.Text(), 80))})
			f.Found = tgt.Text()
			report(f)
		}
	}
}

type alignTooLarge struct{}

func (alignTooLarge) Rule() finding.Rule {
	return finding.Rule{ID: "align-too-large", Default: finding.Error,
		Summary: "A release or paragraph is too large to align",
		Description: "Alignment works in bounded memory: a dynamic programme over a band around the diagonal, cut " +
			"into pieces by shared names and numbers. When the band of a document's paragraphs, or of one " +
			"paragraph's sentences, would exceed the limit (64 Mi cells), relloc refuses to align it rather than " +
			"run out of memory, and says so here with the counts. A refused paragraph is checked as one segment " +
			"(its numbers and terms against the whole translated paragraph); a refused document is not checked " +
			"sentence by sentence at all. Split the release or the paragraph, or bring the counts closer together."}
}

func (alignTooLarge) Check(c *Context, report func(finding.Finding)) {
	for _, r := range c.Bitext.Refused {
		d := c.Release.Doc(r.Lang)
		src := c.Release.Doc(c.Source)
		f := finding.Finding{Path: d.Path, Lang: r.Lang.String(), Line: 1, Column: 1, EndLine: 1, EndColumn: 1}
		if r.Block > 0 && r.Block <= len(src.Blocks) {
			b := src.Blocks[r.Block-1]
			f.SourcePath = src.Path
			f.SourceLine, _ = src.TextPosition(b, 0)
			for _, l := range c.Bitext.Blocks[r.Lang] {
				if l.Source == r.Block && l.Target > 0 {
					f.Line, f.Column = d.TextPosition(d.Blocks[l.Target-1], 0)
					f.EndLine, f.EndColumn = f.Line, f.Column
				}
			}
			f.Say("AlignTooLargeParagraph", ui.Args{"Paragraph": r.Block, "Src": r.Src, "Tgt": r.Tgt, "Lang": r.Lang.String(), "Cells": r.Cells, "Limit": r.Limit})
		} else {
			f.Say("AlignTooLargeRelease", ui.Args{"Release": c.Release.ID, "Src": r.Src, "Tgt": r.Tgt, "Lang": r.Lang.String(), "Cells": r.Cells, "Limit": r.Limit})
		}
		f.Expected = fmt.Sprintf("at most %d cells", r.Limit)
		f.Found = fmt.Sprintf("%d cells", r.Cells)
		report(f)
	}
}

func init() {
	SelfTestHooks = append(SelfTestHooks, alignSelfTest)
}

// The self-test's known-bad sample for align-too-large: a paragraph of three English sentences against two
// Japanese ones, aligned within a limit of 8 cells, which the blocks (2×2) fit and the sentences (4×3) do not.
const (
	alignSelfTestEN = "The two Ministers held a meeting. They discussed trade. They agreed to meet again.\n"
	alignSelfTestJA = "両大臣は会談を行った。両大臣は貿易について議論し、再び会うことで一致した。\n"
)

// alignSelfTest runs align-too-large on its known-bad sample.
func alignSelfTest() ([]finding.Finding, error) {
	ja := language.Japanese
	r, err := release.Parse("selftest/releases/2021-01-04-large", language.English, []release.File{
		{Path: "selftest/releases/2021-01-04-large/en.md", Lang: language.English, Data: []byte(alignSelfTestEN)},
		{Path: "selftest/releases/2021-01-04-large/ja.md", Lang: ja, Data: []byte(alignSelfTestJA)},
	})
	if err != nil {
		return nil, fmt.Errorf("align self-test sample: %w", err)
	}
	targets := []language.Tag{ja}
	a := bitext.NewAnchors(nil, language.English, append([]language.Tag{language.English}, targets...))
	ctx := &Context{Source: language.English, Targets: targets, Anchors: a, Release: r,
		Bitext: bitext.AlignWithin(r, language.English, targets, a, 8)}
	var out []finding.Finding
	rule := alignTooLarge{}.Rule()
	alignTooLarge{}.Check(ctx, func(f finding.Finding) {
		f.Rule, f.Severity, f.Release = rule.ID, rule.Default, r.ID
		out = append(out, f)
	})
	return out, nil
}

type missingTranslation struct{}

func (missingTranslation) Rule() finding.Rule {
	return finding.Rule{ID: "missing-translation", Default: finding.Warning,
		Summary:     "A release has no file for a target language",
		Description: "The release folder has the English but no <lang>.md for a target language. A release in progress is normal; raise the severity to error to require every translation."}
}

func (missingTranslation) Check(c *Context, report func(finding.Finding)) {
	src := c.Release.Doc(c.Source)
	for _, lang := range c.Targets {
		if c.Release.Doc(lang) != nil {
			continue
		}
		f := finding.Finding{Lang: lang.String(), Line: 1, Column: 1, EndLine: 1, EndColumn: 1}
		if src != nil {
			f.Path = src.Path
		} else {
			f.Path = c.Release.Dir
		}
		f.Say("MissingTranslation", ui.Args{"Release": c.Release.ID, "Lang": lang.String(), "File": fmt.Sprintf("%s/%s.md", c.Release.Dir, lang)})
		report(f)
	}
	if src == nil {
		f := finding.Finding{Path: c.Release.Dir, Lang: c.Source.String(), Line: 1, Column: 1, EndLine: 1, EndColumn: 1}
		f.Say("MissingSource", ui.Args{"Release": c.Release.ID, "Lang": c.Source.String(), "File": fmt.Sprintf("%s/%s.md", c.Release.Dir, c.Source)})
		report(f)
	}
}

// clip shortens s to at most n runes.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
