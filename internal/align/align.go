package align

import (
	"fmt"
	"math"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/relloc/relloc/internal/runeclass"
	"github.com/relloc/relloc/internal/segment"
)

// Unit is one block or sentence to align: its text and its anchors — normalised keys of glossary terms and numbers
// found in it (e.g. "term:he", "num:2021"), once per occurrence; the caller computes them.
type Unit struct {
	Text    string
	Len     int // length measure; if 0, the aligner uses the number of runes of Text
	Anchors []string
}

// Link joins source units Src to target units Tgt (indices, ascending); one side may be empty (1:0, 0:1).
// Cost is the link's share of the alignment cost (lower is more certain; it may be negative when anchors agree).
type Link struct {
	Src, Tgt []int
	Cost     float64
}

// Options are the settings of one alignment. The zero value estimates everything from the two texts.
type Options struct {
	// Model is the length model of the language pair (see ModelFor); its zero value is Gale & Church's.
	Model Model
	// Ratio is the expected target/source length ratio measured by the caller over the whole document pair, or
	// 0. A block's own ratio is biased by the very sentence that was dropped from it; the document's is not.
	Ratio float64
	// MaxCells bounds the work and memory of one alignment: the number of cells of its dynamic programme (one
	// byte each, plus four rows of costs). 0 means DefaultMaxCells. Past it the aligner returns a
	// *TooLargeError instead of allocating.
	MaxCells int64
}

// DefaultMaxCells is the default limit on the cells of one alignment: 64 MiB of back pointers, enough for a
// paragraph of 100,000 sentences against one that differs from it by a few hundred, and for any release of
// ordinary size at full width.
const DefaultMaxCells = 64 << 20

// TooLargeError reports an alignment refused because its dynamic programme would exceed Options.MaxCells.
type TooLargeError struct {
	Src, Tgt     int   // units on each side
	Cells, Limit int64 // cells needed, and the limit
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("aligning %d with %d units needs %d cells, more than the limit of %d", e.Src, e.Tgt, e.Cells, e.Limit)
}

// Anchor evidence, in the same units as the length cost (negative log probabilities). A link whose sides share
// all their anchors gains AnchorBonus; one whose sides both have anchors but share none pays AnchorConflict.
// AnchorMiss is paid, in sentence alignment, for each anchor occurrence on one side of a link only: about
// −log 0.05, a faithful translation dropping a name or a number about one time in twenty. Block
// alignment does not pay it: a block that lost a sentence is still the same block.
const (
	AnchorBonus    = 4.0
	AnchorConflict = 4.0
	AnchorMiss     = 3.0
)

// MaxMisses bounds the anchor misses a link pays for. A translation that renders a term otherwise throughout
// ("Japan" as 日 or 我が国, or dropped as a repeated subject) misses it in every sentence, as many times as the
// English says it; past a few misses a link says nothing more about being the wrong one.
const MaxMisses = 2.0

// PlausibleDelta is the largest |δ| of a 1:1 sentence link that Sentences accepts without running the
// dynamic programme when both sides have as many sentences (a two-sided 0.3 % tail).
const PlausibleDelta = 3.0

// lengths returns each unit's length measure and their total.
func lengths(units []Unit) ([]float64, float64) {
	ls := make([]float64, len(units))
	total := 0.0
	for i, u := range units {
		l := u.Len
		if l == 0 {
			l = Length(u.Text)
		}
		ls[i] = float64(l)
		total += ls[i]
	}
	return ls, total
}

