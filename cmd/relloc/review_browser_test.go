package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cssproto "github.com/chromedp/cdproto/css"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/relloc/relloc/internal/cli"
	"github.com/relloc/relloc/internal/testenv"
)

const seedRelease = "2021-11-18-prak-sokhonn-hayashi-telephone"

// findChromium returns the path of a Chromium or Chrome binary; the test skips without one, except in CI.
func findChromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	msg := "no Chromium found: install it to run the review site's browser test, on Debian or Ubuntu with\n" +
		"  sudo apt-get install chromium fonts-khmeros fonts-noto-cjk"
	if os.Getenv("CI") != "" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

// writeSite runs relloc review --html on the workspace ws and serves the folder on 127.0.0.1, as a static host would.
func writeSite(t *testing.T, ws string) string {
	t.Helper()
	return serveDir(t, siteDir(t, ws))
}

// siteDir runs relloc review --html on the workspace ws and returns the folder written.
func siteDir(t *testing.T, ws string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	var out, errOut bytes.Buffer
	io := &cli.IO{Out: &out, Err: &errOut, Getwd: func() (string, error) { return ws, nil }}
	if code := cli.Run(io, []string{"review", "--html", dir}); code != 0 {
		t.Fatalf("relloc review --html exited %d\n%s", code, errOut.String())
	}
	return dir
}

// serveDir serves a folder on 127.0.0.1, as a static host would.
func serveDir(t *testing.T, dir string) string {
	t.Helper()
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	t.Cleanup(srv.Close)
	return srv.URL
}

