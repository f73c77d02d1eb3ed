package bitext

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/align"
	"github.com/relloc/relloc/internal/glossary"
	"github.com/relloc/relloc/internal/release"
	"github.com/relloc/relloc/internal/segment"
)

var (
	en, km, ja = language.English, language.Khmer, language.Japanese
	targets    = []language.Tag{km, ja}
)

const seedDir = "../../releases/2021-11-18-prak-sokhonn-hayashi-telephone"

// loadSeed reads the repository's seed release and glossary, with the Khmer file passed through edit.
func loadSeed(t testing.TB, editKm func(string) string) (*release.Release, *Anchors) {
	t.Helper()
	var files []release.File
	for _, lang := range []language.Tag{en, km, ja} {
		b, err := os.ReadFile(filepath.Join(seedDir, lang.String()+".md"))
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		if lang == km && editKm != nil {
			s = editKm(s)
		}
		files = append(files, release.File{Path: lang.String() + ".md", Lang: lang, Data: []byte(s)})
	}
	r, err := release.Parse("2021-11-18-seed", en, files)
	if err != nil {
		t.Fatal(err)
	}
	g, err := glossary.Load("../../glossary", glossary.Options{Targets: targets}, func(s string) string { return s })
	if err != nil {
		t.Fatal(err)
	}
	return r, NewAnchors(g, en, []language.Tag{en, km, ja})
}

func TestSeedAlignment(t *testing.T) {
	r, a := loadSeed(t, nil)
	bt := Align(r, en, targets, a)
	var n int
	for _, s := range bt.Segments {
		src := s.Side(en)
		if src == nil {
			t.Errorf("segment %s has no English side", s.ID)
			continue
		}
		n += src.Sentences
		for _, lang := range targets {
			if s.Side(lang) == nil {
				t.Errorf("segment %s (%q) has no %s side", s.ID, clip(src.Text()), lang)
			}
		}
		// No segment starts or ends inside "H.E.".
		text := src.Text()
		if strings.HasPrefix(text, "E.") || strings.HasSuffix(text, " H.") || strings.HasSuffix(text, "H.E") {
			t.Errorf("segment %s cuts H.E.: %q", s.ID, text)
		}
	}
	// The paragraph that begins "The two Foreign Ministers" is five English sentences, each with its own segment.
	var five []*Segment
	for _, s := range bt.Segments {
		if strings.HasPrefix(s.Side(en).Block.Text, "The two Foreign Ministers") {
			five = append(five, s)
		}
	}
	if len(five) != 5 {
		t.Fatalf("paragraph 'The two Foreign Ministers' has %d segments, want 5", len(five))
	}
	for _, s := range five {
		if s.Side(en).Sentences != 1 {
			t.Errorf("%s joins %d English sentences", s.ID, s.Side(en).Sentences)
		}
		for _, lang := range targets {
			if s.Side(lang) == nil || s.Side(lang).Sentences != 1 {
				t.Errorf("%s: %s side is not one sentence", s.ID, lang)
			}
		}
	}
	// Every English sentence is in exactly one segment.
	want := 0
	for _, b := range r.Doc(en).Blocks {
		want += len(segment.Sentences(en, b.Text))
	}
	if n != want || n != 19 {
		t.Errorf("segments cover %d English sentences, want %d (the seed has 19)", n, want)
	}
}

func TestSeedKhmerParagraphDeleted(t *testing.T) {
	r, a := loadSeed(t, nil)
	before := Align(r, en, targets, a)
	// Delete the Khmer paragraph that translates "He expressed gratitude to Japan ...".
	r2, a2 := loadSeed(t, func(s string) string {
		start := strings.Index(s, "ឯកឧត្តមឧបនាយករដ្ឋមន្ត្រី បានថ្លែងអំណរគុណ")
		if start < 0 {
			t.Fatal("paragraph not found")
		}
		end := start + strings.Index(s[start:], "\n\n") + 2
		return s[:start] + s[end:]
	})
	after := Align(r2, en, targets, a2)
	if len(after.Segments) != len(before.Segments) {
		t.Fatalf("got %d segments, want %d", len(after.Segments), len(before.Segments))
	}
	deleted := 0
	for i, s := range after.Segments {
		b := before.Segments[i]
		if s.ID != b.ID {
			t.Fatalf("segment %d: id %s, want %s", i, s.ID, b.ID)
		}
		if strings.HasPrefix(s.Side(en).Block.Text, "He expressed gratitude") {
			deleted++
			if s.Side(km) != nil {
				t.Errorf("%s: Khmer side is %q, want null", s.ID, s.Side(km).Text())
			}
			if s.Side(ja) == nil {
				t.Errorf("%s: Japanese side lost", s.ID)
			}
			continue
		}
		for _, lang := range targets {
			if s.Side(lang) == nil || s.Side(lang).Text() != b.Side(lang).Text() {
				t.Errorf("%s: %s side changed after deleting another block", s.ID, lang)
			}
		}
	}
	if deleted != 1 {
		t.Errorf("found %d segments of the deleted block, want 1", deleted)
	}
	// The block alignment says so too.
	var nullKm int
	for _, l := range after.Blocks[km] {
		if l.Target == 0 {
			nullKm++
		}
	}
	if nullKm != 1 {
		t.Errorf("got %d English blocks without Khmer, want 1", nullKm)
	}
}

