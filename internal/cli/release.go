package cli

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/relloc/relloc/internal/bitext"
	"github.com/relloc/relloc/internal/ctrl"
	"github.com/relloc/relloc/internal/inputerr"
	"github.com/relloc/relloc/internal/release"
	"github.com/relloc/relloc/internal/workspace"
)

// loadReleases reads every release of the workspace.
func loadReleases(ws *workspace.Workspace) ([]*release.Release, error) {
	return release.LoadAll(ws.Root, ws.Path(ws.Config.Releases), ws.Config.Source, ws.Config.Languages(), ws.Rel)
}

// loadFronts reads the front matter of every release of the workspace (workspace.Releases.LoadFront) and no
// Markdown, sorted by id as loadReleases sorts them: what a listing of releases needs. Input errors of every
// release are reported together, as loadReleases reports them.
func loadFronts(ws *workspace.Workspace) ([]*release.Release, error) {
	list, err := ws.ListReleases()
	if err != nil {
		return nil, err
	}
	var (
		out  []*release.Release
		errs inputerr.List
	)
	for i := range list.Len() {
		r, err := list.LoadFront(i)
		var l inputerr.List
		var e *inputerr.Error
		switch {
		case err == nil:
			out = append(out, r)
		case errors.As(err, &l):
			errs = append(errs, l...)
		case errors.As(err, &e):
			errs = append(errs, e)
		default:
			return nil, err
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

// findRelease reads the release named by arg: its folder's name, a path to its folder or to one of its files, or
// its id (see workspace.Releases.Find). It reads that release alone: a command about one release neither waits
// for nor fails on the others.
func findRelease(ws *workspace.Workspace, wd, arg string) (*release.Release, error) {
	list, i, ok, err := ws.FindRelease(wd, arg)
	if err != nil {
		return nil, err
	}
	if ok {
		return list.Load(i)
	}
	return nil, noRelease(ws, arg, list.IDs())
}

// findIn returns the release of rels named by arg, for a command that holds every release already.
func findIn(ws *workspace.Workspace, rels []*release.Release, wd, arg string) (*release.Release, error) {
	p := arg
	if !filepath.IsAbs(p) {
		p = filepath.Join(wd, p)
	}
	rel := ws.Rel(p)
	for _, r := range rels {
		if r.ID == arg || filepath.Base(r.Dir) == arg || r.Dir == rel || r.Dir == filepath.ToSlash(filepath.Dir(rel)) {
			return r, nil
		}
	}
	ids := make([]string, len(rels))
	for i, r := range rels {
		ids[i] = r.ID
	}
	return nil, noRelease(ws, arg, ids)
}

// noRelease is the usage error for a release id that names no release of ids: the ids it may mean, else a
// pointer to relloc release list.
func noRelease(ws *workspace.Workspace, arg string, ids []string) error {
	if e := usage("NoRelease", "ID", q(arg), "Dir", ws.Config.Releases).suggesting(arg, ids); len(e.suggest) > 0 {
		return e
	}
	return usage("NoReleaseList", "ID", q(arg), "Dir", ws.Config.Releases)
}

func newReleaseCmd(g *Global) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "release",
		Short: "List and show releases",
		Long: `release list prints every release of the workspace with its date, its languages and the status of each
translation (draft, translated, reviewed, published; relloc draft and relloc review --accept move it);
release show prints one release's files, blocks and sentences.`,
		Example: `  # List the releases with the status of each translation
  relloc release list

  # The same, as JSON
  relloc release list --format json

  # Show a release's files, blocks and sentences
  relloc release show 2021-11-18-prak-sokhonn-hayashi-telephone`,
	}
	var listFormat string
	list := &cobra.Command{
		Use:   "list",
		Short: "List the releases of the workspace, with the status of each translation",
		Example: `  # List the releases with the status of each translation
  relloc release list

  # The same, as JSON
  relloc release list --format json`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(listFormat, "text", "json"); err != nil {
				return err
			}
			ws, err := g.Open()
			if err != nil {
				return err
			}
			// The table needs each release's front matter alone; JSON's blocks and titles need the Markdown.
			load := loadFronts
			if listFormat == "json" {
				load = loadReleases
			}
			rels, err := load(ws)
			if err != nil {
				return err
			}
			if listFormat == "json" {
				out := make([]releaseJSON, 0, len(rels))
				for _, r := range rels {
					out = append(out, toReleaseJSON(ws, r))
				}
				return writeJSON(g.IO.Out, out)
			}
			tw := newTable(ctrl.Writer{W: g.IO.Out})
			fmt.Fprintln(tw, "ID\tDATE\tLANGUAGES\tFOLDER")
			for _, r := range rels {
				j := toReleaseJSON(ws, r)
				var langs []string
				for _, l := range j.Languages {
					s := l.Lang
					if l.Status != "" {
						s += " (" + l.Status + ")"
					}
					langs = append(langs, s)
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, j.Date, strings.Join(langs, ", "), r.Dir)
			}
			return tw.Flush()
		},
	}
	list.Flags().StringVar(&listFormat, "format", "text", "output `format`: text or json")

	var showFormat string
	show := &cobra.Command{
		Use:   "show RELEASE",
		Short: "Show a release: its languages, files, blocks and sentences",
		Example: `  # Show a release's files, blocks and sentences
  relloc release show 2021-11-18-prak-sokhonn-hayashi-telephone

  # The same for a release named by its folder, as JSON
  relloc release show releases/2021-11-18-prak-sokhonn-hayashi-telephone --format json`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(showFormat, "text", "json"); err != nil {
				return err
			}
			ws, err := g.Open()
			if err != nil {
				return err
			}
			wd, _ := g.IO.Getwd()
			r, err := findRelease(ws, wd, args[0])
			if err != nil {
				return err
			}
			j := toReleaseJSON(ws, r)
			if showFormat == "json" {
				return writeJSON(g.IO.Out, j)
			}
			return writeRelease(ctrl.Writer{W: g.IO.Out}, j)
		},
	}
	show.Flags().StringVar(&showFormat, "format", "text", "output `format`: text or json")
	cmd.AddCommand(list, show)
	return cmd
}

