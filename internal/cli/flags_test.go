package cli

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

func TestParseLangs(t *testing.T) {
	targets := []language.Tag{language.Khmer, language.Japanese}
	tests := []struct {
		in      string
		want    string
		wantErr string
	}{
		{"", "[]", ""},
		{"km", "[km]", ""},
		{"km, ja", "[km ja]", ""},
		{"fr", "", "fr is not a target language"},
		{"k!m", "", `"k!m" is not a language tag`},
	}
	for _, tt := range tests {
		got, err := parseLangs(tt.in, targets)
		if tt.wantErr != "" {
			var ue *usageError
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !errors.As(err, &ue) {
				t.Errorf("parseLangs(%q): got error %v, want a usage error containing %q", tt.in, err, tt.wantErr)
			}
			continue
		}
		s := "["
		for i, g := range got {
			if i > 0 {
				s += " "
			}
			s += g.String()
		}
		if s += "]"; err != nil || s != tt.want {
			t.Errorf("parseLangs(%q) = %s, %v; want %s", tt.in, s, err, tt.want)
		}
	}
}

// TestExitStatus: 0 for success, 2 for a usage error or a run failure, with the message on stderr.
func TestExitStatus(t *testing.T) {
	tests := []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"version"}, ExitOK, ""},
		{[]string{"version", "extra"}, ExitFailure, "takes no arguments"},
		{[]string{"check", "--format", "pdf"}, ExitFailure, `--format "pdf"`},
		{[]string{"--workspace", t.TempDir(), "check"}, ExitFailure, "not a relloc workspace (no relloc.toml in it)"},
	}
	for _, tt := range tests {
		var out, errOut bytes.Buffer
		io := &IO{Out: &out, Err: &errOut, Getwd: func() (string, error) { return t.TempDir(), nil }}
		if code := Run(io, tt.args); code != tt.code || !strings.Contains(errOut.String(), tt.stderr) {
			t.Errorf("relloc %v: exit %d, stderr %q; want %d and %q", tt.args, code, errOut.String(), tt.code, tt.stderr)
		}
	}
}
