//go:build !linux

package index

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// folderStat looks at the files of the release folders with os.Stat of each whole path (where fstatat from an
// open folder is not used).
type folderStat struct {
	dir string // the releases folder
}

func openFolderStat(dir string) (*folderStat, error) { return &folderStat{dir: dir}, nil }

func (s *folderStat) close() {}

// stat returns the size and modification time of the file name of the folder folder, and os.Stat's error.
// dangling reports a file that does not exist but is a symbolic link.
func (s *folderStat) stat(folder, name string) (size, mtime int64, dangling bool, err error) {
	p := filepath.Join(s.dir, folder, name)
	st, err := os.Stat(p)
	if err != nil {
		_, lerr := os.Lstat(p)
		return 0, 0, errors.Is(err, fs.ErrNotExist) && lerr == nil, err
	}
	return st.Size(), st.ModTime().UnixNano(), false, nil
}
