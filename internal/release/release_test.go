package release

import (
	"os"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

func TestParseDocument(t *testing.T) {
	src, err := os.ReadFile("testdata/sample.md")
	if err != nil {
		t.Fatal(err)
	}
	d, err := ParseDocument("sample.md", language.English, src)
	if err != nil {
		t.Fatal(err)
	}
	if d.Front.ID != "2021-11-18-sample" || d.Front.Place != "Phnom Penh" || d.Front.Time().Day() != 18 {
		t.Errorf("front matter: got %+v", d.Front)
	}
	type want struct {
		kind       Kind
		text       string
		line, col  int
		markupKind []string
	}
	wants := []want{
		{Paragraph, "KINGDOM OF CAMBODIA\nNATION RELIGION KING", 7, 3, []string{"strong", "strong"}},
		{Heading, "PRESS RELEASE", 10, 3, nil},
		{Paragraph, "On 18 November 2021, H.E. Prak Sokhonn had a cordial conversation with H.E. HAYASHI Yoshimasa. It marks the 70th anniversary.", 13, 1, []string{"emphasis", "sup"}},
		{ListItem, "ការសន្ទនា ឯកឧត្តម link", 16, 3, []string{"link"}},
		{ListItem, "2021年11月18日", 17, 3, nil},
	}
	if len(d.Blocks) != len(wants) {
		for _, b := range d.Blocks {
			t.Logf("%s %q", b.Kind, b.Text)
		}
		t.Fatalf("got %d blocks, want %d", len(d.Blocks), len(wants))
	}
	for i, w := range wants {
		b := d.Blocks[i]
		line, col := d.Position(b.Start)
		var kinds []string
		for _, m := range b.Markup {
			kinds = append(kinds, m.Kind)
		}
		if b.Kind != w.kind || b.Text != w.text || line != w.line || col != w.col || strings.Join(kinds, ",") != strings.Join(w.markupKind, ",") {
			t.Errorf("block %d: got %s %q at %d:%d markup %v, want %s %q at %d:%d markup %v", i+1, b.Kind, b.Text, line, col, kinds, w.kind, w.text, w.line, w.col, w.markupKind)
		}
	}
	// Positions inside the text map back to the file: "with" starts line 14, "th" of the superscript is at 14:44.
	p := d.Blocks[2]
	for _, c := range []struct {
		sub       string
		line, col int
	}{{"with H.E.", 14, 1}, {"th anniversary", 14, 50}, {"cordial", 13, 47}} {
		i := strings.Index(p.Text, c.sub)
		line, col := d.TextPosition(p, i)
		if line != c.line || col != c.col {
			t.Errorf("%q: got %d:%d, want %d:%d", c.sub, line, col, c.line, c.col)
		}
	}
	// A position in Khmer text counts code points.
	k := d.Blocks[3]
	line, col := d.TextPosition(k, strings.Index(k.Text, "ឯកឧត្តម"))
	if line != 16 || col != 13 {
		t.Errorf("Khmer position: got %d:%d, want 16:12", line, col)
	}
	if len(d.Comments) != 1 || d.Comments[0].Line != 12 || !strings.HasPrefix(d.Comments[0].Text, "relloc-ignore glossary-missing:") {
		t.Errorf("comments: got %+v", d.Comments)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"+++\nid = \"x\"\nno\n+++\n", "a.md:3:"},
		{"+++\nid = \"x\"\n", "a.md:1:1: front matter opened with +++ is never closed"},
		{"+++\ntitle = \"x\"\n+++\n", "a.md:2:1: unknown key title"},
	}
	for _, tt := range tests {
		_, err := ParseDocument("a.md", language.English, []byte(tt.src))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: got %v, want %q", tt.src, err, tt.want)
		}
	}
}
