package cli

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/google/renameio/v2"
	"github.com/spf13/cobra"

	"github.com/relloc/relloc/internal/check"
	"github.com/relloc/relloc/internal/release"
	"github.com/relloc/relloc/internal/reviewsite"
	"github.com/relloc/relloc/internal/ui"
)

// reviewHTMLOptions are the flags of relloc review --html and --serve.
type reviewHTMLOptions struct {
	HTML     string
	Serve    bool
	Addr     string
	Releases []string
}

// reviewSiteHelp and reviewSiteExample document review --html and --serve in the review command's help.
const (
	reviewSiteHelp = `review --html DIR writes the review site, a self-contained static site: an index of every release and
language with its errors, warnings, stale sentences and glossary coverage; one page per release with its
languages in aligned columns, the glossary terms highlighted (hover or focus one for its entry) and check's
findings at their row; and a searchable glossary page. It needs no network and works from file:// or any
static host. review --serve serves the same pages from the workspace, on 127.0.0.1:8080 unless --addr says
otherwise, and re-renders a page when a file of its release changes: an open page reloads itself. Cells link
to their file and line with the editor URL of review.editor in relloc.toml (default
vscode://file{path}:{line}:{column}; "" for no links). With RELEASE arguments only those releases are shown`
	reviewSiteExample = `  # Write the review site and open it
  relloc review --html site && xdg-open site/index.html

  # Serve the review site on another port
  relloc review --serve --addr 127.0.0.1:9000`
)

// addReviewSiteFlags adds --html, --serve and --addr to the review command.
func addReviewSiteFlags(cmd *cobra.Command) *reviewHTMLOptions {
	o := &reviewHTMLOptions{}
	cmd.Flags().StringVar(&o.HTML, "html", "", "write the review site to `folder`")
	cmd.Flags().BoolVar(&o.Serve, "serve", false, "serve the review site from the workspace, re-rendering pages when their files change")
	cmd.Flags().StringVar(&o.Addr, "addr", "127.0.0.1:8080", "`address` to serve on with --serve")
	return o
}

// requested reports whether the command line asks for the review site.
func (o *reviewHTMLOptions) requested() bool { return o.HTML != "" || o.Serve }

// run validates the site flags against the listing's and writes or serves the site.
func (o *reviewHTMLOptions) run(cmd *cobra.Command, g *Global, args []string) error {
	for _, name := range []string{"accept", "segment", "all", "lang", "format"} {
		if cmd.Flags().Changed(name) {
			return usage("ReviewSiteFlag", "Flag", "--"+name)
		}
	}
	o.Releases = args
	if err := o.validate(cmd.Flags().Changed("addr")); err != nil {
		return err
	}
	if o.Serve {
		return runReviewServe(cmd.Context(), g, *o)
	}
	return runReviewHTML(g, *o)
}

// validate checks the flag combination.
func (o reviewHTMLOptions) validate(addrSet bool) error {
	switch {
	case o.HTML == "" && !o.Serve:
		return usage("ReviewSiteWhich")
	case o.HTML != "" && o.Serve:
		return usage("FlagsExclude", "A", "--html", "B", "--serve")
	case addrSet && !o.Serve:
		return usage("FlagNeeds", "Flag", "--addr", "Needs", "--serve")
	}
	return nil
}

// reviewInput reads the workspace, selects the releases named (all when none), aligns and checks them.
func reviewInput(g *Global, names []string) (reviewsite.Input, error) {
	p, err := loadProject(g)
	if err != nil {
		return reviewsite.Input{}, err
	}
	rels, err := namedReleases(g, p, names)
	if err != nil {
		return reviewsite.Input{}, err
	}
	in := reviewInputOf(p, rels)
	in.UI = g.UI
	return in, nil
}

// namedReleases returns the releases of p named by ids or folders, or all of them when names is empty.
func namedReleases(g *Global, p *project, names []string) ([]*release.Release, error) {
	if len(names) == 0 {
		return p.rels, nil
	}
	wd, _ := g.IO.Getwd()
	var rels []*release.Release
	for _, n := range names {
		r, err := findIn(p.ws, p.rels, wd, n)
		if err != nil {
			return nil, err
		}
		rels = append(rels, r)
	}
	return rels, nil
}

// reviewInputOf aligns and checks rels of a loaded project.
func reviewInputOf(p *project, rels []*release.Release) reviewsite.Input {
	cfg := p.ws.Config
	in := reviewsite.Input{Source: cfg.Source, Targets: cfg.Targets, Glossary: p.gl, Anchors: p.anchors,
		Editor: cfg.Review.Editor, Root: filepath.ToSlash(p.ws.Root)}
	for _, r := range rels {
		in.Bitexts = append(in.Bitexts, p.align(r))
	}
	if len(rels) > 0 {
		in.Findings = check.Run(check.Input{Source: cfg.Source, Targets: cfg.Targets, Config: cfg.Check,
			Glossary: p.gl, Releases: rels}).Findings
	}
	return in
}

// siteMarker is the file that marks a folder as a review site relloc wrote, which it may therefore overwrite.
const siteMarker = ".relloc-review"

