package check

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/relloc/relloc/internal/finding"
)

// seedFS returns the repository's own workspace (relloc.toml, glossary, the seed release) as an in-memory file
// system, with the files named in edits passed through their edit function.
func seedFS(t *testing.T, edits map[string]func(string) string) fstest.MapFS {
	t.Helper()
	root := "../.."
	fsys := fstest.MapFS{}
	add := func(rel string) {
		b, err := os.ReadFile(filepath.Join(root, rel))
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		if e, ok := edits[rel]; ok {
			s2 := e(s)
			if s2 == s {
				t.Fatalf("edit of %s changed nothing", rel)
			}
			s = s2
		}
		fsys[rel] = &fstest.MapFile{Data: []byte(s)}
	}
	add("relloc.toml")
	gl, _ := filepath.Glob(filepath.Join(root, "glossary", "*.toml"))
	for _, g := range gl {
		add(filepath.ToSlash(filepath.Join("glossary", filepath.Base(g))))
	}
	for _, lang := range []string{"en", "km", "ja"} {
		add(seed + "/" + lang + ".md")
	}
	return fsys
}

const seed = "releases/2021-11-18-prak-sokhonn-hayashi-telephone"

type got struct {
	rule, lang string
	line       int
}

func (g got) String() string { return fmt.Sprintf("%s %s:%d", g.rule, g.lang, g.line) }

// run checks the workspace and returns its findings of at least severity min.
func run(t *testing.T, fsys fstest.MapFS, min finding.Severity) []finding.Finding {
	t.Helper()
	in, err := LoadFS(fsys)
	if err != nil {
		t.Fatal(err)
	}
	var out []finding.Finding
	for _, f := range Run(in).Findings {
		if f.Severity >= min {
			out = append(out, f)
		}
	}
	return out
}

func lineOf(t *testing.T, fsys fstest.MapFS, path, needle string) int {
	t.Helper()
	s := string(fsys[path].Data)
	i := strings.Index(s, needle)
	if i < 0 {
		t.Fatalf("%q not in %s", needle, path)
	}
	return strings.Count(s[:i], "\n") + 1
}

func TestSeedIsClean(t *testing.T) {
	fs := run(t, seedFS(t, nil), finding.Info)
	for _, f := range fs {
		t.Errorf("%s:%d:%d: %s %s: %s", f.Path, f.Line, f.Column, f.Severity, f.Rule, f.Message)
	}
}

