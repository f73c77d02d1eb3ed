package report

import (
	"bytes"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/relloc/relloc/internal/finding"
	"github.com/relloc/relloc/internal/testenv"
)

// junitparserScript reads a JUnit file with junitparser, recounts its tests
// and failures from the test cases (update_statistics) and prints the
// counts it read and the counts it recomputed.
const junitparserScript = `
import sys
from junitparser import JUnitXml, Failure
xml = JUnitXml.fromfile(sys.argv[1])
read = (xml.tests, xml.failures)
cases = failures = 0
for suite in xml:
    for case in suite:
        cases += 1
        failures += sum(1 for r in case.result if isinstance(r, Failure))
xml.update_statistics()
print(read[0], read[1], cases, failures, xml.tests, xml.failures)
`

// TestJUnitparserRecount has junitparser (Debian python3-junitparser, which
// .ci/run installs) recount relloc's JUnit report: the tests and failures it
// recomputes from the test cases must equal the ones relloc wrote.
func TestJUnitparserRecount(t *testing.T) {
	python := junitparserPython()
	if python == "" {
		testenv.MissingTool(t, "python3 with junitparser not found (apt-get install python3-junitparser)")
	}
	fs := append(sampleFindings(), finding.Finding{
		Path: "releases/2024-03-01-visit/km.md", Line: 20, Column: 3, Lang: "km", Release: "2024-03-01-visit",
		Rule: "glossary-missing", Severity: finding.Error, Message: "“Prime Minister” is not rendered as “នាយករដ្ឋមន្ត្រី”",
	})
	var buf bytes.Buffer
	if err := JUnit(&buf, fs, sampleOptions()); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "relloc.xml")
	if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(python, "-c", junitparserScript, file).CombinedOutput()
	if err != nil {
		t.Fatalf("junitparser: %v\n%s", err, out)
	}
	var doc struct {
		Tests    int `xml:"tests,attr"`
		Failures int `xml:"failures,attr"`
	}
	if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	got := strings.Fields(string(out))
	want := strings.Fields(strings.Repeat(itoa(doc.Tests)+" "+itoa(doc.Failures)+" ", 3))
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("junitparser read, counted and recomputed (tests failures ×3): got %v, want %v\n%s", got, want, buf.String())
	}
	if doc.Failures != 3 {
		t.Errorf("relloc wrote failures=%d, want 3 (two glossary-missing errors of one file fail one test case)", doc.Failures)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// junitparserPython returns a Python that imports junitparser: the first
// python3 on PATH, or Debian's system Python, where python3-junitparser
// installs it when PATH leads to another Python (pyenv, a virtualenv).
func junitparserPython() string {
	for _, p := range []string{"python3", "/usr/bin/python3"} {
		if exec.Command(p, "-c", "import junitparser").Run() == nil {
			return p
		}
	}
	return ""
}
