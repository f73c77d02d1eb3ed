package tmx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"

	"github.com/relloc/relloc/internal/inputerr"
	"github.com/relloc/relloc/internal/tm"
	"github.com/relloc/relloc/internal/ui"
)

// Read parses a TMX document (1.1 to 1.4) into memory units, marked with origin as their Release and with the
// tu's tuid (or its position, "tu12") as their Segment. A tuv's language is folded onto the first of langs it
// names (ja-JP and JA are ja; langs are the workspace's languages); tuvs of other languages are left out, and
// so are units left with one language or none. The text of a seg is its character data and that of <hi> and
// <sub>; the native codes inside <bpt>, <ept>, <ph> and <it> are not text (a <ph type="lb"> is a space), and
// white space is folded as in relloc's own units. path is used in errors, which name
// path:line:col.
func Read(path string, data []byte, origin string, langs []language.Tag) ([]tm.Unit, error) {
	return ReadFrom(path, bytes.NewReader(data), origin, langs)
}

// ReadFrom is Read from a stream, which it reads once without holding it: a size-capped reader
// (safefile.Reader) stops an oversized file with its own error.
func ReadFrom(path string, r io.Reader, origin string, langs []language.Tag) ([]tm.Unit, error) {
	pos := inputerr.NewPositions(r)
	d := xml.NewDecoder(pos)
	var (
		units   []tm.Unit
		cur     *tm.Unit
		lang    string
		text    strings.Builder
		inSeg   bool
		native  int // depth inside bpt/ept/ph/it
		n       int
		rootOK  bool
		started bool
	)
	fail := func(off int64, id string, args ui.Args) error {
		line, col := pos.Position(off)
		return inputerr.Say(path, line, col, id, args)
	}
	for {
		off := d.InputOffset()
		pos.Position(off) // passes the bytes before the token, so that pos holds no more than one token
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		var ie *inputerr.Error
		if errors.As(err, &ie) {
			return nil, ie
		}
		if err != nil {
			line, col := pos.Position(off)
			return nil, inputerr.FromXML(path, line, col, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if !started {
				started = true
				if t.Name.Local != "tmx" {
					return nil, fail(off, "TMXRoot", ui.Args{"Element": t.Name.Local})
				}
				rootOK = true
			}
			switch t.Name.Local {
			case "tu":
				n++
				cur = &tm.Unit{Release: origin, Segment: attr(t, "tuid"), Text: map[string]string{}}
				if cur.Segment == "" {
					cur.Segment = "tu" + itoa(n)
				}
			case "tuv":
				lang = ""
				l := attr(t, "lang")
				if tag, ok := foldLang(l, langs); ok {
					lang = tag.String()
				}
			case "seg":
				inSeg = true
				text.Reset()
			case "bpt", "ept", "ph", "it", "ut":
				if inSeg {
					native++
					if t.Name.Local == "ph" && attr(t, "type") == "lb" {
						text.WriteString(" ") // a line break separates words
					}
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "tu":
				if cur != nil && len(cur.Text) >= 2 {
					units = append(units, *cur)
				}
				cur = nil
			case "seg":
				inSeg = false
				s := strings.Join(strings.Fields(norm.NFC.String(text.String())), " ")
				if cur != nil && lang != "" && s != "" {
					cur.Text[lang] = s
				}
			case "bpt", "ept", "ph", "it", "ut":
				if inSeg && native > 0 {
					native--
				}
			}
		case xml.CharData:
			if inSeg && native == 0 {
				text.Write(t)
			}
		}
	}
	if !rootOK {
		return nil, inputerr.Say(path, 1, 1, "TMXEmpty", nil)
	}
	return units, nil
}

// attr returns the attribute local (xml:lang or lang for "lang").
func attr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// foldLang returns the language of langs that the TMX language code l names: itself or its base language.
func foldLang(l string, langs []language.Tag) (language.Tag, bool) {
	tag, err := language.Parse(l)
	if err != nil {
		return language.Und, false
	}
	base, _ := tag.Base()
	for _, want := range langs {
		if want == tag {
			return want, true
		}
	}
	for _, want := range langs {
		if b, _ := want.Base(); b == base {
			return want, true
		}
	}
	return language.Und, false
}

func itoa(n int) string { return strconv.Itoa(n) }
