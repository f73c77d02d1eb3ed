package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/google/renameio/v2"
	"github.com/spf13/cobra"
	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/draft"
	"github.com/relloc/relloc/internal/tm"
	"github.com/relloc/relloc/internal/workspace"
)

func init() { extraCommands = append(extraCommands, newDraftCmd) }

type draftOptions struct {
	Release   string
	Lang      string
	Out       string
	Stdout    bool
	Force     bool
	Update    bool
	Threshold float64
}

func newDraftCmd(g *Global) *cobra.Command {
	var o draftOptions
	cmd := &cobra.Command{
		Use:   "draft RELEASE --lang LANG",
		Short: "Draft a translation of a release, or revise one after its English changed",
		Long: `draft writes a first Khmer or Japanese version of an English release, with the English's blocks: the
letterhead, document type and formulas from the message catalogue, dates and numbers written for the
language, and each sentence filled from the translation memory of the other releases (exactly, or fuzzily
after a <!-- relloc-draft fuzzy N%: ... --> marker) or left in English with its glossary terms rendered,
after a <!-- relloc-draft translate --> marker. relloc check fails while a marker is left (draft-marker).

The draft's front matter records every English sentence it was made from ([source]); when the English
changes, relloc check shows each changed sentence as a word diff (stale), and draft --update revises the
existing translation: a translated sentence whose English changed is kept, with numbers and glossary terms
updated where that is safe, after a <!-- relloc-draft revise ID: USD [-30-]{+35+} million ... --> marker
(with a translation-memory match when there is one); an added sentence or paragraph is drafted in its place;
a sentence whose English was deleted is marked, not deleted; an empty or missing translation is drafted
whole. The rest of the file stays byte for byte. Once revised, relloc review --accept records the sentences.
On a translation without a [source] table, --update only records the current English, so that the
translation starts being tracked.

draft writes only the release's LANG.md (or -o/--output inside the release folder): never the English source nor
another language's file, nor through a symbolic link leaving the workspace, --force or not. It never
overwrites an existing translation without --force, and writes the file atomically.`,
		Example: `  # Draft the Khmer translation of a release
  relloc draft 2021-11-18-prak-sokhonn-hayashi-telephone --lang km

  # Print a Japanese draft instead of writing it
  relloc draft releases/2021-11-18-prak-sokhonn-hayashi-telephone --lang ja --stdout

  # Revise the Khmer translation after the English changed
  relloc draft 2021-11-18-prak-sokhonn-hayashi-telephone --lang km --update`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Release = args[0]
			if err := o.validate(); err != nil {
				return err
			}
			return runDraft(g, o)
		},
	}
	cmd.Flags().StringVar(&o.Lang, "lang", "", "the target `language` to draft (km or ja)")
	outputFlag(cmd.Flags(), &o.Out, "write to `FILE` in the release folder instead of LANG.md")
	cmd.Flags().BoolVar(&o.Stdout, "stdout", false, "print the draft instead of writing a file")
	cmd.Flags().BoolVar(&o.Force, "force", false, "overwrite an existing translation")
	cmd.Flags().BoolVar(&o.Update, "update", false, "revise the existing translation after its English changed: keep and mark changed sentences, draft added ones")
	cmd.Flags().Float64Var(&o.Threshold, "threshold", tm.DefaultThreshold, "lowest `score` of a fuzzy memory match, in (0, 1]")
	return cmd
}

func (o draftOptions) validate() error {
	switch {
	case o.Out != "" && o.Stdout:
		return usage("FlagsExclude", "A", "--output", "B", "--stdout")
	case o.Update && o.Force:
		return usage("DraftUpdateForce")
	case o.Threshold <= 0 || o.Threshold > 1:
		return usage("ThresholdRange", "Value", fmt.Sprint(o.Threshold))
	}
	return nil
}

