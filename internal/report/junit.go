package report

import (
	"bufio"
	"bytes"
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

type junitSuite struct {
	XMLName  xml.Name    `xml:"testsuite"`
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
//
// A Writer of this format writes each release's suite once the releases after it have begun (their ids are
// greater) to o.Spool, and the <testsuites> root, whose totals it then knows, with the suites read back from the
// spool at Close, so that a report of tens of thousands of releases is never held whole.
func JUnit(w io.Writer, fs []finding.Finding, o Options) error { return Write("junit", w, fs, o) }

// junitWrite is the JUnit format of a Writer: the findings and cases of the releases whose suites cannot be
// written yet, by release id.
type junitWrite struct {
	w       io.Writer
	spool   io.ReadWriter
	sw      *bufio.Writer // to spool
	ruleIDs []string
	held    map[string]*junitRelease
	// written is the id of the last suite written; a finding or case of a release up to it comes too late.
	written         string
	anyWritten      bool
	tests, failures int
}

// junitRelease is what one release's suite is made of: its findings, escaped (see escaped), in the order given,
// and its cases.
type junitRelease struct {
	findings []finding.Finding
	cases    []Case
}

func newJUnitWrite(w io.Writer, o Options) *junitWrite {
	j := &junitWrite{w: w, spool: o.Spool, held: map[string]*junitRelease{}}
	if j.spool == nil {
		j.spool = &bytes.Buffer{}
	}
	j.sw = bufio.NewWriter(j.spool)
	for _, r := range o.Rules {
		if !slices.Contains(j.ruleIDs, r.ID) {
			j.ruleIDs = append(j.ruleIDs, r.ID)
		}
	}
	return j
}

// release returns what is held of the release id, or an error when its suite is already written.
func (j *junitWrite) release(id string) (*junitRelease, error) {
	if j.anyWritten && id <= j.written {
		return nil, fmt.Errorf("report: a finding or case of release %s given after its test suite or a later one was written", id)
	}
	r := j.held[id]
	if r == nil {
		r = &junitRelease{}
		j.held[id] = r
	}
	return r, nil
}

func (j *junitWrite) add(r Release) error {
	for _, f := range r.Findings {
		h, err := j.release(f.Release)
		if err != nil {
			return err
		}
		h.findings = append(h.findings, escaped(f))
	}
	for _, c := range r.Cases {
		h, err := j.release(c.Release)
		if err != nil {
			return err
		}
		h.cases = append(h.cases, c)
	}
	// Every release to come has an id of at least r.ID.
	return j.flush(func(id string) bool { return id < r.ID })
}

// flush writes, in the order of their ids, the suites of the releases held that ready says are complete.
func (j *junitWrite) flush(ready func(id string) bool) error {
	var ids []string
	for id := range j.held {
		if ready(id) {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	for _, id := range ids {
		if err := j.writeSuite(id, j.held[id]); err != nil {
			return err
		}
		delete(j.held, id)
		j.written, j.anyWritten = id, true
	}
	return nil
}

// writeSuite writes the test suite of one release to the spool, after a line feed, indented as a child of the
// root.
func (j *junitWrite) writeSuite(release string, r *junitRelease) error {
	type group struct {
		errors []finding.Finding
		out    strings.Builder
	}
	groups := map[[2]string]*group{} // by language, rule
	get := func(lang, rule string) *group {
		k := [2]string{lang, rule}
		g := groups[k]
		if g == nil {
			g = &group{}
			groups[k] = g
		}
		return g
	}
	for _, c := range r.cases {
		if len(j.ruleIDs) == 0 {
			get(c.Lang, junitNoRule)
		}
		for _, id := range j.ruleIDs {
			get(c.Lang, id)
		}
	}
	finding.Sort(r.findings)
	for _, f := range r.findings {
		g := get(f.Lang, f.Rule)
		if f.Severity >= finding.Error {
			g.errors = append(g.errors, f)
			continue
		}
		fmt.Fprintf(&g.out, "%s: %s %s: %s\n", location(f), f.Severity, f.Rule, indent(f.Message))
		if ef := expectedFound(f, ui.English); ef != "" {
			fmt.Fprintf(&g.out, "    %s\n", ef)
		}
	}
	// A language that findings gave a rule no longer needs its "check" case.
	langs := map[string]bool{}
	for k := range groups {
		langs[k[0]] = true
		if k[1] != junitNoRule {
			if g, ok := groups[[2]string{k[0], junitNoRule}]; ok && len(g.errors) == 0 && g.out.Len() == 0 {
				delete(groups, [2]string{k[0], junitNoRule})
			}
		}
	}
	order := ruleOrder(j.ruleIDs, groups, func(k [2]string) string { return k[1] })
	suite := junitSuite{Name: orDefault(release, junitNoRelease)}
	for _, lang := range sortedKeys(langs) {
		classname := suite.Name
		if lang != "" {
			classname += "." + lang
		}
		for _, rule := range order {
			g := groups[[2]string{lang, rule}]
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
	j.tests += suite.Tests
	j.failures += suite.Failures
	j.sw.WriteString("\n")
	enc := xml.NewEncoder(j.sw)
	enc.Indent("  ", "  ")
	if err := enc.Encode(suite); err != nil {
		return fmt.Errorf("write junit report: %w", err)
	}
	return nil
}

// close writes the suites still held, then the report: the root with its totals around the suites of the spool.
func (j *junitWrite) close() error {
	if err := j.flush(func(string) bool { return true }); err != nil {
		return err
	}
	if err := j.sw.Flush(); err != nil {
		return fmt.Errorf("write junit report: %w", err)
	}
	if s, ok := j.spool.(io.Seeker); ok {
		if _, err := s.Seek(0, io.SeekStart); err != nil {
			return fmt.Errorf("write junit report: %w", err)
		}
	}
	var root bytes.Buffer
	root.WriteString(xml.Header)
	enc := xml.NewEncoder(&root)
	enc.Indent("", "  ")
	if err := enc.Encode(junitSuites{Name: "relloc", Tests: j.tests, Failures: j.failures}); err != nil {
		return fmt.Errorf("write junit report: %w", err)
	}
	bw := bufio.NewWriter(j.w)
	if j.anyWritten {
		head, _ := bytes.CutSuffix(root.Bytes(), []byte("</testsuites>"))
		bw.Write(head)
		if _, err := io.Copy(bw, j.spool); err != nil {
			return fmt.Errorf("write junit report: %w", err)
		}
		bw.WriteString("\n</testsuites>")
	} else {
		bw.Write(root.Bytes())
	}
	bw.WriteString("\n")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write junit report: %w", err)
	}
	return nil
}

// junitSuites is the root of the report; its suites are written one at a time (see junitWrite).
type junitSuites struct {
	XMLName  xml.Name `xml:"testsuites"`
	Name     string   `xml:"name,attr"`
	Tests    int      `xml:"tests,attr"`
	Failures int      `xml:"failures,attr"`
	Errors   int      `xml:"errors,attr"`
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
