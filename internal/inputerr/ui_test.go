package inputerr

import (
	"fmt"
	"testing"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/ui"
)

// TestText: an input error reads in the reader's language with its position first, also inside a List and
// under a wrapping context; a library's cause stays as it is; an error without a message id stays English.
func TestText(t *testing.T) {
	bad := CheckText("releases/a/km.md", []byte("ok\nab\xffc"))
	toml := Say("relloc.toml", 3, 7, "MalformedTOML", ui.Args{"Cause": "expected '='"})
	list := List{toml, New("glossary/g.toml", 2, 1, "an error %s", "without id")}
	tests := []struct {
		err  error
		lang language.Tag
		want string
	}{
		{bad, language.English, "releases/a/km.md:2:3: invalid UTF-8 (byte 0xff): relloc reads text files in UTF-8 only"},
		{bad, language.Khmer, "releases/a/km.md:2:3: UTF-8 មិនត្រឹមត្រូវ (បៃ 0xff)៖ relloc អានតែឯកសារអត្ថបទជា UTF-8 ប៉ុណ្ណោះ"},
		{bad, language.Japanese, "releases/a/km.md:2:3: UTF-8として正しくありません（バイト 0xff）。relloc が読むのは UTF-8 のテキストファイルだけです。"},
		{fmt.Errorf("read glossary: %w", list), language.Japanese,
			"read glossary: relloc.toml:3:7: TOMLの書式が正しくありません: expected '='\nglossary/g.toml:2:1: an error without id"},
		{fmt.Errorf("plain"), language.Khmer, "plain"},
	}
	for _, tt := range tests {
		if got := Text(tt.err, ui.New(tt.lang)); got != tt.want {
			t.Errorf("%s: Text(%v) =\n%q, want\n%q", tt.lang, tt.err, got, tt.want)
		}
	}
	if got, want := bad.Error(), tests[0].want; got != want {
		t.Errorf("Error() = %q, want the English %q", got, want)
	}
}
