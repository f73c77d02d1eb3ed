package draft

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"unicode"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/glossary"
	"github.com/relloc/relloc/internal/localefmt"
	"github.com/relloc/relloc/internal/release"
	"github.com/relloc/relloc/internal/tm"
)

func TestDigest(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"He met the Minister.", "He met the Minister.", true},
		{"He met the\nMinister.", "  He met   the Minister. ", true},
		{"Café", "Cafe\u0301", true}, // NFC
		{"He met the Minister.", "He met the minister.", false},
		{"He met the Minister.", "He met the Minister", false},
	}
	for _, tt := range tests {
		got := Digest(tt.a) == Digest(tt.b)
		if got != tt.same || len(Digest(tt.a)) != 16 {
			t.Errorf("Digest(%q) == Digest(%q): got %v (%s, %s), want %v", tt.a, tt.b, got, Digest(tt.a), Digest(tt.b), tt.same)
		}
	}
}

func TestParseMarker(t *testing.T) {
	tests := []struct {
		text string
		ok   bool
		want Marker
	}{
		{"relloc-draft translate", true, Marker{Kind: Translate}},
		{"relloc-draft fuzzy 87%: from 2021-11-18-x b6.s2", true, Marker{Kind: Fuzzy, Score: 87, Release: "2021-11-18-x", Segment: "b6.s2"}},
		{"relloc-draft fuzzy b9.s1 87%: from 2021-11-18-x b6.s2", true, Marker{Kind: Fuzzy, Score: 87, Release: "2021-11-18-x", Segment: "b6.s2", ID: "b9.s1"}},
		{"relloc-draft translate b9.s1", true, Marker{Kind: Translate, ID: "b9.s1"}},
		{"relloc-draft revise b8.s1: USD [-30-]{+35+} million", true, Marker{Kind: Revise, ID: "b8.s1", Note: "USD [-30-]{+35+} million"}},
		{"relloc-draft removed: the English no longer has it", true, Marker{Kind: Removed, Note: "the English no longer has it"}},
		{"relloc-draft", true, Marker{Kind: Translate}},
		{"relloc-drafted", false, Marker{}},
		{"relloc-ignore stale: reason", false, Marker{}},
		{"a note", false, Marker{}},
	}
	for _, tt := range tests {
		got, ok := ParseMarker(tt.text)
		if ok != tt.ok || got != tt.want {
			t.Errorf("ParseMarker(%q): got %+v, %v, want %+v, %v", tt.text, got, ok, tt.want, tt.ok)
		}
		if ok {
			if back, _ := ParseMarker(strings.TrimSuffix(strings.TrimPrefix(got.String(), "<!-- "), " -->")); back != got {
				t.Errorf("round trip of %+v: got %+v", got, back)
			}
		}
	}
}

// TestFoldSpace checks that a text already folded is given back as it is and any other folded as before, on
// random texts of letters and white space of several kinds (a no-break space, an ideographic space, a line
// break, a tab).
func TestFoldSpace(t *testing.T) {
	pieces := []string{"a", "ក", "日", " ", "  ", "\n", "\t", "\u00a0", "\u3000", "\u0085", "\u1680", "\u2028", "\u2003", "\u202f", "\r", "\v", "\xff", "\xc2", "\xe2\x80", "\xe1\x9a",
		"\xe3\x80"}
	r := rand.New(rand.NewPCG(3, 4))
	for range 5000 {
		var b strings.Builder
		for range r.IntN(8) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		want := strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
		if got := foldSpace(s); got != want {
			t.Fatalf("foldSpace(%q) = %q, want %q", s, got, want)
		}
		if got := spaceFolded(s); got != (s == want) {
			t.Fatalf("spaceFolded(%q) = %v, want %v", s, got, s == want)
		}
	}
}

// TestSpaceFoldedEveryRune checks spaceFolded on every code point between two letters: folded unless it is
// white space (unicode.IsSpace), as foldSpace has it.
func TestSpaceFoldedEveryRune(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		s := "a" + string(r) + "a"
		if got, want := spaceFolded(s), strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ") == s; got != want {
			t.Errorf("spaceFolded(%q) = %v, want %v", s, got, want)
		}
	}
}

// foldFor compares block texts across line breaks: Japanese drops white space, Khmer and English fold it.
func foldFor(lang language.Tag, s string) string {
	if lang == ja {
		return strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) {
				return -1
			}
			return r
		}, s)
	}
	return foldSpace(s)
}

