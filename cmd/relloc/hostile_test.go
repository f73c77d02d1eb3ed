package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/relloc/relloc/internal/cli"
)

// hostileRelease is a release whose every field carries control characters: ANSI and OSC escape sequences (ESC,
// BEL), a backspace, a carriage return that would overwrite the line, a C1 CSI and DEL, in the front matter's id
// and place, in the text, in a suppression, in a draft marker and in the folder's name.
var hostileRelease = map[string]string{
	"relloc.toml": "source = \"en\"\ntargets = [\"km\", \"ja\"]\n",
	"glossary/g.toml": `[[entry]]
id = "mfaic"
category = "organisation"
note = "Full name on first mention.\u001b]0;pwned\u0007\u001b[2J"
[entry.en]
term = "Ministry of Foreign Affairs and International Cooperation"
[entry.km]
term = "ក្រសួងការបរទេស និងសហប្រតិបត្តិការអន្តរជាតិ"
[entry.ja]
term = "外務国際協力省"
`,
	"releases/2024-03-05-visit\x1b[2J/en.md": "+++\nid = \"2024-03-05-visit\\u001b]0;pwned\\u0007\"\nplace = \"Phnom Penh\\u001b[31m\"\n+++\n\n" +
		"# Press Release\x1b[2J\n\n" +
		"The Ministry of Foreign Affairs and International Cooperation \x1b[31mwelcomes\x1b[0m 25 delegates\x07.\n\n" +
		"<!-- relloc-ignore \x1b[41mwidth\x08: \u009b2J -->\n" +
		"The talks lasted 40 minutes\rFAKE LINE\x7f.\n",
	"releases/2024-03-05-visit\x1b[2J/km.md": "# សេចក្តីប្រកាសព័ត៌មាន\x1b]0;km\x07\n\n" +
		"ក្រសួងការបរទេស\x1b[5m បានស្វាគមន៍គណៈប្រតិភូចំនួន ៣០ រូប\x08។\n\n" +
		"<!-- relloc-draft \x1b[31mfuzzy -->\n" +
		"កិច្ចពិភាក្សាមានរយៈពេល ៤០ នាទី\u009b2J។\n",
	"releases/2024-03-05-visit\x1b[2J/ja.md": "# 報道発表\x07\n\n" +
		"外務国際協力省は代表団\x1b[2K３５名を歓迎した\r。\n\n" +
		"会談は４０分間\x7f行われた。\n",
}

// TestControlCharactersEscaped runs every command that prints a release's text, in every output format, on
// hostileRelease: no control character other than line feed and tab may reach stdout or stderr raw.
func TestControlCharactersEscaped(t *testing.T) {
	root := t.TempDir()
	for name, content := range hostileRelease {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	runs := [][]string{
		{"check", "--format", "text"}, {"check", "--format", "json"}, {"check", "--format", "sarif"},
		{"check", "--format", "junit"}, {"check", "--format", "github"},
		{"release", "list"}, {"release", "list", "--format", "json"},
		{"release", "show", "2024-03-05-visit\x1b]0;pwned\x07"},
		{"align", "2024-03-05-visit\x1b]0;pwned\x07"},
		{"glossary", "list"}, {"glossary", "lint"}, {"glossary", "show", "mfaic"},
		{"review", "2024-03-05-visit\x1b]0;pwned\x07"}, {"tm", "search", "--concordance", "delegates"},
		{"coverage"},
		{"release", "show", "no-such\x1b[2J"},
	}
	for _, args := range runs {
		var out, errOut bytes.Buffer
		io := &cli.IO{Out: &out, Err: &errOut, Getwd: func() (string, error) { return root, nil }}
		code := cli.Run(io, args)
		t.Logf("relloc %q: exit %d\n%s%s", args, code, out.String(), errOut.String())
		for _, s := range []struct {
			name string
			b    []byte
		}{{"stdout", out.Bytes()}, {"stderr", errOut.Bytes()}} {
			if i := rawControl(s.b); i >= 0 {
				lo, hi := max(0, i-40), min(len(s.b), i+40)
				t.Errorf("relloc %q: raw control character in %s at byte %d: %q", args, s.name, i, s.b[lo:hi])
			}
		}
		if out.Len() == 0 && code != 2 {
			t.Errorf("relloc %q: no output (exit %d, stderr %q)", args, code, errOut.String())
		}
	}
}

// rawControl returns the offset of the first control character other than line feed and tab in b, or of its
// first byte that is not UTF-8, or -1.
func rawControl(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 || r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || r >= 0x80 && r <= 0x9f {
			return i
		}
		i += n
	}
	return -1
}

// TestImportHugeFile: a 1 GiB CSV (sparse, so the test writes nothing) is refused from its size before a byte of
// it is read.
func TestImportHugeFile(t *testing.T) {
	root := t.TempDir()
	for name, content := range map[string]string{"relloc.toml": hostileRelease["relloc.toml"], "glossary/g.toml": hostileRelease["glossary/g.toml"]} {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	f, err := os.Create(filepath.Join(root, "huge.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(1 << 30); err != nil {
		t.Skipf("sparse file: %v", err)
	}
	f.Close()
	var out, errOut bytes.Buffer
	io := &cli.IO{Out: &out, Err: &errOut, Getwd: func() (string, error) { return root, nil }}
	code := cli.Run(io, []string{"glossary", "import", "huge.csv"})
	if want := "relloc: huge.csv: file is larger than 64 MiB, the limit for an import\n"; code != 2 || errOut.String() != want {
		t.Errorf("glossary import huge.csv: got exit %d, %q, want 2, %q", code, errOut.String(), want)
	}
}
