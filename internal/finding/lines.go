package finding

import (
	"bytes"
	"sort"
	"unicode/utf8"
)

// Lines indexes a file's content to convert byte offsets to 1-based line and
// code-point column. Only '\n' ends a line: in a CRLF file the '\r' is the
// last code point of its line, so columns before it are the same as in the
// LF version of the file.
type Lines struct {
	src    []byte
	starts []int // byte offset of the first byte of each line; starts[0] == 0
}

// NewLines indexes src. It keeps src (without copying it) to count runes, so
// src must not change while the Lines is in use.
func NewLines(src []byte) *Lines {
	starts := make([]int, 1, 1+len(src)/40)
	// bytes.IndexByte finds the next '\n' many bytes at a time, where a loop looked at each byte of every
	// release file.
	for i := 0; ; {
		k := bytes.IndexByte(src[i:], '\n')
		if k < 0 {
			break
		}
		i += k + 1
		starts = append(starts, i)
	}
	return &Lines{src: src, starts: starts}
}

// Count returns the number of lines: one more than the number of '\n'
// bytes, so a file ending in a newline has an empty last line.
func (l *Lines) Count() int { return len(l.starts) }

// Position returns the 1-based line and column of byte offset off. The line
// is found by binary search over the line starts; the column is one more
// than the number of code points between the line start and off. An offset
// inside a multi-byte UTF-8 sequence is moved back to the start of that
// sequence; an offset below 0 or past the end is clamped, so len(src) gives
// the position just after the last code point.
func (l *Lines) Position(off int) (line, col int) {
	off = max(0, min(off, len(l.src)))
	// The first line whose start is after off, minus one, holds off.
	i := sort.SearchInts(l.starts, off+1) - 1
	start := l.starts[i]
	for off > start && off < len(l.src) && !utf8.RuneStart(l.src[off]) {
		off--
	}
	return i + 1, utf8.RuneCount(l.src[start:off]) + 1
}
