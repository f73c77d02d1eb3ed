package cli

import (
	"strings"

	"github.com/spf13/cobra"
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

// localizeHelp puts the help pages in p's language: the headings of the usage template, its last line, and
// the one-line descriptions of the commands (messages Short-NAME). English leaves everything as written.
func localizeHelp(root *cobra.Command, p *ui.Printer) {
	if p.Lang == language.English {
		return
	}
	root.InitDefaultHelpCmd() // cobra adds it only when it runs; its Short is translated below
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
	root.SetUsageTemplate(tmpl)
	for _, c := range root.Commands() {
		id := "Short-" + c.Name()
		if s := p.T(id, nil); s != id {
			c.Short = s
		}
	}
}
