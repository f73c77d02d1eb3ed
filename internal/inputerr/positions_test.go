package inputerr_test

import (
	"bytes"
	"io"
	"math/rand/v2"
	"testing"
	"testing/iotest"

	"github.com/relloc/relloc/internal/finding"
	"github.com/relloc/relloc/internal/inputerr"
)

// TestPositions: read through in small pieces, Positions gives every offset the line and column that
// finding.Lines gives with the whole text in memory, in Khmer, Japanese and English with CRLF and tabs.
func TestPositions(t *testing.T) {
	text := []byte("<martif>\r\n\t<term>សេចក្តីប្រកាសព័ត៌មាន</term>\n<term>報道発表</term>\n\n<term>Press Release</term>\n")
	lines := finding.NewLines(text)
	rng := rand.New(rand.NewPCG(1, 2))
	for range 50 {
		p := inputerr.NewPositions(iotest.OneByteReader(bytes.NewReader(text)))
		off, read := 0, int64(0)
		for off < len(text) {
			// The parser has read ahead of the offsets it asks about.
			n, err := io.CopyN(io.Discard, p, int64(rng.IntN(8)+1))
			if err != nil && err != io.EOF {
				t.Fatal(err)
			}
			read += n
			off = min(int(read), off+rng.IntN(6))
			for off > 0 && off < len(text) && text[off]&0xC0 == 0x80 {
				off-- // a parser's offsets fall between code points
			}
			wl, wc := lines.Position(off)
			if gl, gc := p.Position(int64(off)); gl != wl || gc != wc {
				t.Fatalf("offset %d: got %d:%d, want %d:%d", off, gl, gc, wl, wc)
			}
			off++
		}
	}
}
