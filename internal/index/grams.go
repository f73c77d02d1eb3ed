package index

import (
	"cmp"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/relloc/relloc/internal/matchform"
)

// The trigram tables of the texts. Check, which builds the index on a fresh clone, needs neither, and filling
// them was most of what a first check paid beyond a check without the index; so a build leaves them empty, and
// the first query that needs one (a lookup of draft or tm search: texts_grams; a concordance: texts_fts) fills
// it from the stored texts, reading no release again. From then on the syncs of Open keep it in step with the
// texts. The meta row "filled <table>" says that a table is filled.
const (
	gramsTable = "texts_grams"
	formsTable = "texts_fts"
)

// gramTables are the trigram tables, in the order their deletions are written.
var gramTables = []string{gramsTable, formsTable}

// memoryPart names, in the meta row "filled memory", the translation memory one level up from the trigram
// tables: the units, texts and norms of the releases. Check and coverage read none of it, and writing it was
// most of what a first check paid beyond a check without the index, so an index is built with it only for a
// command that reads the memory (Config.Memory: tm search, concordance, draft). The sync of Open fills it in an
// index without it when such a command opens the index: the memory's units come from the releases' alignments,
// which only reading every release gives, so that sync reads the folders it keeps too, for their units alone
// (folder.rel: no check, coverage or phrases), in the transaction that brings the rest up to date. From then
// on every sync keeps the memory in step, whichever command opens the index. The numbers are in the package
// doc.
const memoryPart = "memory"

// fillsMemory reports whether a sync fills the memory: the command reads it and the index does not hold it.
// Only the one writer changes that, and sync holds its lock.
func (ix *Index) fillsMemory() (bool, error) {
	if !ix.cfg.Memory {
		return false, nil
	}
	filled, err := filledTables(ix.db)
	return !filled[memoryPart], err
}

// beginFill readies tx for a fill of the memory, whose tables are empty: their secondary indexes are made once the
// fill's rows are written (endFill), as a build makes them, not row by row.
func beginFill(tx *sql.Tx) error {
	for _, s := range memoryIndexes {
		// The name of the index: CREATE INDEX name ON ...
		if _, err := tx.Exec(`DROP INDEX ` + strings.Fields(s)[2]); err != nil {
			return fmt.Errorf("index: %w", err)
		}
	}
	return nil
}

// endFill makes the secondary indexes of the memory's tables that beginFill dropped, with the page cache of a
// build's (sortCache) and then the cache as it was, and marks the memory filled.
func endFill(tx *sql.Tx) error {
	var was int64
	if err := tx.QueryRow(`PRAGMA cache_size`).Scan(&was); err != nil {
		return fmt.Errorf("index: %w", err)
	}
	stmts := append([]string{fmt.Sprintf(`PRAGMA cache_size = %d`, sortCache)}, memoryIndexes...)
	for _, s := range append(stmts, fmt.Sprintf(`PRAGMA cache_size = %d`, was)) {
		if _, err := tx.Exec(s); err != nil {
			return fmt.Errorf("index: %w", err)
		}
	}
	return markFilled(tx, memoryPart)
}

// markFilled writes the meta row "filled <part>" that filledTables reads: part, a trigram table or the memory, is
// filled.
func markFilled(tx *sql.Tx, part string) error {
	if _, err := tx.Exec(`INSERT INTO meta (key, value) VALUES (?, '')`, "filled "+part); err != nil {
		return fmt.Errorf("index: %w", err)
	}
	return nil
}

// querier is what filledTables reads from: the database or a transaction.
type querier interface {
	Query(query string, args ...any) (*sql.Rows, error)
}

// filledTables returns which of the trigram tables are filled, and whether the memory is (memoryPart).
func filledTables(q querier) (map[string]bool, error) {
	rows, err := q.Query(`SELECT key FROM meta WHERE key LIKE 'filled %'`)
	if err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	out := map[string]bool{}
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			rows.Close()
			return nil, fmt.Errorf("index: %w", err)
		}
		out[strings.TrimPrefix(k, "filled ")] = true
	}
	if err := closeRows(rows); err != nil {
		return nil, err
	}
	return out, nil
}

