package index

import (
	"database/sql"
	"encoding/json"
	"fmt"
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

// querier is what filledTables reads from: the database or a transaction.
type querier interface {
	Query(query string, args ...any) (*sql.Rows, error)
}

// filledTables returns which of the trigram tables are filled.
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
		for _, q := range []string{
			// In the order of the rowids (norms_len), which FTS5 writes in one pass (gramChanges).
			`INSERT INTO texts_grams (rowid, norm) SELECT len << 32 | id, norm FROM norms ORDER BY len, id`,
			`INSERT INTO texts_grams_docs (term, doc) SELECT term, doc FROM texts_grams_vocab`,
		} {
			if _, err := tx.Exec(q); err != nil {
				return fmt.Errorf("index: fill %s: %w", table, err)
			}
		}
	case formsTable:
		if err := ix.fillForms(tx); err != nil {
			return err
		}
	default:
		return fmt.Errorf("index: no trigram table %s", table)
	}
	if _, err := tx.Exec(`INSERT INTO meta (key, value) VALUES (?, '')`, "filled "+table); err != nil {
		return fmt.Errorf("index: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("index: %w", err)
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

// gramRowid is the rowid in texts_grams of the text id whose normalised source has length code points: the
// length, then the id, so that the texts of a range of lengths are a range of rowids, which a lookup reads
// alone (passingQuery). Ids stay under 2³², which four billion texts would reach.
func gramRowid(length int, id int64) int64 { return int64(length)<<32 | id }

// gramChanges are the changes of one transaction to texts_grams and texts_grams_docs: the texts inserted,
// written at the end in the order of their rowids (FTS5 writes out what it holds of a transaction whenever a
// rowid comes before the last, which texts of random lengths would make it do at nearly every text), and per
// trigram the number of texts holding it inserted less the number deleted. A nil *gramChanges (texts_grams
// not filled) keeps none.
type gramChanges struct {
	rows []gramRow
	docs map[string]int
}

// gramRow is a text for texts_grams.
type gramRow struct {
	rowid int64
	norm  string
}

func newGramChanges() *gramChanges { return &gramChanges{docs: map[string]int{}} }

// insert adds the text id, whose normalised source norm has length code points.
func (c *gramChanges) insert(id int64, length int, norm string) {
	if c == nil {
		return
	}
	c.rows = append(c.rows, gramRow{gramRowid(length, id), norm})
	c.count(norm, 1)
}

// remove counts a text deleted from texts_grams whose normalised source is norm.
func (c *gramChanges) remove(norm string) {
	if c == nil {
		return
	}
	c.count(norm, -1)
}

// count counts n more texts (n < 0: fewer) holding each trigram of norm: each three code points in a row, as the
// trigram tokenizer of texts_grams (case_sensitive 1) reads them.
func (c *gramChanges) count(norm string, n int) {
	rs := []rune(norm)
	seen := make(map[string]bool, len(rs))
	for i := 0; i+3 <= len(rs); i++ {
		g := string(rs[i : i+3])
		if !seen[g] {
			seen[g] = true
			c.docs[g] += n
		}
	}
}

// write writes the changes in tx: the texts inserted, then the counts, leaving out the trigrams that no text
// holds any more.
func (c *gramChanges) write(tx *sql.Tx) error {
	if c == nil {
		return nil
	}
	sort.Slice(c.rows, func(i, j int) bool { return c.rows[i].rowid < c.rows[j].rowid })
	stmts := make([]*sql.Stmt, 3)
	defer func() {
		for _, s := range stmts {
			if s != nil {
				s.Close()
			}
		}
	}()
	for i, q := range []string{
		`INSERT INTO texts_grams (rowid, norm) VALUES (?, ?)`,
		`INSERT INTO texts_grams_docs (term, doc) VALUES (?, ?) ON CONFLICT (term) DO UPDATE SET doc = doc + excluded.doc`,
		`DELETE FROM texts_grams_docs WHERE term = ? AND doc <= 0`,
	} {
		var err error
		if stmts[i], err = tx.Prepare(q); err != nil {
			return fmt.Errorf("index: %w", err)
		}
	}
	ins, up, gone := stmts[0], stmts[1], stmts[2]
	for _, r := range c.rows {
		if _, err := ins.Exec(r.rowid, r.norm); err != nil {
			return fmt.Errorf("index: %w", err)
		}
	}
	for g, n := range c.docs {
		if n == 0 {
			continue
		}
		if _, err := up.Exec(g, n); err != nil {
			return fmt.Errorf("index: %w", err)
		}
		if n < 0 {
			if _, err := gone.Exec(g); err != nil {
				return fmt.Errorf("index: %w", err)
			}
		}
	}
	return nil
}
