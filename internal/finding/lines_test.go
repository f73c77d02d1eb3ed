package finding

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestLinesPosition(t *testing.T) {
	type pos struct{ line, col int }
	// Khmer: "ឯកឧត្តម" is 7 code points in 21 bytes.
	km := "ឯកឧត្តម និង\nលោក"
	// Japanese: 3 bytes a code point.
	ja := "外務大臣\r\n岸田\r\n"
	tests := []struct {
		name string
		src  string
		off  int
		want pos
	}{
		{"empty file", "", 0, pos{1, 1}},
		{"start", "abc", 0, pos{1, 1}},
		{"ascii", "abc\ndef", 5, pos{2, 2}},
		{"at newline", "abc\ndef", 3, pos{1, 4}},
		{"after newline", "abc\ndef", 4, pos{2, 1}},
		{"end of file without newline", "abc\ndef", 7, pos{2, 4}},
		{"end of file after newline", "abc\n", 4, pos{2, 1}},
		{"past the end is clamped", "abc", 99, pos{1, 4}},
		{"negative is clamped", "abc", -3, pos{1, 1}},
		{"khmer after the term", km, len("ឯកឧត្តម"), pos{1, 8}},
		{"khmer second word", km, len("ឯកឧត្តម "), pos{1, 9}},
		{"khmer second line", km, strings.Index(km, "លោក") + len("លោ"), pos{2, 3}},
		{"khmer end of file", km, len(km), pos{2, 4}},
		{"inside a multi-byte rune", km, 1, pos{1, 1}},
		{"inside the second rune", km, len("ឯ") + 2, pos{1, 2}},
		{"japanese", ja, len("外務"), pos{1, 3}},
		{"crlf: the CR is on its line", ja, len("外務大臣"), pos{1, 5}},
		{"crlf: the LF is on its line", ja, len("外務大臣\r"), pos{1, 6}},
		{"crlf: next line", ja, len("外務大臣\r\n岸"), pos{2, 2}},
		{"crlf: end of file", ja, len(ja), pos{3, 1}},
		{"lone CR is not a line break", "a\rb", 2, pos{1, 3}},
		{"blank lines", "\n\n\nx", 3, pos{4, 1}},
	}
	for _, tt := range tests {
		l := NewLines([]byte(tt.src))
		line, col := l.Position(tt.off)
		if got := (pos{line, col}); got != tt.want {
			t.Errorf("%s: Position(%d) = %d:%d, want %d:%d", tt.name, tt.off, got.line, got.col, tt.want.line, tt.want.col)
		}
	}
}

func TestLinesCount(t *testing.T) {
	tests := []struct {
		src  string
		want int
	}{{"", 1}, {"a", 1}, {"a\n", 2}, {"a\r\nb\r\n", 3}}
	for _, tt := range tests {
		if got := NewLines([]byte(tt.src)).Count(); got != tt.want {
			t.Errorf("Count(%q) = %d, want %d", tt.src, got, tt.want)
		}
	}
}

// TestLinesPositionAgainstScan checks every offset of a mixed file against
// a plain forward scan.
func TestLinesPositionAgainstScan(t *testing.T) {
	src := []byte("# សេចក្តីប្រកាស\r\n\r\n日本国外務省は、\nH.E. Mr. 岸田 ឯកឧត្តម\n")
	l := NewLines(src)
	line, col := 1, 1
	for off := 0; off <= len(src); {
		gl, gc := l.Position(off)
		if gl != line || gc != col {
			t.Fatalf("Position(%d) = %d:%d, want %d:%d", off, gl, gc, line, col)
		}
		if off == len(src) {
			break
		}
		r, size := utf8.DecodeRune(src[off:])
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		off += size
	}
}

func BenchmarkLinesPosition(b *testing.B) {
	src := []byte(strings.Repeat("ឯកឧត្តម នាយករដ្ឋមន្ត្រី 外務大臣 H.E. the Prime Minister\n", 2000))
	l := NewLines(src)
	b.ResetTimer()
	for i := range b.N {
		l.Position((i * 7919) % len(src))
	}
}
