package reviewsite

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/bitext"
	"github.com/relloc/relloc/internal/finding"
	"github.com/relloc/relloc/internal/glossary"
	"github.com/relloc/relloc/internal/localefmt"
	"github.com/relloc/relloc/internal/ui"
	"github.com/relloc/relloc/internal/worddiff"
)

// page is what every template gets.
type page struct {
	Title   string
	Base    string // relative path from the page to the site's root: "" or "../"
	Live    bool
	Version string
	Path    string // the page's site path
}

// column is one language of a release page.
type column struct {
	Lang string // BCP 47
	Name string // "Khmer"
	Path string // the file, "" when the release has none
	Href template.URL
}

// releaseView is a release page.
type releaseView struct {
	Head            page
	ID, Date, Place string
	Columns         []column
	Rows            []rowView
	// Loose are the findings that concern a whole file or a place no row covers.
	Loose []findingView
	// NoSource says why a release has no rows: it has no file in the source language to align with.
	NoSource   string
	Rules      []string
	Severities []string
	Errors     int
	Warnings   int
	Infos      int
	Cards      []template.HTML // rendered by cardHTML
}

// rowView is one aligned segment: a cell per language.
type rowView struct {
	ID       string
	Cells    []cellView
	Findings int
	Worst    string // most serious severity of the row's findings, "" when none
}

// cellView is one language's side of a segment.
type cellView struct {
	Lang     string
	Empty    string // why the cell is empty: "missing", "extra"; "" when it has text
	Note     string // what an empty cell says
	Parts    []part
	Loc      string // "km.md:41"
	Href     template.URL
	Findings []findingView
}

// part is a run of a cell's text: plain, or a glossary term.
type part struct {
	Text      string
	Entry     string // glossary entry id of a term
	Colour    int
	Forbidden bool
}

// findingView is a finding as shown.
type findingView struct {
	Rule, Severity, Lang, Message string
	Expected, Found               string
	// Diff is the word diff of a stale sentence: its English when the translation was made (Found) against its
	// English now (Expected).
	Diff []diffRun
	Loc  string
	Href template.URL
}

// diffRun is a run of words of a word diff: "del", "ins" or "" (shared).
type diffRun struct {
	Kind, Text string
}

// card is a glossary entry's card, shown on hover or focus of one of its terms.
type card struct {
	ID, Category  string
	Colour        int
	English       string
	EnVariants    string
	Renderings    []renderingView
	Note, Source  string
	CaseSensitive bool
}

type renderingView struct {
	Lang, Name, Term, Policy, Variants, Forbidden string
}

func (m *model) view(f finding.Finding) findingView {
	loc := f.Path
	if f.Line > 0 {
		loc = fmt.Sprintf("%s:%d:%d", f.Path, f.Line, f.Column)
	}
	v := findingView{Rule: f.Rule, Severity: f.Severity.String(), Lang: f.Lang, Message: visible(f.In(m.ui)),
		Expected: visible(f.Expected), Found: visible(f.Found), Loc: loc, Href: m.link(f.Path, f.Line, f.Column)}
	if f.Rule == "stale" && f.Expected != "" && f.Found != "" {
		if ops := worddiff.Diff(f.Found, f.Expected); worddiff.Changed(ops) {
			for _, op := range ops {
				kind := ""
				switch op.Kind {
				case worddiff.Del:
					kind = "del"
				case worddiff.Ins:
					kind = "ins"
				}
				v.Diff = append(v.Diff, diffRun{Kind: kind, Text: visible(strings.Join(op.Words, " "))})
			}
		}
	}
	return v
}