func runReviewHTML(g *Global, o reviewHTMLOptions) error {
	in, err := reviewInput(g, o.Releases)
	if err != nil {
		return err
	}
	site, err := reviewsite.Build(in)
	if err != nil {
		return err
	}
	dir := o.HTML
	if !filepath.IsAbs(dir) {
		wd, err := g.IO.Getwd()
		if err != nil {
			return err
		}
		dir = filepath.Join(wd, dir)
	}
	if err := checkSiteDir(dir); err != nil {
		return err
	}
	site[siteMarker] = []byte("This folder was written by relloc review --html; relloc may overwrite it.\n")
	for _, p := range site.Paths() {
		f := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
			return fmt.Errorf("write review site: %w", err)
		}
		if err := renameio.WriteFile(f, site[p], 0o644); err != nil {
			return fmt.Errorf("write review site: %w", err)
		}
	}
	fmt.Fprintf(g.IO.Err, "relloc: wrote the review of %d release(s) to %s (open %s)\n", len(in.Bitexts), o.HTML,
		filepath.Join(o.HTML, "index.html"))
	return nil
}

// checkSiteDir refuses to write into a folder that holds files relloc did not write.
func checkSiteDir(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("review site folder: %w", err)
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(dir, siteMarker)); err == nil {
		return nil
	}
	return usage("HTMLNotEmpty", "Dir", dir)
}

func runReviewServe(ctx context.Context, g *Global, o reviewHTMLOptions) error {
	if p, err := loadProject(g); err != nil { // fail early on a broken workspace or an unknown release
		return err
	} else if _, err := namedReleases(g, p, o.Releases); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", o.Addr)
	if err != nil {
		return usage("AddrInvalid", "Addr", o.Addr, "Err", err.Error())
	}
	h := reviewsite.Handler(&liveWorkspace{g: g, names: o.Releases}, g.IO.Err)
	if tcp, ok := ln.Addr().(*net.TCPAddr); ok && !tcp.IP.IsLoopback() {
		fmt.Fprintln(g.IO.Err, "relloc: "+g.UI.T("Warning", ui.Args{"Message": ui.Message{ID: "ReviewReachable", Args: ui.Args{"Addr": ln.Addr().String()}}}))
	} else {
		h = reviewsite.LoopbackOnly(h)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(g.IO.Err, "relloc: serving the review on http://%s/ (Ctrl-C to stop)\n", ln.Addr())
	if ctx == nil {
		ctx = context.Background()
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt)
	defer stop()
	go func() {
		<-ctx.Done()
		shut, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		srv.Shutdown(shut)
	}()
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// liveWorkspace is the workspace as relloc review --serve reads it: again for each page whose files changed.
type liveWorkspace struct {
	g     *Global
	names []string
}

// Version digests the names, sizes and modification times of the files a page is made from: relloc.toml and
// the glossary, and the release files (of its own release for a release page named after its folder).
func (l *liveWorkspace) Version(page string) (string, error) {
	ws, err := l.g.Open()
	if err != nil {
		return "", err
	}
	files := []string{ws.Path("relloc.toml")}
	glossary, _ := filepath.Glob(filepath.Join(ws.Path(ws.Config.Glossary), "*.toml"))
	files = append(files, glossary...)
	if !strings.HasPrefix(page, "assets/") {
		var mds []string
		if id, ok := strings.CutPrefix(page, "releases/"); ok {
			mds, _ = filepath.Glob(filepath.Join(ws.Path(ws.Config.Releases), strings.TrimSuffix(id, ".html"), "*.md"))
		}
		if len(mds) == 0 { // the index, the glossary page, or a release whose id is not its folder's name
			mds, err = releaseFiles(ws.Path(ws.Config.Releases))
			if err != nil {
				return "", err
			}
		}
		files = append(files, mds...)
	}
	sort.Strings(files)
	h := sha256.New()
	for _, f := range files {
		fmt.Fprintf(h, "%s\x00", f)
		if st, err := os.Stat(f); err == nil {
			fmt.Fprintf(h, "%d\x00%d\x00", st.Size(), st.ModTime().UnixNano())
		}
	}
	return hex.EncodeToString(h.Sum(nil)[:12]), nil
}

// Input reads the workspace for one page: nothing but the glossary for an asset, the release of a release page,
// every selected release for the index and the glossary page.
func (l *liveWorkspace) Input(page string) (reviewsite.Input, error) {
	p, err := loadProject(l.g)
	if err != nil {
		return reviewsite.Input{}, err
	}
	rels, err := namedReleases(l.g, p, l.names)
	if err != nil {
		return reviewsite.Input{}, err
	}
	switch {
	case strings.HasPrefix(page, "assets/"):
		rels = nil
	case strings.HasPrefix(page, "releases/"):
		var one []*release.Release
		for _, r := range rels {
			if reviewsite.ReleasePath(r.ID) == page {
				one = append(one, r)
			}
		}
		rels = one
	}
	in := reviewInputOf(p, rels)
	in.UI = l.g.UI
	return in, nil
}

// releaseFiles lists the Markdown files of every release folder under root.
func releaseFiles(root string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".md") {
			files = append(files, p)
		}
		return nil
	})
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	return files, err
}
