package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/ctrl"
	"github.com/relloc/relloc/internal/tm"
	"github.com/relloc/relloc/internal/ui"
)

func init() { extraCommands = append(extraCommands, newTMCmd) }

func newTMCmd(g *Global) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "tm",
		Short: "Search and export the translation memory of the workspace's releases",
		Example: `  # Find Japanese translations of a similar English sentence
  relloc tm search "He expressed gratitude to Japan" --lang ja

  # Find every segment that contains a phrase
  relloc tm search --concordance "peacekeeping"

  # Export the translation memory as TMX
  relloc tm export --format tmx -o memory.tmx`,
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
	Text        string
	Lang        string
	Threshold   float64
	Format      string
	Concordance bool
	// Limit is how many matches to print in each target language, the best first; 0: all.
	Limit int
}

// defaultTMLimit is how many matches tm search prints in each language unless told. A translator chooses among
// the best few, as the match pane of a CAT tool shows them (OmegaT, memoQ and Trados show a handful to a few
// dozen), while a sentence of a templated archive matches thousands of segments; a search that prints fewer
// stops sooner.
const defaultTMLimit = 20

func newTMSearchCmd(g *Global) *cobra.Command {
	var o tmSearchOptions
	cmd := &cobra.Command{
		Use:   "search TEXT",
		Short: "Find the segments whose English is similar to TEXT or starts with it; --concordance finds a phrase",
		Long: `search looks TEXT up in the translation memory and finds every segment whose English scores at least
--threshold against it (1 − edit distance / length, on characters after normalisation: case, width, Khmer
look-alike spellings and punctuation folded), and every segment whose English starts with TEXT (a few words
typed, or mistyped, find the sentence they begin). It prints them with their translation, release and
segment id: exact matches first, then sentences that start with TEXT, then the rest, best first, and those
of one kind and score in the order of their releases and segments (imported memories last).

It prints the best 20 in each target language (--limit): a translator chooses among the best few, as the
match pane of a CAT tool shows them, while a templated sentence matches thousands of segments of a large
archive, and a search that needs only the best few stops sooner. A note on stderr says how many more
matched, or at least how many when the search stopped before it found them all (with --format json too, so
that the JSON on stdout stays the list of matches); --limit 0 prints every match.

With --concordance, search prints the segments that contain the phrase TEXT in any language (English,
Khmer or Japanese, compared in each language's matching form), with all their languages and the phrase
marked «like this» (in colour on a terminal): the first --limit in the order of their releases, and a note
says how many more contain it.`,
		Example: `  # Find Khmer translations of a similar English sentence
  relloc tm search "He expressed gratitude to Japan" --lang km

  # Accept looser matches, as JSON
  relloc tm search "The two Foreign Ministers met." --threshold 0.6 --format json

  # Find every segment that contains a phrase
  relloc tm search --concordance "peacekeeping"

  # Find a Khmer phrase in the Khmer translations
  relloc tm search --concordance "ប្រាក់ សុខុន" --lang km`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Text = args[0]
			if err := checkFormat(o.Format, "text", "json"); err != nil {
				return err
			}
			if o.Limit < 0 {
				return usage("LimitNegative", "Value", fmt.Sprint(o.Limit))
			}
			if o.Threshold <= 0 || o.Threshold > 1 {
				return usage("ThresholdRange", "Value", fmt.Sprint(o.Threshold))
			}
			if o.Concordance {
				if cmd.Flags().Changed("threshold") {
					return usage("ThresholdConcordance")
				}
				return runTMConcordance(g, o)
			}
			return runTMSearch(g, o)
		},
	}
	cmd.Flags().StringVar(&o.Lang, "lang", "", "search translations in these target `languages` only (comma-separated; default all)")
	cmd.Flags().Float64Var(&o.Threshold, "threshold", tm.DefaultThreshold, "lowest similarity `score` of a match, in (0, 1]")
	cmd.Flags().StringVar(&o.Format, "format", "text", "output `format`: text or json")
	cmd.Flags().BoolVar(&o.Concordance, "concordance", false, "find every segment containing the phrase TEXT, in any language")
	cmd.Flags().IntVar(&o.Limit, "limit", defaultTMLimit, "print at most `N` matches in each target language, the best first, or N segments with --concordance (0: all)")
	return cmd
}

// tmMatch is one search result as printed.
type tmMatch struct {
	Lang    string  `json:"lang"`
	Score   float64 `json:"score"`
	Exact   bool    `json:"exact"`
	Prefix  bool    `json:"prefix,omitempty"`
	Release string  `json:"release"`
	Segment string  `json:"segment"`
	Source  string  `json:"source"`
	Target  string  `json:"target"`
}

// tmCount is how many segments matched in one target language, for the note on stderr.
type tmCount struct {
	Lang    string
	Shown   int
	Matched int
	// AtLeast: the search stopped once it had found more matches than it shows, and more may match.
	AtLeast bool
}

// tmSearchOutput is what tm search found: the matches it prints (its JSON output is Matches alone, as it was
// before --limit) and the counts behind the note on stderr.
type tmSearchOutput struct {
	Counts  []tmCount
	Matches []tmMatch
}