// Length is the length measure of a text: its runes, less those of any bracketed passage in Latin letters
// inside a text written mostly in another script. Official Japanese and Khmer translations give a foreign
// name in the original after its transcription — フン・セン首相(Samdech … HUN SEN, Prime Minister of the Kingdom
// of Cambodia), ហាយ៉ាស៊ិ យ៉ុស៊ិម៉ាសា (HAYASHI Yoshimasa) — which the English says once; counted, it makes a
// sentence look a third longer than its source and pushes the aligner into false merges and drops.
//
// In a Japanese text, a Latin letter outside such brackets counts half: a name or acronym that the translator
// keeps in Latin letters (Scott Robinson, Facebook, ASEAN) is as long as in the English, while the Japanese
// around it runs to less than half the English, so that counted in full it makes its sentence look longer
// than it is. Over NTREX-128 this lowers the variance of Japanese lengths (Model.Variance) from 4.68 to 4.60
// and lifts en–ja segment-level alignment from 0.979/0.983 to 0.981/0.985. Khmer runs as long as English and
// keeps its Latin letters at full count.
func Length(text string) int { return count(text).length(text) }

// counts are what Length counts in a text before it looks into brackets: runes, and letters outside brackets,
// Latin, other and of those Japanese; open is the offset of the first opening bracket, or -1.
type counts struct{ n, latin, other, japanese, open int }

// add returns the counts of a text made of the texts of c and d, when neither holds an opening bracket.
func (c counts) add(d counts) counts {
	return counts{c.n + d.n, c.latin + d.latin, c.other + d.other, c.japanese + d.japanese, -1}
}

// Lengths returns the Length of text and sets out[k] to the Length of its span spans[k], for spans in order and
// apart (a block's sentences), reading text once where measuring the text and each span would read it twice:
// the counts of a text without brackets are the sums of its parts' when no part begins inside a rune that
// the one before it starts. Otherwise the text is measured again as a whole.
func Lengths(text string, spans []segment.Span, out []int) int {
	var total counts
	whole := true // are the counts of the parts those of the whole?
	prev := 0
	part := func(start, end int) counts {
		c := count(text[start:end])
		whole = whole && c.open < 0 && (start == len(text) || utf8.RuneStart(text[start]))
		total = total.add(c)
		return c
	}
	for k, sp := range spans {
		part(prev, sp.Start)
		out[k] = part(sp.Start, sp.End).length(text[sp.Start:sp.End])
		prev = sp.End
	}
	part(prev, len(text))
	if !whole {
		return Length(text)
	}
	return total.length(text)
}

// count reads text for Length.
func count(text string) counts {
	// Runes, and letters outside brackets: is the text in a non-Latin script, and in Japanese? ASCII, all of
	// most English, is read eight bytes at a time, and a rune of three bytes (Khmer, kana, kanji) is decoded
	// and counted in the loop, without a branch on its class: whether a Khmer rune is a letter or a sign
	// follows no pattern that a branch predictor learns.
	n, latin, other, japanese, depth := 0, 0, 0, 0, 0
	open := -1 // the first opening bracket
	table := runeclass.Table()
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			// A lone space between Khmer words is not worth a call.
			if depth == 0 && i+8 <= len(text) && text[i+1] < utf8.RuneSelf {
				k, letters := asciiRun(text[i:])
				n += k
				latin += letters
				i += k
				if i == len(text) {
					break
				}
				if c = text[i]; c >= utf8.RuneSelf {
					continue
				}
			}
			n++
			i++
			switch {
			case c == '(':
				if open < 0 {
					open = i - 1
				}
				depth++
			case c == ')' && depth > 0:
				depth--
			case depth == 0 && 'a' <= c|0x20 && c|0x20 <= 'z':
				latin++
			}
			continue
		}
		if c == 0xE1 && depth == 0 {
			k, runes, letters := khmerRun(text[i:], table)
			n += runes
			other += letters
			if i += k; k > 0 {
				continue
			}
		}
		n++
		// A rune of three bytes is decoded here: a function doing it is too large for the compiler to inline,
		// and its call cost more than the decoding. Such a rune is U+0800 or above, never a Latin letter.
		// Past a lead byte other than 0xE0 (whose runes could be written shorter) and 0xED (surrogates), any
		// two continuation bytes make a valid rune.
		if c&0xF0 == 0xE0 && c != 0xE0 && c != 0xED && i+2 < len(text) {
			c1, c2 := text[i+1], text[i+2]
			if (uint16(c1)<<8|uint16(c2))&0xC0C0 == 0x8080 {
				r := rune(c&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F)
				i += 3
				switch {
				case r == '（':
					if open < 0 {
						open = i - 3
					}
					depth++
				case r == '）' && depth > 0:
					depth--
				case depth == 0:
					var cls runeclass.Class
					if r < runeclass.TableEnd {
						cls = table[r]
					} else {
						cls = runeclass.Of(r)
					}
					// A letter counts as other, and as Japanese too when it is one.
					other += int(cls & runeclass.Letter)
					japanese += int(cls >> japaneseShift & cls & runeclass.Letter)
				}
				continue
			}
		}
		r, w := utf8.DecodeRuneInString(text[i:])
		i += w
		if depth == 0 {
			switch letterKind(r) {
			case kindLatin:
				latin++
			case kindJapanese:
				japanese++
				other++
			case kindOther:
				other++
			}
		}
	}
	return counts{n, latin, other, japanese, open}
}

