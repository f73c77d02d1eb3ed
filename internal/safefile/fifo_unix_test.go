//go:build unix

package safefile

import (
	"errors"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/relloc/relloc/internal/inputerr"
)

// TestNamedPipe: a named pipe in place of a file is refused as not a regular file, at once, by every reader
// of this package; opened for reading the usual way it would wait for a writer that never comes.
func TestNamedPipe(t *testing.T) {
	p := filepath.Join(t.TempDir(), "ja.md")
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	readers := map[string]func() error{
		"ReadFile": func() error { _, err := ReadFile("", p, "ja.md", 1<<20); return err },
		"Open":     func() error { _, err := Open(p, "ja.md"); return err },
		"OpenReader": func() error {
			_, _, err := OpenReader("", p, "ja.md", 1<<20)
			return err
		},
		"ReadPlain": func() error {
			if _, ok, err := ReadPlain(p, "ja.md", 1<<20); ok || err != nil {
				return errors.New("ReadPlain read a named pipe")
			}
			return &inputerr.Error{} // nothing read: the caller goes on to ReadFile
		},
	}
	for name, read := range readers {
		done := make(chan error, 1)
		go func() { done <- read() }()
		select {
		case err := <-done:
			var ie *inputerr.Error
			if !errors.As(err, &ie) {
				t.Errorf("%s of a named pipe: %v, want an input error", name, err)
			}
		case <-time.After(30 * time.Second): // a guard against the hang, not a measure of speed
			t.Fatalf("%s of a named pipe is still waiting for a writer", name)
		}
	}
}
