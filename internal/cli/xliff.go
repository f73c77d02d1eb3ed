package cli

import (
	"bytes"
	"fmt"
	"path/filepath"
	"slices"
	"time"

	"github.com/google/renameio/v2"
	"github.com/spf13/cobra"
	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/release"
	"github.com/relloc/relloc/internal/safefile"
	"github.com/relloc/relloc/internal/ui"
	"github.com/relloc/relloc/internal/xliff"
)

func init() { extraCommands = append(extraCommands, newXLIFFCmd) }

func newXLIFFCmd(g *Global) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "xliff",
		Short: "Exchange a release's translation with CAT tools as XLIFF",
		Example: `  # Export a release's Japanese translation as XLIFF
  relloc xliff export 2021-11-18-prak-sokhonn-hayashi-telephone --lang ja

  # Write a translated XLIFF file back into its release
  relloc xliff import prak-sokhonn-hayashi-ja.xlf`,
	}
	cmd.AddCommand(newXLIFFExportCmd(g), newXLIFFImportCmd(g))
	return cmd
}

type xliffExportOptions struct {
	Release string
	Lang    string
	Version string
	Out     string
}

func newXLIFFExportCmd(g *Global) *cobra.Command {
	var o xliffExportOptions
	cmd := &cobra.Command{
		Use:   "export RELEASE --lang LANG [--version 1.2|2.1] [-o FILE]",
		Short: "Write one release's translation as XLIFF for a CAT tool",
		Long: `export writes one unit per aligned segment of the release (the unit id is the segment id, "b6.s1"): the
English as source, the current translation as target with its state (none yet, translated, needs review when
the English changed since, signed-off or final when the front matter says reviewed or published), the
segment's glossary terms as notes, and bold, emphasis, superscript, subscript, code, links and line breaks as
inline codes. XLIFF 1.2 by default (OmegaT, Translate Toolkit, Trados, memoQ read it); --version 2.1 on request.`,
		Example: `  # Export the Japanese translation of a release to ja.xlf
  relloc xliff export 2021-11-18-prak-sokhonn-hayashi-telephone --lang ja -o ja.xlf

  # Export the Khmer translation as XLIFF 2.1
  relloc xliff export 2021-11-18-prak-sokhonn-hayashi-telephone --lang km --version 2.1`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Release = args[0]
			if o.Version != "1.2" && o.Version != "2.1" {
				return usage("ValueNotOneOf", "Flag", "--version", "Value", q(o.Version), "Allowed", "[1.2 2.1]")
			}
			return runXLIFFExport(g, o)
		},
	}
	cmd.Flags().StringVar(&o.Lang, "lang", "", "target `language` (required)")
	cmd.Flags().StringVar(&o.Version, "version", "1.2", "XLIFF `version`: 1.2 or 2.1")
	cmd.Flags().StringVarP(&o.Out, "output", "o", "", "write to `FILE` (atomically) instead of standard output")
	return cmd
}

// runXLIFFExport reads the glossary and the one release it exports, no other.
func runXLIFFExport(g *Global, o xliffExportOptions) error {
	ws, gl, err := loadGlossary(g)
	if err != nil {
		return err
	}
	lang, err := singleLang(o.Lang, ws.Config.Targets)
	if err != nil {
		return err
	}
	wd, _ := g.IO.Getwd()
	r, err := findRelease(ws, wd, o.Release)
	if err != nil {
		return err
	}
	src := ws.Config.Source
	if r.Doc(src) == nil {
		return fmt.Errorf("%s: no %s file to translate from", r.Dir, src)
	}
	s := &single{ws: ws, gl: gl, r: r}
	d := xliff.Export(s.align(), lang, xliff.GlossaryNotes(gl, s.matchers(), src, lang))
	var buf bytes.Buffer
	if err := xliff.Write(&buf, d, xliff.Version(o.Version)); err != nil {
		return fmt.Errorf("xliff export: %w", err)
	}
	if o.Out == "" {
		_, err := g.IO.Out.Write(buf.Bytes())
		return err
	}
	if err := g.writeOutput("xliff export", o.Out, buf.Bytes()); err != nil {
		return err
	}
	fmt.Fprintf(g.IO.Err, "wrote %d units of %s (%s) to %s\n", len(d.Units), r.Dir, lang, o.Out)
	return nil
}

type xliffImportOptions struct {
	File    string
	DryRun  bool
	Release string // the release to write into, for a file whose <file original> names none
	Lang    string // the translation's language, for a file that names none
}

func newXLIFFImportCmd(g *Global) *cobra.Command {
	var o xliffImportOptions
	cmd := &cobra.Command{
		Use:   "import FILE [--release RELEASE] [--lang LANG] [--dry-run]",
		Short: "Write the translations of an XLIFF file back into the release, then check it",
		Long: `import reads an XLIFF 1.2 or 2.x file made by 'relloc xliff export' and translated in a CAT tool, and writes
its targets into the translation file of the release it names (its <file original>, in the language of its
target-language or trgLang; a region such as ja-JP is read as ja). Each segment whose target differs is
replaced in place, inline codes back as Markdown; the front matter, the structure and every other segment stay
as they are, and the file is replaced atomically under the workspace lock. A file whose sources no longer
match the English is refused, naming the units, and nothing is written. Then check runs on the release: the
exit status is check's.

A file that another tool wrote from relloc's (Translate Toolkit's po2xliff from xliff2po's PO file) may have
lost the unit ids, the release and the language: --release and --lang name the last two, and a unit whose id
is no segment of the release is placed by its source, which must be the English of exactly one segment
(compared without white space, which such tools change around line breaks). A target that lost only its
inline codes leaves the translation as it is; a changed one is written without them, with a warning.`,
		Example: `  # Write a translated XLIFF file back into its release
  relloc xliff import ja.xlf
  # Write back a file that Translate Toolkit's po2xliff made, which names neither release nor language
  relloc xliff import ja-from-po.xlf --release 2021-11-18-prak-sokhonn-hayashi-telephone --lang ja`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.File = args[0]
			return runXLIFFImport(g, o)
		},
	}
	cmd.Flags().BoolVar(&o.DryRun, "dry-run", false, "say what would change and write nothing")
	cmd.Flags().StringVar(&o.Release, "release", "", "the `release` to write into, when the file's <file original> names none")
	cmd.Flags().StringVar(&o.Lang, "lang", "", "the translation's `language`, when the file names none")
	return cmd
}