// length finishes Length from the counts of text.
func (c counts) length(text string) int {
	n, latin, other, japanese, open := c.n, c.latin, c.other, c.japanese, c.open
	if other <= latin {
		return n
	}
	drop := 0
	if japanese > latin {
		drop = latin / 2
	}
	if open < 0 {
		return n - drop
	}
	// Bracketed passages in Latin letters alone. A bracket found by its bytes is one that reading rune by rune
	// finds: UTF-8 resynchronises at every lead byte, and an invalid byte is read as one rune.
	for i := open; ; {
		k, w := indexBracket(text[i:], '(', "（")
		if k < 0 {
			break
		}
		i += k
		end, _ := indexBracket(text[i+w:], ')', "）")
		if end < 0 {
			break
		}
		inner := text[i+w : i+w+end]
		l, o := 0, 0
		for _, r := range inner {
			switch letterKind(r) {
			case kindLatin:
				l++
			case kindJapanese, kindOther:
				o++
			}
		}
		if l > 0 && o == 0 {
			drop += utf8.RuneCountInString(inner) + 2
		}
		i += w + end + 1
	}
	return n - drop
}

// indexBracket returns the index in s of the first ASCII bracket b or full-width bracket wide (three bytes, the
// first 0xEF), and its width; -1 when there is none.
func indexBracket(s string, b byte, wide string) (int, int) {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case b:
			return i, 1
		case wide[0]:
			if strings.HasPrefix(s[i:], wide) {
				return i, len(wide)
			}
		}
	}
	return -1, 0
}

// japaneseShift moves runeclass.Japanese onto runeclass.Letter, the lowest bit, for Length's count.
const japaneseShift = 3

// Eight bytes at once: each byte of a word holding one.
const (
	bytesOnes  = 0x0101010101010101
	bytesHighs = 0x8080808080808080
)

// asciiRun reads the ASCII at the start of s up to a bracket, a byte of another rune or the end, eight bytes at a
// time, and returns how many bytes it read (a multiple of eight) and how many of them are letters (a-z, A-Z). A
// shorter run, or the bytes after the last eight, are left to the caller.
func asciiRun(s string) (k, letters int) {
	for ; k+8 <= len(s); k += 8 {
		w := uint64(s[k]) | uint64(s[k+1])<<8 | uint64(s[k+2])<<16 | uint64(s[k+3])<<24 |
			uint64(s[k+4])<<32 | uint64(s[k+5])<<40 | uint64(s[k+6])<<48 | uint64(s[k+7])<<56
		if w&bytesHighs != 0 {
			break
		}
		// A byte that is '(' (0x28) or ')' (0x29) is zero once its low bit is cleared and 0x28 taken away.
		if y := (w &^ bytesOnes) ^ 0x28*bytesOnes; (y-bytesOnes)&^y&bytesHighs != 0 {
			break
		}
		// With bit 5 set (lower case), a letter is a byte from 0x61 to 0x7a: one that adding 0x1f lifts to
		// 0x80 or more and adding 0x05 does not. No byte carries into the next: each is below 0x80.
		x := w | 0x20*bytesOnes
		letters += bits.OnesCount64((x + 0x1f*bytesOnes) &^ (x + 0x05*bytesOnes) & bytesHighs)
	}
	return k, letters
}

