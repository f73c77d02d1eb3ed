package cli

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/ctrl"
	"github.com/relloc/relloc/internal/glossary"
	"github.com/relloc/relloc/internal/glossedit"
	"github.com/relloc/relloc/internal/inputerr"
	"github.com/relloc/relloc/internal/safefile"
	"github.com/relloc/relloc/internal/tbx"
	"github.com/relloc/relloc/internal/termcsv"
	"github.com/relloc/relloc/internal/ui"
	"github.com/relloc/relloc/internal/workspace"
)

func init() {
	glossaryCommands = append(glossaryCommands, newGlossaryExportCmd, newGlossaryImportCmd)
}

type exportOptions struct {
	Format     string
	Output     string
	Category   string
	TBXVersion string
	Lang       string
}

func newGlossaryExportCmd(g *Global) *cobra.Command {
	var o exportOptions
	cmd := &cobra.Command{
		Use:   "export --format toml|json|csv|tbx|omegat [--output FILE]",
		Short: "Export the glossary as TOML, JSON, CSV, TBX or an OmegaT glossary",
		Long: `export writes the whole glossary (or one category) to stdout or to --output.

  toml  one file in the layout of glossary/README.md
  json  the shape of 'relloc glossary list --format json'
  csv   one row per entry, for spreadsheets: UTF-8 with a byte-order mark and CRLF line ends; columns id,
        category, en, en_variants, en_case_sensitive, then <lang>, <lang>_variants, <lang>_forbidden,
        <lang>_policy per target language, then note, source; list cells join their forms with " | "
  tbx   TBX-Basic for CAT tools: approved terms are preferredTerm-admn-sts, variants
        admittedTerm-admn-sts, forbidden forms deprecatedTerm-admn-sts, the category a subjectField, and
        term-base data kept from an import where it came from. TBX 2008 (<martif>) by default, which
        OmegaT and Translate Toolkit read; --tbx-version 3 writes TBX v3 (<tbx>, ISO 30042:2019)
  omegat  an OmegaT glossary for --lang (put it in the project's glossary folder as NAME.utf8): UTF-8,
        source<TAB>target<TAB>comment, a line per English form and accepted rendering; the comment names
        the entry, marks forbidden forms (FORBIDDEN: ...) and carries the note`,
		Example: `  # Export the glossary as TBX for CAT tools
  relloc glossary export --format tbx --output glossary.tbx

  # Export the glossary for a spreadsheet
  relloc glossary export --format csv > glossary.csv

  # Export the Japanese glossary for OmegaT
  relloc glossary export --format omegat --lang ja -o omegat/glossary/relloc.utf8`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(o.Format, "toml", "json", "csv", "tbx", "omegat"); err != nil {
				return err
			}
			if (o.Format == "omegat") != (o.Lang != "") {
				return usage("OmegaTLang")
			}
			if o.Category != "" && !glossary.ValidCategory(glossary.Category(o.Category)) {
				return usage("ValueNotOneOf", "Flag", "--category", "Value", q(o.Category), "Allowed", categoryNames())
			}
			if o.TBXVersion != "2008" && o.TBXVersion != "3" {
				return usage("ValueNotOneOf", "Flag", "--tbx-version", "Value", q(o.TBXVersion), "Allowed", "[2008 3]")
			}
			ws, gl, err := loadGlossary(g)
			if err != nil {
				return err
			}
			var buf bytes.Buffer
			if err := exportGlossary(&buf, ws, gl.Filter(glossary.Category(o.Category)), o); err != nil {
				return err
			}
			if o.Output == "" {
				_, err = g.IO.Out.Write(buf.Bytes())
				return err
			}
			return g.writeOutput("export", o.Output, buf.Bytes())
		},
	}
	cmd.Flags().StringVar(&o.Format, "format", "", "`format`: toml, json, csv or tbx (required)")
	cmd.Flags().StringVarP(&o.Output, "output", "o", "", "write to `file` (atomically) instead of stdout")
	cmd.Flags().StringVar(&o.Category, "category", "", "only entries of this `category`")
	cmd.Flags().StringVar(&o.TBXVersion, "tbx-version", "2008", "TBX `version`: 2008 (<martif>) or 3 (<tbx>)")
	cmd.Flags().StringVar(&o.Lang, "lang", "", "target `language` of an OmegaT glossary")
	return cmd
}

