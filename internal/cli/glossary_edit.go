package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/finding"
	"github.com/relloc/relloc/internal/glossary"
	"github.com/relloc/relloc/internal/glossedit"
	"github.com/relloc/relloc/internal/glosslint"
	"github.com/relloc/relloc/internal/report"
	"github.com/relloc/relloc/internal/ui"
	"github.com/relloc/relloc/internal/workspace"
)

func init() {
	glossaryCommands = append(glossaryCommands, newGlossaryAddCmd, newGlossarySetCmd, newGlossaryRmCmd, newGlossaryLintCmd)
}

// editLangs are the target languages that get their own flags (--km, --ja-variant, ...). Flags are defined
// before the workspace is read, so they cannot follow relloc.toml; a flag of a language the workspace does not
// target is rejected when the command runs.
var editLangs = []language.Tag{language.Khmer, language.Japanese}

// langFlags are the flags of one target language.
type langFlags struct {
	Term      string
	Variants  []string
	Forbidden []string
	Policy    string
}

// entryFlags are the flags that describe an entry.
type entryFlags struct {
	ID, Category, EN string
	ENVariants       []string
	CaseSensitive    bool
	Note, Source     string
	Langs            map[language.Tag]*langFlags
	// changed reports whether a flag was given on the command line.
	changed func(name string) bool
}

func addEntryFlags(fs *pflag.FlagSet, o *entryFlags) {
	fs.StringVar(&o.ID, "id", "", "entry `id` (lower-case letters, digits and '-')")
	fs.StringVar(&o.Category, "category", "", "`category`: "+categoryNames())
	fs.StringVar(&o.EN, "en", "", "English `term`")
	fs.StringArrayVar(&o.ENVariants, "en-variant", nil, "accepted English `variant` (repeatable)")
	fs.BoolVar(&o.CaseSensitive, "en-case-sensitive", false, "match the English term and variants case-sensitively")
	fs.StringVar(&o.Note, "note", "", "why this rendering was chosen")
	fs.StringVar(&o.Source, "source", "", "where the rendering was seen")
	o.Langs = map[language.Tag]*langFlags{}
	for _, t := range editLangs {
		l := &langFlags{}
		o.Langs[t] = l
		s := t.String()
		fs.StringVar(&l.Term, s, "", "approved "+s+" `rendering`")
		fs.StringArrayVar(&l.Variants, s+"-variant", nil, "accepted "+s+" `variant` (repeatable)")
		fs.StringArrayVar(&l.Forbidden, s+"-forbidden", nil, s+" `rendering` that must not appear (repeatable)")
		fs.StringVar(&l.Policy, s+"-policy", "", s+" `policy`: required, optional or omit")
	}
	o.changed = func(name string) bool { return fs.Changed(name) }
}

func categoryNames() string {
	s := make([]string, len(glossary.Categories))
	for i, c := range glossary.Categories {
		s[i] = string(c)
	}
	return strings.Join(s, ", ")
}

// check validates the flags that can be checked without the glossary.
func (o *entryFlags) check(targets []language.Tag) error {
	if o.changed("category") && !glossary.ValidCategory(glossary.Category(o.Category)) {
		return usage("ValueNotOneOf", "Flag", "--category", "Value", q(o.Category), "Allowed", categoryNames())
	}
	for _, t := range editLangs {
		s := t.String()
		l := o.Langs[t]
		used := o.changed(s) || o.changed(s+"-variant") || o.changed(s+"-forbidden") || o.changed(s+"-policy")
		if used && !hasTag(targets, t) {
			return usage("GlossaryLangNotTarget", "Lang", s, "Targets", fmt.Sprint(targets))
		}
		if o.changed(s+"-policy") && !glossary.ValidPolicy(glossary.Policy(l.Policy)) {
			return usage("ValueNotOneOf", "Flag", "--"+s+"-policy", "Value", q(l.Policy), "Allowed", "[required optional omit]")
		}
	}
	return nil
}

func hasTag(tags []language.Tag, t language.Tag) bool {
	for _, x := range tags {
		if x == t {
			return true
		}
	}
	return false
}

