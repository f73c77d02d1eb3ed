package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/relloc/relloc/internal/finding"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// goldenSuffix names the golden file of each format after the sample name.
var goldenSuffix = map[string]string{"text": "text.txt", "json": "json", "sarif": "sarif", "junit": "junit.xml", "github": "github.txt"}

type sample struct {
	name     string
	findings []finding.Finding
	opts     Options
}

func samples() []sample {
	return []sample{
		{"findings", sampleFindings(), sampleOptions()},
		{"empty", nil, Options{ToolVersion: "0.1.0-test", Rules: sampleRules, Cases: sampleCases, Summary: finding.Summary{Files: 4, Releases: 2}}},
		{"nocases", sampleFindings()[:2], Options{Summary: finding.Summary{Files: 1, Releases: 1}}},
	}
}

// TestGolden renders every sample in every format and compares the output
// with testdata/<sample>.<format>.<ext>. Run with -update to rewrite them.
func TestGolden(t *testing.T) {
	for _, s := range samples() {
		for _, format := range Formats {
			name := s.name + "." + goldenSuffix[format]
			t.Run(name, func(t *testing.T) {
				var buf bytes.Buffer
				if err := Write(format, &buf, s.findings, s.opts); err != nil {
					t.Fatalf("Write(%q): %v", format, err)
				}
				checkGolden(t, name, buf.Bytes())
			})
		}
	}
	t.Run("findings.text-color.txt", func(t *testing.T) {
		o := sampleOptions()
		o.Color = true
		var buf bytes.Buffer
		if err := Text(&buf, sampleFindings(), o); err != nil {
			t.Fatal(err)
		}
		checkGolden(t, "findings.text-color.txt", buf.Bytes())
	})
}

func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden file (run go test -update to create it): %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (go test -update rewrites it)\ngot:\n%s\nwant:\n%s", path, got, want)
	}
}

func TestWriteUnknownFormat(t *testing.T) {
	err := Write("html", &bytes.Buffer{}, nil, Options{})
	if err == nil {
		t.Fatal("Write(\"html\"): got no error, want one")
	}
	for _, f := range Formats {
		if !strings.Contains(err.Error(), f) {
			t.Errorf("error %q does not name the valid format %q", err, f)
		}
	}
}

// TestWritersKeepInput checks that no writer reorders the caller's slice.
func TestWritersKeepInput(t *testing.T) {
	for _, format := range Formats {
		fs := sampleFindings()
		before := slices.Clone(fs)
		if err := Write(format, &bytes.Buffer{}, fs, sampleOptions()); err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		if !reflect.DeepEqual(fs, before) {
			t.Errorf("%s: the findings slice was changed", format)
		}
	}
}

// failWriter fails every write, to check that writers report I/O errors.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, os.ErrClosed }

func TestWritersReportWriteErrors(t *testing.T) {
	for _, format := range Formats {
		err := Write(format, failWriter{}, sampleFindings(), sampleOptions())
		if err == nil {
			t.Errorf("%s: got no error from a failing writer, want one", format)
		}
	}
}

// TestListsCases: a format that ListsCases says needs no cases renders the same without them, and JUnit, which
// needs them, does not, so that a caller that drops the cases for the other formats changes no output.
func TestListsCases(t *testing.T) {
	for _, format := range Formats {
		var with, without bytes.Buffer
		o := sampleOptions()
		if len(o.Cases) == 0 {
			t.Fatal("the sample options have no cases")
		}
		if err := Write(format, &with, sampleFindings(), o); err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		o.Cases = nil
		if err := Write(format, &without, sampleFindings(), o); err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		if same := bytes.Equal(with.Bytes(), without.Bytes()); same == ListsCases(format) {
			t.Errorf("%s: ListsCases %v, but output with and without cases the same: %v", format, ListsCases(format), same)
		}
	}
}
