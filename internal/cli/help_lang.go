package cli

import (
	"regexp"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/ui"
)

// uiFromArgs chooses the language of relloc's messages before the flags are parsed, so that help pages
// (which cobra prints before any hook runs) and errors in parsing speak it too: --ui-lang as written in
// args, else the environment. An invalid --ui-lang falls back to English here; the flag's own check reports it.
func uiFromArgs(io *IO, args []string) *ui.Printer {
	flag := ""
	for i, a := range args {
		if a == "--" {
			break
		}
		if v, ok := strings.CutPrefix(a, "--ui-lang="); ok {
			flag = v
		} else if a == "--ui-lang" && i+1 < len(args) {
			flag = args[i+1]
		}
	}
	tag, err := ui.Lang(flag, io.Getenv)
	if err != nil {
		tag = language.English
	}
	return ui.New(tag)
}

// helpHeadings are cobra's usage-template headings and the messages that translate them.
var helpHeadings = [][2]string{
	{"Usage:", "HelpUsage"}, {"Aliases:", "HelpAliases"}, {"Examples:", "HelpExamples"},
	{"Available Commands:", "HelpCommands"}, {"Global Flags:", "HelpGlobalFlags"}, {"Flags:", "HelpFlags"},
	{"Additional help topics:", "HelpTopics"},
}

// helpKey names a command in the ids of its help messages: its path below relloc joined by "-" ("glossary-add"),
// "relloc" for the root.
func helpKey(c *cobra.Command) string {
	if !c.HasParent() {
		return c.Name()
	}
	return strings.ReplaceAll(strings.TrimPrefix(c.CommandPath(), c.Root().Name()+" "), " ", "-")
}

// helpText is one text of a help page and the message that translates it.
type helpText struct {
	id   string
	data map[string]any
	text *string // the text in the command tree, English as the code writes it
}

// helpTexts lists the texts of c's help page that belong to c: Short-KEY, Long-KEY and Example-KEY (those
// that are not empty), and the usage of each flag that c defines (inherited flags belong to the command
// that defines them). A flag's usage is the message Flag-KEY-NAME when the English catalogue has one, else
// Flag-NAME, the usage the commands with that flag share; cobra's --help and --version are FlagHelp and
// FlagVersion, which name the command.
func helpTexts(c *cobra.Command) []helpText {
	c.InitDefaultHelpFlag()
	c.InitDefaultVersionFlag()
	key := helpKey(c)
	var out []helpText
	for _, t := range []struct {
		kind string
		text *string
	}{{"Short", &c.Short}, {"Long", &c.Long}, {"Example", &c.Example}} {
		if *t.text != "" {
			out = append(out, helpText{id: t.kind + "-" + key, text: t.text})
		}
	}
	c.LocalFlags().VisitAll(func(f *pflag.Flag) {
		out = append(out, flagText(c, key, f))
	})
	return out
}

// flagText is the helpText of flag f of command c (whose key is key).
func flagText(c *cobra.Command, key string, f *pflag.Flag) helpText {
	if f.Annotations[cobra.FlagSetByCobraAnnotation] != nil {
		switch f.Name {
		case "help":
			return helpText{id: "FlagHelp", data: map[string]any{"Command": c.DisplayName()}, text: &f.Usage}
		case "version":
			return helpText{id: "FlagVersion", data: map[string]any{"Command": c.DisplayName()}, text: &f.Usage}
		}
	}
	id := "Flag-" + key + "-" + f.Name
	if _, ok := ui.English.Lookup(id, nil); !ok {
		id = "Flag-" + f.Name
	}
	return helpText{id: id, text: &f.Usage}
}

// visibleCommands calls fn for root and every command below it that help can show.
func visibleCommands(root *cobra.Command, fn func(*cobra.Command)) {
	fn(root)
	for _, c := range root.Commands() {
		if !c.Hidden {
			visibleCommands(c, fn)
		}
	}
}

// localizeHelp puts the help pages in p's language: the headings of the usage template and its last line,
// and every command's description, long help, examples and flag usages (helpTexts). A text p's language lacks
// stays English (TestHelpTranslated keeps that from happening); English leaves everything as written.
func localizeHelp(root *cobra.Command, p *ui.Printer) {
	if p.Lang == language.English {
		return
	}
	root.InitDefaultHelpCmd() // cobra adds it only when it runs; its texts are translated below
	tmpl := root.UsageTemplate()
	for _, h := range helpHeadings {
		tmpl = strings.ReplaceAll(tmpl, "\n"+h[0], "\n"+p.T(h[1], nil))
		tmpl = strings.ReplaceAll(tmpl, "\n\n"+h[0], "\n\n"+p.T(h[1], nil))
		if strings.HasPrefix(tmpl, h[0]) {
			tmpl = p.T(h[1], nil) + strings.TrimPrefix(tmpl, h[0])
		}
	}
	// The template's own field stays a template field: go-i18n renders it back as written.
	more := `Use "{{.CommandPath}} [command] --help" for more information about a command.`
	tmpl = strings.ReplaceAll(tmpl, more, p.T("HelpMore", map[string]string{"CommandPath": "{{.CommandPath}}"}))
	// pflag appends "(default X)" to a flag's usage in English: flagUsages says it in p's language.
	for _, fs := range []string{".LocalFlags", ".InheritedFlags"} {
		tmpl = strings.ReplaceAll(tmpl, "{{"+fs+".FlagUsages", `{{flagUsages `+fs+` "`+p.Lang.String()+`"`)
	}
	root.SetUsageTemplate(tmpl)
	visibleCommands(root, func(c *cobra.Command) {
		for _, t := range helpTexts(c) {
			if s, ok := p.Lookup(t.id, t.data); ok {
				*t.text = s
			}
		}
	})
}

func init() { cobra.AddTemplateFunc("flagUsages", flagUsages) }

// defaultSuffix is what pflag appends to the usage of a flag whose default is not the zero value.
var defaultSuffix = regexp.MustCompile(` \(default (.+)\)$`)

// flagUsages renders fs as pflag's FlagUsages does, with the default of each flag said in lang (message
// FlagDefault) where pflag writes "(default X)".
func flagUsages(fs *pflag.FlagSet, lang string) string {
	p := ui.New(language.Make(lang))
	lines := strings.Split(fs.FlagUsages(), "\n")
	for i, l := range lines {
		if m := defaultSuffix.FindStringSubmatchIndex(l); m != nil {
			lines[i] = l[:m[0]] + " " + p.T("FlagDefault", map[string]any{"Value": l[m[2]:m[3]]})
		}
	}
	return strings.Join(lines, "\n")
}