// apply sets the fields of e that flags name.
func (o *entryFlags) apply(e *glossary.Entry) {
	if o.changed("category") {
		e.Category = glossary.Category(o.Category)
	}
	if o.changed("en") {
		e.EN.Term = o.EN
	}
	if o.changed("en-variant") {
		e.EN.Variants = nonEmpty(o.ENVariants)
	}
	if o.changed("en-case-sensitive") {
		e.EN.CaseSensitive = o.CaseSensitive
	}
	if o.changed("note") {
		e.Note = o.Note
	}
	if o.changed("source") {
		e.Source = o.Source
	}
	for _, t := range editLangs {
		s, l := t.String(), o.Langs[t]
		if !(o.changed(s) || o.changed(s+"-variant") || o.changed(s+"-forbidden") || o.changed(s+"-policy")) {
			continue
		}
		r, ok := e.Targets[t]
		if !ok {
			r = &glossary.Rendering{Policy: glossary.Required}
			e.Targets[t] = r
		}
		if o.changed(s) {
			r.Term = l.Term
		}
		if o.changed(s + "-variant") {
			r.Variants = nonEmpty(l.Variants)
		}
		if o.changed(s + "-forbidden") {
			r.Forbidden = nonEmpty(l.Forbidden)
		}
		if o.changed(s + "-policy") {
			r.Policy = glossary.Policy(l.Policy)
		}
	}
}

// idArg takes an entry's id as the positional argument, as glossary show and rm do; --id still works. Giving
// both with different ids is a usage error.
func idArg(o *entryFlags) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		switch {
		case len(args) == 0:
			return nil
		case len(args) > 1:
			return usage("GlossaryOneID", "Command", cmd.CommandPath(), "Got", len(args))
		case o.changed("id") && o.ID != args[0]:
			return usage("GlossaryTwoIDs", "Arg", q(args[0]), "ID", q(o.ID))
		}
		o.ID = args[0]
		changed := o.changed
		o.changed = func(name string) bool { return name == "id" || changed(name) }
		return nil
	}
}

// nonEmpty drops empty strings, so that --km-variant "" clears the list.
func nonEmpty(s []string) []string {
	var out []string
	for _, x := range s {
		if strings.TrimSpace(x) != "" {
			out = append(out, x)
		}
	}
	return out
}

// clone returns a deep copy of e without its position.
func clone(e *glossary.Entry) *glossary.Entry {
	c := &glossary.Entry{ID: e.ID, Category: e.Category, Note: e.Note, Source: e.Source,
		EN:      glossary.English{Term: e.EN.Term, Variants: append([]string(nil), e.EN.Variants...), CaseSensitive: e.EN.CaseSensitive},
		Targets: map[language.Tag]*glossary.Rendering{}}
	for t, r := range e.Targets {
		c.Targets[t] = &glossary.Rendering{Term: r.Term, Policy: r.Policy,
			Variants: append([]string(nil), r.Variants...), Forbidden: append([]string(nil), r.Forbidden...)}
	}
	return c
}

// glossaryStore returns the editor of the workspace's glossary files.
func glossaryStore(ws *workspace.Workspace) *glossedit.Store {
	dir := ws.Path(ws.Config.Glossary)
	return &glossedit.Store{Dir: dir, Rel: ws.Rel,
		Options: glossedit.Options{Glossary: glossary.Options{Targets: ws.Config.Targets}, Dir: ws.Rel(dir)}}
}

// glossaryFileArg turns --file into the path Apply expects (relative to the workspace root); Apply refuses a
// file outside the glossary folder.
func glossaryFileArg(g *Global, ws *workspace.Workspace, file string) (string, error) {
	if file == "" {
		return "", nil
	}
	p, err := g.abs(file)
	if err != nil {
		return "", err
	}
	return ws.Rel(p), nil
}

// editedLine reports where an entry now is.
func editedLine(res *glossedit.Result, id string) string {
	if e, ok := res.Glossary.Lookup(id); ok {
		return e.Pos.String()
	}
	return ""
}

