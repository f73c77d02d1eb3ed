package cli

import (
	"bytes"
	"errors"
	"fmt"
	"os/exec"
	"path"
	"strings"

	"github.com/relloc/relloc/internal/glossary"
	"github.com/relloc/relloc/internal/incremental"
	"github.com/relloc/relloc/internal/workspace"
)

// changedSince prepares the selection of the releases that changed since the git revision rev, or that use a
// glossary entry that changed since then (package incremental), to be made release by release. It runs git in the workspace's folder: the files that differ
// between rev and the working tree, the untracked ones, and the glossary files as they were at rev.
func changedSince(ws *workspace.Workspace, gl *glossary.Glossary, rev string) (*incremental.Selector, error) {
	if _, err := git(ws.Root, "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}"); err != nil {
		var gitErr *gitError
		if errors.As(err, &gitErr) {
			return nil, usage("ChangedSinceNotRevision", "Rev", q(rev), "Root", ws.Root)
		}
		return nil, fmt.Errorf("--changed-since: %w", err)
	}
	diff, err := git(ws.Root, "diff", "-z", "--name-only", "--relative", "--no-renames", rev, "--")
	if err != nil {
		return nil, fmt.Errorf("--changed-since: %w", err)
	}
	untracked, err := git(ws.Root, "ls-files", "-z", "--others", "--exclude-standard")
	if err != nil {
		return nil, fmt.Errorf("--changed-since: %w", err)
	}
	files := append(nulSplit(diff), nulSplit(untracked)...)
	in := incremental.Input{Files: files, Config: workspace.FileName, New: gl, Old: gl, Source: ws.Config.Source}
	dir := path.Clean(ws.Config.Glossary) + "/"
	for _, f := range files {
		if strings.HasPrefix(f, dir) {
			in.Old = glossaryAt(ws, rev, dir)
			break
		}
	}
	return incremental.NewSelector(in), nil
}

// glossaryAt parses the glossary folder dir as it was at rev, or returns nil when it did not exist or did not
// parse: then every entry of the current glossary counts as changed.
func glossaryAt(ws *workspace.Workspace, rev, dir string) *glossary.Glossary {
	list, err := git(ws.Root, "ls-tree", "-z", "-r", "--name-only", rev, "--", dir)
	if err != nil {
		return nil
	}
	var files []glossary.File
	for _, p := range nulSplit(list) {
		if path.Ext(p) != ".toml" || path.Dir(p)+"/" != dir {
			continue
		}
		data, err := git(ws.Root, "show", rev+":./"+p)
		if err != nil {
			return nil
		}
		files = append(files, glossary.File{Path: p, Data: data})
	}
	if len(files) == 0 {
		return nil
	}
	g, err := glossary.Parse(files, glossary.Options{Targets: ws.Config.Targets})
	if err != nil {
		return nil
	}
	return g
}

// gitError is git exiting with a failure status.
type gitError struct {
	args   []string
	stderr string
}

func (e *gitError) Error() string {
	return fmt.Sprintf("git %s: %s", strings.Join(e.args, " "), strings.TrimSpace(e.stderr))
}

// git runs git in dir and returns its standard output.
func git(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return nil, &gitError{args: args, stderr: errOut.String()}
		}
		return nil, fmt.Errorf("run git: %w", err)
	}
	return out.Bytes(), nil
}

func nulSplit(b []byte) []string {
	var out []string
	for _, s := range strings.Split(string(b), "\x00") {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}
