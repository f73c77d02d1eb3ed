package testenv

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// RepoRoot returns the folder holding go.mod at or above the working directory, which under go test is the
// directory of the package being tested. It fails the test when there is none.
func RepoRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the working directory")
		}
		dir = parent
	}
}

// Shared returns the path of elem under ../shared beside the repository root. That folder holds corpora,
// reference texts and schema validators that are not part of the repository, so Shared skips the test when
// the path does not exist rather than failing it.
func Shared(t testing.TB, elem ...string) string {
	t.Helper()
	p := filepath.Join(append([]string{RepoRoot(t), "..", "shared"}, elem...)...)
	if _, err := os.Stat(p); err != nil {
		name := filepath.ToSlash(filepath.Join(append([]string{"..", "shared"}, elem...)...))
		if errors.Is(err, fs.ErrNotExist) {
			t.Skipf("%s is absent", name)
		}
		t.Skipf("%s is unavailable: %v", name, err)
	}
	return p
}

// MissingTool stops a test that needs an external tool which is not installed: it skips the test on a
// developer's machine and fails it in CI (the CI environment variable set), where .ci/run installs every tool
// the tests need, so that a failed install can never pass as skipped tests.
func MissingTool(t testing.TB, format string, args ...any) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf("CI: "+format, args...)
	}
	t.Skipf(format, args...)
}

// OmegaTProject returns an OmegaT 3.6 project file (omegat.project) from English to Japanese with the default
// folders. sentences turns on OmegaT's sentence segmentation (off when relloc's units are sentences already);
// removeTags makes a segment's text what a TMX read without its inline codes holds.
func OmegaTProject(sentences, removeTags bool) string {
	return fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
    <project version="1.0">
        <source_dir>__DEFAULT__</source_dir>
        <target_dir>__DEFAULT__</target_dir>
        <tm_dir>__DEFAULT__</tm_dir>
        <glossary_dir>__DEFAULT__</glossary_dir>
        <glossary_file>__DEFAULT__</glossary_file>
        <dictionary_dir>__DEFAULT__</dictionary_dir>
        <source_lang>EN</source_lang>
        <target_lang>JA</target_lang>
        <source_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</source_tok>
        <target_tok>org.omegat.tokenizer.LuceneJapaneseTokenizer</target_tok>
        <sentence_seg>%t</sentence_seg>
        <support_default_translations>true</support_default_translations>
        <remove_tags>%t</remove_tags>
    </project>
</omegat>
`, sentences, removeTags)
}
