package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/glossary"
	"github.com/relloc/relloc/internal/testenv"
)

// omegatGlossaryReader prints every entry that OmegaT's own TBX reader (org.omegat.gui.glossary.
// GlossaryReaderTBX, which the Glossary pane uses) finds in each file of a project's glossary folder, as
// "source<TAB>target" lines, for the project's languages. OmegaT 3.6's console mode reads no glossary at all
// (Core.initializeConsole sets up no GlossaryManager: the glossary is a pane of the GUI), so this is how a
// test can see what OmegaT makes of relloc's TBX without a display.
const omegatGlossaryReader = `import java.io.File;
import org.omegat.core.Core;
import org.omegat.core.data.NotLoadedProject;
import org.omegat.core.data.ProjectProperties;
import org.omegat.gui.glossary.GlossaryEntry;
import org.omegat.gui.glossary.GlossaryReaderTBX;
import org.omegat.util.Language;

public class OmegaTGlossary {
  public static void main(String[] args) throws Exception {
    File dir = new File(args[0]);
    final ProjectProperties props = new ProjectProperties(dir);
    props.setSourceLanguage(new Language(args[1]));
    props.setTargetLanguage(new Language(args[2]));
    Core.setProject(new NotLoadedProject() {
      @Override public ProjectProperties getProjectProperties() { return props; }
    });
    for (File f : new File(dir, "glossary").listFiles()) {
      for (GlossaryEntry e : GlossaryReaderTBX.read(f, false)) {
        System.out.println(e.getSrcText() + "\t" + e.getLocText());
      }
    }
  }
}
`

// omegatJar returns OmegaT's jar, which the omegat launcher runs (java ... -jar JAR).
func omegatJar(t *testing.T) string {
	t.Helper()
	launcher, err := exec.LookPath("omegat")
	if err != nil {
		testenv.MissingTool(t, "OmegaT is not installed (apt-get install omegat)")
	}
	script, err := os.ReadFile(launcher)
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`-jar\s+(\S+\.jar)`).FindSubmatch(script)
	if m == nil {
		t.Fatalf("%s runs no jar:\n%s", launcher, script)
	}
	return string(m[1])
}

// TestOmegaTReadsTBX: OmegaT's TBX reader loads relloc's TBX 2008 glossary (glossary export --format tbx) with
// every English term and variant of the workspace's glossary, each paired with its Japanese term and variants.
func TestOmegaTReadsTBX(t *testing.T) {
	jar := omegatJar(t)
	if _, err := exec.LookPath("javac"); err != nil {
		testenv.MissingTool(t, "a JDK is not installed (apt-get install default-jdk-headless): the test compiles a Java class against OmegaT")
	}
	if testing.Short() {
		t.Skip("compiles and runs Java")
	}
	root := testenv.RepoRoot(t)
	proj := t.TempDir()
	if err := os.MkdirAll(filepath.Join(proj, "glossary"), 0o755); err != nil {
		t.Fatal(err)
	}
	tbx := rellocOut(t, root, "glossary", "export", "--format", "tbx")
	if err := os.WriteFile(filepath.Join(proj, "glossary", "relloc.tbx"), tbx, 0o644); err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(t.TempDir(), "OmegaTGlossary.java")
	if err := os.WriteFile(src, []byte(omegatGlossaryReader), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("java", "-cp", jar, src, proj, "EN", "JA").CombinedOutput()
	if err != nil {
		t.Fatalf("OmegaT's TBX reader: %v\n%s", err, out)
	}
	read := map[string]bool{}
	sources := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSuffix(string(out), "\n"), "\n") {
		s, tgt, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("OmegaT's TBX reader wrote %q:\n%s", line, out)
		}
		read[s+"\t"+tgt] = true
		sources[s] = true
	}
	g, err := glossary.Load(filepath.Join(root, "glossary"), glossary.Options{Targets: []language.Tag{language.Khmer, language.Japanese}}, filepath.Base)
	if err != nil {
		t.Fatal(err)
	}
	missing, pairs := 0, 0
	for _, e := range g.Entries {
		ja := e.Target(language.Japanese)
		for _, en := range e.EN.Forms() {
			if !sources[en] {
				missing++
				t.Errorf("OmegaT did not read the English %q of %s", en, e.ID)
			}
			for _, j := range append([]string{ja.Term}, ja.Variants...) {
				if j == "" {
					continue
				}
				pairs++
				if !read[en+"\t"+j] {
					missing++
					t.Errorf("OmegaT did not read %q = %q (%s)", en, j, e.ID)
				}
			}
		}
	}
	t.Logf("OmegaT read %d glossary lines; %d entries, %d English–Japanese pairs expected, %d missing", len(read), len(g.Entries), pairs, missing)
}
