package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"

	"github.com/relloc/relloc/internal/ctrl"
	"github.com/relloc/relloc/internal/inputerr"
	"github.com/relloc/relloc/internal/ui"
	"github.com/relloc/relloc/internal/workspace"
)

// Version is relloc's version, set at build time with -ldflags "-X github.com/relloc/relloc/internal/cli.Version=...".
var Version = "0.1.0-dev"

// Exit statuses.
const (
	ExitOK       = 0
	ExitFindings = 1
	ExitFailure  = 2
)

// IO is where a command reads and writes.
type IO struct {
	In       io.Reader
	Out, Err io.Writer
	// Terminal is true when Out is a terminal: colour is allowed (unless NO_COLOR is set).
	Terminal bool
	// ErrTerminal is true when Err is a terminal: progress is shown there.
	ErrTerminal bool
	// Getwd returns the directory relloc runs in.
	Getwd func() (string, error)
	// Getenv reads the environment (the language variables of package ui); nil reads nothing, as in tests.
	Getenv func(string) string
}

// Color reports whether output may be coloured.
func (io *IO) Color() bool {
	_, noColor := os.LookupEnv("NO_COLOR")
	return io.Terminal && !noColor
}

// SystemIO returns the process's standard streams.
func SystemIO() *IO {
	return &IO{In: os.Stdin, Out: os.Stdout, Err: os.Stderr,
		Terminal:    isatty.IsTerminal(os.Stdout.Fd()) || isatty.IsCygwinTerminal(os.Stdout.Fd()),
		ErrTerminal: isatty.IsTerminal(os.Stderr.Fd()) || isatty.IsCygwinTerminal(os.Stderr.Fd()),
		Getwd:       os.Getwd, Getenv: os.Getenv}
}

// Global holds the flags every command shares.
type Global struct {
	IO        *IO
	Workspace string
	// UILang is --ui-lang; UI speaks the language chosen from it and the environment (package ui).
	UILang string
	UI     *ui.Printer
}

// Open finds the workspace: --workspace, or walking up from the working directory.
func (g *Global) Open() (*workspace.Workspace, error) {
	if g.Workspace != "" {
		st, err := os.Stat(g.Workspace)
		switch {
		case err != nil:
			return nil, usage("WorkspaceNoFolder", "Path", g.Workspace)
		case !st.IsDir():
			return nil, usage("WorkspaceNotFolder", "Path", g.Workspace)
		}
		ws, err := workspace.Open(g.Workspace)
		if errors.Is(err, workspace.ErrNotFound) {
			return nil, usage("WorkspaceNotWorkspace", "Path", g.Workspace, "File", workspace.FileName)
		}
		return ws, err
	}
	wd, err := g.IO.Getwd()
	if err != nil {
		return nil, err
	}
	return workspace.Find(wd)
}

// findingsError is returned by commands that ran fine but found error-level problems: exit status 1. Its
// message, if any, is the catalogue message id with its fields, printed after "relloc: ".
type findingsError struct {
	id   string
	data map[string]any
}

func (e *findingsError) Error() string { return e.text(ui.English) }

func (e *findingsError) text(p *ui.Printer) string {
	if e.id == "" {
		return ""
	}
	return p.T(e.id, e.data)
}

// NewRoot builds the command tree.
func NewRoot(io *IO) *cobra.Command {
	root, _ := newRoot(io)
	return root
}

