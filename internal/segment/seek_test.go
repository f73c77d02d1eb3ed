package segment

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/testenv"
)

// TestMayEnd: each language's filter lets through every rune that its loop takes for a terminator, and never a
// continuation byte, on which seek relies to step a byte at a time.
func TestMayEnd(t *testing.T) {
	for _, l := range []struct {
		name   string
		mayEnd func(string, int) bool
		ends   func(rune) bool
	}{
		{"Khmer", mayEndKhmer, isKhmerTerminator},
		{"Japanese", mayEndJapanese, isJapaneseTerminator},
		{"English", mayEndEnglish, isEnglishTerminator},
	} {
		for r := rune(0); r <= utf8.MaxRune; r++ {
			if utf8.ValidRune(r) && l.ends(r) && !l.mayEnd(string(r)+"x", 0) {
				t.Errorf("%s: the filter passes over the terminator %q", l.name, r)
			}
		}
		for c := 0x80; c < 0xC0; c++ {
			if l.mayEnd(string([]byte{byte(c), 0x80, 0x80}), 0) {
				t.Errorf("%s: the filter stops at the continuation byte %#x", l.name, c)
			}
		}
	}
	if !mayEndKhmer(khmerEtc, 0) {
		t.Errorf("Khmer: the filter passes over %q", khmerEtc)
	}
}

// BenchmarkSentences splits the lines of NTREX-128 in each language.
func BenchmarkSentences(b *testing.B) {
	dir := testenv.Shared(b, "corpora", "ntrex128")
	for _, l := range []struct {
		file string
		lang language.Tag
	}{{"newstest2019-src.eng.txt", language.English}, {"newstest2019-ref.khm.txt", language.Khmer}, {"newstest2019-ref.jpn.txt", language.Japanese}} {
		data, err := os.ReadFile(filepath.Join(dir, l.file))
		if err != nil {
			b.Fatal(err)
		}
		lines := strings.Split(string(data), "\n")
		b.Run(l.lang.String(), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				for _, line := range lines {
					Sentences(l.lang, line)
				}
			}
		})
	}
}
