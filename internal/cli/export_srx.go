package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"

	"github.com/google/renameio/v2"
	"github.com/spf13/cobra"

	"github.com/relloc/relloc/internal/srx"
)

func init() { extraCommands = append(extraCommands, newExportCmd) }

func newExportCmd(g *Global) *cobra.Command {
	cmd := &cobra.Command{
		Use:     "export",
		Short:   "Export relloc's settings for CAT tools",
		Example: `  relloc export srx -o relloc.srx`,
	}
	cmd.AddCommand(newExportSRXCmd(g))
	return cmd
}

func newExportSRXCmd(g *Global) *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "srx [-o FILE]",
		Short: "Write relloc's sentence segmentation as SRX 2.0 rules",
		Long: `srx writes the rules by which relloc splits English, Khmer and Japanese into sentences as SRX 2.0, for
a CAT tool's segmentation settings (OmegaT: Options > Segmentation > Import; Trados, memoQ, Okapi read SRX
too). A tool that splits where relloc does ("H.E. Prak Sokhonn", "Mr. HAYASHI" and "U.S. Ambassador" stay
in one sentence) gets the exact matches of relloc's translation memory (relloc tm export).`,
		Example: `  relloc export srx -o relloc.srx`,
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			var buf bytes.Buffer
			if err := srx.Write(&buf, srx.Rules()); err != nil {
				return fmt.Errorf("export srx: %w", err)
			}
			if out == "" {
				_, err := g.IO.Out.Write(buf.Bytes())
				return err
			}
			p := out
			if !filepath.IsAbs(p) {
				wd, err := g.IO.Getwd()
				if err != nil {
					return err
				}
				p = filepath.Join(wd, p)
			}
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				return fmt.Errorf("export srx: %w", err)
			}
			if err := renameio.WriteFile(p, buf.Bytes(), 0o644); err != nil {
				return fmt.Errorf("export srx: %w", err)
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to `FILE` (atomically) instead of standard output")
	return cmd
}