// khmerRun reads the runes of the Khmer block (U+1780–U+17FF: E1 9E or E1 9F and a continuation byte) at the
// start of s, most of a Khmer text, and returns how many bytes and runes it read and how many of them are
// letters. A Khmer rune is no bracket and no Japanese letter, and its class is read from the table without
// decoding it in full.
func khmerRun(s string, table *[runeclass.TableEnd]runeclass.Class) (k, runes, letters int) {
	for ; k+2 < len(s) && s[k] == 0xE1 && s[k+1]&^1 == 0x9E && s[k+2]&0xC0 == 0x80; k += 3 {
		runes++
		letters += int(table[0x1780|rune(s[k+1]&1)<<6|rune(s[k+2]&0x3F)] & runeclass.Letter)
	}
	return k, runes, letters
}

// Kinds of rune for Length: not a letter, a Latin letter (below U+0250), a Japanese one (kanji, kana), another.
const (
	kindNone uint8 = iota
	kindLatin
	kindJapanese
	kindOther
)

// letterKind returns the kind of r for Length, from runeclass's table.
func letterKind(r rune) uint8 {
	c := runeclass.Of(r)
	switch {
	case c&runeclass.Letter == 0:
		return kindNone
	case r < 0x250:
		return kindLatin
	case c&runeclass.Japanese != 0:
		return kindJapanese
	}
	return kindOther
}

// prefix returns the running sums of ls: prefix[k] = ls[0] + … + ls[k-1].
func prefix(ls []float64) []float64 {
	p := make([]float64, len(ls)+1)
	for i, l := range ls {
		p[i+1] = p[i] + l
	}
	return p
}

// ratio is the expected target/source length ratio; 1 when either side is empty.
func ratio(srcTotal, tgtTotal float64) float64 {
	if srcTotal <= 0 || tgtTotal <= 0 {
		return 1
	}
	return tgtTotal / srcTotal
}

// ratioFactors scale the first estimate of the length ratio. A unit dropped from or added to a short text
// biases total target / total source by tens of percent, enough to trap the programme in a wrong alignment
// whose 1:1 links confirm the wrong ratio; trying a few ratios around the estimate escapes the trap.
var ratioFactors = []float64{1, 0.7, 0.85, 1.2, 1.4}

// searchCells is the size up to which the aligner searches several ratios (each a run of the programme);
// larger alignments run once with the estimate and once refined, so that time stays linear in the input.
const searchCells = 1 << 12

// fit runs an alignment for each candidate ratio around c0, re-estimates the ratio from the 1:1 links of each
// result and aligns again, and returns the alignment of least total cost.
//
// With the model's ratio known (prior > 0), each candidate also pays for its ratio's distance from it, a
// log-normal prior of spread RatioSpread: a ratio refitted from the 1:1 links fits those links exactly, so
// without the prior an alignment that drops a sentence and pairs the rest wins over a true merge on a short
// text just by choosing its own ratio.
//
// The candidates that align alike refit to the same ratio, most often all of them: a ratio already run is not
// run again, since the programme gives the same alignment for the same ratio.
func fit(c0, prior float64, sl, tl []float64, run func(c float64) []Link) []Link {
	type result struct {
		c     float64
		links []Link
	}
	var done []result
	memo := func(c float64) []Link {
		for _, r := range done {
			if r.c == c {
				return r.links
			}
		}
		links := run(c)
		done = append(done, result{c, links})
		return links
	}
	var best []Link
	bestCost := math.Inf(1)
	for _, f := range ratioFactors {
		c := c0 * f
		links := memo(c)
		if r := refit(links, sl, tl); r > 0 {
			c = r
			links = memo(c)
		}
		cost := total(links)
		if prior > 0 {
			d := math.Log(c/prior) / RatioSpread
			cost += d * d / 2
		}
		if cost < bestCost {
			best, bestCost = links, cost
		}
	}
	return best
}

