package index

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math"
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
// looks it up in a tm.Memory of those, which gives the same matches in the same order. Units with the same
// text give the same matches and the first of them in memory order is the one a lookup keeps, so only that one
// is fetched. Lookup, Best and Without make it a tm.Source; a query that fails records its error (Err) and
// finds nothing.
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
	mu     sync.Mutex
	err    error
	docs   map[string]int       // trigram → texts holding it
	texts  map[int64]textRow    // text id → text
	scored map[scoreKey][]int64 // the texts scoring at a level (SearchTop)
}

// textRow is a text of the index: a unit's text in each language and its normalised source.
type textRow struct {
	text map[string]string
	norm string
}

// Memory returns the translation memory of the index followed by external.
func (ix *Index) Memory(external []tm.Unit) *Memory {
	m := &Memory{ix: ix, external: external, shared: &shared{docs: map[string]int{}, texts: map[int64]textRow{},
		scored: map[scoreKey][]int64{}}}
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
	sc := tm.NewScorer(text)
	units, err := m.candidates(f, ok, func(norm string) bool { return sc.Matches(norm, threshold, false) })
	if err != nil {
		m.fail(err)
		return nil
	}
	return m.memory(units).Lookup(text, target, threshold)
}

// bestLevels are the scores above the threshold that Best first looks for matches at, highest first: a
// lookup at a high score needs few of the query's trigrams in a unit, so its candidates are few, and when it
// finds a match, that match is the best (every unit scoring as well passes its filter).
var bestLevels = []float64{0.96, 0.92, 0.85}

// Best is tm.Memory.Best. It looks first for the units whose normalised source is the query's (the only ones
// that can score 1), through an index of the normalised texts, then for matches of at least each of
// bestLevels above threshold, and only then for every unit that can score threshold. The candidate texts of a
// level are scored on their normalised source alone, and only those of the best score are read whole, then
// those of the next score if none of them has a translation.
func (m *Memory) Best(text, target string, threshold float64) (tm.Match, bool) {
	if threshold <= 0 || threshold > 1 {
		threshold = tm.DefaultThreshold
	}
	q := tm.Normalize(text)
	if q == "" {
		return tm.Match{}, false
	}
	b, ok, err := m.best(text, q, target, threshold)
	if err != nil {
		m.fail(err)
		return tm.Match{}, false
	}
	return b, ok
}

func (m *Memory) best(text, norm, target string, threshold float64) (tm.Match, bool, error) {
	m.ix.usable(gramsTable) // before the transaction: one begun before the table was filled would not see it
	tx, err := m.ix.db.BeginTx(ctxBackground, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return tm.Match{}, false, fmt.Errorf("index: %w", err)
	}
	defer tx.Rollback()
	units, err := m.exact(tx, norm)
	if err != nil {
		return tm.Match{}, false, err
	}
	if b, ok := m.memory(units).Best(text, target, 1); ok {
		return b, true, nil
	}
	sc := tm.NewScorer(text)
	for _, level := range append(bestLevels[:len(bestLevels):len(bestLevels)], threshold) {
		if level < threshold {
			continue
		}
		f, ok := tm.NewFilter(text, level, false)
		texts, err := m.passing(tx, f, ok)
		if err != nil {
			return tm.Match{}, false, err
		}
		type scored struct {
			id    int64
			score float64
		}
		var ss []scored
		for _, t := range texts {
			if s, ok := sc.Score(t.norm, level); ok {
				ss = append(ss, scored{t.id, s})
			}
		}
		sort.Slice(ss, func(i, j int) bool { return ss[i].score > ss[j].score })
		for i := 0; i < len(ss); {
			var ids []int64
			j := i
			for ; j < len(ss) && ss[j].score == ss[i].score; j++ {
				ids = append(ids, ss[j].id)
			}
			units, err := m.firsts(tx, ids)
			if err != nil {
				return tm.Match{}, false, err
			}
			// The external units that score as well or better are in this memory too, after the index's.
			if b, ok := m.memory(units).Best(text, target, ss[i].score); ok {
				return b, true, nil
			}
			i = j
		}
		if b, ok := m.memory(nil).Best(text, target, level); ok || level == threshold {
			return b, ok, nil
		}
	}
	return tm.Match{}, false, nil
}

