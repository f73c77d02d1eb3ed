package cli

import (
	"bytes"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/relloc/relloc/internal/srx"
)

func init() { extraCommands = append(extraCommands, newExportCmd) }

func newExportCmd(g *Global) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Export relloc's settings for CAT tools",
		Example: `  # Write the segmentation rules for a CAT tool
  relloc export srx -o relloc.srx`,
	}
	cmd.AddCommand(newExportSRXCmd(g))
	return cmd
}

func newExportSRXCmd(g *Global) *cobra.Command {
	var out, format string
	cmd := &cobra.Command{
		Use:   "srx [--format srx|omegat] [-o FILE]",
		Short: "Write relloc's sentence segmentation as SRX 2.0 rules",
		Long: `srx writes the rules by which relloc splits English, Khmer and Japanese into sentences as SRX 2.0, for
a CAT tool's segmentation settings (OmegaT: Options > Segmentation > Import; Trados, memoQ, Okapi read SRX
too). A tool that splits where relloc does ("H.E. Prak Sokhonn", "Mr. HAYASHI" and "U.S. Ambassador" stay
in one sentence) gets the exact matches of relloc's translation memory (relloc tm export).

--format omegat writes the same rules as OmegaT's project settings, the file omegat/segmentation.conf of an
OmegaT project: OmegaT 3.6 imports SRX only in its settings dialogue, and reads a project's own rules (in
console mode too) from that file alone.`,
		Example: `  # Write the segmentation rules for a CAT tool
  relloc export srx -o relloc.srx

  # Write them as the segmentation settings of an OmegaT project
  relloc export srx --format omegat -o project/omegat/segmentation.conf`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format, "srx", "omegat"); err != nil {
				return err
			}
			write := srx.Write
			if format == "omegat" {
				write = srx.WriteOmegaT
			}
			var buf bytes.Buffer
			if err := write(&buf, srx.Rules()); err != nil {
				return fmt.Errorf("export srx: %w", err)
			}
			if out == "" {
				_, err := g.IO.Out.Write(buf.Bytes())
				return err
			}
			return g.writeOutput("export srx", out, buf.Bytes())
		},
	}
	cmd.Flags().StringVar(&format, "format", "srx", "`format`: srx (SRX 2.0) or omegat (an OmegaT project's segmentation.conf)")
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to `FILE` (atomically) instead of standard output")
	return cmd
}
