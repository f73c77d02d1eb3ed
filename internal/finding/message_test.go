package finding

import (
	"encoding/json"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/ui"
)

// TestSay: a finding's English message is rendered from relloc's catalogue, and In says it in another language;
// JSON carries the English only.
func TestSay(t *testing.T) {
	var f Finding
	f.Say("SentenceEnd", ui.Args{"Lang": "km", "End": "។"})
	if want := "this km sentence does not end with ។"; f.Message != want {
		t.Errorf("Message = %q, want %q", f.Message, want)
	}
	tests := []struct {
		lang language.Tag
		want string
	}{
		{language.English, "this km sentence does not end with ។"},
		{language.Khmer, "ប្រយោគភាសាខ្មែរនេះ មិនបញ្ចប់ដោយ ។ ទេ"},
		{language.Japanese, "このクメール語の文が។で終わっていません。"},
	}
	for _, tt := range tests {
		if got := f.In(ui.New(tt.lang)); got != tt.want {
			t.Errorf("In(%s) = %q, want %q", tt.lang, got, tt.want)
		}
	}
	data, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	if s := string(data); strings.Contains(s, "SentenceEnd") || strings.Contains(s, "ប្រយោគ") {
		t.Errorf("JSON carries the message id or a translation: %s", s)
	}
	// A message without an id (set by hand) is said as it is.
	plain := Finding{Message: "as written"}
	if got := plain.In(ui.New(language.Japanese)); got != "as written" {
		t.Errorf("In of a message without id = %q", got)
	}
}
