package reviewsite

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// fakeSource serves the fixture; edit changes the Japanese text and the version, as saving a file would.
type fakeSource struct {
	t       *testing.T
	mu      sync.Mutex
	version string
	ja      string // replaces 相互訪問 in the Japanese
	loads   int
}

func (f *fakeSource) Version(path string) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.version, nil
}

func (f *fakeSource) Input(path string) (Input, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.loads++
	ja := f.ja
	return fixture(f.t, func(lang, s string) string {
		if lang == "ja" && ja != "" {
			return strings.Replace(s, "相互訪問", ja, 1)
		}
		return s
	}), nil
}

func get(t *testing.T, url string) (int, http.Header, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, string(b)
}

func TestHandler(t *testing.T) {
	src := &fakeSource{t: t, version: "v1"}
	srv := httptest.NewServer(Handler(src, io.Discard))
	defer srv.Close()
	page := "/releases/" + fixtureID + ".html"

	tests := []struct {
		path   string
		status int
		want   string
	}{
		{"/", 200, `<p class="summary">1 release · 3 files`},
		{"/index.html", 200, `data-live="v1" data-page="index.html"`},
		{page, 200, `data-live="v1" data-page="releases/` + fixtureID + `.html"`},
		{"/glossary.html", 200, `id="entry-he"`},
		{"/assets/review.js", 200, "applyFilters"},
		{"/assets/terms.css", 200, ".g0{"},
		{"/__live?page=releases/" + fixtureID + ".html", 200, "v1"},
		{"/releases/no-such-release.html", 404, ""},
		{"/../../relloc.toml", 404, ""},
		{"/releases/" + fixtureID + "/ja.md", 404, ""},
	}
	for _, tt := range tests {
		status, header, body := get(t, srv.URL+tt.path)
		if status != tt.status || !strings.Contains(body, tt.want) {
			t.Errorf("GET %s: got %d %.200q, want %d with %q", tt.path, status, body, tt.status, tt.want)
		}
		if status == 200 && !strings.Contains(header.Get("Content-Security-Policy"), "script-src 'self'") {
			t.Errorf("GET %s: no content security policy", tt.path)
		}
	}
	if resp, err := http.Post(srv.URL+"/", "text/plain", nil); err != nil || resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST /: got %v %v, want 405", resp.StatusCode, err)
	}

	// The same version is served from the cache; a new version renders the page again from the files.
	loads := src.loads
	if _, _, body := get(t, srv.URL+page); !strings.Contains(body, ">相互訪問</mark>") || src.loads != loads {
		t.Errorf("unchanged page: loaded the workspace %d more times, want 0", src.loads-loads)
	}
	src.mu.Lock()
	src.version, src.ja = "v2", "往来"
	src.mu.Unlock()
	if _, _, body := get(t, srv.URL+"/__live?page=releases/"+fixtureID+".html"); body != "v2" {
		t.Errorf("/__live after the change: got %q, want v2", body)
	}
	_, _, body := get(t, srv.URL+page)
	if strings.Contains(body, ">相互訪問</mark>") || !strings.Contains(body, "往来") || !strings.Contains(body, `data-live="v2"`) {
		t.Errorf("after the Japanese changed, the page was not rendered again:\n%.300s", body)
	}
}

func TestLoopbackOnly(t *testing.T) {
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "page") })
	tests := []struct {
		host string
		want int
	}{
		{"127.0.0.1:8080", 200},
		{"localhost:8080", 200},
		{"LOCALHOST", 200},
		{"[::1]:8080", 200},
		{"127.0.0.2:9000", 200},
		{"attacker.example:8080", 421},
		{"192.168.1.5:8080", 421},
		{"localhost.attacker.example", 421},
	}
	for _, tt := range tests {
		r := httptest.NewRequest("GET", "/", nil)
		r.Host = tt.host
		w := httptest.NewRecorder()
		LoopbackOnly(ok).ServeHTTP(w, r)
		if w.Code != tt.want {
			t.Errorf("Host %s: got %d, want %d", tt.host, w.Code, tt.want)
		}
	}
}
