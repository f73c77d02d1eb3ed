package reviewsite

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/bitext"
	"github.com/relloc/relloc/internal/finding"
	"github.com/relloc/relloc/internal/release"
)

func build(t *testing.T, in Input) Site {
	t.Helper()
	s, err := Build(in)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestBuildPaths(t *testing.T) {
	s := build(t, fixture(t, nil))
	want := []string{"assets/review.css", "assets/review.js", "assets/terms.css", "glossary.html", "index.html",
		"releases/" + fixtureID + ".html"}
	if got := s.Paths(); !slices.Equal(got, want) {
		t.Errorf("paths:\ngot  %v\nwant %v", got, want)
	}
	for _, p := range s.Paths() {
		// Self-contained: nothing is fetched from another host.
		if m := regexp.MustCompile(`(?:src|href)="(?:https?:)?//`).FindString(string(s[p])); m != "" {
			t.Errorf("%s refers to another host: %s", p, m)
		}
	}
}

func TestReleaseRows(t *testing.T) {
	page := string(build(t, fixture(t, nil))["releases/"+fixtureID+".html"])
	ids, rowHTML := rows(page)
	if want := []string{"b1.s1", "b2.s1", "b3.s1", "b3.s2", "b4.s1"}; !slices.Equal(ids, want) {
		t.Fatalf("rows: got %v, want %v", ids, want)
	}
	tests := []struct {
		seg, lang string
		want      []string // substrings of the cell
	}{
		{"b2.s1", "en", []string{`<mark class="term g0" tabindex="0" data-entry="he" aria-describedby="card-he">H.E.</mark>`,
			`data-entry="deputy-prime-minister"`, `href="vscode://file/home/translator/press/releases/` + fixtureID + `/en.md:3:4"`}},
		{"b2.s1", "km", []string{`data-entry="he" aria-describedby="card-he">ឯកឧត្តម</mark>`, `lang="km"`, `km.md:3`}},
		{"b2.s1", "ja", []string{`data-entry="deputy-prime-minister" aria-describedby="card-deputy-prime-minister">副首相</mark>`, `lang="ja"`}},
		{"b3.s2", "ja", []string{`data-entry="exchange-of-visits" aria-describedby="card-exchange-of-visits">相互訪問</mark>`}},
	}
	for _, tt := range tests {
		c := cells(rowHTML[tt.seg])[tt.lang]
		for _, w := range tt.want {
			if !strings.Contains(c, w) {
				t.Errorf("%s %s: cell lacks %q\ncell: %s", tt.seg, tt.lang, w, c)
			}
		}
	}
	// The card of "he" shows every rendering and the Japanese policy.
	card := regexp.MustCompile(`(?s)<div class="card g0" id="card-he" role="tooltip" hidden>.*?</div>`).FindString(page)
	for _, w := range []string{"ឯកឧត្តម", `<span class="policy policy-omit" data-lang="ja">policy omit</span>`, "His Excellency",
		"MFAIC notices"} {
		if !strings.Contains(card, w) {
			t.Errorf("card of he lacks %q\ncard: %s", w, card)
		}
	}
	// Only entries used on the page get a card.
	if strings.Contains(page, `id="card-myanmar"`) {
		t.Error("the page has a card for myanmar, which it does not mention")
	}
}

func TestForbiddenTerm(t *testing.T) {
	in := fixture(t, func(lang, s string) string {
		if lang == "ja" {
			return strings.Replace(s, "2022年6月15日、プラック・ソコン副首相", "2022年6月15日、プラック・ソコン副総理", 1)
		}
		return s
	})
	_, rowHTML := rows(string(build(t, in)["releases/"+fixtureID+".html"]))
	if c := cells(rowHTML["b3.s1"])["ja"]; !strings.Contains(c, `<mark class="term g1 forbidden" tabindex="0" data-entry="deputy-prime-minister" aria-describedby="card-deputy-prime-minister">副総理</mark>`) {
		t.Errorf("副総理 is not marked as a forbidden rendering:\n%s", c)
	}
}

func TestEmptyCells(t *testing.T) {
	in := fixture(t, nil)
	bt := in.Bitexts[0]
	// A Khmer sentence the aligner could not pair: the English cell of its own segment is empty, and so is the
	// Khmer cell of the English sentence.
	seg := bt.Segments[3]
	km := seg.Sides[targets[0]]
	delete(seg.Sides, targets[0])
	extra := *seg
	extra.ID, extra.Block = "km.b3.s2", ""
	extra.Sides = map[language.Tag]*bitext.Side{targets[0]: km}
	bt.Segments = slices.Insert(bt.Segments, 4, &extra)
	_, rowHTML := rows(string(build(t, in)["releases/"+fixtureID+".html"]))
	tests := []struct{ seg, lang, want string }{
		{"b3.s2", "km", ` empty missing" lang="km" data-lang="km"><span class="empty-note" lang="en">missing: no Khmer sentence for this English</span>`},
		{"km.b3.s2", "en", `<span class="empty-note" lang="en">no English: the Khmer sentence has no English counterpart (extra)</span>`},
		{"km.b3.s2", "ja", `missing: no Japanese sentence for this English`},
		{"b3.s2", "ja", `相互訪問`},
	}
	for _, tt := range tests {
		if c := cells(rowHTML[tt.seg])[tt.lang]; !strings.Contains(c, tt.want) {
			t.Errorf("%s %s: got %s\nwant it to contain %s", tt.seg, tt.lang, c, tt.want)
		}
	}
}

func TestNoSourceFile(t *testing.T) {
	in := fixture(t, nil)
	r := in.Bitexts[0].Release
	delete(r.Docs, en)
	in.Bitexts[0] = alignLike(in, r)
	page := string(build(t, in)["releases/"+fixtureID+".html"])
	if ids, _ := rows(page); len(ids) != 0 || !strings.Contains(page, `<p class="nosource">This release has no English file`) {
		t.Errorf("a release without English: rows %v; want none and a note saying why", ids)
	}
	index := string(build(t, in)["index.html"])
	if !strings.Contains(index, `<tr class="result-missing" data-release="`+fixtureID+`" data-lang="en">`) {
		t.Errorf("the index does not show the English file as missing")
	}
}

func TestFindingPlacement(t *testing.T) {
	in := fixture(t, nil)
	dir := "releases/" + fixtureID
	in.Findings = []finding.Finding{
		{Path: dir + "/ja.md", Line: 5, Column: 66, Lang: "ja", Release: fixtureID, Segment: "b3.s2", Rule: "number-mismatch",
			Severity: finding.Error, Message: "2023 in the English is not in the Japanese", Expected: "2023", Found: "2022"},
		// No segment: placed by its line and column.
		{Path: dir + "/km.md", Line: 3, Column: 10, Lang: "km", Release: fixtureID, Rule: "khmer-encoding",
			Severity: finding.Warning, Message: "look-alike spelling"},
		// The whole file.
		{Path: dir + "/ja.md", Lang: "ja", Release: fixtureID, Rule: "stale", Severity: finding.Error,
			Message: "the English of b3.s2 changed", Expected: "The two Foreign Ministers agreed to resume the exchange of visits in 2022.",
			Found: "The two Foreign Ministers agreed to hold the next exchange of visits in 2022."},
	}
	page := string(build(t, in)["releases/"+fixtureID+".html"])
	_, rowHTML := rows(page)
	tests := []struct{ seg, lang, want string }{
		{"b3.s2", "ja", `<li class="finding sev-error" tabindex="-1" data-rule="number-mismatch" data-severity="error" data-lang="ja">`},
		{"b3.s2", "ja", `<dt>expected</dt><dd class="expected">2023</dd><dt>found</dt><dd class="found">2022</dd>`},
		{"b2.s1", "km", `data-rule="khmer-encoding" data-severity="warning" data-lang="km"`},
	}
	for _, tt := range tests {
		if c := cells(rowHTML[tt.seg])[tt.lang]; !strings.Contains(c, tt.want) {
			t.Errorf("%s %s: got %s\nwant it to contain %s", tt.seg, tt.lang, c, tt.want)
		}
	}
	if !strings.Contains(rowHTML["b3.s2"], `class="seg has-error"`) || !strings.Contains(rowHTML["b2.s1"], `class="seg has-warning"`) {
		t.Errorf("rows are not marked with their worst severity:\n%s\n%s", rowHTML["b3.s2"], rowHTML["b2.s1"])
	}
	loose := regexp.MustCompile(`(?s)<section class="loose">.*?</section>`).FindString(page)
	if !strings.Contains(loose, `data-rule="stale"`) || !strings.Contains(loose, `ja.md:1:1"`) || !strings.Contains(loose, "agreed to <del>hold</del> <ins>resume</ins> the <del>next</del> exchange of visits") {
		t.Errorf("the whole-file stale finding is not listed with its word diff:\n%s", loose)
	}
	for _, w := range []string{`<option value="khmer-encoding">`, `<option value="number-mismatch">`, `<option value="stale">`,
		`<span class="count sev-error">2 errors</span>`, `<span class="count sev-warning">1 warning</span>`} {
		if !strings.Contains(page, w) {
			t.Errorf("page lacks %q", w)
		}
	}
}

func TestIndex(t *testing.T) {
	in := fixture(t, nil)
	dir := "releases/" + fixtureID
	in.Findings = []finding.Finding{
		{Path: dir + "/ja.md", Line: 5, Lang: "ja", Release: fixtureID, Segment: "b3.s2", Rule: "stale", Severity: finding.Error},
		{Path: dir + "/ja.md", Line: 5, Lang: "ja", Release: fixtureID, Segment: "b3.s2", Rule: "number-mismatch", Severity: finding.Error},
		{Path: dir + "/km.md", Line: 3, Lang: "km", Release: fixtureID, Segment: "b2.s1", Rule: "khmer-encoding", Severity: finding.Warning},
	}
	page := string(build(t, in)["index.html"])
	if want := "1 release · 3 files · 2 errors · 1 warning · 1 stale sentence · glossary coverage"; !strings.Contains(page, want) {
		t.Errorf("summary: want %q in\n%s", want, page)
	}
	row := func(lang string) string {
		return regexp.MustCompile(`(?s)<tr class="result-[a-z]+" data-release="` + fixtureID + `" data-lang="` + lang + `">.*?</tr>`).FindString(page)
	}
	tests := []struct{ lang, want string }{
		{"en", `<tr class="result-clean"`},
		{"ja", `<tr class="result-errors"`},
		{"ja", `<td data-value="2" class="num sev-error">2</td>`},
		{"ja", `<td data-value="1" class="num">1</td>`}, // stale
		{"km", `<tr class="result-warnings"`},
		{"km", `<td data-value="100" class="num">100% <small>(`},
		{"en", `<td data-value="-1" class="num">—</td>`},
		{"km", `href="releases/` + fixtureID + `.html"`},
	}
	for _, tt := range tests {
		if r := row(tt.lang); !strings.Contains(r, tt.want) {
			t.Errorf("index row %s: got %s\nwant it to contain %s", tt.lang, r, tt.want)
		}
	}
}

func TestGlossaryPage(t *testing.T) {
	in := fixture(t, nil)
	second := parseRelease(t, fixtureID, "releases/2022-06-16-copy", nil)
	second.ID = "2022-06-16-copy"
	in.Bitexts = append(in.Bitexts, alignLike(in, second))
	page := string(build(t, in)["glossary.html"])
	entry := func(id string) string {
		return regexp.MustCompile(`(?s)<tr id="entry-` + id + `" class="entry-row">.*?</tr>`).FindString(page)
	}
	tests := []struct{ id, want string }{
		// H.E. appears four times in the English of each release.
		{"he", `<td data-value="8" class="num">8<details>`},
		{"he", `<li><a href="releases/2022-06-16-copy.html">2022-06-16-copy</a>: 4</li>`},
		{"he", `policy-omit`},
		{"myanmar", `<td data-value="0" class="num">0</td>`},
		{"deputy-prime-minister", `forbidden: <span lang="ja">副総理</span>`},
	}
	for _, tt := range tests {
		if e := entry(tt.id); !strings.Contains(e, tt.want) {
			t.Errorf("glossary row %s: got %s\nwant it to contain %s", tt.id, e, tt.want)
		}
	}
	if !strings.Contains(page, `<input type="search" id="glossary-search"`) {
		t.Error("the glossary page has no search field")
	}
	if n := strings.Count(page, `class="entry-row"`); n != len(in.Glossary.Entries) {
		t.Errorf("glossary page lists %d entries, want %d", n, len(in.Glossary.Entries))
	}
}

// TestUntrustedText: a release's text, a finding's message and a glossary note are data, never markup.
func TestUntrustedText(t *testing.T) {
	payloads := []string{`<script>alert(1)</script>`, `"><img src=x onerror=alert(2)>`, "\x1b[31mred\x1b[0m"}
	in := fixture(t, func(lang, s string) string {
		if lang == "en" {
			return strings.Replace(s, "The two Foreign Ministers", "The two Foreign Ministers ("+strings.Join(payloads, " ")+")", 1)
		}
		return s
	})
	in.Findings = []finding.Finding{{Path: "releases/" + fixtureID + "/ja.md", Lang: "ja", Release: fixtureID, Segment: "b3.s2",
		Rule: "untranslated", Severity: finding.Error, Message: payloads[1], Found: payloads[0]}}
	in.Glossary.Entries[0].Note = payloads[0] + payloads[2]
	s := build(t, in)
	for _, p := range []string{"releases/" + fixtureID + ".html", "glossary.html", "index.html"} {
		page := string(s[p])
		for _, bad := range []string{"<script>alert", "<img src=x", "\x1b"} {
			if strings.Contains(page, bad) {
				t.Errorf("%s contains %q raw", p, bad)
			}
		}
	}
	page := string(s["releases/"+fixtureID+".html"])
	for _, want := range []string{"&lt;script&gt;alert(1)&lt;/script&gt;", "&#34;&gt;&lt;img src=x onerror=alert(2)&gt;", "␛[31mred␛[0m"} {
		if !strings.Contains(page, want) {
			t.Errorf("release page lacks the escaped payload %q", want)
		}
	}
	if n := strings.Count(page, "<script"); n != 1 {
		t.Errorf("release page has %d script elements, want 1 (review.js)", n)
	}
}

func TestEditorLinks(t *testing.T) {
	tests := []struct {
		root, pattern, want string
	}{
		{"/srv/press office", "vscode://file{path}:{line}:{column}", `href="vscode://file/srv/press%20office/releases/` + fixtureID + `/km.md:3:4"`},
		{`C:\Users\press`, "vscode://file{path}:{line}:{column}", `href="vscode://file/C:/Users/press/releases/` + fixtureID + `/km.md:3:4"`},
		{"/srv/press office", "idea://open?file={path}&line={line}", `href="idea://open?file=/srv/press%20office/releases/` + fixtureID + `/km.md&amp;line=3"`},
		{"/srv/press office", "https://git.example.org/press/blob/main/{rel}#L{line}", `href="https://git.example.org/press/blob/main/releases/` + fixtureID + `/km.md#L3"`},
		{"/srv/press office", "javascript:alert(1)//{path}", ""},
		{"/srv/press office", "", ""},
	}
	for _, tt := range tests {
		in := fixture(t, nil)
		in.Editor, in.Root = tt.pattern, tt.root
		_, rowHTML := rows(string(build(t, in)["releases/"+fixtureID+".html"]))
		c := cells(rowHTML["b2.s1"])["km"]
		loc := regexp.MustCompile(`<a class="loc"[^>]*>`).FindString(c)
		got := regexp.MustCompile(`href="[^"]*"`).FindString(loc)
		if got != tt.want {
			t.Errorf("editor %q: got %s, want %s", tt.pattern, got, tt.want)
		}
		if !strings.Contains(c, ">km.md:3</a>") {
			t.Errorf("editor %q: the cell does not show its file and line: %s", tt.pattern, c)
		}
	}
}

func TestVisible(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain ឯកឧត្តម 副首相", "plain ឯកឧត្តម 副首相"},
		{"\x1b[31m", "␛[31m"},
		{"a\x00b\x7fc\u0085d", "a␀b␡c<U+0085>d"},
		{"tab\tand\nnewline", "tab\tand\nnewline"},
	}
	for _, tt := range tests {
		if got := visible(tt.in); got != tt.want {
			t.Errorf("visible(%q): got %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFileName(t *testing.T) {
	tests := []struct{ id, want string }{
		{fixtureID, fixtureID},
		{"../../etc/passwd", "r-"},
		{"2022 06 15", "r-"},
	}
	for _, tt := range tests {
		if got := fileName(tt.id); !strings.HasPrefix(got, tt.want) || strings.ContainsAny(got, "/ .") && tt.want == "r-" {
			t.Errorf("fileName(%q): got %q, want prefix %q", tt.id, got, tt.want)
		}
	}
	if fmt.Sprint(fileName("a/b")) == fileName("a b") {
		t.Error("two ids share a file name")
	}
}

// alignLike aligns r as the fixture's releases are.
func alignLike(in Input, r *release.Release) *bitext.Bitext {
	return bitext.Align(r, in.Source, in.Targets, in.Anchors)
}
