package tmx

import (
	"bytes"
	"testing"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/inputerr"
)

// FuzzRead feeds Read arbitrary TMX, seeded with relloc's own export and an OmegaT-style memory: every problem
// is an input error, never a panic, and every unit read has text in two languages at least.
func FuzzRead(f *testing.F) {
	var b bytes.Buffer
	if WriteWith(&b, anniversary, codesOptions) == nil {
		f.Add(b.String())
	}
	for _, s := range []string{
		`<?xml version="1.0"?><tmx version="1.4"><header srclang="EN-US"/><body><tu><tuv xml:lang="EN-US"><seg>Press <bpt i="1">&lt;b&gt;</bpt>Release<ept i="1">&lt;/b&gt;</ept></seg></tuv><tuv xml:lang="JA-JP"><seg>報道発表<ph type="lb"/></seg></tuv></tu></body></tmx>`,
		`<tmx><body><tu><tuv xml:lang="km"><seg>ក&#x9b;</seg></tuv><tuv><seg/></tuv></tu></body></tmx>`,
		`<tmx version="1.4"><body><tu>`, "\x00", "",
	} {
		f.Add(s)
	}
	langs := []language.Tag{language.English, language.Khmer, language.Japanese}
	f.Fuzz(func(t *testing.T, data string) {
		units, err := Read("m.tmx", []byte(data), "tm/m.tmx", langs)
		if err != nil {
			if !inputerr.Is(err) {
				t.Fatalf("Read(%q): error %v is not an input error", data, err)
			}
			return
		}
		for _, u := range units {
			if len(u.Text) < 2 {
				t.Fatalf("Read(%q): unit %+v has fewer than two languages", data, u)
			}
		}
	})
}
