package xliff

import (
	"testing"

	"github.com/relloc/relloc/internal/inputerr"
)

// FuzzRead feeds Read arbitrary XLIFF 1.2 and 2.x: every problem is an input error, never a panic.
func FuzzRead(f *testing.F) {
	for _, s := range []string{
		`<?xml version="1.0"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" target-language="ja" original="releases/2024-03-05-visit/en.md" datatype="plaintext"><body><trans-unit id="b1.s1"><source>Press Release</source><target>報道発表</target></trans-unit></body></file></xliff>`,
		`<xliff version="2.1" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="km"><file id="f1"><unit id="b1.s1"><segment><source>Phnom Penh <pc id="1">18</pc></source><target>ភ្នំពេញ <pc id="1">១៨</pc></target></segment></unit></file></xliff>`,
		`<xliff version="2.0"><file/><file/></xliff>`, `<xliff>`, "\x00", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data string) {
		if _, err := Read("r.xlf", []byte(data)); err != nil && !inputerr.Is(err) {
			t.Fatalf("Read(%q): error %v is not an input error", data, err)
		}
	})
}
