package coverage_test

import (
	"bytes"
	"testing"

	"github.com/relloc/relloc/internal/cli"
	"github.com/relloc/relloc/internal/testenv"
)

// TestRepositoryCoverage is the coverage gate on relloc's own workspace: the seed glossary is complete (every
// entry has km and ja renderings or omit) and the seed release renders every required term, so
// `relloc coverage --min 100` must pass.
func TestRepositoryCoverage(t *testing.T) {
	dir := testenv.RepoRoot(t)
	var out, errOut bytes.Buffer
	io := &cli.IO{Out: &out, Err: &errOut, Getwd: func() (string, error) { return dir, nil }}
	if code := cli.Run(io, []string{"coverage", "--min", "100"}); code != 0 {
		t.Fatalf("relloc coverage --min 100 on the repository exited %d\nstdout:\n%s\nstderr:\n%s", code, out.String(), errOut.String())
	}
	t.Logf("relloc coverage:\n%s", out.String())
}