func (m *model) releasePage(bt *bitext.Bitext) ([]byte, error) {
	r := bt.Release
	v := releaseView{Head: page{Title: visible(title(r, m.in.Source)), Base: "../", Live: m.in.Live,
		Version: m.in.Version, Path: ReleasePath(r.ID)}, ID: visible(r.ID), Place: visible(r.Place)}
	if !r.Date.IsZero() {
		v.Date = m.date(r.Date)
	}
	for _, l := range m.langs {
		c := column{Lang: l.String(), Name: m.langName(l)}
		if d := r.Doc(l); d != nil {
			c.Path = d.Path
			c.Href = m.link(d.Path, 1, 1)
		}
		v.Columns = append(v.Columns, c)
	}
	if r.Doc(m.in.Source) == nil {
		v.NoSource = m.ui.T("ReviewNoSource", ui.Args{"Lang": m.langName(m.in.Source)})
	}
	used := map[string]bool{}
	rowOf := map[string]int{} // segment id → row
	for i, seg := range bt.Segments {
		rowOf[seg.ID] = i
		row := rowView{ID: seg.ID}
		for _, l := range m.langs {
			row.Cells = append(row.Cells, m.cell(bt, seg, l, used))
		}
		v.Rows = append(v.Rows, row)
	}
	rules, sevs := map[string]bool{}, map[string]bool{}
	for _, f := range m.findings[r.ID] {
		fv := m.view(f)
		rules[f.Rule], sevs[fv.Severity] = true, true
		switch {
		case f.Severity >= finding.Error:
			v.Errors++
		case f.Severity == finding.Warning:
			v.Warnings++
		default:
			v.Infos++
		}
		row, col := m.place(bt, rowOf, f)
		if row < 0 {
			v.Loose = append(v.Loose, fv)
			continue
		}
		c := &v.Rows[row].Cells[col]
		c.Findings = append(c.Findings, fv)
		v.Rows[row].Findings++
		if rank(fv.Severity) > rank(v.Rows[row].Worst) {
			v.Rows[row].Worst = fv.Severity
		}
	}
	v.Rules = sortedKeys(rules)
	for _, s := range []string{"error", "warning", "info"} {
		if sevs[s] {
			v.Severities = append(v.Severities, s)
		}
	}
	if m.in.Glossary != nil {
		for _, e := range m.in.Glossary.Entries {
			if used[e.ID] {
				c, err := m.cardHTML(e)
				if err != nil {
					return nil, err
				}
				v.Cards = append(v.Cards, c)
			}
		}
	}
	var b bytes.Buffer
	b.Grow(8<<10 + 3<<10*len(v.Rows) + 1<<10*len(v.Cards)) // about what a page of the seed release takes
	if err := m.pages.ExecuteTemplate(&b, "release.html", v); err != nil {
		return nil, fmt.Errorf("render %s: %w", r.ID, err)
	}
	return b.Bytes(), nil
}

func rank(sev string) int {
	switch sev {
	case "error":
		return 3
	case "warning":
		return 2
	case "info":
		return 1
	}
	return 0
}

// place finds the row and column of a finding: the row of its segment, else the row whose side of the finding's
// file covers its line; row -1 when none does.
func (m *model) place(bt *bitext.Bitext, rowOf map[string]int, f finding.Finding) (row, col int) {
	col = m.langIndex(f.Lang)
	if col < 0 {
		col = 0
		for i, l := range m.langs {
			if d := bt.Release.Doc(l); d != nil && d.Path == f.Path {
				col = i
			}
		}
	}
	if i, ok := rowOf[f.Segment]; ok && f.Segment != "" {
		return i, col
	}
	if f.Line == 0 {
		return -1, col
	}
	lang := m.langs[col]
	for i, seg := range bt.Segments {
		s := seg.Side(lang)
		if s == nil || s.Doc.Path != f.Path {
			continue
		}
		l1, c1 := s.Position()
		l2, c2 := s.EndPosition()
		after := f.Line > l1 || f.Line == l1 && f.Column >= c1
		before := f.Line < l2 || f.Line == l2 && f.Column <= c2
		if after && before {
			return i, col
		}
	}
	return -1, col
}

