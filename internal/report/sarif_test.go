package report

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/relloc/relloc/internal/finding"
)

func TestSARIFURI(t *testing.T) {
	tests := []struct{ in, want string }{
		{"releases/2024-03-01-visit/km.md", "releases/2024-03-01-visit/km.md"},
		{"releases/a b/ja.md", "releases/a%20b/ja.md"},
		{"releases/ព័ត៌មាន/km.md", "releases/%E1%9E%96%E1%9F%90%E1%9E%8F%E1%9F%8C%E1%9E%98%E1%9E%B6%E1%9E%93/km.md"},
		{"c:odd.md", "./c:odd.md"}, // not mistaken for a scheme
		{"/abs/path/en.md", "file:///abs/path/en.md"},
	}
	for _, tt := range tests {
		if got := sarifURI(tt.in); got != tt.want {
			t.Errorf("sarifURI(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSARIFRegion(t *testing.T) {
	type reg struct{ sl, sc, el, ec int }
	tests := []struct {
		name string
		in   reg
		want *reg // nil: no region
	}{
		{"whole file", reg{0, 0, 0, 0}, nil},
		{"line only", reg{4, 0, 0, 0}, &reg{4, 0, 0, 0}},
		{"point", reg{4, 2, 0, 0}, &reg{4, 2, 0, 0}},
		{"span", reg{4, 2, 4, 9}, &reg{4, 2, 4, 9}},
		{"end line before start is dropped", reg{4, 2, 3, 1}, &reg{4, 2, 0, 0}},
		{"end column before start is dropped", reg{4, 5, 4, 3}, &reg{4, 5, 4, 0}},
		{"end column on the start line", reg{4, 5, 0, 7}, &reg{4, 5, 0, 7}},
		{"end column on a later line", reg{4, 5, 6, 2}, &reg{4, 5, 6, 2}},
	}
	deref := func(p *int) int {
		if p == nil {
			return 0
		}
		return *p
	}
	for _, tt := range tests {
		r := sarifRegion(tt.in.sl, tt.in.sc, tt.in.el, tt.in.ec)
		if (r == nil) != (tt.want == nil) {
			t.Errorf("%s: region = %v, want nil %v", tt.name, r, tt.want == nil)
			continue
		}
		if r == nil {
			continue
		}
		got := reg{deref(r.StartLine), deref(r.StartColumn), deref(r.EndLine), deref(r.EndColumn)}
		if got != *tt.want {
			t.Errorf("%s: region = %+v, want %+v", tt.name, got, *tt.want)
		}
	}
}

// TestSARIFStructure decodes the log and checks what consumers rely on:
// every result's ruleIndex points at its rule, and levels map as documented.
func TestSARIFStructure(t *testing.T) {
	var buf bytes.Buffer
	if err := SARIF(&buf, sampleFindings(), sampleOptions()); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Schema string `json:"$schema"`
		Runs   []struct {
			ColumnKind string `json:"columnKind"`
			Tool       struct {
				Driver struct {
					Name    string `json:"name"`
					Version string `json:"version"`
					Rules   []struct {
						ID string `json:"id"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID    string            `json:"ruleId"`
				RuleIndex int               `json:"ruleIndex"`
				Level     string            `json:"level"`
				Props     map[string]string `json:"properties"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	if log.Schema != sarifSchema {
		t.Errorf("$schema = %q, want %q", log.Schema, sarifSchema)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("got %d runs, want 1", len(log.Runs))
	}
	run := log.Runs[0]
	if run.ColumnKind != "unicodeCodePoints" || run.Tool.Driver.Name != "relloc" || run.Tool.Driver.Version != "0.1.0-test" {
		t.Errorf("columnKind, name, version = %q, %q, %q; want unicodeCodePoints, relloc, 0.1.0-test", run.ColumnKind, run.Tool.Driver.Name, run.Tool.Driver.Version)
	}
	// 4 known rules plus glossary-unused, which only a finding names.
	if got := len(run.Tool.Driver.Rules); got != len(sampleRules)+1 {
		t.Errorf("got %d rules, want %d", got, len(sampleRules)+1)
	}
	fs := sampleFindings()
	finding.Sort(fs)
	if len(run.Results) != len(fs) {
		t.Fatalf("got %d results, want %d", len(run.Results), len(fs))
	}
	wantLevel := map[finding.Severity]string{finding.Error: "error", finding.Warning: "warning", finding.Info: "note"}
	for i, r := range run.Results {
		if r.RuleIndex < 0 || r.RuleIndex >= len(run.Tool.Driver.Rules) || run.Tool.Driver.Rules[r.RuleIndex].ID != r.RuleID {
			t.Errorf("result %d: ruleIndex %d does not point at rule %q", i, r.RuleIndex, r.RuleID)
		}
		if r.Level != wantLevel[fs[i].Severity] {
			t.Errorf("result %d: level %q, want %q", i, r.Level, wantLevel[fs[i].Severity])
		}
		if r.Props["lang"] != fs[i].Lang || r.Props["found"] != fs[i].Found {
			t.Errorf("result %d: properties %v, want lang %q found %q", i, r.Props, fs[i].Lang, fs[i].Found)
		}
	}
}

// fingerprints gives the fingerprints of fs, a file's findings in order, as the SARIF writer does.
func fingerprints(fs []finding.Finding, prefix string) []string {
	seen := map[string]int{}
	var out []string
	for _, f := range fs {
		out = append(out, fingerprint(f, prefix, seen))
	}
	return out
}

func TestFingerprints(t *testing.T) {
	base := finding.Finding{Path: "releases/2024-05-20-visit/km.md", Line: 3, Column: 1, Lang: "km",
		Rule: "glossary-missing", Expected: "ឯកឧត្តម", Message: "“H.E.” is not rendered as “ឯកឧត្តម”"}
	moved := base
	moved.Line, moved.Column = 9, 4 // a paragraph was inserted above
	other := base
	other.Expected = "នាយករដ្ឋមន្ត្រី"
	inJa := base
	inJa.Path, inJa.Lang = "releases/2024-05-20-visit/ja.md", "ja"

	fp := func(fs ...finding.Finding) []string { return fingerprints(fs, "press") }
	tests := []struct {
		name      string
		a, b      string
		wantEqual bool
	}{
		{"a line move keeps the fingerprint", fp(base)[0], fp(moved)[0], true},
		{"another expected term is another alert", fp(base)[0], fp(other)[0], false},
		{"another file is another alert", fp(base)[0], fp(inJa)[0], false},
		{"two identical problems in one file are two alerts", fp(base, moved)[0], fp(base, moved)[1], false},
		{"the second of two keeps its fingerprint when both move", fp(base, moved)[1], fp(moved, moved)[1], true},
	}
	for _, tt := range tests {
		if got := tt.a == tt.b; got != tt.wantEqual {
			t.Errorf("%s: %q vs %q: equal = %v, want %v", tt.name, tt.a, tt.b, got, tt.wantEqual)
		}
	}
	if a, b := fingerprints([]finding.Finding{base}, "")[0], fingerprints([]finding.Finding{base}, "press")[0]; a == b {
		t.Errorf("the workspace's folder in the repository is not part of the fingerprint: %q", a)
	}
}

func TestRepoPath(t *testing.T) {
	tests := []struct{ prefix, in, want string }{
		{"", "releases/a/km.md", "releases/a/km.md"},
		{"press", "releases/a/km.md", "press/releases/a/km.md"},
		{"ministry/press", "glossary/people.toml", "ministry/press/glossary/people.toml"},
		{"press", "", ""},
		{"press", "/abs/en.md", "/abs/en.md"},
	}
	for _, tt := range tests {
		if got := repoPath(tt.prefix, tt.in); got != tt.want {
			t.Errorf("repoPath(%q, %q) = %q, want %q", tt.prefix, tt.in, got, tt.want)
		}
	}
}

// TestSARIFRuleHelp checks what GitHub code scanning requires of every rule:
// a full description and help in text and Markdown, linking to the rule's
// documentation.
func TestSARIFRuleHelp(t *testing.T) {
	var buf bytes.Buffer
	fs := append(sampleFindings(), finding.Finding{Path: "x.md", Rule: "not-in-catalogue", Severity: finding.Error, Message: "m"})
	if err := SARIF(&buf, fs, sampleOptions()); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			OriginalURIBaseIDs map[string]struct {
				URI string `json:"uri"`
			} `json:"originalUriBaseIds"`
			Tool struct {
				Driver struct {
					Rules []struct {
						ID              string
						FullDescription struct{ Text string }
						Help            struct{ Text, Markdown string }
						HelpURI         string `json:"helpUri"`
					}
				}
			}
			Results []struct {
				PartialFingerprints map[string]string
				Locations           []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI       string `json:"uri"`
							URIBaseID string `json:"uriBaseId"`
						}
					}
				}
			}
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if got, want := run.OriginalURIBaseIDs[sarifRoot].URI, "file:///home/ci/ministry/"; got != want {
		t.Errorf("originalUriBaseIds[%s].uri = %q, want %q", sarifRoot, got, want)
	}
	if len(run.Tool.Driver.Rules) != len(sampleRules)+2 { // glossary-unused and not-in-catalogue
		t.Fatalf("got %d rules, want %d", len(run.Tool.Driver.Rules), len(sampleRules)+2)
	}
	for _, r := range run.Tool.Driver.Rules {
		want := RuleDocURI(r.ID)
		if r.FullDescription.Text == "" || r.Help.Text == "" || r.HelpURI != want ||
			!bytes.Contains([]byte(r.Help.Markdown), []byte("("+want+")")) {
			t.Errorf("rule %s: fullDescription %q, help %q / %q, helpUri %q; want all set, linking to %s",
				r.ID, r.FullDescription.Text, r.Help.Text, r.Help.Markdown, r.HelpURI, want)
		}
	}
	for i, res := range run.Results {
		loc := res.Locations[0].PhysicalLocation.ArtifactLocation
		if loc.URIBaseID != sarifRoot || len(loc.URI) < 6 || loc.URI[:6] != "press/" {
			t.Errorf("result %d: uri %q base %q, want press/… relative to %s", i, loc.URI, loc.URIBaseID, sarifRoot)
		}
		if res.PartialFingerprints[fingerprintKey] == "" {
			t.Errorf("result %d: no partialFingerprints[%q]", i, fingerprintKey)
		}
	}
}
