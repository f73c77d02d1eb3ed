package xliff

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"

	"github.com/relloc/relloc/internal/bitext"
	"github.com/relloc/relloc/internal/draft"
	"github.com/relloc/relloc/internal/glossary"
	"github.com/relloc/relloc/internal/inputerr"
	"github.com/relloc/relloc/internal/release"
	"github.com/relloc/relloc/internal/ui"
)

// Export returns the Document of bt's translation into lang: one unit per segment that has English, with the
// translation's side (if any) as target. Notes, when set, gives the notes of a unit from its English text.
func Export(bt *bitext.Bitext, lang language.Tag, notes func(english string) []string) *Document {
	src := bt.Release.Doc(bt.Source)
	tgt := bt.Release.Doc(lang)
	d := &Document{SourceLang: bt.Source.String(), TargetLang: lang.String()}
	if src != nil {
		d.Original = src.Path
	}
	var stale []draft.Sentence
	status := ""
	if tgt != nil {
		if draft.Tracked(tgt) {
			stale = draft.Stale(src, draft.ReadRecord(tgt.Front.Source))
		}
		status = strings.ToLower(tgt.Front.Status)
	}
	for _, seg := range bt.Segments {
		s := seg.Side(bt.Source)
		if s == nil {
			continue
		}
		u := Unit{ID: seg.ID, Source: FromBlock(s.Block, s.Start, s.End), State: New}
		if t := seg.Side(lang); t != nil {
			u.Target = Renumber(FromBlock(t.Block, t.Start, t.End), u.Source)
			switch {
			case overlaps(stale, s):
				u.State = Stale
			case status == "published":
				u.State = Final
			case status == "reviewed":
				u.State = Reviewed
			default:
				u.State = Translated
			}
		}
		if notes != nil {
			u.Notes = notes(s.Text())
		}
		d.Units = append(d.Units, u)
	}
	return d
}

func overlaps(stale []draft.Sentence, s *bitext.Side) bool {
	for _, x := range stale {
		if x.Block == s.Block && x.Start < s.End && s.Start < x.End {
			return true
		}
	}
	return false
}

// GlossaryNotes returns a Notes function for Export: one note per glossary entry found in the English (by
// anchors), with its rendering in lang, accepted variants and forbidden forms.
func GlossaryNotes(g *glossary.Glossary, anchors *bitext.Anchors, source, lang language.Tag) func(string) []string {
	return func(text string) []string {
		var out []string
		seen := map[string]bool{}
		for _, a := range anchors.Of(source, text) {
			id, ok := strings.CutPrefix(a, "term:")
			if !ok || seen[id] {
				continue
			}
			seen[id] = true
			e, ok := g.Lookup(id)
			if !ok {
				continue
			}
			r := e.Target(lang)
			var b strings.Builder
			fmt.Fprintf(&b, "glossary %s: %s = ", e.ID, e.EN.Term)
			switch {
			case r.Policy == glossary.Omit:
				b.WriteString("(not rendered in " + lang.String() + ")")
			case r.Term != "":
				b.WriteString(r.Term)
			default:
				b.WriteString("(no rendering yet)")
			}
			if len(r.Variants) > 0 {
				b.WriteString("; also accepted: " + strings.Join(r.Variants, ", "))
			}
			if len(r.Forbidden) > 0 {
				b.WriteString("; forbidden: " + strings.Join(r.Forbidden, ", "))
			}
			out = append(out, b.String())
		}
		return out
	}
}

// MismatchError lists the units of an XLIFF file whose source is not the current English: the release changed
// since the export, or the file belongs to another release.
type MismatchError struct {
	Path  string
	Units []string // "b6.s1: ..." one per unit
}

func (e *MismatchError) Error() string {
	return fmt.Sprintf("%s: %d unit(s) no longer match the English; export the release again and carry the translations over:\n  %s",
		e.Path, len(e.Units), strings.Join(e.Units, "\n  "))
}

// Result is what Apply did.
type Result struct {
	Data      []byte   // the new translation file
	Changed   []string // ids of the units whose translation was written
	Unchanged int      // units whose target equals the translation already
	Unplaced  []string // ids of units with a target but no place in the translation (no aligned text)
	// CodesDropped lists the changed units whose target came without the inline codes of the segment (a tool
	// that keeps plain text only, such as a PO round trip): their markup is gone from the translation.
	CodesDropped []string
}

// fold compares texts as CAT tools keep them: NFC, white space runs as one space.
func fold(s string) string { return strings.Join(strings.Fields(norm.NFC.String(s)), " ") }

// squeeze is a text without any white space, NFC: the key by which a source is compared with the English. A
// tool that keeps text without its inline codes joins the words around a line break ("KINGDOM OF
// CAMBODIANATION RELIGION KING") or spaces them, and a line break is white space to relloc.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, norm.NFC.String(s))
}

