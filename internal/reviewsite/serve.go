package reviewsite

import (
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"path"
	"strings"
	"sync"
)

// Source is the live workspace behind Handler.
type Source interface {
	// Version returns a token that changes whenever a file the page at path is made from changes: the files of
	// its release, the glossary and the configuration for a release page; every release for the index and the
	// glossary page.
	Version(path string) (string, error)
	// Input reads the workspace as the page at path needs it: its release (aligned and checked) for a release
	// page, every release for the index and the glossary page.
	Input(path string) (Input, error)
}

// Handler serves the review site from src: each page is rendered on first request and again whenever its
// version changes, so a page kept open beside the editor shows the current files. It serves only the site's
// pages and assets, nothing else of the file system; GET /__live?page=P returns the current version of page P,
// which live pages poll. Rendering errors are written to errLog and answered with status 500.
func Handler(src Source, errLog io.Writer) http.Handler {
	return &handler{src: src, log: errLog, cache: map[string]cached{}}
}

type handler struct {
	src   Source
	log   io.Writer
	mu    sync.Mutex
	cache map[string]cached
}

type cached struct {
	version string
	body    []byte
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
	w.Header().Set("Cache-Control", "no-cache")
	p := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if p == "" {
		p = "index.html"
	}
	if p == "__live" {
		v, err := h.src.Version(strings.TrimPrefix(path.Clean("/"+r.URL.Query().Get("page")), "/"))
		if err != nil {
			h.fail(w, err)
			return
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, v)
		return
	}
	body, ok, err := h.page(p)
	if err != nil {
		h.fail(w, err)
		return
	}
	if !ok {
		http.NotFound(w, r)
		return
	}
	ct := mime.TypeByExtension(path.Ext(p))
	if ct == "" {
		ct = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ct)
	w.Write(body)
}

// page returns the page at p, rendering it again when its version changed.
func (h *handler) page(p string) ([]byte, bool, error) {
	v, err := h.src.Version(p)
	if err != nil {
		return nil, false, err
	}
	h.mu.Lock()
	c, hit := h.cache[p]
	h.mu.Unlock()
	if hit && c.version == v {
		return c.body, true, nil
	}
	in, err := h.src.Input(p)
	if err != nil {
		return nil, false, err
	}
	in.Live, in.Version = true, v
	b, ok, err := Page(in, p)
	if err != nil || !ok {
		return nil, ok, err
	}
	h.mu.Lock()
	h.cache[p] = cached{v, b}
	h.mu.Unlock()
	return b, true, nil
}

func (h *handler) fail(w http.ResponseWriter, err error) {
	if h.log != nil {
		fmt.Fprintf(h.log, "relloc review: %v\n", err)
	}
	http.Error(w, err.Error(), http.StatusInternalServerError)
}

// LoopbackOnly serves h only to requests addressed to a loopback name (localhost, 127.0.0.1, [::1]), so that a
// web page elsewhere cannot read the review of unpublished releases through a DNS name rebound to 127.0.0.1.
func LoopbackOnly(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host := r.Host
		if h, _, err := net.SplitHostPort(host); err == nil {
			host = h
		}
		host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
		ip := net.ParseIP(host)
		if !strings.EqualFold(host, "localhost") && (ip == nil || !ip.IsLoopback()) {
			http.Error(w, "relloc review answers only requests for localhost", http.StatusMisdirectedRequest)
			return
		}
		h.ServeHTTP(w, r)
	})
}
