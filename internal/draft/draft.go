package draft

import (
	"errors"
	"fmt"
	"math"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/bitext"
	"github.com/relloc/relloc/internal/catalog"
	"github.com/relloc/relloc/internal/glossary"
	"github.com/relloc/relloc/internal/release"
	"github.com/relloc/relloc/internal/tm"
)

// Input is what drafting a translation needs, already loaded.
type Input struct {
	Release *release.Release
	Source  language.Tag // the English
	Lang    language.Tag // the language to draft
	// Glossary gives the renderings of terms; Anchors must have been built from it with Source among its
	// languages.
	Glossary *glossary.Glossary
	Anchors  *bitext.Anchors
	// Catalog renders the boilerplate; nil drafts without it. Messages lists the message ids to look for
	// (nil: DefaultMessages).
	Catalog  *catalog.Catalog
	Messages []string
	// Memory is the translation memory (a tm.Memory, or one kept in the workspace's index), possibly holding
	// Release itself: the drafter leaves Release out. nil drafts without memory.
	Memory tm.Source
	// Threshold is the score a fuzzy match needs (0: tm.DefaultThreshold).
	Threshold float64
}

// Segment says how one English sentence was drafted.
type Segment struct {
	ID    string // the English sentence id, "b6.s2"
	Kind  Kind
	Score float64 // of the memory match, for Exact and Fuzzy
	// Release and From name the memory unit a match came from; Message the catalogue message used.
	Release, From, Message string
}

// Result is a drafted or updated file.
type Result struct {
	Data     []byte
	Segments []Segment // the sentences drafted, in document order
	// Stamped is true when Update found an untracked translation and only recorded its source digests.
	Stamped bool
	// Unplaced lists stale sentences that Update could not place in the translation; they stay stale.
	Unplaced []string
	// Full is true when Update found an empty or missing translation and drafted it whole.
	Full bool
	// Removed counts the translated sentences Update marked because their English was deleted.
	Removed int
	// Marked counts the changes Update found marked already by an earlier update, and left as they were.
	Marked int
}

// Count returns how many sentences were drafted with kind k.
func (r *Result) Count(k Kind) int {
	n := 0
	for _, s := range r.Segments {
		if s.Kind == k {
			n++
		}
	}
	return n
}

// drafter holds what one Draft or Update call works with.
type drafter struct {
	in    Input
	lang  language.Tag
	src   *release.Document
	forms []formula
	mem   tm.Source
	// ids makes markers name the English sentence they are for, so that relloc review --accept can clear one
	// sentence's marker; every drafter sets it (it is a field so that a caller could turn it off).
	ids bool
	// found holds the memory's best match of each sentence text that prefetch looked up; catalogued what
	// catalogue made of each text it was asked, which prefetch asks first.
	found      map[string]lookup
	catalogued map[string]catalogued
}

// lookup is the memory's best match of a text, if any (tm.Source.Best).
type lookup struct {
	match tm.Match
	ok    bool
}

// catalogued is what catalogue returns for a text.
type catalogued struct {
	out        string
	review, ok bool
}

func newDrafter(in Input) (*drafter, error) {
	if in.Release == nil {
		return nil, errors.New("draft: no release")
	}
	if in.Lang == in.Source {
		return nil, fmt.Errorf("draft: %s is the source language", in.Lang)
	}
	if in.Anchors == nil {
		in.Anchors = bitext.NewAnchors(in.Glossary, in.Source, []language.Tag{in.Source, in.Lang})
	}
	if in.Glossary == nil {
		in.Glossary = glossary.New(nil)
	}
	src := in.Release.Doc(in.Source)
	if src == nil {
		return nil, fmt.Errorf("draft %s: the release has no %s text", in.Release.ID, in.Source)
	}
	d := &drafter{in: in, lang: in.Lang, src: src, ids: true}
	if in.Memory != nil {
		d.mem = in.Memory.Without(in.Release.ID)
	}
	d.forms = d.formulas()
	return d, nil
}