// TestDraftSeed is the acceptance test: the seed release drafted with its own translations out of the memory.
func TestDraftSeed(t *testing.T) {
	w := loadRepo(t)
	seed := w.release(t, seedID)
	mem := w.memory(w.releases)
	src := seed.Doc(en)
	for _, lang := range []language.Tag{km, ja} {
		t.Run(lang.String(), func(t *testing.T) {
			res, err := Draft(w.input(seed, lang, mem))
			if err != nil {
				t.Fatal(err)
			}
			if n := res.Count(Exact) + res.Count(Fuzzy); n != 0 {
				t.Errorf("got %d sentences from memory, want 0: the seed must be left out of its own memory", n)
			}
			d, err := release.ParseDocument("draft.md", lang, res.Data)
			if err != nil {
				t.Fatalf("the draft does not parse: %v\n%s", err, res.Data)
			}
			if d.Front.Status != "draft" || d.Front.ID != seedID || d.Front.Place != "Phnom Penh" || d.Front.Date.String() != "2021-11-18" {
				t.Errorf("front matter: got %+v", d.Front)
			}
			for _, s := range Sentences(src) {
				if got, want := d.Front.Source[Digest(s.Text())], foldSpace(s.Text()); got != want {
					t.Errorf("[source] of %s: got %q, want %q", s.ID, got, want)
				}
			}
			if got, want := len(d.Front.Source), len(Digests(src)); got != want {
				t.Errorf("[source] holds %d sentences, want %d", got, want)
			}
			if len(d.Blocks) != len(src.Blocks) {
				t.Fatalf("got %d blocks, want the English's %d", len(d.Blocks), len(src.Blocks))
			}
			committed := seed.Doc(lang)
			for i, b := range d.Blocks {
				if b.Kind != src.Blocks[i].Kind || b.Level != src.Blocks[i].Level {
					t.Errorf("block %d: got %s %d, want %s %d", i+1, b.Kind, b.Level, src.Blocks[i].Kind, src.Blocks[i].Level)
				}
			}
			// Letterhead, ministry, document type, dateline and place-and-date line: those of the committed
			// translation.
			for _, i := range []int{0, 1, 2, 4, len(d.Blocks) - 1} {
				if got, want := foldFor(lang, d.Blocks[i].Text), foldFor(lang, committed.Blocks[i].Text); got != want {
					t.Errorf("block %d: got %q, want the committed %q", i+1, got, want)
				}
			}
			// The title formula and the dateline come from the catalogue with the date written for the language.
			date, _ := localefmt.Date(lang, seed.Date, localefmt.Prose)
			onDate, _ := w.catalog.Localize(lang, "formula.on-date", map[string]any{"Date": date})
			if got := d.Blocks[4].Text; got != onDate || !strings.Contains(committed.Blocks[4].Text, date) {
				t.Errorf("dateline: got %q, want %q with the committed date of %q", got, onDate, committed.Blocks[4].Text)
			}
			frame, _ := w.catalog.Localize(lang, "formula.telephone-conversation", map[string]any{"A": "\x00", "B": "\x00"})
			title := d.Blocks[3].Text
			for _, lit := range strings.Split(frame, "\x00") {
				if !strings.Contains(title, strings.TrimSpace(lit)) {
					t.Errorf("title %q lacks the formula's %q", title, lit)
				}
			}
			// Every date and number written for the language.
			body := bodyText(d)
			if lang == km && strings.ContainsAny(body, "0123456789") {
				t.Errorf("ASCII digits left in the Khmer draft: %q", body)
			}
			if ms := localefmt.FindEnglishDates(body); len(ms) > 0 {
				t.Errorf("English dates left in the draft: %q", body[ms[0].Start:ms[0].End])
			}
			// Every required glossary term of the English rendered.
			for _, m := range w.anchors.Matcher(en).FindAll(bodyText(src)) {
				e, _ := w.glossary.Lookup(m.ID)
				r := e.Target(lang)
				if m.Form == "forbidden" || r.Policy == glossary.Omit || r.Policy == glossary.Optional || r.Term == "" {
					continue
				}
				if !strings.Contains(body, r.Term) {
					t.Errorf("glossary term %s (%q) not rendered as %q", m.ID, bodyText(src)[m.Start:m.End], r.Term)
				}
			}
			// Every other sentence marked: each marker precedes a block or sentence still in English.
			markers, comments := Markers(d)
			if got, want := len(markers), res.Count(Translate); got != want {
				t.Errorf("got %d markers, want one per sentence to translate (%d)", got, want)
			}
			for i, b := range d.Blocks {
				if i < 3 || i == 4 || i == len(d.Blocks)-1 {
					continue
				}
				first, _ := d.Position(b.Start)
				if !hasMarkerBefore(comments, first) {
					t.Errorf("block %d (%q) is not marked", i+1, b.Text)
				}
			}
		})
	}
}

