package report

import "github.com/relloc/relloc/internal/finding"

// sampleRules is a small rule catalogue standing in for relloc's own.
var sampleRules = []finding.Rule{
	{ID: "glossary-missing", Summary: "A required glossary term is not rendered in the translation.", Description: "The English source uses a glossary term whose rendering is required in this language, but the aligned segment of the translation contains neither the approved term nor an accepted variant. Use the approved rendering from the glossary.", Default: finding.Error},
	{ID: "glossary-forbidden", Summary: "A forbidden rendering of a glossary term is used.", Description: "The translation uses a rendering that the glossary lists as forbidden for this term. Replace it with the approved rendering.", Default: finding.Error},
	{ID: "glossary-variant", Summary: "An accepted variant is used instead of the approved term.", Description: "The translation uses an accepted variant or a look-alike spelling of the approved term. Prefer the approved spelling.", Default: finding.Warning},
	{ID: "segment-count", Summary: "The translation has a different number of segments.", Description: "Releases are aligned segment by segment; a translation with more or fewer segments than the English source cannot be checked term by term.", Default: finding.Error},
}

// sampleFindings exercises Khmer and Japanese text, positions with and
// without end, whole-file findings, and characters that need escaping in
// one format or another (% : , < & " and newlines).
func sampleFindings() []finding.Finding {
	return []finding.Finding{
		{
			Path: "releases/2024-03-01-visit/km.md", Line: 12, Column: 5, EndLine: 12, EndColumn: 12,
			Lang: "km", Release: "2024-03-01-visit", Segment: "p3",
			Rule: "glossary-missing", Severity: finding.Error,
			Message:    "“H.E.” is not rendered as “ឯកឧត្តម”",
			Expected:   "ឯកឧត្តម",
			Found:      "លោក",
			SourcePath: "releases/2024-03-01-visit/en.md", SourceLine: 12,
		},
		{
			Path: "releases/2024-03-01-visit/km.md", Line: 7, Column: 1, EndLine: 7, EndColumn: 9,
			Lang: "km", Release: "2024-03-01-visit", Segment: "p1",
			Rule: "glossary-variant", Severity: finding.Warning,
			Message:  "look-alike spelling of “នាយករដ្ឋមន្ត្រី”: coeng order differs",
			Expected: "នាយករដ្ឋមន្ត្រី",
			Found:    "នាយករដ្ឋមន្រ្តី\u200b",
		},
		{
			Path: "releases/2024-03-01-visit/ja.md", Line: 3, Column: 10, EndLine: 3, EndColumn: 14,
			Lang: "ja", Release: "2024-03-01-visit", Segment: "p1",
			Rule: "glossary-forbidden", Severity: finding.Error,
			Message:  "forbidden rendering “外務大臣閣下”: use “外務大臣” (100% of MOFA readouts, 2023)",
			Expected: "外務大臣",
			Found:    "外務大臣閣下",
		},
		{
			Path: "releases/2024-03-01-visit/ja.md", Line: 5, Column: 2,
			Lang: "ja", Release: "2024-03-01-visit",
			Rule: "glossary-variant", Severity: finding.Info,
			Message: "full-width space in “日本国　外務省”, a, b: c <&>\nsecond line",
		},
		{
			Path: "releases/2024-04-10-summit/ja.md",
			Lang: "ja", Release: "2024-04-10-summit",
			Rule: "segment-count", Severity: finding.Error,
			Message: "ja has 14 segments, en has 15",
		},
		{
			Path: "glossary/people.toml", Line: 40, Column: 1,
			Rule: "glossary-unused", Severity: finding.Info,
			Message: "entry \"kishida\" is not used by any release",
		},
	}
}

// sampleCases are the files the sample run checked: 2024-04-10-summit/km.md
// is clean and must show as a passing test case.
var sampleCases = []Case{
	{Release: "2024-03-01-visit", Lang: "km", Path: "releases/2024-03-01-visit/km.md"},
	{Release: "2024-03-01-visit", Lang: "ja", Path: "releases/2024-03-01-visit/ja.md"},
	{Release: "2024-04-10-summit", Lang: "km", Path: "releases/2024-04-10-summit/km.md"},
	{Release: "2024-04-10-summit", Lang: "ja", Path: "releases/2024-04-10-summit/ja.md"},
}

func sampleOptions() Options {
	return Options{
		ToolVersion: "0.1.0-test",
		Rules:       sampleRules,
		Cases:       sampleCases,
		Summary:     finding.Summary{Files: 6, Releases: 2},
		// The workspace is the folder press/ of a repository.
		RepoPrefix: "press",
		RepoRoot:   "/home/ci/ministry",
	}
}
