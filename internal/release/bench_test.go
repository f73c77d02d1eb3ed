package release

import (
	"path"
	"testing"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/scalegen"
)

// BenchmarkParseGenerated parses 100 releases of the scale workspace (internal/scalegen) in English, Khmer and
// Japanese: what reading an archive costs beside the files' reading.
func BenchmarkParseGenerated(b *testing.B) {
	type folder struct {
		dir   string
		files []File
	}
	var folders []folder
	size := 0
	_, err := scalegen.Generate(scalegen.Config{Releases: 100, Entries: 200, Seed: 1}, func(p string, data []byte) error {
		dir, name := path.Split(p)
		if path.Ext(name) != ".md" {
			return nil
		}
		lang := language.Make(name[:len(name)-len(".md")])
		if len(folders) == 0 || folders[len(folders)-1].dir != dir {
			folders = append(folders, folder{dir: dir})
		}
		f := &folders[len(folders)-1]
		f.files = append(f.files, File{Path: p, Lang: lang, Data: data})
		size += len(data)
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range folders {
			if _, err := Parse(path.Clean(f.dir), language.English, f.files); err != nil {
				b.Fatal(err)
			}
		}
	}
}