// Search is tm.Memory.Search.
func (m *Memory) Search(text, target string, threshold float64) ([]tm.Match, error) {
	f, ok := tm.NewFilter(text, threshold, true)
	sc := tm.NewScorer(text)
	units, err := m.candidates(f, ok, func(norm string) bool { return sc.Matches(norm, threshold, true) })
	if err != nil {
		return nil, err
	}
	return m.memory(units).Search(text, target, threshold), nil
}

// Concordance is tm.Memory.Concordance. Where the phrase is depends on a unit's text alone, so each text is
// searched once, in its first unit, and its hit repeated in its other units: a templated archive repeats a
// sentence in thousands of releases.
func (m *Memory) Concordance(phrase string, langs []string) ([]tm.Hit, error) {
	units, err := m.containing(phrase, langs)
	if err != nil {
		return nil, err
	}
	var firsts []unitRow
	seen := map[int64]bool{}
	for _, u := range units {
		if !seen[u.text] && !contains(m.excluded, u.release) {
			seen[u.text] = true
			firsts = append(firsts, u)
		}
	}
	type unitKey struct{ release, segment string }
	text := map[unitKey]int64{}
	for _, u := range firsts {
		text[unitKey{u.release, u.unit.Segment}] = u.text
	}
	// The hits of the imported units come last, after those of the index's units.
	external := m.memory(nil).Concordance(phrase, langs)
	hits := m.memory(firsts).Concordance(phrase, langs)
	spans := map[int64]map[string][][2]int{}
	for _, h := range hits[:len(hits)-len(external)] {
		spans[text[unitKey{h.Release, h.Segment}]] = h.Spans
	}
	var out []tm.Hit
	for _, u := range units {
		if sp, ok := spans[u.text]; ok && !contains(m.excluded, u.release) {
			out = append(out, tm.Hit{Release: u.release, Segment: u.unit.Segment, Text: u.unit.Text, Spans: sp})
		}
	}
	return append(out, external...), nil
}

// unitRow is a unit as read from the index, with what orders it.
type unitRow struct {
	release string
	pos     int
	unit    tm.Unit
	norm    string
	text    int64 // the id of its text
}

// before reports whether a comes before b in the order of a memory of every release: by release id, then
// position.
func (a unitRow) before(b unitRow) bool {
	if a.release != b.release {
		return a.release < b.release
	}
	return a.pos < b.pos
}

// sortUnits puts units in memory order.
func sortUnits(rs []unitRow) []unitRow {
	sort.Slice(rs, func(i, j int) bool { return rs[i].before(rs[j]) })
	return rs
}

// exact returns, in memory order, the first unit of each text whose normalised source is norm.
func (m *Memory) exact(tx *sql.Tx, norm string) ([]unitRow, error) {
	ids, err := m.sameNorm(tx, norm)
	if err != nil {
		return nil, err
	}
	return m.firsts(tx, ids)
}

