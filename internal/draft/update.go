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

// markerContext is how many shared words a revise marker shows around each change of the English.
const markerContext = 4

// Update brings the existing translation of in.Release in in.Lang up to date with its English, keeping the
// translator's work:
//
//   - a sentence whose English was edited keeps its translation, after a revise marker that shows the change as a
//     word diff ("<!-- relloc-draft revise b8.s1: USD [-30-]{+35+} million … -->") and, when the memory has a good
//     match for the new English, that match; numbers and glossary renderings that changed in the English are
//     changed in the translation where that is safe (Revise);
//   - a sentence or paragraph added to the English is drafted in its place, after its marker;
//   - a translated sentence whose English was deleted is marked, not deleted;
//   - an empty or missing translation gets a full draft (Result.Full).
//
// Update does not record the new English: the changed sentences stay stale for relloc check until the
// translator has revised them and run relloc review --accept (Accept). It sets the status to "draft" when it
// changed the file. A translation without a [source] table is not tracked: Update then only records the current
// English (Result.Stamped), trusting that the translation is up to date; that is how a translation made outside
// relloc starts being tracked. Every byte of the file not named here is kept.
func Update(in Input) (*Result, error) {
	d, err := newDrafter(in)
	if err != nil {
		return nil, err
	}
	tgt := in.Release.Doc(in.Lang)
	if tgt == nil || len(tgt.Blocks) == 0 {
		res, err := Draft(in)
		if err != nil {
			return nil, err
		}
		res.Full = true
		return res, nil
	}
	sents := Sentences(d.src)
	rec := ReadRecord(tgt.Front.Source)
	if !Tracked(tgt) {
		return &Result{Data: setSource(tgt.Source, table(sents, nil, rec)), Stamped: true}, nil
	}
	changes := Changes(d.src, rec)
	res := &Result{}
	if len(changes) == 0 {
		// Up to date; a table of the old form is rewritten with the English, which is now known.
		res.Data = setSource(tgt.Source, table(sents, nil, rec))
		return res, nil
	}
	bt, made := d.alignAsMade(changes, tgt)
	var edits []edit
	bySeg := map[int][]Change{}
	var segOrder []int
	var deleted []Change
	// A sentence whose marker is already in the file was handled by an earlier update: running Update twice
	// changes nothing the second time.
	marked := map[string]bool{}
	ms, _ := Markers(tgt)
	for _, m := range ms {
		if m.ID != "" {
			marked[m.ID] = true
		}
	}
	for _, c := range changes {
		if c.Kind == Deleted {
			deleted = append(deleted, c)
			continue
		}
		if marked[c.Sentence.ID] {
			res.Marked++
			continue
		}
		k := d.locate(bt, made, c.Sentence)
		if k < 0 {
			res.Unplaced = append(res.Unplaced, c.Sentence.ID)
			continue
		}
		if _, ok := bySeg[k]; !ok {
			segOrder = append(segOrder, k)
		}
		bySeg[k] = append(bySeg[k], c)
	}
	newBlocks := map[int]bool{} // English blocks drafted whole
	for _, k := range segOrder {
		seg, cs := bt.Segments[k], bySeg[k]
		if side := seg.Side(in.Lang); side != nil {
			edits = append(edits, d.revise(tgt, side, cs, res)...)
			continue
		}
		blk := d.src.Blocks[seg.Side(in.Source).Block.Index-1]
		if newBlocks[blk.Index] {
			continue
		}
		var drafted Result
		text, marker := d.draftSide(d.realSide(made, seg.Side(in.Source)), &drafted)
		if e, ok := d.place(tgt, bt, k, text, marker); ok {
			res.Segments = append(res.Segments, drafted.Segments...)
			edits = append(edits, e...)
			continue
		}
		// No sentence of this English block is translated: the block is new; draft it whole.
		e, ok := d.placeBlock(tgt, bt, blk, res)
		if !ok {
			for _, c := range cs {
				res.Unplaced = append(res.Unplaced, c.Sentence.ID)
			}
			continue
		}
		newBlocks[blk.Index] = true
		edits = append(edits, e)
	}
	edits = append(edits, d.markDeleted(tgt, bt, made, deleted, res)...)
	data := applyEdits(tgt.Source, edits)
	if len(edits) > 0 {
		data = setStatus(data, release.StatusDraft)
	}
	// The record keeps what the translation was made from; a table of the old form gets the English's text
	// where it is known (the sentences that did not change).
	var keep []string
	for _, c := range changes {
		if c.OldDigest != "" {
			keep = append(keep, c.OldDigest)
		}
	}
	var same []Sentence
	for _, s := range sents {
		if rec.Has(Digest(s.Text())) {
			same = append(same, s)
		}
	}
	res.Data = setSource(data, ordered(sents, changes, table(same, keep, rec), recordOrder(tgt.Source)))
	sort.Strings(res.Unplaced)
	return res, nil
}