// faultyWorkspace copies the repository's workspace with two planted faults in the Japanese of the seed release
// (a changed year in b8.s1, a forbidden rendering in b9.s2), a revised English sentence (b8.s1, stale in both
// translations) and adds a release whose text is hostile markup.
func faultyWorkspace(t *testing.T, root string) string {
	t.Helper()
	ws := t.TempDir()
	copyTree(t, root, ws, "relloc.toml", "glossary", "releases")
	ja := filepath.Join(ws, "releases", seedRelease, "ja.md")
	b, err := os.ReadFile(ja)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, edit := range [][2]string{
		{"2023年は両国の外交関係樹立70周年", "2024年は両国の外交関係樹立70周年"},
		{"プラック・ソコン副首相は、2022年に", "プラック・ソコン副総理は、2022年に"},
	} {
		if !strings.Contains(s, edit[0]) {
			t.Fatalf("the seed's Japanese no longer holds %q", edit[0])
		}
		s = strings.Replace(s, edit[0], edit[1], 1)
	}
	if err := os.WriteFile(ja, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	// The English of b8.s1 revised after the translations were made: both are stale there.
	en := filepath.Join(ws, "releases", seedRelease, "en.md")
	b, err = os.ReadFile(en)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(en, bytes.Replace(b, []byte("will be an important juncture"), []byte("will be a historic juncture"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	inj := filepath.Join(ws, "releases", "2022-01-05-injection")
	if err := os.MkdirAll(inj, 0o755); err != nil {
		t.Fatal(err)
	}
	// Quoted markup (code spans, which stay text), raw inline HTML (which the Markdown parser takes as markup) and a
	// terminal escape sequence.
	payload := "`<script>window.pwned=1</script>` `\"><img src=x onerror=\"window.pwned=2\">` <img src=x onerror=\"window.pwned=3\"> \x1b[31m"
	files := map[string]string{
		"en.md": "# PRESS RELEASE\n\nOn 5 January 2022, the Ministry received a letter headed " + payload + " from an unknown sender.\n",
		"km.md": "# សេចក្តីប្រកាសព័ត៌មាន\n\nនៅថ្ងៃទី៥ ខែមករា ឆ្នាំ២០២២ ក្រសួងបានទទួលលិខិតមួយច្បាប់ដែលមានចំណងជើងថា " + payload + " ពីអ្នកផ្ញើដែលមិនស្គាល់អត្តសញ្ញាណ។\n",
		"ja.md": "# 報道発表\n\n2022年1月5日、同省は、差出人不明の「" + payload + "」と題する書簡を受領しました。\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(inj, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return ws
}

func copyTree(t *testing.T, from, to string, names ...string) {
	t.Helper()
	for _, n := range names {
		err := filepath.Walk(filepath.Join(from, n), func(p string, info os.FileInfo, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(from, p)
			dst := filepath.Join(to, rel)
			if info.IsDir() {
				return os.MkdirAll(dst, 0o755)
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return os.WriteFile(dst, b, 0o644)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

// TestReviewSiteInBrowser drives a headless Chromium over the review site of the repository's seed release and
// of a copy with planted faults and a hostile release. Screenshots of the index and of a release page go to
// $RELLOC_SCREENSHOTS (make screenshots sets it to docs/), else to a temporary folder.
func TestReviewSiteInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("drives a browser")
	}
	chromium := findChromium(t)
	root := testenv.RepoRoot(t)
	seedDir := siteDir(t, root)
	seed := serveDir(t, seedDir)
	faulty := writeSite(t, faultyWorkspace(t, root))
	shots := os.Getenv("RELLOC_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	}

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.WindowSize(1440, 1100),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(ctx, 3*time.Minute)
	defer cancelTimeout()

	do := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	eval := func(what, js string, out any) {
		t.Helper()
		raw, err := chromedp.Run(ctx, chromedp.Evaluate[[]byte](js))
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if out != nil {
			if err := json.Unmarshal(raw, out); err != nil {
				t.Fatalf("%s: %v in %s", what, err, raw)
			}
		}
	}
	screenshot := func(name string) {
		t.Helper()
		png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatalf("screenshot %s: %v", name, err)
		}
		if err := os.WriteFile(filepath.Join(shots, name), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	css := func(sel string) chromedp.CSS { return chromedp.CSS(sel) }

	// A headless page has no window focus, so focus events would not fire; a reviewer's window has it.
	focusPage := func() {
		t.Helper()
		if _, err := chromedp.Call(ctx, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true}); err != nil {
			t.Fatalf("emulate focus: %v", err)
		}
	}

	// The index of the seed workspace.
	do("open the index", chromedp.Navigate(seed+"/index.html"), chromedp.WaitVisible(css("table.index")))
	screenshot("review-index.png")
	var indexRows int
	eval("count index rows", `document.querySelectorAll("table.index tbody tr").length`, &indexRows)
	if indexRows != 3 {
		t.Errorf("index: %d rows, want 3 (the seed release in en, km, ja)", indexRows)
	}

	// Sorting by a column, then by the same column again in reverse.
	var order1, order2 string
	langOrder := `[...document.querySelectorAll("table.index tbody tr")].map(r => r.dataset.lang).join(" ")`
	do("sort by language", chromedp.Click(css("table.index thead th:nth-child(3) button")))
	eval("read the order", langOrder, &order1)
	do("sort by language again", chromedp.Click(css("table.index thead th:nth-child(3) button")))
	eval("read the order", langOrder, &order2)
	if order1 != "en ja km" || order2 != "km ja en" {
		t.Errorf("sorting the index by language: got %q then %q, want \"en ja km\" then \"km ja en\"", order1, order2)
	}

	// The glossary page's search.
	do("search the glossary", chromedp.Navigate(seed+"/glossary.html"), chromedp.WaitVisible(css("#glossary-search")),
		chromedp.SendKeys(css("#glossary-search"), "ឧបនាយករដ្ឋមន្ត្រី"))
	var found []string
	eval("read the rows found", `[...document.querySelectorAll("table.glossary tbody tr")].filter(r => !r.hidden).map(r => r.id)`, &found)
	if !slices.Contains(found, "entry-deputy-prime-minister") || slices.Contains(found, "entry-myanmar") {
		t.Errorf("searching the glossary for ឧបនាយករដ្ឋមន្ត្រី shows %v; want deputy-prime-minister and not myanmar", found)
	}

	// The seed release: 19 aligned rows, a glossary card on focus, Khmer and Japanese fonts.
	do("open the seed release", chromedp.Navigate(seed+"/releases/"+seedRelease+".html"), chromedp.WaitVisible(css("table.bitext")))
	var segRows int
	eval("count rows", `document.querySelectorAll("table.bitext tbody tr.seg").length`, &segRows)
	if segRows != 19 {
		t.Errorf("seed release: %d aligned rows, want 19", segRows)
	}
	he := `tr[data-segment="b4.s1"] td[data-lang="en"] mark[data-entry="he"]`
	focusPage()
	do("focus H.E.", chromedp.Focus(css(he)))
	var card struct {
		Visible      bool
		Text         string
		JaPolicy     string
		BelowTerm    bool
		DescribedBy  string
		FocusedEntry string
	}
	eval("read the card", `(() => {
		const c = document.getElementById("card-he"), term = document.activeElement;
		const r = c.getBoundingClientRect(), tr = term.getBoundingClientRect();
		return {Visible: !c.hidden && c.offsetParent !== null && r.width > 0, Text: c.innerText,
			JaPolicy: (c.querySelector('.policy[data-lang="ja"]') || {}).textContent || "",
			BelowTerm: r.top >= tr.bottom, DescribedBy: term.getAttribute("aria-describedby"), FocusedEntry: term.dataset.entry};
	})()`, &card)
	if !card.Visible || !strings.Contains(card.Text, "ឯកឧត្តម") || card.JaPolicy != "policy omit" || !card.BelowTerm ||
		card.FocusedEntry != "he" || card.DescribedBy != "card-he" {
		t.Errorf("focusing H.E. in the English: got card %+v; want the visible card of he under the term, with ឯកឧត្តម and the Japanese policy omit", card)
	}
	fonts := func(sel string) []*cssproto.PlatformFontUsage {
		t.Helper()
		ids, err := chromedp.Run(ctx, chromedp.QueryNodeIDs(css(sel)))
		if err != nil || len(ids) == 0 {
			t.Fatalf("find %s: %v", sel, err)
		}
		if _, err := chromedp.Call(ctx, cssproto.Enable, cdp.Empty{}); err != nil {
			t.Fatalf("enable CSS: %v", err)
		}
		res, err := chromedp.Call(ctx, cssproto.GetPlatformFontsForNode, cssproto.GetPlatformFontsForNodeParams{NodeID: ids[0]})
		if err != nil {
			t.Fatalf("fonts of %s: %v", sel, err)
		}
		return res.Fonts
	}
	for _, tt := range []struct{ lang, want string }{{"km", "Khmer"}, {"ja", "CJK"}} {
		usage := fonts(`tr[data-segment="b6.s1"] td[data-lang="` + tt.lang + `"] p.text`)
		var main *cssproto.PlatformFontUsage
		for _, u := range usage {
			if main == nil || u.GlyphCount > main.GlyphCount {
				main = u
			}
		}
		var got []string
		for _, u := range usage {
			got = append(got, fmt.Sprintf("%s (%g glyphs)", u.FamilyName, u.GlyphCount))
		}
		if main == nil || !strings.Contains(main.FamilyName, tt.want) {
			t.Errorf("%s text is rendered with %v; want most glyphs from a %s font", tt.lang, got, tt.want)
		} else {
			t.Logf("%s text rendered with %v", tt.lang, got)
		}
	}

	// Printed: three language columns, no filters, buttons or cards.
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatalf("emulate print: %v", err)
	}
	var printed struct {
		Filters, Cards string
		Columns        []float64
	}
	eval("read the printed layout", `({Filters: getComputedStyle(document.querySelector(".filters")).display,
		Cards: getComputedStyle(document.querySelector(".cards")).display,
		Columns: [...document.querySelectorAll("table.bitext thead th[data-lang]")].map(th => th.getBoundingClientRect().width)})`, &printed)
	if printed.Filters != "none" || printed.Cards != "none" || len(printed.Columns) != 3 ||
		slices.Min(printed.Columns) < 0.9*slices.Max(printed.Columns) {
		t.Errorf("print layout: got %+v; want the filters and cards hidden and three columns of equal width", printed)
	}
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: ""}); err != nil {
		t.Fatalf("emulate screen: %v", err)
	}

	// From file://, as a reviewer opens a site from a CI artifact: the card and the filters work the same.
	do("open the seed release from file://", chromedp.Navigate("file://"+filepath.ToSlash(seedDir)+"/releases/"+seedRelease+".html"),
		chromedp.WaitVisible(css("table.bitext")), chromedp.Focus(css(he)))
	var fromFile struct {
		Card     bool
		Rows     int
		Coloured bool
	}
	eval("read the page from file://", `(() => {
		const s = document.getElementById("f-sev"); s.value = "error"; s.dispatchEvent(new Event("change"));
		const c = document.getElementById("card-he");
		return {Card: !c.hidden && c.offsetParent !== null, Rows: document.querySelectorAll("tr.seg").length,
			Coloured: getComputedStyle(document.querySelector("mark.term.g0")).backgroundColor !== "rgba(0, 0, 0, 0)"};
	})()`, &fromFile)
	if !fromFile.Card || fromFile.Rows != 19 || !fromFile.Coloured {
		t.Errorf("from file://: got %+v; want the card of he shown, 19 rows and coloured terms", fromFile)
	}

	// The copy with planted faults: the number finding sits on the row of b8.s1 in the Japanese column, a rule
	// filter hides the other findings, and n moves between the visible findings only.
	do("open the faulty release", chromedp.Navigate(faulty+"/releases/"+seedRelease+".html"), chromedp.WaitVisible(css("table.bitext")))
	var planted struct{ Segment, Lang string }
	eval("find the planted finding", `(() => {
		const f = [...document.querySelectorAll('li.finding[data-rule="number-mismatch"]')].find(f => f.textContent.includes("2023"));
		return f ? {Segment: f.closest("tr").dataset.segment, Lang: f.closest("td").dataset.lang} : {};
	})()`, &planted)
	if planted.Segment != "b8.s1" || planted.Lang != "ja" {
		t.Errorf("the planted number finding is at %+v, want the ja cell of row b8.s1", planted)
	}
	var stale struct{ Rows, Del, Ins string }
	eval("read the stale findings", `(() => {
		const fs = [...document.querySelectorAll('li.finding[data-rule="stale"]')];
		return {Rows: fs.map(f => f.closest("tr").dataset.segment + "/" + f.closest("td").dataset.lang).join(" "),
			Del: fs.map(f => (f.querySelector(".worddiff del") || {}).textContent).join("|"),
			Ins: fs.map(f => (f.querySelector(".worddiff ins") || {}).textContent).join("|")};
	})()`, &stale)
	if stale.Rows != "b8.s1/km b8.s1/ja" || stale.Del != "an important|an important" || stale.Ins != "a historic|a historic" {
		t.Errorf("stale findings: got %+v; want b8.s1 in km and ja with the word diff an important → a historic", stale)
	}
	visible := `(rule => [...document.querySelectorAll("li.finding")].filter(f => f.offsetParent !== null && (rule === "" || f.dataset.rule === rule)).length)`
	focused := `(f => f.classList.contains("finding") ? f.dataset.rule + " " + f.closest("tr").dataset.segment + " #" + [...document.querySelectorAll("li.finding")].indexOf(f) : "")(document.activeElement)`
	var before int
	eval("count findings", visible+`("")`, &before)
	// n and p move between findings in page order.
	var n1, n2, p1 string
	do("press n", chromedp.KeyEvent("n"))
	eval("focused finding", focused, &n1)
	do("press n again", chromedp.KeyEvent("n"))
	eval("focused finding", focused, &n2)
	do("press p", chromedp.KeyEvent("p"))
	eval("focused finding", focused, &p1)
	if before < 2 || n1 == "" || n2 == "" || n1 == n2 || p1 != n1 {
		t.Errorf("with %d findings, n focused %q, n again %q, then p %q; want two different findings and back to the first", before, n1, n2, p1)
	}
	// A rule filter hides the other findings, and n then visits only the findings left.
	var others, kept int
	eval("filter by rule", `(() => { const s = document.getElementById("f-rule"); s.value = "number-mismatch"; s.dispatchEvent(new Event("change")); })()`, nil)
	eval("count other findings", `[...document.querySelectorAll("li.finding")].filter(f => f.offsetParent !== null && f.dataset.rule !== "number-mismatch").length`, &others)
	eval("count kept findings", visible+`("number-mismatch")`, &kept)
	if others != 0 || kept == 0 {
		t.Errorf("filter by rule number-mismatch: %d findings before, %d others and %d number-mismatch visible after; want the others hidden", before, others, kept)
	}
	var filtered []string
	for range before {
		var f string
		do("press n", chromedp.KeyEvent("n"))
		eval("focused finding", focused, &f)
		filtered = append(filtered, f)
	}
	for _, f := range filtered {
		if !strings.HasPrefix(f, "number-mismatch ") {
			t.Errorf("with the filter on, n visited %q; want number-mismatch findings only (visited %v)", f, filtered)
			break
		}
	}
	eval("clear the filter", `(() => { const s = document.getElementById("f-rule"); s.value = ""; s.dispatchEvent(new Event("change")); })()`, nil)
	do("show a card beside the findings",
		chromedp.Evaluate[chromedp.Void](`document.querySelector('tr[data-segment="b8.s1"]').scrollIntoView({block: "start"}); window.scrollBy(0, -90)`),
		chromedp.Focus(css(`tr[data-segment="b8.s3"] td[data-lang="en"] mark[data-entry="hayashi-yoshimasa"]`)),
		chromedp.Sleep(100*time.Millisecond))
	screenshot("review-release.png")

	// The hostile release renders its payload as text and runs nothing.
	do("open the injection release", chromedp.Navigate(faulty+"/releases/2022-01-05-injection.html"), chromedp.WaitVisible(css("table.bitext")))
	var inj struct {
		Pwned  bool
		Images int
		Text   string
	}
	eval("inspect the injection release", `({Pwned: window.pwned !== undefined, Images: document.querySelectorAll("img").length,
		Text: document.querySelector("table.bitext").innerText})`, &inj)
	if inj.Pwned || inj.Images != 0 || !strings.Contains(inj.Text, "<script>window.pwned=1</script>") ||
		!strings.Contains(inj.Text, `"><img src=x onerror="window.pwned=2">`) || !strings.Contains(inj.Text, "␛[31m") {
		t.Errorf("injection release: script ran %v, %d images; want the payload as text, got:\n%s", inj.Pwned, inj.Images, inj.Text)
	}
}