// candidates returns the units that pass f and whose normalised source match accepts, in memory order, the
// first of each text: only those are read whole.
func (m *Memory) candidates(f tm.Filter, ok bool, match func(norm string) bool) ([]unitRow, error) {
	m.ix.usable(gramsTable) // before the transaction, as in best
	tx, err := m.ix.db.BeginTx(ctxBackground, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	defer tx.Rollback()
	texts, err := m.passing(tx, f, ok)
	if err != nil {
		return nil, err
	}
	var ids []int64
	for _, t := range texts {
		if match(t.norm) {
			ids = append(ids, t.id)
		}
	}
	return m.firsts(tx, ids)
}

// textNorm is a text's id and normalised source.
type textNorm struct {
	id   int64
	norm string
}

// passing returns the texts that pass f: those of the right length that hold one of the query's rarest
// trigrams, enough of them that a text holding none shares fewer than f.Need (found through the full-text
// index), then tested against f in full.
func (m *Memory) passing(tx *sql.Tx, f tm.Filter, ok bool) ([]textNorm, error) {
	if !ok {
		return nil, nil
	}
	grams := m.ix.usable(gramsTable) // tried before the transaction began (best, candidates)
	q := `SELECT n.id, n.norm FROM norms n WHERE n.len >= ?`
	args := []any{f.MinLen}
	if f.MaxLen >= 0 {
		q += ` AND n.len <= ?`
		args = append(args, f.MaxLen)
	}
	if f.Need > 0 && grams {
		// The lengths are a range of texts_grams' rowids, which its trigrams' lists of texts are sorted by: the
		// full-text index reads the part of each list in the range and the texts of other lengths are not read.
		to := int64(math.MaxInt64)
		if f.MaxLen >= 0 {
			to = gramRowid(f.MaxLen+1, 0) - 1
		}
		terms, err := m.rarest(tx, f)
		if err != nil {
			return nil, err
		}
		if len(terms) == 0 {
			return nil, nil // every trigram is needed and one is in no text
		}
		var quoted []string
		for _, t := range terms {
			quoted = append(quoted, quote(t))
		}
		q, args = passingQuery, []any{strings.Join(quoted, " OR "), gramRowid(f.MinLen, 0), to}
	}
	rows, err := tx.Query(q, args...)
	if err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	var out []textNorm
	for rows.Next() {
		var t textNorm
		if err := rows.Scan(&t.id, &t.norm); err != nil {
			rows.Close()
			return nil, fmt.Errorf("index: %w", err)
		}
		if f.Pass(t.norm) {
			out = append(out, t)
		}
	}
	if err := closeRows(rows); err != nil {
		return nil, err
	}
	return out, nil
}

// passingQuery reads the normalised texts holding one of the trigrams of an FTS5 query (?1) whose lengths are
// those of texts_grams' rowids from ?2 to ?3, in the order of their ids (a list of the ids, then norms): in the
// order of the rowids, the texts of each length would be read from all over norms, a page each.
const passingQuery = `SELECT n.id, n.norm FROM norms n WHERE n.id IN
	(SELECT rowid & 0xFFFFFFFF FROM texts_grams WHERE texts_grams MATCH ?1 AND rowid BETWEEN ?2 AND ?3)`

// firsts returns the first unit in memory order of each of the texts ids, leaving out the excluded releases,
// in memory order. Each is the first entry of its text in units_text, which holds a text's units in memory
// order, whose releases are not excluded: a text that every release repeats costs one step of the index, not a
// read of each of its units.
func (m *Memory) firsts(tx *sql.Tx, ids []int64) ([]unitRow, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	excluded, err := json.Marshal(append([]string{}, m.excluded...)) // [], never null: NOT IN (NULL) holds for no row
	if err != nil {
		return nil, err
	}
	stmt, err := tx.Prepare(firstUnitQuery)
	if err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	defer stmt.Close()
	out := make([]unitRow, 0, len(ids))
	for _, id := range ids {
		r := unitRow{text: id}
		switch err := stmt.QueryRow(id, string(excluded)).Scan(&r.release, &r.pos, &r.unit.Segment); {
		case err == sql.ErrNoRows:
			continue // every unit of the text is in an excluded release
		case err != nil:
			return nil, fmt.Errorf("index: %w", err)
		}
		out = append(out, r)
	}
	return m.withTexts(tx, sortUnits(out))
}

// firstUnitQuery reads the first unit in memory order of a text (?1) outside the releases of a JSON array (?2).
const firstUnitQuery = `SELECT release, pos, segment FROM units
	WHERE text = ?1 AND release NOT IN (SELECT value FROM json_each(?2)) ORDER BY release, pos LIMIT 1`

// withTexts fills in the texts of units, from the cache or the index.
func (m *Memory) withTexts(tx *sql.Tx, units []unitRow) ([]unitRow, error) {
	var missing []int64
	m.mu.Lock()
	for _, u := range units {
		if _, ok := m.texts[u.text]; !ok {
			missing = append(missing, u.text)
		}
	}
	m.mu.Unlock()
	if len(missing) > 0 {
		list, err := json.Marshal(missing)
		if err != nil {
			return nil, err
		}
		rows, err := tx.Query(`SELECT t.id, t.text, n.norm FROM texts t JOIN norms n ON n.id = t.id
			WHERE t.id IN (SELECT value FROM json_each(?))`, string(list))
		if err != nil {
			return nil, fmt.Errorf("index: %w", err)
		}
		for rows.Next() {
			var (
				id   int64
				t    textRow
				data string
			)
			if err := rows.Scan(&id, &data, &t.norm); err != nil {
				rows.Close()
				return nil, fmt.Errorf("index: %w", err)
			}
			if err := json.Unmarshal([]byte(data), &t.text); err != nil {
				rows.Close()
				return nil, fmt.Errorf("index: text %d: %w", id, err)
			}
			m.mu.Lock()
			m.texts[id] = t
			m.mu.Unlock()
		}
		if err := closeRows(rows); err != nil {
			return nil, err
		}
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	for i, u := range units {
		t, ok := m.texts[u.text]
		if !ok {
			return nil, fmt.Errorf("index: unit %s/%s: no text %d", u.release, u.unit.Segment, u.text)
		}
		units[i].unit.Release, units[i].unit.Text, units[i].norm = u.release, t.text, t.norm
	}
	return units, nil
}

// closeRows closes rows and returns the error of their iteration, if any.
func closeRows(rows *sql.Rows) error {
	if err := rows.Close(); err != nil {
		return fmt.Errorf("index: %w", err)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("index: %w", err)
	}
	return nil
}

// rarest returns the fewest trigrams of f, rarest first (by the number of texts holding them, one row of
// texts_grams_docs each), such that a text holding none of them shares fewer than f.Need trigrams with the
// query; none when some trigram that must be held is in no text at all.
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
				if stmt, err = tx.Prepare(`SELECT coalesce((SELECT doc FROM texts_grams_docs WHERE term = ?), 0)`); err != nil {
					return nil, fmt.Errorf("index: %w", err)
				}
			}
			if err := stmt.QueryRow(g).Scan(&doc); err != nil {
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
	// A text that holds none of the chosen trigrams shares at most the counts of the others.
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

// containing returns every unit whose matching form in one of langs (none: any language) may contain phrase's,
// in memory order: those of the texts the full-text index finds when every form of the phrase has three code
// points or more, else every unit.
func (m *Memory) containing(phrase string, langs []string) ([]unitRow, error) {
	forms := m.ix.usable(formsTable) // before the transaction, as in best
	tx, err := m.ix.db.BeginTx(ctxBackground, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	defer tx.Rollback()
	var (
		match []string
		scan  bool
	)
	for _, l := range m.ix.langs {
		if len(langs) > 0 && !contains(langs, l.String()) {
			continue
		}
		p := strings.TrimSpace(matchform.For(l, phrase).Text)
		switch {
		case p == "":
		case len([]rune(p)) < 3 || !forms:
			scan = true
		default:
			match = append(match, gramQuery(p))
		}
	}
	q := `SELECT u.text, r.release, u.pos, u.segment FROM units u JOIN releases r ON r.id = u.rel`
	var args []any
	switch {
	case scan:
	case len(match) == 0:
		return nil, nil
	default:
		q += ` WHERE u.text IN (SELECT rowid FROM texts_fts WHERE texts_fts MATCH ?)`
		args = append(args, strings.Join(match, " OR "))
	}
	rows, err := tx.Query(q, args...)
	if err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	var out []unitRow
	for rows.Next() {
		var r unitRow
		if err := rows.Scan(&r.text, &r.release, &r.pos, &r.unit.Segment); err != nil {
			rows.Close()
			return nil, fmt.Errorf("index: %w", err)
		}
		out = append(out, r)
	}
	if err := closeRows(rows); err != nil {
		return nil, err
	}
	return m.withTexts(tx, sortUnits(out))
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

var ctxBackground = context.Background()