// asMade is the English a translation was made from, as far as its record tells: the current English with each
// edited sentence put back as it was and each deleted sentence put back after the sentence the record lists
// before it, so that changed numbers and words do not lead the alignment astray and a deleted sentence's
// translation aligns with it.
type asMade struct {
	doc *release.Document
	// real[block][k] is the ordinal in the current English block of the rebuilt block's sentence k, or -1 for a
	// deleted sentence put back.
	real [][]int
}

// alignAsMade aligns the translation with the English it was made from (asMade). It returns the alignment and
// the rebuilt English (nil when the current English was used as it is).
func (d *drafter) alignAsMade(changes []Change, tgt *release.Document) (*bitext.Bitext, *asMade) {
	in := d.in
	current := func() (*bitext.Bitext, *asMade) {
		return bitext.Align(in.Release, in.Source, []language.Tag{in.Lang}, in.Anchors), nil
	}
	verbatim := func(s Sentence) (int, int, bool) {
		a, b := s.Block.FileOffset(s.Start), s.Block.FileOffset(s.End)
		return a, b, string(d.src.Source[a:b]) == s.Text()
	}
	safe := func(t string) bool { return t != "" && !strings.ContainsAny(t, "*_`<>[]\\#\n") }
	var edits []edit
	inserted := map[string][]int{} // sentence id → ordinals of deleted sentences put back after it
	bySentence := map[string]Sentence{}
	for _, s := range Sentences(d.src) {
		bySentence[s.ID] = s
	}
	for _, c := range changes {
		if c.Kind == Changed && safe(c.Old) {
			if a, b, ok := verbatim(c.Sentence); ok {
				edits = append(edits, edit{a, b, c.Old})
			}
		}
	}
	// Deleted sentences go back after the sentence the record lists before them.
	order := recordOrder(tgt.Source)
	where := map[string]string{} // recorded digest → id of the current sentence that stands for it
	for _, s := range bySentence {
		where[Digest(s.Text())] = s.ID
	}
	for _, c := range changes {
		if c.Kind == Changed && c.OldDigest != "" {
			where[c.OldDigest] = c.Sentence.ID
		}
	}
	for _, c := range changes {
		if c.Kind != Deleted || !safe(c.Old) {
			continue
		}
		prev := ""
		for i, dg := range order {
			if dg == c.OldDigest {
				for j := i - 1; j >= 0 && prev == ""; j-- {
					prev = where[order[j]]
				}
				break
			}
		}
		s, ok := bySentence[prev]
		if !ok {
			continue
		}
		if _, b, ok := verbatim(s); ok {
			edits = append(edits, edit{b, b, " " + c.Old})
			inserted[s.ID] = append(inserted[s.ID], 1)
		}
	}
	if len(edits) == 0 {
		return current()
	}
	made, err := release.ParseDocument(d.src.Path, in.Source, applyEdits(d.src.Source, edits))
	if err != nil || len(made.Blocks) != len(d.src.Blocks) {
		return current()
	}
	m := &asMade{doc: made, real: make([][]int, len(made.Blocks))}
	for i, b := range d.src.Blocks {
		for k, s := range blockSentences(in.Source, b) {
			m.real[i] = append(m.real[i], k)
			for range inserted[s.ID] {
				m.real[i] = append(m.real[i], -1)
			}
		}
		if len(blockSentences(in.Source, made.Blocks[i])) != len(m.real[i]) {
			return current() // a sentence put back split differently: align the English as it is
		}
	}
	r := *in.Release
	r.Docs = map[language.Tag]*release.Document{}
	for k, v := range in.Release.Docs {
		r.Docs[k] = v
	}
	r.Docs[in.Source] = made
	return bitext.Align(&r, in.Source, []language.Tag{in.Lang}, in.Anchors), m
}

