package xliff

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/testenv"
)

// exportSeed writes the seed's Japanese XLIFF 1.2 into dir and returns its path.
func exportSeed(t *testing.T, dir string) string {
	bt, _ := seed(t)
	var buf bytes.Buffer
	if err := Write(&buf, Export(bt, language.Japanese, nil), V12); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "ja.xlf")
	if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

// TestTranslateToolkitReadsXLIFF: xliff2po (Debian's translate-toolkit) turns relloc's XLIFF 1.2 into a PO
// file with every unit, each located by its segment id.
func TestTranslateToolkitReadsXLIFF(t *testing.T) {
	xliff2po, err := exec.LookPath("xliff2po")
	if err != nil {
		testenv.MissingTool(t, "xliff2po is not installed (apt-get install translate-toolkit)")
	}
	dir := t.TempDir()
	file := exportSeed(t, dir)
	po := filepath.Join(dir, "ja.po")
	if out, err := exec.Command(xliff2po, "--progress=none", file, po).CombinedOutput(); err != nil {
		t.Fatalf("xliff2po: %v\n%s", err, out)
	}
	data, err := os.ReadFile(po)
	if err != nil {
		t.Fatal(err)
	}
	refs := regexp.MustCompile(`(?m)^#: (b\d+\.s\d+)$`).FindAllStringSubmatch(string(data), -1)
	if len(refs) != 19 {
		t.Errorf("xliff2po wrote %d units, want 19:\n%s", len(refs), data)
	}
	if !strings.Contains(string(data), `msgstr "プノンペン、2021年11月18日"`) {
		t.Errorf("the translation of the last unit is missing:\n%s", data)
	}
}

// TestOmegaTRoundTrip runs OmegaT's console mode on relloc's XLIFF 1.2: it must load every unit as a segment,
// and the XLIFF it writes must import back into ja.md unchanged.
func TestOmegaTRoundTrip(t *testing.T) {
	omegat, err := exec.LookPath("omegat")
	if err != nil {
		testenv.MissingTool(t, "OmegaT is not installed (apt-get install omegat)")
	}
	if testing.Short() {
		t.Skip("OmegaT takes about ten seconds")
	}
	proj := t.TempDir()
	for _, d := range []string{"source", "target", "tm", "glossary", "omegat", "dictionary"} {
		if err := os.MkdirAll(filepath.Join(proj, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(proj, "omegat.project"), []byte(testenv.OmegaTProject(false, false)), 0o644); err != nil {
		t.Fatal(err)
	}
	exportSeed(t, filepath.Join(proj, "source"))
	cmd := exec.Command(omegat, proj, "--mode=console-translate")
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir()) // OmegaT keeps its settings in the home folder
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("omegat: %v\n%s", err, out)
	}
	stats, err := os.ReadFile(filepath.Join(proj, "omegat", "project_stats.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`(?m)^Total:\s+19\s`).Match(stats) {
		t.Errorf("OmegaT did not load 19 segments:\n%s", stats)
	}
	data, err := os.ReadFile(filepath.Join(proj, "target", "ja.xlf"))
	if err != nil {
		t.Fatal(err)
	}
	d, err := Read("target/ja.xlf", data)
	if err != nil {
		t.Fatal(err)
	}
	bt, _ := seed(t)
	res, err := Apply(bt, language.Japanese, d, "target/ja.xlf")
	if err != nil {
		t.Fatal(err)
	}
	if res.Unchanged != 19 || !bytes.Equal(res.Data, bt.Release.Doc(language.Japanese).Source) {
		t.Errorf("OmegaT's XLIFF changed ja.md: %d unchanged, changed %v", res.Unchanged, res.Changed)
	}
}
