package cli

import (
	"strings"

	"github.com/spf13/cobra"
)

// strictCommands makes the command tree treat every unknown name as a usage error (exit status 2) with a
// suggestion in the reader's language, where cobra prints a help page and exits 0 or an English error: relloc
// and each command that only groups others (glossary, release, tm, completion) reject an unknown subcommand,
// cobra's per-shell completion commands an argument, and `relloc help TOPIC` an unknown topic.
func strictCommands(root *cobra.Command) {
	root.SetHelpCommand(newHelpCmd(root))
	root.InitDefaultCompletionCmd()
	if c, _, err := root.Find([]string{"completion"}); err == nil && c != root {
		c.Example = `  # Complete relloc's commands and flags in every new bash session
  relloc completion bash > /etc/bash_completion.d/relloc

  # The same for zsh
  relloc completion zsh > "${fpath[1]}/_relloc"`
	}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for _, sub := range c.Commands() {
			walk(sub)
		}
		if c.HasParent() && c.Parent().Name() == "completion" {
			c.Args = noArgs
		}
		if c != root && c.Runnable() || !c.HasSubCommands() {
			return
		}
		c.Args = func(c *cobra.Command, args []string) error {
			if len(args) == 0 {
				return nil
			}
			return usage("UnknownCommand", "Name", q(args[0]), "Parent", q(c.CommandPath())).suggesting(args[0], commandNames(c))
		}
		c.RunE = func(c *cobra.Command, args []string) error { return c.Help() }
	}
	walk(root)
}

// commandNames lists the names and aliases of c's subcommands.
func commandNames(c *cobra.Command) []string {
	var out []string
	for _, s := range c.Commands() {
		if s.Hidden {
			continue
		}
		out = append(out, s.Name())
		out = append(out, s.Aliases...)
	}
	return out
}

// newHelpCmd is `relloc help [COMMAND...]`: cobra's help command prints "Unknown help topic" and exits 0.
func newHelpCmd(root *cobra.Command) *cobra.Command {
	return &cobra.Command{
		Use:   "help [COMMAND...]",
		Short: "Show the help of a command",
		Long:  "help prints the help page of a command: what it does, its flags, and examples.",
		Example: `  # Show the help of a command
  relloc help check

  # Show the help of a subcommand
  relloc help glossary add`,
		RunE: func(c *cobra.Command, args []string) error {
			target, rest, err := root.Find(args)
			if err != nil || target == nil || len(rest) > 0 {
				parent := root
				unknown := ""
				if len(args) > 0 {
					unknown = args[len(args)-1]
				}
				if err == nil && target != nil {
					parent = target
					unknown = rest[0]
				}
				return usage("UnknownHelpTopic", "Topic", q(strings.Join(args, " "))).suggesting(unknown, commandNames(parent))
			}
			target.InitDefaultHelpFlag()
			target.InitDefaultVersionFlag()
			return target.Help()
		},
	}
}