// locate returns the index of the segment of bt that holds sentence s of the current English, or -1.
func (d *drafter) locate(bt *bitext.Bitext, m *asMade, s Sentence) int {
	if m == nil {
		return segmentOf(bt, d.in.Source, s)
	}
	ms := blockSentences(d.in.Source, m.doc.Blocks[s.Block.Index-1])
	ord := -1
	for k, rs := range blockSentences(d.in.Source, s.Block) {
		if rs.ID == s.ID {
			ord = k
		}
	}
	for k, r := range m.real[s.Block.Index-1] {
		if r == ord && ord >= 0 {
			return segmentOf(bt, d.in.Source, ms[k])
		}
	}
	return -1
}

// realSide returns the side of the current English that covers the current sentences of side, a side of the
// alignment's English; nil when side covers only deleted sentences put back.
func (d *drafter) realSide(m *asMade, side *bitext.Side) *bitext.Side {
	if m == nil {
		return side
	}
	real := d.src.Blocks[side.Block.Index-1]
	ms, rs := blockSentences(d.in.Source, side.Block), blockSentences(d.in.Source, real)
	out := &bitext.Side{Doc: d.src, Block: real, Start: -1}
	for k, s := range ms {
		if s.Start >= side.Start && s.End <= side.End {
			if r := m.real[side.Block.Index-1][k]; r >= 0 && r < len(rs) {
				if out.Start < 0 {
					out.Start = rs[r].Start
				}
				out.End = rs[r].End
				out.Sentences++
			}
		}
	}
	if out.Start < 0 {
		return nil
	}
	return out
}

// recordOrder returns the digests of a translation's [source] table in the order of the file's lines.
func recordOrder(src []byte) []string {
	first, closing, ok := frontBounds(src)
	if !ok {
		return nil
	}
	var out []string
	in := false
	for _, l := range strings.Split(string(src[first:closing]), "\n") {
		t := strings.TrimSpace(l)
		switch {
		case strings.HasPrefix(t, "["):
			in = t == "[source]"
		case in && len(t) > 18 && t[0] == '"' && t[17] == '"' && isDigest(t[1:17]):
			out = append(out, t[1:17])
		}
	}
	return out
}

// ordered puts the [source] entries in the English's order: each recorded sentence where the English has it,
// the sentence a changed one was made from where the changed one is, and each other entry after the entry that
// preceded it in the table before (old, the table's digests in file order), so that no line moves needlessly.
func ordered(sents []Sentence, changes []Change, entries []entry, old []string) []entry {
	byDigest := map[string]entry{}
	for _, e := range entries {
		byDigest[e.digest] = e
	}
	oldOf := map[string]string{} // sentence id → old digest
	for _, c := range changes {
		if c.Kind == Changed && c.OldDigest != "" {
			oldOf[c.Sentence.ID] = c.OldDigest
		}
	}
	var out []entry
	done := map[string]bool{}
	take := func(d string) {
		if e, ok := byDigest[d]; ok && !done[d] {
			done[d] = true
			out = append(out, e)
		}
	}
	for _, s := range sents {
		take(Digest(s.Text()))
		take(oldOf[s.ID])
	}
	// The rest: after their predecessor in the old table, else at the end.
	for i, d := range old {
		e, ok := byDigest[d]
		if !ok || done[d] {
			continue
		}
		at := 0
		for j := i - 1; j >= 0; j-- {
			if k := indexOf(out, old[j]); k >= 0 {
				at = k + 1
				break
			}
		}
		done[d] = true
		out = append(out[:at], append([]entry{e}, out[at:]...)...)
	}
	for _, e := range entries {
		take(e.digest)
	}
	return out
}

