package index

import (
	"slices"
	"unicode/utf8"
)

// appendTextJSON appends the JSON object of a unit's text (language → text) to dst, as encoding/json.Marshal
// writes it, keys sorted, without its reflection and its sort of every map's keys: the workers encode the text
// of every unit they index (TestAppendTextJSON).
func appendTextJSON(dst []byte, text map[string]string) []byte {
	var keys [4]string // a unit has a text in a few languages; more take the append's copy
	ks := keys[:0]
	for k := range text {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	dst = append(dst, '{')
	for i, k := range ks {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendJSONString(dst, k)
		dst = append(dst, ':')
		dst = appendJSONString(dst, text[k])
	}
	return append(dst, '}')
}

// appendJSONString appends s as encoding/json writes a string: quoted, with quotation marks, backslashes and
// control characters escaped, and <, >, & (HTML), U+2028 and U+2029 (JavaScript) as \u escapes, and each byte
// of s that is not UTF-8 as \ufffd.
func appendJSONString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			if jsonASCIIPlain[b] {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[b>>4], hex[b&0xF])
			}
			i++
			start = i
			continue
		}
		// A character of three bytes whose first is not E0 or ED (whose second byte has a narrower range) is
		// UTF-8 when its next two bytes continue it: every Khmer and Japanese character, read in one step where
		// it was decoded, after a pass of utf8.ValidString over the whole string. Of those, only U+2028 and
		// U+2029 (E2 80 A8, E2 80 A9) are escaped.
		if b >= 0xE1 && b <= 0xEF && b != 0xED && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			if b != 0xE2 || s[i+1] != 0x80 || s[i+2]&^1 != 0xA8 {
				i += 3
				continue
			}
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[s[i+2]&1|8])
			i += 3
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		if c == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i++
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// jsonASCIIPlain tells the ASCII bytes that appendJSONString copies as they are: those JSON does not escape.
var jsonASCIIPlain = func() (ascii [utf8.RuneSelf]bool) {
	for b := 0x20; b < utf8.RuneSelf; b++ {
		ascii[b] = b != '"' && b != '\\' && b != '<' && b != '>' && b != '&'
	}
	return ascii
}()

// digest is the FNV-1a digest of s (hash/fnv's New64a), as SQLite stores an integer; texts with one digest are
// compared whole. It reads s in place, where hash/fnv's Write took a copy of it.
func digest(s string) int64 {
	const (
		offset = 14695981039346656037
		prime  = 1099511628211
	)
	h := uint64(offset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= prime
	}
	return int64(h)
}
