// Package index is relloc's persistent index of a workspace's releases, kept in .relloc/index.db under the
// workspace root: per release file its digest (size and modification time as a quick test, a SHA-256 of its
// contents to confirm), and per release what the commands about the whole archive need from it, computed once
// when it changes: its translation-memory units (tm search, draft), its glossary coverage figures and
// candidate-term phrases (coverage), and check's outcome in every target language (its findings as data, with
// their message ids and typed arguments, and its JUnit cases), which relloc check reports as it reports the
// findings it computes. All of it comes from one alignment of the release and one match pass per text
// (Analyse). The release files stay the source of truth: Open brings the index up to date with them before any
// query, re-reading only the releases whose files changed, and rebuilds it whole when it is missing, of another
// schema version, made from another glossary, configuration or relloc build, or unreadable (a truncated or
// corrupt file is removed and rebuilt, with a note on stderr).
//
// A warm open costs what cannot be skipped: one look (fstatat) at each release file, whose size and time it
// compares with the digests of the files, kept packed in one value in the order of the folders (appendFolder)
// and read in one go. Beside the database, .relloc/glossary.bin keeps the parsed glossary under the SHA-256 of
// its files and of the relloc build (Glossary), so that a command whose glossary has not changed decodes it
// instead of parsing its TOML; a glossary that changed, has errors, or whose copy cannot be read is parsed.
//
// What names a relloc build is its module, Go version, dependencies and build settings; for a build from a
// clean checkout the version control revision stands for its code, and otherwise (a developer's build with
// changes, vcs.modified=true, or no version control information) the executable's Go build ID does too, so that
// findings made by one build of the rules are never given back by another.
//
// The store is SQLite through modernc.org/sqlite, a pure-Go translation of SQLite (relloc stays a static
// binary built without cgo). SQLite rather than a key-value store such as bbolt because the index answers
// queries, not lookups by key: its FTS5 full-text index with the trigram tokenizer finds the segments holding
// a phrase by substring in every language, which a word tokenizer cannot do in Khmer and Japanese (written
// without spaces); secondary indexes (segment length, glossary entry), range reads of a primary key and
// transactions come with it. bbolt would have needed all of that written by hand over sorted keys.
//
// One writer at a time: Open takes .relloc/index.lock (gofrs/flock) while it compares and updates, so that two
// commands started together do not both rebuild; every update is one SQLite transaction in write-ahead-log
// mode, so that readers, in this process or another, see the index before or after an update, never half of
// one, and are not blocked by it. The writer only writes: the worker that read a release encodes its rows (its
// units' texts with their digests and normalised sources, its coverage figures, its findings' arguments), and
// the writer inserts each table's rows many to a statement, giving releases and texts their ids itself; a build
// makes the secondary indexes once every row is written.
//
// The translation memory (the units, their texts and normalised sources) is filled only when a command that
// reads it (tm search, concordance, draft: Config.Memory) first opens the index: the sync of that open reads
// every release again for its units alone, on every core, in its one transaction, keeping the rest of the index
// (memoryPart), and from then on every sync keeps the memory in step. The trade-off, measured at 10,000 releases
// on 2 cores shared with other work (user CPU, 6 alternated runs): check and coverage never read the memory, so
// a CI run on a fresh clone pays none of it (a cold check 12.8-15.1 s, median 14.1, against 14.5-17.7, median
// 15.9, when the build wrote the memory; peak RSS 231 against 273 MiB), and the translator's first lookup after
// a check pays one more reading of the archive, without check's rules and coverage (that tm search 13.1-16.0 s,
// median 14.9, against 1.5-2.0 s when only the trigram tables were left to fill; a rebuild of the whole index
// was 14.5-17.1 s, median 16.6). A lookup on a fresh clone builds the index with the memory at once.
// The units' texts are kept once each however many releases repeat them (a templated archive repeats its
// letterhead and formulas in every release), and their trigrams in tables that only tm search, draft and
// concordance read: a build leaves those empty, and the first command that needs one fills it from the stored
// texts (Index.fill), after which syncs keep it in step. Units with the same
// text give the same matches, so a lookup measures a text once and takes the first of its units in release
// order. Best, what draft asks for each sentence, looks up the query's normalised text by its digest first (an
// exact match ends the search), then the candidates of a high score, and reads whole only the candidates of
// the best score.
//
// The translation memory's candidate filter is what a CAT tool's fuzzy-match index does: posting lists of the
// trigrams of the texts' normalised sources, per trigram and length (texts_grams), with how many times each text
// holds the trigram, so that a lookup counts the trigrams each text of a length that can match shares with the
// query and tests in full only the texts that can share tm.Filter.Need of them. The count filter is the q-gram
// lemma as tm.Filter states it for the scores Lookup and Search compute; the lists counted are the query's
// rarest, as few as prefix filtering allows and more while a list costs less than the candidates it would rule
// out; countShared states the proof that no text the filter passes is left out.
//
// The pure part is Analyse, which turns an aligned release into what the index keeps of it; the store is
// the edge. Queries give the same results as the commands computing everything from the release files: Memory
// fetches the candidates of a lookup (tm.Filter) and looks them up in a tm.Memory of those, in the same order,
// and Coverage assembles the figures of each release with coverage.Assemble.
package index
