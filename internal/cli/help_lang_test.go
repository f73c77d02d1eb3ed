package cli

import (
	"bytes"
	"testing"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/ui"
)

// TestShortMessages keeps the English Short-NAME messages equal to the commands' own descriptions, which they
// translate.
func TestShortMessages(t *testing.T) {
	root := NewRoot(&IO{Out: &bytes.Buffer{}, Err: &bytes.Buffer{}})
	for _, c := range root.Commands() {
		id := "Short-" + c.Name()
		if got := ui.English.T(id, nil); got != c.Short {
			t.Errorf("message %s = %q, want the command's Short %q", id, got, c.Short)
		}
	}
}

func TestLocalizeHelp(t *testing.T) {
	root := NewRoot(&IO{Out: &bytes.Buffer{}, Err: &bytes.Buffer{}})
	localizeHelp(root, ui.New(language.Japanese))
	var out bytes.Buffer
	root.SetOut(&out)
	root.SetArgs([]string{"--help"})
	if err := root.Execute(); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"使い方:", "コマンド一覧:", "フラグ:", "プレスリリースの用語・数値・セグメント・文字表記の整合性を検査する", `各コマンドの詳細は "relloc [command] --help" で確認できます。`} {
		if !bytes.Contains(out.Bytes(), []byte(want)) {
			t.Errorf("Japanese help lacks %q:\n%s", want, out.String())
		}
	}
}
