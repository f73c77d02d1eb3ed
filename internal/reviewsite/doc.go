// Package reviewsite renders relloc's review site: a self-contained static site (no CDN, no network) that shows
// every release side by side in its three languages, segment by segment, with the glossary terms highlighted in
// every column, the findings of check at their row, and a searchable glossary page.
//
// It is pure: Build takes releases already aligned (package bitext), findings already computed (package check)
// and the glossary, and returns the site's files in memory; writing them to a folder or serving them is the
// command layer's job. Handler serves the same pages from a live workspace, re-rendering a page when a file of
// its release changes.
//
// Release text is untrusted: every page is built with html/template, and control characters (a terminal escape
// sequence pasted from a console) are shown as their Unicode control pictures rather than passed through. The
// CSS and the small vanilla JavaScript are embedded; links between pages are relative, so the site works from
// file:// as well as from any static host.
//
// Written by hand because no library renders aligned bitext with glossary cards; html/template does the escaping.
package reviewsite
