package glossedit

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"time"

	"github.com/gofrs/flock"
	"github.com/google/renameio/v2"

	"github.com/relloc/relloc/internal/glossary"
)

// LockName is the lock file Store takes in the glossary folder. It holds no data and should be git-ignored.
const LockName = ".relloc.lock"

// ErrLocked is returned when another process holds the glossary lock for longer than Store.LockTimeout.
var ErrLocked = errors.New("the glossary is being edited by another process")

// Store edits the glossary files of one folder on disk.
type Store struct {
	// Dir is the glossary folder on disk.
	Dir string
	// Rel turns a path on disk into the path shown to users ("glossary/people.toml").
	Rel func(string) string
	// Options are passed to Apply; Options.Dir must be Rel(Dir).
	Options Options
	// LockTimeout bounds the wait for the lock; zero means one minute.
	LockTimeout time.Duration

	// beforeRename, when set, runs after a file's new contents are written to its temporary file and before the
	// rename: tests use it to kill a writer midway.
	beforeRename func(tmp string)
}

// Read reads every *.toml file of the folder, sorted by name.
func (s *Store) Read() ([]glossary.File, error) {
	return glossary.ReadDir(s.Dir, s.Rel)
}

// Edit runs plan on the current glossary under the lock and writes the files its changes touch. The files are
// read again under the lock, so two editors never overwrite each other's changes. With dryRun nothing is
// written; the result says what would change. Each file is replaced atomically; a change that touches several
// files replaces them one after the other.
func (s *Store) Edit(plan func(g *glossary.Glossary, files []glossary.File) ([]Change, error), dryRun bool) (*Result, error) {
	if err := os.MkdirAll(s.Dir, 0o755); err != nil {
		return nil, fmt.Errorf("glossary folder: %w", err)
	}
	lock := flock.New(filepath.Join(s.Dir, LockName))
	timeout := s.LockTimeout
	if timeout == 0 {
		timeout = time.Minute
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	ok, err := lock.TryLockContext(ctx, 5*time.Millisecond)
	if err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return nil, fmt.Errorf("lock glossary: %w", err)
	}
	if !ok {
		return nil, fmt.Errorf("%w (%s held for over %s)", ErrLocked, s.Rel(lock.Path()), timeout)
	}
	defer lock.Unlock()

	files, err := s.Read()
	if err != nil {
		return nil, err
	}
	g, err := glossary.Parse(files, s.Options.Glossary)
	if err != nil {
		return nil, err
	}
	changes, err := plan(g, files)
	if err != nil {
		return nil, err
	}
	res, err := Apply(files, changes, s.Options)
	if err != nil {
		return nil, err
	}
	if dryRun {
		return res, nil
	}
	byPath := map[string][]byte{}
	for _, f := range res.Files {
		byPath[f.Path] = f.Data
	}
	for _, p := range res.Changed {
		if err := s.write(filepath.Join(s.Dir, path.Base(p)), byPath[p]); err != nil {
			return nil, err
		}
	}
	return res, nil
}

// write replaces file with data: a temporary file in the same folder, fsync, rename.
func (s *Store) write(file string, data []byte) error {
	pf, err := renameio.NewPendingFile(file, renameio.WithTempDir(filepath.Dir(file)),
		renameio.WithPermissions(0o644), renameio.WithExistingPermissions())
	if err != nil {
		return fmt.Errorf("write glossary: %w", err)
	}
	defer pf.Cleanup()
	if _, err := pf.Write(data); err != nil {
		return fmt.Errorf("write glossary: %w", err)
	}
	if s.beforeRename != nil {
		s.beforeRename(pf.Name())
	}
	if err := pf.CloseAtomicallyReplace(); err != nil {
		return fmt.Errorf("write glossary: %w", err)
	}
	return nil
}
