package check

import (
	"fmt"
	"strings"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/bitext"
	"github.com/relloc/relloc/internal/draft"
	"github.com/relloc/relloc/internal/finding"
	"github.com/relloc/relloc/internal/release"
	"github.com/relloc/relloc/internal/ui"
	"github.com/relloc/relloc/internal/workspace"
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
		Description: "A translation's front matter records in its [source] table every English sentence it was made from " +
			"(by digest, with its text). A current English sentence the record does not hold was edited or added since: the " +
			"finding shows the change as a word diff (USD [-30-]{+35+} million), with the English now as expected and the " +
			"English the translation was made from as found. relloc draft RELEASE --lang L --update keeps the translation " +
			"and marks it with the diff (or drafts an added sentence); once the translation is revised, relloc review " +
			"RELEASE --lang L --accept records it. A translation without a [source] table is not tracked."}
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
		for _, ch := range draft.Changes(src, draft.ReadRecord(tgt.Front.Source)) {
			if ch.Kind != draft.Deleted {
				report(staleFinding(c, lang, src, tgt, ch))
			}
		}
	}
}

// staleContext is how many shared words a stale finding's word diff shows around each change.
const staleContext = 6

// staleFinding locates a stale English sentence on the translation: on the target side of the segment holding
// it, else at the start of the aligned target block, else on the whole file.
func staleFinding(c *Context, lang language.Tag, src, tgt *release.Document, ch draft.Change) finding.Finding {
	s := ch.Sentence
	now := strings.Join(strings.Fields(s.Text()), " ")
	var id string
	args := ui.Args{"Sentence": s.ID, "Text": now}
	switch {
	case ch.Kind == draft.Added:
		id = "StaleAdded"
	case !ch.Known():
		id = "StaleUnknown"
	default:
		id = "StaleChanged"
		args["Text"] = ch.Diff(staleContext)
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
			// The aligned target block, else (a paragraph added to the English) the translation of the next
			// English block that has one: where the new paragraph's translation belongs.
			target := map[int]int{}
			for _, l := range c.Bitext.Blocks[lang] {
				if l.Source > 0 && l.Target > 0 && l.Target <= len(tgt.Blocks) {
					target[l.Source] = l.Target
				}
			}
			for i := s.Block.Index; i <= len(src.Blocks); i++ {
				if t, ok := target[i]; ok {
					f.Line, f.Column = tgt.Position(tgt.Blocks[t-1].Start)
					break
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
	f.Say(id, args)
	f.Expected = now
	f.Found = ch.Old
	return f
}

// The self-test's known-bad sample for draft-marker, stale, front-matter and status: a Khmer draft whose second
// English sentence has changed since it was drafted, with a marker left in it, copied from another release (its
// id), and still a draft where the self-test requires reviewed translations.
const (
	selfTestEN = "# Press Release\n\nThe ministers met. They talked about trade.\n"
	selfTestKM = "+++\nid = \"2021-01-04-draft\"\nstatus = \"draft\"\n\n[source]\n\"%s\" = \"Press Release\"\n\"%s\" = \"The ministers met.\"\n\"%s\" = \"They talked about peace.\"\n+++\n\n" +
		"# សេចក្តីប្រកាសព័ត៌មាន\n\nរដ្ឋមន្ត្រីបានជួបគ្នា។ <!-- relloc-draft translate -->They talked about peace.\n"
)

// draftSelfTest runs draft-marker and stale on their known-bad sample.
func draftSelfTest() ([]finding.Finding, error) {
	km := language.Khmer
	kmSrc := fmt.Sprintf(selfTestKM, draft.Digest("Press Release"), draft.Digest("The ministers met."), draft.Digest("They talked about peace."))
	r, err := release.Parse("selftest/releases/2021-01-03-draft", language.English, []release.File{
		{Path: "selftest/releases/2021-01-03-draft/en.md", Lang: language.English, Data: []byte(selfTestEN)},
		{Path: "selftest/releases/2021-01-03-draft/km.md", Lang: km, Data: []byte(kmSrc)},
	})
	if err != nil {
		return nil, fmt.Errorf("draft self-test sample: %w", err)
	}
	targets := []language.Tag{km}
	a := bitext.NewAnchors(nil, language.English, append([]language.Tag{language.English}, targets...))
	ctx := &Context{Source: language.English, Targets: targets, Anchors: a, Release: r, Config: workspace.CheckConfig{RequireStatus: release.StatusReviewed},
		Bitext: bitext.Align(r, language.English, targets, a)}
	var out []finding.Finding
	for _, ck := range []Checker{draftMarker{}, stale{}, frontMatter{}, statusRule{}} {
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
