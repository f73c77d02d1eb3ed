package release

import (
	"os"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/inputerr"
)

// fuzzSeeds are files that once broke ParseDocument or lie near what did: the fuzz targets' seeds.
var fuzzSeeds = []string{
	"<!-->\n", "<!--->\n", "Text <!---> more.\n", "Text <!--> more.\n", "<!---->", "<!--",
	"+++\r\nid = \"x\"\r\n+++\r\n\r\nText.\r\n", "+++\nid = 1\n+++ \n", "+++\n", "---\ntitle: x\n---\n",
	"\x7fELF\x00", "\xff\xfe", "**ការ<sup>១</sup>**\n\n- 外務省\n", "[a](<b>) <sub>2</sub> `c`\n> q\n",
	"A  \nB\\\nC &amp; &#x1b; \x1b[31m", "<div>\n<!-- relloc-ignore width -->\n</div>\n",
}

// FuzzParseDocument feeds ParseDocument arbitrary files: it must return a document or an input error, never
// panic, and every block and comment it returns must lie inside the file.
func FuzzParseDocument(f *testing.F) {
	if src, err := os.ReadFile("testdata/sample.md"); err == nil {
		f.Add(string(src))
	}
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		d, err := ParseDocument("km.md", language.Khmer, []byte(src))
		if err != nil {
			if !inputerr.Is(err) {
				t.Fatalf("ParseDocument(%q): error %v is not an input error", src, err)
			}
			return
		}
		for _, b := range d.Blocks {
			if b.Start < 0 || b.Start > len(src) || strings.TrimSpace(b.Text) == "" {
				t.Fatalf("ParseDocument(%q): bad block %+v", src, b)
			}
			for i := 0; i <= len(b.Text); i++ {
				if o := b.FileOffset(i); o < 0 || o > len(src) {
					t.Fatalf("ParseDocument(%q): text offset %d of %q maps to %d", src, i, b.Text, o)
				}
			}
			for _, m := range b.Markup {
				if m.Start < 0 || m.End < m.Start || m.End > len(b.Text) {
					t.Fatalf("ParseDocument(%q): markup %+v outside %q", src, m, b.Text)
				}
			}
		}
		for _, c := range d.Comments {
			if c.Start < 0 || c.End > len(src) || c.Start >= c.End || c.Line < 1 {
				t.Fatalf("ParseDocument(%q): bad comment %+v", src, c)
			}
		}
	})
}
