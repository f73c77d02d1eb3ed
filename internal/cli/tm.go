package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/ctrl"
	"github.com/relloc/relloc/internal/tm"
)

func init() { extraCommands = append(extraCommands, newTMCmd) }

func newTMCmd(g *Global) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "tm",
		Short: "Search and export the translation memory of the workspace's releases",
		Long: `The translation memory holds the aligned segments (English with its Khmer and Japanese) of every release
of the workspace, as relloc align shows them, and the external memories imported into tm/ (relloc tm import).
relloc draft fills sentences from it.`,
	}
	cmd.AddCommand(newTMSearchCmd(g), newTMImportCmd(g))
	if c := newTMExportCmd(g); c != nil {
		cmd.AddCommand(c)
	}
	return cmd
}

type tmSearchOptions struct {
	Text      string
	Lang      string
	Threshold float64
	Format    string
}

func newTMSearchCmd(g *Global) *cobra.Command {
	var o tmSearchOptions
	cmd := &cobra.Command{
		Use:   "search TEXT",
		Short: "Find the segments whose English is similar to TEXT, with their translations",
		Long: `search looks TEXT up in the translation memory and prints every segment whose English scores at least
--threshold against it (1 − edit distance / length, on characters after normalisation), best first, with
its translation, its release and its segment id.`,
		Example: `  relloc tm search "He expressed gratitude to Japan" --lang km
  relloc tm search "The two Foreign Ministers met." --threshold 0.6 --format json`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Text = args[0]
			if err := checkFormat(o.Format, "text", "json"); err != nil {
				return err
			}
			if o.Threshold <= 0 || o.Threshold > 1 {
				return usagef("--threshold %v: must be in (0, 1]", o.Threshold)
			}
			return runTMSearch(g, o)
		},
	}
	cmd.Flags().StringVar(&o.Lang, "lang", "", "search translations in these target `languages` only (comma-separated; default all)")
	cmd.Flags().Float64Var(&o.Threshold, "threshold", tm.DefaultThreshold, "lowest similarity `score` of a match, in (0, 1]")
	cmd.Flags().StringVar(&o.Format, "format", "text", "output `format`: text or json")
	return cmd
}

// tmMatch is one search result as printed.
type tmMatch struct {
	Lang    string  `json:"lang"`
	Score   float64 `json:"score"`
	Exact   bool    `json:"exact"`
	Release string  `json:"release"`
	Segment string  `json:"segment"`
	Source  string  `json:"source"`
	Target  string  `json:"target"`
}

func runTMSearch(g *Global, o tmSearchOptions) error {
	p, err := loadProject(g)
	if err != nil {
		return err
	}
	ws := p.ws
	langs, err := parseLangs(o.Lang, ws.Config.Targets)
	if err != nil {
		return err
	}
	if len(langs) == 0 {
		langs = ws.Config.Targets
	}
	mem, _ := p.memory()
	out := []tmMatch{}
	for _, lang := range langs {
		for _, m := range mem.Lookup(o.Text, lang.String(), o.Threshold) {
			out = append(out, tmMatch{Lang: lang.String(), Score: m.Score, Exact: m.Exact, Release: m.Release,
				Segment: m.Segment, Source: m.Source, Target: m.Target})
		}
	}
	if o.Format == "json" {
		return writeJSON(g.IO.Out, out)
	}
	if len(out) == 0 {
		fmt.Fprintf(g.IO.Err, "no segment scores %.0f%% or more\n", o.Threshold*100)
		return nil
	}
	return writeTMMatches(ctrl.Writer{W: g.IO.Out}, out)
}

func writeTMMatches(w io.Writer, ms []tmMatch) error {
	for i, m := range ms {
		if i > 0 {
			fmt.Fprintln(w)
		}
		kind := "fuzzy"
		if m.Exact {
			kind = "exact"
		}
		fmt.Fprintf(w, "%s %3.0f%% %s %s %s\n", m.Lang, m.Score*100, kind, m.Release, m.Segment)
		fmt.Fprintf(w, "  en  %s\n", m.Source)
		if _, err := fmt.Fprintf(w, "  %-3s %s\n", m.Lang, m.Target); err != nil {
			return err
		}
	}
	return nil
}

// singleLang parses a --lang flag that must name exactly one target.
func singleLang(s string, targets []language.Tag) (language.Tag, error) {
	if s == "" {
		return language.Und, usagef("--lang is required (one of %v)", targets)
	}
	if strings.Contains(s, ",") {
		return language.Und, usagef("--lang takes one language, got %q", s)
	}
	ls, err := parseLangs(s, targets)
	if err != nil {
		return language.Und, err
	}
	return ls[0], nil
}
