package cli

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/google/renameio/v2"
)

// abs resolves a path the user typed against the command's working folder (the IO's, so that tests and
// --workspace see the same folder as the user's shell).
func (g *Global) abs(p string) (string, error) {
	if filepath.IsAbs(p) {
		return p, nil
	}
	wd, err := g.IO.Getwd()
	if err != nil {
		return "", err
	}
	return filepath.Join(wd, p), nil
}

// writeOutput writes data to the file the user named with -o: its folder is made if need be, and the file is
// replaced atomically, so that a failed run leaves the old file whole. what prefixes errors ("export srx").
func (g *Global) writeOutput(what, name string, data []byte) error {
	p, err := g.abs(name)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if err := renameio.WriteFile(p, data, 0o644); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}
