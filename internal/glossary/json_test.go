package glossary

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

// TestParseJSONRoundTrip: the JSON of MarshalJSON reads back into equal entries (the keys it spells in camel
// case included), and each entry knows the keys the file gave it.
func TestParseJSONRoundTrip(t *testing.T) {
	targets := []language.Tag{language.Khmer, language.Japanese}
	src := []byte(`[[entry]]
id = "hayashi"
category = "person"
note = "MOFA"
data = [{element = "descrip", type = "definition", value = "Japan's foreign minister"}]
[entry.en]
term = "HAYASHI Yoshimasa"
variants = ["Hayashi"]
case_sensitive = true
[entry.km]
term = "ហាយ៉ាស៊ី យ៉ូស៊ីម៉ាសា"
[entry.ja]
term = "林芳正"
forbidden = ["林芳政"]
[[entry.ja.context]]
form = "大臣"
preceded_by = ["林"]
`)
	gl, err := Parse([]File{{Path: "g.toml", Data: src}}, Options{Targets: targets})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(gl.Entries); err != nil {
		t.Fatal(err)
	}
	got, err := ParseJSON("g.json", buf.Bytes(), Options{Targets: targets})
	if err != nil {
		t.Fatalf("ParseJSON: %v\n%s", err, buf.String())
	}
	if len(got) != 1 || !got[0].Equal(gl.Entries[0]) {
		t.Fatalf("ParseJSON(MarshalJSON(e)) = %+v, want %+v", got[0], gl.Entries[0])
	}
	for _, key := range []string{"id", "en.case_sensitive", "ja.context", "ja.context.preceded_by", "km.policy", "data"} {
		if !got[0].Has(key) {
			t.Errorf("entry has no key %s", key)
		}
	}
	if got[0].Has("km.context") {
		t.Errorf("entry has km.context, which the JSON lacks")
	}
}

func TestParseJSONErrors(t *testing.T) {
	targets := []language.Tag{language.Khmer, language.Japanese}
	tests := []struct{ in, want string }{
		{`[{"id": "he",}]`, `g.json:1:14: invalid character '}' looking for beginning of object key string`},
		{"[\n  {\"id\": \"he\", \"category\": \"honorific\",\n   \"note\": 3}\n]", `g.json:3:4: note must be a string`},
		{"[\n {\"id\": \"he\",\n  \"ja\": {\"policy\": \"sometimes\"}}]", `g.json:3:10: ja.policy "sometimes" is not one of required, optional, omit`},
		{`{"id": "he"}`, `g.json:1:1: a glossary in JSON is an array of entries`},
		{`[{"id": "he"}] x`, `g.json:1:16: text after the array of entries`},
		{`[{"id": "he"`, `g.json:1:13: unexpected end of JSON input`},
		{`[{"id": "he", "fr": {}}]`, `g.json:1:15: unknown key "fr"`},
	}
	for _, tt := range tests {
		_, err := ParseJSON("g.json", []byte(tt.in), Options{Targets: targets, Partial: true})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseJSON(%q) = %v, want an error containing %q", tt.in, err, tt.want)
		}
	}
}