// cell renders one side of a segment with its glossary terms marked; used collects the entries met.
func (m *model) cell(bt *bitext.Bitext, seg *bitext.Segment, lang language.Tag, used map[string]bool) cellView {
	c := cellView{Lang: lang.String()}
	side := seg.Side(lang)
	if side == nil {
		switch {
		case bt.Release.Doc(lang) == nil:
			c.Empty, c.Note = "missing", m.ui.T("ReviewNoFile", ui.Args{"Lang": m.langName(lang)})
		case lang == m.in.Source:
			var others []string
			for _, l := range m.in.Targets {
				if seg.Side(l) != nil {
					others = append(others, m.langName(l))
				}
			}
			c.Empty, c.Note = "extra", m.ui.T("ReviewExtra", ui.Args{"Langs": strings.Join(others, m.ui.T("ReviewAnd", nil))})
		default:
			c.Empty, c.Note = "missing", m.ui.T("ReviewMissing", ui.Args{"Lang": m.langName(lang)})
		}
		return c
	}
	line, col := side.Position()
	c.Loc = fmt.Sprintf("%s:%d", baseName(side.Doc.Path), line)
	c.Href = m.link(side.Doc.Path, line, col)
	text := side.Text()
	var mt *glossaryMatcher
	if m.in.Anchors != nil {
		mt = &glossaryMatcher{m.in.Anchors, lang}
	}
	pos := 0
	for _, t := range mt.find(text) {
		if t.start < pos {
			continue
		}
		if t.start > pos {
			c.Parts = append(c.Parts, part{Text: visible(text[pos:t.start])})
		}
		c.Parts = append(c.Parts, part{Text: visible(text[t.start:t.end]), Entry: t.id, Colour: m.colour[t.id],
			Forbidden: t.forbidden})
		used[t.id] = true
		pos = t.end
	}
	if pos < len(text) {
		c.Parts = append(c.Parts, part{Text: visible(text[pos:])})
	}
	return c
}

type termSpan struct {
	start, end int
	id         string
	forbidden  bool
}

type glossaryMatcher struct {
	a    *bitext.Anchors
	lang language.Tag
}

func (g *glossaryMatcher) find(text string) []termSpan {
	if g == nil {
		return nil
	}
	tm := g.a.Matcher(g.lang)
	if tm == nil {
		return nil
	}
	var out []termSpan
	for _, mt := range tm.FindAll(text) {
		out = append(out, termSpan{mt.Start, mt.End, mt.ID, mt.Form == "forbidden"})
	}
	return out
}

func baseName(p string) string {
	if i := strings.LastIndex(p, "/"); i >= 0 {
		return p[i+1:]
	}
	return p
}

// cardHTML renders the tooltip card of a glossary entry once for every page that shows it.
func (m *model) cardHTML(e *glossary.Entry) (template.HTML, error) {
	if c, ok := m.cards.Load(e.ID); ok {
		return c.(template.HTML), nil
	}
	var b bytes.Buffer
	if err := m.pages.ExecuteTemplate(&b, "tooltip", m.card(e)); err != nil {
		return "", fmt.Errorf("render the card of %s: %w", e.ID, err)
	}
	// html/template escaped the card in its own context, an element of the page's body, which is where it goes.
	c := template.HTML(b.String())
	m.cards.Store(e.ID, c)
	return c, nil
}

// card builds the card of a glossary entry.
func (m *model) card(e *glossary.Entry) card {
	c := card{ID: e.ID, Category: string(e.Category), Colour: m.colour[e.ID], English: visible(e.EN.Term),
		EnVariants: visible(strings.Join(e.EN.Variants, ", ")), Note: visible(e.Note), Source: visible(e.Source),
		CaseSensitive: e.EN.CaseSensitive}
	for _, l := range m.in.Targets {
		r := e.Target(l)
		policy := string(r.Policy)
		if policy == "" {
			policy = string(glossary.Required)
		}
		c.Renderings = append(c.Renderings, renderingView{Lang: l.String(), Name: m.langName(l), Term: visible(r.Term),
			Policy: policy, Variants: visible(strings.Join(r.Variants, ", ")), Forbidden: visible(strings.Join(r.Forbidden, ", "))})
	}
	return c
}

// date writes a release's date as the page's reader writes dates (localefmt's long style: 18 November 2021,
// ១៨ វិច្ឆិកា ២០២១, 2021年11月18日), in English for a language localefmt does not write.
func (m *model) date(t time.Time) string {
	if s, err := localefmt.Date(m.ui.Lang, t, localefmt.Long); err == nil {
		return s
	}
	return t.Format("2 January 2006")
}