func runDraft(g *Global, o draftOptions) error {
	ws, err := g.Open()
	if err != nil {
		return err
	}
	if !o.Stdout {
		// Hold the workspace's write lock from reading the translation to renaming the new one into place.
		unlock, err := ws.Lock(time.Minute)
		if err != nil {
			return err
		}
		defer unlock()
	}
	lang, err := singleLang(o.Lang, ws.Config.Targets)
	if err != nil {
		return err
	}
	wd, _ := g.IO.Getwd()
	p, err := loadSingle(g, wd, o.Release)
	if err != nil {
		return err
	}
	ws, r := p.ws, p.r
	out := o.Out
	if out == "" {
		out = ws.Path(filepath.FromSlash(r.Dir), lang.String()+".md")
	} else if !filepath.IsAbs(out) {
		out = filepath.Join(wd, out)
	}
	if !o.Stdout {
		if out, err = translationTarget(ws, r, lang, out); err != nil {
			return err
		}
	}
	if !o.Update && !o.Stdout && !o.Force {
		if _, err := os.Stat(out); err == nil {
			return fmt.Errorf("%s exists and may hold a translation: pass --force to overwrite it, or --update to revise it for the English now", ws.Rel(out))
		} else if !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("draft: %w", err)
		}
	}
	cat, err := loadCatalog(ws)
	if err != nil {
		return err
	}
	mem, done, err := draftMemory(g, ws, p.gl)
	if err != nil {
		return err
	}
	in := draft.Input{Release: r, Source: ws.Config.Source, Lang: lang, Glossary: p.gl,
		Anchors: p.matchers(), Catalog: cat, Memory: mem, Threshold: o.Threshold}
	var res *draft.Result
	if o.Update {
		res, err = draft.Update(in)
	} else {
		res, err = draft.Draft(in)
	}
	if err := done(); err != nil {
		return err
	}
	if err != nil {
		return err
	}
	if o.Stdout {
		_, err := g.IO.Out.Write(res.Data)
		return err
	}
	// Under the workspace lock no other draft is writing out: temporary files beside it are left by a killed run.
	if _, err := workspace.CleanTemp(out); err != nil {
		return fmt.Errorf("write draft: %w", err)
	}
	if err := renameio.WriteFile(out, res.Data, 0o644); err != nil {
		return fmt.Errorf("write draft: %w", err)
	}
	fmt.Fprintln(g.IO.Err, draftSummary(ws.Rel(out), lang, o.Update, res))
	return nil
}

// draftSummary tells the user what was written.
func draftSummary(path string, lang language.Tag, update bool, res *draft.Result) string {
	switch {
	case res.Stamped:
		return fmt.Sprintf("%s: recorded the English of the current release; the translation is now tracked", path)
	case update && len(res.Segments) == 0 && len(res.Unplaced) == 0 && res.Removed == 0 && res.Marked > 0:
		return fmt.Sprintf("%s: every change is marked already (%d): revise the marked sentences, then run relloc review --accept", path, res.Marked)
	case update && len(res.Segments) == 0 && len(res.Unplaced) == 0 && res.Removed == 0:
		return fmt.Sprintf("%s: up to date, nothing to revise", path)
	}
	var s string
	if update && !res.Full {
		s = fmt.Sprintf("%s: kept %d translated sentence(s) with a revise marker, drafted %d new sentence(s) in %s (%d from the catalogue, %d exact and %d fuzzy from memory, %d to translate)",
			path, res.Count(draft.Revise), len(res.Segments)-res.Count(draft.Revise), lang, res.Count(draft.Catalogue), res.Count(draft.Exact),
			res.Count(draft.Fuzzy), res.Count(draft.Translate))
		if res.Removed > 0 {
			s += fmt.Sprintf("; marked %d sentence(s) whose English was deleted", res.Removed)
		}
		s += "; revise them, then run relloc review --accept"
	} else {
		what := "drafted"
		if res.Full {
			what = "the translation was empty or missing: drafted"
		}
		s = fmt.Sprintf("%s: %s %d sentence(s) in %s: %d from the catalogue, %d exact and %d fuzzy from memory, %d to translate",
			path, what, len(res.Segments), lang, res.Count(draft.Catalogue), res.Count(draft.Exact), res.Count(draft.Fuzzy),
			res.Count(draft.Translate))
	}
	if len(res.Unplaced) > 0 {
		s += fmt.Sprintf("; %d changed sentence(s) have no place in the translation and stay stale: %v", len(res.Unplaced), res.Unplaced)
	}
	return s
}
