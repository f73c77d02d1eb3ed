package safefile

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/relloc/relloc/internal/inputerr"
	"github.com/relloc/relloc/internal/ui"
)

// ErrOutside is wrapped by the error of a file or folder that is a symbolic link leading outside the workspace.
var ErrOutside = errors.New("symbolic link leads outside the workspace")

// Within reports an error when path, or a symbolic link on the way to it below root, leads outside root: it
// returns nil for a path inside root whose links all stay inside. shown is the path as users see it. A path
// that does not exist is not an error here.
func Within(root, path, shown string) error {
	if plainBelow(root, path) {
		return nil
	}
	real, err := filepath.EvalSymlinks(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("%s: %w", shown, err)
	}
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return fmt.Errorf("workspace %s: %w", root, err)
	}
	if inside(realRoot, real) {
		return nil
	}
	id := "SymlinkOutside"
	if fi, err := os.Lstat(path); err == nil && fi.Mode()&fs.ModeSymlink == 0 && !inside(realRoot, filepath.Dir(real)) {
		id = "PathOutside"
	}
	e := inputerr.Say(shown, 0, 0, id, nil)
	e.Err = ErrOutside
	return e
}

// plainBelow reports whether path lies below root by its name, with no symbolic link on the way from root to
// it, or stops existing on the way: then it is inside root wherever root itself leads, and Within need not
// resolve every folder from the file system's root down, both root's and path's, a dozen system calls for a
// release folder. False means that Within must resolve them: a link, a path not below root, or an error.
func plainBelow(root, path string) bool {
	rel, err := filepath.Rel(root, path)
	if err != nil || !filepath.IsAbs(root) || !filepath.IsAbs(path) || rel == "." || !filepath.IsLocal(rel) {
		return false
	}
	p := filepath.Clean(root)
	for _, part := range strings.Split(rel, string(filepath.Separator)) {
		p = filepath.Join(p, part)
		fi, err := os.Lstat(p)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return true // nothing further to read, as EvalSymlinks finds
		case err != nil || fi.Mode()&fs.ModeSymlink != 0:
			return false
		}
	}
	return true
}

// WithinDir is Within for the folder dir and every entry in it (a glossary or catalogue folder, whose files
// the caller then reads): rel gives the path users see.
func WithinDir(root, dir string, rel func(string) string) error {
	if err := Within(root, dir, rel(dir)); err != nil {
		return err
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil // a missing folder is the caller's to report
	}
	var errs inputerr.List
	for _, e := range ents {
		if e.Type()&fs.ModeSymlink == 0 {
			continue
		}
		p := filepath.Join(dir, e.Name())
		var ie *inputerr.Error
		if err := Within(root, p, rel(p)); errors.As(err, &ie) {
			errs = append(errs, ie)
		} else if err != nil {
			return err
		}
	}
	return errs.Err()
}

func inside(root, p string) bool {
	r, err := filepath.Rel(root, p)
	return err == nil && r != ".." && !strings.HasPrefix(r, ".."+string(filepath.Separator)) && !filepath.IsAbs(r)
}

// ReadFile reads the regular file path, which must hold at most max bytes. When root is not empty, path must
// lie inside root with every symbolic link resolved (see Within). shown is the path as users see it.
func ReadFile(root, path, shown string, max int64) ([]byte, error) {
	if root != "" {
		if err := Within(root, path, shown); err != nil {
			return nil, err
		}
	}
	f, err := openRead(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, NotRegular(shown, st.Mode())
	}
	if st.Size() > max {
		return nil, tooLarge(shown, max)
	}
	data, err := readSized(f, st.Size(), max)
	if errors.Is(err, errTooLarge) {
		return nil, tooLarge(shown, max)
	}
	return data, err
}

// errTooLarge is readSized's error for more than max bytes.
var errTooLarge = errors.New("too large")

