// Package glossary is the diplomatic glossary: entries with an English term and its accepted variants, and for
// each target language an approved rendering, accepted variants, forbidden renderings and a policy (required,
// optional, omit).
//
// Parse is the pure core: it takes the bytes of every glossary file and returns a Glossary, or errors that name
// path:line:col. Positions come from go-toml's unstable parser, so that a duplicate id or a rendering that is also
// forbidden points at the line a translator has to fix. Load reads a folder of *.toml files.
package glossary
