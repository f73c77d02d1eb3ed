package draft

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strings"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/bitext"
	"github.com/relloc/relloc/internal/release"
)

// AcceptInput names the sentences of a translation a translator has revised.
type AcceptInput struct {
	Release      *release.Release
	Source, Lang language.Tag
	// IDs are English sentence ids ("b8.s1"), as stale findings and markers name them; All accepts every
	// pending sentence and marker of the translation instead.
	IDs []string
	All bool
	// Anchors align the release when a marker without a sentence id must be placed (nil: no glossary anchors).
	Anchors *bitext.Anchors
}

// AcceptResult is an accepted translation.
type AcceptResult struct {
	Data     []byte
	Accepted []string // the English sentence ids whose English is now recorded
	Markers  int      // markers removed
	// Pending counts what is left to review in the file: stale sentences and markers.
	Pending int
	// Status is the status written to the front matter ("" when unchanged).
	Status string
}

// ErrNothingPending is returned by Accept when a named sentence has nothing to accept.
var ErrNothingPending = errors.New("nothing to accept")

// Accept records that the translator has revised sentences of a translation: for each, the English now is
// recorded as what the translation was made from (so the sentence is no longer stale) and the draft markers for
// it (revise, translate, fuzzy) are removed; with All, every stale sentence and every marker, and recorded English
// sentences that the English no longer has are forgotten. Nothing else of the file changes, except the status,
// which becomes "reviewed" once nothing is left to review. Accept never edits the translation's text: a
// translator who has not revised the sentence yet should not accept it.
func Accept(in AcceptInput) (*AcceptResult, error) {
	src, tgt := in.Release.Doc(in.Source), in.Release.Doc(in.Lang)
	if src == nil || tgt == nil {
		return nil, fmt.Errorf("accept %s: the release has no %s or no %s file", in.Release.ID, in.Source, in.Lang)
	}
	if !Tracked(tgt) && !in.All {
		// Without a record every sentence is new; --all vouches for the whole translation and starts the record.
		return nil, fmt.Errorf("accept %s: %s records no English ([source]): accept it whole with --all, or run relloc draft --update", in.Release.ID, tgt.Path)
	}
	rec := ReadRecord(tgt.Front.Source)
	changes := Changes(src, rec)
	markers, comments := Markers(tgt)
	markerIDs := make([]string, len(markers))
	var bt *bitext.Bitext // aligned once, for markers that do not name their sentence
	for i, m := range markers {
		markerIDs[i] = m.ID
		if m.ID == "" && m.Kind != Removed {
			if bt == nil {
				bt = bitext.Align(in.Release, in.Source, []language.Tag{in.Lang}, in.Anchors)
			}
			markerIDs[i] = placeMarker(in, bt, comments[i])
		}
	}
	want := map[string]bool{}
	for _, id := range in.IDs {
		want[id] = true
	}
	// What is pending for each sentence id.
	pending := map[string]bool{}
	for _, c := range changes {
		if c.Kind != Deleted {
			pending[c.Sentence.ID] = true
		}
	}
	for _, id := range markerIDs {
		if id != "" {
			pending[id] = true
		}
	}
	if !in.All {
		var none []string
		for _, id := range in.IDs {
			if !pending[id] {
				none = append(none, id)
			}
		}
		if len(none) > 0 {
			return nil, fmt.Errorf("%s: %s: %w (not stale, no marker)", tgt.Path, strings.Join(none, ", "), ErrNothingPending)
		}
	}
	res := &AcceptResult{}
	accepted := map[string]bool{}
	var edits []edit
	for i, c := range comments {
		if in.All || want[markerIDs[i]] {
			edits = append(edits, removeComment(tgt.Source, c))
			res.Markers++
			if markerIDs[i] != "" {
				accepted[markerIDs[i]] = true
			}
		} else {
			res.Pending++
		}
	}
	// The new record: the old one, with each accepted sentence's English now in place of what it was made from.
	drop := map[string]bool{}
	add := map[string]bool{}
	for _, c := range changes {
		switch {
		case c.Kind == Deleted && in.All:
			drop[c.OldDigest] = true
		case c.Kind != Deleted && (in.All || want[c.Sentence.ID]):
			accepted[c.Sentence.ID] = true
			add[Digest(c.Sentence.Text())] = true
			if c.OldDigest != "" {
				drop[c.OldDigest] = true
			}
		case c.Kind != Deleted:
			res.Pending++
		}
	}
	sents := Sentences(src)
	var recorded []Sentence
	for _, s := range sents {
		d := Digest(s.Text())
		if (rec.Has(d) && !drop[d]) || add[d] {
			recorded = append(recorded, s)
		}
	}
	var keep []string
	for d := range rec.texts {
		if !drop[d] {
			keep = append(keep, d)
		}
	}
	sort.Strings(keep)
	var rest []Change
	for _, c := range changes {
		if !accepted[c.Sentence.ID] {
			rest = append(rest, c)
		}
	}
	data := applyEdits(tgt.Source, edits)
	data = setSource(data, ordered(sents, rest, table(recorded, keep, rec), recordOrder(tgt.Source)))
	if res.Pending == 0 && tgt.Front.Status != release.StatusReviewed && tgt.Front.Status != release.StatusPublished {
		data = setStatus(data, release.StatusReviewed)
		res.Status = release.StatusReviewed
	}
	for id := range accepted {
		res.Accepted = append(res.Accepted, id)
	}
	sort.Slice(res.Accepted, func(i, j int) bool { return idLess(res.Accepted[i], res.Accepted[j]) })
	res.Data = data
	return res, nil
}

