package workspace

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/release"
	"github.com/relloc/relloc/internal/safefile"
)

// Releases is the list of a workspace's release folders, made without reading any release file: the folders
// under the releases folder that hold a <lang>.md of one of the workspace's languages, in the order of their
// names. A command reads a release when it needs it (Load), so that checking an archive holds only the
// releases being checked, and a command about one release reads that release alone.
type Releases struct {
	ws   *Workspace
	dirs []string // absolute paths
	errs []error  // errs[i] is why dirs[i] cannot be read (a symbolic link leaving the workspace), or nil
	// plain[i] says that dirs[i] is a folder of the releases folder, not a symbolic link: inside the workspace,
	// since the releases folder is (release.ReadDirInside).
	plain []bool
}

// readDir lists a folder; tests replace it to see that a command reads no listing.
var readDir = os.ReadDir

// ListReleases lists the release folders of the workspace. A folder that is a symbolic link leading outside the
// workspace is listed, and Load reports it as an input error, as release.LoadAll does.
func (w *Workspace) ListReleases() (*Releases, error) {
	root := w.Path(w.Config.Releases)
	l := &Releases{ws: w}
	if err := safefile.Within(w.Root, root, w.Rel(root)); err != nil {
		return nil, err
	}
	ents, err := readDir(root)
	if errors.Is(err, fs.ErrNotExist) {
		return l, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read releases: %w", err)
	}
	for _, e := range ents {
		l.add(filepath.Join(root, e.Name()), e.Type())
	}
	return l, nil
}

// ListNamed lists the release folders of the given names (in any order, repeated or not) that ListReleases lists,
// in its order and with its errors, looking at those folders alone: a command about the releases a user names by
// path need not read the whole releases folder, ten thousand names in a ministry's archive. A name that is no
// folder of the releases folder is left out.
func (w *Workspace) ListNamed(names ...string) (*Releases, error) {
	root := w.Path(w.Config.Releases)
	l := &Releases{ws: w}
	if err := safefile.Within(w.Root, root, w.Rel(root)); err != nil {
		return nil, err
	}
	names = slices.Clone(names)
	slices.Sort(names) // the order of os.ReadDir
	for _, name := range slices.Compact(names) {
		if !validName(name) {
			continue
		}
		dir := filepath.Join(root, name)
		if st, err := os.Lstat(dir); err == nil {
			l.add(dir, st.Mode().Type())
		}
	}
	return l, nil
}

// validName reports whether name can be the name of an entry of a folder, as os.ReadDir gives them.
func validName(name string) bool {
	return name != "" && name != "." && name != ".." && !strings.ContainsRune(name, '/') &&
		!strings.ContainsRune(name, filepath.Separator)
}

// FolderName returns the name of the folder directly inside the releases folder whose path relative to the
// workspace root is rel (as Rel gives it, as Releases.Dir gives the release folders), and false when rel is no
// such folder's path.
func (w *Workspace) FolderName(rel string) (string, bool) {
	name := path.Base(rel)
	if !validName(name) || w.Rel(w.Path(w.Config.Releases, name)) != rel {
		return "", false
	}
	return name, true
}

// add lists dir, an entry of the releases folder of type typ, when it is a release folder.
func (l *Releases) add(dir string, typ fs.FileMode) {
	w := l.ws
	if typ&fs.ModeSymlink != 0 {
		if err := safefile.Within(w.Root, dir, w.Rel(dir)); err != nil {
			l.dirs, l.errs, l.plain = append(l.dirs, dir), append(l.errs, err), append(l.plain, false)
			return
		}
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			return
		}
	} else if !typ.IsDir() {
		return
	}
	if w.hasReleaseFile(dir) {
		l.dirs, l.errs, l.plain = append(l.dirs, dir), append(l.errs, nil), append(l.plain, typ.IsDir())
	}
}

// hasReleaseFile reports whether dir holds a file (or anything) named <lang>.md for a language of the workspace.
func (w *Workspace) hasReleaseFile(dir string) bool {
	for _, lang := range w.Config.Languages() {
		if _, err := os.Lstat(filepath.Join(dir, lang.String()+".md")); err == nil {
			return true
		}
	}
	return false
}

// Len returns the number of release folders.
func (l *Releases) Len() int { return len(l.dirs) }

// Dir returns the i-th release folder as shown to users (relative to the workspace root, with forward slashes).
func (l *Releases) Dir(i int) string { return l.ws.Rel(l.dirs[i]) }

// Load reads and parses the i-th release. Errors in its files are input errors (inputerr) naming path:line:col.
func (l *Releases) Load(i int) (*release.Release, error) {
	if l.errs[i] != nil {
		return nil, l.errs[i]
	}
	files, err := l.files(i)
	if err != nil {
		return nil, err
	}
	return release.Parse(l.Dir(i), l.ws.Config.Source, files)
}

