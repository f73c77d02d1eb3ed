package index

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/coverage"
	"github.com/relloc/relloc/internal/matchform"
	"github.com/relloc/relloc/internal/tm"
)

// Memory is the translation memory of the index with external units (imported memories) after its own, as a
// tm.Memory of every unit would hold them: each lookup fetches the units that can match it (tm.Filter) and
// looks it up in a tm.Memory of those, which gives the same matches in the same order. Lookup and Without
// make it a tm.Source; a query that fails records its error (Err) and finds nothing.
type Memory struct {
	ix       *Index
	external []tm.Unit
	extNorms []string
	excluded []string
	*shared
}

// shared is what the memories derived from one (Without) share: the first error, and what their lookups read
// from the index, which the many lookups of one draft read again and again.
type shared struct {
	mu    sync.Mutex
	err   error
	docs  map[string]int    // trigram → units holding it
	units map[int64]unitRow // unit id → unit
}

// Memory returns the translation memory of the index followed by external.
func (ix *Index) Memory(external []tm.Unit) *Memory {
	m := &Memory{ix: ix, external: external, shared: &shared{docs: map[string]int{}, units: map[int64]unitRow{}}}
	for _, u := range external {
		m.extNorms = append(m.extNorms, tm.Normalize(u.Text[ix.cfg.Source.String()]))
	}
	return m
}

// Err returns the first error of a query of m or of a memory derived from it.
func (m *Memory) Err() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.err
}

func (m *Memory) fail(err error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.err == nil {
		m.err = err
	}
}

// Without returns m without the units of release.
func (m *Memory) Without(release string) tm.Source {
	v := *m
	v.excluded = append(append([]string(nil), m.excluded...), release)
	return &v
}

// memory returns a tm.Memory of units followed by the external ones, without the excluded releases.
func (m *Memory) memory(rows []unitRow) *tm.Memory {
	units := make([]tm.Unit, 0, len(rows)+len(m.external))
	norms := make([]string, 0, len(rows)+len(m.external))
	for _, r := range rows {
		units, norms = append(units, r.unit), append(norms, r.norm)
	}
	units, norms = append(units, m.external...), append(norms, m.extNorms...)
	mem := tm.NewCandidates(units, m.ix.cfg.Source.String(), norms)
	for _, r := range m.excluded {
		mem = mem.Exclude(r)
	}
	return mem
}

// Lookup is tm.Memory.Lookup.
func (m *Memory) Lookup(text, target string, threshold float64) []tm.Match {
	f, ok := tm.NewFilter(text, threshold, false)
	units, err := m.candidates(f, ok)
	if err != nil {
		m.fail(err)
		return nil
	}
	return m.memory(units).Lookup(text, target, threshold)
}

// Best is tm.Memory.Best.
func (m *Memory) Best(text, target string, threshold float64) (tm.Match, bool) {
	f, ok := tm.NewFilter(text, threshold, false)
	units, err := m.candidates(f, ok)
	if err != nil {
		m.fail(err)
		return tm.Match{}, false
	}
	return m.memory(units).Best(text, target, threshold)
}

// Search is tm.Memory.Search.
func (m *Memory) Search(text, target string, threshold float64) ([]tm.Match, error) {
	f, ok := tm.NewFilter(text, threshold, true)
	units, err := m.candidates(f, ok)
	if err != nil {
		return nil, err
	}
	return m.memory(units).Search(text, target, threshold), nil
}

// Concordance is tm.Memory.Concordance.
func (m *Memory) Concordance(phrase string, langs []string) ([]tm.Hit, error) {
	units, err := m.ix.containing(phrase, langs)
	for i := range units {
		units[i].norm = tm.Normalize(units[i].unit.Text[m.ix.cfg.Source.String()])
	}
	if err != nil {
		return nil, err
	}
	return m.memory(units).Concordance(phrase, langs), nil
}

// unitRow is a unit as read from the index, with what orders it.
type unitRow struct {
	release string
	pos     int
	unit    tm.Unit
	norm    string
}

// sortUnits puts units in the order of a memory of every release: by release id, then position.
func sortUnits(rs []unitRow) []unitRow {
	sort.Slice(rs, func(i, j int) bool {
		if rs[i].release != rs[j].release {
			return rs[i].release < rs[j].release
		}
		return rs[i].pos < rs[j].pos
	})
	return rs
}