func indexOf(es []entry, digest string) int {
	for i, e := range es {
		if e.digest == digest {
			return i
		}
	}
	return -1
}

// revise plans the edits for the changed English sentences cs of one segment whose translation is side: the
// translation stays, with numbers and glossary renderings updated where safe, after a revise marker per
// sentence.
func (d *drafter) revise(tgt *release.Document, side *bitext.Side, cs []Change, res *Result) []edit {
	text := side.Text()
	var marks []string
	for _, c := range cs {
		now := foldSpace(c.Sentence.Text())
		text = d.reviseText(c.Old, now, text)
		note := c.Diff(markerContext)
		switch {
		case c.Kind == Added:
			note = "new English sentence: " + now
		case !c.Known():
			note = "the English it was made from is not recorded; the English now: " + now
		}
		if m := d.memoryMatch(now); m != "" {
			note += "; " + m
		}
		marks = append(marks, Marker{Kind: Revise, ID: c.Sentence.ID, Note: note}.String())
		res.Segments = append(res.Segments, Segment{ID: c.Sentence.ID, Kind: Revise})
	}
	a, b := side.Block.FileOffset(side.Start), side.Block.FileOffset(side.End)
	if text == side.Text() {
		// Keep the translator's bytes (line breaks, markup) where nothing was updated.
		return d.withMarker(tgt, side, a, a, "", strings.Join(marks, ""))
	}
	return d.withMarker(tgt, side, a, b, d.keepMarkup(tgt.Source[a:b], side.Text(), text), strings.Join(marks, ""))
}

// keepMarkup returns the file bytes raw of a translated run with its plain text plain changed to text: when
// the file holds the text verbatim, the change is made in the file bytes, so that markup and line breaks
// elsewhere in the run stay; otherwise the plain text replaces the run.
func (d *drafter) keepMarkup(raw []byte, plain, text string) string {
	if string(raw) == plain {
		return text
	}
	// Apply each differing span of plain → text inside raw where raw holds that span once.
	i := 0
	for i < len(plain) && i < len(text) && plain[i] == text[i] {
		i++
	}
	j := 0
	for j < len(plain)-i && j < len(text)-i && plain[len(plain)-1-j] == text[len(text)-1-j] {
		j++
	}
	old, repl := plain[i:len(plain)-j], text[i:len(text)-j]
	if old != "" && bytes.Count(raw, []byte(old)) == 1 {
		return strings.Replace(string(raw), old, repl, 1)
	}
	return text
}

// memoryMatch describes the best memory match of an English sentence for a marker, or "".
func (d *drafter) memoryMatch(en string) string {
	if d.mem == nil {
		return ""
	}
	m, ok := d.mem.Best(en, d.lang.String(), d.in.Threshold)
	if !ok {
		return ""
	}
	return fmt.Sprintf("memory %d%% %s %s: %s", int(m.Score*100), m.Release, m.Segment, foldSpace(m.Target))
}

// draftSide drafts the English sentences of one segment side; it returns the text and the marker for its start.
func (d *drafter) draftSide(esrc *bitext.Side, res *Result) (text, marker string) {
	for _, es := range blockSentences(d.in.Source, esrc.Block) {
		if es.Start < esrc.Start || es.End > esrc.End {
			continue
		}
		out, m, sg := d.sentence(es)
		res.Segments = append(res.Segments, sg)
		if m != "" {
			if text == "" && marker == "" {
				marker = m
			} else {
				out = m + out
			}
		}
		text = joinSentences(d.lang, text, out)
	}
	return text, marker
}

