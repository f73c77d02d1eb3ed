package check

import (
	"fmt"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/bitext"
	"github.com/relloc/relloc/internal/draft"
	"github.com/relloc/relloc/internal/finding"
	"github.com/relloc/relloc/internal/release"
)

func init() {
	RegisterChecker(stale{})
	SelfTestHooks = append(SelfTestHooks, draftSelfTest)
}

// stale fires on each English sentence that changed since a tracked translation was made from it.
type stale struct{}

func (stale) Rule() finding.Rule {
	return finding.Rule{ID: "stale", Default: finding.Error,
		Summary: "The English of a segment changed after the translation was made",
		Description: "A translation's front matter records in its [source] table a digest of every English sentence it was " +
			"made from. A current English sentence whose digest is not recorded has changed (or is new) since: the aligned " +
			"translation must be revisited. Run relloc draft RELEASE --lang L --update to re-draft exactly these segments " +
			"(and record the new digests), then translate them. A translation without a [source] table is not tracked."}
}

func (stale) Check(c *Context, report func(finding.Finding)) {
	src := c.Release.Doc(c.Source)
	if src == nil {
		return
	}
	for _, lang := range c.Targets {
		tgt := c.Release.Doc(lang)
		if !draft.Tracked(tgt) {
			continue
		}
		for _, s := range draft.Stale(src, tgt.Front.Source) {
			report(staleFinding(c, lang, src, tgt, s))
		}
	}
}

// staleFinding locates a stale English sentence on the translation: on the target side of the segment holding
// it, else at the start of the aligned target block, else on the whole file.
func staleFinding(c *Context, lang language.Tag, src, tgt *release.Document, s draft.Sentence) finding.Finding {
	old := tgt.Front.Source[s.ID]
	msg := fmt.Sprintf("the English of %s changed after this translation was made: revisit the translation (relloc draft --update re-drafts it)", s.ID)
	if old == "" {
		msg = fmt.Sprintf("the English sentence %s is new since this translation was made: translate it (relloc draft --update drafts it)", s.ID)
	}
	var f finding.Finding
	var seg *bitext.Segment
	if c.Bitext != nil {
		for _, sg := range c.Bitext.Segments {
			if side := sg.Side(c.Source); side != nil && side.Block == s.Block && side.Start <= s.Start && s.End <= side.End {
				seg = sg
				break
			}
		}
	}
	switch {
	case seg != nil && seg.Side(lang) != nil:
		f = onWholeSide(c, seg, lang, seg.Side(lang))
	default:
		f = finding.Finding{Path: tgt.Path, Lang: lang.String(), Release: c.Release.ID}
		if seg != nil {
			f.Segment = seg.ID
		}
		if c.Bitext != nil {
			for _, l := range c.Bitext.Blocks[lang] {
				if l.Source == s.Block.Index && l.Target > 0 && l.Target <= len(tgt.Blocks) {
					f.Line, f.Column = tgt.Position(tgt.Blocks[l.Target-1].Start)
				}
			}
		}
	}
	if f.Segment == "" {
		f.Segment = s.ID
	}
	// The English sentence itself, which may be one of several of the segment.
	f.SourcePath = src.Path
	f.SourceLine, _ = src.TextPosition(s.Block, s.Start)
	f.Message = msg
	f.Expected = draft.Digest(s.Text())
	f.Found = old
	return f
}

// The self-test's known-bad sample for draft-marker and stale: a Khmer draft whose second English sentence has
// changed since it was drafted, with a marker left in it.
const (
	selfTestEN = "# Press Release\n\nThe ministers met. They talked about trade.\n"
	selfTestKM = "+++\nstatus = \"draft\"\n\n[source]\n\"b1.s1\" = \"%s\"\n\"b2.s1\" = \"%s\"\n\"b2.s2\" = \"0000000000000000\"\n+++\n\n" +
		"# សេចក្តីប្រកាសព័ត៌មាន\n\nរដ្ឋមន្ត្រីបានជួបគ្នា។ <!-- relloc-draft translate -->They talked about peace.\n"
)

// draftSelfTest runs draft-marker and stale on their known-bad sample.
func draftSelfTest() ([]finding.Finding, error) {
	km := language.Khmer
	kmSrc := fmt.Sprintf(selfTestKM, draft.Digest("Press Release"), draft.Digest("The ministers met."))
	r, err := release.Parse("selftest/releases/2021-01-03-draft", language.English, []release.File{
		{Path: "selftest/releases/2021-01-03-draft/en.md", Lang: language.English, Data: []byte(selfTestEN)},
		{Path: "selftest/releases/2021-01-03-draft/km.md", Lang: km, Data: []byte(kmSrc)},
	})
	if err != nil {
		return nil, fmt.Errorf("draft self-test sample: %w", err)
	}
	targets := []language.Tag{km}
	a := bitext.NewAnchors(nil, language.English, append([]language.Tag{language.English}, targets...))
	ctx := &Context{Source: language.English, Targets: targets, Anchors: a, Release: r,
		Bitext: bitext.Align(r, language.English, targets, a)}
	var out []finding.Finding
	for _, ck := range []Checker{draftMarker{}, stale{}} {
		rule := ck.Rule()
		ck.Check(ctx, func(f finding.Finding) {
			f.Rule, f.Severity = rule.ID, rule.Default
			if f.Release == "" {
				f.Release = r.ID
			}
			out = append(out, f)
		})
	}
	return out, nil
}
