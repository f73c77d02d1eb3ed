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
	// In valid UTF-8, which is almost every text, a byte above ASCII is copied as it is unless it begins U+2028
	// or U+2029 (E2 80 A8, E2 80 A9): the bytes of Khmer and Japanese are passed over without decoding them.
	plain := &jsonASCIIPlain
	if utf8.ValidString(s) {
		plain = &jsonUTF8Plain
	}
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		b := s[i]
		if plain[b] {
			i++
			continue
		}
		if b < utf8.RuneSelf {
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
		if plain == &jsonUTF8Plain && (i+2 >= len(s) || s[i+1] != 0x80 || s[i+2]&^1 != 0xA8) {
			i++ // 0xE2 beginning another character
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case c == utf8.RuneError && size == 1:
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
		case c == '\u2028' || c == '\u2029':
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[c&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// jsonASCIIPlain and jsonUTF8Plain tell the bytes that appendJSONString copies as they are: the ASCII that JSON
// does not escape, and in jsonUTF8Plain, for a string known to be valid UTF-8, every byte above ASCII but 0xE2.
var jsonASCIIPlain, jsonUTF8Plain = func() (ascii, valid [256]bool) {
	for b := 0x20; b < utf8.RuneSelf; b++ {
		ascii[b] = b != '"' && b != '\\' && b != '<' && b != '>' && b != '&'
	}
	valid = ascii
	for b := utf8.RuneSelf; b < 256; b++ {
		valid[b] = b != 0xE2
	}
	return ascii, valid
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
