package release

import (
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/safefile"
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

// TestParseDocumentEmptyComments covers "<!-->" and "<!--->", which HTML reads as whole empty comments and which
// used to panic the comment scanner (slice bounds out of range), as a block and inline.
func TestParseDocumentEmptyComments(t *testing.T) {
	tests := []struct {
		src   string
		texts []string // texts of the comments found
		block string   // text of the first block
	}{
		{"<!-->\n\nThe Minister met the Ambassador.\n", []string{""}, "The Minister met the Ambassador."},
		{"<!--->\n\nThe Minister met the Ambassador.\n", []string{""}, "The Minister met the Ambassador."},
		{"The Minister <!--> met the Ambassador.\n", []string{""}, "The Minister  met the Ambassador."},
		{"The Minister <!---> met the Ambassador. <!-- relloc-ignore width -->\n", []string{"", "relloc-ignore width"}, "The Minister  met the Ambassador. "},
		{"<!----> <!-- draft -->\n\nText.\n", []string{"", "draft"}, "Text."},
		{"Text <!-- never closed\n", nil, "Text <!-- never closed"},
	}
	for _, tt := range tests {
		d, err := ParseDocument("en.md", language.English, []byte(tt.src))
		if err != nil {
			t.Errorf("ParseDocument(%q): %v", tt.src, err)
			continue
		}
		var texts []string
		for _, c := range d.Comments {
			texts = append(texts, c.Text)
			if c.Start < 0 || c.End > len(tt.src) || c.Start >= c.End || !strings.HasPrefix(tt.src[c.Start:], "<!--") || !strings.HasSuffix(tt.src[:c.End], ">") {
				t.Errorf("ParseDocument(%q): comment %+v does not span <!-- ... >", tt.src, c)
			}
		}
		if strings.Join(texts, "|") != strings.Join(tt.texts, "|") || len(texts) != len(tt.texts) {
			t.Errorf("ParseDocument(%q): comments got %q, want %q", tt.src, texts, tt.texts)
		}
		if len(d.Blocks) == 0 || d.Blocks[0].Text != tt.block {
			t.Errorf("ParseDocument(%q): first block got %+v, want %q", tt.src, d.Blocks, tt.block)
		}
	}
}

// TestParseDocumentFrontMatterLineEnds: a file saved on Windows (CRLF), fences with trailing blanks and a byte
// order mark are all valid front matter.
func TestParseDocumentFrontMatterLineEnds(t *testing.T) {
	for _, src := range []string{
		"+++\r\nid = \"2024-03-05-visit-tokyo\"\r\ndate = 2024-03-05\r\nplace = \"Tokyo\"\r\n+++\r\n\r\nH.E. Sok Chenda Sophea paid an official visit to Japan.\r\n",
		"+++ \nid = \"2024-03-05-visit-tokyo\"\ndate = 2024-03-05\nplace = \"Tokyo\"\n+++  \t\n\nH.E. Sok Chenda Sophea paid an official visit to Japan.\n",
		"\ufeff+++\nid = \"2024-03-05-visit-tokyo\"\ndate = 2024-03-05\nplace = \"Tokyo\"\n+++\n\nH.E. Sok Chenda Sophea paid an official visit to Japan.\n",
	} {
		d, err := ParseDocument("en.md", language.English, []byte(src))
		if err != nil {
			t.Errorf("ParseDocument(%q): %v", src, err)
			continue
		}
		if d.Front.ID != "2024-03-05-visit-tokyo" || d.Front.Place != "Tokyo" || d.Front.Time().Day() != 5 {
			t.Errorf("ParseDocument(%q): front matter got %+v", src, d.Front)
		}
		if len(d.Blocks) != 1 || strings.TrimSpace(d.Blocks[0].Text) != "H.E. Sok Chenda Sophea paid an official visit to Japan." {
			t.Errorf("ParseDocument(%q): blocks got %+v", src, d.Blocks)
		}
	}
}

// TestParseDocumentBadInput: what is not UTF-8 text, and front matter that is not TOML between +++, are errors
// at path:line:column, not text to check.
func TestParseDocumentBadInput(t *testing.T) {
	tests := []struct{ src, want string }{
		{"ក្រសួងការបរទេស\n\nកិច្ចប្រជុំ\xe1\x9e\n", "km.md:3:12: invalid UTF-8"},
		{"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00>\x00", "km.md:1:8: NUL byte: this is a binary file"},
		{"---\ntitle: Press Release\ndate: 2024-03-05\n---\n\nសេចក្តីប្រកាសព័ត៌មាន\n", "km.md:1:1: front matter must be TOML between +++ lines"},
		{"+++\ntitle: Press Release\n+++\n\nសេចក្តីប្រកាសព័ត៌មាន\n", "km.md:2:"},
		{"+++\nid = \"x\"\n\nសេចក្តីប្រកាសព័ត៌មាន\n", "km.md:1:1: front matter opened with +++ is never closed"},
	}
	for _, tt := range tests {
		_, err := ParseDocument("km.md", language.Khmer, []byte(tt.src))
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("ParseDocument(%q): got error %v, want %q", tt.src, err, tt.want)
		}
	}
	// A thematic break at the top of a file is Markdown, not front matter.
	d, err := ParseDocument("en.md", language.English, []byte("---\n\nThe Minister met the Ambassador.\n\n---\n"))
	if err != nil || len(d.Blocks) != 1 {
		t.Errorf("thematic break: got %v, %+v", err, d)
	}
}

