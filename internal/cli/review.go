package cli

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/google/renameio/v2"
	"github.com/spf13/cobra"
	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/ctrl"
	"github.com/relloc/relloc/internal/draft"
	"github.com/relloc/relloc/internal/ui"
)

func init() { extraCommands = append(extraCommands, newReviewCmd) }

type reviewOptions struct {
	Release  string
	Lang     string
	Accept   bool
	Segments []string
	All      bool
	Format   string
}

func newReviewCmd(g *Global) *cobra.Command {
	var o reviewOptions
	var site *reviewHTMLOptions
	cmd := &cobra.Command{
		Use:   "review RELEASE [--lang LANG] [--accept --segment ID... | --accept --all] | review (--html DIR | --serve) [RELEASE...]",
		Short: "Show what is left to review in a release's translations, accept revised sentences, or build the review site",
		Long: `review lists, for each translation of a release, what is left to review: every English sentence changed
since the translation was made (as a word diff), added or deleted, and every relloc-draft marker.

With --accept it records that the translator has revised sentences: for each --segment ID (an English
sentence id such as b8.s1, as relloc check and the markers name it), or for everything with --all, the English
now is recorded as what the translation was made from (the stale finding goes) and its draft markers are
removed. Nothing else in the file changes, except the front matter status, which becomes "reviewed" once
nothing is left to review. Editing a stale sentence by hand and accepting it is enough: nobody types a digest.
Without --lang, review works on every translation of the release.

` + reviewSiteHelp + `.`,
		Example: `  # List what is left to review in a release
  relloc review 2021-11-18-prak-sokhonn-hayashi-telephone

  # Record that one revised Japanese sentence is reviewed
  relloc review 2021-11-18-prak-sokhonn-hayashi-telephone --lang ja --accept --segment b8.s1

  # Accept everything pending in the Khmer translation
  relloc review 2021-11-18-prak-sokhonn-hayashi-telephone --lang km --accept --all

` + reviewSiteExample,
		RunE: func(cmd *cobra.Command, args []string) error {
			if site.requested() {
				return site.run(cmd, g, args)
			}
			if len(args) != 1 {
				return usage("ReviewArgs", "Got", len(args))
			}
			o.Release = args[0]
			if err := o.validate(); err != nil {
				return err
			}
			return runReview(g, o)
		},
	}
	cmd.Flags().StringVar(&o.Lang, "lang", "", "the target `language` (default: every target)")
	cmd.Flags().BoolVar(&o.Accept, "accept", false, "record the named sentences as revised and remove their markers")
	cmd.Flags().StringSliceVar(&o.Segments, "segment", nil, "English sentence `ID` to accept (repeatable, or comma-separated)")
	cmd.Flags().BoolVar(&o.All, "all", false, "accept every pending sentence and marker")
	cmd.Flags().StringVar(&o.Format, "format", "text", "output `format` of the listing: text or json")
	site = addReviewSiteFlags(cmd)
	return cmd
}

func (o reviewOptions) validate() error {
	switch {
	case !o.Accept && (o.All || len(o.Segments) > 0):
		return usage("ReviewNeedsAccept")
	case o.Accept && o.All && len(o.Segments) > 0:
		return usage("FlagsExclude", "A", "--all", "B", "--segment")
	case o.Accept && !o.All && len(o.Segments) == 0:
		return usage("ReviewAcceptWhat")
	}
	return checkFormat(o.Format, "text", "json")
}

// reviewJSON is one translation's listing.
type reviewJSON struct {
	Path    string       `json:"path"`
	Lang    string       `json:"lang"`
	Status  string       `json:"status"`
	Pending []draft.Item `json:"pending"`
}

func runReview(g *Global, o reviewOptions) error {
	ws, err := g.Open()
	if err != nil {
		return err
	}
	if o.Accept {
		unlock, err := ws.Lock(time.Minute)
		if err != nil {
			return err
		}
		defer unlock()
	}
	langs, err := parseLangs(o.Lang, ws.Config.Targets)
	if err != nil {
		return err
	}
	if len(langs) == 0 {
		langs = ws.Config.Targets
	}
	wd, _ := g.IO.Getwd()
	p, err := loadSingle(g, wd, o.Release)
	if err != nil {
		return err
	}
	ws, r := p.ws, p.r
	var present []language.Tag
	for _, lang := range langs {
		if r.Doc(lang) != nil {
			present = append(present, lang)
		}
	}
	if len(present) == 0 {
		return usage("ReviewNoTranslation", "Dir", r.Dir, "Langs", fmt.Sprint(langs))
	}
	if !o.Accept {
		var out []reviewJSON
		for _, lang := range present {
			d := r.Doc(lang)
			out = append(out, reviewJSON{Path: d.Path, Lang: lang.String(), Status: d.Front.Status, Pending: draft.Pending(r, ws.Config.Source, lang)})
		}
		if o.Format == "json" {
			return writeJSON(g.IO.Out, out)
		}
		for _, t := range out {
			status := t.Status
			if status == "" {
				status = "no status"
			}
			fmt.Fprintf(ctrl.Writer{W: g.IO.Out}, "%s (%s): %d to review\n", t.Path, status, len(t.Pending))
			for _, it := range t.Pending {
				where := it.ID
				if it.Line > 0 {
					where = strings.TrimSpace(fmt.Sprintf("%s line %d", it.ID, it.Line))
				}
				fmt.Fprintf(ctrl.Writer{W: g.IO.Out}, "  %-8s %-16s %s\n", where, it.Kind, it.Text)
			}
		}
		return nil
	}
	// Accept in each language; a sentence must be pending in at least one of them.
	var nothing []error
	for _, lang := range present {
		d := r.Doc(lang)
		res, err := draft.Accept(draft.AcceptInput{Release: r, Source: ws.Config.Source, Lang: lang, IDs: o.Segments,
			All: o.All, Anchors: p.matchers()})
		if errors.Is(err, draft.ErrNothingPending) && len(present) > 1 {
			nothing = append(nothing, err)
			continue
		}
		if err != nil {
			return err
		}
		path, err := translationTarget(ws, r, lang, ws.Path(d.Path))
		if err != nil {
			return err
		}
		if err := renameio.WriteFile(path, res.Data, 0o644); err != nil {
			return fmt.Errorf("write %s: %w", d.Path, err)
		}
		ids, status := "", ""
		if len(res.Accepted) > 0 {
			ids = " (" + strings.Join(res.Accepted, ", ") + ")"
		}
		if res.Status != "" {
			status = g.UI.T("ReviewAcceptedStatus", ui.Args{"Status": res.Status})
		}
		fmt.Fprintln(g.IO.Err, g.UI.T("ReviewAccepted", ui.Args{"Path": d.Path, "IDs": ids, "Status": status,
			"Accepted": g.UI.N("ReviewAcceptedSentences", len(res.Accepted)),
			"Removed":  g.UI.N("ReviewRemovedMarkers", res.Markers), "Left": g.UI.N("ReviewLeftToReview", res.Pending)}))
	}
	if len(nothing) == len(present) {
		return &usageError{err: errors.Join(nothing...)}
	}
	return nil
}