func runXLIFFImport(g *Global, o xliffImportOptions) error {
	ws, err := g.Open()
	if err != nil {
		return err
	}
	path, err := g.abs(o.File)
	if err != nil {
		return err
	}
	in, closeFile, err := safefile.OpenReader("", path, o.File, maxImportSize)
	if err != nil {
		return fmt.Errorf("xliff import: %w", err)
	}
	doc, err := xliff.ReadFrom(o.File, in)
	closeFile()
	if err != nil {
		return err
	}
	if !o.DryRun {
		unlock, err := ws.Lock(time.Minute)
		if err != nil {
			return err
		}
		defer unlock()
	}
	ws, gl, err := loadGlossary(g)
	if err != nil {
		return err
	}
	lang, err := xliffImportLang(o, doc.TargetLang, ws.Config.Targets)
	if err != nil {
		return err
	}
	wd, _ := g.IO.Getwd()
	var r *release.Release
	switch {
	case o.Release != "":
		r, err = findRelease(ws, wd, o.Release)
	case doc.Original == "":
		return fmt.Errorf("%s: the <file> has no original attribute naming the release's English file; give --release", o.File)
	default:
		r, err = findRelease(ws, wd, ws.Path(filepath.FromSlash(doc.Original)))
		if err != nil {
			return fmt.Errorf("%s: original %q: %w (give --release for a file that relloc did not write)", o.File, doc.Original, err)
		}
	}
	if err != nil {
		return err
	}
	p := &single{ws: ws, gl: gl, r: r}
	res, err := xliff.Apply(p.align(), lang, doc, o.File) // a *xliff.MismatchError exits with status 2
	if err != nil {
		return err
	}
	target := r.Doc(lang)
	for _, id := range res.Unplaced {
		fmt.Fprintln(g.IO.Err, g.UI.T("Warning", ui.Args{"Message": ui.Message{ID: "XLIFFUnplaced", Args: ui.Args{"File": o.File, "Unit": id, "Target": target.Path}}}))
	}
	for _, id := range res.CodesDropped {
		fmt.Fprintln(g.IO.Err, g.UI.T("Warning", ui.Args{"Message": ui.Message{ID: "XLIFFCodesDropped", Args: ui.Args{"File": o.File, "Unit": id, "Target": target.Path}}}))
	}
	counts := ui.Args{"Path": target.Path, "Written": len(res.Changed), "Unchanged": res.Unchanged}
	if o.DryRun {
		fmt.Fprintln(g.IO.Err, g.UI.T("XLIFFImportSummaryDryRun", counts))
		for _, id := range res.Changed {
			fmt.Fprintln(g.IO.Out, g.UI.T("XLIFFChanged", ui.Args{"ID": id}))
		}
		return nil
	}
	if len(res.Changed) > 0 {
		if err := renameio.WriteFile(p.ws.Path(filepath.FromSlash(target.Path)), res.Data, 0o644, renameio.WithExistingPermissions()); err != nil {
			return fmt.Errorf("xliff import: %w", err)
		}
	}
	fmt.Fprintln(g.IO.Err, g.UI.T("XLIFFImportSummary", counts))
	return runCheck(g, checkOptions{Paths: []string{p.ws.Path(filepath.FromSlash(r.Dir))}, Langs: lang.String(), Format: "text"})
}

// xliffImportLang is the language of an imported file: --lang, or else the file's target language, which must
// agree with --lang when both are given.
func xliffImportLang(o xliffImportOptions, fileLang string, targets []language.Tag) (language.Tag, error) {
	if o.Lang == "" {
		if fileLang == "" {
			return language.Und, fmt.Errorf("%s: the <file> names no target language; give --lang", o.File)
		}
		lang, err := xliffLang(fileLang, targets)
		if err != nil {
			return language.Und, fmt.Errorf("%s: %w", o.File, err)
		}
		return lang, nil
	}
	lang, err := singleLang(o.Lang, targets)
	if err != nil {
		return language.Und, err
	}
	if fileLang != "" {
		if fl, err := xliffLang(fileLang, targets); err != nil || fl != lang {
			return language.Und, fmt.Errorf("%s: --lang %s, but the file's target language is %q", o.File, lang, fileLang)
		}
	}
	return lang, nil
}

// xliffLang reads an XLIFF target language as a workspace language: ja-JP is ja.
func xliffLang(s string, targets []language.Tag) (language.Tag, error) {
	t, err := language.Parse(s)
	if err != nil {
		return language.Und, fmt.Errorf("target language %q is not a language tag", s)
	}
	if slices.Contains(targets, t) {
		return t, nil
	}
	base, _ := t.Base()
	if b := language.Make(base.String()); slices.Contains(targets, b) {
		return b, nil
	}
	return language.Und, fmt.Errorf("target language %q is not a target language of the workspace (%v)", s, targets)
}
