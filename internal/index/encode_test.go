package index

import (
	"encoding/json"
	"hash/fnv"
	"math/rand/v2"
	"strings"
	"testing"
)

// randomText joins random pieces: letters of the three scripts, the characters JSON escapes (quotation mark,
// backslash, controls, <, >, &, U+2028, U+2029), others that begin with the same byte as U+2028 and bytes that
// are not UTF-8.
func randomText(r *rand.Rand) string {
	pieces := []string{"a", "Z", " ", "ក្ត", "日本", "ｶ", "\"", "\\", "\n", "\t", "\b", "\f", "\r", "\x00", "\x1f",
		"\x7f", "<", ">", "&", "\u2028", "\u2029", "\xff", "\xe2\x80", "é", "\U0001F600",
		// Characters beside U+2028 and U+2029 in UTF-8, whose first byte is theirs (E2).
		"’", "…", "\u2027", "\u202a", "\u20ac", "\u2e80",
		// Three bytes that look like one character and are not UTF-8: a surrogate, an overlong form, a lead with
		// one continuation byte; and the largest three-byte characters.
		"\xed\xa0\x80", "\xe0\x80\xaf", "\xe1\x80", "\xef\xbf\xbd", "\uffff"}
	var b strings.Builder
	for range r.IntN(12) {
		b.WriteString(pieces[r.IntN(len(pieces))])
	}
	return b.String()
}

// TestAppendTextJSON checks that a unit's text is encoded as encoding/json encodes it.
func TestAppendTextJSON(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	langs := []string{"en", "km", "ja", "fr", "zh", "th"}
	for range 3000 {
		text := map[string]string{}
		for range r.IntN(len(langs) + 1) {
			text[langs[r.IntN(len(langs))]] = randomText(r)
		}
		if r.IntN(20) == 0 {
			text[randomText(r)] = randomText(r)
		}
		want, err := json.Marshal(text)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendTextJSON([]byte("x"), text); string(got) != "x"+string(want) {
			t.Fatalf("appendTextJSON(%q)\ngot:  %s\nwant: x%s", text, got, want)
		}
	}
}

// TestDigest checks that digest is hash/fnv's FNV-1a.
func TestDigest(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for range 1000 {
		s := randomText(r)
		h := fnv.New64a()
		h.Write([]byte(s))
		if got, want := digest(s), int64(h.Sum64()); got != want {
			t.Fatalf("digest(%q) = %d, want %d", s, got, want)
		}
	}
}
