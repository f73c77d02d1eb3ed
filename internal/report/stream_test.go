package report

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/finding"
	"github.com/relloc/relloc/internal/ui"
)

// streamRelease is a release of streamRun: its folder and its id, which front matter may set to another name.
type streamRelease struct{ dir, id string }

// streamRun makes the findings of a check over releases whose folders, ids and file paths sort in different
// orders: "visit" and "visit-2" (whose files sort before visit's, "-" being before "/"), ids set by front matter
// ("zz-first" for the first folder, "aa-last" for the last), two folders of one id, findings on a folder itself
// (whose path sorts before its files and after a shorter folder's), findings equal but for their order, messages
// with ids that the UI translates, and findings outside releases. It returns the releases in the order a check
// stream gives them (by id, then folder), each with its findings in a random order, and the findings outside
// releases.
func streamRun(rng *rand.Rand) (rels []Release, extra []finding.Finding) {
	releases := []streamRelease{
		{"releases/2024-01-05-a", "zz-first"},
		{"releases/2024-03-01-visit", "2024-03-01-visit"},
		{"releases/2024-03-01-visit-2", "2024-03-01-visit-2"},
		{"releases/2024-03-01-visit-2b", "2024-03-01-visit-2b"},
		{"releases/2024-04-10-summit", "2024-04-10-summit"},
		{"releases/2024-04-11-copy", "2024-04-10-summit"},
		{"releases/2024-06-30-z", "aa-last"},
	}
	rules := []string{"glossary-missing", "glossary-forbidden", "glossary-variant", "segment-count", "not-in-rules"}
	sevs := []finding.Severity{finding.Error, finding.Warning, finding.Info}
	for _, r := range releases {
		rel := Release{ID: r.id, Dir: r.dir}
		for _, lang := range []string{"en", "km", "ja"} {
			p := r.dir + "/" + lang + ".md"
			rel.Cases = append(rel.Cases, Case{Release: r.id, Lang: lang, Path: p})
			if lang == "en" {
				continue
			}
			for i := range 6 {
				f := finding.Finding{Path: p, Line: 1 + rng.IntN(4), Column: 1 + rng.IntN(3), Lang: lang, Release: r.id,
					Rule: rules[rng.IntN(len(rules))], Severity: sevs[rng.IntN(len(sevs))], SourcePath: r.dir + "/en.md", SourceLine: 2}
				switch i % 3 {
				case 0:
					f.Say("SegmentExtra", ui.Args{"Lang": lang, "Text": fmt.Sprintf("%q", "បន្ថែម "+lang)})
				case 1:
					f.Message, f.Expected, f.Found = "“H.E.” is not rendered as “ឯកឧត្តម”", "ឯកឧត្តម", "លោក\u200b"
				default:
					f.Message = "full-width space in “日本国　外務省”\nsecond line <&>"
				}
				rel.Findings = append(rel.Findings, f)
				if i == 0 { // the same finding twice: the second stays second
					rel.Findings = append(rel.Findings, f)
				}
			}
		}
		rel.Findings = append(rel.Findings, finding.Finding{Path: r.dir, Lang: "en", Release: r.id, Rule: "segment-count",
			Severity: finding.Error, Line: 1, Column: 1, EndLine: 1, EndColumn: 1, Message: "the release is too large to align"})
		rng.Shuffle(len(rel.Findings), func(i, j int) { rel.Findings[i], rel.Findings[j] = rel.Findings[j], rel.Findings[i] })
		rels = append(rels, rel)
	}
	slices.SortStableFunc(rels, func(a, b Release) int { return strings.Compare(a.ID, b.ID) })
	extra = []finding.Finding{
		{Path: "glossary/people.toml", Line: 40, Column: 1, Rule: "glossary-variant", Severity: finding.Info, Message: "entry \"kishida\" is not used"},
		{Path: "locale/km.toml", Line: 3, Column: 1, Lang: "km", Rule: "glossary-missing", Severity: finding.Error, Message: "the Khmer translation is empty"},
		{Path: "relloc.toml", Rule: "segment-count", Severity: finding.Warning, Message: "a file after the releases folder"},
	}
	return rels, extra
}

