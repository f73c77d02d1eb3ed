package align

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Quotation evidence. A translator who splits or merges sentences keeps a quotation whole: where the English
// has closed its quotation marks, so has the translation, and a boundary between links that falls inside a
// quotation on one side only cuts a quotation in two. Japanese splits a long quoted English sentence at 。
// inside 「…」 and ends the last part with 」; Khmer and English use “…”, «…» or straight quotes. Sentences
// charges QuoteCut for a link that ends where one side is inside a quotation and the other is not.
//
// Written by hand: the state is a running depth over a handful of characters, which no library tracks.

// QuoteCut is the cost of a link boundary inside a quotation on one side only, about the cost of choosing a
// 1:2 split over a 1:1 link (−log 0.093 + log 0.884 ≈ 2.3 for English–Japanese). On NTREX-128
// (TestEvalNTREX) 1, 2 and 3 give the same en–ja segment-level figures (recall 0.979 → 0.980, precision 0.974
// kept) and en–km's are unchanged. Reading a block's quotation state from its start alone instead, with
// single quotes left out, lowered en–ja precision to 0.970: NTREX cuts paragraphs inside long quotations and
// British news quotes with single marks.
const QuoteCut = 2.0

// quoteState is whether a boundary between units lies inside a quotation: quoteUnknown when the marks around
// it do not say.
type quoteState int8

const (
	quoteUnknown quoteState = iota
	quoteClosed
	quoteOpen
)

// quoteEvent is a quotation mark as it bears on the state: it opens or closes a quotation of a kind, or (a
// straight double quote) toggles one.
type quoteEvent struct {
	kind  int8 // 0 paired marks (“” «» 「」 『』), 1 single quotes, 2 straight double quotes
	opens bool
}

// quoteEvents returns the quotation marks of a text in order. “ « 「 『 open and ” » 」 』 close a quotation;
// a straight double quote toggles one. A single quote (' ‘ ’), which British news uses for quotations, opens
// one before a letter or digit where none precedes it and closes one after a letter or punctuation where none
// follows; between two letters it is an apostrophe (don't) and says nothing.
func quoteEvents(text string) []quoteEvent {
	var out []quoteEvent
	rs := []rune(text)
	for x, r := range rs {
		switch r {
		case '“', '«', '「', '『':
			out = append(out, quoteEvent{0, true})
		case '”', '»', '」', '』':
			out = append(out, quoteEvent{0, false})
		case '"':
			out = append(out, quoteEvent{kind: 2})
		case '\'', '‘', '’':
			before := x > 0 && wordRune(rs[x-1])
			after := x+1 < len(rs) && wordRune(rs[x+1])
			switch {
			case !before && after && r != '’':
				out = append(out, quoteEvent{1, true})
			case before && !after && r != '‘':
				out = append(out, quoteEvent{1, false})
			case !before && !after && r != '‘' && x > 0:
				out = append(out, quoteEvent{1, false}) // after punctuation: 'I got bit!'
			}
		}
	}
	return out
}

func wordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// quoteStates returns the state of each boundary k in 0..len(units), between units[:k] and units[k:]. It is
// read twice, from the start of the block assuming no quotation open before it and from the end assuming none
// open after it; where the two readings agree the state is known, else it is quoteUnknown. A block that starts
// or ends inside a quotation (a paragraph of a long quoted speech), or whose translator left a quotation
// unclosed or closed one twice, thus keeps its evidence on the boundaries the stray mark does not reach,
// instead of charging every boundary after it.
func quoteStates(units []Unit) []quoteState {
	events := make([][]quoteEvent, len(units))
	for k, u := range units {
		events[k] = quoteEvents(u.Text)
	}
	fwd := make([]bool, len(units)+1)
	var depth [3]int
	for k, evs := range events {
		for _, e := range evs {
			step(&depth, e, e.opens)
		}
		fwd[k+1] = depth[0]+depth[1]+depth[2] > 0
	}
	out := make([]quoteState, len(units)+1)
	depth = [3]int{}
	for k := len(units); k >= 0; k-- {
		if k < len(units) {
			evs := events[k]
			for x := len(evs) - 1; x >= 0; x-- {
				step(&depth, evs[x], !evs[x].opens)
			}
		}
		bwd := depth[0]+depth[1]+depth[2] > 0
		switch {
		case k == 0 || k == len(units):
			out[k] = quoteClosed
		case fwd[k] != bwd:
			out[k] = quoteUnknown
		case fwd[k] || announces(units[k-1].Text, units[k].Text):
			out[k] = quoteOpen
		default:
			out[k] = quoteClosed
		}
	}
	return out
}

// announcer is what a Japanese sentence that announces the quotation after it holds: 林大臣は次のように述べた。
// 「…」, 以下のとおり…。, 大臣はこう語った。 English writes the announcement and the quotation as one sentence
// (Minister Hayashi said: "…"), so the boundary between the two counts as inside the quotation.
var announcer = regexp.MustCompile(`(?:次の|以下の)(?:ように|とおり|通り)|こう(?:も)?(?:言|述べ|語|話|続け|答え|呼|書)`)

// announces reports whether a boundary between the texts before and after it lies between an announcement
// and the quotation it announces: the text after opens with a quotation mark and the text before ends with a
// colon or is a sentence that holds an announcer and no quotation of its own.
func announces(before, after string) bool {
	r, _ := utf8.DecodeRuneInString(after)
	if r != '「' && r != '『' {
		return false
	}
	before = strings.TrimRight(before, " 　")
	if strings.HasSuffix(before, "：") || strings.HasSuffix(before, ":") {
		return true
	}
	return announcer.MatchString(before) && !strings.ContainsAny(before, "「」")
}

// step applies one mark to the depths of each kind, read in the direction where opens says it opens.
func step(depth *[3]int, e quoteEvent, opens bool) {
	switch {
	case e.kind == 2:
		depth[2] ^= 1
	case opens:
		depth[e.kind]++
	case depth[e.kind] > 0:
		depth[e.kind]--
	}
}

// quoteCut is the cost of a link boundary with the states a and b on the two sides.
func quoteCut(a, b quoteState) float64 {
	if a == quoteUnknown || b == quoteUnknown || a == b {
		return 0
	}
	return QuoteCut
}
