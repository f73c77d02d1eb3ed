package cli

import (
	"bytes"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/relloc/relloc/internal/draft"
	"github.com/relloc/relloc/internal/tm"
	"github.com/relloc/relloc/internal/tmx"
	"github.com/relloc/relloc/internal/xliff"
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
first, then each translation in the workspace's order), for CAT tools such as Trados, memoQ and OmegaT. Bold,
emphasis, superscript, subscript, code, links and line breaks are inline codes (<bpt>/<ept>/<ph> holding the
Markdown), so that a tag-aware tool matches segments with markup exactly; each unit's creationdate is its
release's date. Without -o/--output it writes to standard output; with it the file is written atomically.`,
		Example: `  # Export the translation memory as TMX
  relloc tm export --format tmx -o relloc.tmx`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(o.Format, "tmx"); err != nil {
				return err
			}
			p, err := loadProject(g)
			if err != nil {
				return err
			}
			units, contents, created := p.tmxUnits()
			var langs []string
			for _, t := range p.ws.Config.Targets {
				langs = append(langs, t.String())
			}
			var buf bytes.Buffer
			opt := tmx.Options{Source: p.ws.Config.Source.String(), ToolVersion: Version, Languages: langs,
				Content: func(i int, lang string) xliff.Content { return contents[i][lang] },
				Created: func(i int) time.Time { return created[i] }}
			if err := tmx.WriteWith(&buf, units, opt); err != nil {
				return fmt.Errorf("tm export: %w", err)
			}
			if o.Out == "" {
				_, err := g.IO.Out.Write(buf.Bytes())
				return err
			}
			if err := g.writeOutput("tm export", o.Out, buf.Bytes()); err != nil {
				return err
			}
			fmt.Fprintf(g.IO.Err, "wrote %d translation units to %s\n", len(units), o.Out)
			return nil
		},
	}
	cmd.Flags().StringVar(&o.Format, "format", "tmx", "export `format`: tmx")
	outputFlag(cmd.Flags(), &o.Out, "write to `FILE` instead of standard output")
	return cmd
}

// tmxUnits returns the memory's units of every release in order, with each unit's text with inline codes per
// language and its release's date.
func (p *project) tmxUnits() ([]tm.Unit, []map[string]xliff.Content, []time.Time) {
	var units []tm.Unit
	var contents []map[string]xliff.Content
	var created []time.Time
	for _, r := range p.rels {
		bt := p.align(r)
		var date time.Time
		if src := r.Doc(p.ws.Config.Source); src != nil {
			date = src.Front.Time()
		}
		for _, seg := range bt.Segments {
			en := seg.Side(bt.Source)
			if en == nil {
				continue
			}
			c := map[string]xliff.Content{}
			src := xliff.FromBlock(en.Block, en.Start, en.End)
			for lang, side := range seg.Sides {
				if lang == bt.Source {
					c[lang.String()] = src
					continue
				}
				c[lang.String()] = xliff.Renumber(xliff.FromBlock(side.Block, side.Start, side.End), src)
			}
			contents = append(contents, c)
			created = append(created, date)
		}
		units = append(units, draft.Units(bt)...)
	}
	return units, contents, created
}
