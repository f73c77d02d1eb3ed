package report

// The writers as they were before they streamed, each building its whole document from every finding held and
// sorted: the reference that TestStreamMatchesReference holds the streaming writers to.

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/owenrumney/go-sarif/v2/sarif"

	"github.com/relloc/relloc/internal/ctrl"
	"github.com/relloc/relloc/internal/finding"
	"github.com/relloc/relloc/internal/ui"
)

func refWrite(format string, w io.Writer, fs []finding.Finding, o Options) error {
	var write func(io.Writer, []finding.Finding, Options) error
	switch format {
	case "text":
		write = refText
	case "json":
		write = refJSON
	case "sarif":
		write = refSARIF
	case "junit":
		write = refJUnit
	case "github":
		write = refGitHub
	default:
		return fmt.Errorf("unknown report format %q (valid formats: %s)", format, strings.Join(Formats, ", "))
	}
	return write(w, fs, o)
}

func refSorted(fs []finding.Finding) []finding.Finding {
	out := slices.Clone(fs)
	for i := range out {
		f := &out[i]
		for _, p := range []*string{&f.Path, &f.Lang, &f.Release, &f.Segment, &f.Rule, &f.SourcePath} {
			*p = ctrl.EscapeLine(*p)
		}
		f.Message = ctrl.Escape(f.Message)
	}
	finding.Sort(out)
	return out
}

func refSummary(fs []finding.Finding, o Options) finding.Summary {
	s := finding.Summarize(fs)
	s.Files, s.Releases = o.Summary.Files, o.Summary.Releases
	return s
}

func refInLanguage(fs []finding.Finding, p *ui.Printer) []finding.Finding {
	if p == nil || p.Lang == ui.English.Lang {
		return fs
	}
	out := slices.Clone(fs)
	for i := range out {
		out[i].Message = out[i].In(p)
	}
	return out
}

func refText(w io.Writer, fs []finding.Finding, o Options) error {
	st := newTextStyle(o.Color)
	bw := bufio.NewWriter(w)
	p := o.UI
	fs = refSorted(refInLanguage(fs, p))
	for i, f := range fs {
		if i > 0 && f.Path != fs[i-1].Path {
			bw.WriteString("\n")
		}
		fmt.Fprintf(bw, "%s: %s %s: %s\n", st.pos.Sprint(location(f)), st.severity(f.Severity).Sprint(f.Severity), f.Rule, indent(f.Message))
		if ef := expectedFound(f, p); ef != "" {
			fmt.Fprintf(bw, "    %s\n", ef)
		}
		if f.SourcePath != "" {
			fmt.Fprintf(bw, "    %s\n", p.T("ReportSource", ui.Args{"Location": location(finding.Finding{Path: f.SourcePath, Line: f.SourceLine})}))
		}
	}
	if len(fs) > 0 {
		bw.WriteString("\n")
		refWriteRuleCounts(bw, fs, p)
	}
	s := refSummary(fs, o)
	fmt.Fprintln(bw, p.T("Summary", map[string]string{"Errors": p.N("ErrorCount", s.Errors),
		"Warnings": p.N("WarningCount", s.Warnings), "Infos": p.N("InfoCount", s.Infos), "Files": p.N("FileCount", s.Files)}))
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write text report: %w", err)
	}
	return nil
}

func refWriteRuleCounts(w io.Writer, fs []finding.Finding, p *ui.Printer) {
	byRule := map[string]*finding.Summary{}
	width := 0
	for _, f := range fs {
		c := byRule[f.Rule]
		if c == nil {
			c = &finding.Summary{}
			byRule[f.Rule] = c
			width = max(width, len(f.Rule))
		}
		switch {
		case f.Severity >= finding.Error:
			c.Errors++
		case f.Severity == finding.Warning:
			c.Warnings++
		default:
			c.Infos++
		}
	}
	for _, rule := range sortedKeys(byRule) {
		c := byRule[rule]
		var parts []string
		for _, n := range []struct {
			id    string
			count int
		}{{"ErrorCount", c.Errors}, {"WarningCount", c.Warnings}, {"InfoCount", c.Infos}} {
			if n.count > 0 {
				parts = append(parts, p.N(n.id, n.count))
			}
		}
		fmt.Fprintf(w, "%-*s  %s\n", width, rule, strings.Join(parts, ", "))
	}
}

type jsonReport struct {
	Version  int               `json:"version"`
	Findings []finding.Finding `json:"findings"`
	Summary  finding.Summary   `json:"summary"`
}

