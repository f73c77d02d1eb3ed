package index

import (
	"cmp"
	"context"
	"crypto/sha256"
	"database/sql"
	"database/sql/driver"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/gofrs/flock"
	"golang.org/x/text/language"
	"modernc.org/sqlite"

	"github.com/relloc/relloc/internal/bitext"
	"github.com/relloc/relloc/internal/check"
	"github.com/relloc/relloc/internal/coverage"
	"github.com/relloc/relloc/internal/draft"
	"github.com/relloc/relloc/internal/glossary"
	"github.com/relloc/relloc/internal/inputerr"
	"github.com/relloc/relloc/internal/release"
	"github.com/relloc/relloc/internal/safefile"
	"github.com/relloc/relloc/internal/tm"
)

const (
	// Dir is the folder of the index under the workspace root; it is git-ignored (workspace.GitIgnore).
	Dir = ".relloc"
	// FileName is the SQLite database in Dir.
	FileName = "index.db"
	// LockName is the lock file in Dir that the one writer holds.
	LockName = "index.lock"
	// SchemaVersion is the version of the tables; an index of another version is rebuilt.
	SchemaVersion = 14
)

// lockTimeout is how long Open waits by default for another relloc process updating the index.
const lockTimeout = 5 * time.Minute

// Config is what Open needs of the workspace.
type Config struct {
	Root     string // the workspace root
	Releases string // the folder of releases, absolute
	Source   language.Tag
	Targets  []language.Tag
	Glossary *glossary.Glossary
	// Check returns the run of check over every target language whose outcome the index keeps of each release,
	// with the glossary's term matchers; it is called only when a release has to be read.
	Check func() *check.Runner
	// Inputs are the bytes other than the release files that the entries depend on (relloc.toml, the glossary
	// files); when they change, the index is rebuilt.
	Inputs [][]byte
	// Rel turns a path into the path shown to users, relative to the workspace root, with slashes: the path of a
	// file of a folder is the folder's, a slash and the file's name.
	Rel func(string) string
	// Warn receives notes for the user (an index rebuilt because it was corrupt); nil: none.
	Warn io.Writer
	// LockTimeout is how long Open waits for another relloc process updating the index; 0: five minutes.
	LockTimeout time.Duration
	// Progress, when set, is called after each release read again with the number done and the total.
	Progress func(done, total int)
	// Memory says that the command reads the translation memory (Index.Memory): the sync of an index without it
	// (built by check or coverage, which never read it) fills it (memoryPart). An index that has it keeps it in
	// step whichever command syncs it.
	Memory bool
}

// Index is an open index, up to date with the release files when Open returned.
type Index struct {
	db    *sql.DB
	cfg   Config
	langs []language.Tag // the source, then the targets: the order of the forms columns
	mu    sync.Mutex
	// filled holds whether each trigram table (gramTables) tried is filled (usable).
	filled map[string]bool
	// Read counts the release folders Open read again.
	Read int
}

// Path returns the path of the index database of the workspace at root.
func Path(root string) string { return filepath.Join(root, Dir, FileName) }