// exportGlossary renders entries in o.Format.
func exportGlossary(buf *bytes.Buffer, ws *workspace.Workspace, entries []*glossary.Entry, o exportOptions) error {
	format := o.Format
	switch format {
	case "toml":
		buf.WriteString("# Glossary exported by relloc " + Version + ".\n")
		for _, e := range entries {
			buf.WriteString("\n")
			buf.WriteString(glossedit.Render(e, ws.Config.Targets))
		}
		return nil
	case "json":
		if entries == nil {
			entries = []*glossary.Entry{}
		}
		return writeJSON(buf, entries)
	case "csv":
		return termcsv.Write(buf, entries, termcsv.Options{Targets: ws.Config.Targets, BOM: true, CRLF: true})
	case "omegat":
		lang, err := singleLang(o.Lang, ws.Config.Targets)
		if err != nil {
			return err
		}
		return termcsv.WriteOmegaT(buf, entries, lang)
	case "tbx":
		d := tbx.TBX2008
		if o.TBXVersion == "3" {
			d = tbx.TBXv3
		}
		return tbx.Write(buf, entries, tbx.Options{Source: ws.Config.Source, Targets: ws.Config.Targets, Dialect: d})
	}
	return usage("ValueNotOneOf", "Flag", "--format", "Value", q(format), "Allowed", "[toml json csv tbx omegat]")
}

type importOptions struct {
	File    string
	Format  string
	Merge   bool
	Replace bool
	DryRun  bool
	LangMap []string
}

func newGlossaryImportCmd(g *Global) *cobra.Command {
	var o importOptions
	cmd := &cobra.Command{
		Use:   "import FILE [--format csv|tbx|json|toml] [--merge|--replace] [--dry-run]",
		Short: "Import glossary entries from CSV, TBX, JSON or TOML",
		Long: `import reads entries from a CSV file (the columns of 'relloc glossary export --format csv', in any order;
UTF-8 with or without a byte-order mark, CRLF or LF), a TBX file (TBX 2008 <martif> or TBX v3 <tbx>), or the
JSON or TOML that 'relloc glossary export --format json|toml' writes, and merges them into the glossary:

  --merge    (the default) add new entries; an existing entry takes the fields the file gives a value for
             and keeps every other field: a column, element or key the file lacks, or an empty cell or
             value, changes nothing
  --replace  the glossary becomes the file's entries: fields and entries the file lacks are removed (the only
             way an import clears a field)

New entries go to glossary/<category>.toml when it exists, else to the first glossary file. The whole file is
read and checked first: a cell or element relloc cannot read is reported with its position, exit status 2, and
nothing is written. Each changed entry is printed with a field-by-field diff. --dry-run prints the same and
writes nothing. A change that touches several glossary files is all-or-nothing.

TBX: language tags with a region are read as the workspace's language (km-KH is km); a langSet of another
language is kept in the entry's data, with a warning, unless --lang-map names its language (Translate
Toolkit's csv2tbx writes the target language as "xx": --lang-map xx=ja). An entry without subjectField gets
category concept (a merge keeps the existing entry's); an id that is not a relloc id is made one from it or
from the English term. Definitions, contexts, part of speech, term types, notes and other data categories
are kept in the entry's data and exported again.`,
		Example: `  # Show what importing a spreadsheet would change, and write nothing
  relloc glossary import glossary.csv --dry-run

  # Make the glossary exactly the entries of a TBX file
  relloc glossary import termbase.tbx --replace

  # Bring back a glossary exported as JSON
  relloc glossary import glossary.json --replace`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.File = args[0]
			if o.Merge && o.Replace {
				return usage("FlagsExclude", "A", "--merge", "B", "--replace")
			}
			if o.Format == "" {
				o.Format = strings.TrimPrefix(strings.ToLower(filepath.Ext(o.File)), ".")
				if !slices.Contains(importFormats, o.Format) {
					return usage("ImportFormatUnknown", "File", o.File)
				}
			}
			if err := checkFormat(o.Format, importFormats...); err != nil {
				return err
			}
			if len(o.LangMap) > 0 && o.Format != "tbx" {
				return usage("LangMapTBXOnly")
			}
			return runImport(g, o)
		},
	}
	cmd.Flags().StringVar(&o.Format, "format", "", "`format` of FILE: csv, tbx, json or toml (default: from the file's extension)")
	cmd.Flags().BoolVar(&o.Merge, "merge", false, "add new and update changed entries, keep the others (the default)")
	cmd.Flags().BoolVar(&o.Replace, "replace", false, "make the glossary exactly the file's entries")
	cmd.Flags().BoolVar(&o.DryRun, "dry-run", false, "print what would change and write nothing")
	cmd.Flags().StringSliceVar(&o.LangMap, "lang-map", nil, "read TBX language `tag=lang` as a workspace language (xx=ja)")
	return cmd
}

// parseLangMap reads --lang-map's tag=lang pairs; lang must be a language of the workspace.
func parseLangMap(pairs []string, ws *workspace.Workspace) (map[string]language.Tag, error) {
	m := map[string]language.Tag{}
	for _, p := range pairs {
		from, to, ok := strings.Cut(p, "=")
		tag, err := language.Parse(strings.TrimSpace(to))
		if !ok || strings.TrimSpace(from) == "" || err != nil || !slices.Contains(ws.Config.Languages(), tag) {
			return nil, usage("LangMapInvalid", "Value", q(p), "Langs", fmt.Sprint(ws.Config.Languages()))
		}
		m[strings.TrimSpace(from)] = tag
	}
	return m, nil
}