// RatioSpread is the standard deviation of the log of a document's length ratio around its language pair's:
// official Japanese readouts run from about 0.3 to 0.5 of the English, news translations around 0.45.
const RatioSpread = 0.3

// refitCells is the size up to which fitGiven runs the programme a second time with the refined ratio; a
// larger text measures its ratio well enough from its own totals, and one run keeps it fast.
const refitCells = 1 << 20

// fitGiven aligns with the ratio c, then once more with the ratio of the resulting 1:1 links when that is
// within 20% of c and the alignment is no larger than refitCells, and returns the cheaper alignment.
func fitGiven(c float64, sl, tl []float64, cells int64, run func(c float64) []Link) []Link {
	best := run(c)
	if cells > refitCells {
		return best
	}
	if r := refit(best, sl, tl); r > 0.8*c && r < 1.2*c {
		if links := run(r); total(links) < total(best) {
			best = links
		}
	}
	return best
}

func total(links []Link) float64 {
	t := 0.0
	for _, l := range links {
		t += l.Cost
	}
	return t
}

// refit estimates the ratio from the 1:1 links of an alignment, which leaves out dropped or added units; it
// returns 0 when there are none.
func refit(links []Link, sl, tl []float64) float64 {
	var s, t float64
	for _, l := range links {
		if len(l.Src) == 1 && len(l.Tgt) == 1 {
			s += sl[l.Src[0]]
			t += tl[l.Tgt[0]]
		}
	}
	if s <= 0 || t <= 0 {
		return 0
	}
	return t / s
}

// delta is Gale & Church's δ, with the mean of both lengths (in source units) under the root as in their
// program, so that a link with one empty side still has a finite deviate; v is the variance s².
func delta(l1, l2, c, v float64) float64 { return deltaOf(l1, l1*c, l2, l2/c, c, v) }

// deltaOf is delta given l1·c and l2/c, which a programme that pairs each unit with many computes once per unit.
func deltaOf(l1, l1c, l2, l2c, c, v float64) float64 {
	mean := (l1 + l2c) / 2
	if mean <= 0 {
		return 0
	}
	return (l2 - l1c) / math.Sqrt(mean*v*c*c)
}

// tailStep and tailTable tabulate tailCost for |δ| < tailMax, interpolated linearly: the programme evaluates it
// for every cell and move, and math.Erfc and math.Log would dominate its time.
const (
	tailStep = 1.0 / 128
	tailMax  = 64.0
)

var tailTable = func() []float64 {
	t := make([]float64, int(tailMax/tailStep)+2)
	for k := range t {
		t[k] = exactTailCost(float64(k) * tailStep)
	}
	return t
}()

// tailCost is −log P(|Z| ≥ |d|) for a standard normal Z.
func tailCost(d float64) float64 {
	d = math.Abs(d)
	if d >= tailMax {
		return exactTailCost(d)
	}
	return tailTabled(d)
}

// tailTabled is tailCost for 0 ≤ d < tailMax, small enough for the compiler to inline into a loop over many.
func tailTabled(d float64) float64 {
	x := d / tailStep
	k := int(x)
	f := x - float64(k)
	return tailTable[k]*(1-f) + tailTable[k+1]*f
}

