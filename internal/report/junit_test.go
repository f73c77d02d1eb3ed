package report

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/relloc/relloc/internal/finding"
)

// TestJUnitCounts decodes the report and checks its counts against the
// test cases and failures it holds.
func TestJUnitCounts(t *testing.T) {
	type tcase struct {
		Name      string `xml:"name,attr"`
		Classname string `xml:"classname,attr"`
		Failures  []struct {
			Type    string `xml:"type,attr"`
			Message string `xml:"message,attr"`
			Text    string `xml:",chardata"`
		} `xml:"failure"`
		SystemOut string `xml:"system-out"`
	}
	type suite struct {
		Name     string  `xml:"name,attr"`
		Tests    int     `xml:"tests,attr"`
		Failures int     `xml:"failures,attr"`
		Cases    []tcase `xml:"testcase"`
	}
	var doc struct {
		Tests    int     `xml:"tests,attr"`
		Failures int     `xml:"failures,attr"`
		Suites   []suite `xml:"testsuite"`
	}
	var buf bytes.Buffer
	if err := JUnit(&buf, sampleFindings(), sampleOptions()); err != nil {
		t.Fatal(err)
	}
	if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("parse: %v\n%s", err, buf.String())
	}
	var tests, failed, failureElems, errorFindings int
	for _, s := range doc.Suites {
		var sf int
		for _, c := range s.Cases {
			if c.Classname != s.Name && !strings.HasPrefix(c.Classname, s.Name+".") {
				t.Errorf("case %q: classname %q, want the suite name %q and a language", c.Name, c.Classname, s.Name)
			}
			if len(c.Failures) > 1 {
				t.Errorf("case %s %s: %d <failure> elements, want at most one", c.Classname, c.Name, len(c.Failures))
			}
			if len(c.Failures) > 0 {
				sf++
			}
			failureElems += len(c.Failures)
			for _, f := range c.Failures {
				if f.Type != c.Name {
					t.Errorf("case %s %s: failure type %q, want the rule", c.Classname, c.Name, f.Type)
				}
			}
		}
		if s.Tests != len(s.Cases) || s.Failures != sf {
			t.Errorf("suite %q: tests=%d failures=%d, want %d and %d", s.Name, s.Tests, s.Failures, len(s.Cases), sf)
		}
		tests += s.Tests
		failed += s.Failures
	}
	for _, f := range sampleFindings() {
		if f.Severity == finding.Error {
			errorFindings++
		}
	}
	if doc.Tests != tests || doc.Failures != failed {
		t.Errorf("testsuites: tests=%d failures=%d, want %d and %d", doc.Tests, doc.Failures, tests, failed)
	}
	if failureElems != failed {
		t.Errorf("got %d <failure> elements, want one per failed test case (%d)", failureElems, failed)
	}
	// Every (release, language) of the cases has one test case per rule of
	// the catalogue; the sample's 3 error findings have 3 different rules.
	if want := len(sampleCases)*len(sampleRules) + 1; tests != want {
		t.Errorf("got %d test cases, want %d (4 files × 4 rules, and glossary-unused of the glossary file)", tests, want)
	}
	if failed != errorFindings {
		t.Errorf("got %d failed test cases, want %d", failed, errorFindings)
	}
	// The clean 2024-04-10-summit/km must be passing test cases; the
	// Khmer failure's message must survive the round trip.
	var sawClean, sawKhmer bool
	for _, s := range doc.Suites {
		for _, c := range s.Cases {
			if c.Classname == "2024-04-10-summit.km" && c.Name == "glossary-missing" && len(c.Failures) == 0 && c.SystemOut == "" {
				sawClean = true
			}
			for _, f := range c.Failures {
				if f.Message == "“H.E.” is not rendered as “ឯកឧត្តម”" && f.Type == "glossary-missing" {
					sawKhmer = true
				}
			}
		}
	}
	if !sawClean {
		t.Errorf("the clean case 2024-04-10-summit/km is missing or not passing")
	}
	if !sawKhmer {
		t.Errorf("the Khmer glossary-missing failure did not round-trip")
	}
}

func TestXMLText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a < b & c > d", "a &lt; b &amp; c &gt; d"},
		{"line\nnext\ttab", "line\nnext\ttab"},
		{"cr\r\n", "cr&#xD;\n"},
		{"bell\x07 nul\x00", "bell\uFFFD nul\uFFFD"},
		{"bad\xffutf8", "bad\uFFFDutf8"},
		{"“ឯកឧត្តម” 外務大臣 \"q\" 'a'", "“ឯកឧត្តម” 外務大臣 \"q\" 'a'"},
		{"\uFFFE", "\uFFFD"},
		{"\U0001F600", "\U0001F600"},
	}
	for _, tt := range tests {
		got := xmlText(tt.in)
		if got != tt.want {
			t.Errorf("xmlText(%q) = %q, want %q", tt.in, got, tt.want)
		}
		// Whatever goes in, the result must parse as element content.
		var v struct {
			S string `xml:",chardata"`
		}
		if err := xml.Unmarshal([]byte("<x>"+got+"</x>"), &v); err != nil {
			t.Errorf("xmlText(%q) does not parse: %v", tt.in, err)
		}
	}
}
