package cli

import (
	"bytes"
	"fmt"

	"github.com/google/renameio/v2"
	"github.com/spf13/cobra"

	"github.com/relloc/relloc/internal/tmx"
)

type tmExportOptions struct {
	Format string
	Out    string
}

func newTMExportCmd(g *Global) *cobra.Command {
	var o tmExportOptions
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Export the translation memory as TMX 1.4",
		Long: `export writes every aligned segment of the workspace's releases as a TMX 1.4 translation unit (English
first, then each translation), for CAT tools such as Trados, memoQ and OmegaT. Without --out it writes to
standard output; with --out the file is written atomically.`,
		Example: `  relloc tm export --format tmx --out relloc.tmx`,
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(o.Format, "tmx"); err != nil {
				return err
			}
			p, err := loadProject(g)
			if err != nil {
				return err
			}
			_, units := p.memory()
			var buf bytes.Buffer
			if err := tmx.Write(&buf, units, p.ws.Config.Source.String(), Version); err != nil {
				return fmt.Errorf("tm export: %w", err)
			}
			if o.Out == "" {
				_, err := g.IO.Out.Write(buf.Bytes())
				return err
			}
			if err := renameio.WriteFile(o.Out, buf.Bytes(), 0o644); err != nil {
				return fmt.Errorf("tm export: %w", err)
			}
			fmt.Fprintf(g.IO.Err, "wrote %d translation units to %s\n", len(units), o.Out)
			return nil
		},
	}
	cmd.Flags().StringVar(&o.Format, "format", "tmx", "export `format`: tmx")
	cmd.Flags().StringVar(&o.Out, "out", "", "write to `FILE` instead of standard output")
	return cmd
}
