package finding_test

import (
	"fmt"

	"github.com/relloc/relloc/internal/finding"
)

func ExampleLines_Position() {
	src := []byte("# 外務省\r\nឯកឧត្តម នាយករដ្ឋមន្ត្រី\n")
	lines := finding.NewLines(src)
	off := len("# 外務省\r\nឯកឧត្តម ") // the byte offset of "នាយក…"
	line, col := lines.Position(off)
	fmt.Printf("%d:%d\n", line, col)
	// Output: 2:9
}

func ExampleSort() {
	fs := []finding.Finding{
		{Path: "releases/a/km.md", Line: 9, Column: 1, Rule: "glossary-missing"},
		{Path: "releases/a/ja.md", Line: 4, Column: 3, Rule: "glossary-forbidden"},
		{Path: "releases/a/km.md", Line: 2, Column: 7, Rule: "glossary-variant"},
	}
	finding.Sort(fs)
	for _, f := range fs {
		fmt.Printf("%s:%d:%d %s\n", f.Path, f.Line, f.Column, f.Rule)
	}
	// Output:
	// releases/a/ja.md:4:3 glossary-forbidden
	// releases/a/km.md:2:7 glossary-variant
	// releases/a/km.md:9:1 glossary-missing
}

func ExampleParseSeverity() {
	s, err := finding.ParseSeverity("warning")
	fmt.Println(s, err, s >= finding.Warning, s >= finding.Error)
	// Output: warning <nil> true false
}

func ExampleSummarize() {
	s := finding.Summarize([]finding.Finding{{Severity: finding.Error}, {Severity: finding.Warning}, {Severity: finding.Warning}})
	fmt.Printf("%d errors, %d warnings, %d infos\n", s.Errors, s.Warnings, s.Infos)
	// Output: 1 errors, 2 warnings, 0 infos
}