// TestSeedMutations changes one thing in a copy of the seed release and expects exactly the findings it causes.
func TestSeedMutations(t *testing.T) {
	km, ja := seed+"/km.md", seed+"/ja.md"
	tests := []struct {
		name string
		file string
		edit func(string) string
		// want is found by the needle's line in the edited file.
		needle string
		want   []got
		min    finding.Severity
	}{
		{
			name: "Khmer H.E. removed before a name",
			file: km,
			edit: func(s string) string {
				return strings.Replace(s, "ជាមួយឯកឧត្តម ហាយ៉ាស៊ិ យ៉ុស៊ិម៉ាសា ដែលទើប", "ជាមួយ ហាយ៉ាស៊ិ យ៉ុស៊ិម៉ាសា ដែលទើប", 1)
			},
			needle: "នៅថ្ងៃទី១៨ ខែវិច្ឆិកា ឆ្នាំ២០២១ ឯកឧត្តម",
			want:   []got{{"glossary-missing", "km", 0}},
			min:    finding.Error,
		},
		{
			name: "one Khmer digit of a date changed",
			file: km,
			edit: func(s string) string {
				return strings.Replace(s, "កាលពីថ្ងៃទី២៤ ខែមេសា", "កាលពីថ្ងៃទី២៥ ខែមេសា", 1)
			},
			needle: "កាលពីថ្ងៃទី២៥ ខែមេសា",
			want:   []got{{"number-mismatch", "km", 0}}, // one changed number, one finding
			min:    finding.Error,
		},
		{
			name: "a Japanese sentence dropped",
			file: ja,
			edit: func(s string) string {
				return strings.Replace(s, "政治・安全保障分野では、林大臣が、国際的な平和維持活動に対するカンボジアの貢献を高く評価し、この取組においてカンボジアを更に支援していくことを約束しました。", "", 1)
			},
			needle: "両外相は、日本とカンボジアの友好協力関係",
			want:   []got{{"segment-missing", "ja", 0}},
			min:    finding.Error,
		},
		{
			name: "a Japanese paragraph replaced by its English",
			file: ja,
			edit: func(s string) string {
				start := strings.Index(s, "会談の最後に、")
				end := start + strings.Index(s[start:], "\n")
				return s[:start] + "In closing the conversation, H.E. HAYASHI Yoshimasa wished a great success to Cambodia in hosting the 13<sup>th</sup> ASEM Summit on 25-26 November 2021 and in steering ASEAN process in 2022." + s[end:]
			},
			needle: "In closing the conversation, H.E. HAYASHI Yoshimasa wished a great success to Cambodia in hosting the 13<sup>",
			want:   []got{{"untranslated", "ja", 0}},
			min:    finding.Error,
		},
		{
			name: "the call rendered with the everyday Japanese word",
			file: ja,
			edit: func(s string) string {
				return strings.Replace(s, "和やかな雰囲気の中で電話会談を行いました", "和やかな雰囲気の中で電話で会談しました", 1)
			},
			needle: "電話で会談しました",
			want:   []got{{"glossary-variant", "ja", 0}}, // a variant to read, not a missing term
			min:    finding.Warning,
		},
		{
			name: "the call rendered with the everyday Khmer word",
			file: km,
			edit: func(s string) string {
				return strings.Replace(s, "បានធ្វើកិច្ចសន្ទនាតាមទូរស័ព្ទប្រកបដោយ", "បានហៅទូរស័ព្ទប្រកបដោយ", 1)
			},
			needle: "បានហៅទូរស័ព្ទប្រកបដោយ",
			want:   []got{{"glossary-variant", "km", 0}},
			min:    finding.Warning,
		},
		{
			name: "the call not rendered at all",
			file: ja,
			edit: func(s string) string {
				return strings.Replace(s, "和やかな雰囲気の中で電話会談を行いました", "和やかな雰囲気の中で会談を行いました", 1)
			},
			needle: "和やかな雰囲気の中で会談を行いました",
			want:   []got{{"glossary-missing", "ja", 0}},
			min:    finding.Error,
		},
		{
			name: "ឯកឧត្តម written with coeng DA",
			file: km,
			edit: func(s string) string {
				return strings.Replace(s, "ក្នុងការបញ្ចប់កិច្ចសន្ទនា ឯកឧត្តម", "ក្នុងការបញ្ចប់កិច្ចសន្ទនា ឯកឧត្ដម", 1)
			},
			needle: "ក្នុងការបញ្ចប់កិច្ចសន្ទនា",
			// ឧត្ដម with coeng DA is the dictionary spelling, not an encoding error: only the glossary's choice
			// of coeng TA makes it a variant.
			want: []got{{"glossary-variant", "km", 0}},
			min:  finding.Warning,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := seedFS(t, map[string]func(string) string{tt.file: tt.edit})
			line := lineOf(t, fsys, tt.file, tt.needle)
			var have []string
			for _, f := range run(t, fsys, tt.min) {
				have = append(have, got{f.Rule, f.Lang, f.Line}.String())
			}
			var want []string
			for _, w := range tt.want {
				w.line = line
				want = append(want, w.String())
			}
			if strings.Join(have, "; ") != strings.Join(want, "; ") {
				t.Errorf("findings:\n got  %v\n want %v", have, want)
			}
		})
	}
}

// TestRulesHaveDocs: every rule has an id, a summary and a description, and ids are unique.
func TestRulesHaveDocs(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Rules() {
		if r.ID == "" || r.Summary == "" || r.Description == "" {
			t.Errorf("rule %q lacks documentation", r.ID)
		}
		if seen[r.ID] {
			t.Errorf("rule %q registered twice", r.ID)
		}
		seen[r.ID] = true
	}
}

func TestProgress(t *testing.T) {
	in, err := LoadFS(seedFS(t, nil))
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 5; i++ {
		in.Releases = append(in.Releases, in.Releases[0])
	}
	var calls, last int
	in.Progress = func(done, total int) {
		calls++
		if done != last+1 || total != 6 {
			t.Errorf("progress(%d, %d) after %d", done, total, last)
		}
		last = done
	}
	Run(in)
	if calls != 6 || last != 6 {
		t.Errorf("progress called %d times, last %d; want 6, 6", calls, last)
	}
}