// placeBlock plans inserting a draft of the English block blk, which has no translated sentence, as a new block
// of the translation: after the translation of the nearest earlier English block that has one, else before the
// translation of the nearest later one, else at the end of the file.
func (d *drafter) placeBlock(tgt *release.Document, bt *bitext.Bitext, blk *release.Block, res *Result) (edit, bool) {
	body, marker, segs := d.block(blk)
	res.Segments = append(res.Segments, segs...)
	var b strings.Builder
	if marker != "" {
		b.WriteString(marker + "\n")
	}
	b.WriteString(blockPrefix(blk) + body)
	text := b.String()
	targetOf := func(src int) int {
		for _, l := range bt.Blocks[d.lang] {
			if l.Source == src && l.Target > 0 && l.Target <= len(tgt.Blocks) {
				return l.Target
			}
		}
		return 0
	}
	for i := blk.Index - 1; i >= 1; i-- {
		if t := targetOf(i); t > 0 {
			at := lineEnd(tgt.Source, blockEnd(tgt.Blocks[t-1]))
			return edit{at, at, "\n\n" + text}, true
		}
	}
	for i := blk.Index + 1; i <= len(d.src.Blocks); i++ {
		if t := targetOf(i); t > 0 {
			at := lineStart(tgt.Source, tgt.Blocks[t-1].Start)
			// A marker standing above the block belongs to it: insert before the marker.
			for at > 0 {
				prev := lineStart(tgt.Source, at-1)
				if !bytes.HasPrefix(bytes.TrimSpace(tgt.Source[prev:at]), []byte("<!--")) {
					break
				}
				at = prev
			}
			return edit{at, at, text + "\n\n"}, true
		}
	}
	end := len(bytes.TrimRight(tgt.Source, "\n"))
	return edit{end, end, "\n\n" + text}, end > 0
}

// blockPrefix is the Markdown that opens a drafted block of blk's kind.
func blockPrefix(blk *release.Block) string {
	switch blk.Kind {
	case release.Heading:
		return strings.Repeat("#", max(blk.Level, 1)) + " "
	case release.ListItem:
		return "- "
	}
	return ""
}

// blockEnd returns the file offset just after the last text byte of b.
func blockEnd(b *release.Block) int { return b.FileOffset(len(b.Text)) }

// lineEnd returns the offset of the newline ending the line holding off (or the end of src).
func lineEnd(src []byte, off int) int {
	if i := bytes.IndexByte(src[off:], '\n'); i >= 0 {
		return off + i
	}
	return len(src)
}

// lineStart returns the offset of the start of the line holding off.
func lineStart(src []byte, off int) int { return bytes.LastIndexByte(src[:off], '\n') + 1 }

// markDeleted marks the translated sentences that no English sentence aligns with, when English sentences were
// deleted: the translator decides whether the translation goes too. A marker names the deleted English when
// only one sentence was deleted.
func (d *drafter) markDeleted(tgt *release.Document, bt *bitext.Bitext, made *asMade, deleted []Change, res *Result) []edit {
	if len(deleted) == 0 {
		return nil
	}
	note := "the English no longer has this sentence: delete its translation, then accept it with relloc review"
	if len(deleted) == 1 {
		note = fmt.Sprintf("the English no longer has %q: delete its translation, then accept it with relloc review", clip(deleted[0].Old, 12))
	}
	var out []edit
	marked := map[*release.Block]bool{}
	for _, seg := range bt.Segments {
		side := seg.Side(d.lang)
		if side == nil || (seg.Side(d.in.Source) != nil && d.realSide(made, seg.Side(d.in.Source)) != nil) {
			continue
		}
		if seg.Block == "" { // a whole translated block without English: one marker above it
			if marked[side.Block] {
				continue
			}
			marked[side.Block] = true
		}
		a := side.Block.FileOffset(side.Start)
		if removedMarkerAt(tgt, a) {
			res.Marked++ // by an earlier update
			continue
		}
		out = append(out, d.withMarker(tgt, side, a, a, "", Marker{Kind: Removed, Note: note}.String())...)
		res.Removed++
	}
	return out
}

// removedMarkerAt reports whether a removed marker stands right before file offset a of tgt (inline, or on
// the line above).
func removedMarkerAt(tgt *release.Document, a int) bool {
	ms, cs := Markers(tgt)
	for i, m := range ms {
		if m.Kind == Removed && cs[i].End <= a && len(bytes.TrimSpace(tgt.Source[cs[i].End:a])) == 0 {
			return true
		}
	}
	return false
}

