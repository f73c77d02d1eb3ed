package release

import (
	"bytes"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/scalegen"
	"github.com/relloc/relloc/internal/testenv"
)

// asGoldmark fails t unless ParseDocument makes of src what it made with goldmark's own CommonMark parser,
// before plainParagraphs spared the inline pass its plain paragraphs: the same document, or the same error.
func asGoldmark(t *testing.T, name string, src []byte) {
	t.Helper()
	want, wantErr := parseDocument(goldmark.DefaultParser(), name, language.Khmer, src)
	got, err := ParseDocument(name, language.Khmer, src)
	if (err == nil) != (wantErr == nil) || err != nil && err.Error() != wantErr.Error() {
		t.Fatalf("%s: error %v, goldmark's parser: %v", name, err, wantErr)
	}
	if !reflect.DeepEqual(got, want) {
		for i := range max(len(got.Blocks), len(want.Blocks)) {
			if i >= len(got.Blocks) || i >= len(want.Blocks) || !reflect.DeepEqual(got.Blocks[i], want.Blocks[i]) {
				var g, w any
				if i < len(got.Blocks) {
					g = got.Blocks[i]
				}
				if i < len(want.Blocks) {
					w = want.Blocks[i]
				}
				t.Fatalf("%s: block %d\n got %+v\nwant %+v", name, i+1, g, w)
			}
		}
		t.Fatalf("%s: got %+v\nwant %+v", name, got, want)
	}
}

// plainCount is the number of paragraphs of src that md leaves to plainParagraphs.
func plainCount(src []byte) int {
	n := 0
	ast.Walk(md.Parse(text.NewReader(src)), func(n0 ast.Node, entering bool) (ast.WalkStatus, error) {
		if _, ok := n0.(*plainText); ok && entering {
			n++
		}
		return ast.WalkContinue, nil
	})
	return n
}

// TestParseDocumentAsGoldmark parses every Markdown text at hand with and without plainParagraphs: the
// repository's own releases and test files (those inside the test scripts' workspaces too), a generated
// archive's, the real releases and news text of ../shared/corpora, and that news text laid out as paragraphs,
// list items and lines with hard breaks. It also checks that the plain paragraphs were many, so that the
// comparison compared them.
func TestParseDocumentAsGoldmark(t *testing.T) {
	texts := map[string][]byte{}
	root := testenv.RepoRoot(t)
	err := filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.IsDir() && strings.HasPrefix(e.Name(), ".") && p != root {
			return filepath.SkipDir
		}
		switch filepath.Ext(p) {
		case ".md":
			data, err := os.ReadFile(p)
			texts[p] = data
			return err
		case ".txtar":
			a, err := txtar.ParseFile(p)
			if err != nil {
				return err
			}
			for _, f := range a.Files {
				if path.Ext(f.Name) == ".md" {
					texts[p+":"+f.Name] = f.Data
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	_, err = scalegen.Generate(scalegen.Config{Releases: 50, Entries: 100, Seed: 7}, func(p string, data []byte) error {
		if path.Ext(p) == ".md" {
			texts["scalegen:"+p] = data
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	own := len(texts)

	corpora := testenv.Shared(t, "corpora")
	err = filepath.WalkDir(corpora, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || (filepath.Ext(p) != ".md" && filepath.Ext(p) != ".txt") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		texts[p] = data
		if filepath.Ext(p) == ".txt" {
			// The news text's lines (CRLF) as one paragraph above, and here as paragraphs, tight and loose
			// list items, lines ending in hard breaks and a setext heading's underline.
			lines := bytes.SplitAfter(data, []byte("\n"))
			var paras, tight, loose, hard bytes.Buffer
			for i, l := range lines {
				paras.Write(l)
				paras.WriteString("\r\n")
				tight.WriteString("- ")
				tight.Write(l)
				loose.WriteString("1. ")
				loose.Write(l)
				loose.WriteString("\n")
				hard.Write(bytes.TrimRight(l, "\r\n"))
				hard.WriteString(map[bool]string{true: "  \r\n", false: "  \n"}[i%2 == 0])
				if i%7 == 6 {
					hard.WriteString("---\n")
				}
			}
			texts[p+" (paragraphs)"], texts[p+" (tight list)"] = paras.Bytes(), tight.Bytes()
			texts[p+" (loose list)"], texts[p+" (hard breaks)"] = loose.Bytes(), hard.Bytes()
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(texts) == own {
		t.Fatalf("no text in %s", corpora)
	}

	plain := 0
	for name, src := range texts {
		asGoldmark(t, name, src)
		plain += plainCount(src)
	}
	if plain < 1000 {
		t.Errorf("%d texts have %d plain paragraphs in all: too few to compare", len(texts), plain)
	}
	t.Logf("%d texts, %d plain paragraphs", len(texts), plain)
}

// FuzzParseDocumentAsGoldmark feeds ParseDocument arbitrary files: it must make of each what it makes with
// goldmark's own parser (see TestParseDocumentAsGoldmark).
func FuzzParseDocumentAsGoldmark(f *testing.F) {
	if src, err := os.ReadFile("testdata/sample.md"); err == nil {
		f.Add(string(src))
	}
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	for _, s := range []string{
		"Title\n===\n\nText.\n", "Title\r\n---\r\nText\n", "a\nb\n=\n", "[x]: /u\nTitle\n===\nNext\n",
		"[x]: /u\n===\nplain\n", "- a\n- b\n\n- c\n", "- a\n\n  b\n- c\n", "1. a\n   b  \n   c\n", "> a\nb\n> c\n",
		"  a  \n\tb\t\n  c   ", "a\n***\nb\n", "a\n    b\n\n    code\n", "- a\n  ---\n", "a\r\nb\r\n\r\nc\rd\n",
		"<div>\na\n</div>\n\nb\n", "# h\na  \nb\\\nc\n", "* a\n*\n\n  b\n", "a\n- b\n2. c\n1. d\n", "\u00a0a\u3000\nb\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		asGoldmark(t, "km.md", []byte(src))
	})
}

// TestInlineSyntax holds what plainLines assumes of goldmark's inline parsers: none is triggered by a blank,
// which would stand for the start of every line, and the link parser by "[", which starts a link reference
// definition too.
func TestInlineSyntax(t *testing.T) {
	if bytes.ContainsAny(inlineSyntax, " \t") || !bytes.Contains(inlineSyntax, []byte("[")) {
		t.Errorf("inline syntax %q", inlineSyntax)
	}
}