func newGlossaryAddCmd(g *Global) *cobra.Command {
	var (
		o    entryFlags
		file string
	)
	cmd := &cobra.Command{
		Use:   "add ID --category CATEGORY --en TERM [flags]",
		Short: "Add a glossary entry",
		Long: `add appends a new entry to a glossary file: the file named by --file, else glossary/<category>.toml when
it exists, else the first glossary file (by name), else a new glossary/<category>.toml. The entry is written in
the layout of glossary/README.md; the rest of the file, comments included, is left as it was.

The glossary is locked while it is edited (glossary/.relloc.lock) and each file is replaced atomically, so
concurrent runs lose nothing and an interrupted run leaves the previous file. The result is validated before
anything is written, and an entry that relloc glossary lint would reject (no rendering for a required language,
an English form another entry claims, a form another entry forbids) is refused with lint's message.`,
		Example: `  # Add a place with its Khmer and Japanese renderings
  relloc glossary add phnom-penh --category place --en "Phnom Penh" --km ភ្នំពេញ --ja プノンペン

  # Add an honorific that the Japanese leaves out, with a note
  relloc glossary add he --category honorific --en H.E. --en-variant "His Excellency" --en-case-sensitive \
      --km ឯកឧត្តម --ja-policy omit --note "MOFA drops H.E."`,
		Args: idArg(&o),
		RunE: func(cmd *cobra.Command, args []string) error {
			for _, req := range []string{"id", "category", "en"} {
				if !o.changed(req) {
					if req == "id" {
						return usage("GlossaryAddNeedsID")
					}
					return usage("FlagRequired", "Command", "add", "Flag", "--"+req)
				}
			}
			ws, err := g.Open()
			if err != nil {
				return err
			}
			if err := o.check(ws.Config.Targets); err != nil {
				return err
			}
			target, err := glossaryFileArg(g, ws, file)
			if err != nil {
				return err
			}
			e := &glossary.Entry{ID: o.ID, Targets: map[language.Tag]*glossary.Rendering{}}
			o.apply(e)
			store := glossaryStore(ws)
			res, err := store.Edit(func(_ *glossary.Glossary, files []glossary.File) ([]glossedit.Change, error) {
				changes := []glossedit.Change{{Op: glossedit.Add, ID: e.ID, Entry: e, File: target}}
				return changes, lintEdit(ws, store, files, changes, e.ID)
			}, false)
			if err != nil {
				return err
			}
			_, err = fmt.Fprintln(g.IO.Out, g.UI.T("GlossaryAdded", ui.Args{"ID": e.ID, "At": editedLine(res, e.ID)}))
			return err
		},
	}
	addEntryFlags(cmd.Flags(), &o)
	cmd.Flags().StringVar(&file, "file", "", "glossary `file` to append to (default: glossary/<category>.toml, else the first file)")
	return cmd
}

func newGlossarySetCmd(g *Global) *cobra.Command {
	var o entryFlags
	cmd := &cobra.Command{
		Use:   "set ID [flags]",
		Short: "Change fields of a glossary entry",
		Long: `set changes the fields of an existing entry that the flags name and keeps the others; a repeatable flag
replaces the whole list (give it once with "" to empty the list). The entry is re-rendered in place: the comments
above and below it and the other entries stay as they are; comments inside the entry's tables are not kept.
Like add, set refuses a change that relloc glossary lint would reject for the entry.`,
		Example: `  # Forbid two Japanese renderings of an entry
  relloc glossary set deputy-prime-minister --ja-forbidden 副総理 --ja-forbidden 副總理

  # Let the Japanese leave an entry out
  relloc glossary set he --ja-policy omit`,
		Args: idArg(&o),
		RunE: func(cmd *cobra.Command, args []string) error {
			if !o.changed("id") {
				return usage("GlossarySetNeedsID")
			}
			ws, err := g.Open()
			if err != nil {
				return err
			}
			if err := o.check(ws.Config.Targets); err != nil {
				return err
			}
			store := glossaryStore(ws)
			res, err := store.Edit(func(gl *glossary.Glossary, files []glossary.File) ([]glossedit.Change, error) {
				old, ok := gl.Lookup(o.ID)
				if !ok {
					return nil, usage("NoGlossaryEntryAdd", "ID", q(o.ID))
				}
				e := clone(old)
				o.apply(e)
				if glossedit.Equal(old, e) {
					return nil, nil
				}
				changes := []glossedit.Change{{Op: glossedit.Update, ID: e.ID, Entry: e}}
				return changes, lintEdit(ws, store, files, changes, e.ID)
			}, false)
			if err != nil {
				return err
			}
			if len(res.Changes) == 0 {
				_, err = fmt.Fprintln(g.IO.Out, g.UI.T("GlossaryUnchanged", ui.Args{"ID": o.ID}))
				return err
			}
			_, err = fmt.Fprintln(g.IO.Out, g.UI.T("GlossaryChanged", ui.Args{"ID": o.ID, "At": editedLine(res, o.ID)}))
			return err
		},
	}
	addEntryFlags(cmd.Flags(), &o)
	return cmd
}

