package report_test

import (
	"os"

	"github.com/relloc/relloc/internal/finding"
	"github.com/relloc/relloc/internal/report"
)

var exampleFindings = []finding.Finding{
	{
		Path: "releases/2024-03-01-visit/km.md", Line: 12, Column: 5, EndLine: 12, EndColumn: 12,
		Lang: "km", Release: "2024-03-01-visit",
		Rule: "glossary-missing", Severity: finding.Error,
		Message: "“H.E.” is not rendered as “ឯកឧត្តម”", Expected: "ឯកឧត្តម", Found: "លោក",
	},
	{
		Path: "releases/2024-03-01-visit/ja.md", Line: 3, Column: 10,
		Lang: "ja", Release: "2024-03-01-visit",
		Rule: "glossary-variant", Severity: finding.Warning,
		Message: "variant “外務大臣閣下”: prefer “外務大臣”",
	},
}

func ExampleText() {
	o := report.Options{Summary: finding.Summary{Files: 3, Releases: 1}}
	report.Text(os.Stdout, exampleFindings, o)
	// Output:
	// releases/2024-03-01-visit/ja.md:3:10: warning glossary-variant: variant “外務大臣閣下”: prefer “外務大臣”
	//
	// releases/2024-03-01-visit/km.md:12:5: error glossary-missing: “H.E.” is not rendered as “ឯកឧត្តម”
	//     expected "ឯកឧត្តម", found "លោក"
	//
	// glossary-missing  1 error
	// glossary-variant  1 warning
	// 1 error, 1 warning, 0 infos in 3 files
}

func ExampleGitHub() {
	report.GitHub(os.Stdout, exampleFindings, report.Options{})
	// Output:
	// ::warning file=releases/2024-03-01-visit/ja.md,line=3,col=10,title=glossary-variant::variant “外務大臣閣下”: prefer “外務大臣”
	// ::error file=releases/2024-03-01-visit/km.md,line=12,col=5,endLine=12,endColumn=12,title=glossary-missing::“H.E.” is not rendered as “ឯកឧត្តម”%0Aexpected: "ឯកឧត្តម"%0Afound: "លោក"
}

func ExampleWrite() {
	err := report.Write("json", os.Stdout, nil, report.Options{Summary: finding.Summary{Files: 2, Releases: 1}})
	if err != nil {
		panic(err)
	}
	// Output:
	// {
	//   "version": 1,
	//   "findings": [],
	//   "summary": {
	//     "errors": 0,
	//     "warnings": 0,
	//     "infos": 0,
	//     "files": 2,
	//     "releases": 1
	//   }
	// }
}
