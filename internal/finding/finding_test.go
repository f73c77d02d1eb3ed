package finding

import (
	"fmt"
	"slices"
	"testing"
)

func TestSort(t *testing.T) {
	// The two "b.md:3:1 r1 m" findings differ only in Segment: a stable sort
	// keeps them in input order.
	in := []Finding{
		{Path: "b.md", Line: 3, Column: 1, Rule: "r1", Message: "m", Segment: "first"},
		{Path: "a.md", Line: 10, Column: 1, Rule: "r1"},
		{Path: "b.md", Line: 3, Column: 1, Rule: "r1", Message: "m", Segment: "second"},
		{Path: "a.md", Line: 2, Column: 5, Rule: "r2"},
		{Path: "a.md", Line: 2, Column: 5, EndLine: 2, EndColumn: 9, Rule: "r1"},
		{Path: "a.md", Line: 2, Column: 5, EndLine: 2, EndColumn: 7, Rule: "r9"},
		{Path: "a.md", Line: 2, Column: 1, Rule: "r3"},
		{Path: "b.md", Line: 3, Column: 1, Rule: "r0", Message: "z"},
		{Path: "b.md", Line: 3, Column: 1, Rule: "r1", Message: "a"},
	}
	Sort(in)
	var got []string
	for _, f := range in {
		got = append(got, fmt.Sprintf("%s:%d:%d-%d:%d %s %s %s", f.Path, f.Line, f.Column, f.EndLine, f.EndColumn, f.Rule, f.Message, f.Segment))
	}
	want := []string{
		"a.md:2:1-0:0 r3  ",
		"a.md:2:5-0:0 r2  ",
		"a.md:2:5-2:7 r9  ",
		"a.md:2:5-2:9 r1  ",
		"a.md:10:1-0:0 r1  ",
		"b.md:3:1-0:0 r0 z ",
		"b.md:3:1-0:0 r1 a ",
		"b.md:3:1-0:0 r1 m first",
		"b.md:3:1-0:0 r1 m second",
	}
	if !slices.Equal(got, want) {
		t.Errorf("Sort order:\ngot  %q\nwant %q", got, want)
	}
}

func TestSummarize(t *testing.T) {
	tests := []struct {
		name string
		in   []Finding
		want Summary
	}{
		{"empty", nil, Summary{}},
		{"mixed", []Finding{{Severity: Error}, {Severity: Warning}, {Severity: Error}, {Severity: Info}}, Summary{Errors: 2, Warnings: 1, Infos: 1}},
		{"infos only", []Finding{{Severity: Info}, {Severity: Info}}, Summary{Infos: 2}},
	}
	for _, tt := range tests {
		if got := Summarize(tt.in); got != tt.want {
			t.Errorf("%s: Summarize = %+v, want %+v", tt.name, got, tt.want)
		}
	}
}