// TestMarkdownEscapes: an escape such as 1\. (a list label kept from being a
// list) reaches the text without its backslash, and offsets still map to the file.
func TestMarkdownEscapes(t *testing.T) {
	cases := []struct{ src, want string }{
		{"1\\. Introduction\n", "1. Introduction"},
		{"2\\) Economic cooperation \\*and\\* trade\n", "2) Economic cooperation *and* trade"},
		{"A path C:\\Users stays\n", "A path C:\\Users stays"},
	}
	for _, c := range cases {
		d, err := ParseDocument("a.md", language.English, []byte(c.src))
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Blocks) != 1 || d.Blocks[0].Text != c.want {
			t.Errorf("ParseDocument(%q): got %q, want %q", c.src, d.Blocks[0].Text, c.want)
			continue
		}
		b := d.Blocks[0]
		for i := range b.Text {
			if o := b.FileOffset(i); c.src[o] != b.Text[i] {
				t.Errorf("%q: text offset %d (%q) maps to file offset %d (%q)", c.src, i, b.Text[i], o, c.src[o])
				break
			}
		}
	}
}

// TestSoftBreaks: a soft line break is a space of the text whose offset the block keeps; a hard one is "\n".
func TestSoftBreaks(t *testing.T) {
	src := "1. Introduction\n   Minister Hayashi spoke.\n   He thanked *the\n   Chair*.  \n   End.\n"
	d, err := ParseDocument("a.md", language.English, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	b := d.Blocks[0]
	if want := "Introduction Minister Hayashi spoke. He thanked the Chair.\nEnd."; b.Text != want {
		t.Fatalf("text %q, want %q", b.Text, want)
	}
	if got, want := b.SoftBreaks(), []int{12, 36, 51}; !slices.Equal(got, want) {
		t.Errorf("SoftBreaks() = %v, want %v", got, want)
	}
	for _, i := range b.SoftBreaks() {
		if b.Text[i] != ' ' || src[b.FileOffset(i)] != '\n' {
			t.Errorf("break at %d: text %q, file %q", i, b.Text[i], src[b.FileOffset(i)])
		}
	}
}

// TestID: ID names a release from its files' front matter as Parse does: the source's, else the first other
// language's that has one, else the folder's name.
func TestID(t *testing.T) {
	front := func(id string) string { return "+++\nid = \"" + id + "\"\n+++\n# T\n\nText.\n" }
	const plain = "# T\n\nText.\n"
	tests := []struct {
		name       string
		en, km, ja string
		want       string
	}{
		{"source front matter", front("from-en"), front("from-km"), plain, "from-en"},
		{"another language's", plain, front("from-km"), front("from-ja"), "from-ja"},
		{"none", plain, plain, plain, "2021-01-01-folder"},
		{"source front matter without id", "+++\nplace = \"Phnom Penh\"\n+++\n# T\n", front("from-km"), plain, "2021-01-01-folder"},
	}
	for _, tt := range tests {
		files := []File{
			{Path: "r/en.md", Lang: language.English, Data: []byte(tt.en)},
			{Path: "r/km.md", Lang: language.Khmer, Data: []byte(tt.km)},
			{Path: "r/ja.md", Lang: language.Japanese, Data: []byte(tt.ja)},
		}
		got, err := ID("releases/2021-01-01-folder", language.English, files)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		r, err := Parse("releases/2021-01-01-folder", language.English, files)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if got != tt.want || r.ID != tt.want {
			t.Errorf("%s: ID = %q, Parse gives %q; want %q", tt.name, got, r.ID, tt.want)
		}
	}
	if _, err := ID("r", language.English, []File{{Path: "r/en.md", Lang: language.English, Data: []byte("+++\nid = 1\n")}}); err == nil {
		t.Error("ID of a file whose front matter is never closed: no error")
	}
}

// TestParseFront: a release read by ReadFrontDir and ParseFront has the id, date, place and front matter of
// each document that ReadDir and Parse give, from the head of each file alone; a body that would not parse is
// not read, and a front matter that would not parse is the same error.
func TestParseFront(t *testing.T) {
	langs := []language.Tag{language.English, language.Khmer, language.Japanese}
	files := map[string]string{
		"en.md": "\ufeff+++ \r\nid = \"call\"\r\ndate = 2021-11-18\r\nplace = \"Phnom Penh\"\r\n+++\r\n# Press Release\r\n\r\nH.E. Prak Sokhonn met the press.\r\n",
		"km.md": "+++\nstatus = \"reviewed\"\n+++\n# សេចក្តីប្រកាសព័ត៌មាន\n\nឯកឧត្តម ប្រាក់ សុខុន បានជួបអ្នកសារព័ត៌មាន។\n",
		"ja.md": "# 報道発表\n\nプラック・ソコン副首相は記者会見を行った。\n",
	}
	ws := t.TempDir()
	dir := ws + "/releases/2021-11-18-call"
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, text := range files {
		if err := os.WriteFile(dir+"/"+name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rel := func(p string) string { return strings.TrimPrefix(p, ws+"/") }
	full, err := Load(ws, dir, language.English, langs, rel)
	if err != nil {
		t.Fatal(err)
	}
	heads, err := ReadFrontDir(ws, dir, langs, rel)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"en": "\ufeff+++ \r\nid = \"call\"\r\ndate = 2021-11-18\r\nplace = \"Phnom Penh\"\r\n+++\r\n",
		"km": "+++\nstatus = \"reviewed\"\n+++\n",
		"ja": "# 報道発表\n", // no front matter: its first line tells
	}
	for _, f := range heads {
		if string(f.Data) != want[f.Lang.String()] {
			t.Errorf("%s: read %q, want %q", f.Path, f.Data, want[f.Lang.String()])
		}
	}
	r, err := ParseFront("releases/2021-11-18-call", language.English, heads)
	if err != nil {
		t.Fatal(err)
	}
	if r.ID != full.ID || !r.Date.Equal(full.Date) || r.Place != full.Place || r.Dir != full.Dir || r.ID != "call" {
		t.Errorf("ParseFront: %q %v %q %q; Parse: %q %v %q %q", r.ID, r.Date, r.Place, r.Dir, full.ID, full.Date, full.Place, full.Dir)
	}
	for _, lang := range langs {
		d, want := r.Doc(lang), full.Doc(lang)
		if d == nil || d.Path != want.Path || d.HasFront != want.HasFront || d.Front.Status != want.Front.Status || len(d.Blocks) != 0 {
			t.Errorf("%s: ParseFront's document %+v, Parse's front matter %+v", lang, d, want.Front)
		}
	}

	// A body that is not UTF-8 is not read; a front matter never closed, or in YAML, is the error Parse gives.
	for _, tt := range []struct{ text, err string }{
		{"+++\nid = \"call\"\n+++\n# Press Release\n\nH.E. Prak Sokhonn\xe1\x9e\n", ""},
		{"# Press Release\n\nH.E. Prak Sokhonn\x00\n", ""},
		{"+++\nid = \"call\"\n# Press Release\n", "en.md:1:1: front matter opened with +++ is never closed"},
		{"---\nid: call\n---\n# Press Release\n", "en.md:1:1:"},
		{"+++\nid = \"call\xe1\"\n+++\n", "en.md:2:11: invalid UTF-8"},
	} {
		if err := os.WriteFile(dir+"/en.md", []byte(tt.text), 0o644); err != nil {
			t.Fatal(err)
		}
		heads, err := ReadFrontDir(ws, dir, langs, rel)
		if err == nil {
			_, err = ParseFront("releases/2021-11-18-call", language.English, heads)
		}
		switch {
		case tt.err == "" && err != nil:
			t.Errorf("%q: %v, want no error: the body is not read", tt.text, err)
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("%q: got %v, want %q", tt.text, err, tt.err)
		}
		if _, perr := Load(ws, dir, language.English, langs, rel); perr == nil || tt.err != "" && perr.Error() != err.Error() {
			t.Errorf("%q: Load gives %v, want an error (the same as ParseFront's: %v)", tt.text, perr, err)
		}
	}
}

// TestReadDirLinks: ReadDir checks a release folder once and each file that is a symbolic link on its own; a
// file or a folder leading outside the workspace is an input error for each file read through it, a link that
// stays inside is read.
func TestReadDirLinks(t *testing.T) {
	top := t.TempDir()
	ws := filepath.Join(top, "ws")
	write := func(p, s string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := func(target, p string) {
		t.Helper()
		if err := os.Symlink(target, p); err != nil {
			t.Skipf("symbolic links: %v", err)
		}
	}
	write(filepath.Join(top, "outside", "secret.md"), "secret\n")
	write(filepath.Join(top, "outside", "en.md"), "# Secret\n")
	write(filepath.Join(ws, "releases", "a", "en.md"), "# A\n")
	link("en.md", filepath.Join(ws, "releases", "a", "ja.md"))
	link(filepath.Join("..", "..", "..", "outside", "secret.md"), filepath.Join(ws, "releases", "a", "km.md"))
	link(filepath.Join("..", "..", "outside"), filepath.Join(ws, "releases", "b"))
	rel := func(p string) string { r, _ := filepath.Rel(ws, p); return filepath.ToSlash(r) }
	langs := []language.Tag{language.English, language.Khmer, language.Japanese}

	// ReadDirInside, told that the folder is inside, checks its files' links as ReadDir does.
	for _, read := range []func(string, string, []language.Tag, func(string) string) ([]File, error){ReadDir, ReadDirInside} {
		_, err := read(ws, filepath.Join(ws, "releases", "a"), langs, rel)
		if !errors.Is(err, safefile.ErrOutside) || !strings.Contains(err.Error(), "releases/a/km.md") || strings.Contains(err.Error(), "ja.md") {
			t.Errorf("a link outside: err = %v, want releases/a/km.md leading outside", err)
		}
	}
	if err := os.Remove(filepath.Join(ws, "releases", "a", "km.md")); err != nil {
		t.Fatal(err)
	}
	for _, read := range []func(string, string, []language.Tag, func(string) string) ([]File, error){ReadDir, ReadDirInside} {
		files, err := read(ws, filepath.Join(ws, "releases", "a"), langs, rel)
		if err != nil || len(files) != 2 || string(files[1].Data) != "# A\n" {
			t.Errorf("a link inside: files = %+v, err = %v, want en.md and ja.md read", files, err)
		}
	}
	var err error
	for _, read := range []func(string, string, []language.Tag, func(string) string) ([]File, error){ReadDir, ReadFrontDir} {
		_, err = read(ws, filepath.Join(ws, "releases", "b"), langs, rel)
		if !errors.Is(err, safefile.ErrOutside) || !strings.Contains(err.Error(), "releases/b/en.md") {
			t.Errorf("a folder outside: err = %v, want releases/b/en.md leading outside", err)
		}
	}
}

// TestAddUnescaped drops the backslash of each escape of ASCII punctuation or a symbol and keeps every other
// byte, in parts placed at their offset in the file.
func TestAddUnescaped(t *testing.T) {
	type part struct {
		text string
		src  int
	}
	for _, tt := range []struct {
		in   string
		want []part
	}{
		{``, []part{{"", 10}}},
		{`1\. First`, []part{{"1", 10}, {". First", 12}}},
		{`\*not emphasis\*`, []part{{"", 10}, {"*not emphasis", 11}, {"*", 25}}},
		{`a\\b`, []part{{"a", 10}, {`\b`, 12}}},
		{`\a \ក \`, []part{{`\a \ក \`, 10}}},
		{`ល.\+\$`, []part{{"ល.", 10}, {"+", 15}, {"$", 17}}},
		{`\`, []part{{`\`, 10}}},
	} {
		var got []part
		addUnescaped(func(s []byte, src int) { got = append(got, part{string(s), src}) }, []byte(tt.in), 10)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("addUnescaped(%q): got %v, want %v", tt.in, got, tt.want)
		}
	}
}

// TestFolderDateMatchesExpression: folderDate takes a date from the names the expression it replaced matched,
// and from no other, on names made of dates, digits, hyphens, letters, newlines and bytes that are no UTF-8.
func TestFolderDateMatchesExpression(t *testing.T) {
	re := regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})(?:-.+)?$`)
	pieces := []string{"2021-11-18", "2021", "-", "11", "1", "x", "\n", "\r", "é", "\xff", "-a", "", "٣", "2021-11-1"}
	r := rand.New(rand.NewPCG(3, 4))
	for range 50000 {
		var sb strings.Builder
		for range 1 + r.IntN(4) {
			sb.WriteString(pieces[r.IntN(len(pieces))])
		}
		name := sb.String()
		got, ok := folderDate(name)
		want := ""
		m := re.FindStringSubmatch(name)
		if m != nil {
			want = m[1]
		}
		if ok != (m != nil) || got != want {
			t.Fatalf("folderDate(%q) = %q, %v; the expression gives %q, %v", name, got, ok, want, m != nil)
		}
	}
}
