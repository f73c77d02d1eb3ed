package release

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/inputerr"
	"github.com/relloc/relloc/internal/safefile"
)

// Release is one press release: its language versions in one folder.
type Release struct {
	ID    string
	Date  time.Time // zero when neither front matter nor folder name gives one
	Place string
	Dir   string // folder, as shown to users
	// Docs holds the document of each language that has a file.
	Docs map[language.Tag]*Document
}

// Doc returns the document of lang, or nil.
func (r *Release) Doc(lang language.Tag) *Document { return r.Docs[lang] }

// folderDate returns the date a release folder's name starts with: the whole name is YYYY-MM-DD, or that, a
// hyphen and one character or more but a newline (what the expression ^(\d{4}-\d{2}-\d{2})(?:-.+)?$ matches,
// by hand: it was a tenth of parsing a release).
func folderDate(name string) (string, bool) {
	if len(name) < len("2006-01-02") {
		return "", false
	}
	for i := range len("2006-01-02") {
		if c := name[i]; i == 4 || i == 7 {
			if c != '-' {
				return "", false
			}
		} else if c < '0' || c > '9' {
			return "", false
		}
	}
	rest := name[len("2006-01-02"):]
	if rest != "" && (len(rest) < 2 || rest[0] != '-' || strings.IndexByte(rest, '\n') >= 0) {
		return "", false
	}
	return name[:len("2006-01-02")], true
}

// File is the content of one language file of a release.
type File struct {
	Path string // as shown to users
	Lang language.Tag
	Data []byte
}

// Parse builds a release from the files of its folder; dir is the folder as shown to users, whose base name
// gives the id and date when the source file has no front matter.
func Parse(dir string, source language.Tag, files []File) (*Release, error) {
	return assemble(dir, source, files, ParseDocument)
}

// ParseFront builds a release as Parse does from its files' front matter alone, parsing no Markdown: its
// documents have their path, language and front matter, and no blocks. The files need hold no more than their
// front matter (ReadFrontDir). It is for a command that lists releases, which need not parse every release.
func ParseFront(dir string, source language.Tag, files []File) (*Release, error) {
	return assemble(dir, source, files, parseFront)
}

// parseFront is a document with its front matter and no body.
func parseFront(path string, lang language.Tag, src []byte) (*Document, error) {
	if err := inputerr.CheckText(path, src); err != nil {
		return nil, err
	}
	d := &Document{Path: path, Lang: lang}
	if _, err := d.splitFront(src); err != nil {
		return nil, err
	}
	return d, nil
}

// assemble builds a release of the documents parse makes of files.
func assemble(dir string, source language.Tag, files []File,
	parse func(path string, lang language.Tag, src []byte) (*Document, error)) (*Release, error) {
	r := &Release{ID: filepath.Base(dir), Dir: dir, Docs: map[language.Tag]*Document{}}
	if d, ok := folderDate(r.ID); ok {
		if t, err := time.Parse("2006-01-02", d); err == nil {
			r.Date = t
		}
	}
	var errs inputerr.List
	for _, f := range files {
		d, err := parse(f.Path, f.Lang, f.Data)
		if err != nil {
			var l inputerr.List
			var e *inputerr.Error
			switch {
			case errors.As(err, &l):
				errs = append(errs, l...)
			case errors.As(err, &e):
				errs = append(errs, e)
			default:
				return nil, err
			}
			continue
		}
		r.Docs[f.Lang] = d
	}
	if len(errs) > 0 {
		return nil, errs
	}
	fronts := map[language.Tag]*FrontMatter{}
	for lang, d := range r.Docs {
		if d.HasFront {
			fronts[lang] = &d.Front
		}
	}
	if f := naming(source, fronts); f != nil {
		if f.ID != "" {
			r.ID = f.ID
		}
		if t := f.Time(); !t.IsZero() {
			r.Date = t
		}
		if f.Place != "" {
			r.Place = f.Place
		}
	}
	return r, nil
}