// readSized reads r to its end into one buffer of size bytes and one more, the size Stat gave, where io.ReadAll
// starts at 512 bytes and grows, reading and copying again at each step: a file is read in one read and the
// read that finds its end. The size can change between Stat and Read: it reads at most max+1 bytes, and
// errTooLarge when there are more than max.
func readSized(r io.Reader, size, max int64) ([]byte, error) {
	data := make([]byte, 0, min(size, max)+1)
	for {
		if len(data) == cap(data) { // the file grew since Stat
			data = append(data, 0)[:len(data)]
		}
		n, err := r.Read(data[len(data):min(cap(data), int(max)+1)])
		data = data[:len(data)+n]
		if int64(len(data)) > max {
			return nil, errTooLarge
		}
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// ReadHead reads the regular file path as ReadFile does, but only its first lines: up to and including the line
// for which last returns true (n is the line's number from 1, line its text without the line end), or to the
// end of the file. It is for a caller that needs a file's header, not its body (a release's front matter).
func ReadHead(root, path, shown string, max int64, last func(n int, line []byte) bool) ([]byte, error) {
	if root != "" {
		if err := Within(root, path, shown); err != nil {
			return nil, err
		}
	}
	f, err := Open(path, shown)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Size() > max {
		return nil, tooLarge(shown, max)
	}
	br := bufio.NewReader(io.LimitReader(f, max+1))
	var data []byte
	for n := 1; ; n++ {
		line, err := br.ReadBytes('\n')
		data = append(data, line...)
		if int64(len(data)) > max {
			return nil, tooLarge(shown, max)
		}
		if errors.Is(err, io.EOF) {
			return data, nil
		}
		if err != nil {
			return nil, err
		}
		if last(n, line[:len(line)-1]) {
			return data, nil
		}
	}
}

// Open opens the regular file path for streaming through a Reader; shown is the path as users see it.
func Open(path, shown string) (*os.File, error) {
	f, err := openRead(path)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !st.Mode().IsRegular() {
		f.Close()
		return nil, NotRegular(shown, st.Mode())
	}
	return f, nil
}

// OpenReader opens the regular file path for a streaming parser: a Reader over it that stops at the first NUL
// byte or past max bytes (a file whose size already says so is refused at once), and the function that closes
// the file. When root is not empty, path must lie inside root (see Within). shown is the path as users see it.
func OpenReader(root, path, shown string, max int64) (*Reader, func() error, error) {
	if root != "" {
		if err := Within(root, path, shown); err != nil {
			return nil, nil, err
		}
	}
	f, err := Open(path, shown)
	if err != nil {
		return nil, nil, err
	}
	if st, err := f.Stat(); err == nil && st.Size() > max {
		f.Close()
		return nil, nil, tooLarge(shown, max)
	}
	return &Reader{R: f, Path: shown, MaxSize: max, MaxLine: max}, f.Close, nil
}

// NotRegular is the input error for shown, which is not a regular file but a file of mode m (a folder, a
// named pipe, a device): for a reader that does not open files itself (an fs.FS) and checks the mode first.
func NotRegular(shown string, m fs.FileMode) error {
	return inputerr.Say(shown, 0, 0, "NotRegular", ui.Args{"Kind": kind(m)})
}

func kind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeCharDevice != 0, m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	}
	return m.Type().String()
}

func tooLarge(shown string, max int64) error {
	return inputerr.Say(shown, 0, 0, "TooLarge", ui.Args{"Limit": Size(max)})
}

// Size formats a byte count for messages: "16 MiB", "1 KiB", "300 bytes".
func Size(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// Reader passes a text stream through and stops it with an *inputerr.Error at the first NUL byte (a binary
// file), at a line longer than MaxLine bytes, or past MaxSize bytes in all, so that a parser reading from it
// never holds more than the limits in memory: `glossary import /dev/zero` fails on the first bytes.
type Reader struct {
	R       io.Reader
	Path    string // as users see it
	MaxSize int64
	MaxLine int64

	n, lineLen int64
	line       int
	err        error
}

// Read implements io.Reader.
func (r *Reader) Read(p []byte) (int, error) {
	if r.err != nil {
		return 0, r.err
	}
	if r.line == 0 {
		r.line = 1
	}
	n, err := r.R.Read(p)
	for i, c := range p[:n] {
		switch {
		case c == 0:
			r.err = inputerr.Say(r.Path, r.line, 0, "NULByte", nil)
		case r.n+int64(i) >= r.MaxSize:
			r.err = inputerr.Say(r.Path, 0, 0, "TooLarge", ui.Args{"Limit": Size(r.MaxSize)})
		case c == '\n':
			r.line++
			r.lineLen = 0
		case r.lineLen >= r.MaxLine:
			r.err = inputerr.Say(r.Path, r.line, 0, "LineTooLong", ui.Args{"Limit": Size(r.MaxLine)})
		default:
			r.lineLen++
		}
		if r.err != nil {
			r.n += int64(i)
			return i, r.err
		}
	}
	r.n += int64(n)
	return n, err
}

// ReadAll reads all of r through a Reader with the given limits.
func ReadAll(r io.Reader, shown string, maxSize, maxLine int64) ([]byte, error) {
	var b bytes.Buffer
	_, err := b.ReadFrom(&Reader{R: r, Path: shown, MaxSize: maxSize, MaxLine: maxLine})
	return b.Bytes(), err
}