func runImport(g *Global, o importOptions) error {
	ws, err := g.Open()
	if err != nil {
		return err
	}
	p, err := g.abs(o.File)
	if err != nil {
		return err
	}
	entries, err := readImport(g, ws, p, o)
	if err != nil {
		return err
	}
	res, err := glossaryStore(ws).Edit(func(gl *glossary.Glossary, _ []glossary.File) ([]glossedit.Change, error) {
		return glossedit.Plan(gl, entries, o.Replace), nil
	}, o.DryRun)
	if err != nil {
		return err
	}
	added, changed, removed := glossedit.Summary(res.Changes)
	diffs := map[string][]glossedit.FieldDiff{}
	for _, c := range res.Changes {
		if c.Op == glossedit.Update && c.Old != nil {
			diffs[c.ID] = glossedit.Diff(c.Old, c.Entry, ws.Config.Targets)
		}
	}
	for _, l := range []struct {
		verb string
		ids  []string
	}{{"added", added}, {"changed", changed}, {"removed", removed}} {
		for _, id := range l.ids {
			fmt.Fprintf(ctrl.Writer{W: g.IO.Out}, "%s %s\n", l.verb, id)
			for _, d := range diffs[id] {
				fmt.Fprintf(ctrl.Writer{W: g.IO.Out}, "  %s\n", d)
			}
		}
	}
	id := "ImportSummary"
	if o.DryRun {
		id = "ImportSummaryDryRun"
	}
	summary := g.UI.T(id, map[string]any{"Added": len(added), "Changed": len(changed), "Removed": len(removed),
		"Unchanged": len(entries) - len(added) - len(changed)})
	_, err = fmt.Fprintln(g.IO.Err, summary)
	return err
}

// Limits of glossary import: a glossary of 100,000 entries is some 30 MB of CSV; a line is one entry.
const (
	maxImportSize = 64 << 20
	maxImportLine = 1 << 20
)

// readImport reads the entries of an import file through safefile's limits: a device, a file over
// maxImportSize, a line over maxImportLine or a NUL byte stops the import before the file is read into memory.
func readImport(g *Global, ws *workspace.Workspace, p string, o importOptions) ([]glossedit.Imported, error) {
	f, err := safefile.Open(p, o.File)
	if err != nil {
		return nil, fmt.Errorf("import: %w", err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Size() > maxImportSize {
		return nil, inputerr.Say(o.File, 0, 0, "TooLargeImport", ui.Args{"Limit": safefile.Size(maxImportSize)})
	}
	r := &safefile.Reader{R: f, Path: o.File, MaxSize: maxImportSize, MaxLine: maxImportLine}
	switch o.Format {
	case "csv":
		return termcsv.ReadFrom(o.File, r, termcsv.Options{Targets: ws.Config.Targets})
	case "tbx":
		lm, err := parseLangMap(o.LangMap, ws)
		if err != nil {
			return nil, err
		}
		return tbx.ReadFrom(o.File, r, tbx.Options{Source: ws.Config.Source, Targets: ws.Config.Targets, LangMap: lm,
			Warn: func(w *inputerr.Error) {
				fmt.Fprintln(g.IO.Err, g.UI.T("Warning", ui.Args{"Message": ctrl.Escape(inputerr.Text(w, g.UI))}))
			}})
	case "json", "toml":
		data, err := io.ReadAll(r)
		if err != nil {
			return nil, err
		}
		opt := glossary.Options{Targets: ws.Config.Targets, Partial: true}
		var entries []*glossary.Entry
		if o.Format == "json" {
			entries, err = glossary.ParseJSON(o.File, data, opt)
		} else {
			var gl *glossary.Glossary
			if gl, err = glossary.Parse([]glossary.File{{Path: o.File, Data: data}}, opt); err == nil {
				entries = gl.Entries
			}
		}
		if err != nil {
			return nil, err
		}
		return givenInFile(entries), nil
	}
	return nil, usage("ValueNotOneOf", "Flag", "--format", "Value", q(o.Format), "Allowed", fmt.Sprint(importFormats))
}

// importFormats are the formats glossary import reads.
var importFormats = []string{"csv", "tbx", "json", "toml"}

// givenInFile pairs entries read from a JSON or TOML file with the fields the file gives a value for: a key
// the file has, with a value that is not empty (as in a CSV cell). A key the file lacks (a policy that
// decoding defaults to required, a variants list) changes nothing.
func givenInFile(entries []*glossary.Entry) []glossedit.Imported {
	out := make([]glossedit.Imported, len(entries))
	for i, e := range entries {
		given := glossedit.GivenFields(e)
		for f := range given {
			if !e.Has(string(f)) {
				delete(given, f)
			}
		}
		out[i] = glossedit.Imported{Entry: e, Given: given}
	}
	return out
}