// naming returns the front matter that names a release: the source document's, else the first other
// language's in the order of their tags; nil when no document has one.
func naming(source language.Tag, fronts map[language.Tag]*FrontMatter) *FrontMatter {
	if f := fronts[source]; f != nil {
		return f
	}
	langs := make([]language.Tag, 0, len(fronts))
	for t := range fronts {
		langs = append(langs, t)
	}
	sort.Slice(langs, func(i, j int) bool { return langs[i].String() < langs[j].String() })
	if len(langs) == 0 {
		return nil
	}
	return fronts[langs[0]]
}

// ID returns the id of the release whose folder is dir (as shown to users) and whose files are files, as Parse
// would, reading only their front matter and no Markdown: looking a release up by id need not parse every release.
func ID(dir string, source language.Tag, files []File) (string, error) {
	fronts := map[language.Tag]*FrontMatter{}
	for _, f := range files {
		d := &Document{Path: f.Path, Lang: f.Lang}
		if err := inputerr.CheckText(f.Path, f.Data); err != nil {
			return "", err
		}
		if _, err := d.splitFront(f.Data); err != nil {
			return "", err
		}
		if d.HasFront {
			fronts[f.Lang] = &d.Front
		}
	}
	if f := naming(source, fronts); f != nil && f.ID != "" {
		return f.ID, nil
	}
	return filepath.Base(dir), nil
}

// MaxFileSize is the largest release file relloc reads: a long press release is some 50 KB, and a file hundreds
// of times larger is a mistake (a log, a data dump) that would only make every command slow.
const MaxFileSize = 16 << 20

// ReadDir reads the language files of one release folder: <lang>.md for each of langs that exists. A file that
// is a symbolic link leading outside the workspace folder ws, that is not a regular file or that is larger than
// MaxFileSize is an input error.
func ReadDir(ws, dir string, langs []language.Tag, rel func(string) string) ([]File, error) {
	return readDir(ws, dir, false, langs, rel, safefile.ReadPlain, func(root, p string) ([]byte, error) {
		return safefile.ReadFile(root, p, rel(p), MaxFileSize)
	})
}

// ReadDirInside reads the language files of one release folder as ReadDir does, of a folder that the caller
// knows to lie inside ws with no symbolic link from ws down to it (a folder, not a link, listed in a releases
// folder found inside ws): the folder is not resolved again, two stats and the relating of its path to ws for
// each release of an archive. Its files are checked as ReadDir checks them.
func ReadDirInside(ws, dir string, langs []language.Tag, rel func(string) string) ([]File, error) {
	return readDir(ws, dir, true, langs, rel, safefile.ReadPlain, func(root, p string) ([]byte, error) {
		return safefile.ReadFile(root, p, rel(p), MaxFileSize)
	})
}

// ReadFrontDir reads the language files of one release folder as ReadDir does, but of each only its front
// matter (to its closing +++ line; the first line of a file that has none, the second of one that opens with
// ---): what ParseFront needs, and no more.
func ReadFrontDir(ws, dir string, langs []language.Tag, rel func(string) string) ([]File, error) {
	return readDir(ws, dir, false, langs, rel, nil, func(root, p string) ([]byte, error) {
		return safefile.ReadHead(root, p, rel(p), MaxFileSize, frontEnd())
	})
}

// frontEnd returns a function that reports, line after line of a file, the last line its front matter needs
// (see splitFront): the closing fence of a +++ header, the line after a --- (which tells a YAML header), or the
// first line of a file without a header.
func frontEnd() func(n int, line []byte) bool {
	var open []byte
	return func(n int, line []byte) bool {
		if n == 1 {
			line = bytes.TrimPrefix(line, []byte("\ufeff"))
			for _, f := range [][]byte{fence, []byte("---")} {
				if isFence(line, f) {
					open = f
					return false
				}
			}
			return true
		}
		return !bytes.Equal(open, fence) || isFence(line, fence)
	}
}