// Draft writes a new translation of in.Release into in.Lang and returns its bytes; see the package
// documentation for what it holds.
func Draft(in Input) (*Result, error) {
	d, err := newDrafter(in)
	if err != nil {
		return nil, err
	}
	d.prefetch(d.src.Blocks)
	res := &Result{}
	var b strings.Builder
	b.WriteString(d.frontMatter(table(Sentences(d.src), nil, Record{})))
	for _, blk := range d.src.Blocks {
		b.WriteString("\n")
		body, marker, segs := d.block(blk)
		res.Segments = append(res.Segments, segs...)
		if marker != "" {
			b.WriteString(marker + "\n")
		}
		switch blk.Kind {
		case release.Heading:
			b.WriteString(strings.Repeat("#", max(blk.Level, 1)) + " ")
		case release.ListItem:
			b.WriteString("- ")
		}
		b.WriteString(body + "\n")
	}
	res.Data = []byte(b.String())
	return res, nil
}

// frontMatter writes the draft's front matter: the English's id, date and place, status "draft" and the record
// of the English it was made from.
func (d *drafter) frontMatter(entries []entry) string {
	var b strings.Builder
	b.WriteString("+++\n")
	r := d.in.Release
	id := r.ID
	if d.src.Front.ID != "" {
		id = d.src.Front.ID
	}
	fmt.Fprintf(&b, "id = %s\n", tomlString(id))
	if !r.Date.IsZero() {
		fmt.Fprintf(&b, "date = %s\n", r.Date.Format("2006-01-02"))
	}
	if r.Place != "" {
		fmt.Fprintf(&b, "place = %s\n", tomlString(r.Place))
	}
	b.WriteString("status = \"draft\"\n\n")
	b.WriteString(sourceTable(entries))
	b.WriteString("+++\n")
	return b.String()
}

// block drafts one English block. It returns the block's text, the marker to put on the line above it (for its
// first sentence) and how each sentence was drafted.
func (d *drafter) block(blk *release.Block) (body, marker string, segs []Segment) {
	sents := blockSentences(d.in.Source, blk)
	if body, marker, kind, ok := d.catalogueBlock(blk, sents); ok {
		for _, s := range sents {
			segs = append(segs, Segment{ID: s.ID, Kind: kind})
		}
		return body, marker, segs
	}
	var text string
	for i, s := range sents {
		out, m, seg := d.sentence(s)
		segs = append(segs, seg)
		if m != "" {
			if i == 0 {
				marker = m
			} else {
				out = m + out
			}
		}
		text = joinSentences(d.lang, text, out)
	}
	return text, marker, segs
}

// catalogueBlock drafts blk whole from the catalogue when it is a block of several lines whose every line is a
// catalogue message (the letterhead) or one message (the ministry over two lines, a document type, a
// dateline): its text, the marker of its first sentence and the kind of each of its sentences.
func (d *drafter) catalogueBlock(blk *release.Block, sents []Sentence) (body, marker string, kind Kind, ok bool) {
	if lines := strings.Split(blk.Text, "\n"); len(lines) > 1 {
		var outs []string
		off := 0
		review := false
		for _, l := range lines {
			s, rv, ok := d.catalogue(l)
			if !ok {
				outs = nil
				break
			}
			review = review || rv
			outs = append(outs, wrapStrong(blk, off, off+len(l), s))
			off += len(l) + 1
		}
		if outs != nil {
			kind := Catalogue
			if review {
				kind, marker = Translate, d.marker(Marker{Kind: Translate}, firstID(sents))
			}
			return strings.Join(outs, "\\\n"), marker, kind, true
		}
	}
	if s, review, ok := d.catalogue(blk.Text); ok {
		kind := Catalogue
		if review {
			kind, marker = Translate, d.marker(Marker{Kind: Translate}, firstID(sents))
		}
		return wrapStrong(blk, 0, len(blk.Text), s), marker, kind, true
	}
	return "", "", 0, false
}