type releaseJSON struct {
	ID        string         `json:"id"`
	Date      string         `json:"date"`
	Place     string         `json:"place"`
	Dir       string         `json:"folder"`
	Languages []languageJSON `json:"languages"`
}

type languageJSON struct {
	Lang   string `json:"lang"`
	Path   string `json:"path"`
	Status string `json:"status"`
	Blocks int    `json:"blocks"`
	Title  string `json:"title"`
}

func toReleaseJSON(ws *workspace.Workspace, r *release.Release) releaseJSON {
	j := releaseJSON{ID: r.ID, Place: r.Place, Dir: r.Dir, Languages: []languageJSON{}}
	if !r.Date.IsZero() {
		j.Date = r.Date.Format("2006-01-02")
	}
	for _, lang := range ws.Config.Languages() {
		d := r.Doc(lang)
		if d == nil {
			continue
		}
		l := languageJSON{Lang: lang.String(), Path: d.Path, Status: d.Front.Status, Blocks: len(d.Blocks)}
		for _, b := range d.Blocks {
			if b.Kind == release.Heading {
				l.Title = b.Text
				if b.Level > 1 {
					break
				}
			}
		}
		j.Languages = append(j.Languages, l)
	}
	return j
}

func writeRelease(w io.Writer, j releaseJSON) error {
	tw := newTable(w)
	fmt.Fprintf(tw, "id:\t%s\n", j.ID)
	fmt.Fprintf(tw, "date:\t%s\n", j.Date)
	if j.Place != "" {
		fmt.Fprintf(tw, "place:\t%s\n", j.Place)
	}
	fmt.Fprintf(tw, "folder:\t%s\n", j.Dir)
	for _, l := range j.Languages {
		status := l.Status
		if status == "" {
			status = "-"
		}
		fmt.Fprintf(tw, "%s:\t%s\t%d blocks\tstatus %s\n", l.Lang, l.Path, l.Blocks, status)
		if l.Title != "" {
			fmt.Fprintf(tw, "\t%s\n", l.Title)
		}
	}
	return tw.Flush()
}

type alignOptions struct {
	Format string
	Lang   string
}

func newAlignCmd(g *Global) *cobra.Command {
	var o alignOptions
	cmd := &cobra.Command{
		Use:   "align RELEASE",
		Short: "Print the aligned English, Khmer and Japanese segments of a release",
		Long: `align splits each language version of a release into blocks and sentences, aligns them with the English,
and prints one segment per English sentence (or group of sentences) with its counterparts. A side that has no
counterpart is shown as "—" (null in JSON).`,
		Example: `  # Print the aligned segments of a release, named by its id
  relloc align 2021-11-18-prak-sokhonn-hayashi-telephone

  # The same for a release named by its folder, as JSON
  relloc align releases/2021-11-18-prak-sokhonn-hayashi-telephone --format json

  # Only the English and the Japanese
  relloc align 2021-11-18-prak-sokhonn-hayashi-telephone --lang ja`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(o.Format, "text", "json"); err != nil {
				return err
			}
			wd, _ := g.IO.Getwd()
			p, err := loadSingle(g, wd, args[0])
			if err != nil {
				return err
			}
			targets := p.ws.Config.Targets
			if o.Lang != "" {
				if targets, err = parseLangs(o.Lang, targets); err != nil {
					return err
				}
			}
			bt := bitext.Align(p.r, p.ws.Config.Source, targets, p.matchers())
			if o.Format == "json" {
				return writeJSON(g.IO.Out, bt)
			}
			return writeBitext(ctrl.Writer{W: g.IO.Out}, bt)
		},
	}
	cmd.Flags().StringVar(&o.Format, "format", "text", "output `format`: text or json")
	cmd.Flags().StringVar(&o.Lang, "lang", "", "show only these target `languages` (comma-separated, e.g. km,ja)")
	return cmd
}

func writeBitext(w io.Writer, bt *bitext.Bitext) error {
	for i, s := range bt.Segments {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "%s\n", s.ID)
		for _, lang := range bt.Languages() {
			side := s.Side(lang)
			if side == nil {
				fmt.Fprintf(w, "  %-3s —\n", lang)
				continue
			}
			line, col := side.Position()
			text := strings.ReplaceAll(side.Text(), "\n", " / ")
			fmt.Fprintf(w, "  %-3s %s  (%s:%d:%d)\n", lang, text, side.Doc.Path, line, col)
		}
	}
	return nil
}