// readDir reads the files of dir with read, which checks that a file lies inside root, unless root is "". The
// folder is checked once: a file in a folder inside ws that is not a symbolic link is inside ws too, and is read
// without resolving its path again, which took three times a dozen system calls per release. Such a file is
// read with plain first, unless it is nil (see safefile.ReadPlain), and with read when plain reads nothing. inside
// says that the caller knows dir to be inside ws (ReadDirInside), which is then not checked.
func readDir(ws, dir string, inside bool, langs []language.Tag, rel func(string) string,
	plain func(p, shown string, max int64) ([]byte, bool, error), read func(root, p string) ([]byte, error)) ([]File, error) {
	var files []File
	var errs inputerr.List
	dirInside := ws != "" && (inside || safefile.Within(ws, dir, rel(dir)) == nil)
	for _, lang := range langs {
		p := filepath.Join(dir, lang.String()+".md")
		if dirInside && plain != nil {
			shown := rel(p)
			data, ok, err := plain(p, shown, MaxFileSize)
			var e *inputerr.Error
			switch {
			case !ok:
			case errors.As(err, &e):
				errs = append(errs, e)
				continue
			case err != nil:
				return nil, fmt.Errorf("read release: %w", err)
			default:
				files = append(files, File{Path: shown, Lang: lang, Data: data})
				continue
			}
		}
		fi, err := os.Lstat(p)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		root := ws
		if dirInside && err == nil && fi.Mode()&fs.ModeSymlink == 0 {
			root = ""
		}
		data, err := read(root, p)
		var e *inputerr.Error
		if errors.As(err, &e) {
			errs = append(errs, e)
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("read release: %w", err)
		}
		files = append(files, File{Path: rel(p), Lang: lang, Data: data})
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return files, nil
}

// Load reads and parses the release in dir, inside the workspace folder ws.
func Load(ws, dir string, source language.Tag, langs []language.Tag, rel func(string) string) (*Release, error) {
	files, err := ReadDir(ws, dir, langs, rel)
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: no release files (%s.md, ...) in this folder", rel(dir), source)
	}
	return Parse(rel(dir), source, files)
}

// LoadAll reads every release folder under root (folders holding at least one <lang>.md), sorted by id. root lies
// in the workspace folder ws; a folder or file that is a symbolic link leading outside ws is an input error, not
// skipped: relloc never reads outside the workspace.
func LoadAll(ws, root string, source language.Tag, langs []language.Tag, rel func(string) string) ([]*Release, error) {
	if err := safefile.Within(ws, root, rel(root)); err != nil {
		return nil, err
	}
	ents, err := os.ReadDir(root)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read releases: %w", err)
	}
	var (
		out  []*Release
		errs inputerr.List
	)
	add := func(err error) error {
		var l inputerr.List
		var e *inputerr.Error
		switch {
		case errors.As(err, &l):
			errs = append(errs, l...)
		case errors.As(err, &e):
			errs = append(errs, e)
		default:
			return err
		}
		return nil
	}
	for _, e := range ents {
		dir := filepath.Join(root, e.Name())
		if e.Type()&fs.ModeSymlink != 0 {
			if err := safefile.Within(ws, dir, rel(dir)); err != nil {
				if err := add(err); err != nil {
					return nil, err
				}
				continue
			}
			if st, err := os.Stat(dir); err != nil || !st.IsDir() {
				continue
			}
		} else if !e.IsDir() {
			continue
		}
		files, err := ReadDir(ws, dir, langs, rel)
		if err != nil {
			if err := add(err); err != nil {
				return nil, err
			}
			continue
		}
		if len(files) == 0 {
			continue
		}
		r, err := Parse(rel(dir), source, files)
		if err != nil {
			if err := add(err); err != nil {
				return nil, err
			}
			continue
		}
		out = append(out, r)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}