// placeMarker returns the English sentence id a marker without one (written by an older relloc) is for: that
// of the first English sentence of the segment whose translation starts first after the marker, or "".
func placeMarker(in AcceptInput, bt *bitext.Bitext, c release.Comment) string {
	best, id := -1, ""
	for _, seg := range bt.Segments {
		side, es := seg.Side(in.Lang), seg.Side(in.Source)
		if side == nil || es == nil {
			continue
		}
		at := side.Block.FileOffset(side.Start)
		if at >= c.End && (best < 0 || at < best) {
			best = at
			for _, s := range blockSentences(in.Source, es.Block) {
				if s.Start >= es.Start {
					id = s.ID
					break
				}
			}
		}
	}
	return id
}

// removeComment plans removing a marker comment the way Update put it: a line that holds only the comment goes
// with its newline, a comment at the end of a line goes with the space before it, an inline one alone.
func removeComment(src []byte, c release.Comment) edit {
	ls, le := lineStart(src, c.Start), lineEnd(src, c.End)
	if len(bytes.TrimSpace(src[ls:c.Start])) == 0 && len(bytes.TrimSpace(src[c.End:le])) == 0 {
		if le < len(src) {
			le++
		}
		return edit{ls, le, ""}
	}
	if len(bytes.TrimSpace(src[c.End:le])) == 0 && c.Start > 0 && src[c.Start-1] == ' ' {
		return edit{c.Start - 1, c.End, ""}
	}
	return edit{c.Start, c.End, ""}
}

// idLess orders sentence ids "b6.s2" by block, then sentence; other ids after them, by text.
func idLess(a, b string) bool {
	var ab, as, bb, bs int
	_, ea := fmt.Sscanf(a, "b%d.s%d", &ab, &as)
	_, eb := fmt.Sscanf(b, "b%d.s%d", &bb, &bs)
	switch {
	case ea == nil && eb == nil:
		if ab != bb {
			return ab < bb
		}
		if as != bs {
			return as < bs
		}
		return a < b
	case ea == nil:
		return true
	case eb == nil:
		return false
	}
	return a < b
}

// Item is one thing left to review in a translation: an English sentence changed, added or deleted since the
// translation was made, or a draft marker.
type Item struct {
	ID   string `json:"id,omitempty"` // the English sentence id, when known
	Kind string `json:"kind"`         // changed, added, deleted, or the marker's kind ("revise", "translate", ...)
	// Text is the word diff of a changed sentence, the English of an added or deleted one, or a marker's comment.
	Text string `json:"text"`
	Line int    `json:"line,omitempty"` // the marker's line in the translation
}

// Pending lists what is left to review in the lang translation of r: its English changes in document order,
// then its markers in file order. An untracked translation has only markers.
func Pending(r *release.Release, source, lang language.Tag) []Item {
	src, tgt := r.Doc(source), r.Doc(lang)
	if src == nil || tgt == nil {
		return nil
	}
	var out []Item
	if Tracked(tgt) {
		for _, c := range Changes(src, ReadRecord(tgt.Front.Source)) {
			it := Item{Kind: c.Kind.String(), Text: c.Old}
			switch {
			case c.Kind == Deleted:
			case c.Kind == Changed && c.Known():
				it.ID, it.Text = c.Sentence.ID, c.Diff(0)
			default:
				it.ID, it.Text = c.Sentence.ID, foldSpace(c.Sentence.Text())
			}
			out = append(out, it)
		}
	}
	ms, cs := Markers(tgt)
	for i, m := range ms {
		out = append(out, Item{ID: m.ID, Kind: "marker " + m.Kind.String(), Text: "<!-- " + cs[i].Text + " -->", Line: cs[i].Line})
	}
	return out
}
