package report

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/relloc/relloc/internal/finding"
)

// Names used in JUnit for findings that belong to no release or language
// (a glossary file, say).
const (
	junitNoRelease = "(no release)"
	junitNoLang    = "(no language)"
)

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string         `xml:"name,attr"`
	Classname string         `xml:"classname,attr"`
	Failures  []junitFailure `xml:"failure"`
	SystemOut *junitText     `xml:"system-out"`
}

// junitText is element content escaped by xmlText: encoding/xml would
// write every newline as &#xA; and every quote as &#34;, which is valid but
// makes the report hard to read in a CI log.
type junitText struct {
	Text string `xml:",innerxml"`
}

type junitFailure struct {
	Type    string `xml:"type,attr"`
	Message string `xml:"message,attr"`
	Text    string `xml:",innerxml"`
}

// JUnit writes a JUnit XML report that validates against the Jenkins
// xunit-plugin junit-10.xsd: a <testsuites> root holding one <testsuite>
// per release and, in it, one <testcase> per language of that release, named
// after the language ("km") with the release as classname.
//
// Every (release, language) of o.Cases appears, so clean ones show as
// passing tests; a pair that only findings name is added too. Each
// error-level finding is a <failure> whose type is the rule id, whose
// message attribute is the message, and whose text is
// "path:line:col rule message". Warnings and infos, which do not fail the
// check, are listed in the test case's <system-out>.
//
// A test case fails when it has at least one failure: the failures
// attributes count failed test cases (as JUnit consumers expect, so that
// failures never exceed tests), not <failure> elements. errors is always 0;
// a run that could not check anything produces no report.
func JUnit(w io.Writer, fs []finding.Finding, o Options) error {
	type key struct{ release, lang string }
	type group struct {
		failures []junitFailure
		out      strings.Builder
	}
	groups := map[key]*group{}
	get := func(k key) *group {
		g := groups[k]
		if g == nil {
			g = &group{}
			groups[k] = g
		}
		return g
	}
	for _, c := range o.Cases {
		get(key{c.Release, c.Lang})
	}
	for _, f := range sorted(fs) {
		g := get(key{f.Release, f.Lang})
		if f.Severity >= finding.Error {
			text := fmt.Sprintf("%s %s %s", location(f), f.Rule, indent(f.Message))
			if ef := expectedFound(f); ef != "" {
				text += "\n    " + ef
			}
			g.failures = append(g.failures, junitFailure{Type: f.Rule, Message: f.Message, Text: xmlText(text)})
			continue
		}
		fmt.Fprintf(&g.out, "%s: %s %s: %s\n", location(f), f.Severity, f.Rule, indent(f.Message))
		if ef := expectedFound(f); ef != "" {
			fmt.Fprintf(&g.out, "    %s\n", ef)
		}
	}

	byRelease := map[string][]string{}
	for k := range groups {
		byRelease[k.release] = append(byRelease[k.release], k.lang)
	}
	root := junitSuites{Name: "relloc"}
	for _, release := range sortedKeys(byRelease) {
		suite := junitSuite{Name: orDefault(release, junitNoRelease)}
		langs := map[string]bool{}
		for _, l := range byRelease[release] {
			langs[l] = true
		}
		for _, lang := range sortedKeys(langs) {
			g := groups[key{release, lang}]
			c := junitCase{Name: orDefault(lang, junitNoLang), Classname: suite.Name, Failures: g.failures}
			if g.out.Len() > 0 {
				c.SystemOut = &junitText{xmlText(g.out.String())}
			}
			suite.Cases = append(suite.Cases, c)
			suite.Tests++
			if len(g.failures) > 0 {
				suite.Failures++
			}
		}
		root.Tests += suite.Tests
		root.Failures += suite.Failures
		root.Suites = append(root.Suites, suite)
	}

	bw := bufio.NewWriter(w)
	bw.WriteString(xml.Header)
	enc := xml.NewEncoder(bw)
	enc.Indent("", "  ")
	if err := enc.Encode(root); err != nil {
		return fmt.Errorf("write junit report: %w", err)
	}
	bw.WriteString("\n")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write junit report: %w", err)
	}
	return nil
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// xmlText escapes s for element content: &, < and > become references, CR
// becomes &#xD; so that it survives parsing, and runes that XML 1.0 cannot
// hold at all (most C0 controls, U+FFFE, U+FFFF, invalid UTF-8) become
// U+FFFD, as encoding/xml does.
func xmlText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '\r':
			b.WriteString("&#xD;")
		case r == '\t' || r == '\n' ||
			r >= 0x20 && r <= 0xD7FF && r != utf8.RuneError ||
			r >= 0xE000 && r <= 0xFFFD ||
			r >= 0x10000 && r <= 0x10FFFF:
			b.WriteRune(r)
		default:
			b.WriteRune('\uFFFD')
		}
	}
	return b.String()
}
