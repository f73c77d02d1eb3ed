package ctrl

import (
	"bytes"
	"encoding/json"
	"testing"
)

func TestEscape(t *testing.T) {
	tests := []struct{ in, esc, line string }{
		{"H.E. Prak Sokhonn", "H.E. Prak Sokhonn", "H.E. Prak Sokhonn"},
		// Khmer keeps its zero-width space and coeng; Japanese its ideographic space.
		{"ឯកឧត្តម\u200bប្រាក់ សុខុន", "ឯកឧត្តម\u200bប្រាក់ សុខុន", "ឯកឧត្តម\u200bប្រាក់ សុខុន"},
		{"外務大臣\u3000林芳正", "外務大臣\u3000林芳正", "外務大臣\u3000林芳正"},
		{"line one\n\tline two", "line one\n\tline two", `line one\n` + "\tline two"},
		{"\x1b]0;pwned\x07\x1b[2J title", `\x1b]0;pwned\x07\x1b[2J title`, `\x1b]0;pwned\x07\x1b[2J title`},
		{"ok\rfake\bX\x7f\x00", `ok\x0dfake\x08X\x7f\x00`, `ok\x0dfake\x08X\x7f\x00`},
		{"C1 \u009b31m and \u0085", `C1 \u009b31m and \u0085`, `C1 \u009b31m and \u0085`},
		{"bad \xff\xe1\x9e byte", `bad \xff\xe1\x9e byte`, `bad \xff\xe1\x9e byte`},
		{"\ufffd is a real character", "\ufffd is a real character", "\ufffd is a real character"},
	}
	for _, tt := range tests {
		if got := Escape(tt.in); got != tt.esc {
			t.Errorf("Escape(%q):\n got %q\nwant %q", tt.in, got, tt.esc)
		}
		if got := EscapeLine(tt.in); got != tt.line {
			t.Errorf("EscapeLine(%q):\n got %q\nwant %q", tt.in, got, tt.line)
		}
	}
}

func TestHas(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Ministry of Foreign Affairs and International Cooperation", false},
		{"ក្រសួងការបរទេស\u200bនិងសហប្រតិបត្តិការអន្តរជាតិ", false},
		{"外務省", false},
		{"two\r\nlines\tand tab", false},
		{"A\x1b[31mRED", true},
		{"bell\x07", true},
		{"nel\u0085", true},
		{"bad \xff", true},
		{"\ufffd", false},
	}
	for _, tt := range tests {
		if got := Has(tt.in); got != tt.want {
			t.Errorf("Has(%q): got %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestWriter(t *testing.T) {
	var b bytes.Buffer
	w := Writer{W: &b}
	n, err := w.Write([]byte("ID\tFOLDER\n2024-03-05-visit\x1b]0;x\x07\treleases/a\n"))
	if want := `ID` + "\t" + `FOLDER` + "\n" + `2024-03-05-visit\x1b]0;x\x07` + "\t" + `releases/a` + "\n"; err != nil || n != 44 || b.String() != want {
		t.Errorf("Write: got %d, %v, %q, want 44, nil, %q", n, err, b.String(), want)
	}
}

func TestEscapeJSON(t *testing.T) {
	in := map[string]string{"id": "visit\x7f\u009b2J\x1b", "km": "ក្រសួង\u200b"}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	got := EscapeJSON(b)
	want := `{"id":"visit\u007f\u009b2J\u001b","km":"ក្រសួង` + "\u200b" + `"}`
	if string(got) != want {
		t.Errorf("EscapeJSON(%q):\n got %q\nwant %q", b, got, want)
	}
	var back map[string]string
	if err := json.Unmarshal(got, &back); err != nil || back["id"] != in["id"] || back["km"] != in["km"] {
		t.Errorf("EscapeJSON changed the value: %v, %q", err, back)
	}
}
