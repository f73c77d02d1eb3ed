package cli

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/relloc/relloc/internal/reviewsite"
	"github.com/relloc/relloc/internal/testenv"
)

func TestReviewOptions(t *testing.T) {
	tests := []struct {
		o       reviewHTMLOptions
		addrSet bool
		wantErr string
	}{
		{reviewHTMLOptions{HTML: "site"}, false, ""},
		{reviewHTMLOptions{Serve: true}, false, ""},
		{reviewHTMLOptions{Serve: true, Addr: "127.0.0.1:9000"}, true, ""},
		{reviewHTMLOptions{}, false, "give --html DIR"},
		{reviewHTMLOptions{HTML: "site", Serve: true}, false, "exclude each other"},
		{reviewHTMLOptions{HTML: "site", Addr: "127.0.0.1:9000"}, true, "--addr needs --serve"},
	}
	for _, tt := range tests {
		err := tt.o.validate(tt.addrSet)
		if tt.wantErr == "" && err != nil || tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
			t.Errorf("validate(%+v, %v): got %v, want %q", tt.o, tt.addrSet, err, tt.wantErr)
		}
	}
}

// TestReviewServeRerenders serves the repository's workspace (copied) as relloc review --serve does, edits the
// Japanese of the seed release and expects the page's version and content to follow.
func TestReviewServeRerenders(t *testing.T) {
	root := testenv.RepoRoot(t)
	ws := t.TempDir()
	for _, dir := range []string{"glossary", "releases"} {
		if err := os.CopyFS(filepath.Join(ws, dir), os.DirFS(filepath.Join(root, dir))); err != nil {
			t.Fatal(err)
		}
	}
	toml, err := os.ReadFile(filepath.Join(root, "relloc.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(ws, "relloc.toml"), toml, 0o644); err != nil {
		t.Fatal(err)
	}
	g := &Global{IO: &IO{Out: io.Discard, Err: io.Discard, Getwd: func() (string, error) { return ws, nil }}}
	srv := httptest.NewServer(reviewsite.Handler(&liveWorkspace{g: g}, io.Discard))
	defer srv.Close()
	const id = "2021-11-18-prak-sokhonn-hayashi-telephone"
	page := reviewsite.ReleasePath(id)
	get := func(path string) string {
		t.Helper()
		resp, err := http.Get(srv.URL + "/" + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var b bytes.Buffer
		b.ReadFrom(resp.Body)
		if resp.StatusCode != 200 {
			t.Fatalf("GET %s: %d %s", path, resp.StatusCode, b.String())
		}
		return b.String()
	}
	before := get(page)
	v1 := get("__live?page=" + page)
	if !strings.Contains(before, "2023年は") || strings.Contains(before, `data-rule="number-mismatch"`) {
		t.Fatalf("the seed release page is not as committed")
	}
	ja := filepath.Join(ws, "releases", id, "ja.md")
	b, err := os.ReadFile(ja)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(ja, bytes.Replace(b, []byte("2023年は"), []byte("2024年は"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(2 * time.Second)
	os.Chtimes(ja, later, later)
	if v2 := get("__live?page=" + page); v2 == v1 {
		t.Errorf("the page's version did not change when its Japanese file changed (%s)", v1)
	}
	after := get(page)
	if !strings.Contains(after, "2024年は") || !strings.Contains(after, `data-rule="number-mismatch"`) {
		t.Errorf("the page was not rendered again from the changed file")
	}
	if glossary := get("glossary.html"); !strings.Contains(glossary, `id="entry-he"`) {
		t.Errorf("the glossary page is missing the entry he")
	}
}

// lockedBuffer is a buffer that a server goroutine writes while the test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestReviewServe runs relloc review --serve on a free loopback port: it serves the pages, refuses a request
// for another host name, and stops when its context ends.
func TestReviewServe(t *testing.T) {
	root := testenv.RepoRoot(t)
	var errOut lockedBuffer
	g := &Global{IO: &IO{Out: io.Discard, Err: &errOut, Getwd: func() (string, error) { return root, nil }}}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- runReviewServe(ctx, g, reviewHTMLOptions{Serve: true, Addr: "127.0.0.1:0"}) }()
	addr := regexp.MustCompile(`serving the review on (http://127\.0\.0\.1:\d+/)`)
	var base string
	for deadline := time.Now().Add(30 * time.Second); base == "" && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if m := addr.FindStringSubmatch(errOut.String()); m != nil {
			base = m[1]
		}
	}
	if base == "" {
		cancel()
		t.Fatalf("the server did not start: %s", errOut.String())
	}
	resp, err := http.Get(base + "releases/2021-11-18-prak-sokhonn-hayashi-telephone.html")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !bytes.Contains(body, []byte(`data-live="`)) {
		t.Errorf("GET the seed release: %d, live page %v", resp.StatusCode, bytes.Contains(body, []byte(`data-live="`)))
	}
	req, _ := http.NewRequest("GET", base, nil)
	req.Host = "rebound.example.org"
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != http.StatusMisdirectedRequest {
		t.Errorf("a request for another host name: got %v %v, want 421", resp.StatusCode, err)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve returned %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the server did not stop")
	}
}
