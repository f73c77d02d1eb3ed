// Package scaleload parses a workspace of package scalegen in memory: its glossary and every release, for the
// benchmarks that align or check the workspace of make bench-scale without writing it to disk (bitext, check).
// It is a package of its own because scalegen is also used by the tests of release and glossary, which it
// would then import.
package scaleload

import (
	"errors"
	"path"
	"strings"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/glossary"
	"github.com/relloc/relloc/internal/release"
	"github.com/relloc/relloc/internal/scalegen"
)

// Load generates the workspace of cfg and parses its glossary for targets and its releases, English being
// their source; size is the bytes of the release files.
func Load(cfg scalegen.Config, targets []language.Tag) (g *glossary.Glossary, rels []*release.Release, size int64, err error) {
	var (
		gfiles []glossary.File
		files  []release.File
		errs   []error
	)
	langs := map[string]language.Tag{"en.md": language.English, "km.md": language.Khmer, "ja.md": language.Japanese}
	_, err = scalegen.Generate(cfg, func(p string, data []byte) error {
		switch {
		case strings.HasPrefix(p, "glossary/"):
			gfiles = append(gfiles, glossary.File{Path: p, Data: data})
		case strings.HasPrefix(p, "releases/"):
			dir, name := path.Split(p)
			files = append(files, release.File{Path: p, Lang: langs[name], Data: data})
			size += int64(len(data))
			if len(files) == 3 {
				r, err := release.Parse(strings.TrimSuffix(dir, "/"), language.English, files)
				errs = append(errs, err)
				rels = append(rels, r)
				files = nil
			}
		}
		return nil
	})
	if err := errors.Join(append(errs, err)...); err != nil {
		return nil, nil, 0, err
	}
	g, err = glossary.Parse(gfiles, glossary.Options{Targets: targets})
	if err != nil {
		return nil, nil, 0, err
	}
	return g, rels, size, nil
}