// candidates returns the units that pass f, in memory order: those of the right length that hold one of the
// query's rarest trigrams, enough of them that a unit holding none shares fewer than f.Need (found through the
// full-text index), then tested against f in full; only those are read whole.
func (m *Memory) candidates(f tm.Filter, ok bool) ([]unitRow, error) {
	if !ok {
		return nil, nil
	}
	tx, err := m.ix.db.BeginTx(ctxBackground, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	defer tx.Rollback()
	q := `SELECT u.id, u.norm FROM units u WHERE u.len >= ?`
	args := []any{f.MinLen}
	if f.MaxLen >= 0 {
		q += ` AND u.len <= ?`
		args = append(args, f.MaxLen)
	}
	if f.Need > 0 {
		terms, err := m.rarest(tx, f)
		if err != nil {
			return nil, err
		}
		if len(terms) == 0 {
			return nil, nil // every trigram is needed and one is in no unit
		}
		var quoted []string
		for _, t := range terms {
			quoted = append(quoted, quote(t))
		}
		q += ` AND u.id IN (SELECT rowid FROM units_fts WHERE units_fts MATCH ?)`
		args = append(args, "norm : ("+strings.Join(quoted, " OR ")+")")
	}
	rows, err := tx.Query(q, args...)
	if err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	var ids []int64
	for rows.Next() {
		var (
			id   int64
			norm string
		)
		if err := rows.Scan(&id, &norm); err != nil {
			rows.Close()
			return nil, fmt.Errorf("index: %w", err)
		}
		if f.Pass(norm) {
			ids = append(ids, id)
		}
	}
	if err := rows.Close(); err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	out, err := m.fetch(tx, ids)
	if err != nil {
		return nil, err
	}
	return sortUnits(out), nil
}

// fetch reads the units ids, from the cache or the index.
func (m *Memory) fetch(tx *sql.Tx, ids []int64) ([]unitRow, error) {
	out := make([]unitRow, 0, len(ids))
	var missing []int64
	m.mu.Lock()
	for _, id := range ids {
		if r, ok := m.units[id]; ok {
			out = append(out, r)
		} else {
			missing = append(missing, id)
		}
	}
	m.mu.Unlock()
	if len(missing) == 0 {
		return out, nil
	}
	list, err := json.Marshal(missing)
	if err != nil {
		return nil, err
	}
	rows, err := tx.Query(`SELECT u.id, r.release, u.pos, u.segment, u.text, u.norm FROM units u
		JOIN releases r ON r.id = u.rel WHERE u.id IN (SELECT value FROM json_each(?))`, string(list))
	if err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			id   int64
			r    unitRow
			text string
		)
		if err := rows.Scan(&id, &r.release, &r.pos, &r.unit.Segment, &text, &r.norm); err != nil {
			return nil, fmt.Errorf("index: %w", err)
		}
		r.unit.Release = r.release
		if err := json.Unmarshal([]byte(text), &r.unit.Text); err != nil {
			return nil, fmt.Errorf("index: unit %s/%s: %w", r.release, r.unit.Segment, err)
		}
		out = append(out, r)
		m.mu.Lock()
		m.units[id] = r
		m.mu.Unlock()
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	return out, nil
}

// rarest returns the fewest trigrams of f, rarest first, such that a unit holding none of them shares fewer
// than f.Need trigrams with the query; none when some trigram that must be held is in no unit at all.
func (m *Memory) rarest(tx *sql.Tx, f tm.Filter) ([]string, error) {
	type gram struct {
		text       string
		count, doc int
	}
	var gs []gram
	total := 0
	var stmt *sql.Stmt
	defer func() {
		if stmt != nil {
			stmt.Close()
		}
	}()
	for g, c := range f.Grams {
		m.mu.Lock()
		doc, ok := m.docs[g]
		m.mu.Unlock()
		if !ok {
			if stmt == nil {
				var err error
				if stmt, err = tx.Prepare(`SELECT doc FROM units_vocab WHERE col = 'norm' AND term = ?`); err != nil {
					return nil, fmt.Errorf("index: %w", err)
				}
			}
			if err := stmt.QueryRow(g).Scan(&doc); err != nil && err != sql.ErrNoRows {
				return nil, fmt.Errorf("index: %w", err)
			}
			m.mu.Lock()
			m.docs[g] = doc
			m.mu.Unlock()
		}
		gs = append(gs, gram{g, c, doc})
		total += c
	}
	sort.Slice(gs, func(i, j int) bool {
		if gs[i].doc != gs[j].doc {
			return gs[i].doc < gs[j].doc
		}
		return gs[i].text < gs[j].text
	})
	// A unit that holds none of the chosen trigrams shares at most the counts of the others.
	var out []string
	left := total
	for _, g := range gs {
		if left < f.Need {
			break
		}
		if g.doc > 0 {
			out = append(out, g.text)
		}
		left -= g.count
	}
	return out, nil
}