// forms returns what texts_fts holds of a text: its matching form in each language of the index that it has,
// a line each.
func (ix *Index) forms(text map[string]string) string {
	var b strings.Builder
	for _, l := range ix.langs {
		if t, ok := text[l.String()]; ok {
			b.WriteString(matchform.For(l, t).Text)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// gramQuery returns the FTS5 query of the texts holding every trigram of form, which has three code points or
// more.
func gramQuery(form string) string {
	rs := []rune(form)
	seen := map[string]bool{}
	var terms []string
	for i := 0; i+3 <= len(rs); i++ {
		g := string(rs[i : i+3])
		if !seen[g] {
			seen[g] = true
			terms = append(terms, quote(g))
		}
	}
	return "(" + strings.Join(terms, " AND ") + ")"
}

// usable reports whether the trigram table can be read, filling it from the stored texts when it is not filled:
// under the writer's lock, in one transaction, before the query that needs it begins its own (a query's
// transaction would not see a table filled after it began). When it cannot be filled (another process holds
// the lock too long, the index cannot be written), the queries read every text instead, after a note.
func (ix *Index) usable(table string) bool {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ok, tried := ix.filled[table]; tried {
		return ok
	}
	err := ix.fill(table)
	if err != nil {
		ix.cfg.warn("relloc: %s: the trigrams of the texts could not be written (%v); searching every text\n",
			ix.cfg.rel(Path(ix.cfg.Root)), err)
	}
	ix.filled[table] = err == nil
	return err == nil
}

// fill fills table unless it is filled.
func (ix *Index) fill(table string) error {
	filled, err := filledTables(ix.db)
	if err != nil {
		return err
	}
	if !filled[table] {
		unlock, err := ix.cfg.lock()
		if err != nil {
			return err
		}
		defer unlock()
		return ix.fillLocked(table)
	}
	return nil
}

// fillLocked fills table in one transaction unless another process did since fill looked.
func (ix *Index) fillLocked(table string) error {
	tx, err := ix.db.Begin()
	if err != nil {
		return fmt.Errorf("index: %w", err)
	}
	defer tx.Rollback()
	filled, err := filledTables(tx)
	if err != nil || filled[table] {
		return err
	}
	switch table {
	case gramsTable:
		if err := fillGrams(tx); err != nil {
			return err
		}
	case formsTable:
		if err := ix.fillForms(tx); err != nil {
			return err
		}
	default:
		return fmt.Errorf("index: no trigram table %s", table)
	}
	if err := markFilled(tx, table); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("index: %w", err)
	}
	return nil
}

// fillGrams writes the posting lists of every stored text into texts_grams. It reads the normalised sources in
// the order of their ids, then makes the lists of one length at a time, in the order of the ids, and writes the
// rows of a zone once its lengths are done: a length's texts hold a few thousand trigrams, whose lists a small
// map finds, where one map of every trigram at every length was most of the fill's cost in cache misses, and
// only one zone's lists are held.
func fillGrams(tx *sql.Tx) error {
	rows, err := tx.Query(`SELECT id, len, norm FROM norms ORDER BY id`)
	if err != nil {
		return fmt.Errorf("index: %w", err)
	}
	var texts []textNorm
	var lengths []int
	for rows.Next() {
		var (
			t      textNorm
			length int
		)
		if err := rows.Scan(&t.id, &length, &t.norm); err != nil {
			rows.Close()
			return fmt.Errorf("index: %w", err)
		}
		texts, lengths = append(texts, t), append(lengths, length)
	}
	if err := closeRows(rows); err != nil {
		return err
	}
	order := make([]int, len(texts))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return lengths[order[i]] < lengths[order[j]] })
	ins, err := tx.Prepare(`INSERT INTO texts_grams (gram, zone, dir, posts) VALUES (?, ?, ?, ?)`)
	if err != nil {
		return fmt.Errorf("index: %w", err)
	}
	defer ins.Close()
	var grams gramCounter
	for i := 0; i < len(order); {
		// The lists of one zone's lengths, each length's in a map of its own, then its rows.
		zone := zoneOf(lengths[order[i]])
		byGram := map[uint64][]lengthList{}
		for i < len(order) && zoneOf(lengths[order[i]]) == zone {
			length := lengths[order[i]]
			lists := map[uint64]*postingList{}
			for ; i < len(order) && lengths[order[i]] == length; i++ {
				t := texts[order[i]]
				for g, n := range grams.countPacked(t.norm) {
					l := lists[g]
					if l == nil {
						l = &postingList{}
						lists[g] = l
					}
					l.add(t.id, n)
				}
			}
			for g, l := range lists {
				byGram[g] = append(byGram[g], lengthList{len: length, n: l.n, data: l.data})
			}
		}
		keys := make([]string, 0, len(byGram))
		packed := make(map[string]uint64, len(byGram))
		for g := range byGram {
			k := unpackTrigram(g)
			keys, packed[k] = append(keys, k), g
		}
		slices.Sort(keys)
		for _, k := range keys {
			dir, posts := encodeZone(zone, byGram[packed[k]])
			if _, err := ins.Exec(k, zone, dir, posts); err != nil {
				return fmt.Errorf("index: fill %s: %w", gramsTable, err)
			}
		}
	}
	return nil
}

