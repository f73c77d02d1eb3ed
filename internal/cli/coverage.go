package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/relloc/relloc/internal/coverage"
	"github.com/relloc/relloc/internal/ctrl"
)

func init() { extraCommands = append(extraCommands, newCoverageCmd) }

type coverageOptions struct {
	Langs  string
	Min    float64
	HasMin bool
	Format string
}

func newCoverageCmd(g *Global) *cobra.Command {
	var o coverageOptions
	cmd := &cobra.Command{
		Use:   "coverage [--min PERCENT] [--format text|json]",
		Short: "Measure glossary completeness, release coverage and candidate terms",
		Long: `coverage reports three things:

  glossary    for each target language, the share of entries with a rendering or an omit policy
  releases    for each release and language, the share of English occurrences of glossary entries (required in
              that language) whose rendering is in the aligned segment
  candidates  phrases of the English releases that look like diplomatic terms and are not in the glossary:
              titles before names, capitalised names of offices, organisations, events and agreements, family
              names in capitals; with their count and releases

With --min, the command exits with status 1 when a completeness or release figure is below PERCENT.
JSON: {"glossary": {"entries", "complete": {LANG: P}}, "releases": [{"release", "lang", "occurrences",
"rendered", "coverage"}], "candidates": [{"phrase", "count", "releases"}]}.`,
		Example: `  # Report glossary completeness, release coverage and candidate terms
  relloc coverage

  # Fail below 95%, with the figures as JSON
  relloc coverage --min 95 --format json`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(o.Format, "text", "json"); err != nil {
				return err
			}
			o.HasMin = cmd.Flags().Changed("min")
			return runCoverage(g, o)
		},
	}
	cmd.Flags().Var((*percentValue)(&o.Min), "min", "fail (exit status 1) when a figure is below this `percent` (95 or 95%)")
	cmd.Flags().StringVar(&o.Format, "format", "text", "output `format`: text or json")
	cmd.Flags().StringVar(&o.Langs, "lang", "", "measure only these target `languages` (comma-separated, e.g. km,ja)")
	return cmd
}

func runCoverage(g *Global, o coverageOptions) error {
	tuneGC(g.IO.Getenv) // with the index off, coverage reads and aligns every release
	x, err := openIndexed(g, false)
	if err != nil {
		return err
	}
	defer x.close()
	langs, err := parseLangs(o.Langs, x.ws.Config.Targets)
	if err != nil {
		return err
	}
	if langs == nil {
		langs = x.ws.Config.Targets
	}
	rep, err := x.coverage(langs)
	if err != nil {
		return err
	}
	if o.Format == "json" {
		err = writeJSON(g.IO.Out, rep)
	} else {
		err = writeCoverage(ctrl.Writer{W: g.IO.Out}, rep)
	}
	if err != nil {
		return err
	}
	if o.HasMin {
		if msgs := rep.Below(o.Min); len(msgs) > 0 {
			below := make([]string, len(msgs))
			for i, m := range msgs {
				below[i] = g.UI.M(m)
			}
			return &findingsError{id: "CoverageBelow", data: map[string]any{"Min": fmt.Sprint(o.Min),
				"Figures": strings.Join(below, "\n  ")}}
		}
	}
	return nil
}

func writeCoverage(w io.Writer, r *coverage.Report) error {
	tw := newTable(w)
	var parts []string
	for _, l := range r.Glossary.Languages() {
		s := fmt.Sprintf("%s %g%%", l, r.Glossary.Complete[l])
		if m := r.Glossary.Missing[l]; len(m) > 0 {
			s += " (missing: " + strings.Join(m, ", ") + ")"
		}
		parts = append(parts, s)
	}
	fmt.Fprintf(tw, "Glossary: %d entries; complete: %s\n\n", r.Glossary.Entries, strings.Join(parts, ", "))
	fmt.Fprintln(tw, "RELEASE\tLANG\tOCCURRENCES\tRENDERED\tCOVERAGE")
	for _, rc := range r.Releases {
		note := ""
		if rc.Untranslated {
			note = " (no translation)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%g%%%s\n", rc.Release, rc.Lang, rc.Occurrences, rc.Rendered, rc.Coverage, note)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "\nCandidate terms not in the glossary: %d\n", len(r.Candidates))
	if len(r.Candidates) == 0 {
		return nil
	}
	tw = newTable(w)
	fmt.Fprintln(tw, "COUNT\tPHRASE\tRELEASES")
	for _, c := range r.Candidates {
		fmt.Fprintf(tw, "%d\t%s\t%s\n", c.Count, c.Phrase, strings.Join(c.Releases, ", "))
	}
	return tw.Flush()
}