// Open opens the index of the workspace, creating or rebuilding it when it is missing, of another schema
// version, made from other inputs, or corrupt, and brings it up to date with the release files. A release
// that does not parse is an input error, as when every release is read, and leaves the index as it was.
func Open(c Config) (*Index, error) {
	dir := filepath.Join(c.Root, Dir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	unlock, err := c.lock()
	if err != nil {
		return nil, err
	}
	defer unlock()
	ix, err := open(c)
	if isCorrupt(err) {
		c.warn("relloc: %s is damaged (%v); rebuilding it\n", c.rel(Path(c.Root)), err)
		if err := remove(c.Root); err != nil {
			return nil, err
		}
		ix, err = open(c)
	}
	return ix, err
}

// lock takes the lock of the one writer of the index, waiting at most Config.LockTimeout, and returns its
// release.
func (c Config) lock() (func(), error) {
	dir := filepath.Join(c.Root, Dir)
	lock := flock.New(filepath.Join(dir, LockName))
	wait := cmp.Or(c.LockTimeout, lockTimeout)
	ctx, cancel := context.WithTimeout(context.Background(), wait)
	defer cancel()
	if ok, err := lock.TryLockContext(ctx, 10*time.Millisecond); err != nil || !ok {
		return nil, fmt.Errorf("index: another relloc process has been updating %s for over %s: %v", c.rel(dir), wait, err)
	}
	return func() { _ = lock.Unlock() }, nil
}

// walParams are the settings of the index in use: write-ahead log, so that readers are not blocked by the
// writer and see its transactions whole; synced at checkpoints (a crash loses at most the last transactions,
// never the database's integrity); a page cache of 16 MiB, as the lookups of one draft read the same pages
// again.
const walParams = "_pragma=busy_timeout(60000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_txlock=immediate" +
	"&_pragma=cache_size(-16384)"

// buildParams are the settings of a new index being built in a file of its own (build): no reader sees that
// file before it is renamed into place and a crash leaves only that file, which the next build replaces, so its
// journal is kept in memory, writes do not wait for the disk, and the page cache is larger than the default.
const buildParams = "_pragma=journal_mode(MEMORY)&_pragma=synchronous(OFF)&_pragma=cache_size(-32768)&_txlock=immediate"

// openDB opens the database at path with params.
func openDB(c Config, path, params string) (*Index, error) {
	db, err := sql.Open("sqlite", "file:"+filepath.ToSlash(path)+"?"+params)
	if err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	return &Index{db: db, cfg: c, langs: append([]language.Tag{c.Source}, c.Targets...), filled: map[string]bool{}}, nil
}

// open opens the database, builds it anew when it is missing or not current (another schema version, other
// inputs), and syncs it.
func open(c Config) (*Index, error) {
	ix, err := openDB(c, Path(c.Root), walParams)
	if err != nil {
		return nil, err
	}
	ok, err := ix.current()
	if err != nil {
		ix.db.Close()
		return nil, err
	}
	if !ok {
		ix.db.Close()
		if err := remove(c.Root); err != nil {
			return nil, err
		}
		built, err := build(c)
		if err != nil {
			return nil, err
		}
		if ix, err = openDB(c, Path(c.Root), walParams); err != nil {
			return nil, err
		}
		// A build is a sync: the index holds each file as it was read, as a command without the index sees it.
		// A file changed since it was read is found by the next sync, by its time, or by its contents when the
		// change came within the time's resolution of the read (racy).
		ix.Read = built
		return ix, nil
	}
	if err := ix.sync(); err != nil {
		ix.db.Close()
		return nil, err
	}
	return ix, nil
}

// build makes a new index of the workspace in a file of its own next to the index (index.db.new), without
// waiting for the disk at each write, then syncs it to disk once and renames it into place, so that a crash
// never leaves a half index where the index is read. It returns the number of release folders read.
func build(c Config) (int, error) {
	tmp := Path(c.Root) + ".new"
	for _, p := range []string{tmp, tmp + "-journal"} {
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return 0, fmt.Errorf("index: %w", err)
		}
	}
	ix, err := openDB(c, tmp, buildParams)
	if err != nil {
		return 0, err
	}
	ix.db.SetMaxOpenConns(1) // one connection: the journal mode is changed on the one that wrote
	fail := func(err error) (int, error) {
		ix.db.Close()
		os.Remove(tmp)
		return 0, err
	}
	if err := ix.create(); err != nil {
		return fail(err)
	}
	if err := ix.sync(); err != nil {
		return fail(err)
	}
	if err := ix.createIndexes(); err != nil {
		return fail(err)
	}
	if _, err := ix.db.Exec(`PRAGMA journal_mode = WAL`); err != nil {
		return fail(fmt.Errorf("index: %w", err))
	}
	if err := ix.db.Close(); err != nil {
		return fail(fmt.Errorf("index: %w", err))
	}
	f, err := os.Open(tmp)
	if err == nil {
		err = f.Sync()
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err == nil {
		err = os.Rename(tmp, Path(c.Root))
	}
	if err != nil {
		os.Remove(tmp)
		return 0, fmt.Errorf("index: %w", err)
	}
	return ix.Read, nil
}

// Close closes the database.
func (ix *Index) Close() error { return ix.db.Close() }

func (c Config) rel(p string) string {
	if c.Rel == nil {
		return p
	}
	return c.Rel(p)
}

func (c Config) warn(format string, a ...any) {
	if c.Warn != nil {
		fmt.Fprintf(c.Warn, format, a...)
	}
}

// remove deletes the index database of the workspace at root, with its write-ahead log.
func remove(root string) error {
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if err := os.Remove(Path(root) + suffix); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("index: %w", err)
		}
	}
	return nil
}

// isCorrupt reports whether err says that the database file is damaged or no database.
func isCorrupt(err error) bool {
	if errors.Is(err, errDamaged) {
		return true
	}
	var e *sqlite.Error
	if !errors.As(err, &e) {
		return false
	}
	switch e.Code() & 0xff {
	case 11, 26: // SQLITE_CORRUPT, SQLITE_NOTADB
		return true
	}
	return false
}

