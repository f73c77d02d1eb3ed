package cli

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"
	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/catalog"
	"github.com/relloc/relloc/internal/check"
	"github.com/relloc/relloc/internal/finding"
	"github.com/relloc/relloc/internal/report"
	"github.com/relloc/relloc/internal/safefile"
	"github.com/relloc/relloc/internal/ui"
	"github.com/relloc/relloc/internal/workspace"
)

// catalogRules are the rules of catalog.Check, run by `relloc catalog check` and by `relloc check`.
var catalogRules = []finding.Rule{
	{ID: catalog.RuleMissing, Default: finding.Error,
		Summary: "A catalogue message is missing in a language, or has no English",
		Description: "Every message of locale/active.en.toml must be translated in each target's file, and a target file " +
			"must not define messages the English lacks. Add the message (or delete the stray one)."},
	{ID: catalog.RulePlaceholder, Default: finding.Error,
		Summary: "A catalogue translation uses other placeholders than the English",
		Description: "The template fields ({{.A}}, {{.Date}}, {{.Count}}) of a translation, over all its plural forms, must be " +
			"those of the English message: a missing field loses information, an extra one renders <no value>."},
	{ID: catalog.RuleUntranslated, Default: finding.Error,
		Summary: "A catalogue translation equals the English",
		Description: "The translation is the English text. Translate it; if the language really keeps the English (an " +
			"acronym such as ASEAN), put [same-as-source] in the message's description."},
	{ID: catalog.RulePlural, Default: finding.Error,
		Summary: "A catalogue message has plural forms its language does not have under CLDR",
		Description: "Khmer and Japanese have only the plural form other; English has one and other. A form the language " +
			"lacks is never used, and a plural message must give every form its language has."},
}

func init() {
	extraCommands = append(extraCommands, newCatalogCmd)
	workspaceChecks = append(workspaceChecks, func(g *Global, ws *workspace.Workspace) ([]finding.Finding, error) {
		return catalogFindings(ws)
	})
	for _, r := range catalogRules {
		check.RegisterRule(r)
	}
	check.SelfTestHooks = append(check.SelfTestHooks, catalogSelfTest)
}

type catalogOptions struct {
	Format string
	UI     bool
}

func newCatalogCmd(g *Global) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "catalog",
		Short: "Check the message catalogues of the letterhead and formulas",
		Example: `  # Check the message catalogues in the workspace's locale folder
  relloc catalog check

  # Check relloc's own messages instead
  relloc catalog check --ui`,
	}
	var o catalogOptions
	chk := &cobra.Command{
		Use:   "check",
		Short: "Report missing, untranslated and inconsistent catalogue messages",
		Long: `catalog check compares the message catalogues of locale/ (go-i18n TOML files, active.en.toml,
active.km.toml, ...) with the English: messages missing in a language (catalog-missing), placeholders that
differ (catalog-placeholder), translations equal to the English (catalog-untranslated) and plural forms a
language does not have under CLDR (catalog-plural). relloc check runs the same rules.

With --ui it checks relloc's own messages (English, Khmer and Japanese, built into relloc) instead, and needs no
workspace.

Exit status: 0 when no finding is an error, 1 when one is, 2 when a catalogue cannot be read.`,
		Example: `  # Check the message catalogues in the workspace's locale folder
  relloc catalog check

  # The same, as JSON
  relloc catalog check --format json

  # Check relloc's own messages instead
  relloc catalog check --ui`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(o.Format, "text", "json"); err != nil {
				return err
			}
			return runCatalogCheck(g, o)
		},
	}
	chk.Flags().StringVar(&o.Format, "format", "text", "output `format`: text or json")
	chk.Flags().BoolVar(&o.UI, "ui", false, "check relloc's own messages in English, Khmer and Japanese instead of the workspace's")
	cmd.AddCommand(chk)
	return cmd
}

func runCatalogCheck(g *Global, o catalogOptions) error {
	opt := report.Options{Color: g.IO.Color(), ToolVersion: Version, Rules: check.Rules(), UI: g.UI}
	var (
		c       *catalog.Catalog
		source  language.Tag
		targets []language.Tag
	)
	if o.UI {
		var err error
		c, err = catalog.Load(ui.Catalogues(), "locales", language.English)
		if err != nil {
			return fmt.Errorf("relloc's own catalogues: %w", err)
		}
		source, targets = ui.Languages[0], ui.Languages[1:]
	} else {
		ws, err := g.Open()
		if err != nil {
			return err
		}
		if c, err = loadCatalog(ws); err != nil {
			return err
		}
		source, targets = ws.Config.Source, ws.Config.Targets
		repoOptions(ws, &opt)
	}
	fs := problemFindings(c.Check(source, targets))
	finding.Sort(fs)
	opt.Summary = finding.Summarize(fs)
	opt.Summary.Files = len(c.Files())
	if err := report.Write(o.Format, g.IO.Out, fs, opt); err != nil {
		return err
	}
	if opt.Summary.Errors > 0 {
		return &findingsError{}
	}
	return nil
}

// loadCatalog reads the workspace's message catalogues. Its errors already say what failed and where
// (path:line:col for a malformed file), so they are returned as they are.
func loadCatalog(ws *workspace.Workspace) (*catalog.Catalog, error) {
	if err := safefile.WithinDir(ws.Root, ws.Path(ws.Config.Locale), ws.Rel); err != nil {
		return nil, err
	}
	return catalog.Load(os.DirFS(ws.Root), ws.Config.Locale, ws.Config.Source)
}

// catalogFindings checks the workspace's catalogues.
func catalogFindings(ws *workspace.Workspace) ([]finding.Finding, error) {
	c, err := loadCatalog(ws)
	if err != nil {
		return nil, err
	}
	return problemFindings(c.Check(ws.Config.Source, ws.Config.Targets)), nil
}

// problemFindings turns catalogue problems into findings with their rule's default severity.
func problemFindings(ps []catalog.Problem) []finding.Finding {
	sev := map[string]finding.Severity{}
	for _, r := range catalogRules {
		sev[r.ID] = r.Default
	}
	out := make([]finding.Finding, 0, len(ps))
	for _, p := range ps {
		f := finding.Finding{Path: p.Path, Line: p.Line, Column: p.Column, Lang: p.Lang, Rule: p.Rule, Severity: sev[p.Rule]}
		f.Say("CatalogProblem", ui.Args{"Key": p.Key, "Problem": ui.Message{ID: p.MessageID, Args: p.Args}})
		out = append(out, f)
	}
	return out
}

// catalogSelfTest is the known-bad catalogue of the self-test: every catalogue rule has something to find.
func catalogSelfTest() ([]finding.Finding, error) {
	files := []catalog.File{
		{Path: "selftest/locale/active.en.toml", Data: []byte(`[greeting]
other = "Hello {{.Name}}"

[farewell]
other = "Goodbye"

[countries]
one = "{{.Count}} country"
other = "{{.Count}} countries"
`)},
		{Path: "selftest/locale/active.km.toml", Data: []byte(`[greeting]
other = "Hello {{.Name}}"

[countries]
one = "ប្រទេស {{.Count}}"
other = "ប្រទេស {{.Count}}"
`)},
		{Path: "selftest/locale/active.ja.toml", Data: []byte(`[greeting]
other = "こんにちは"

[farewell]
other = "さようなら"

[countries]
other = "{{.Count}}か国"
`)},
	}
	c, err := catalog.Parse(language.English, files)
	if err != nil {
		return nil, fmt.Errorf("catalogue self-test sample: %w", err)
	}
	return problemFindings(c.Check(language.English, []language.Tag{language.Khmer, language.Japanese})), nil
}
