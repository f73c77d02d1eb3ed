// Package glossedit edits glossary TOML files surgically: an added entry is appended to a file, a changed entry
// has its body re-rendered in place and a removed entry is cut out, while every comment, blank line and the
// order of the other entries stay as the translators wrote them.
//
// Apply is the pure core: it takes the files' bytes and a list of changes and returns the new bytes, re-parsed
// with glossary.Parse so that an edit can never produce an invalid glossary. Store is the I/O edge: it takes a
// lock file next to the glossary (gofrs/flock), re-reads the files under the lock so that concurrent editors lose
// nothing, and replaces each changed file atomically (google/renameio: temporary file, fsync, rename), so that a
// writer killed midway leaves the previous file intact. An edit of several files is all-or-nothing: the new
// files are written and synced first, then a small journal naming them commits the edit, then they are renamed;
// ReadDir reads a committed but unfinished edit as finished and the next Store.Edit completes it. This
// write-ahead journal is hand-written: no Go library replaces a set of files atomically (renameio does one).
//
// Plan and Merge are the semantics of imports: a file adds entries and gives fields of existing ones, and
// every field it does not give keeps its value; only a replacing import clears fields or removes entries.
//
// Render writes an entry in the layout of glossary/README.md. The TOML is written by hand rather than with
// go-toml's encoder because the layout (key order, one table per language, which empty keys to leave out) is
// part of what makes the files readable; strings are basic TOML strings with escapes.
package glossedit
