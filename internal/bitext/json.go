package bitext

import (
	"bytes"
	"encoding/json"
)

// sideJSON is a side in the JSON form of `relloc align`.
type sideJSON struct {
	Text   string `json:"text"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
	Path   string `json:"path"`
}

// MarshalJSON writes {"release": ID, "segments": [{"id", "block", "en": {...}, "km": {...}, "ja": {...}}]}, with
// null for a side that has no counterpart and for the block of a target-only segment.
func (bt *Bitext) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	id, _ := json.Marshal(bt.Release.ID)
	b.WriteString(`{"release":`)
	b.Write(id)
	b.WriteString(`,"segments":[`)
	langs := bt.Languages()
	for i, s := range bt.Segments {
		if i > 0 {
			b.WriteByte(',')
		}
		sid, _ := json.Marshal(s.ID)
		b.WriteString(`{"id":`)
		b.Write(sid)
		b.WriteString(`,"block":`)
		if s.Block == "" {
			b.WriteString("null")
		} else {
			blk, _ := json.Marshal(s.Block)
			b.Write(blk)
		}
		for _, lang := range langs {
			key, _ := json.Marshal(lang.String())
			b.WriteByte(',')
			b.Write(key)
			b.WriteByte(':')
			side := s.Side(lang)
			if side == nil {
				b.WriteString("null")
				continue
			}
			line, col := side.Position()
			v, err := json.Marshal(sideJSON{Text: side.Text(), Line: line, Column: col, Path: side.Doc.Path})
			if err != nil {
				return nil, err
			}
			b.Write(v)
		}
		b.WriteByte('}')
	}
	b.WriteString("]}")
	return b.Bytes(), nil
}
