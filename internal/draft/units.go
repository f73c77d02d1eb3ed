package draft

import (
	"github.com/relloc/relloc/internal/bitext"
	"github.com/relloc/relloc/internal/tm"
)

// Units returns the translation-memory units of an aligned release: one per segment that has an English side,
// with the text of every language that has a side, white space folded.
func Units(bt *bitext.Bitext) []tm.Unit {
	var out []tm.Unit
	for _, seg := range bt.Segments {
		if seg.Side(bt.Source) == nil {
			continue
		}
		u := tm.Unit{Release: bt.Release.ID, Segment: seg.ID, Text: map[string]string{}}
		for lang, side := range seg.Sides {
			u.Text[lang.String()] = foldSpace(side.Text())
		}
		out = append(out, u)
	}
	return out
}
