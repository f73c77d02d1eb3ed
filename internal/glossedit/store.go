package glossedit

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/gofrs/flock"
	"github.com/google/renameio/v2"

	"github.com/relloc/relloc/internal/glossary"
	"github.com/relloc/relloc/internal/workspace"
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
	// beforeCommit, when set, runs before the journal of a several-file edit is written; an error stands for a
	// failed write (a full disk).
	beforeCommit func() error
}

// JournalName is the journal Store writes in the glossary folder while it replaces several files: its
// presence means an edit is committed and its files are being renamed into place. It should be git-ignored.
const JournalName = ".relloc.journal"

// journal lists the files of a committed edit: each file of the folder and the temporary file that holds its
// new contents, both as names inside the folder.
type journal struct {
	Files []journalFile `json:"files"`
}

type journalFile struct {
	Name string `json:"name"`
	Temp string `json:"temp"`
}

// Read reads every *.toml file of the folder, sorted by name, as the last committed edit left them (ReadDir).
func (s *Store) Read() ([]glossary.File, error) {
	return ReadDir(s.Dir, s.Rel)
}

// ReadDir reads the glossary files of dir like glossary.ReadDir, as the last committed edit left them: when a
// writer was stopped after committing an edit of several files and before it renamed all of them, the files
// it had not renamed yet are read from their new contents, so that a reader sees the old glossary or the new
// one, never a mix. Commands that read the glossary use it; the next Store.Edit finishes the renames.
func ReadDir(dir string, rel func(string) string) ([]glossary.File, error) {
	files, err := glossary.ReadDir(dir, rel)
	if err != nil {
		return nil, err
	}
	j, err := readJournal(dir)
	if err != nil || j == nil {
		return files, err
	}
	for _, jf := range j.Files {
		target := filepath.Join(dir, jf.Name)
		data, err := os.ReadFile(filepath.Join(dir, jf.Temp))
		if errors.Is(err, fs.ErrNotExist) {
			// Renamed already (or by a concurrent writer): the file itself is the new one.
			data, err = os.ReadFile(target)
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
		}
		if err != nil {
			return nil, fmt.Errorf("read glossary: %w", err)
		}
		p := rel(target)
		i := sort.Search(len(files), func(i int) bool { return files[i].Path >= p })
		if i < len(files) && files[i].Path == p {
			files[i].Data = data
			continue
		}
		files = slices.Insert(files, i, glossary.File{Path: p, Data: data})
	}
	return files, nil
}

func readJournal(dir string) (*journal, error) {
	data, err := os.ReadFile(filepath.Join(dir, JournalName))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read glossary journal: %w", err)
	}
	var j journal
	if err := json.Unmarshal(data, &j); err != nil {
		return nil, fmt.Errorf("read glossary journal %s: %w", JournalName, err)
	}
	for _, f := range j.Files {
		if f.Name != filepath.Base(f.Name) || f.Temp != filepath.Base(f.Temp) {
			return nil, fmt.Errorf("read glossary journal %s: %q is not a file of the glossary folder", JournalName, f.Name)
		}
	}
	return &j, nil
}

// finish completes a committed edit that a writer left unfinished: it renames the remaining temporary files
// into place and removes the journal. It runs under the lock.
func (s *Store) finish() error {
	j, err := readJournal(s.Dir)
	if err != nil || j == nil {
		return err
	}
	if err := s.renameAll(j); err != nil {
		return err
	}
	return nil
}

// lock creates the glossary folder and takes its lock, waiting up to LockTimeout.
func (s *Store) lock() (unlock func(), err error) {
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
	return func() { _ = lock.Unlock() }, nil
}

// cleanTemp removes the temporary files that writers killed before committing left beside the glossary's
// files. It runs under the lock and after finish, so no temporary file is still needed.
func (s *Store) cleanTemp() error {
	ents, err := os.ReadDir(s.Dir)
	if err != nil {
		return fmt.Errorf("glossary folder: %w", err)
	}
	for _, e := range ents {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".toml") || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		if _, err := workspace.CleanTemp(filepath.Join(s.Dir, e.Name())); err != nil {
			return fmt.Errorf("glossary folder: %w", err)
		}
	}
	return nil
}

