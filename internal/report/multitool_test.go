package report

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/relloc/relloc/internal/testenv"
)

// TestSARIFMultitool validates relloc's SARIF with Microsoft's SARIF
// multitool (npm @microsoft/sarif-multitool, which .ci/run installs), once
// with GitHub's rule set (the GHnnnn rules: what GitHub Advanced Security
// requires) and once with its SARIF rules; no result may be an error.
func TestSARIFMultitool(t *testing.T) {
	tool, err := exec.LookPath("sarif-multitool")
	if err != nil {
		testenv.MissingTool(t, "sarif-multitool not found (npm install -g @microsoft/sarif-multitool)")
	}
	o := sampleOptions()
	o.RepoPrefix = "press"
	o.RepoRoot = "/home/ci/ministry"
	var buf bytes.Buffer
	if err := SARIF(&buf, sampleFindings(), o); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "relloc.sarif")
	if err := os.WriteFile(in, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, kind := range []string{"Gh", "Sarif"} {
		t.Run(kind, func(t *testing.T) {
			out := filepath.Join(dir, kind+".sarif")
			cmd := exec.Command(tool, "validate", "--rule-kind", kind, "-o", out, in)
			msgs, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("sarif-multitool validate: %v\n%s", err, msgs)
			}
			data, err := os.ReadFile(out)
			if err != nil {
				t.Fatalf("sarif-multitool wrote no log: %v\n%s", err, msgs)
			}
			var log struct {
				Runs []struct {
					Results []struct {
						RuleID  string `json:"ruleId"`
						Level   string `json:"level"`
						Message struct {
							Text string `json:"text"`
						} `json:"message"`
					} `json:"results"`
				} `json:"runs"`
			}
			if err := json.Unmarshal(data, &log); err != nil {
				t.Fatalf("read the multitool's log: %v", err)
			}
			for _, run := range log.Runs {
				for _, r := range run.Results {
					if r.Level == "error" {
						t.Errorf("%s: %s", r.RuleID, r.Message.Text)
					}
				}
			}
		})
	}
}
