package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/google/renameio/v2"
	"github.com/spf13/cobra"

	"github.com/relloc/relloc/internal/safefile"
	"github.com/relloc/relloc/internal/tm"
	"github.com/relloc/relloc/internal/tmx"
	"github.com/relloc/relloc/internal/workspace"
)

// tmDir is the workspace folder of external translation memories, apart from the releases.
const tmDir = "tm"

type tmImportOptions struct {
	File string
	Name string
}

var tmName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)

func newTMImportCmd(g *Global) *cobra.Command {
	var o tmImportOptions
	cmd := &cobra.Command{
		Use:   "import FILE.tmx [--name NAME]",
		Short: "Add an external translation memory (TMX) that draft and tm search use",
		Long: `import checks a TMX file (1.1 to 1.4, from OmegaT, Trados, memoQ or relloc) and keeps a copy as
tm/NAME.tmx in the workspace, apart from the releases: relloc draft and relloc tm search then use its units
too, marked with their origin (tm/NAME.tmx and the unit's tuid). Languages are read as the workspace's (ja-JP
is ja); units of other languages are left out. NAME defaults to the file's name; importing a name again
replaces that memory.`,
		Example: `  # Import a TMX file as the memory tm/mofa-2021.tmx
  relloc tm import mofa-2021.tmx

  # Import OmegaT's project memory under another name
  relloc tm import omegat/project_save.tmx --name omegat-ja`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.File = args[0]
			if o.Name == "" {
				o.Name = strings.TrimSuffix(filepath.Base(o.File), filepath.Ext(o.File))
			}
			if !tmName.MatchString(o.Name) {
				return usage("TMNameInvalid", "Value", q(o.Name))
			}
			return runTMImport(g, o)
		},
	}
	cmd.Flags().StringVar(&o.Name, "name", "", "`name` of the memory in tm/ (default: the file's name)")
	return cmd
}

func runTMImport(g *Global, o tmImportOptions) error {
	ws, err := g.Open()
	if err != nil {
		return err
	}
	p, err := g.abs(o.File)
	if err != nil {
		return err
	}
	r, closeFile, err := safefile.OpenReader("", p, o.File, maxTMXSize)
	if err != nil {
		return fmt.Errorf("tm import: %w", err)
	}
	defer closeFile()
	// The file is copied into tm/ as it is parsed, to a temporary file that replaces the memory only when the
	// whole file has been read and holds units: it is never held in memory.
	dir := ws.Path(tmDir)
	_, statErr := os.Stat(dir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("tm import: %w", err)
	}
	copied, err := renameio.NewPendingFile(filepath.Join(dir, o.Name+".tmx"), renameio.WithPermissions(0o644))
	if err != nil {
		return fmt.Errorf("tm import: %w", err)
	}
	keep := false
	defer func() {
		if !keep {
			copied.Cleanup()
			if statErr != nil {
				os.Remove(dir) // the folder made for this import, if still empty
			}
		}
	}()
	origin := tmDir + "/" + o.Name + ".tmx"
	units, err := tmx.ReadFrom(o.File, io.TeeReader(r, copyTo{copied}), origin, ws.Config.Languages())
	if err != nil {
		var we *writeError
		if errors.As(err, &we) {
			return fmt.Errorf("tm import: %w", we.err)
		}
		return err
	}
	src := ws.Config.Source.String()
	n := 0
	for _, u := range units {
		if u.Text[src] != "" {
			n++
		}
	}
	if n == 0 {
		return fmt.Errorf("%s: no unit has %s text and a translation into %v", o.File, src, ws.Config.Targets)
	}
	// The decoder stops at the end of the document: what follows it (white space) is copied too.
	if _, err := io.Copy(copied, r); err != nil {
		return fmt.Errorf("tm import: %w", err)
	}
	if err := copied.CloseAtomicallyReplace(); err != nil {
		return fmt.Errorf("tm import: %w", err)
	}
	keep = true
	fmt.Fprintf(g.IO.Err, "%s: %d units with %s and a translation\n", origin, n, src)
	return nil
}

// writeError is an error of writing the copy that tm import makes as it parses, told apart from the errors of
// the file read (which the parser reports, wrapping this one).
type writeError struct{ err error }

func (e *writeError) Error() string { return e.err.Error() }

// copyTo is a writer whose errors are writeErrors.
type copyTo struct{ w io.Writer }

func (c copyTo) Write(b []byte) (int, error) {
	n, err := c.w.Write(b)
	if err != nil {
		err = &writeError{err}
	}
	return n, err
}

// externalUnits reads the workspace's external memories, tm/*.tmx, sorted by name.
func externalUnits(ws *workspace.Workspace) ([]tm.Unit, error) {
	names, err := filepath.Glob(filepath.Join(ws.Path(tmDir), "*.tmx"))
	if err != nil {
		return nil, err
	}
	var out []tm.Unit
	for _, n := range names {
		r, closeFile, err := safefile.OpenReader(ws.Root, n, ws.Rel(n), maxTMXSize)
		if err != nil {
			return nil, fmt.Errorf("read translation memory: %w", err)
		}
		origin := tmDir + "/" + filepath.Base(n)
		units, err := tmx.ReadFrom(origin, r, origin, ws.Config.Languages())
		closeFile()
		if err != nil {
			return nil, err
		}
		out = append(out, units...)
	}
	return out, nil
}

// maxTMXSize is the largest translation memory relloc reads: an agency's whole memory of a ministry's releases
// is tens of megabytes.
const maxTMXSize = 256 << 20