func refJSON(w io.Writer, fs []finding.Finding, o Options) error {
	r := jsonReport{Version: jsonVersion, Findings: refSorted(fs), Summary: refSummary(fs, o)}
	for i := range r.Findings {
		f := &r.Findings[i]
		f.Expected, f.Found = ctrl.Escape(f.Expected), ctrl.Escape(f.Found)
	}
	if r.Findings == nil {
		r.Findings = []finding.Finding{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		return fmt.Errorf("write json report: %w", err)
	}
	return nil
}

func refGitHub(w io.Writer, fs []finding.Finding, o Options) error {
	bw := bufio.NewWriter(w)
	p := o.UI
	for _, f := range refSorted(refInLanguage(fs, p)) {
		var props []string
		add := func(name, value string) { props = append(props, name+"="+escapeProperty(value)) }
		if f.Path != "" {
			add("file", slashPath(repoPath(o.RepoPrefix, f.Path)))
		}
		for _, p := range []struct {
			name  string
			value int
		}{{"line", f.Line}, {"col", f.Column}, {"endLine", f.EndLine}, {"endColumn", f.EndColumn}} {
			if p.value > 0 {
				add(p.name, strconv.Itoa(p.value))
			}
		}
		add("title", f.Rule)

		msg := f.Message
		if f.Expected != "" {
			msg += "\n" + p.T("AnnotationExpected", ui.Args{"Value": quote(f.Expected)})
		}
		if f.Found != "" {
			msg += "\n" + p.T("AnnotationFound", ui.Args{"Value": quote(f.Found)})
		}
		fmt.Fprintf(bw, "::%s %s::%s\n", githubCommand(f.Severity), strings.Join(props, ","), escapeData(msg))
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write github report: %w", err)
	}
	return nil
}

type refJUnitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

func refJUnit(w io.Writer, fs []finding.Finding, o Options) error {
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
	for _, f := range refSorted(fs) {
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
	order := refRuleOrder(ruleIDs, groups, func(k key) string { return k.rule })
	root := refJUnitSuites{Name: "relloc"}
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

func refRuleOrder[K comparable, V any](known []string, m map[K]V, rule func(K) string) []string {
	out := slices.Clone(known)
	extra := map[string]bool{}
	for k := range m {
		if r := rule(k); !slices.Contains(known, r) {
			extra[r] = true
		}
	}
	return append(out, sortedKeys(extra)...)
}

func refSARIF(w io.Writer, fs []finding.Finding, o Options) error {
	log, err := sarif.New(sarif.Version210, false)
	if err != nil {
		return fmt.Errorf("write sarif report: %w", err)
	}
	log.Schema = sarifSchema

	run := sarif.NewRunWithInformationURI("relloc", informationURI)
	run.WithColumnKind("unicodeCodePoints")
	if o.ToolVersion != "" {
		run.Tool.Driver.WithVersion(o.ToolVersion)
	}
	run.Tool.Driver.Rules = refSARIFRules(fs, o.Rules)
	root := sarif.NewArtifactLocation().WithDescriptionText("the root of the repository holding the workspace")
	if o.RepoRoot != "" {
		root.WithUri(strings.TrimSuffix(sarifURI(o.RepoRoot), "/") + "/")
	}
	run.OriginalUriBaseIDs = map[string]*sarif.ArtifactLocation{sarifRoot: root}

	fs = refSorted(fs)
	prints := refFingerprints(fs, o.RepoPrefix)
	for i, f := range fs {
		res := sarifResult(f, o.RepoPrefix)
		res.PartialFingerprints = map[string]any{fingerprintKey: prints[i]}
		run.AddResult(res)
	}
	log.AddRun(run)

	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(log); err != nil {
		return fmt.Errorf("write sarif report: %w", err)
	}
	return nil
}

func refSARIFRules(fs []finding.Finding, known []finding.Rule) []*sarif.ReportingDescriptor {
	rules := []*sarif.ReportingDescriptor{}
	seen := map[string]bool{}
	for _, r := range known {
		if seen[r.ID] {
			continue
		}
		seen[r.ID] = true
		rules = append(rules, sarifRule(r))
	}
	missing := map[string]finding.Severity{}
	for _, f := range fs {
		if !seen[f.Rule] {
			missing[f.Rule] = max(missing[f.Rule], f.Severity)
		}
	}
	for _, id := range sortedKeys(missing) {
		rules = append(rules, sarifRule(finding.Rule{ID: id, Default: missing[id]}))
	}
	return rules
}

func refFingerprints(fs []finding.Finding, prefix string) []string {
	out := make([]string, len(fs))
	seen := map[string]int{}
	for i, f := range fs {
		h := sha256.New()
		parts := []string{f.Rule, slashPath(repoPath(prefix, f.Path)), f.Lang, f.Expected, f.Found}
		if f.Expected == "" && f.Found == "" {
			parts = append(parts, f.Message)
		}
		for _, p := range parts {
			h.Write([]byte(p))
			h.Write([]byte{0})
		}
		sum := hex.EncodeToString(h.Sum(nil)[:16])
		out[i] = fmt.Sprintf("%s:%d", sum, seen[sum])
		seen[sum]++
	}
	return out
}