func clip(s string) string {
	if len(s) > 60 {
		return s[:60] + "..."
	}
	return s
}

func TestAlignWithinRefuses(t *testing.T) {
	en1 := "# Press Release\n\nThe two Ministers held a meeting. They discussed trade. They agreed to meet again.\n"
	ja1 := "# 報道発表\n\n両大臣は会談を行った。両大臣は貿易について議論し、再び会うことで一致した。\n"
	r, err := release.Parse("2021-01-04-large", en, []release.File{
		{Path: "en.md", Lang: en, Data: []byte(en1)},
		{Path: "ja.md", Lang: ja, Data: []byte(ja1)},
	})
	if err != nil {
		t.Fatal(err)
	}
	a := NewAnchors(nil, en, []language.Tag{en, ja})
	// Blocks: 3×3 cells fit a limit of 9; the sentences of the second paragraph, 4×3, do not.
	bt := AlignWithin(r, en, []language.Tag{ja}, a, 9)
	if len(bt.Refused) != 1 || bt.Refused[0] != (Refusal{Lang: ja, Block: 2, Src: 3, Tgt: 2, Cells: 12, Limit: 9}) {
		t.Fatalf("got refusals %+v, want one of paragraph 2: 3 against 2 sentences, 12 cells, limit 9", bt.Refused)
	}
	if bt.Unaligned(ja) {
		t.Error("Unaligned(ja) is true, but the blocks were aligned")
	}
	last := bt.Segments[len(bt.Segments)-1]
	if last.Side(en).Sentences != 3 || last.Side(ja) == nil || last.Side(ja).Sentences != 2 {
		t.Errorf("the refused paragraph is not one segment of 3 English and 2 Japanese sentences: %+v", last)
	}
	// A limit of 4 refuses the blocks themselves: Japanese then has no segments at all.
	bt = AlignWithin(r, en, []language.Tag{ja}, a, 4)
	if !bt.Unaligned(ja) || len(bt.Refused) != 1 || bt.Refused[0].Block != 0 {
		t.Fatalf("got refusals %+v, want the Japanese document's blocks refused", bt.Refused)
	}
	for _, s := range bt.Segments {
		if s.Side(ja) != nil {
			t.Errorf("segment %s has a Japanese side after the blocks were refused", s.ID)
		}
	}
	// The default limit aligns it.
	if bt := Align(r, en, []language.Tag{ja}, a); len(bt.Refused) != 0 {
		t.Errorf("Align refused %+v", bt.Refused)
	}
}

// TestAlignTitle: the title line of a list item ("1. Introduction" with the item's text on the next lines, as
// official readouts write it) is a segment of its own, against the title of the translation, not the head of
// the item's first sentence.
func TestAlignTitle(t *testing.T) {
	en1 := "1. Introduction\n   Minister Tanaka stated that he would like to strengthen the bilateral relations further. He also expressed his appreciation for Cambodia's cooperation.\n"
	ja1 := "1. 冒頭\n   田中大臣は、両国関係を更に強化していきたい旨述べました。また、田中大臣は、カンボジアの協力に謝意を表明しました。\n"
	r, err := release.Parse("2021-01-04-title", en, []release.File{
		{Path: "en.md", Lang: en, Data: []byte(en1)},
		{Path: "ja.md", Lang: ja, Data: []byte(ja1)},
	})
	if err != nil {
		t.Fatal(err)
	}
	bt := Align(r, en, []language.Tag{ja}, NewAnchors(nil, en, []language.Tag{en, ja}))
	var got [][2]string
	for _, s := range bt.Segments {
		var pair [2]string
		if side := s.Side(en); side != nil {
			pair[0] = side.Text()
		}
		if side := s.Side(ja); side != nil {
			pair[1] = side.Text()
		}
		got = append(got, pair)
	}
	if len(got) != 3 || got[0] != [2]string{"Introduction", "冒頭"} {
		t.Errorf("segments %q, want three, the first Introduction against 冒頭", got)
	}
}

// BenchmarkAlignSeed aligns the repository's seed release (English, Khmer, Japanese) with the workspace glossary,
// as check does for each release: a fresh release view of the anchors each time, the matchers built once.
func BenchmarkAlignSeed(b *testing.B) {
	r, anchors := loadSeed(b, nil)
	b.ReportAllocs()
	for b.Loop() {
		if bt := Align(r, en, targets, anchors.ForRelease()); len(bt.Segments) == 0 {
			b.Fatal("no segments")
		}
	}
}

// TestMeasured: the lengths that measured reads in one pass over a block are align.Length of the block and of
// each sentence, over the seed release's blocks in every language.
func TestMeasured(t *testing.T) {
	r, _ := loadSeed(t, nil)
	several := 0
	for _, lang := range []language.Tag{en, km, ja} {
		for _, b := range r.Doc(lang).Blocks {
			ss, lens, blockLen := measured(lang, b)
			if want := align.Length(b.Text); blockLen != want {
				t.Errorf("%s block %d: length %d, want %d", lang, b.Index, blockLen, want)
			}
			for i, s := range ss {
				if want := align.Length(b.Text[s.start:s.end]); lens[i] != want {
					t.Errorf("%s block %d sentence %d: length %d, want %d", lang, b.Index, i, lens[i], want)
				}
			}
			if len(ss) > 1 {
				several++
			}
		}
	}
	if several == 0 {
		t.Error("no block has several sentences: the test does not reach the sums")
	}
}