// quote writes s as an FTS5 string.
func quote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// containing returns the units whose matching form in one of langs (none: any language) may contain phrase's,
// in memory order: through the full-text index when every form of the phrase has three code points or more,
// else every unit.
func (ix *Index) containing(phrase string, langs []string) ([]unitRow, error) {
	tx, err := ix.db.BeginTx(ctxBackground, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	defer tx.Rollback()
	var (
		match []string
		scan  bool
	)
	for i, l := range ix.langs {
		if len(langs) > 0 && !contains(langs, l.String()) {
			continue
		}
		p := strings.TrimSpace(matchform.For(l, phrase).Text)
		switch {
		case p == "":
		case len([]rune(p)) < 3:
			scan = true
		default:
			match = append(match, fmt.Sprintf("f%d : %s", i, quote(p)))
		}
	}
	q := `SELECT r.release, u.pos, u.segment, u.text FROM units u JOIN releases r ON r.id = u.rel`
	var args []any
	switch {
	case scan:
	case len(match) == 0:
		return nil, nil
	default:
		q += ` WHERE u.id IN (SELECT rowid FROM units_fts WHERE units_fts MATCH ?)`
		args = append(args, strings.Join(match, " OR "))
	}
	rows, err := tx.Query(q, args...)
	if err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	defer rows.Close()
	var out []unitRow
	for rows.Next() {
		var (
			r    unitRow
			text string
		)
		if err := rows.Scan(&r.release, &r.pos, &r.unit.Segment, &text); err != nil {
			return nil, fmt.Errorf("index: %w", err)
		}
		r.unit.Release = r.release
		if err := json.Unmarshal([]byte(text), &r.unit.Text); err != nil {
			return nil, fmt.Errorf("index: unit %s/%s: %w", r.release, r.unit.Segment, err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	return sortUnits(out), nil
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// Coverage returns the coverage report of the workspace in targets, as coverage.Build makes it from every
// release.
func (ix *Index) Coverage(targets []language.Tag) (*coverage.Report, error) {
	rows, err := ix.db.Query(`SELECT release, coverage, phrases FROM releases`)
	if err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	defer rows.Close()
	type rel struct {
		id       string
		coverage []coverage.Release
		phrases  []string
	}
	var rs []rel
	for rows.Next() {
		var (
			r         rel
			cov, phrs string
		)
		if err := rows.Scan(&r.id, &cov, &phrs); err != nil {
			return nil, fmt.Errorf("index: %w", err)
		}
		if err := json.Unmarshal([]byte(cov), &r.coverage); err != nil {
			return nil, fmt.Errorf("index: release %s: %w", r.id, err)
		}
		if err := json.Unmarshal([]byte(phrs), &r.phrases); err != nil {
			return nil, fmt.Errorf("index: release %s: %w", r.id, err)
		}
		rs = append(rs, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i].id < rs[j].id })
	var (
		releases []coverage.Release
		phrases  []coverage.Phrases
	)
	for _, r := range rs {
		for _, l := range targets {
			for _, c := range r.coverage {
				if c.Lang == l.String() {
					releases = append(releases, c)
				}
			}
		}
		phrases = append(phrases, coverage.Phrases{Release: r.id, Phrases: r.phrases})
	}
	return coverage.Assemble(ix.cfg.Glossary, targets, releases, phrases), nil
}

// Using returns the ids of the releases whose text in lang uses the glossary entry id, sorted.
func (ix *Index) Using(id string, lang language.Tag) ([]string, error) {
	rows, err := ix.db.Query(`SELECT DISTINCT r.release FROM usage u JOIN releases r ON r.id = u.rel
		WHERE u.entry = ? AND u.lang = ? ORDER BY r.release`, id, lang.String())
	if err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var r string
		if err := rows.Scan(&r); err != nil {
			return nil, fmt.Errorf("index: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

var ctxBackground = context.Background()
