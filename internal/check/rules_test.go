package check

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/relloc/relloc/internal/finding"
)

// oneRelease returns the repository's relloc.toml and glossary with a single release whose language files are
// given (en, km, ja; an empty text leaves the file out).
func oneRelease(t *testing.T, files map[string]string) fstest.MapFS {
	t.Helper()
	root := "../.."
	fsys := fstest.MapFS{}
	read := func(rel string) {
		b, err := os.ReadFile(filepath.Join(root, rel))
		if err != nil {
			t.Fatal(err)
		}
		fsys[rel] = &fstest.MapFile{Data: b}
	}
	read("relloc.toml")
	gl, _ := filepath.Glob(filepath.Join(root, "glossary", "*.toml"))
	for _, g := range gl {
		read(filepath.ToSlash(filepath.Join("glossary", filepath.Base(g))))
	}
	for lang, text := range files {
		if text != "" {
			fsys["releases/2024-01-01-test/"+lang+".md"] = &fstest.MapFile{Data: []byte(text)}
		}
	}
	return fsys
}

// rulesOf runs check and returns "rule:severity" of every finding of the given rules, in order.
func rulesOf(t *testing.T, fsys fstest.MapFS, rules ...string) []string {
	t.Helper()
	var out []string
	for _, f := range run(t, fsys, finding.Info) {
		for _, r := range rules {
			if f.Rule == r {
				out = append(out, f.Rule+":"+f.Severity.String()+" "+f.Lang)
			}
		}
	}
	return out
}

// TestGlossaryJapanese: how official Japanese renders the glossary's terms, and the faults that must still be found.
func TestGlossaryJapanese(t *testing.T) {
	tests := []struct {
		name, en, ja string
		want         []string
	}{
		{"日 before the partner, 外相 for Foreign Ministers",
			"Japan-Cambodia Foreign Ministers' Meeting", "日・カンボジア外相会談", nil},
		{"訪日 is a visit to Japan",
			"Prime Minister Hun Manet will visit Japan next month.", "フン・マネット首相は来月訪日する予定です。", nil},
		{"the 日 of a date is not Japan",
			"The delegation arrived in Japan on 4 August.", "代表団は8月4日に到着しました。", []string{"glossary-missing:error ja"}},
		{"両国 renders Japan and Cambodia together",
			"The two ministers looked forward to the 70th anniversary of diplomatic relations between Japan and Cambodia.",
			"両外相は、両国外交関係樹立70周年に期待を表明しました。", nil},
		{"両国関係 is bilateral relations",
			"He stated that bilateral relations were at their best ever.", "同大臣は、両国関係は史上最良であると述べました。", []string{"glossary-variant:warning ja"}},
		{"a repeated subject is rendered once: a warning per entry",
			"Japan hopes that Cambodia will prosper, and Japan will continue to support Cambodia.",
			"日本は、カンボジアが繁栄することを望み、引き続きカンボジアを支援していく。", []string{"glossary-count:warning ja"}},
		{"a title replaced by another is still an error",
			"Deputy Prime Minister Prak Sokhonn thanked Japan, and the Deputy Prime Minister welcomed the exchange of visits.",
			"プラック・ソコン副首相は日本に謝意を表明し、同外相は相互訪問の再開を歓迎しました。", []string{"glossary-missing:error ja"}},
		{"a repeated title left out is a warning",
			"Prime Minister Kishida congratulated Prime Minister Hun Manet and said he would work with Prime Minister Hun Manet.",
			"岸田総理大臣は、フン・マネット首相に祝意を伝え、共に取り組んでいきたい旨述べました。", []string{"glossary-count:warning ja"}},
		{"総理 is the prime minister, with no variant warning",
			"Prime Minister Kishida welcomed the visit.", "岸田総理は、今回の訪問を歓迎しました。", nil},
		{"a prime minister written as a foreign minister is an error",
			"Prime Minister Kishida and Prime Minister Hun Manet held a meeting.",
			"岸田外相とフン・マネット首相は会談を行いました。", []string{"glossary-missing:error ja"}},
		{"one Japanese word renders one English mention: 外務大臣 is the minister's title, so 外相 is still needed",
			"Mr. HAYASHI Yoshimasa, Minister for Foreign Affairs of Japan, attended the ASEAN-related Foreign Ministers' Meeting with the Prime Minister.",
			"林芳正外務大臣は、首相と共にASEAN関連外相会議に出席しました。", nil},
		{"a foreign ministers' meeting written as a prime ministers' meeting is an error, though the English has a prime minister",
			"Mr. HAYASHI Yoshimasa, Minister for Foreign Affairs of Japan, attended the ASEAN-related Foreign Ministers' Meeting with the Prime Minister.",
			"林芳正外務大臣は、首相と共にASEAN関連首相会議に出席しました。", []string{"glossary-missing:error ja"}},
		{"林 before 大臣 is Hayashi, with no variant warning",
			"H.E. HAYASHI Yoshimasa welcomed the visit.", "林大臣は、今回の訪問を歓迎しました。", nil},
		{"林 alone is not Hayashi",
			"H.E. HAYASHI Yoshimasa visited the forest.", "同大臣は林を視察しました。", []string{"glossary-missing:error ja"}},
		{"a forbidden rendering is glossary-forbidden alone",
			"Prak Sokhonn arrived in Tokyo.", "プラク・ソコンは東京に到着しました。", []string{"glossary-forbidden:error ja"}},
		{"経済社会開発 is socio-economic development",
			"Japan will support Cambodia's socio-economic development.", "日本はカンボジアの経済社会開発を支援していく。", []string{"glossary-variant:warning ja"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := oneRelease(t, map[string]string{"en": tt.en + "\n", "ja": tt.ja + "\n"})
			got := rulesOf(t, fsys, "glossary-missing", "glossary-count", "glossary-forbidden", "glossary-variant")
			if strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
				t.Errorf("%s / %s\n got  %v\n want %v", tt.en, tt.ja, got, tt.want)
			}
		})
	}
}

// TestGlossaryKhmer: the forbidden ministry name and the accepted Five-point Consensus.
func TestGlossaryKhmer(t *testing.T) {
	tests := []struct {
		name, en, km string
		want         []string
	}{
		{"wrong ministry name",
			"The Ministry of Foreign Affairs and International Cooperation issued a statement.",
			"ក្រសួងការបរទេស និងកិច្ចសហប្រតិបត្តិការអន្តរជាតិ បានចេញសេចក្តីថ្លែងការណ៍មួយ។", []string{"glossary-forbidden:error km"}},
		{"ការឯកភាពប្រាំចំណុច",
			"ASEAN called for the full implementation of the Five-point Consensus.",
			"អាស៊ានបានអំពាវនាវឱ្យអនុវត្តការឯកភាពប្រាំចំណុចឱ្យបានពេញលេញ។", []string{"glossary-variant:warning km"}},
		{"former foreign minister",
			"The former Foreign Minister spoke to the press.",
			"អតីតរដ្ឋមន្ត្រីក្រសួងការបរទេសបាននិយាយទៅកាន់អ្នកសារព័ត៌មាន។", []string{"glossary-variant:warning km"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := oneRelease(t, map[string]string{"en": tt.en + "\n", "km": tt.km + "\n"})
			got := rulesOf(t, fsys, "glossary-missing", "glossary-count", "glossary-forbidden", "glossary-variant")
			if strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
				t.Errorf("%s / %s\n got  %v\n want %v", tt.en, tt.km, got, tt.want)
			}
		})
	}
}
