// Package workspace finds and reads a relloc workspace: the folder holding relloc.toml, which names the source
// and target languages and where the glossary, the message catalogues and the releases live, and holds the
// configuration of `relloc check`.
//
// Find walks up from a directory like git does; Parse is the pure core that turns the bytes of relloc.toml into a
// Config, with errors that name path:line:col.
package workspace
