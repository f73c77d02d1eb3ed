package safefile_test

import (
	"errors"
	"io"
	"runtime"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/inputerr"
	"github.com/relloc/relloc/internal/safefile"
	"github.com/relloc/relloc/internal/tbx"
	"github.com/relloc/relloc/internal/tmx"
	"github.com/relloc/relloc/internal/xliff"
)

// endless is a stream that never ends: head, then body over and over.
type endless struct {
	head, body string
	off        int // in head, then in body
	inBody     bool
}

func (e *endless) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		src := e.head
		if e.inBody {
			src = e.body
		}
		c := copy(p[n:], src[e.off:])
		n += c
		if e.off += c; e.off == len(src) {
			e.off, e.inBody = 0, true
		}
	}
	return n, nil
}

// TestImportsStream: the TBX, TMX and XLIFF readers parse a stream as it comes, so an endless stream through a
// size-capped Reader ends in the Reader's size error, whether it repeats elements or comments. Of 8 MiB of
// comments, which the parser keeps nothing of, it allocates less than an eighth in all (some 0.5 MiB, the
// buffers of one comment): it never holds the input.
func TestImportsStream(t *testing.T) {
	langs := []language.Tag{language.English, language.Khmer, language.Japanese}
	readers := []struct {
		name, head, elem string
		read             func(r io.Reader) error
	}{
		{"tbx", `<?xml version="1.0"?><martif type="TBX-Basic" xml:lang="en"><text><body>`,
			`<termEntry id="c1"><langSet xml:lang="en"><tig><term>Press Release</term></tig></langSet></termEntry>`,
			func(r io.Reader) error {
				_, err := tbx.ReadFrom("terms.tbx", r, tbx.Options{Source: language.English, Targets: langs[1:]})
				return err
			}},
		{"tmx", `<?xml version="1.0"?><tmx version="1.4"><header srclang="en"/><body>`,
			`<tu><tuv xml:lang="en"><seg>Press Release</seg></tuv><tuv xml:lang="ja"><seg>報道発表</seg></tuv></tu>`,
			func(r io.Reader) error {
				_, err := tmx.ReadFrom("memory.tmx", r, "tm/memory.tmx", langs)
				return err
			}},
		{"xliff", `<?xml version="1.0"?><xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file original="en.md"><body>`,
			`<trans-unit id="b1.s1"><source>Press Release</source><target>報道発表</target></trans-unit>`,
			func(r io.Reader) error {
				_, err := xliff.ReadFrom("ja.xlf", r)
				return err
			}},
	}
	comment := "<!-- " + strings.Repeat("padding ", 8<<10) + "-->\n"
	for _, rd := range readers {
		for _, body := range []struct {
			name, text string
			max, limit uint64 // limit 0: allocations not measured (a tree of elements is some 15 times its text)
		}{{"comments", comment, 8 << 20, 1 << 20}, {"elements", rd.elem, 1 << 20, 0}} {
			max := int64(body.max)
			r := &safefile.Reader{R: &endless{head: rd.head, body: body.text}, Path: rd.name, MaxSize: max, MaxLine: max}
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			err := rd.read(r)
			runtime.ReadMemStats(&after)
			var ie *inputerr.Error
			if want := rd.name + ": file is larger than " + safefile.Size(max) + ", the limit for this kind of file"; !errors.As(err, &ie) || err.Error() != want {
				t.Errorf("%s, endless %s: got %v, want %s", rd.name, body.name, err, want)
			}
			if got := after.TotalAlloc - before.TotalAlloc; body.limit > 0 && got > body.limit {
				t.Errorf("%s, endless %s: the parse allocated %d bytes for %d bytes read, want at most %d", rd.name, body.name, got, max, body.limit)
			} else {
				t.Logf("%s, endless %s: %d bytes allocated for %d bytes read", rd.name, body.name, got, max)
			}
		}
	}
}
