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
