package report

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/relloc/relloc/internal/testenv"
)

// schemasDir returns ../shared/schemas beside the repository root, or skips
// the test when its validate.sh is absent, as it is on a user's clone.
func schemasDir(t *testing.T) string {
	t.Helper()
	return filepath.Dir(testenv.Shared(t, "schemas", "validate.sh"))
}

// TestSchemaValid runs ../shared/schemas/validate.sh on the SARIF and JUnit
// output of each sample. validate.sh exits 0 when the file is valid, 1 when
// it is not, and 2 for a usage error or a missing validator; the test skips
// only on the last.
func TestSchemaValid(t *testing.T) {
	schemas := schemasDir(t)
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("bash not found")
	}
	formats := []struct{ writer, validator, ext string }{
		{"sarif", "sarif", ".sarif"},
		{"junit", "junit", ".xml"},
	}
	for _, s := range samples() {
		for _, f := range formats {
			t.Run(s.name+"/"+f.writer, func(t *testing.T) {
				var buf bytes.Buffer
				if err := Write(f.writer, &buf, s.findings, s.opts); err != nil {
					t.Fatal(err)
				}
				file := filepath.Join(t.TempDir(), s.name+f.ext)
				if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				cmd := exec.Command("bash", filepath.Join(schemas, "validate.sh"), f.validator, file)
				var stderr bytes.Buffer
				cmd.Stderr = &stderr
				err := cmd.Run()
				var exit *exec.ExitError
				switch {
				case err == nil:
				case errors.As(err, &exit) && exit.ExitCode() == 2 && strings.Contains(stderr.String(), "not found"):
					t.Skipf("validator missing (run ../shared/schemas/install-validators.sh): %s", strings.TrimSpace(stderr.String()))
				case errors.As(err, &exit) && exit.ExitCode() == 1:
					t.Errorf("%s output of sample %q is not valid:\n%s\n--- output:\n%s", f.writer, s.name, stderr.String(), buf.String())
				default:
					t.Fatalf("validate.sh %s: %v\n%s", f.validator, err, stderr.String())
				}
			})
		}
	}
}