// exactTailCost is tailCost computed, using the asymptotic form −log erfc x ≈ x² + log(x√π) + 1/(2x²) beyond
// the table, where it is exact to 1e-4.
func exactTailCost(d float64) float64 {
	x := math.Abs(d) / math.Sqrt2
	if x < tailMax/math.Sqrt2 {
		return -math.Log(math.Erfc(x))
	}
	return x*x + math.Log(x*math.Sqrt(math.Pi)) + 1/(2*x*x)
}

// anchors holds the anchors of a sequence of units as sorted small integers, interned across both sides of
// one alignment, so that a link's anchor cost is a merge of short slices with no allocation.
type anchors [][]int32

// intern turns the anchors of src and tgt into sorted integer ids, the same key getting the same id on both
// sides. With sentences, a target anchor whose key the source never has is dropped: it is most often an
// artefact of the translation (a unit converted, "three months" written 3ヶ月, 一億2500万 read in parts) and,
// counted as a miss or a conflict in every link that holds it, it would push a faithful sentence into a false
// 0:1 link. A source anchor missing from the whole translation is kept: it is what marks the sentence the
// translator dropped. Among blocks every anchor is kept: a block's unique number that no block of the
// translation holds marks the block that was dropped.
func intern(src, tgt []Unit, sentences bool) (anchors, anchors, int) {
	// Every unit's ids in one array: a release aligns each of its blocks, and the maps, sets and slices grown
	// one anchor at a time were most of the cost of interning.
	total := 0
	for _, us := range [][]Unit{src, tgt} {
		for _, u := range us {
			total += len(u.Anchors)
		}
	}
	// The anchors of a release's blocks are looked up in a map of internMaps, grown already to the size of such
	// an alignment: one grown a group at a time from empty spent most of an insertion rehashing. The few anchors
	// of a pair of blocks' sentences (most alignments) are looked up in a slice instead: a scan of a few keys
	// costs less than hashing them, and a map made for each was the largest allocation of a check.
	var ids map[string]int32
	var keys []string // by id, when there is no map
	if total > internScan {
		ids = internMaps.Get().(map[string]int32)
		defer func() {
			clear(ids)
			internMaps.Put(ids)
		}()
	} else {
		keys = make([]string, 0, total)
	}
	lookup := func(s string) (int32, bool) {
		if ids != nil {
			id, ok := ids[s]
			return id, ok
		}
		for i, k := range keys {
			if k == s {
				return int32(i), true
			}
		}
		return 0, false
	}
	weak := make([]bool, 0, total) // by id: weakAnchor of its key, asked once per key
	buf := make([]int32, 0, total)
	// conv interns the anchors of us into out, one per unit; with known, only those of keys the source has (all
	// of which it interned first) are kept, and no id is added.
	conv := func(us []Unit, known bool, out anchors) anchors {
		for i, u := range us {
			start := len(buf)
			for _, s := range u.Anchors {
				id, ok := lookup(s)
				if !ok {
					if known {
						continue
					}
					id = int32(len(weak))
					if ids != nil {
						ids[s] = id
					} else {
						keys = append(keys, s)
					}
					weak = append(weak, weakAnchor(s))
				}
				if weak[id] {
					id = -id - 1
				}
				buf = append(buf, id)
			}
			if len(buf) > start {
				a := buf[start:len(buf):len(buf)]
				slices.Sort(a)
				out[i] = a
			}
		}
		return out
	}
	both := make(anchors, len(src)+len(tgt)) // both sides' in one array, as buf
	s := conv(src, false, both[:len(src):len(src)])
	t := conv(tgt, sentences, both[len(src):])
	return s, t, len(weak)
}

// internScan is the most anchors that intern looks up by scanning a slice rather than in a map.
const internScan = 32

// internMaps holds intern's maps for reuse, cleared: the blocks of a release hold hundreds of anchors, and a map
// made for each alignment of blocks, even at its size, was the largest allocation of a check (163 MB of 2.5 GB at
// 10,000 releases). A map keeps the size of the largest alignment it served, and no key outlives intern.
var internMaps = sync.Pool{New: func() any { return map[string]int32{} }}