// segmentsOf maps the units of d to the segments of bt: a unit by its id, and a unit whose id is no segment
// of the release (Translate Toolkit's po2xliff numbers its units 1, 2, 3…) by its source, which must be the
// English of exactly one segment. A unit that matches none or several segments, or a segment that two units
// claim, is an error at the unit's line; a unit whose source is not its segment's English is listed in a
// *MismatchError.
func segmentsOf(bt *bitext.Bitext, d *Document, path string) ([]*bitext.Segment, error) {
	byID := map[string]*bitext.Segment{}
	bySource := map[string][]*bitext.Segment{}
	for _, s := range bt.Segments {
		if s.Side(bt.Source) == nil {
			continue
		}
		byID[s.ID] = s
		k := squeeze(s.Side(bt.Source).Text())
		bySource[k] = append(bySource[k], s)
	}
	out := make([]*bitext.Segment, len(d.Units))
	var errs inputerr.List
	var mismatch []string
	claimed := map[string]string{} // segment id → the unit that claims it
	for i, u := range d.Units {
		s, ok := byID[u.ID]
		if !ok {
			switch c := bySource[squeeze(u.Source.Plain())]; len(c) {
			case 0:
				errs = append(errs, inputerr.Say(path, u.Line, u.Column, "XLIFFUnitUnknown", ui.Args{"ID": strconv.Quote(u.ID), "Release": bt.Release.Dir, "Source": strconv.Quote(clip(u.Source.Plain()))}))
				continue
			case 1:
				s = c[0]
			default:
				ids := make([]string, len(c))
				for j, x := range c {
					ids[j] = x.ID
				}
				errs = append(errs, inputerr.Say(path, u.Line, u.Column, "XLIFFUnitAmbiguous", ui.Args{"ID": strconv.Quote(u.ID), "Release": bt.Release.Dir, "Count": len(c), "IDs": strings.Join(ids, ", ")}))
				continue
			}
		} else if squeeze(u.Source.Plain()) != squeeze(s.Side(bt.Source).Text()) {
			mismatch = append(mismatch, fmt.Sprintf("%s: the source is %q, the English now %q", u.ID, clip(u.Source.Plain()), clip(s.Side(bt.Source).Text())))
			continue
		}
		if other, dup := claimed[s.ID]; dup {
			errs = append(errs, inputerr.Say(path, u.Line, u.Column, "XLIFFUnitTaken", ui.Args{"ID": strconv.Quote(u.ID), "Segment": s.ID, "Other": strconv.Quote(other)}))
			continue
		}
		claimed[s.ID] = u.ID
		out[i] = s
	}
	if len(errs) > 0 {
		return nil, errs
	}
	if len(mismatch) > 0 {
		return nil, &MismatchError{Path: path, Units: mismatch}
	}
	return out, nil
}

// Apply writes the targets of d into the translation of bt into lang, segment by segment: the text of each
// segment whose target differs from the translation is replaced in place by the target as Markdown, and every
// other byte of the file stays. A unit is placed by its id or, when its id is no segment of the release, by
// its source (see segmentsOf); sources are compared with the English without white space. It fails, changing
// nothing, when a unit cannot be placed (an *inputerr.Error at its line), when a unit's source is not its
// segment's English (a *MismatchError naming them), or when a target cannot be put back (markup that runs
// over the segment's ends in the translation). A target without inline codes whose text is the
// translation's, codes and white space aside, is unchanged: a tool that drops codes has not changed it. path
// names the XLIFF file in errors.
func Apply(bt *bitext.Bitext, lang language.Tag, d *Document, path string) (*Result, error) {
	tgt := bt.Release.Doc(lang)
	if tgt == nil {
		return nil, inputerr.Say(path, 0, 0, "XLIFFNoTranslation", ui.Args{"Lang": lang.String()})
	}
	placed, err := segmentsOf(bt, d, path)
	if err != nil {
		return nil, err
	}
	res := &Result{}
	type edit struct {
		start, end int
		text       string
	}
	var edits []edit
	for i, u := range d.Units {
		if u.Target == nil || fold(u.Target.Plain()) == "" {
			continue
		}
		seg := placed[i]
		side := seg.Side(lang)
		if side == nil {
			res.Unplaced = append(res.Unplaced, seg.ID)
			continue
		}
		src := seg.Side(bt.Source)
		links := map[string]string{}
		fromBlock(src.Block, src.Start, src.End, func(id string, m release.Markup) {
			if m.Kind == Link {
				links[id] = linkURL(bt.Release.Doc(bt.Source), src.Block, m)
			}
		})
		cur := Renumber(FromBlock(side.Block, side.Start, side.End), u.Source)
		plainOnly := shape(u.Target) == "" && shape(cur) != ""
		if side.Text() == u.Target.Plain() && shape(cur) == shape(u.Target) || plainOnly && squeeze(side.Text()) == squeeze(u.Target.Plain()) {
			res.Unchanged++
			continue
		}
		start, end, bad := span(tgt, side)
		if bad != nil {
			return nil, inputerr.Say(path, 0, 0, bad.id, ui.Args{"ID": seg.ID, "Kind": bad.kind, "File": tgt.Path})
		}
		edits = append(edits, edit{start, end, u.Target.Markdown(links)})
		res.Changed = append(res.Changed, seg.ID)
		if plainOnly {
			res.CodesDropped = append(res.CodesDropped, seg.ID)
		}
	}
	sort.Slice(edits, func(i, j int) bool { return edits[i].start > edits[j].start })
	out := append([]byte(nil), tgt.Source...)
	last := len(out) + 1
	for _, e := range edits {
		if e.end > last {
			return nil, inputerr.Say(path, 0, 0, "XLIFFSharedText", ui.Args{"File": tgt.Path})
		}
		out = append(out[:e.start], append([]byte(e.text), out[e.end:]...)...)
		last = e.start
	}
	res.Data = out
	return res, nil
}

