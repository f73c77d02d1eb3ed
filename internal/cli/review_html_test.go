package cli

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
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
		{reviewHTMLOptions{HTML: "site", Serve: true}, false, "cannot be used together"},
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
	if !strings.Contains(before, "2023年は両国") || strings.Contains(before, `data-rule="number-mismatch"`) {
		t.Fatalf("the seed release page is not as committed")
	}
	ja := filepath.Join(ws, "releases", id, "ja.md")
	b, err := os.ReadFile(ja)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(ja, bytes.Replace(b, []byte("2023年は両国"), []byte("2024年は両国"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(2 * time.Second)
	os.Chtimes(ja, later, later)
	if v2 := get("__live?page=" + page); v2 == v1 {
		t.Errorf("the page's version did not change when its Japanese file changed (%s)", v1)
	}
	after := get(page)
	if !strings.Contains(after, "2024年は両国") || !strings.Contains(after, `data-rule="number-mismatch"`) {
		t.Errorf("the page was not rendered again from the changed file")
	}
	if glossary := get("glossary.html"); !strings.Contains(glossary, `id="entry-he"`) {
		t.Errorf("the glossary page is missing the entry he")
	}
}