// LoadFront reads the i-th release's front matter alone (release.ParseFront): its id, date, place and each
// language's status, without reading or parsing its Markdown.
func (l *Releases) LoadFront(i int) (*release.Release, error) {
	if l.errs[i] != nil {
		return nil, l.errs[i]
	}
	files, err := l.read(i, release.ReadFrontDir)
	if err != nil {
		return nil, err
	}
	return release.ParseFront(l.Dir(i), l.ws.Config.Source, files)
}

func (l *Releases) files(i int) ([]release.File, error) {
	if l.plain[i] {
		return l.read(i, release.ReadDirInside)
	}
	return l.read(i, release.ReadDir)
}

func (l *Releases) read(i int, readDir func(ws, dir string, langs []language.Tag, rel func(string) string) ([]release.File, error)) ([]release.File, error) {
	files, err := readDir(l.ws.Root, l.dirs[i], l.ws.Config.Languages(), l.ws.Rel)
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: no release files (%s.md, ...) in this folder", l.Dir(i), l.ws.Config.Source)
	}
	return files, nil
}

// ID returns the id of the i-th release, reading the front matter of its files and nothing after it.
func (l *Releases) ID(i int) (string, error) {
	if l.errs[i] != nil {
		return "", l.errs[i]
	}
	files, err := l.read(i, release.ReadFrontDir)
	if err != nil {
		return "", err
	}
	return release.ID(l.Dir(i), l.ws.Config.Source, files)
}

// Select returns the indexes of the releases that path (absolute) names: the release folder holding it or, for
// a folder that holds releases (the releases folder, the workspace root), every release below it. ok is false
// when path is inside no release and holds none.
func (l *Releases) Select(path string, isDir bool) (idx []int, ok bool) {
	rel := l.ws.Rel(path)
	if !isDir {
		rel = filepath.ToSlash(filepath.Dir(rel))
	}
	for i := range l.dirs {
		d := l.Dir(i)
		if d == rel || strings.HasPrefix(d, strings.TrimSuffix(rel, "/")+"/") || rel == "." {
			idx = append(idx, i)
		}
	}
	return idx, len(idx) > 0
}

// Find returns the index of the release named by arg: a path (relative to wd) to its folder or to one of its
// files, the name of its folder, or its id. Paths and folder names are matched without reading any release; an
// id that is neither is looked up in the front matter of each release in turn, and a release whose files cannot
// be read is passed over there (it is not the one asked for, or reading it will say why). ok is false when no
// release matches.
func (l *Releases) Find(wd, arg string) (i int, ok bool) {
	if i, ok := l.findPath(wd, arg); ok {
		return i, true
	}
	for i := range l.dirs {
		if id, err := l.ID(i); err == nil && id == arg {
			return i, true
		}
	}
	return 0, false
}

// findPath returns the index of the release whose folder arg names by its name or by a path (relative to wd) to
// the folder or one of its files, the first of them in the list's order.
func (l *Releases) findPath(wd, arg string) (i int, ok bool) {
	rel := l.ws.Rel(absolute(wd, arg))
	for i := range l.dirs {
		d := l.Dir(i)
		if filepath.Base(d) == arg || d == rel || d == filepath.ToSlash(filepath.Dir(rel)) {
			return i, true
		}
	}
	return 0, false
}

func absolute(wd, p string) string {
	if !filepath.IsAbs(p) {
		p = filepath.Join(wd, p)
	}
	return p
}

// FindRelease finds the release named by arg as Releases.Find does in the list of every release, and returns the
// list to use with the index: a release named by its folder's name or by a path is looked up without listing the
// releases folder (ListNamed), in a list of the folders arg can name that way; a release named by its id, or by
// nothing (ok false), is looked for in the list of every release, which is then returned (for Releases.IDs).
func (w *Workspace) FindRelease(wd, arg string) (l *Releases, i int, ok bool, err error) {
	// The folders findPath can match: the one named arg, the one at arg's path, the one holding the file there.
	rel := w.Rel(absolute(wd, arg))
	names := []string{arg}
	for _, r := range []string{rel, filepath.ToSlash(filepath.Dir(rel))} {
		if name, ok := w.FolderName(r); ok {
			names = append(names, name)
		}
	}
	if l, err = w.ListNamed(names...); err != nil {
		return nil, 0, false, err
	}
	if i, ok := l.findPath(wd, arg); ok {
		return l, i, true, nil
	}
	if l, err = w.ListReleases(); err != nil {
		return nil, 0, false, err
	}
	i, ok = l.Find(wd, arg)
	return l, i, ok, nil
}

// IDs returns the ids of the releases that can be read, for suggestions when a name matches none.
func (l *Releases) IDs() []string {
	var out []string
	for i := range l.dirs {
		if id, err := l.ID(i); err == nil {
			out = append(out, id)
		}
	}
	return out
}