// fillForms inserts the matching forms of every text into texts_fts, reading the texts in batches by id.
func (ix *Index) fillForms(tx *sql.Tx) error {
	ins, err := tx.Prepare(`INSERT INTO texts_fts (rowid, forms) VALUES (?, ?)`)
	if err != nil {
		return fmt.Errorf("index: %w", err)
	}
	defer ins.Close()
	type row struct {
		id   int64
		text map[string]string
	}
	const batch = 1024
	for last := int64(-1); ; {
		rows, err := tx.Query(`SELECT id, text FROM texts WHERE id > ? ORDER BY id LIMIT ?`, last, batch)
		if err != nil {
			return fmt.Errorf("index: %w", err)
		}
		var rs []row
		for rows.Next() {
			var (
				r    row
				data string
			)
			if err := rows.Scan(&r.id, &data); err != nil {
				rows.Close()
				return fmt.Errorf("index: %w", err)
			}
			if err := json.Unmarshal([]byte(data), &r.text); err != nil {
				rows.Close()
				return fmt.Errorf("index: text %d: %w", r.id, err)
			}
			rs = append(rs, r)
		}
		if err := closeRows(rows); err != nil {
			return err
		}
		for _, r := range rs {
			if _, err := ins.Exec(r.id, ix.forms(r.text)); err != nil {
				return fmt.Errorf("index: fill %s: %w", formsTable, err)
			}
			last = r.id
		}
		if len(rs) < batch {
			return nil
		}
	}
}

// gramChanges are the changes of one transaction to texts_grams: the texts inserted and deleted, each of
// which changes the posting lists of its trigrams at its length; write reads each list changed once, merges
// the changes in and writes it back. A nil *gramChanges (texts_grams not filled) keeps none.
type gramChanges struct {
	changes map[gramKey][]posting
}

func newGramChanges() *gramChanges { return &gramChanges{changes: map[gramKey][]posting{}} }

// insert adds the text id, whose normalised source norm has length code points.
func (c *gramChanges) insert(id int64, length int, norm string) {
	if c == nil {
		return
	}
	c.add(id, length, norm, false)
}

// remove deletes the text id, whose normalised source norm has length code points.
func (c *gramChanges) remove(id int64, length int, norm string) {
	if c == nil {
		return
	}
	c.add(id, length, norm, true)
}

func (c *gramChanges) add(id int64, length int, norm string, gone bool) {
	var grams gramCounter
	for g, n := range grams.count(norm) {
		k := gramKey{g, length}
		c.changes[k] = append(c.changes[k], posting{id: id, count: n, gone: gone})
	}
}

// write writes the changed posting lists in tx, a row of texts_grams (a trigram's lists at the lengths of a
// zone) at a time, deleting those left empty.
func (c *gramChanges) write(tx *sql.Tx) error {
	if c == nil || len(c.changes) == 0 {
		return nil
	}
	keys := make([]gramKey, 0, len(c.changes))
	for k := range c.changes {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i].less(keys[j]) })
	stmts := make([]*sql.Stmt, 3)
	defer func() {
		for _, s := range stmts {
			if s != nil {
				s.Close()
			}
		}
	}()
	for i, q := range []string{
		`SELECT dir, posts FROM texts_grams WHERE gram = ? AND zone = ?`,
		`INSERT INTO texts_grams (gram, zone, dir, posts) VALUES (?, ?, ?, ?)
			ON CONFLICT (gram, zone) DO UPDATE SET dir = excluded.dir, posts = excluded.posts`,
		`DELETE FROM texts_grams WHERE gram = ? AND zone = ?`,
	} {
		var err error
		if stmts[i], err = tx.Prepare(q); err != nil {
			return fmt.Errorf("index: %w", err)
		}
	}
	get, put, del := stmts[0], stmts[1], stmts[2]
	for i := 0; i < len(keys); {
		g, zone := keys[i].gram, zoneOf(keys[i].len)
		var dir, posts []byte
		if err := get.QueryRow(g, zone).Scan(&dir, &posts); err != nil && err != sql.ErrNoRows {
			return fmt.Errorf("index: %w", err)
		}
		lists, err := decodeZone(zone, dir, posts)
		if err != nil {
			return fmt.Errorf("index: posting lists of %q in zone %d: %w", g, zone, err)
		}
		for ; i < len(keys) && keys[i].gram == g && zoneOf(keys[i].len) == zone; i++ {
			k := keys[i]
			j, found := slices.BinarySearchFunc(lists, k.len, func(l lengthList, n int) int { return cmp.Compare(l.len, n) })
			if !found {
				lists = slices.Insert(lists, j, lengthList{len: k.len})
			}
			data, n, err := mergePostings(lists[j].data, c.changes[k])
			if err != nil {
				return fmt.Errorf("index: posting list %q at %d: %w", g, k.len, err)
			}
			lists[j].data, lists[j].n = data, n
		}
		lists = slices.DeleteFunc(lists, func(l lengthList) bool { return l.n == 0 })
		if len(lists) == 0 {
			_, err = del.Exec(g, zone)
		} else {
			dir, posts := encodeZone(zone, lists)
			_, err = put.Exec(g, zone, dir, posts)
		}
		if err != nil {
			return fmt.Errorf("index: %w", err)
		}
	}
	return nil
}
