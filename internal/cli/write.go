package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/release"
	"github.com/relloc/relloc/internal/workspace"
)

// translationTarget checks that path is a file relloc may write the lang translation of release r to, and
// returns it absolute. relloc writes translations only: never the release's source-language file nor another
// language's file, never outside the release's folder, and never through a symbolic link that leads out of
// the workspace or onto the source file — whatever --force says.
func translationTarget(ws *workspace.Workspace, r *release.Release, lang language.Tag, path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", fmt.Errorf("write %s: %w", path, err)
	}
	dir := ws.Path(filepath.FromSlash(r.Dir))
	if rel, err := filepath.Rel(dir, abs); err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || strings.Contains(rel, string(filepath.Separator)) {
		return "", usage("WriteOutsideRelease", "Path", ws.Rel(abs), "Dir", r.Dir, "Lang", lang.String())
	}
	for _, other := range ws.Config.Languages() {
		if other == lang || filepath.Base(abs) != other.String()+".md" {
			continue
		}
		if other == ws.Config.Source {
			return "", usage("WriteSource", "Path", ws.Rel(abs), "Lang", other.String())
		}
		return "", usage("WriteOtherTranslation", "Path", ws.Rel(abs), "Other", other.String(), "Lang", lang.String())
	}
	// Follow the path as the operating system would, through links of the folder or of the file itself.
	real, err := resolve(abs)
	if err != nil {
		return "", fmt.Errorf("write %s: %w", ws.Rel(abs), err)
	}
	root, err := filepath.EvalSymlinks(ws.Root)
	if err != nil {
		return "", fmt.Errorf("write %s: %w", ws.Rel(abs), err)
	}
	if rel, err := filepath.Rel(root, real); err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", usage("WriteLinkOutside", "Path", ws.Rel(abs), "Target", real)
	}
	if srcReal, err := resolve(filepath.Join(dir, ws.Config.Source.String()+".md")); err == nil && srcReal == real {
		return "", usage("WriteLinkSource", "Path", ws.Rel(abs), "Lang", ws.Config.Source.String())
	}
	return abs, nil
}

// resolve follows the symbolic links of path; a file that does not exist yet resolves through its folder.
func resolve(path string) (string, error) {
	real, err := filepath.EvalSymlinks(path)
	if err == nil {
		return real, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return "", err
	}
	if fi, lerr := os.Lstat(path); lerr == nil && fi.Mode()&fs.ModeSymlink != 0 {
		// A dangling link: where it points.
		target, err := os.Readlink(path)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(target) {
			target = filepath.Join(filepath.Dir(path), target)
		}
		return resolve(target)
	}
	dir, err := filepath.EvalSymlinks(filepath.Dir(path))
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, filepath.Base(path)), nil
}
