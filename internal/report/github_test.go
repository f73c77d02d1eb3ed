package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/relloc/relloc/internal/finding"
)

func TestGitHubEscape(t *testing.T) {
	tests := []struct {
		in, data, prop string
	}{
		{"plain", "plain", "plain"},
		{"100%", "100%25", "100%25"},
		{"a\r\nb", "a%0D%0Ab", "a%0D%0Ab"},
		{"a:b,c", "a:b,c", "a%3Ab%2Cc"},
		{"%0A", "%250A", "%250A"}, // an escape sequence in the input stays literal
		{"ឯកឧត្តម: 外務大臣, 閣下", "ឯកឧត្តម: 外務大臣, 閣下", "ឯកឧត្តម%3A 外務大臣%2C 閣下"},
		{"::error::x", "::error::x", "%3A%3Aerror%3A%3Ax"},
	}
	for _, tt := range tests {
		if got := escapeData(tt.in); got != tt.data {
			t.Errorf("escapeData(%q) = %q, want %q", tt.in, got, tt.data)
		}
		if got := escapeProperty(tt.in); got != tt.prop {
			t.Errorf("escapeProperty(%q) = %q, want %q", tt.in, got, tt.prop)
		}
	}
}

func TestGitHubLine(t *testing.T) {
	tests := []struct {
		name string
		f    finding.Finding
		want string
	}{
		{
			"error with span",
			finding.Finding{Path: "releases/a/km.md", Line: 2, Column: 3, EndLine: 2, EndColumn: 8, Rule: "glossary-missing", Severity: finding.Error, Message: "missing “ឯកឧត្តម”"},
			"::error file=releases/a/km.md,line=2,col=3,endLine=2,endColumn=8,title=glossary-missing::missing “ឯកឧត្តម”\n",
		},
		{
			"warning without column",
			finding.Finding{Path: "a,b:c.md", Line: 9, Rule: "r", Severity: finding.Warning, Message: "m"},
			"::warning file=a%2Cb%3Ac.md,line=9,title=r::m\n",
		},
		{
			"info is a notice, whole file",
			finding.Finding{Path: "g.toml", Rule: "glossary-unused", Severity: finding.Info, Message: "unused\nentry", Found: "x"},
			"::notice file=g.toml,title=glossary-unused::unused%0Aentry%0Afound: \"x\"\n",
		},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		if err := GitHub(&buf, []finding.Finding{tt.f}, Options{}); err != nil {
			t.Fatal(err)
		}
		if got := buf.String(); got != tt.want {
			t.Errorf("%s:\ngot  %q\nwant %q", tt.name, got, tt.want)
		}
		if n := strings.Count(buf.String(), "\n"); n != 1 {
			t.Errorf("%s: got %d lines, want 1 (a raw newline would end the command)", tt.name, n)
		}
	}
}