// key is the digest of everything besides the release files that the index's contents depend on: the schema,
// relloc's build (buildKey: its rules and analysis), the languages and Config.Inputs (the configuration, with
// check's severities, allowances and ignores, and the glossary).
func (c Config) key() string {
	h := sha256.New()
	fmt.Fprintf(h, "schema %d\n%s", SchemaVersion, buildKey())
	fmt.Fprintf(h, "source %s targets %v\n", c.Source, c.Targets)
	for _, in := range c.Inputs {
		fmt.Fprintf(h, "%d\n", len(in))
		h.Write(in)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// current reports whether the index holds tables of this schema version made from these inputs, saying why it
// is rebuilt when it was made by another version of relloc; false, without an error, when it has no tables.
func (ix *Index) current() (bool, error) {
	var schema, key string
	err := ix.db.QueryRow(`SELECT (SELECT value FROM meta WHERE key = 'schema'), (SELECT value FROM meta WHERE key = 'key')`).Scan(&schema, &key)
	switch {
	case err == nil && schema == strconv.Itoa(SchemaVersion) && key == ix.cfg.key():
		return true, nil
	case err == nil && schema != strconv.Itoa(SchemaVersion):
		ix.cfg.warn("relloc: %s was written by another version of relloc (schema %s, not %d); rebuilding it\n",
			ix.cfg.rel(Path(ix.cfg.Root)), schema, SchemaVersion)
	case err != nil && !strings.Contains(err.Error(), "no such table"):
		return false, fmt.Errorf("index: %w", err)
	}
	return false, nil
}

// secondaryIndexes are the indexes of the tables besides their primary keys. A build makes them once its rows
// are written (build), which sorts each once where inserting row by row into them cost a search of each per row.
var secondaryIndexes = append(memoryIndexes[:len(memoryIndexes):len(memoryIndexes)],
	// The order of relloc check's report, so that check reads the stored outcomes in it as stored, with no
	// sort of every release's cases (EachOutcome).
	`CREATE INDEX releases_order ON releases (release, dir)`)

// memoryIndexes are the secondary indexes of the memory's tables, which a fill of the memory also makes once its
// rows are written (endFill).
var memoryIndexes = []string{
	`CREATE INDEX norms_nhash ON norms (nhash)`,
	`CREATE INDEX norms_len ON norms (len)`,
	`CREATE INDEX units_text ON units (text, release, pos)`,
}

// sortCache is the page cache, in KiB as PRAGMA cache_size takes it negative, of a connection making secondary
// indexes: the sorter of CREATE INDEX holds as much in memory as the page cache may, and a small cache keeps a
// build's peak memory that of check without the index, sorting in runs on disk (a fill of the memory at 10,000
// releases: peak RSS 320-323 MiB with the index's 16 MiB cache, 293-297 MiB with this one).
const sortCache = -4096

// createIndexes makes the secondary indexes of a new index once its rows are written.
func (ix *Index) createIndexes() error {
	for _, s := range append([]string{fmt.Sprintf(`PRAGMA cache_size = %d`, sortCache)}, secondaryIndexes...) {
		if _, err := ix.db.Exec(s); err != nil {
			return fmt.Errorf("index: create indexes: %w", err)
		}
	}
	return nil
}

// create makes the tables of a new index in one transaction, without their secondary indexes.
func (ix *Index) create() error {
	tx, err := ix.db.Begin()
	if err != nil {
		return fmt.Errorf("index: %w", err)
	}
	defer tx.Rollback()
	for _, s := range append([]string{
		`CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
		// One row per release folder: its id, its coverage figures in every target language and its candidate
		// phrases (JSON).
		`CREATE TABLE releases (id INTEGER PRIMARY KEY, dir TEXT NOT NULL UNIQUE, release TEXT NOT NULL,
			coverage TEXT NOT NULL, phrases TEXT NOT NULL)`,
		// The digests of every folder's files, in one row: the records of the folders packed in one value in the
		// order of their paths (see appendFolder), which a warm open reads in one go.
		`CREATE TABLE digests (id INTEGER PRIMARY KEY CHECK (id = 1), folders BLOB NOT NULL)`,
		`INSERT INTO digests (id, folders) VALUES (1, x'')`,
		// The distinct texts of the units, once each however many releases repeat them (a templated archive
		// repeats its letterhead and formulas in every release): text is the JSON object of the unit's languages.
		// Units with the same text give the same matches, so a lookup measures each text once and takes the first
		// of its units. A sync finds a text by its normalised source's digest (norms.nhash), which few texts share.
		`CREATE TABLE texts (id INTEGER PRIMARY KEY, text TEXT NOT NULL)`,
		// Each text's normalised source (tm.Normalize), the digest of norm and its length in code points, what a
		// lookup reads of each of its candidates, in a table of their own so that they fill few pages.
		`CREATE TABLE norms (id INTEGER PRIMARY KEY, nhash INTEGER NOT NULL, len INTEGER NOT NULL,
			norm TEXT NOT NULL)`,
		// The translation-memory units in release order, each naming its text, and its release's id as the
		// releases row has it: units_text orders the units of a text as a memory of every release does (by release
		// id, then position), so that a lookup reads the first unit of a text that the archive repeats in every
		// release without reading the others. The table is kept in the order of the units' folders and positions
		// (WITHOUT ROWID, keyed by them), as files is.
		`CREATE TABLE units (rel INTEGER NOT NULL, pos INTEGER NOT NULL, segment TEXT NOT NULL,
			text INTEGER NOT NULL, release TEXT NOT NULL, PRIMARY KEY (rel, pos)) WITHOUT ROWID`,
		// Posting lists of the trigrams of each text's normalised source, for the memory's candidate filter: per
		// trigram and length in code points, the texts of that length holding it and how many times each does
		// (postingList), so that a lookup counts the trigrams each text shares with the query (tm.Filter.Need)
		// from the lists of the query's rarest trigrams at the lengths that can match (countShared). A row holds a
		// trigram's lists at the lengths of one zone (zoneWidth), with a directory of their lengths, numbers of
		// texts and sizes first, which a query of the directory alone reads without the lists. Filled the first
		// time a lookup needs it (Index.fill), not by the build, and kept in step from then on (gramChanges). The
		// rows are found by texts_grams_key, not kept in a b-tree of their own key (WITHOUT ROWID): a row whose
		// lists overflow its page is read whole by each comparison of a search of such a b-tree, where an index
		// of the key alone compares the key and reads the row once; the directories of a lookup's trigrams were
		// read at 10 to 20 µs a row at 10,000 releases.
		`CREATE TABLE texts_grams (gram TEXT NOT NULL, zone INTEGER NOT NULL, dir BLOB NOT NULL, posts BLOB NOT NULL)`,
		`CREATE UNIQUE INDEX texts_grams_key ON texts_grams (gram, zone)`,
		// Trigrams of each text's matching forms in every language, one after the other on lines of their own
		// (Index.forms), for concordance's filter: which texts hold every trigram of a phrase's form, not where
		// (detail=none), which finds each text holding the phrase and a few more that the memory's concordance
		// leaves out; a column per language with positions cost four times as much to fill. Filled the first
		// time a concordance needs it, as texts_grams.
		`CREATE VIRTUAL TABLE texts_fts USING fts5 (forms, content='', contentless_delete=1, detail=none,
			tokenize='trigram case_sensitive 1')`,
	}, checkTables...) {
		if _, err := tx.Exec(s); err != nil {
			return fmt.Errorf("index: create tables: %w", err)
		}
	}
	if _, err := tx.Exec(`INSERT INTO meta (key, value) VALUES ('schema', ?), ('key', ?)`,
		strconv.Itoa(SchemaVersion), ix.cfg.key()); err != nil {
		return fmt.Errorf("index: %w", err)
	}
	if ix.cfg.Memory {
		if err := markFilled(tx, memoryPart); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// file is the digest of one release file.
type file struct {
	name        string // its name in its folder
	size, mtime int64
	hash        []byte
}

// folder is a release folder as found on disk, with the digests of its files.
type folder struct {
	dir   string // as Config.Rel gives it
	abs   string
	files []file
	// rel is the id of the folder's releases row when the index keeps the folder as it is and a fill of the
	// memory reads only its units (fillsMemory); 0 for a folder read whole.
	rel int64
	// link says that the folder is a symbolic link (one found inside the workspace by scan), whose files are
	// read as release.ReadDir reads them; a plain folder of the releases folder is inside the workspace as the
	// releases folder is, and its files are read without checking the folder again (release.ReadDirInside).
	link bool
}

// path returns the path of the folder's file f as Config.Rel gives it: the folder's path and the file's name, as
// filepath.Join and Config.Rel would give them, without cleaning and relating a path again for each of the
// archive's files.
func (f *folder) path(x file) string { return f.dir + "/" + x.name }

// scan lists the release folders, as release.LoadAll finds them, in the order of their paths (os.ReadDir sorts
// by name), and calls each with each folder and the size and modification time of its files, one at a time, so
// that the caller keeps only the folders it needs; the folder's files are valid during the call, and each copies
// those it keeps. A folder that is a link out of the workspace is an input error; all of them are returned
// together after the others were given to each.
func (c Config) scan(each func(folder) error) error {
	if err := safefile.Within(c.Root, c.Releases, c.rel(c.Releases)); err != nil {
		return err
	}
	ents, err := os.ReadDir(c.Releases)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("read releases: %w", err)
	}
	stat, err := openFolderStat(c.Releases)
	if err != nil {
		return fmt.Errorf("read releases: %w", err)
	}
	defer stat.close()
	var (
		errs  inputerr.List
		names []string // of the files of a folder, in the order of the languages
		files []file
	)
	for _, lang := range append([]language.Tag{c.Source}, c.Targets...) {
		names = append(names, lang.String()+".md")
	}
	// A folder's path and the path shown of it are the releases folder's and its name, as filepath.Join and
	// Config.Rel would give them (Config.Rel says so of the files of a folder), without cleaning and relating a
	// path again for each of the archive's folders.
	absPrefix, relPrefix := c.Releases, c.rel(c.Releases)+"/"
	if !strings.HasSuffix(absPrefix, string(filepath.Separator)) {
		absPrefix += string(filepath.Separator)
	}
	if relPrefix == "./" {
		relPrefix = ""
	}
	var (
		dirs  []string   // the folders of a batch that are looked into
		links []bool     // links[i] says that dirs[i] is a symbolic link
		stats []fileStat // of their files
	)
	for start := 0; start < len(ents); start += statBatch {
		batch := ents[start:min(start+statBatch, len(ents))]
		dirs = dirs[:0]
		links = links[:0]
		for _, e := range batch {
			abs := absPrefix + e.Name()
			if e.Type()&fs.ModeSymlink != 0 {
				if err := safefile.Within(c.Root, abs, c.rel(abs)); err != nil {
					var ie *inputerr.Error
					if errors.As(err, &ie) {
						errs = append(errs, ie)
						continue
					}
					return err
				}
				if st, err := os.Stat(abs); err != nil || !st.IsDir() {
					continue
				}
			} else if !e.IsDir() {
				continue
			}
			dirs, links = append(dirs, e.Name()), append(links, e.Type()&fs.ModeSymlink != 0)
		}
		clear(batch) // what is left of the listing is only the names to come
		stats = stat.statAll(dirs, names, stats)
		for i, dir := range dirs {
			files = files[:0]
			for j, name := range names {
				switch st := stats[i*len(names)+j]; {
				case st.dangling:
					// A dangling link: release.ReadDir reports it.
					files = append(files, file{name: name, size: -1})
				case errors.Is(st.err, fs.ErrNotExist):
				case st.err != nil:
					return fmt.Errorf("read release: %w", st.err)
				default:
					files = append(files, file{name: name, size: st.size, mtime: st.mtime})
				}
			}
			if len(files) > 0 {
				if err := each(folder{dir: relPrefix + dir, abs: absPrefix + dir, files: files, link: links[i]}); err != nil {
					return err
				}
			}
		}
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// sync brings the index up to date with the release folders: a folder whose files' sizes and modification
// times are those recorded is unchanged; one whose sizes are but not its times is unchanged if its files'
// contents hash as recorded (the times are updated); any other is read again, and a folder gone is removed.
// The changes are written in one transaction.
func (ix *Index) sync() error {
	start := time.Now()
	// The folders found and the folders stored, both in the order of their paths, are compared as two streams:
	// only what changed is kept, never a record of every folder found or every file stored. A folder found out
	// of order is read again (the one stored counted gone), which is slower but never wrong.
	state, err := ix.storedState()
	if err != nil {
		return err
	}
	filling, err := ix.fillsMemory()
	if err != nil {
		return err
	}
	stored, err := newStoredFolders(state)
	if err != nil {
		return err
	}
	var (
		changed []folder
		kept    []folder  // when filling the memory: the folders unchanged, whose units alone are read
		touched []retimed // files whose contents are as recorded, with their new time
		gone    []int64   // folders gone or read again
	)
	goneID := func(id int64) { gone = append(gone, id) }
	err = ix.cfg.scan(func(f folder) error {
		k, err := stored.upTo(f.dir, goneID)
		if err != nil {
			return err
		}
		if k == nil {
			f.files = slices.Clone(f.files)
			changed = append(changed, f)
			return nil
		}
		if files, same := k.same(f); same {
			for _, f := range files {
				touched = append(touched, retimed{k.id, f})
			}
			if filling {
				f.files, f.rel = slices.Clone(f.files), k.id
				kept = append(kept, f)
			}
		} else {
			f.files = slices.Clone(f.files)
			changed = append(changed, f)
			gone = append(gone, k.id)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if _, err := stored.upTo("", goneID); err != nil {
		return err
	}
	if len(changed) == 0 && len(gone) == 0 && len(touched) == 0 && !filling {
		return nil
	}
	tx, err := ix.db.Begin()
	if err != nil {
		return fmt.Errorf("index: %w", err)
	}
	defer tx.Rollback()
	filled, err := filledTables(tx)
	if err != nil {
		return err
	}
	var grams *gramChanges // the changes to texts_grams, when it is filled
	if filled[gramsTable] {
		grams = newGramChanges()
	}
	if filling {
		if err := beginFill(tx); err != nil {
			return err
		}
	}
	// The texts of the releases gone, which may be no unit's text once they are deleted.
	var orphans []int64
	for _, id := range gone {
		ids, err := queryInts(tx, folderTextsQuery, id)
		if err != nil {
			return err
		}
		orphans = append(orphans, ids...)
		for _, s := range append(folderGone[:len(folderGone):len(folderGone)], checkGone...) {
			if _, err := tx.Exec(s, id); err != nil {
				return fmt.Errorf("index: %w", err)
			}
		}
	}
	retimedFiles := map[int64][]file{}
	for _, t := range touched {
		t.mtime = racy(t.mtime, start)
		retimedFiles[t.rel] = append(retimedFiles[t.rel], t.file)
	}
	add, err := ix.read(tx, append(changed, kept...), start, filled[memoryPart] || filling, filled, grams)
	if err != nil {
		return err
	}
	if filling {
		if err := endFill(tx); err != nil {
			return err
		}
	}
	goneIDs := make(map[int64]bool, len(gone))
	for _, id := range gone {
		goneIDs[id] = true
	}
	packed, err := repack(state, goneIDs, retimedFiles, add)
	if err != nil {
		return err
	}
	if _, err := tx.Exec(`UPDATE digests SET folders = ? WHERE id = 1`, packed); err != nil {
		return fmt.Errorf("index: %w", err)
	}
	for _, id := range orphans {
		var used bool
		if err := tx.QueryRow(`SELECT EXISTS (SELECT 1 FROM units WHERE text = ?)`, id).Scan(&used); err != nil {
			return fmt.Errorf("index: %w", err)
		}
		if used {
			continue
		}
		var (
			length int
			norm   string
		)
		if err := tx.QueryRow(`SELECT len, norm FROM norms WHERE id = ?`, id).Scan(&length, &norm); err != nil {
			return fmt.Errorf("index: %w", err)
		}
		grams.remove(id, length, norm)
		dels := []string{`DELETE FROM norms WHERE id = ?`, `DELETE FROM texts WHERE id = ?`}
		if filled[formsTable] {
			dels = append(dels, `DELETE FROM `+formsTable+` WHERE rowid = ?`)
		}
		for _, d := range dels {
			if _, err := tx.Exec(d, id); err != nil {
				return fmt.Errorf("index: %w", err)
			}
		}
	}
	if err := grams.write(tx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("index: %w", err)
	}
	ix.Read = len(changed) + len(kept)
	return nil
}

// The statements of a sync about one stored folder (rel, an id of releases): the texts of its units, its rows
// removed. Each finds the folder's rows by a key.
const folderTextsQuery = `SELECT DISTINCT text FROM units WHERE rel = ?`

var folderGone = []string{`DELETE FROM units WHERE rel = ?`, `DELETE FROM releases WHERE id = ?`}

// retimed is a file of the stored folder rel whose contents are as recorded, with its new time.
type retimed struct {
	rel int64
	file
}

// storedState reads the packed digests of the release files (see appendFolder), with a connection that keeps
// few of their pages (passCache).
func (ix *Index) storedState() (string, error) {
	conn, done, err := ix.passConn()
	if err != nil {
		return "", err
	}
	defer done()
	var state string
	switch err := conn.QueryRowContext(context.Background(), `SELECT folders FROM digests WHERE id = 1`).Scan(&state); {
	case errors.Is(err, sql.ErrNoRows):
		return "", fmt.Errorf("index: %w", errDamaged)
	case err != nil:
		return "", fmt.Errorf("index: %w", err)
	}
	return state, nil
}

// passCache is the page cache, in KiB as PRAGMA cache_size takes it negative, of a connection reading whole
// tables in one pass (sync's stored files, check's stored outcomes): a page read once need not be kept, and a
// cache that fills as the archive grows, up to the 16 MiB that lookups are given, made check's memory grow with
// the archive (warm check's peak RSS, median of 3: 99 → 126 MiB from 10,000 to 20,000 releases; 82 → 98 MiB
// with this cache).
const passCache = -2048

// passConn returns a connection of the pool with the page cache passCache, and a function that gives it back to
// the pool with its cache as it was.
func (ix *Index) passConn() (*sql.Conn, func(), error) {
	ctx := context.Background()
	conn, err := ix.db.Conn(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("index: %w", err)
	}
	var was int64
	if err := conn.QueryRowContext(ctx, `PRAGMA cache_size`).Scan(&was); err != nil {
		conn.Close()
		return nil, nil, fmt.Errorf("index: %w", err)
	}
	if _, err := conn.ExecContext(ctx, fmt.Sprintf(`PRAGMA cache_size = %d`, passCache)); err != nil {
		conn.Close()
		return nil, nil, fmt.Errorf("index: %w", err)
	}
	return conn, func() {
		// A connection whose cache cannot be set back is dropped from the pool rather than kept small.
		if _, err := conn.ExecContext(ctx, fmt.Sprintf(`PRAGMA cache_size = %d`, was)); err != nil {
			conn.Raw(func(any) error { return driver.ErrBadConn })
		}
		conn.Close()
	}, nil
}

// racy returns the modification time to record for a file read at start: 0 when the file was modified so
// shortly before that a change within the file system's time resolution could leave the time as it is, so that
// the next sync compares its contents.
func racy(mtime int64, start time.Time) int64 {
	if mtime >= start.Add(-2*time.Second).UnixNano() {
		return 0
	}
	return mtime
}

// read is what the index keeps of a folder read again: its entry and the digests of its files, with the
// values of its rows that are encoded, made by the worker that read it so that the one writer only writes.
type read struct {
	folder
	entry   Entry
	texts   []unitText // of entry.Units, in order
	columns columns
}

// columns are the encoded values of an entry's rows: its coverage figures, candidate phrases and cases (JSON)
// and each of its findings' message arguments (encodeArgs; null for none).
type columns struct {
	coverage, phrases, cases string
	args                     []sql.NullString
}

// encodeColumns encodes the values of the rows of e.
func encodeColumns(e Entry) (columns, error) {
	var c columns
	for _, v := range []struct {
		to *string
		v  any
	}{{&c.coverage, e.Coverage}, {&c.phrases, e.Phrases}, {&c.cases, e.Cases}} {
		data, err := json.Marshal(v.v)
		if err != nil {
			return columns{}, fmt.Errorf("index: %w", err)
		}
		*v.to = string(data)
	}
	var err error
	c.args, err = findingArgs(e.Findings)
	return c, err
}

// unitText is what the writer stores of a unit's text, computed by the worker that read its release so that
// the one writer only writes.
type unitText struct {
	text  string  // the JSON object of its languages
	key   textKey // by which the writer knows the texts it inserted
	norm  string  // its normalised source
	nhash int64   // digest(norm)
	runes int     // norm's length in code points
}

// textKey is a 128-bit digest of a unit's text by which a writer knows the texts it inserted: two hash/maphash
// digests with seeds of their own, random in each process (a key is compared only within one writer), so that
// two texts share one with a chance of about 2^-128, and no input can be made to collide without the seeds. It
// is cheaper than the SHA-256 it replaces, which a key does not need: maphash runs on the AES instructions.
type textKey [2]uint64

var textSeeds = [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}

func keyOf(data []byte) textKey {
	return textKey{maphash.Bytes(textSeeds[0], data), maphash.Bytes(textSeeds[1], data)}
}

// unitTexts returns the unitText of each unit.
func unitTexts(source string, units []tm.Unit) []unitText {
	out := make([]unitText, len(units))
	var data []byte
	for i, u := range units {
		data = appendTextJSON(data[:0], u.Text)
		t := &out[i]
		t.text = string(data)
		t.key = keyOf(data)
		t.norm = tm.Normalize(u.Text[source])
		t.nhash, t.runes = digest(t.norm), utf8.RuneCountInString(t.norm)
	}
	return out
}

// readBatchSize is the most release folders a worker of Index.read takes at once (analyser.readBatch): it holds
// their releases, parsed, with their views' match passes, besides what it has analysed and not yet handed on.
const readBatchSize = 16

// analyser reads release folders for the writer, on any number of goroutines at once.
type analyser struct {
	c       Config
	start   time.Time // when the sync began (racy)
	memory  bool      // whether the index keeps the releases' translation-memory units
	ck      *check.Runner
	anchors *bitext.Anchors
	langs   []language.Tag
}

func (ix *Index) newAnalyser(start time.Time, memory bool) *analyser {
	ck := ix.cfg.Check()
	return &analyser{c: ix.cfg, start: start, memory: memory, ck: ck, anchors: ck.Anchors(), langs: ix.langs}
}

// read reads, parses, aligns and analyses the release folder f, and encodes what the writer stores of it.
func (an *analyser) read(f folder) (read, error) {
	f, r, err := an.parse(f)
	if err != nil {
		return read{}, err
	}
	return an.analyse(f, r, an.anchors.ForRelease())
}

// readBatch is read for each folder of fs, with the match pass of the releases that parse run one language
// after another first (bitext.MatchBatch), so that each language's automaton stays in cache over the batch.
func (an *analyser) readBatch(fs []folder, out func(read, error)) {
	rs := make([]*release.Release, len(fs))
	views := make([]*bitext.Anchors, len(fs))
	errs := make([]error, len(fs))
	for i := range fs {
		fs[i], rs[i], errs[i] = an.parse(fs[i])
		if errs[i] == nil {
			views[i] = an.anchors.ForRelease()
		}
	}
	bitext.MatchBatch(views, rs, an.c.Source, an.c.Targets)
	for i := range fs {
		if errs[i] != nil {
			out(read{}, errs[i])
			continue
		}
		out(an.analyse(fs[i], rs[i], views[i]))
		rs[i], views[i] = nil, nil
	}
}

// parse reads and parses the release folder f, and gives f with its files' digests.
func (an *analyser) parse(f folder) (folder, *release.Release, error) {
	c := an.c
	readDir := release.ReadDirInside
	if f.link {
		readDir = release.ReadDir
	}
	files, err := readDir(c.Root, f.abs, an.langs, c.rel)
	if err == nil && len(files) == 0 {
		err = fmt.Errorf("%s: no release files (%s.md, ...) in this folder", f.dir, c.Source)
	}
	if err != nil {
		return f, nil, err
	}
	byPath := map[string][]byte{}
	for _, rf := range files {
		byPath[rf.Path] = rf.Data
	}
	if f.rel != 0 {
		// The digests of a folder whose units alone are read (a fill of the memory) are stored.
		r, err := release.Parse(f.dir, c.Source, files)
		return f, r, err
	}
	f.files = append([]file(nil), f.files...)
	for j, x := range f.files {
		sum := sha256.Sum256(byPath[f.path(x)])
		f.files[j].hash = sum[:]
		f.files[j].mtime = racy(x.mtime, an.start)
	}
	r, err := release.Parse(f.dir, c.Source, files)
	return f, r, err
}

// analyse aligns and analyses r, the release of folder f, with view, a release view of the analyser's anchors
// for it, and encodes what the writer stores of it.
func (an *analyser) analyse(f folder, r *release.Release, view *bitext.Anchors) (read, error) {
	c := an.c
	// One match pass per text, shared by alignment, check's rules and coverage.
	bt := bitext.Align(r, c.Source, c.Targets, view)
	if f.rel != 0 {
		// A folder the index keeps, read by a fill of the memory: its units alone, the units Analyse gives.
		units := draft.Units(bt)
		return read{folder: f, entry: Entry{Release: r.ID, Units: units}, texts: unitTexts(c.Source.String(), units)}, nil
	}
	in := coverage.Input{Glossary: c.Glossary, Source: c.Source, Targets: c.Targets, Anchors: view}
	entry := Analyse(bt, in, an.ck, an.memory)
	cols, err := encodeColumns(entry)
	return read{folder: f, entry: entry, texts: unitTexts(c.Source.String(), entry.Units), columns: cols}, err
}

// read parses, aligns and analyses the changed folders on every core and inserts them in tx as they come, with
// their translation-memory units when memory is true and their texts' trigrams in the tables filled, and returns
// the records of their digests (appendFolder); of a folder the index keeps (folder.rel, a fill of the memory)
// only the units are inserted. A folder that does not parse is an input error; all of them are reported, and tx
// is to be rolled back.
func (ix *Index) read(tx *sql.Tx, folders []folder, start time.Time, memory bool, filled map[string]bool,
	grams *gramChanges) ([]added, error) {
	if len(folders) == 0 {
		return nil, nil
	}
	c := ix.cfg
	an := ix.newAnalyser(start, memory)
	type result struct {
		read read
		err  error
	}
	// Workers take the folders in batches of up to readBatch's size (readBatch).
	workers := runtime.GOMAXPROCS(0)
	batch := max(1, min(readBatchSize, len(folders)/(4*workers)))
	next, results := make(chan []folder), make(chan result)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for fs := range next {
				an.readBatch(fs, func(r read, err error) { results <- result{read: r, err: err} })
			}
		}()
	}
	go func() {
		for start := 0; start < len(folders); start += batch {
			next <- slices.Clone(folders[start:min(len(folders), start+batch)])
		}
		close(next)
		wg.Wait()
		close(results)
	}()
	w, other := ix.newWriter(tx, filled, grams)
	if w != nil {
		defer w.close()
	}
	var list inputerr.List
	done := 0
	for r := range results {
		var l inputerr.List
		var e *inputerr.Error
		if done++; c.Progress != nil {
			c.Progress(done, len(folders))
		}
		switch {
		case r.err == nil && len(list) == 0 && other == nil:
			other = w.insert(r.read)
		case r.err == nil:
		case errors.As(r.err, &l):
			list = append(list, l...)
		case errors.As(r.err, &e):
			list = append(list, e)
		case other == nil:
			other = r.err
		}
	}
	if other != nil {
		return nil, other
	}
	if len(list) > 0 {
		sort.SliceStable(list, func(i, j int) bool { return list[i].Path < list[j].Path })
		return nil, list
	}
	return w.added, w.flush()
}

// writer inserts the entries of folders read again in one transaction, the rows of each table in batches
// (batch), and gives the releases and texts their ids itself, the next after the largest as SQLite would, so
// that the rows naming one need not wait for its insert; the trigrams of new texts go only into the trigram
// tables filled: those of texts_grams to grams (nil otherwise), whose posting lists are written at the end of the
// transaction (gramChanges), those of texts_fts to fts (nil otherwise).
type writer struct {
	ix                            *Index
	releases, units, texts, norms *batch
	added                         []added // the digests of the folders inserted
	checks                        *checkWriter
	findText, fts                 *sql.Stmt
	nextRelease, nextText         int64
	grams                         *gramChanges
	// inserted are the texts inserted by this writer, by unitText.key; when the index had no text before
	// (fresh: a build), they are all there are, and the index is not searched for a text.
	inserted map[textKey]int64
	fresh    bool
}

func (ix *Index) newWriter(tx *sql.Tx, filled map[string]bool, grams *gramChanges) (*writer, error) {
	w := &writer{ix: ix, inserted: map[textKey]int64{}, grams: grams,
		releases: newBatch(tx, "releases", "id", "dir", "release", "coverage", "phrases"),
		units:    newBatch(tx, "units", "rel", "pos", "segment", "text", "release"),
		texts:    newBatch(tx, "texts", "id", "text"),
		norms:    newBatch(tx, "norms", "id", "nhash", "len", "norm"),
		checks:   newCheckWriter(tx),
	}
	if err := tx.QueryRow(`SELECT NOT EXISTS (SELECT 1 FROM texts), coalesce((SELECT max(id) FROM releases), 0) + 1,
		coalesce((SELECT max(id) FROM texts), 0) + 1`).Scan(&w.fresh, &w.nextRelease, &w.nextText); err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	stmts := []struct {
		stmt **sql.Stmt
		sql  string
	}{
		{&w.findText, `SELECT t.id FROM norms n JOIN texts t ON t.id = n.id WHERE n.nhash = ? AND t.text = ?`},
	}
	if filled[formsTable] {
		stmts = append(stmts, struct {
			stmt **sql.Stmt
			sql  string
		}{&w.fts, `INSERT INTO texts_fts (rowid, forms) VALUES (?, ?)`})
	}
	for _, s := range stmts {
		var err error
		if *s.stmt, err = tx.Prepare(s.sql); err != nil {
			w.close()
			return nil, fmt.Errorf("index: %w", err)
		}
	}
	return w, nil
}

func (w *writer) close() {
	for _, s := range []*sql.Stmt{w.findText, w.fts} {
		if s != nil {
			s.Close()
		}
	}
	for _, b := range []*batch{w.releases, w.units, w.texts, w.norms} {
		b.close()
	}
	w.checks.close()
}

// flush inserts the rows the batches keep, so that the transaction holds every entry inserted.
func (w *writer) flush() error {
	for _, b := range []*batch{w.releases, w.units, w.texts, w.norms} {
		if err := b.flush(); err != nil {
			return err
		}
	}
	return w.checks.flush()
}

// insert writes the entry of a folder read again, or only the units of a folder the index keeps (folder.rel, a
// fill of the memory).
func (w *writer) insert(r read) error {
	id := r.rel
	if id == 0 {
		id = w.nextRelease
		w.nextRelease++
		if err := w.releases.add(id, r.dir, r.entry.Release, r.columns.coverage, r.columns.phrases); err != nil {
			return err
		}
		w.added = append(w.added, added{dir: r.dir, rec: appendFolder(nil, id, r.dir, r.files)})
	}
	for pos, u := range r.entry.Units {
		text, err := w.textID(u, r.texts[pos])
		if err != nil {
			return err
		}
		if err := w.units.add(id, pos, u.Segment, text, r.entry.Release); err != nil {
			return err
		}
	}
	if r.rel != 0 {
		return nil
	}
	return w.checks.write(id, r.entry.Findings, r.columns)
}

// textID returns the id of the text of u, inserting it and its trigrams when no unit had it yet.
func (w *writer) textID(u tm.Unit, t unitText) (int64, error) {
	if id, ok := w.inserted[t.key]; ok {
		return id, nil
	}
	var id int64
	if !w.fresh {
		switch err := w.findText.QueryRow(t.nhash, t.text).Scan(&id); {
		case err == nil:
			return id, nil
		case err != sql.ErrNoRows:
			return 0, fmt.Errorf("index: %w", err)
		}
	}
	id = w.nextText
	w.nextText++
	w.inserted[t.key] = id
	if err := w.texts.add(id, t.text); err != nil {
		return 0, err
	}
	if err := w.norms.add(id, t.nhash, t.runes, t.norm); err != nil {
		return 0, err
	}
	w.grams.insert(id, t.runes, t.norm)
	if w.fts != nil {
		if _, err := w.fts.Exec(id, w.ix.forms(u.Text)); err != nil {
			return 0, fmt.Errorf("index: %w", err)
		}
	}
	return id, nil
}

// queryInts returns the integers of the single-column query q.
func queryInts(tx *sql.Tx, q string, args ...any) ([]int64, error) {
	rows, err := tx.Query(q, args...)
	if err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var n int64
		if err := rows.Scan(&n); err != nil {
			return nil, fmt.Errorf("index: %w", err)
		}
		out = append(out, n)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	return out, nil
}