// TestStreamMatchesReference: a Writer given the releases of a check stream one at a time, by id or by folder,
// each release's findings in a random order, writes byte for byte what the writers as they were (reference_test.go) wrote from
// every finding at once, the releases in a random order, in every format and UI language: the order of the
// stream and the writers' holding back make the sort of every finding unnecessary.
func TestStreamMatchesReference(t *testing.T) {
	for seed := range uint64(20) {
		rng := rand.New(rand.NewPCG(seed, 13))
		rels, extra := streamRun(rng)
		// The reference is given the releases in a random order, each release's findings in the order the
		// stream gives them (findings equal under finding.Compare keep it), and the findings outside releases.
		shuffled := slices.Clone(rels)
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		var (
			all     []finding.Finding
			cases   []Case
			folders []string
		)
		for _, r := range shuffled {
			all = append(all, r.Findings...)
			cases = append(cases, r.Cases...)
			folders = append(folders, r.Dir)
		}
		all = append(all, extra...)
		rng.Shuffle(len(folders), func(i, j int) { folders[i], folders[j] = folders[j], folders[i] })
		sum := finding.Summary{Files: 21, Releases: len(rels)}
		for _, lang := range []language.Tag{language.English, language.Khmer, language.Japanese} {
			for _, format := range Formats {
				o := sampleOptions()
				o.UI = ui.New(lang)
				o.Rules = NamedRules(all, o.Rules)
				o.Cases, o.Summary = cases, sum
				var want bytes.Buffer
				if err := refWrite(format, &want, all, o); err != nil {
					t.Fatal(err)
				}
				o.Cases, o.Summary, o.Folders = nil, finding.Summary{}, folders
				// The releases as the index gives them, by id, and, but to JUnit, as check streams the
				// folders of the workspace, by folder.
				orders := map[string][]Release{"by id": rels}
				if format != "junit" {
					orders["by folder"] = slices.SortedFunc(slices.Values(rels), func(a, b Release) int { return strings.Compare(a.Dir, b.Dir) })
				}
				for name, order := range orders {
					var got bytes.Buffer
					w, err := NewWriter(format, &got, o)
					if err != nil {
						t.Fatal(err)
					}
					if err := w.Add(Release{Findings: extra}); err != nil {
						t.Fatal(err)
					}
					for _, r := range order {
						if err := w.Add(r); err != nil {
							t.Fatalf("%s: %v", format, err)
						}
					}
					if err := w.Close(sum); err != nil {
						t.Fatal(err)
					}
					if got.String() != want.String() {
						t.Fatalf("seed %d, %s, UI %s, releases %s: the stream's report differs from the reference\n%s", seed, format, lang, name,
							firstDifference(got.String(), want.String()))
					}
				}
			}
		}
	}
}

// firstDifference shows the lines around the first line where got and want differ.
func firstDifference(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range max(len(g), len(w)) {
		if i >= len(g) || i >= len(w) || g[i] != w[i] {
			lo := max(0, i-3)
			return fmt.Sprintf("line %d\n--- got\n%s\n--- want\n%s", i+1,
				strings.Join(g[lo:min(len(g), i+4)], "\n"), strings.Join(w[lo:min(len(w), i+4)], "\n"))
		}
	}
	return "(equal)"
}

