package draft

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/bitext"
	"github.com/relloc/relloc/internal/release"
)

// edit replaces src[start:end] with text.
type edit struct {
	start, end int
	text       string
}

// Update brings the existing translation of in.Release in in.Lang up to date with its English: the target text
// aligned with each stale English sentence is replaced by a new draft of that sentence (with its marker), and
// the [source] digests are rewritten for the current English. Every other byte of the file is kept.
//
// A translation without a [source] table is not tracked: Update then only records the digests of the current
// English (Result.Stamped), trusting that the translation is up to date. That is how a translation made
// outside relloc starts being tracked.
//
// When the translator joined the stale sentence with a neighbour (a 2:1 link in the alignment), the whole
// aligned segment is re-drafted.
func Update(in Input) (*Result, error) {
	d, err := newDrafter(in)
	if err != nil {
		return nil, err
	}
	tgt := in.Release.Doc(in.Lang)
	if tgt == nil {
		return nil, fmt.Errorf("update %s: the release has no %s translation to update", in.Release.ID, in.Lang)
	}
	current := Digests(d.src)
	if !Tracked(tgt) {
		return &Result{Data: setSource(tgt.Source, current), Stamped: true}, nil
	}
	stale := Stale(d.src, tgt.Front.Source)
	res := &Result{}
	if len(stale) == 0 {
		res.Data = setSource(tgt.Source, current)
		return res, nil
	}
	bt := bitext.Align(in.Release, in.Source, []language.Tag{in.Lang}, d.in.Anchors)
	var edits []edit
	done := map[string]bool{}
	for _, s := range stale {
		if done[s.ID] {
			continue
		}
		k := segmentOf(bt, in.Source, s)
		if k < 0 {
			res.Unplaced = append(res.Unplaced, s.ID)
			continue
		}
		seg := bt.Segments[k]
		esrc := seg.Side(in.Source)
		var text string
		var marker string
		for _, es := range blockSentences(in.Source, esrc.Block) {
			if es.Start < esrc.Start || es.End > esrc.End {
				continue
			}
			done[es.ID] = true
			out, m, sg := d.sentence(es)
			res.Segments = append(res.Segments, sg)
			if m != "" {
				if text == "" {
					marker = m
				} else {
					out = m + out
				}
			}
			text = joinSentences(in.Lang, text, out)
		}
		e, ok := d.place(tgt, bt, k, text, marker)
		if !ok {
			res.Unplaced = append(res.Unplaced, s.ID)
			continue
		}
		edits = append(edits, e...)
	}
	data := applyEdits(tgt.Source, edits)
	digests := map[string]string{}
	for id, v := range current {
		digests[id] = v
	}
	for _, id := range res.Unplaced {
		if old, ok := tgt.Front.Source[id]; ok {
			digests[id] = old
		} else {
			delete(digests, id)
		}
	}
	res.Data = setSource(data, digests)
	return res, nil
}

// segmentOf returns the index of the segment of bt whose English side holds sentence s, or -1.
func segmentOf(bt *bitext.Bitext, source language.Tag, s Sentence) int {
	for i, seg := range bt.Segments {
		if side := seg.Side(source); side != nil && side.Block == s.Block && side.Start <= s.Start && s.End <= side.End {
			return i
		}
	}
	return -1
}

// place plans the edits that put text (and its marker) where segment k of bt belongs in the translation tgt:
// over the segment's target side, or, when the translation lacks it, after the previous translated segment of
// the same English block or before the next one.
func (d *drafter) place(tgt *release.Document, bt *bitext.Bitext, k int, text, marker string) ([]edit, bool) {
	seg := bt.Segments[k]
	if side := seg.Side(d.lang); side != nil {
		a, b := side.Block.FileOffset(side.Start), side.Block.FileOffset(side.End)
		return d.withMarker(tgt, side, a, b, text, marker), true
	}
	for j := k - 1; j >= 0 && bt.Segments[j].Block == seg.Block; j-- {
		if side := bt.Segments[j].Side(d.lang); side != nil {
			at := side.Block.FileOffset(side.End)
			sep := joinSentences(d.lang, side.Text(), "x")
			sep = sep[len(side.Text()) : len(sep)-1]
			return []edit{{at, at, sep + marker + text}}, true
		}
	}
	for j := k + 1; j < len(bt.Segments) && bt.Segments[j].Block == seg.Block; j++ {
		if side := bt.Segments[j].Side(d.lang); side != nil {
			at := side.Block.FileOffset(side.Start)
			sep := " "
			if ja, _ := language.Japanese.Base(); baseOf(d.lang) == ja && strings.HasSuffix(text, "。") {
				sep = ""
			}
			return d.withMarker(tgt, side, at, at, text+sep, marker), true
		}
	}
	return nil, false
}