func clip(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}

// shape is the sequence of code kinds and roles of a content, to tell a change of markup.
func shape(c Content) string {
	var b strings.Builder
	for _, p := range c {
		if p.Code != nil {
			fmt.Fprintf(&b, "%s/%d/%s ", p.Code.Kind, p.Code.Role, p.Code.ID)
		}
	}
	return b.String()
}

// open and close delimiters of each kind of markup, longest first.
var (
	opens  = map[string][]string{Strong: {"**", "__"}, Emphasis: {"*", "_"}, Sup: {"<sup>"}, Sub: {"<sub>"}, Code: {"``", "`"}, Link: {"["}}
	closes = map[string][]string{Strong: {"**", "__"}, Emphasis: {"*", "_"}, Sup: {"</sup>"}, Sub: {"</sub>"}, Code: {"``", "`"}}
)

// markupProblem is why a side cannot be replaced: a markup of kind that spans more than the side
// (XLIFFMarkupSpans) or runs over one of its ends (XLIFFMarkupOverruns), the catalogue message to say it with.
type markupProblem struct{ id, kind string }

// span returns the file range of a side's text together with the delimiters of the markup that starts or
// ends with it, so that the side can be replaced by Markdown that carries its own markup.
func span(doc *release.Document, side *bitext.Side) (int, int, *markupProblem) {
	b := side.Block
	start, end := b.FileOffset(side.Start), b.FileOffset(side.End)
	var left, right []release.Markup
	for _, m := range b.Markup {
		in := m.Start >= side.Start && m.End <= side.End
		out := m.End <= side.Start || m.Start >= side.End
		if m.Start < side.Start && m.End > side.End {
			return 0, 0, &markupProblem{"XLIFFMarkupSpans", m.Kind}
		}
		if !in && !out {
			return 0, 0, &markupProblem{"XLIFFMarkupOverruns", m.Kind}
		}
		if in && m.Start == side.Start {
			left = append(left, m)
		}
		if in && m.End == side.End {
			right = append(right, m)
		}
	}
	src := doc.Source
	sort.Slice(left, func(i, j int) bool { return left[i].End < left[j].End })        // innermost first
	sort.Slice(right, func(i, j int) bool { return right[i].Start > right[j].Start }) // innermost first
	for _, m := range left {
		for _, d := range opens[m.Kind] {
			if start >= len(d) && string(src[start-len(d):start]) == d {
				start -= len(d)
				break
			}
		}
	}
	for _, m := range right {
		if m.Kind == Link {
			if bytes.HasPrefix(src[end:], []byte("](")) {
				if i := bytes.IndexByte(src[end:], ')'); i > 0 {
					end += i + 1
				}
			}
			continue
		}
		for _, d := range closes[m.Kind] {
			if bytes.HasPrefix(src[end:], []byte(d)) {
				end += len(d)
				break
			}
		}
	}
	return start, end, nil
}

// linkURL returns the destination of an inline link [text](url) of the English, or "" for another link.
func linkURL(doc *release.Document, b *release.Block, m release.Markup) string {
	if doc == nil {
		return ""
	}
	end := b.FileOffset(m.End)
	rest := doc.Source[end:]
	if !bytes.HasPrefix(rest, []byte("](")) {
		return ""
	}
	if i := bytes.IndexByte(rest, ')'); i > 0 {
		return string(rest[2:i])
	}
	return ""
}
