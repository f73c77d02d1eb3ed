package cli

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/ui"
)

// TestUsageMessages: every usage error the code raises (usage("ID", ...)) and every message of a findings
// error (findingsError{id: "ID"}) is a message of relloc's catalogues in English, Khmer and Japanese.
func TestUsageMessages(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	call := regexp.MustCompile(`\busage\("(\w+)"|findingsError\{id: "(\w+)"`)
	ids := map[string]string{}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range call.FindAllStringSubmatch(string(src), -1) {
			ids[m[1]+m[2]] = f
		}
	}
	if len(ids) < 40 {
		t.Fatalf("found %d usage errors in the code; the pattern must have missed some", len(ids))
	}
	for _, id := range append([]string{"DidYouMean", "DidYouMeanOr", "DidYouMeanSeparator", "NotANumber", "WorkspaceNotFound"}, keys(ids)...) {
		for _, lang := range ui.Languages {
			if _, ok := ui.New(lang).Lookup(id, nil); !ok {
				t.Errorf("%s: usage error %s (%s) has no %s message", lang, id, ids[id], lang)
			}
		}
	}
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestUsageErrorsTranslated: errors of cobra's and pflag's parsing (unknown command or flag, a missing or bad
// value), of the argument validators and of the commands' own checks are printed in the reader's language,
// with exit status 2 and the usage hint.
func TestUsageErrorsTranslated(t *testing.T) {
	tests := []struct {
		args       []string
		en, km, ja string
	}{
		{[]string{"chek"},
			`relloc: unknown command "chek" for "relloc"; did you mean check?`,
			`relloc: គ្មានពាក្យបញ្ជា "chek" សម្រាប់ "relloc" ទេ។ តើអ្នកចង់សំដៅលើ check ឬ?`,
			`relloc: "relloc" に "chek" というコマンドはありません。check のことですか？`},
		{[]string{"draft", "--bogus"},
			`relloc: unknown flag: --bogus`,
			`relloc: មិនស្គាល់ជម្រើស៖ --bogus`,
			`relloc: 不明なフラグです：--bogus`},
		{[]string{"draft", "x", "--lagn", "km"},
			`relloc: unknown flag: --lagn; did you mean --lang?`,
			`relloc: មិនស្គាល់ជម្រើស៖ --lagn។ តើអ្នកចង់សំដៅលើ --lang ឬ?`,
			`relloc: 不明なフラグです：--lagn。--lang のことですか？`},
		{[]string{"check", "-x"},
			`relloc: unknown shorthand flag: 'x' in -x`,
			`relloc: មិនស្គាល់ជម្រើសខ្លី៖ 'x' ក្នុង -x`,
			`relloc: 不明な短縮フラグです：-x の 'x'`},
		{[]string{"draft", "--lang"},
			`relloc: flag needs an argument: --lang`,
			`relloc: ជម្រើសត្រូវការតម្លៃ៖ --lang`,
			`relloc: フラグに値が必要です：--lang`},
		{[]string{"tm", "search", "x", "--threshold", "abc"},
			`relloc: invalid argument "abc" for "--threshold" flag: not a number`,
			`relloc: តម្លៃ "abc" មិនត្រឹមត្រូវសម្រាប់ជម្រើស "--threshold"៖ មិនមែនជាលេខ`,
			`relloc: "--threshold" フラグの値 "abc" が正しくありません：数値ではありません`},
		{[]string{"coverage", "--min", "120"},
			`relloc: invalid argument "120" for "--min" flag: must be a percentage between 0 and 100`,
			`relloc: តម្លៃ "120" មិនត្រឹមត្រូវសម្រាប់ជម្រើស "--min"៖ ត្រូវតែជាភាគរយពី 0 ដល់ 100`,
			`relloc: "--min" フラグの値 "120" が正しくありません：0 から 100 までの割合を指定してください`},
		{[]string{"version", "extra"},
			`relloc: relloc version takes no arguments, got "extra"`,
			`relloc: relloc version មិនទទួលអាគុយម៉ង់ទេ ប៉ុន្តែបានទទួល "extra"`,
			`relloc: relloc version は引数を取りませんが、"extra" が指定されました`},
		{[]string{"completion", "bash", "extra"},
			`relloc: relloc completion bash takes no arguments, got "extra"`,
			`relloc: relloc completion bash មិនទទួលអាគុយម៉ង់ទេ ប៉ុន្តែបានទទួល "extra"`,
			`relloc: relloc completion bash は引数を取りませんが、"extra" が指定されました`},
		{[]string{"help", "glossary", "lnt"},
			`relloc: unknown help topic "glossary lnt"; did you mean lint, list or set?`,
			`relloc: គ្មានប្រធានបទជំនួយ "glossary lnt" ទេ។ តើអ្នកចង់សំដៅលើ lint list ឬ set?`,
			`relloc: "glossary lnt" というヘルプ項目はありません。lint、list または set のことですか？`},
		{[]string{"draft", "x", "--lang", "km", "-o", "a.md", "--stdout"},
			`relloc: --output and --stdout exclude each other`,
			`relloc: --output និង --stdout មិនអាចប្រើជាមួយគ្នាបានទេ`,
			`relloc: --output と --stdout は同時に指定できません`},
	}
	for _, tt := range tests {
		for _, lang := range []struct {
			tag  language.Tag
			want string
		}{{language.English, tt.en}, {language.Khmer, tt.km}, {language.Japanese, tt.ja}} {
			var out, errOut bytes.Buffer
			io := &IO{Out: &out, Err: &errOut, Getwd: func() (string, error) { return t.TempDir(), nil },
				Getenv: func(k string) string {
					if k == "RELLOC_LANG" {
						return lang.tag.String()
					}
					return ""
				}}
			code := Run(io, tt.args)
			lines := strings.Split(errOut.String(), "\n")
			if code != ExitFailure || lines[0] != lang.want || len(lines) < 2 || lines[1] != ui.New(lang.tag).T("UsageHint", nil) {
				t.Errorf("%s: relloc %v: exit %d, stderr\n%s\nwant exit 2 and\n%s", lang.tag, tt.args, code, errOut.String(), lang.want)
			}
		}
	}
}

// TestErrorInWrapped: a usage error wrapped after a prefix is said in the reader's language behind the prefix.
func TestErrorInWrapped(t *testing.T) {
	ja := ui.New(language.Japanese)
	tests := []struct {
		err  error
		want string
	}{
		{usage("LangMapTBXOnly"), "--lang-map は TBX ファイルにのみ適用されます"},
		{fmt.Errorf("import: %w", usage("LangMapTBXOnly")), "import: --lang-map は TBX ファイルにのみ適用されます"},
		{fmt.Errorf("import: %w", errors.New("disk full")), "import: disk full"},
	}
	for _, tt := range tests {
		if got := errorIn(ja, tt.err); got != tt.want {
			t.Errorf("errorIn(ja, %q) = %q, want %q", tt.err, got, tt.want)
		}
	}
}
