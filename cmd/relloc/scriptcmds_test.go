package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/pmezard/go-difflib/difflib"
	"github.com/rogpeppe/go-internal/testscript"
)

// seedCmd copies this repository's workspace (relloc.toml, glossary, locale, releases) into the script's
// working folder: "seed".
func seedCmd(ts *testscript.TestScript, neg bool, args []string, root string) {
	if neg || len(args) != 0 {
		ts.Fatalf("usage: seed")
	}
	for _, name := range []string{"relloc.toml", "glossary", "locale", "releases"} {
		src := filepath.Join(root, name)
		err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(root, p)
			dst := ts.MkAbs(rel)
			if d.IsDir() {
				return os.MkdirAll(dst, 0o755)
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return os.WriteFile(dst, b, 0o644)
		})
		ts.Check(err)
	}
}

// replaceCmd replaces the one occurrence of OLD in FILE by NEW: "replace FILE OLD NEW". In OLD and NEW, \n is
// a newline. It fails when OLD does not occur exactly once.
func replaceCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: replace FILE OLD NEW")
	}
	path := ts.MkAbs(args[0])
	b, err := os.ReadFile(path)
	ts.Check(err)
	old, new := unescape(args[1]), unescape(args[2])
	if n := strings.Count(string(b), old); n != 1 {
		ts.Fatalf("replace: %q occurs %d times in %s, want once", old, n, args[0])
	}
	ts.Check(os.WriteFile(path, []byte(strings.Replace(string(b), old, new, 1)), 0o644))
}

func unescape(s string) string { return strings.ReplaceAll(s, `\n`, "\n") }

// linediffCmd writes to OUT the lines of file A that file B changed ("-line") and those that replace them
// ("+line"), hunk by hunk, with no context: "linediff A B OUT". Every line not listed is byte for byte the same
// in both files.
func linediffCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: linediff A B OUT")
	}
	a, err := os.ReadFile(ts.MkAbs(args[0]))
	ts.Check(err)
	b, err := os.ReadFile(ts.MkAbs(args[1]))
	ts.Check(err)
	al, bl := difflib.SplitLines(string(a)), difflib.SplitLines(string(b))
	var out strings.Builder
	for _, op := range difflib.NewMatcher(al, bl).GetOpCodes() {
		if op.Tag == 'e' {
			continue
		}
		out.WriteString("@@\n")
		for _, l := range al[op.I1:op.I2] {
			out.WriteString("-" + l)
		}
		for _, l := range bl[op.J1:op.J2] {
			out.WriteString("+" + l)
		}
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[2]), []byte(out.String()), 0o644))
}
