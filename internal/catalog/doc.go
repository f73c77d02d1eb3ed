// Package catalog loads relloc's message catalogues, the go-i18n v2 TOML files
// in the workspace's locale/ folder (active.en.toml, active.km.toml, ...), renders
// their messages through go-i18n's Localizer, and checks the translations
// against the source language.
//
// Parse is the pure core: it takes (path, bytes) pairs, so that tests and
// dry runs need no file system; Load is the thin loader reading a folder of an
// fs.FS. The language of a file comes from its name as in go-i18n
// (active.km.toml is Khmer). Every message keeps the file, line and column of
// its key, found with go-toml's unstable parser, so that problems point at
// path:line:col.
//
// Check applies four rules:
//
//   - catalog-missing: a message of the source language is absent from a
//     target, or a target has a message the source does not have.
//   - catalog-placeholder: the set of template fields ({{.A}}, {{.Count}}) used
//     by a translation, over all its plural forms, differs from the source's.
//   - catalog-untranslated: a translation equals the source text and contains
//     letters outside its template actions. A message whose description (in the
//     source or the target file) contains the marker [same-as-source] is exempt:
//     use it for acronyms such as ASEAN that a language keeps in Latin letters.
//   - catalog-plural: a plural form the language does not have under CLDR (one
//     in Khmer or Japanese), or, for a plural message (one whose source has a
//     form besides other), a form the language needs that is missing; every
//     message needs other. The forms of a language are found by asking
//     golang.org/x/text/feature/plural to classify sample numbers, not from a
//     hand-written list.
package catalog
