package workspace

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// GitIgnore is the .gitignore that relloc documents for a workspace (README, "Version control"): the lock
// files, the persistent index (.relloc/, package index), and the temporary files of atomic writes that a killed
// relloc leaves. Atomic writes (renameio, and
// the glossary's multi-file edits) write ".<name><digits>" beside the file <name> and rename it into place.
const GitIgnore = `# relloc: lock files, the index and the temporary files of interrupted atomic writes (.<name><digits>)
.relloc.lock
.relloc.journal
.relloc/
.*.md[0-9]*
.*.toml[0-9]*
.*.csv[0-9]*
.*.tbx[0-9]*
.*.tmx[0-9]*
`

// IsTemp reports whether name is the temporary file of an atomic write of the file target: "." + target
// followed by digits only.
func IsTemp(name, target string) bool {
	digits, ok := strings.CutPrefix(name, "."+target)
	return ok && digits != "" && strings.Trim(digits, "0123456789") == ""
}

// CleanTemp removes the temporary files that interrupted atomic writes of the file path left beside it and
// returns their names. Call it only under the lock that every writer of path takes: then no temporary file
// of path belongs to a write still running.
func CleanTemp(path string) ([]string, error) {
	dir, target := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	ents, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var removed []string
	for _, e := range ents {
		if !e.Type().IsRegular() || !IsTemp(e.Name(), target) {
			continue
		}
		if err := os.Remove(filepath.Join(dir, e.Name())); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return removed, err
		}
		removed = append(removed, e.Name())
	}
	return removed, nil
}
