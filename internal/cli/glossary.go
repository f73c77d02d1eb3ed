package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/ctrl"
	"github.com/relloc/relloc/internal/glossary"
	"github.com/relloc/relloc/internal/glossedit"
	"github.com/relloc/relloc/internal/index"
	"github.com/relloc/relloc/internal/safefile"
	"github.com/relloc/relloc/internal/workspace"
)

// glossaryCommands lets other files add subcommands to `relloc glossary`.
var glossaryCommands []func(*Global) *cobra.Command

func newGlossaryCmd(g *Global) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "glossary",
		Short: "List, show and edit the diplomatic glossary",
		Example: `  # List every entry of the glossary
  relloc glossary list

  # Show one entry
  relloc glossary show prime-minister

  # Check the glossary as a whole, as GitHub annotations
  relloc glossary lint --format github`,
	}
	cmd.AddCommand(newGlossaryListCmd(g), newGlossaryShowCmd(g))
	for _, add := range glossaryCommands {
		cmd.AddCommand(add(g))
	}
	return cmd
}

// loadGlossary opens the workspace and its glossary, as the last committed edit left it (glossedit.ReadDir).
func loadGlossary(g *Global) (*workspace.Workspace, *glossary.Glossary, error) {
	ws, err := g.Open()
	if err != nil {
		return nil, nil, err
	}
	if err := safefile.WithinDir(ws.Root, ws.Path(ws.Config.Glossary), ws.Rel); err != nil {
		return nil, nil, err
	}
	files, err := glossedit.ReadDir(ws.Path(ws.Config.Glossary), ws.Rel)
	if err != nil {
		return nil, nil, err
	}
	// The index keeps the parsed glossary, which a command reads back while the files and relloc's build stay
	// as they were, instead of parsing them again.
	parse := glossary.Parse
	if !indexOff(g) {
		parse = func(files []glossary.File, opt glossary.Options) (*glossary.Glossary, error) {
			return index.Glossary(ws.Root, files, opt)
		}
	}
	gl, err := parse(files, glossary.Options{Targets: ws.Config.Targets})
	if err != nil {
		return nil, nil, err
	}
	return ws, gl, nil
}

type glossaryListOptions struct {
	Category string
	Format   string
}

func newGlossaryListCmd(g *Global) *cobra.Command {
	var o glossaryListOptions
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List glossary entries",
		Example: `  # List every entry of the glossary
  relloc glossary list

  # List the entries of persons, as JSON
  relloc glossary list --category person --format json`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(o.Format, "text", "json"); err != nil {
				return err
			}
			if o.Category != "" && !glossary.ValidCategory(glossary.Category(o.Category)) {
				return usage("ValueNotOneOf", "Flag", "--category", "Value", q(o.Category), "Allowed", fmt.Sprint(glossary.Categories))
			}
			ws, gl, err := loadGlossary(g)
			if err != nil {
				return err
			}
			entries := gl.Filter(glossary.Category(o.Category))
			if o.Format == "json" {
				return writeJSON(g.IO.Out, entries)
			}
			return writeGlossaryTable(ctrl.Writer{W: g.IO.Out}, entries, ws.Config.Targets)
		},
	}
	cmd.Flags().StringVar(&o.Category, "category", "", "only entries of this `category`")
	cmd.Flags().StringVar(&o.Format, "format", "text", "output `format`: text or json")
	return cmd
}

// writeJSON writes v as indented JSON, escaped with ctrl.EscapeJSON: no control character of a release or a
// glossary reaches the output raw.
func writeJSON(w io.Writer, v any) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(ctrl.EscapeJSON(b.Bytes()))
	return err
}

// rendering returns a short text form of an entry's rendering in lang.
func rendering(e *glossary.Entry, lang language.Tag) string {
	r := e.Target(lang)
	switch {
	case r.Policy == glossary.Omit:
		return "(omit)"
	case r.Term == "":
		return "(missing)"
	case r.Policy == glossary.Optional:
		return r.Term + " (optional)"
	}
	return r.Term
}

func writeGlossaryTable(w io.Writer, entries []*glossary.Entry, targets []language.Tag) error {
	tw := newTable(w)
	head := []string{"ID", "CATEGORY", "EN"}
	for _, t := range targets {
		head = append(head, strings.ToUpper(t.String()))
	}
	fmt.Fprintln(tw, strings.Join(head, "\t"))
	for _, e := range entries {
		row := []string{e.ID, string(e.Category), e.EN.Term}
		for _, t := range targets {
			row = append(row, rendering(e, t))
		}
		fmt.Fprintln(tw, strings.Join(row, "\t"))
	}
	return tw.Flush()
}

func newGlossaryShowCmd(g *Global) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "show ID",
		Short: "Show one glossary entry",
		Example: `  # Show one entry
  relloc glossary show he

  # The same, as JSON
  relloc glossary show prime-minister --format json`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format, "text", "json"); err != nil {
				return err
			}
			ws, gl, err := loadGlossary(g)
			if err != nil {
				return err
			}
			e, ok := gl.Lookup(args[0])
			if !ok {
				return usage("NoGlossaryEntry", "ID", q(args[0])).suggesting(args[0], entryIDs(gl))
			}
			if format == "json" {
				return writeJSON(g.IO.Out, e)
			}
			return writeEntry(ctrl.Writer{W: g.IO.Out}, e, ws.Config.Targets)
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output `format`: text or json")
	return cmd
}

func writeEntry(w io.Writer, e *glossary.Entry, targets []language.Tag) error {
	tw := newTable(w)
	list := func(s []string) string { return strings.Join(s, "; ") }
	fmt.Fprintf(tw, "id:\t%s\n", e.ID)
	fmt.Fprintf(tw, "category:\t%s\n", e.Category)
	fmt.Fprintf(tw, "defined at:\t%s\n", e.Pos)
	cs := ""
	if e.EN.CaseSensitive {
		cs = " (case-sensitive)"
	}
	fmt.Fprintf(tw, "en:\t%s%s\n", e.EN.Term, cs)
	if len(e.EN.Variants) > 0 {
		fmt.Fprintf(tw, "  variants:\t%s\n", list(e.EN.Variants))
	}
	for _, t := range targets {
		r := e.Target(t)
		fmt.Fprintf(tw, "%s:\t%s\n", t, rendering(e, t))
		if len(r.Variants) > 0 {
			fmt.Fprintf(tw, "  variants:\t%s\n", list(r.Variants))
		}
		if len(r.Forbidden) > 0 {
			fmt.Fprintf(tw, "  forbidden:\t%s\n", list(r.Forbidden))
		}
		if len(r.Context) > 0 {
			var cs []string
			for _, c := range r.Context {
				cs = append(cs, c.String())
			}
			fmt.Fprintf(tw, "  in context:\t%s\n", list(cs))
		}
	}
	if e.Note != "" {
		fmt.Fprintf(tw, "note:\t%s\n", e.Note)
	}
	if e.Source != "" {
		fmt.Fprintf(tw, "source:\t%s\n", e.Source)
	}
	return tw.Flush()
}

// entryIDs lists the ids of the glossary's entries, for suggestions.
func entryIDs(gl *glossary.Glossary) []string {
	ids := make([]string, len(gl.Entries))
	for i, e := range gl.Entries {
		ids[i] = e.ID
	}
	return ids
}