// renameAll renames the journal's temporary files into place, syncs the folder and removes the journal.
func (s *Store) renameAll(j *journal) error {
	for _, f := range j.Files {
		tmp := filepath.Join(s.Dir, f.Temp)
		if _, err := os.Stat(tmp); errors.Is(err, fs.ErrNotExist) {
			continue // renamed before the writer stopped
		}
		if s.beforeRename != nil {
			s.beforeRename(tmp)
		}
		if err := os.Rename(tmp, filepath.Join(s.Dir, f.Name)); err != nil {
			return fmt.Errorf("write glossary: %w", err)
		}
	}
	if err := syncDir(s.Dir); err != nil {
		return fmt.Errorf("write glossary: %w", err)
	}
	if err := os.Remove(filepath.Join(s.Dir, JournalName)); err != nil {
		return fmt.Errorf("write glossary: %w", err)
	}
	return syncDir(s.Dir)
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// Edit runs plan on the current glossary under the lock and writes the files its changes touch. The files are
// read again under the lock, so two editors never overwrite each other's changes. With dryRun nothing is
// written; the result says what would change.
//
// One file is replaced atomically (temporary file, fsync, rename). Several files are replaced all-or-nothing:
// every new file is written and synced to a temporary file first (a full disk fails here and changes nothing),
// then a journal naming them is written atomically, which commits the edit, then the files are renamed into
// place and the journal removed. A writer killed before the commit leaves the old glossary; one killed after
// it leaves the new glossary, which ReadDir reads as such and the next Edit finishes.
func (s *Store) Edit(plan func(g *glossary.Glossary, files []glossary.File) ([]Change, error), dryRun bool) (*Result, error) {
	// A dry run writes nothing, so it takes no lock and creates nothing: it works on a read-only checkout.
	if !dryRun {
		unlock, err := s.lock()
		if err != nil {
			return nil, err
		}
		defer unlock()
		if err := s.finish(); err != nil {
			return nil, err
		}
		if err := s.cleanTemp(); err != nil {
			return nil, err
		}
	}
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
	if len(res.Changed) == 1 {
		p := res.Changed[0]
		return res, s.write(filepath.Join(s.Dir, path.Base(p)), byPath[p])
	}
	if len(res.Changed) > 1 {
		if err := s.writeAll(res.Changed, byPath); err != nil {
			return nil, err
		}
	}
	return res, nil
}

// writeAll replaces several files all-or-nothing (see Edit).
func (s *Store) writeAll(changed []string, byPath map[string][]byte) error {
	var j journal
	committed := false
	defer func() {
		if !committed {
			for _, f := range j.Files {
				os.Remove(filepath.Join(s.Dir, f.Temp))
			}
		}
	}()
	for _, p := range changed {
		name := path.Base(p)
		tmp, err := s.writeTemp(name, byPath[p])
		if tmp != "" {
			j.Files = append(j.Files, journalFile{Name: name, Temp: filepath.Base(tmp)})
		}
		if err != nil {
			return fmt.Errorf("write glossary: %w", err)
		}
	}
	data, err := json.MarshalIndent(j, "", "  ")
	if err != nil {
		return err
	}
	if s.beforeCommit != nil {
		if err := s.beforeCommit(); err != nil {
			return fmt.Errorf("write glossary: %w", err)
		}
	}
	if err := renameio.WriteFile(filepath.Join(s.Dir, JournalName), data, 0o644); err != nil {
		return fmt.Errorf("write glossary: %w", err)
	}
	committed = true
	return s.renameAll(&j)
}

// writeTemp writes data to a new temporary file beside name (named as renameio names them, so that the
// .gitignore pattern for interrupted writes covers it), keeping name's permissions, and syncs it.
func (s *Store) writeTemp(name string, data []byte) (string, error) {
	mode := os.FileMode(0o644)
	if fi, err := os.Stat(filepath.Join(s.Dir, name)); err == nil {
		mode = fi.Mode().Perm()
	}
	f, err := os.CreateTemp(s.Dir, "."+name)
	if err != nil {
		return "", err
	}
	tmp := f.Name()
	if _, err := f.Write(data); err != nil {
		f.Close()
		return tmp, err
	}
	if err := f.Chmod(mode); err != nil {
		f.Close()
		return tmp, err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return tmp, err
	}
	return tmp, f.Close()
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
