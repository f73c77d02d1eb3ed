package glossary

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/inputerr"
	"github.com/relloc/relloc/internal/ui"
)

// jsonKeys are the keys of the JSON shape (Entry.MarshalJSON) that the TOML layout spells otherwise.
var jsonKeys = map[string]string{"caseSensitive": "case_sensitive", "precededBy": "preceded_by", "followedBy": "followed_by"}

// ParseJSON reads the entries of a JSON array in the shape of 'relloc glossary list --format json' and
// 'glossary export --format json' (Entry.MarshalJSON) from data, with the checks of Parse; path names the
// file in errors, which point at the line and column of the key (or the value) at fault. Each entry knows
// which keys the file gave it (Has).
func ParseJSON(path string, data []byte, opt Options) ([]*Entry, error) {
	lines := lineStarts(data)
	at := func(off int64) (int, int) {
		// skip the separators between the previous token and the next
		for off < int64(len(data)) && strings.IndexByte(" \t\r\n,:", data[off]) >= 0 {
			off++
		}
		line := sort.Search(len(lines), func(i int) bool { return lines[i] > int(off) })
		return line, int(off) - lines[line-1] + 1
	}
	syntax := func(err error, dec *json.Decoder) error {
		var se *json.SyntaxError
		off := dec.InputOffset()
		if errors.As(err, &se) {
			off = se.Offset
		}
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			err = errors.New("unexpected end of JSON input")
			off = int64(len(data))
		}
		line, col := at(off)
		return inputerr.Say(path, line, col, "Verbatim", ui.Args{"Text": strings.TrimPrefix(err.Error(), "json: ")})
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil {
		return nil, syntax(err, dec)
	} else if tok != json.Delim('[') {
		line, col := at(0)
		return nil, inputerr.Say(path, line, col, "JSONNotArray", nil)
	}
	var (
		out  []*Entry
		errs inputerr.List
	)
	for dec.More() {
		start := dec.InputOffset()
		keys := map[string][2]int{}
		v, err := jsonValue(dec, at, keys, "")
		if err != nil {
			return nil, syntax(err, dec)
		}
		line, col := at(start)
		m, ok := v.(map[string]any)
		if !ok {
			errs = append(errs, inputerr.Say(path, line, col, "JSONEntryNotObject", nil))
			continue
		}
		e := &Entry{Targets: map[language.Tag]*Rendering{}, order: opt.Targets, Pos: Pos{Path: path, Line: line}}
		lines := make(map[string]int, len(keys))
		for k, lc := range keys {
			lines[k] = lc[0]
		}
		e.keyLines = keyLinesOf(lines)
		bad := func(key, id string, args ui.Args) {
			lc, ok := keys[key]
			if !ok {
				lc = [2]int{line, col}
			}
			errs = append(errs, inputerr.Say(path, lc[0], lc[1], id, args))
		}
		decodeEntry(e, m, opt, bad)
		out = append(out, e)
	}
	if _, err := dec.Token(); err != nil {
		return nil, syntax(err, dec)
	}
	if _, err := dec.Token(); err != io.EOF {
		line, col := at(dec.InputOffset())
		return nil, inputerr.Say(path, line, col, "JSONTrailing", nil)
	}
	if len(errs) > 0 {
		return out, errs
	}
	return out, nil
}

// jsonValue reads the next JSON value from dec as decodeEntry expects it (objects as map[string]any with the
// TOML layout's keys, arrays as []any), recording in keys the line and column of each object key below
// prefix ("en.term", "km.context.form").
func jsonValue(dec *json.Decoder, at func(int64) (int, int), keys map[string][2]int, prefix string) (any, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	d, ok := tok.(json.Delim)
	if !ok {
		return tok, nil
	}
	switch d {
	case '{':
		m := map[string]any{}
		for dec.More() {
			off := dec.InputOffset()
			kt, err := dec.Token()
			if err != nil {
				return nil, err
			}
			k := kt.(string)
			if t, ok := jsonKeys[k]; ok {
				k = t
			}
			full := k
			if prefix != "" {
				full = prefix + "." + k
			}
			if _, seen := keys[full]; !seen {
				line, col := at(off)
				keys[full] = [2]int{line, col}
			}
			v, err := jsonValue(dec, at, keys, full)
			if err != nil {
				return nil, err
			}
			m[k] = v
		}
		_, err := dec.Token() // }
		return m, err
	case '[':
		var a []any
		for dec.More() {
			v, err := jsonValue(dec, at, keys, prefix)
			if err != nil {
				return nil, err
			}
			a = append(a, v)
		}
		if a == nil {
			a = []any{}
		}
		_, err := dec.Token() // ]
		return a, err
	}
	return nil, fmt.Errorf("unexpected %v", d)
}
