package reviewsite

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"

	"github.com/relloc/relloc/internal/finding"
	"github.com/relloc/relloc/internal/ui"
)

// indexView is the index page: one row per release and language.
type indexView struct {
	Head    page
	Summary string
	Rows    []indexRow
}

// indexRow is one language file of a release.
type indexRow struct {
	ID, Title, Date, Href  string
	Lang, Name             string
	Path                   string
	FileHref               template.URL
	Status                 string // the file's front matter status, "" when none
	Result                 string // "errors", "warnings", "clean", "missing"
	Errors, Warnings       int
	Stale                  int
	Coverage               string // "" for the source language or when nothing is measured
	CoverageValue          float64
	Occurrences, Rendered  int
	HasCoverage, HasErrors bool
}

func (m *model) indexPage() ([]byte, error) {
	v := indexView{Head: page{Title: m.ui.T("ReviewTitle", nil), Live: m.in.Live, Version: m.in.Version, Path: "index.html"}}
	var files, errs, warns, stale, occ, rendered int
	for _, bt := range m.in.Bitexts {
		r := bt.Release
		cov := m.coverageOf(bt)
		date := ""
		if !r.Date.IsZero() {
			date = r.Date.Format("2006-01-02")
		}
		for _, l := range m.langs {
			row := indexRow{ID: visible(r.ID), Title: visible(title(r, m.in.Source)), Date: date,
				Href: ReleasePath(r.ID), Lang: l.String(), Name: m.langName(l)}
			d := r.Doc(l)
			if d == nil {
				row.Result = "missing"
				v.Rows = append(v.Rows, row)
				continue
			}
			files++
			row.Path, row.FileHref, row.Status = d.Path, m.link(d.Path, 1, 1), visible(d.Front.Status)
			for _, f := range m.findings[r.ID] {
				if f.Lang != row.Lang && !(f.Lang == "" && f.Path == d.Path) {
					continue
				}
				switch {
				case f.Severity >= finding.Error:
					row.Errors++
				case f.Severity == finding.Warning:
					row.Warnings++
				}
				if f.Rule == "stale" {
					row.Stale++
				}
			}
			switch {
			case row.Errors > 0:
				row.Result = "errors"
			case row.Warnings > 0:
				row.Result = "warnings"
			default:
				row.Result = "clean"
			}
			if c, ok := cov[row.Lang]; ok {
				row.HasCoverage, row.CoverageValue = true, c.Coverage
				row.Occurrences, row.Rendered = c.Occurrences, c.Rendered
				occ += c.Occurrences
				rendered += c.Rendered
			}
			errs += row.Errors
			warns += row.Warnings
			stale += row.Stale
			v.Rows = append(v.Rows, row)
		}
	}
	p := m.ui
	parts := []string{p.N("ReviewReleaseCount", len(m.in.Bitexts)), p.N("FileCount", files), p.N("ErrorCount", errs),
		p.N("WarningCount", warns), p.N("ReviewStaleCount", stale)}
	if occ > 0 {
		parts = append(parts, p.T("ReviewCoverageSummary", ui.Args{"Rendered": rendered, "Occurrences": occ}))
	}
	v.Summary = strings.Join(parts, " · ")
	var b bytes.Buffer
	if err := m.pages.ExecuteTemplate(&b, "index.html", v); err != nil {
		return nil, fmt.Errorf("render index: %w", err)
	}
	return b.Bytes(), nil
}

// glossaryView is the glossary page.
type glossaryView struct {
	Head     page
	Langs    []column
	Releases []string
	Entries  []glossaryRow
	Summary  string
}

// glossaryRow is one entry with its use in the releases.
type glossaryRow struct {
	card
	Uses      int
	ByRelease []use
}

// use is how many times a release's English mentions an entry.
type use struct {
	Release, Href string
	Count         int
}

func (m *model) glossaryPage() ([]byte, error) {
	v := glossaryView{Head: page{Title: m.ui.T("ReviewGlossary", nil), Live: m.in.Live, Version: m.in.Version, Path: "glossary.html"}}
	for _, l := range m.in.Targets {
		v.Langs = append(v.Langs, column{Lang: l.String(), Name: m.langName(l)})
	}
	counts := make([]map[string]int, len(m.in.Bitexts))
	for i, bt := range m.in.Bitexts {
		counts[i] = m.usesOf(bt)
	}
	if m.in.Glossary != nil {
		for _, e := range m.in.Glossary.Entries {
			row := glossaryRow{card: m.card(e)}
			for i, bt := range m.in.Bitexts {
				if n := counts[i][e.ID]; n > 0 {
					row.Uses += n
					row.ByRelease = append(row.ByRelease, use{Release: visible(bt.Release.ID), Href: ReleasePath(bt.Release.ID), Count: n})
				}
			}
			v.Entries = append(v.Entries, row)
		}
	}
	v.Summary = m.ui.T("ReviewGlossarySummary", ui.Args{"Count": len(v.Entries)})
	var b bytes.Buffer
	if err := m.pages.ExecuteTemplate(&b, "glossary.html", v); err != nil {
		return nil, fmt.Errorf("render glossary page: %w", err)
	}
	return b.Bytes(), nil
}
