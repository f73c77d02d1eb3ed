//go:build unix

package safefile

import (
	"os"
	"syscall"
)

// openRead opens path for reading without waiting: a named pipe opened for reading blocks until a writer
// opens it, so a FIFO in place of a release or glossary file would hang the command before Stat can refuse
// it. O_NONBLOCK changes nothing for a regular file's reads.
func openRead(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