// bodyText joins the texts of d's blocks.
func bodyText(d *release.Document) string {
	var parts []string
	for _, b := range d.Blocks {
		parts = append(parts, b.Text)
	}
	return strings.Join(parts, "\n")
}

func hasMarkerBefore(cs []release.Comment, line int) bool {
	for _, c := range cs {
		if c.Line == line-1 || c.Line == line {
			return true
		}
	}
	return false
}

// TestDraftFromMemory drafts a second release that repeats sentences of the seed: they are filled from the
// memory, exactly or fuzzily.
func TestDraftFromMemory(t *testing.T) {
	w := loadRepo(t)
	seed := w.release(t, seedID)
	src := seed.Doc(en)
	exact := Sentences(src)[7].Text() // "He expressed gratitude to Japan ..."
	fuzzy := strings.Replace(Sentences(src)[6].Text(), "important contribution", "major contribution", 1)
	en2 := "+++\nid = \"2022-01-10-second\"\ndate = 2022-01-10\nplace = \"Phnom Penh\"\n+++\n\n# PRESS RELEASE\n\n" +
		exact + " " + fuzzy + " The two sides will meet again in March 2022.\n"
	r, err := release.Parse("releases/2022-01-10-second", en, []release.File{{Path: "releases/2022-01-10-second/en.md", Lang: en, Data: []byte(en2)}})
	if err != nil {
		t.Fatal(err)
	}
	mem := w.memory(append([]*release.Release{r}, w.releases...))
	for _, lang := range []language.Tag{km, ja} {
		res, err := Draft(w.input(r, lang, mem))
		if err != nil {
			t.Fatal(err)
		}
		var kinds []string
		for _, s := range res.Segments {
			kinds = append(kinds, s.Kind.String())
		}
		if got, want := strings.Join(kinds, " "), "catalogue exact fuzzy translate"; got != want {
			t.Errorf("%s: got kinds %q, want %q\n%s", lang, got, want, res.Data)
		}
		seg := res.Segments[1]
		if seg.Release != seedID || seg.From != "b7.s1" {
			t.Errorf("%s: exact match from %s %s, want %s b7.s1", lang, seg.Release, seg.From, seedID)
		}
		committed := seed.Doc(lang).Blocks[6].Text
		if !bytes.Contains(res.Data, []byte(foldSpace(committed))) {
			t.Errorf("%s: the committed translation of the repeated sentence %q is not in the draft\n%s", lang, committed, res.Data)
		}
		wantMarker := fmt.Sprintf("<!-- relloc-draft fuzzy %s %d%%: from %s %s -->", res.Segments[2].ID, int(res.Segments[2].Score*100), seedID, res.Segments[2].From)
		if !bytes.Contains(res.Data, []byte(wantMarker)) {
			t.Errorf("%s: no marker %q in\n%s", lang, wantMarker, res.Data)
		}
	}
}