func newGlossaryRmCmd(g *Global) *cobra.Command {
	var id string
	cmd := &cobra.Command{
		Use:     "rm ID",
		Aliases: []string{"remove"},
		Short:   "Remove a glossary entry",
		Long:    `rm removes an entry with the comment lines directly above it; other comments and entries stay.`,
		Example: `  # Remove an entry
  relloc glossary rm sihanoukville`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 && id == "" {
				id = args[0]
				return nil
			}
			return noArgs(cmd, args)
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if id == "" {
				return usage("FlagRequired", "Command", "rm", "Flag", "--id")
			}
			ws, err := g.Open()
			if err != nil {
				return err
			}
			var path string
			_, err = glossaryStore(ws).Edit(func(gl *glossary.Glossary, _ []glossary.File) ([]glossedit.Change, error) {
				e, ok := gl.Lookup(id)
				if !ok {
					return nil, usage("NoGlossaryEntry", "ID", q(id))
				}
				path = e.Pos.Path
				return []glossedit.Change{{Op: glossedit.Remove, ID: id}}, nil
			}, false)
			if err != nil {
				return err
			}
			_, err = fmt.Fprintln(g.IO.Out, g.UI.T("GlossaryRemoved", ui.Args{"ID": id, "Path": path}))
			return err
		},
	}
	cmd.Flags().StringVar(&id, "id", "", "`id` of the entry to remove")
	return cmd
}

func newGlossaryLintCmd(g *Global) *cobra.Command {
	var format, langFlag string
	cmd := &cobra.Command{
		Use:   "lint",
		Short: "Check the glossary as a whole",
		Long: `lint reports what no single entry shows: two entries with the same rendering (warning), a form one entry
accepts and another forbids, an English form that belongs to two entries, an entry with no rendering in a target
language (no term and policy not omit), and forbidden forms that the releases contain.
Exit status: 0 when no finding is an error, 1 when one is, 2 when the run itself failed.`,
		Example: `  # Check the glossary as a whole
  relloc glossary lint

  # Check the glossary as a whole, as GitHub annotations
  relloc glossary lint --format github`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format, report.Formats...); err != nil {
				return err
			}
			p, err := loadProject(g)
			if err != nil {
				return err
			}
			ws, gl := p.ws, p.gl
			langs, err := parseLangs(langFlag, ws.Config.Targets)
			if err != nil {
				return err
			}
			if langs == nil {
				langs = ws.Config.Targets
			}
			in := glosslint.Input{Glossary: gl, Source: ws.Config.Source, Targets: langs, Releases: p.rels,
				Anchors: p.anchors}
			fs := glosslint.Run(in)
			sum := finding.Summarize(fs)
			files := map[string]bool{}
			for _, e := range gl.Entries {
				files[e.Pos.Path] = true
			}
			for _, r := range p.rels {
				for _, d := range r.Docs {
					files[d.Path] = true
				}
			}
			sum.Files, sum.Releases = len(files), len(p.rels)
			opt := report.Options{Color: g.IO.Color(), ToolVersion: Version, Rules: glosslint.Rules(), Summary: sum, UI: g.UI}
			repoOptions(ws, &opt)
			if err := report.Write(format, g.IO.Out, fs, opt); err != nil {
				return err
			}
			if sum.Errors > 0 {
				return &findingsError{}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output `format`: "+strings.Join(report.Formats, ", "))
	cmd.Flags().StringVar(&langFlag, "lang", "", "lint only these target `languages` (comma-separated, e.g. km,ja)")
	return cmd
}
