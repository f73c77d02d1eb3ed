// Package workspace finds and reads a relloc workspace: the folder holding relloc.toml, which names the source
// and target languages and where the glossary, the message catalogues and the releases live, and holds the
// configuration of `relloc check`.
//
// Find walks up from a directory like git does; Parse is the pure core that turns the bytes of relloc.toml into a
// Config, with errors that name path:line:col.
//
// ListReleases lists the release folders without reading a release file; a command then reads the releases it
// needs, one at a time (Releases.Load): relloc check streams them, and a command about one release (align,
// review, draft, release show) finds it by folder, path or front matter id (FindRelease, Releases.Find) and reads
// it alone. A release named by its folder or a path is found without listing the releases folder (ListNamed):
// only an id needs every release's front matter.
package workspace