// TestStaleAndUpdate edits one English sentence of the seed: exactly that sentence is stale in km and ja, with
// the English it was made from; Update keeps its translation and puts a revise marker with the word diff above
// it, changes the status to draft and leaves every other byte as it was.
func TestStaleAndUpdate(t *testing.T) {
	w := loadRepo(t)
	files := seedFiles(t, w)
	files[en] = bytes.Replace(files[en], []byte("He expressed gratitude to Japan for continuing"),
		[]byte("He warmly thanked Japan for continuing"), 1)
	r := parseRelease(t, files)
	for _, lang := range []language.Tag{km, ja} {
		tgt := r.Doc(lang)
		changes := Changes(r.Doc(en), ReadRecord(tgt.Front.Source))
		if len(changes) != 1 || changes[0].Kind != Changed || changes[0].Sentence.ID != "b7.s1" ||
			!strings.HasPrefix(changes[0].Old, "He expressed gratitude to Japan for continuing") {
			t.Fatalf("%s: changes %+v, want b7.s1 changed from the recorded English", lang, changes)
		}
		res, err := Update(w.input(r, lang, w.memory(w.releases)))
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Segments) != 1 || res.Segments[0].ID != "b7.s1" || res.Segments[0].Kind != Revise || res.Stamped {
			t.Errorf("%s: updated %+v, want b7.s1 revised only", lang, res.Segments)
		}
		was, now := files[lang], res.Data
		wasFront, wasBody := splitFront(was)
		nowFront, nowBody := splitFront(now)
		wantFront := []string{"-status = \"" + tgt.Front.Status + "\"", "+status = \"draft\""}
		if got := lineDiff(wasFront, nowFront); fmt.Sprint(got) != fmt.Sprint(wantFront) {
			t.Errorf("%s: front matter diff\n got %q\nwant %q", lang, got, wantFront)
		}
		wantBody := []string{"+<!-- relloc-draft revise b7.s1: He [-expressed gratitude to-]{+warmly thanked+} Japan for continuing to … -->"}
		if got := lineDiff(wasBody, nowBody); fmt.Sprint(got) != fmt.Sprint(wantBody) {
			t.Errorf("%s: body diff\n got %q\nwant %q", lang, got, wantBody)
		}
		// The sentence stays stale until the translator accepts it, and the file holds one marker.
		up := parseRelease(t, map[language.Tag][]byte{en: files[en], lang: now})
		if st := Stale(up.Doc(en), ReadRecord(up.Doc(lang).Front.Source)); len(st) != 1 {
			t.Errorf("%s: %d stale sentences after update, want 1", lang, len(st))
		}
		if ms, _ := Markers(up.Doc(lang)); len(ms) != 1 || ms[0].Kind != Revise || ms[0].ID != "b7.s1" {
			t.Errorf("%s: got markers %+v after update, want one revise marker for b7.s1", lang, ms)
		}
	}
}

// seedFiles reads the seed release's files.
func seedFiles(t *testing.T, w *workspace) map[language.Tag][]byte {
	t.Helper()
	dir := filepath.Join(w.root, "releases", seedID)
	files := map[language.Tag][]byte{}
	for _, lang := range langs {
		b, err := os.ReadFile(filepath.Join(dir, lang.String()+".md"))
		if err != nil {
			t.Fatal(err)
		}
		files[lang] = b
	}
	return files
}

// TestUpdateStamps records the digests of an untracked translation and changes nothing else.
func TestUpdateStamps(t *testing.T) {
	w := loadRepo(t)
	enSrc := []byte("# Press Release\n\nThe ministers met. They agreed.\n")
	kmSrc := []byte("+++\nid = \"x\"\n+++\n\n# សេចក្តីប្រកាសព័ត៌មាន\n\nរដ្ឋមន្ត្រីបានជួបគ្នា។ ពួកគេបានឯកភាព។\n")
	r := parseRelease(t, map[language.Tag][]byte{en: enSrc, km: kmSrc})
	res, err := Update(w.input(r, km, nil))
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("+++\nid = \"x\"\n\n[source]\n%q = \"Press Release\"\n%q = \"The ministers met.\"\n%q = \"They agreed.\"\n+++\n\n",
		Digest("Press Release"), Digest("The ministers met."), Digest("They agreed.")) + string(kmSrc[len("+++\nid = \"x\"\n+++\n\n"):])
	if !res.Stamped || string(res.Data) != want {
		t.Errorf("got stamped=%v\n%s\nwant\n%s", res.Stamped, res.Data, want)
	}
}

