package check

import (
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/relloc/relloc/internal/finding"
	"github.com/relloc/relloc/internal/release"
)

var update = flag.Bool("update", false, "rewrite selftest/expected.txt from the findings the sample produces now")

const expectedPath = "selftest/" + ExpectedFile

// TestSelfTest: the known-bad sample produces exactly its expected findings. After an intended change of a
// rule, review the difference this test prints and run `go test ./internal/check -run TestSelfTest -update`.
func TestSelfTest(t *testing.T) {
	if *update {
		writeExpected(t)
	}
	rep, err := SelfTest()
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range rep.Missing {
		t.Errorf("expected finding not produced: %s", e)
	}
	for _, f := range rep.Extra {
		t.Errorf("unexpected finding: %s", expectationOf(f))
	}
	if len(rep.Silent) > 0 {
		t.Errorf("rules that did not fire: %v", rep.Silent)
	}
	if !rep.OK() {
		t.Log("if the change is intended, run: go test ./internal/check -run TestSelfTest -update")
	}
}

// writeExpected rewrites the expected file from the current findings, keeping the lines of rules that this
// test binary does not register (message catalogue rules live in the command line).
func writeExpected(t *testing.T) {
	old, err := os.ReadFile(expectedPath)
	if err != nil {
		t.Fatal(err)
	}
	registered := map[string]bool{}
	for _, r := range Rules() {
		registered[r.ID] = true
	}
	var b strings.Builder
	b.WriteString("# The findings the self-test's known-bad sample must produce, and no others: path:line:column, rule and\n")
	b.WriteString("# message, separated by tabs. Regenerate after an intended change with\n")
	b.WriteString("#   go test ./internal/check -run TestSelfTest -update\n")
	keep, _ := ParseExpectations(old)
	for _, e := range keep {
		if !registered[e.Rule] {
			b.WriteString(e.String() + "\n")
		}
	}
	rep, err := selfTest(Input{}, SelfTestHooks)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range rep.Result.Findings {
		b.WriteString(expectationOf(f).String() + "\n")
	}
	if err := os.WriteFile(expectedPath, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Log("rewrote " + expectedPath + ": rebuild relloc so that the embedded copy follows")
}

// broken wraps a rule with a fault: the rule still runs, but what it reports is altered.
type broken struct {
	Checker
	mutate func([]finding.Finding) []finding.Finding
}

func (b broken) Check(c *Context, report func(finding.Finding)) {
	var fs []finding.Finding
	b.Checker.Check(c, func(f finding.Finding) { fs = append(fs, f) })
	for _, f := range b.mutate(fs) {
		report(f)
	}
}

// faults are the ways a rule can break: it stops firing, it loses one of its findings (a branch disabled), it
// reports at the wrong place, it says something else, or it reports what is not there.
var faults = map[string]func([]finding.Finding) []finding.Finding{
	"silent": func([]finding.Finding) []finding.Finding { return nil },
	"loses one": func(fs []finding.Finding) []finding.Finding {
		if len(fs) == 0 {
			return fs
		}
		return fs[:len(fs)-1]
	},
	"wrong line": func(fs []finding.Finding) []finding.Finding {
		out := append([]finding.Finding(nil), fs...)
		for i := range out {
			out[i].Line++
		}
		return out
	},
	"wrong column": func(fs []finding.Finding) []finding.Finding {
		out := append([]finding.Finding(nil), fs...)
		for i := range out {
			out[i].Column += 2
		}
		return out
	},
	"wrong message": func(fs []finding.Finding) []finding.Finding {
		out := append([]finding.Finding(nil), fs...)
		for i := range out {
			out[i].Message = strings.Replace(out[i].Message, " ", "  ", 1) + "."
		}
		return out
	},
	"one too many": func(fs []finding.Finding) []finding.Finding {
		if len(fs) == 0 {
			return fs
		}
		extra := fs[0]
		extra.Line += 100
		return append(append([]finding.Finding(nil), fs...), extra)
	},
}

// TestSelfTestCatchesBrokenRules breaks each rule in turn, in each way, and shows the self-test failing.
func TestSelfTestCatchesBrokenRules(t *testing.T) {
	tested := map[string]bool{}
	// The rules that fire on the sample's releases themselves; the others fire on their hooks' samples.
	plain, err := selfTest(Input{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	fires := map[string]bool{}
	for _, f := range plain.Result.Findings {
		fires[f.Rule] = true
	}
	for i, ck := range Checkers() {
		if !fires[ck.Rule().ID] {
			continue
		}
		for name, fault := range faults {
			cs := append([]Checker(nil), Checkers()...)
			cs[i] = broken{ck, fault}
			rep, err := selfTest(Input{checkers: cs}, SelfTestHooks)
			if err != nil {
				t.Fatal(err)
			}
			if rep.OK() {
				t.Errorf("%s %s: the self-test passed", ck.Rule().ID, name)
			}
		}
		tested[ck.Rule().ID] = true
	}
	for name, fault := range faults {
		bad := func(r *release.Release, sev map[string]finding.Severity) []finding.Finding {
			return fault(badSuppressions(r, sev))
		}
		rep, err := selfTest(Input{badSuppressions: bad}, SelfTestHooks)
		if err != nil {
			t.Fatal(err)
		}
		if rep.OK() {
			t.Errorf("bad-suppression %s: the self-test passed", name)
		}
	}
	tested["bad-suppression"] = true
	// Rules whose findings come from hooks (drafts' markers and stale sentences) break through their hook.
	for hi, h := range SelfTestHooks {
		rules := map[string]bool{}
		fs, err := h()
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range fs {
			rules[f.Rule] = true
		}
		for rule := range rules {
			for name, fault := range faults {
				hooks := append([]func() ([]finding.Finding, error)(nil), SelfTestHooks...)
				hooks[hi] = breakHook(h, rule, fault)
				rep, err := selfTest(Input{}, hooks)
				if err != nil {
					t.Fatal(err)
				}
				if rep.OK() {
					t.Errorf("%s %s: the self-test passed", rule, name)
				}
			}
			tested[rule] = true
		}
	}
	for _, r := range Rules() {
		if !tested[r.ID] && !strings.HasPrefix(r.ID, "catalog-") {
			t.Errorf("rule %s is never broken by this test", r.ID)
		}
	}
}

func breakHook(h func() ([]finding.Finding, error), rule string, fault func([]finding.Finding) []finding.Finding) func() ([]finding.Finding, error) {
	return func() ([]finding.Finding, error) {
		fs, err := h()
		var mine, rest []finding.Finding
		for _, f := range fs {
			if f.Rule == rule {
				mine = append(mine, f)
			} else {
				rest = append(rest, f)
			}
		}
		return append(rest, fault(mine)...), err
	}
}

func TestParseExpectations(t *testing.T) {
	e, err := ParseExpectations([]byte("# c\nreleases/a/km.md:3:51\tnumber-mismatch\t\"១៩\" (19) is not in the English segment\n"))
	if err != nil || len(e) != 1 || e[0].Path != "releases/a/km.md" || e[0].Line != 3 || e[0].Column != 51 {
		t.Fatalf("got %+v, %v", e, err)
	}
	for _, bad := range []string{"a.md:3\tr\tm", "a.md:x:1\tr\tm", "a.md:1:1 r m"} {
		if _, err := ParseExpectations([]byte(bad)); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}