// clip keeps the first n words of s.
func clip(s string, n int) string {
	f := strings.Fields(s)
	if len(f) <= n {
		return s
	}
	return strings.Join(f[:n], " ") + " …"
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

// applyEdits applies non-overlapping edits to a copy of src. Insertions at one offset keep their order.
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

// sourceTable writes the [source] table of a record.
func sourceTable(entries []entry) string {
	var b strings.Builder
	b.WriteString("[source]\n")
	for _, e := range entries {
		fmt.Fprintf(&b, "%s = %s\n", tomlString(e.digest), tomlString(e.text))
	}
	return b.String()
}

// frontBounds returns the offsets of the line after the opening "+++" of src's front matter and of its closing
// "+++" line; ok is false when src has no closed front matter.
func frontBounds(src []byte) (start, closing int, ok bool) {
	isFence := func(l []byte) bool { return string(bytes.TrimRight(l, " \t\r\n")) == "+++" }
	lines := bytes.SplitAfter(src, []byte("\n"))
	if len(lines) == 0 || !isFence(lines[0]) {
		return 0, 0, false
	}
	off := len(lines[0])
	for _, l := range lines[1:] {
		if isFence(l) {
			return len(lines[0]), off, true
		}
		off += len(l)
	}
	return 0, 0, false
}

// setSource returns src with its front matter's [source] table replaced by entries (added when absent; a front
// matter is added when the file has none). Nothing else of the file changes.
func setSource(src []byte, entries []entry) []byte {
	tbl := sourceTable(entries)
	first, closing, ok := frontBounds(src)
	if !ok {
		if bytes.HasPrefix(src, []byte("+++")) {
			return src // an unclosed front matter is reported by the parser; leave the file alone
		}
		return append([]byte("+++\n"+tbl+"+++\n\n"), src...)
	}
	start, end := -1, -1
	for off := first; off < closing; {
		n := bytes.IndexByte(src[off:], '\n') + 1
		t := string(bytes.TrimSpace(src[off : off+n]))
		switch {
		case start < 0 && t == "[source]":
			start = off
		case start >= 0 && end < 0 && strings.HasPrefix(t, "["):
			end = off
		}
		off += n
	}
	var out bytes.Buffer
	if start >= 0 {
		if end < 0 {
			end = closing
		}
		out.Write(src[:start])
		out.WriteString(tbl)
		if end < closing {
			out.WriteString("\n")
		}
		out.Write(src[end:])
		return out.Bytes()
	}
	out.Write(src[:closing])
	if closing > first && string(src[closing-2:closing]) != "\n\n" {
		out.WriteString("\n")
	}
	out.WriteString(tbl)
	out.Write(src[closing:])
	return out.Bytes()
}

// setStatus returns src with its front matter's status set to status: the status line replaced, or a line
// added before the first table. A file without front matter is returned unchanged.
func setStatus(src []byte, status string) []byte {
	first, closing, ok := frontBounds(src)
	if !ok {
		return src
	}
	line := "status = " + tomlString(status) + "\n"
	insert := -1
	for off := first; off < closing; {
		n := bytes.IndexByte(src[off:], '\n') + 1
		t := bytes.TrimSpace(src[off : off+n])
		key, _, found := bytes.Cut(t, []byte("="))
		switch {
		case found && string(bytes.TrimSpace(key)) == "status":
			return append(append(append([]byte{}, src[:off]...), line...), src[off+n:]...)
		case bytes.HasPrefix(t, []byte("[")) && insert < 0:
			insert = off
			// keep the blank line that separates the keys from the table
			for insert > first && bytes.Equal(bytes.TrimSpace(src[lineStart(src, insert-1):insert]), nil) {
				insert = lineStart(src, insert-1)
			}
		}
		off += n
	}
	if insert < 0 {
		insert = closing
	}
	return append(append(append([]byte{}, src[:insert]...), line...), src[insert:]...)
}
