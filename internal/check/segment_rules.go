package check

import (
	"fmt"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/bitext"
	"github.com/relloc/relloc/internal/finding"
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
			if seg.Side(lang) != nil {
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
			what := "sentence"
			if src.Sentences > 1 {
				what = fmt.Sprintf("%d sentences", src.Sentences)
			}
			f.Message = fmt.Sprintf("English %s at %s:%d has no %s counterpart: %q", what, src.Doc.Path, f.SourceLine, lang, clip(src.Text(), 80))
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

func (segmentExtra) Check(c *Context, report func(finding.Finding)) {
	for _, seg := range c.Bitext.Segments {
		if seg.Side(c.Source) != nil {
			continue
		}
		for _, lang := range c.Bitext.Targets {
			tgt := seg.Side(lang)
			if tgt == nil {
				continue
			}
			f := onWholeSide(c, seg, lang, tgt)
			f.Message = fmt.Sprintf("this %s text has no English counterpart: %q", lang, clip(tgt.Text(), 80))
			f.Found = tgt.Text()
			report(f)
		}
	}
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
		f.Message = fmt.Sprintf("release %s has no %s translation (%s/%s.md)", c.Release.ID, lang, c.Release.Dir, lang)
		report(f)
	}
	if src == nil {
		f := finding.Finding{Path: c.Release.Dir, Lang: c.Source.String(), Line: 1, Column: 1, EndLine: 1, EndColumn: 1}
		f.Message = fmt.Sprintf("release %s has no %s source file (%s/%s.md)", c.Release.ID, c.Source, c.Release.Dir, c.Source)
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
