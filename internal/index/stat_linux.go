package index

import (
	"errors"
	"io/fs"
	"path/filepath"

	"golang.org/x/sys/unix"
)

// folderStat looks at the files of the release folders through an open handle of the releases folder
// (fstatat), so that the kernel resolves a folder's name and a file's for each, not the whole path from the root
// again: 30,000 at 10,000 releases, what a warm open spends most of its time on (a third less than os.Stat of
// each whole path, measured in a loop on this archive).
type folderStat struct {
	dir string // the releases folder
	fd  int
}

// openFolderStat opens the releases folder dir for folderStat.
func openFolderStat(dir string) (*folderStat, error) {
	for {
		fd, err := unix.Open(dir, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return nil, &fs.PathError{Op: "open", Path: dir, Err: err}
		}
		return &folderStat{dir: dir, fd: fd}, nil
	}
}

func (s *folderStat) close() { unix.Close(s.fd) }

// stat returns the size and modification time of the file name of the folder folder, following a symbolic link
// as os.Stat does, and its error as os.Stat gives it (a *fs.PathError naming the file's whole path). dangling
// reports a file that does not exist but is a symbolic link.
func (s *folderStat) stat(folder, name string) (size, mtime int64, dangling bool, err error) {
	p := folder + "/" + name
	var st unix.Stat_t
	if err := s.fstatat(p, &st, 0); err != nil {
		dangling := errors.Is(err, fs.ErrNotExist) && s.fstatat(p, &st, unix.AT_SYMLINK_NOFOLLOW) == nil
		return 0, 0, dangling, &fs.PathError{Op: "stat", Path: filepath.Join(s.dir, folder, name), Err: err}
	}
	return st.Size, st.Mtim.Sec*1e9 + st.Mtim.Nsec, false, nil
}

func (s *folderStat) fstatat(p string, st *unix.Stat_t, flags int) error {
	for {
		err := unix.Fstatat(s.fd, p, st, flags)
		if err != unix.EINTR {
			return err
		}
	}
}