// weakAnchor reports an anchor that a faithful translation often renders without it: a count from zero to ten
// ("the two ministers" is 両外相, "three sides" 三者 or 日米韓, "both" ទាំងពីរ). Its ids are negative, and a miss
// of one costs WeakMiss of a miss.
func weakAnchor(key string) bool {
	v, ok := strings.CutPrefix(key, "num:")
	if !ok {
		return false
	}
	n, err := strconv.Atoi(v)
	return err == nil && n >= 0 && n <= 10
}

// WeakMiss is the share of AnchorMiss paid for a weak anchor (a small count) found on one side of a link only:
// about −log 0.7 against −log 0.05, as translations render a small count in words, by 両 or 双方, or not at all
// about a third of the time.
const WeakMiss = 0.12

// index returns the position in the count tables of an interned id, weak (negative) or not.
func index(id int32) int32 {
	if id < 0 {
		return -id - 1
	}
	return id
}

// runs holds the anchors of every unit and of every run of two to four adjacent units, sorted, so that the
// programme looks a link's anchors up instead of merging them in each cell.
type runs [4]anchors

func newRuns(a anchors) runs {
	var r runs
	r[0] = a
	for n := 2; n <= len(r); n++ {
		r[n-1] = make(anchors, len(a))
		for i := 0; i+n <= len(a); i++ {
			r[n-1][i] = a.gather(i, n, nil)
		}
	}
	return r
}

// of returns the anchors of units [from, from+n), n from 1 to 4.
func (r runs) of(from, n int) []int32 { return r[n-1][from] }

// gather returns the anchors of units [from, from+n), sorted: the unit's own slice when n is 1, else merged
// in buf.
func (a anchors) gather(from, n int, buf []int32) []int32 {
	if n == 1 {
		return a[from]
	}
	buf = buf[:0]
	for k := from; k < from+n; k++ {
		buf = append(buf, a[k]...)
	}
	slices.Sort(buf)
	return buf
}

// anchorCost is the anchor term of a link between the sorted anchor multisets a and b, with J = Σmin/Σmax
// their multiset Jaccard overlap: −AnchorBonus·J plus miss for each occurrence on one side only, or
// AnchorConflict when both sides have anchors and share none; when only one side has anchors, miss for each.
// Counting occurrences, not kinds, is what lets a dropped sentence stand out: two English sentences that both
// name a minister do not fold into one translated sentence that names him once.
func anchorCost(a, b []int32, miss float64) float64 {
	if len(a) == 0 || len(b) == 0 {
		return min(misses(a)+misses(b), MaxMisses) * miss
	}
	shared := 0
	missed := 0.0
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			shared++
			i++
			j++
		case a[i] < b[j]:
			missed += missOf(a[i])
			i++
		default:
			missed += missOf(b[j])
			j++
		}
	}
	missed += misses(a[i:]) + misses(b[j:])
	return overlapCost(shared, len(a)+len(b)-shared, missed, miss)
}

// overlapCost is the anchor term of a link whose sides, both with anchors, share shared of their union
// occurrences and hold missed (weighed by missOf) on one side only (see anchorCost).
func overlapCost(shared, union int, missed, miss float64) float64 {
	if shared == 0 {
		return AnchorConflict
	}
	return -AnchorBonus*float64(shared)/float64(union) + miss*min(missed, MaxMisses)
}

// missOf is the share of a miss that an anchor id costs: WeakMiss for a weak one, else 1.
func missOf(id int32) float64 {
	if id < 0 {
		return WeakMiss
	}
	return 1
}

// misses sums missOf over ids.
func misses(ids []int32) float64 {
	t := 0.0
	for _, id := range ids {
		t += missOf(id)
	}
	return t
}
