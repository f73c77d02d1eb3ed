package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/relloc/relloc/internal/cli"
)

// TestDraftHoldsTheWriteLock: relloc draft holds the workspace's write lock from looking for the translation to
// renaming the draft into place, so of twelve drafts of the same missing translation started together exactly
// one writes it and the others find it there and refuse without --force. Without the lock several see no file
// and each overwrites the one before (a translator's file is never to be overwritten without --force). The
// drafts run as goroutines, each taking the lock through its own file handle as separate processes do, because
// goroutines start together closely enough to make the race certain. review --accept's lock is tested end to
// end in testdata/script/review_lock.txtar.
func TestDraftHoldsTheWriteLock(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"relloc.toml": "source = \"en\"\ntargets = [\"km\", \"ja\"]\n",
		"releases/2022-03-15-visit/en.md": "# Press Release\n\nThe Minister received the Ambassador.\n\n" +
			"The two sides reviewed bilateral cooperation.\n\nThey discussed trade and investment.\n",
	}
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	const n = 12
	codes := make([]int, n)
	stderrs := make([]string, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var out, errOut bytes.Buffer
			io := &cli.IO{Out: &out, Err: &errOut, Getwd: func() (string, error) { return dir, nil }}
			codes[i] = cli.Run(io, []string{"-C", dir, "draft", "2022-03-15-visit", "--lang", "ja"})
			stderrs[i] = errOut.String()
		}()
	}
	wg.Wait()
	wrote := 0
	for i := range n {
		switch {
		case codes[i] == 0 && strings.Contains(stderrs[i], "ja.md: drafted 4 sentence(s) in ja"):
			wrote++
		case codes[i] != 0 && strings.Contains(stderrs[i], "exists and may hold a translation: pass --force"):
		default:
			t.Errorf("draft %d: exit %d, stderr %q; want a draft written or a refusal to overwrite", i, codes[i], stderrs[i])
		}
	}
	if wrote != 1 {
		t.Errorf("%d of %d concurrent drafts wrote ja.md, want 1", wrote, n)
	}
}
