package check

import (
	"strings"
	"testing"

	"github.com/relloc/relloc/internal/finding"
)

// TestSegmentMissingNamesTheSentence drops the third of the five Japanese sentences of a paragraph of the seed
// release: the finding says which English sentence has no counterpart, by its place and its text.
func TestSegmentMissingNamesTheSentence(t *testing.T) {
	fsys := seedFS(t, map[string]func(string) string{seed + "/ja.md": func(s string) string {
		return strings.Replace(s, "政治・安全保障分野では、林大臣が、国際的な平和維持活動に対するカンボジアの貢献を高く評価し、この取組においてカンボジアを更に支援していくことを約束しました。", "", 1)
	}})
	var missing []finding.Finding
	for _, f := range run(t, fsys, finding.Error) {
		if f.Rule == "segment-missing" {
			missing = append(missing, f)
		}
	}
	if len(missing) != 1 {
		t.Fatalf("got %d segment-missing findings, want 1: %v", len(missing), missing)
	}
	msg := missing[0].Message
	for _, want := range []string{"English sentence 3 of 5 of paragraph ", seed + "/en.md:", `"In the area of political-security`} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	if !strings.HasPrefix(missing[0].Expected, "In the area of political-security") {
		t.Errorf("expected %q, want the English sentence", missing[0].Expected)
	}
}

// TestSegmentMissingAfterTitle: when the paragraph has a title line of its own ("Bilateral Relations", 二国間関係),
// the title is its first sentence, and the dropped sentence is counted after it. (The Khmer, which has no title
// added, is rightly told that its English title has no counterpart.)
func TestSegmentMissingAfterTitle(t *testing.T) {
	fsys := seedFS(t, map[string]func(string) string{
		seed + "/en.md": func(s string) string {
			return strings.Replace(s, "The two Foreign Ministers noted", "Bilateral Relations\nThe two Foreign Ministers noted", 1)
		},
		seed + "/ja.md": func(s string) string {
			s = strings.Replace(s, "両外相は、日本とカンボジアの友好", "二国間関係\n両外相は、日本とカンボジアの友好", 1)
			return strings.Replace(s, "政治・安全保障分野では、林大臣が、国際的な平和維持活動に対するカンボジアの貢献を高く評価し、この取組においてカンボジアを更に支援していくことを約束しました。", "", 1)
		},
	})
	var missing []finding.Finding
	for _, f := range run(t, fsys, finding.Error) {
		if f.Rule == "segment-missing" && f.Lang == "ja" {
			missing = append(missing, f)
		}
	}
	if len(missing) != 1 {
		t.Fatalf("got %d Japanese segment-missing findings, want 1: %v", len(missing), missing)
	}
	if msg := missing[0].Message; !strings.Contains(msg, "English sentence 4 of 6 of paragraph ") {
		t.Errorf("message %q does not name sentence 4 of 6", msg)
	}
}

// TestAlignTooLargeSilent: the seed release aligns within the default limit, so align-too-large stays silent.
func TestAlignTooLargeSilent(t *testing.T) {
	for _, f := range run(t, seedFS(t, nil), finding.Info) {
		if f.Rule == "align-too-large" {
			t.Errorf("align-too-large fired on the seed release: %s", f.Message)
		}
	}
}
