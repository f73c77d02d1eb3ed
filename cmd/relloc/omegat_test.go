package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/renderer/html"

	"github.com/relloc/relloc/internal/cli"
	"github.com/relloc/relloc/internal/testenv"
)

// rellocOut runs relloc in the workspace root and returns its standard output; the run must exit 0.
func rellocOut(t *testing.T, root string, args ...string) []byte {
	t.Helper()
	var out, errOut bytes.Buffer
	io := &cli.IO{Out: &out, Err: &errOut, Getwd: func() (string, error) { return root, nil }}
	if code := cli.Run(io, args); code != 0 {
		t.Fatalf("relloc %v: exit %d\n%s", args, code, errOut.String())
	}
	return out.Bytes()
}

// omegatConsole runs OmegaT 3.6's console mode on the project folder proj, with a home folder of its own
// (OmegaT keeps its settings there).
func omegatConsole(t *testing.T, proj string, args ...string) []byte {
	t.Helper()
	omegat, err := exec.LookPath("omegat")
	if err != nil {
		testenv.MissingTool(t, "OmegaT is not installed (apt-get install omegat)")
	}
	cmd := exec.Command(omegat, append([]string{proj}, args...)...)
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("omegat %v: %v\n%s", args, err, out)
	}
	return out
}

// omegatFilters keeps a paragraph with hard line breaks (<br>) one paragraph, as relloc's segments do.
const omegatFilters = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<filters>
    <filter className="org.omegat.filters2.html2.HTMLFilter2" enabled="true">
        <files sourceFilenameMask="*.html" targetFilenamePattern="${filename}"/>
        <option name="paragraphOnBr" value="false"/>
    </filter>
</filters>
`

// seedHTML renders the seed release's English (its Markdown after the front matter) as the HTML document a
// translator would be given.
func seedHTML(t *testing.T, root string) []byte {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(root, "releases", "2021-11-18-prak-sokhonn-hayashi-telephone", "en.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := bytes.Cut(src, []byte("+++\n"))
	_, body, ok2 := bytes.Cut(rest, []byte("+++\n"))
	if !ok || !ok2 {
		t.Fatal("en.md has no TOML front matter")
	}
	var b bytes.Buffer
	b.WriteString("<!DOCTYPE html>\n<html><body>\n")
	if err := goldmark.New(goldmark.WithRendererOptions(html.WithUnsafe())).Convert(body, &b); err != nil {
		t.Fatal(err)
	}
	b.WriteString("</body></html>\n")
	return b.Bytes()
}

// omegatExactMatches builds an OmegaT project whose source is the seed's English as HTML and whose tm/auto
// holds relloc's TMX (OmegaT fills every segment with an exact match in tm/auto on loading), with
// segmentation, when not nil, as its omegat/segmentation.conf, translates it in console mode and returns
// the number of segments and of those left untranslated, from OmegaT's project_stats.txt.
func omegatExactMatches(t *testing.T, root string, tmx, segmentation []byte) (total, remaining int) {
	t.Helper()
	proj := t.TempDir()
	files := map[string][]byte{
		"omegat.project":     []byte(testenv.OmegaTProject(true, true)),
		"omegat/filters.xml": []byte(omegatFilters),
		"source/en.html":     seedHTML(t, root),
		"tm/auto/relloc.tmx": tmx,
	}
	if segmentation != nil {
		files["omegat/segmentation.conf"] = segmentation
	}
	for _, d := range []string{"source", "target", "tm/auto", "glossary", "omegat", "dictionary"} {
		if err := os.MkdirAll(filepath.Join(proj, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(proj, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	log := omegatConsole(t, proj, "--mode=console-translate")
	if bytes.Contains(log, []byte("CORE_SRX_EXC_LOADING_SEG_RULES")) {
		t.Fatalf("OmegaT could not load the segmentation rules:\n%s", log)
	}
	stats, err := os.ReadFile(filepath.Join(proj, "omegat", "project_stats.txt"))
	if err != nil {
		t.Fatal(err)
	}
	count := func(row string) int {
		m := regexp.MustCompile(`(?m)^` + row + `:\s+(\d+)\s`).FindSubmatch(stats)
		if m == nil {
			t.Fatalf("project_stats.txt has no %s row:\n%s", row, stats)
		}
		n, _ := strconv.Atoi(string(m[1]))
		return n
	}
	total, remaining = count("Total"), count("Remaining")
	target, err := os.ReadFile(filepath.Join(proj, "target", "en.html"))
	if err != nil {
		t.Fatal(err)
	}
	if remaining == 0 && !bytes.Contains(target, []byte("プノンペン、2021年11月18日")) {
		t.Errorf("OmegaT counts every segment translated, but its translation lacks the last one:\n%s", target)
	}
	return total, remaining
}

// TestOmegaTExactMatches: relloc's translation memory (tm export) gives OmegaT 3.6 an exact match for every
// one of the seed's 19 English sentences when the project segments with relloc's rules (export srx --format
// omegat); with OmegaT's own rules, which split after "H.E.", it does not.
func TestOmegaTExactMatches(t *testing.T) {
	if _, err := exec.LookPath("omegat"); err != nil {
		testenv.MissingTool(t, "OmegaT is not installed (apt-get install omegat)")
	}
	if testing.Short() {
		t.Skip("OmegaT takes some seconds a run")
	}
	root := testenv.RepoRoot(t)
	tmx := rellocOut(t, root, "tm", "export")
	conf := rellocOut(t, root, "export", "srx", "--format", "omegat")
	total, remaining := omegatExactMatches(t, root, tmx, conf)
	if total != 19 || remaining != 0 {
		t.Errorf("with relloc's segmentation: %d exact matches of %d segments, want 19 of 19", total-remaining, total)
	}
	total, remaining = omegatExactMatches(t, root, tmx, nil)
	if remaining == 0 {
		t.Errorf("with OmegaT's own segmentation every one of %d segments matched; the test no longer shows what relloc's rules do", total)
	}
	t.Logf("with OmegaT's own segmentation: %d exact matches of %d segments", total-remaining, total)
}
