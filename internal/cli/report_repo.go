package cli

import (
	"os"
	"path/filepath"

	"github.com/relloc/relloc/internal/report"
	"github.com/relloc/relloc/internal/workspace"
)

// repoOptions sets the report options that place the workspace in its
// repository: the repository root (the nearest folder at or above the
// workspace holding .git, a folder or, in a linked worktree, a file) and the
// workspace's folder relative to it, so that SARIF and GitHub annotations
// name files as the repository does. Outside a repository the workspace root
// stands for it.
func repoOptions(ws *workspace.Workspace, o *report.Options) {
	root := repoRoot(ws.Root)
	if root == "" {
		o.RepoRoot = ws.Root
		return
	}
	o.RepoRoot = root
	if rel, err := filepath.Rel(root, ws.Root); err == nil && rel != "." {
		o.RepoPrefix = filepath.ToSlash(rel)
	}
}

// repoRoot returns the nearest folder at or above dir that holds .git, or ""
// when there is none.
func repoRoot(dir string) string {
	for {
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}