// TestStreamHoldsOnlyWhatMustWait: with the folders known, a release's findings are written when it is added,
// but for those of a folder whose files sort after a folder still to come (releases/a/km.md after releases/a-b);
// JUnit writes a suite once a release of a greater id is added.
func TestStreamHoldsOnlyWhatMustWait(t *testing.T) {
	f := func(p string) finding.Finding {
		return finding.Finding{Path: p, Line: 1, Column: 1, Rule: "segment-count", Severity: finding.Error, Release: path.Base(path.Dir(p)), Message: "m"}
	}
	a := Release{ID: "a", Dir: "releases/a", Findings: []finding.Finding{f("releases/a/km.md")}}
	ab := Release{ID: "a-b", Dir: "releases/a-b", Findings: []finding.Finding{f("releases/a-b/km.md")}}
	c := Release{ID: "c", Dir: "releases/c", Findings: []finding.Finding{f("releases/c/km.md")}}
	var out bytes.Buffer
	w, err := NewWriter("github", &out, Options{Folders: []string{"releases/c", "releases/a-b", "releases/a"}})
	if err != nil {
		t.Fatal(err)
	}
	// github's buffer is flushed only at Close: count what the writer has written or holds instead.
	if err := w.Add(a); err != nil {
		t.Fatal(err)
	}
	if n := w.byPath.held.Len(); n != 1 {
		t.Errorf("after releases/a: %d findings held, want 1 (releases/a-b/km.md comes before releases/a/km.md)", n)
	}
	if err := w.Add(ab); err != nil {
		t.Fatal(err)
	}
	if n := w.byPath.held.Len(); n != 0 {
		t.Errorf("after releases/a-b: %d findings held, want 0", n)
	}
	if err := w.Add(c); err != nil {
		t.Fatal(err)
	}
	if n := w.byPath.held.Len(); n != 0 {
		t.Errorf("after the last folder: %d findings held, want 0", n)
	}

	var spool bytes.Buffer
	j, err := NewWriter("junit", io.Discard, Options{Spool: &spool})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range []Release{a, ab, c} {
		if err := j.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	if got := strings.Count(spool.String(), "<testsuite "); got != 2 {
		t.Errorf("JUnit after releases a, a-b and c: %d suites written, want 2 (c's waits for the releases after it)", got)
	}
}

// TestStreamOrderLost: releases out of id order for JUnit, or a finding of a folder that Options.Folders lacks
// coming after a later one was written, are errors rather than a report out of order.
func TestStreamOrderLost(t *testing.T) {
	f := finding.Finding{Path: "releases/b/km.md", Rule: "segment-count", Release: "b", Message: "m"}
	j, err := NewWriter("junit", io.Discard, Options{Rules: sampleRules})
	if err != nil {
		t.Fatal(err)
	}
	if err := j.Add(Release{ID: "b", Dir: "releases/b", Findings: []finding.Finding{f}}); err != nil {
		t.Fatal(err)
	}
	if err := j.Add(Release{ID: "a", Dir: "releases/a"}); err == nil {
		t.Errorf("junit: release a after release b: no error")
	}
	w, err := NewWriter("text", io.Discard, Options{Folders: []string{"releases/b", "releases/c"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range []Release{{ID: "b", Dir: "releases/b", Findings: []finding.Finding{f}}, {ID: "c", Dir: "releases/c"}} {
		if err := w.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	early := f
	early.Path, early.Release = "releases/a/km.md", "c"
	if err := w.Add(Release{ID: "c", Dir: "releases/a", Findings: []finding.Finding{early}}); err == nil {
		t.Error("a finding of an unlisted folder after later ones were written: no error")
	}
}

// TestJUnitSpoolFile: a spool that is a file is rewound and read back whole.
func TestJUnitSpoolFile(t *testing.T) {
	spool, err := os.CreateTemp(t.TempDir(), "spool")
	if err != nil {
		t.Fatal(err)
	}
	defer spool.Close()
	o := sampleOptions()
	var want, got bytes.Buffer
	if err := Write("junit", &want, sampleFindings(), o); err != nil {
		t.Fatal(err)
	}
	o.Spool = spool
	if err := Write("junit", &got, sampleFindings(), o); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Errorf("with a file as spool:\n%s\nwant:\n%s", got.String(), want.String())
	}
}
