//go:build !unix

package safefile

import "os"

// openRead opens path for reading (see the Unix version, which must not wait on a named pipe).
func openRead(path string) (*os.File, error) {
	return os.Open(path)
}