func newDrafterOrFail(t *testing.T, in Input) *drafter {
	t.Helper()
	d, err := newDrafter(in)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func parseRelease(t *testing.T, files map[language.Tag][]byte) *release.Release {
	t.Helper()
	var fs []release.File
	for _, lang := range langs {
		if b, ok := files[lang]; ok {
			fs = append(fs, release.File{Path: "releases/" + seedID + "/" + lang.String() + ".md", Lang: lang, Data: b})
		}
	}
	r, err := release.Parse("releases/"+seedID, en, fs)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// splitFront splits a file after its closing +++ line.
func splitFront(b []byte) ([]byte, []byte) {
	i := bytes.Index(b[3:], []byte("\n+++\n")) + 3 + len("\n+++\n")
	return b[:i], b[i:]
}

// lineDiff returns the lines of a that b replaces ("-") and the lines that replace them ("+"), after the lines
// a and b share at their start and end: the two are byte for byte equal outside these lines.
func lineDiff(a, b []byte) []string {
	al := strings.SplitAfter(string(a), "\n")
	bl := strings.SplitAfter(string(b), "\n")
	p := 0
	for p < len(al) && p < len(bl) && al[p] == bl[p] {
		p++
	}
	s := 0
	for s < len(al)-p && s < len(bl)-p && al[len(al)-1-s] == bl[len(bl)-1-s] {
		s++
	}
	var out []string
	for _, l := range al[p : len(al)-s] {
		out = append(out, "-"+strings.TrimSuffix(l, "\n"))
	}
	for _, l := range bl[p : len(bl)-s] {
		out = append(out, "+"+strings.TrimSuffix(l, "\n"))
	}
	return out
}

// BenchmarkFoldSpace folds the white space of sentences already folded, as a translation memory's every side of
// every segment mostly is, and of one that is not.
func BenchmarkFoldSpace(b *testing.B) {
	texts := []string{
		"On 18 November 2021, H.E. Prak Sokhonn held a telephone conversation with the Foreign Minister of Japan.",
		"ឯកឧត្តម ប្រាក់ សុខុន បានសន្ទនាតាមទូរស័ព្ទជាមួយរដ្ឋមន្ត្រីការបរទេសជប៉ុន។",
		"両外相は、ミャンマー情勢について意見交換を行った。",
		"Both sides agreed\nto strengthen  cooperation ",
	}
	for b.Loop() {
		for _, s := range texts {
			foldSpace(s)
		}
	}
}

// countingSource is a tm.Source that counts the lookups of each text and whether one began while the first was
// in flight: the first lookup yields to the scheduler, a bounded number of times, until another begins.
type countingSource struct {
	tm.Source
	mu         *sync.Mutex
	asked      map[string]int
	calls      *atomic.Int32
	overlapped *atomic.Bool
}

func (c countingSource) Best(text, target string, threshold float64) (tm.Match, bool) {
	c.mu.Lock()
	c.asked[text]++
	c.mu.Unlock()
	if c.calls.Add(1) == 1 {
		for i := 0; i < 1_000_000 && c.calls.Load() == 1; i++ {
			runtime.Gosched()
		}
		c.overlapped.Store(c.calls.Load() > 1)
	}
	return c.Source.Best(text, target, threshold)
}

func (c countingSource) Without(release string) tm.Source {
	c.Source = c.Source.Without(release)
	return c
}

// TestDraftLooksUpConcurrently drafts a release whose sentences are not catalogue messages, one of them twice: the
// memory is asked for each distinct sentence once, lookups run side by side, and the draft is the one a memory
// asked one sentence at a time gives.
func TestDraftLooksUpConcurrently(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	w := loadRepo(t)
	src := w.release(t, seedID).Doc(en)
	s6, s7 := Sentences(src)[6].Text(), Sentences(src)[7].Text()
	en2 := "+++\nid = \"2022-01-10-second\"\ndate = 2022-01-10\nplace = \"Phnom Penh\"\n+++\n\n# PRESS RELEASE\n\n" +
		s7 + " " + s6 + " The two sides will meet again in March 2022.\n\n" + s7 + "\n"
	r, err := release.Parse("releases/2022-01-10-second", en, []release.File{{Path: "releases/2022-01-10-second/en.md", Lang: en, Data: []byte(en2)}})
	if err != nil {
		t.Fatal(err)
	}
	mem := w.memory(w.releases)
	for _, lang := range []language.Tag{km, ja} {
		src := countingSource{Source: mem, mu: &sync.Mutex{}, asked: map[string]int{}, calls: &atomic.Int32{}, overlapped: &atomic.Bool{}}
		in := w.input(r, lang, nil)
		in.Memory = src
		got, err := Draft(in)
		if err != nil {
			t.Fatal(err)
		}
		if len(src.asked) != 3 {
			t.Errorf("%s: asked the memory for %d texts, want 3: %v", lang, len(src.asked), src.asked)
		}
		for text, n := range src.asked {
			if n != 1 {
				t.Errorf("%s: asked the memory for %q %d times, want once", lang, text, n)
			}
		}
		if !src.overlapped.Load() {
			t.Errorf("%s: the lookups ran one at a time", lang)
		}
		// A drafter without prefetch's lookups, asking the memory as each sentence comes.
		d, err := newDrafter(w.input(r, lang, mem))
		if err != nil {
			t.Fatal(err)
		}
		var want []Segment
		for _, blk := range d.src.Blocks {
			_, _, segs := d.block(blk)
			want = append(want, segs...)
		}
		if !reflect.DeepEqual(got.Segments, want) {
			t.Errorf("%s: segments\n%+v\nwant\n%+v", lang, got.Segments, want)
		}
	}
}