func newRoot(io *IO) (*cobra.Command, *Global) {
	g := &Global{IO: io, UI: ui.English}
	root := &cobra.Command{
		Use:   "relloc",
		Short: "Keep press releases consistent in English, Khmer and Japanese",
		Long: `relloc keeps each press release consistent across English, Khmer and Japanese: the same glossary terms,
names, numbers and dates in every language, checked sentence by sentence.

It works on a workspace: the folder holding relloc.toml, found by walking up from the current folder.`,
		Example: `  # Check every release of the workspace
  relloc check

  # List every entry of the glossary
  relloc glossary list

  # Show the help of a command
  relloc help check`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       Version,
	}
	root.SetIn(io.In)
	root.SetOut(io.Out)
	root.SetErr(io.Err)
	root.PersistentFlags().StringVarP(&g.Workspace, "workspace", "C", "", "workspace `folder` (default: found from the current folder upwards)")
	root.PersistentFlags().StringVar(&g.UILang, "ui-lang", "", "`language` of relloc's messages: en, km or ja (default: $RELLOC_LANG, $LC_ALL, $LC_MESSAGES, $LANG)")
	root.PersistentPreRunE = func(cmd *cobra.Command, args []string) error {
		tag, err := ui.Lang(g.UILang, io.Getenv)
		if err != nil {
			return usage("UILangInvalid", "Value", q(g.UILang))
		}
		g.UI = ui.New(tag)
		return nil
	}
	root.SetFlagErrorFunc(flagError)
	// relloc --version (-v) prints what relloc version prints.
	root.SetVersionTemplate("relloc {{.Version}}\n")
	root.AddCommand(
		newVersionCmd(g),
		newGlossaryCmd(g),
		newReleaseCmd(g),
		newAlignCmd(g),
	)
	for _, add := range extraCommands {
		root.AddCommand(add(g))
	}
	strictCommands(root)
	return root, g
}

// extraCommands lets each command file register itself, so that adding a command touches one file.
var extraCommands []func(*Global) *cobra.Command

// Main runs relloc with the process's arguments and returns the exit status.
func Main() int {
	return Run(SystemIO(), os.Args[1:])
}

// Run runs relloc with args and returns the exit status; errors are printed to io.Err.
func Run(io *IO, args []string) int {
	root, g := newRoot(io)
	g.UI = uiFromArgs(io, args)
	localizeHelp(root, g.UI)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return ExitOK
	}
	var fe *findingsError
	if errors.As(err, &fe) {
		if msg := fe.text(g.UI); msg != "" {
			fmt.Fprintln(io.Err, "relloc: "+msg)
		}
		return ExitFindings
	}
	// An error may quote what a user wrote (a path, a key, a release id): control characters are escaped.
	fmt.Fprintln(io.Err, "relloc: "+ctrl.Escape(errorText(g.UI, err)))
	var ue *usageError
	if errors.As(err, &ue) {
		fmt.Fprintln(io.Err, g.UI.T("UsageHint", nil))
	}
	return ExitFailure
}

// errorText is err as Run prints it, in p's language where it is one of relloc's messages.
func errorText(p *ui.Printer, err error) string {
	if inputerr.Is(err) {
		return inputerr.Text(err, p)
	}
	if errors.Is(err, workspace.ErrNotFound) {
		// Find's error, alone or after the folder it started from.
		dir, _ := strings.CutSuffix(err.Error(), workspace.ErrNotFound.Error())
		return dir + p.T("WorkspaceNotFound", map[string]any{"File": workspace.FileName})
	}
	return errorIn(p, err)
}

func newVersionCmd(g *Global) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print relloc's version",
		Example: `  # Print the version of relloc
  relloc version

  # The same, as a flag
  relloc --version`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := fmt.Fprintf(g.IO.Out, "relloc %s\n", Version)
			return err
		},
	}
}

// noArgs rejects positional arguments as a usage error.
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usage("ArgsNone", "Command", cmd.CommandPath(), "Arg", q(args[0]))
	}
	return nil
}

// exactArgs requires n positional arguments.
func exactArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return usage("ArgsExact", "Command", cmd.CommandPath(), "Want", n, "Got", len(args))
		}
		return nil
	}
}

// checkFormat validates a --format value.
func checkFormat(f string, allowed ...string) error {
	for _, a := range allowed {
		if f == a {
			return nil
		}
	}
	return usage("ValueNotOneOf", "Flag", "--format", "Value", q(f), "Allowed", fmt.Sprint(allowed))
}