func baseOf(t language.Tag) language.Base {
	b, _ := t.Base()
	return b
}

// withMarker plans replacing tgt's bytes [a, b) with text, putting marker before it where the Markdown parser
// keeps it out of the text: on a line of its own above the block when the text starts the block, at the end of
// the previous line when it starts a line inside a paragraph, inline otherwise.
func (d *drafter) withMarker(tgt *release.Document, side *bitext.Side, a, b int, text, marker string) []edit {
	src := tgt.Source
	if marker == "" {
		return []edit{{a, b, text}}
	}
	ls := bytes.LastIndexByte(src[:a], '\n') + 1
	if side.Start == 0 {
		return []edit{{ls, ls, marker + "\n"}, {a, b, text}}
	}
	if len(bytes.TrimSpace(src[ls:a])) == 0 && ls > 0 {
		end := ls - 1 // the newline ending the previous line
		for end > 0 && (src[end-1] == ' ' || src[end-1] == '\\' || src[end-1] == '\r') {
			end--
		}
		return []edit{{end, end, " " + marker}, {a, b, text}}
	}
	return []edit{{a, b, marker + text}}
}

// applyEdits applies non-overlapping edits to a copy of src.
func applyEdits(src []byte, edits []edit) []byte {
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].start < edits[j].start })
	var out bytes.Buffer
	last := 0
	for _, e := range edits {
		if e.start < last {
			continue
		}
		out.Write(src[last:e.start])
		out.WriteString(e.text)
		last = e.end
	}
	out.Write(src[last:])
	return out.Bytes()
}

// sourceTable writes the [source] table of digests, in document order of the sentence ids.
func sourceTable(digests map[string]string) string {
	ids := make([]string, 0, len(digests))
	for id := range digests {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return idLess(ids[i], ids[j]) })
	var b strings.Builder
	b.WriteString("[source]\n")
	for _, id := range ids {
		fmt.Fprintf(&b, "%s = %s\n", tomlString(id), tomlString(digests[id]))
	}
	return b.String()
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

// setSource returns src with its front matter's [source] table replaced by digests (added when absent; a front
// matter is added when the file has none). Nothing else of the file changes.
func setSource(src []byte, digests map[string]string) []byte {
	table := sourceTable(digests)
	lines := bytes.SplitAfter(src, []byte("\n"))
	isFence := func(l []byte) bool { return string(bytes.TrimRight(l, " \t\r\n")) == "+++" }
	if len(lines) == 0 || !isFence(lines[0]) {
		return append([]byte("+++\n"+table+"+++\n\n"), src...)
	}
	off := len(lines[0])
	start, end, closing := -1, -1, -1
	for _, l := range lines[1:] {
		t := string(bytes.TrimSpace(l))
		switch {
		case isFence(l):
			closing = off
		case start < 0 && t == "[source]":
			start = off
		case start >= 0 && end < 0 && strings.HasPrefix(t, "["):
			end = off
		}
		if closing >= 0 {
			break
		}
		off += len(l)
	}
	if closing < 0 {
		return src // an unclosed front matter is reported by the parser; leave the file alone
	}
	var out bytes.Buffer
	if start >= 0 {
		if end < 0 {
			end = closing
		}
		out.Write(src[:start])
		out.WriteString(table)
		if end < closing {
			out.WriteString("\n")
		}
		out.Write(src[end:])
		return out.Bytes()
	}
	out.Write(src[:closing])
	if closing >= 2 && string(src[closing-2:closing]) != "\n\n" && closing > len(lines[0]) {
		out.WriteString("\n")
	}
	out.WriteString(table)
	out.Write(src[closing:])
	return out.Bytes()
}
