package report

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/relloc/relloc/internal/finding"
	"github.com/relloc/relloc/internal/ui"
)

// Names used in JUnit for findings that belong to no release or language
// (a glossary file, say).
const (
	junitNoRelease = "(no release)"
	junitNoRule    = "check" // the test case of a checked file when no rules are known
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
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Failure   *junitFailure `xml:"failure"`
	SystemOut *junitText    `xml:"system-out"`
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
// per release and, in it, one <testcase> per (language, rule): the rule id
// is the test's name and "release.lang" its classname, so that a CI test
// view lists "2024-03-01-visit › km › glossary-missing".
//
// Every (release, language) of o.Cases gets a test case for every rule of
// o.Rules, so a rule that found nothing shows as a passing test; a rule or a
// pair that only findings name is added too, and a checked pair with no
// rule at all is one test case named "check". Error-level findings fail
// their test case with exactly one <failure>, whose type is the rule id,
// whose message attribute is the finding's message (or, for several, their
// number and the first message) and whose text lists every finding as
// "path:line:col message". Warnings and infos, which do not fail the check,
// are listed in the test case's <system-out>.
//
// With one <failure> per failed test case, the failures attributes count
// both failed test cases and <failure> elements, so consumers that recount
// either way (junitparser counts elements) agree with relloc. errors is
// always 0; a run that could not check anything produces no report.
func JUnit(w io.Writer, fs []finding.Finding, o Options) error {
	type pair struct{ release, lang string }
	type key struct {
		pair
		rule string
	}
	type group struct {
		errors []finding.Finding
		out    strings.Builder
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
	var ruleIDs []string
	for _, r := range o.Rules {
		if !slices.Contains(ruleIDs, r.ID) {
			ruleIDs = append(ruleIDs, r.ID)
		}
	}
	for _, c := range o.Cases {
		p := pair{c.Release, c.Lang}
		if len(ruleIDs) == 0 {
			get(key{p, junitNoRule})
		}
		for _, id := range ruleIDs {
			get(key{p, id})
		}
	}
	for _, f := range sorted(fs) {
		g := get(key{pair{f.Release, f.Lang}, f.Rule})
		if f.Severity >= finding.Error {
			g.errors = append(g.errors, f)
			continue
		}
		fmt.Fprintf(&g.out, "%s: %s %s: %s\n", location(f), f.Severity, f.Rule, indent(f.Message))
		if ef := expectedFound(f, ui.English); ef != "" {
			fmt.Fprintf(&g.out, "    %s\n", ef)
		}
	}
	// A pair that findings gave a rule no longer needs its "check" case.
	for k := range groups {
		if k.rule != junitNoRule {
			if g, ok := groups[key{k.pair, junitNoRule}]; ok && len(g.errors) == 0 && g.out.Len() == 0 {
				delete(groups, key{k.pair, junitNoRule})
			}
		}
	}

	byRelease := map[string]map[string]bool{}
	for k := range groups {
		if byRelease[k.release] == nil {
			byRelease[k.release] = map[string]bool{}
		}
		byRelease[k.release][k.lang] = true
	}
	order := ruleOrder(ruleIDs, groups, func(k key) string { return k.rule })
	root := junitSuites{Name: "relloc"}
	for _, release := range sortedKeys(byRelease) {
		suite := junitSuite{Name: orDefault(release, junitNoRelease)}
		for _, lang := range sortedKeys(byRelease[release]) {
			classname := suite.Name
			if lang != "" {
				classname += "." + lang
			}
			for _, rule := range order {
				g := groups[key{pair{release, lang}, rule}]
				if g == nil {
					continue
				}
				c := junitCase{Name: rule, Classname: classname, Failure: junitFailureOf(g.errors)}
				if g.out.Len() > 0 {
					c.SystemOut = &junitText{xmlText(g.out.String())}
				}
				suite.Cases = append(suite.Cases, c)
				suite.Tests++
				if c.Failure != nil {
					suite.Failures++
				}
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

// junitFailureOf is the one <failure> of a test case whose rule found the
// error-level findings errs, or nil when there are none.
func junitFailureOf(errs []finding.Finding) *junitFailure {
	if len(errs) == 0 {
		return nil
	}
	var text strings.Builder
	for i, f := range errs {
		if i > 0 {
			text.WriteString("\n")
		}
		fmt.Fprintf(&text, "%s %s", location(f), indent(f.Message))
		if ef := expectedFound(f, ui.English); ef != "" {
			text.WriteString("\n    " + ef)
		}
	}
	msg := errs[0].Message
	if len(errs) > 1 {
		msg = fmt.Sprintf("%d errors, the first: %s", len(errs), msg)
	}
	return &junitFailure{Type: errs[0].Rule, Message: msg, Text: xmlText(text.String())}
}

// ruleOrder lists the rules of the keys of m: those of known in their
// order, then the others sorted.
func ruleOrder[K comparable, V any](known []string, m map[K]V, rule func(K) string) []string {
	out := slices.Clone(known)
	extra := map[string]bool{}
	for k := range m {
		if r := rule(k); !slices.Contains(known, r) {
			extra[r] = true
		}
	}
	return append(out, sortedKeys(extra)...)
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