func runTMSearch(g *Global, o tmSearchOptions) error {
	x, err := openIndexed(g, true)
	if err != nil {
		return err
	}
	defer x.close()
	ws := x.ws
	langs, err := parseLangs(o.Lang, ws.Config.Targets)
	if err != nil {
		return err
	}
	if len(langs) == 0 {
		langs = ws.Config.Targets
	}
	search, _, err := x.tmQueries()
	if err != nil {
		return err
	}
	out := tmSearchOutput{Counts: []tmCount{}, Matches: []tmMatch{}}
	for _, lang := range langs {
		top, err := search(o.Text, lang.String(), o.Threshold, o.Limit)
		if err != nil {
			return err
		}
		for _, m := range top.Matches {
			out.Matches = append(out.Matches, tmMatch{Lang: lang.String(), Score: m.Score, Exact: m.Exact, Prefix: m.Prefix, Release: m.Release,
				Segment: m.Segment, Source: m.Source, Target: m.Target})
		}
		out.Counts = append(out.Counts, tmCount{Lang: lang.String(), Shown: len(top.Matches), Matched: top.Matched, AtLeast: !top.Complete})
	}
	if o.Format == "json" {
		if err := writeJSON(g.IO.Out, out.Matches); err != nil {
			return err
		}
	} else {
		if len(out.Matches) == 0 {
			fmt.Fprintf(g.IO.Err, "no segment scores %.0f%% or more\n", o.Threshold*100)
			return nil
		}
		if err := writeTMMatches(ctrl.Writer{W: g.IO.Out}, out.Matches); err != nil {
			return err
		}
	}
	for _, c := range out.Counts {
		if more := c.Matched - c.Shown; more > 0 {
			id := "TMMoreMatches"
			if c.AtLeast {
				id = "TMMoreMatchesAtLeast"
			}
			fmt.Fprintln(g.IO.Err, g.UI.T("TMLangNote", ui.Args{"Lang": c.Lang, "Note": g.UI.N(id, more)}))
		}
	}
	return nil
}

func writeTMMatches(w io.Writer, ms []tmMatch) error {
	for i, m := range ms {
		if i > 0 {
			fmt.Fprintln(w)
		}
		kind := "fuzzy"
		switch {
		case m.Exact:
			kind = "exact"
		case m.Prefix:
			kind = "starts"
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
		return language.Und, usage("LangRequired", "Targets", fmt.Sprint(targets))
	}
	if strings.Contains(s, ",") {
		return language.Und, usage("LangOne", "Value", q(s))
	}
	ls, err := parseLangs(s, targets)
	if err != nil {
		return language.Und, err
	}
	return ls[0], nil
}

// tmHit is one concordance hit as printed: the segment's text in each language, and where the phrase is.
type tmHit struct {
	Release string              `json:"release"`
	Segment string              `json:"segment"`
	Text    map[string]string   `json:"text"`
	Spans   map[string][][2]int `json:"spans"`
}

// tmConcordanceOutput is what a concordance found: how many segments hold the phrase (for the note on stderr),
// and the first --limit of them (its JSON output, a list as before --limit).
type tmConcordanceOutput struct {
	Matched int
	Hits    []tmHit
}

func runTMConcordance(g *Global, o tmSearchOptions) error {
	x, err := openIndexed(g, true)
	if err != nil {
		return err
	}
	defer x.close()
	ws := x.ws
	langs, err := parseLangs(o.Lang, ws.Config.Targets)
	if err != nil {
		return err
	}
	var codes []string
	if len(langs) > 0 {
		codes = append(codes, ws.Config.Source.String())
		for _, l := range langs {
			codes = append(codes, l.String())
		}
	}
	_, concordance, err := x.tmQueries()
	if err != nil {
		return err
	}
	hits, err := concordance(o.Text, codes)
	if err != nil {
		return err
	}
	res := tmConcordanceOutput{Matched: len(hits), Hits: []tmHit{}}
	if o.Limit > 0 && len(hits) > o.Limit {
		hits = hits[:o.Limit]
	}
	for _, h := range hits {
		res.Hits = append(res.Hits, tmHit{Release: h.Release, Segment: h.Segment, Text: h.Text, Spans: h.Spans})
	}
	out := res.Hits
	defer func() {
		if more := res.Matched - len(out); more > 0 {
			fmt.Fprintln(g.IO.Err, g.UI.N("TMMoreHits", more))
		}
	}()
	if o.Format == "json" {
		return writeJSON(g.IO.Out, res.Hits)
	}
	if len(out) == 0 {
		fmt.Fprintf(g.IO.Err, "no segment contains %q\n", o.Text)
		return nil
	}
	order := ws.Config.Languages()
	if len(langs) > 0 {
		order = append([]language.Tag{ws.Config.Source}, langs...)
	}
	open, closing := "«", "»"
	if g.IO.Color() {
		open, closing = "\x1b[1;33m", "\x1b[0m"
	}
	w := ctrl.Writer{W: g.IO.Out}
	for i, h := range out {
		if i > 0 {
			fmt.Fprintln(g.IO.Out)
		}
		fmt.Fprintf(w, "%s %s\n", h.Release, h.Segment)
		for _, l := range order {
			t, ok := h.Text[l.String()]
			if !ok {
				continue
			}
			fmt.Fprintf(g.IO.Out, "  %-3s ", l)
			last := 0
			for _, sp := range h.Spans[l.String()] {
				fmt.Fprint(w, t[last:sp[0]])
				fmt.Fprint(g.IO.Out, open)
				fmt.Fprint(w, t[sp[0]:sp[1]])
				fmt.Fprint(g.IO.Out, closing)
				last = sp[1]
			}
			fmt.Fprintln(w, t[last:])
		}
	}
	return nil
}