// sentence drafts one English sentence: from the catalogue, the memory or the English itself. It returns the
// text and the marker to put before it ("" for none).
func (d *drafter) sentence(s Sentence) (string, string, Segment) {
	text := foldSpace(s.Text())
	seg := Segment{ID: s.ID}
	if out, review, ok := d.catalogue(text); ok {
		seg.Kind = Catalogue
		if review {
			seg.Kind = Translate
			return out, d.marker(Marker{Kind: Translate}, s.ID), seg
		}
		return out, "", seg
	}
	if d.mem != nil {
		if m, ok := d.best(text); ok {
			seg.Score, seg.Release, seg.From = m.Score, m.Release, m.Segment
			out := foldSpace(m.Target)
			if m.Exact {
				seg.Kind = Exact
				return out, "", seg
			}
			seg.Kind = Fuzzy
			pct := int(math.Floor(m.Score * 100))
			return out, d.marker(Marker{Kind: Fuzzy, Score: pct, Release: m.Release, Segment: m.Segment}, s.ID), seg
		}
	}
	seg.Kind = Translate
	return d.renderEnglish(text), d.marker(Marker{Kind: Translate}, s.ID), seg
}

// best returns the memory's best match of text: the one prefetch found, or else a lookup now.
func (d *drafter) best(text string) (tm.Match, bool) {
	if l, ok := d.found[text]; ok {
		return l.match, l.ok
	}
	return d.mem.Best(text, d.lang.String(), d.in.Threshold)
}

// prefetch looks up in the memory the text of every sentence of blocks that sentence will look up (block
// drafts it sentence by sentence and the catalogue does not render it), GOMAXPROCS lookups at a time, for best
// to find: the lookups are independent of each other (a tm.Source is safe for concurrent lookups, an index's
// each reading on a connection of its own), and they are most of a draft's time.
func (d *drafter) prefetch(blocks []*release.Block) {
	if d.mem == nil {
		return
	}
	var texts []string
	seen := map[string]bool{}
	for _, blk := range blocks {
		sents := blockSentences(d.in.Source, blk)
		if _, _, _, ok := d.catalogueBlock(blk, sents); ok {
			continue
		}
		for _, s := range sents {
			text := foldSpace(s.Text())
			if _, _, ok := d.catalogue(text); !ok && !seen[text] {
				seen[text] = true
				texts = append(texts, text)
			}
		}
	}
	found := make([]lookup, len(texts))
	var (
		next atomic.Int64
		wg   sync.WaitGroup
	)
	for range min(runtime.GOMAXPROCS(0), len(texts)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1)) - 1; i < len(texts); i = int(next.Add(1)) - 1 {
				found[i].match, found[i].ok = d.mem.Best(texts[i], d.lang.String(), d.in.Threshold)
			}
		}()
	}
	wg.Wait()
	d.found = make(map[string]lookup, len(texts))
	for i, t := range texts {
		d.found[t] = found[i]
	}
}

// marker writes m, naming the English sentence id when the drafter's markers carry ids.
func (d *drafter) marker(m Marker, id string) string {
	if d.ids {
		m.ID = id
	}
	return m.String()
}

// wrapStrong puts s in ** when the English text [start, end) of blk is wholly strong.
func wrapStrong(blk *release.Block, start, end int, s string) string {
	for _, m := range blk.Markup {
		if m.Kind == "strong" && m.Start <= start && m.End >= end {
			return "**" + s + "**"
		}
	}
	return s
}

// tomlString writes s as a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, "\\u%04X", r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// firstID returns the id of the first of sents, or "".
func firstID(sents []Sentence) string {
	if len(sents) == 0 {
		return ""
	}
	return sents[0].ID
}
