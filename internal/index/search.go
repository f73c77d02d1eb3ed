package index

import (
	"database/sql"
	"fmt"
	"slices"

	"github.com/relloc/relloc/internal/tm"
)

// SearchTop is tm.Memory.SearchTop. It counts the matches of each of tm.SearchTiers in turn and stops where
// tm.TopOf does, finding the matches a tier holds without the others: the texts whose normalised source is the
// query's (by digest: the exact matches); for a tier of prefix matches, those passing the prefix filter at its
// score (tm.NewPrefixFilter) whose start scores as well; for a tier of the other matches, every prefix match and
// those passing the whole-text filter at its score that score as well. The filter of a high score needs few of
// the query's rarest trigrams and its distance a narrow band, so the first tiers cost little. Only the texts a
// tier holds are read whole, and a tm.Memory of their first units orders their matches as one of every unit
// would, ahead of any other.
func (m *Memory) SearchTop(text, target string, threshold float64, limit int) (tm.Top, error) {
	if threshold <= 0 || threshold > 1 {
		threshold = tm.DefaultThreshold
	}
	tiers := tm.SearchTiers(text, threshold)
	if limit <= 0 {
		ms, err := m.Search(text, target, threshold)
		if err != nil {
			return tm.Top{}, err
		}
		return tm.TopOf(ms, tiers, limit), nil
	}
	q := tm.Normalize(text)
	if q == "" {
		return tm.TopOf(nil, tiers, limit), nil
	}
	m.ix.usable(gramsTable) // before the transaction, as in best
	tx, done, err := m.ix.lookupTx()
	if err != nil {
		return tm.Top{}, err
	}
	defer done()
	exact, err := m.sameNorm(tx, q)
	if err != nil {
		return tm.Top{}, err
	}
	sc := tm.NewScorer(text)
	scans := map[bool]*fetched{true: {}, false: {}} // by kind: prefix or whole
	var (
		ms       []tm.Match // the matches of the texts searched, which the next tier may hold too
		searched []int64
	)
	for i, t := range tiers {
		ids := slices.Clone(exact)
		if t.Rank >= tm.RankPrefix {
			level := t.Score
			if t.Rank > tm.RankPrefix {
				level = threshold // every prefix match ranks ahead of the other matches
			}
			more, err := m.scoring(tx, text, q, sc, true, level, scans[true])
			if err != nil {
				return tm.Top{}, err
			}
			ids = append(ids, more...)
		}
		if t.Rank == tm.RankFuzzy {
			more, err := m.scoring(tx, text, q, sc, false, t.Score, scans[false])
			if err != nil {
				return tm.Top{}, err
			}
			ids = append(ids, more...)
		}
		slices.Sort(ids)
		ids = slices.Compact(ids)
		last := i == len(tiers)-1
		if !last && len(ids)+len(m.external) <= limit {
			continue // a unit gives one match at most (Search keeps one of a pair): the tier holds too few
		}
		if ms == nil || !slices.Equal(ids, searched) {
			units, err := m.firsts(tx, ids)
			if err != nil {
				return tm.Top{}, err
			}
			ms, searched = m.memory(units).Search(text, target, threshold), ids
		}
		if top, ok := tm.TopAt(ms, tiers, i, limit); ok {
			return top, nil
		}
	}
	panic("unreachable: the last tier stops the search")
}

// sameNorm returns the ids of the texts whose normalised source is norm.
func (m *Memory) sameNorm(tx *sql.Tx, norm string) ([]int64, error) {
	rows, err := tx.Query(`SELECT id, norm FROM norms WHERE nhash = ?`, digest(norm))
	if err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	var ids []int64
	for rows.Next() {
		var (
			id int64
			n  string
		)
		if err := rows.Scan(&id, &n); err != nil {
			rows.Close()
			return nil, fmt.Errorf("index: %w", err)
		}
		if n == norm {
			ids = append(ids, id)
		}
	}
	return ids, closeRows(rows)
}

// scoreKey names the texts that score at least level against a normalised query, by their start (prefix) or
// as a whole.
type scoreKey struct {
	norm   string
	prefix bool
	level  float64
}

// scoring returns the ids of the texts whose normalised source scores at least level against text (whose
// normalised form is norm) by its start (prefix, Scorer.Prefix) or as a whole (Scorer.Score). They do not
// depend on the target language or the excluded releases, so the memories derived from m keep them for the
// searches of one command in each target language.
func (m *Memory) scoring(tx *sql.Tx, text, norm string, sc *tm.Scorer, prefix bool, level float64, scan *fetched) ([]int64, error) {
	key := scoreKey{norm, prefix, level}
	m.mu.Lock()
	ids, ok := m.scored[key]
	m.mu.Unlock()
	if ok {
		return ids, nil
	}
	f, ok := tm.NewFilter(text, level, false)
	if prefix {
		f, ok = tm.NewPrefixFilter(text, level)
	}
	texts, err := m.tierTexts(tx, f, ok, scan)
	if err != nil {
		return nil, err
	}
	ids = []int64{}
	for _, t := range texts {
		score := sc.Score
		if prefix {
			score = sc.Prefix
		}
		if _, ok := score(t.norm, level); ok {
			ids = append(ids, t.id)
		}
	}
	m.mu.Lock()
	m.scored[key] = ids
	m.mu.Unlock()
	return ids, nil
}

// fetched are the texts of a length range that a search read whole, whatever their trigrams: the texts of a
// tier's filter were about as many, and the later tiers of the same kind, whose filters are looser, read them
// again from here instead of the index.
type fetched struct {
	minLen, maxLen int // maxLen < 0: no upper bound
	texts          []textNorm
	shared         []tm.Shared // of each text, counted once
	done           bool
}

// covers reports whether c holds every text of f's lengths.
func (c *fetched) covers(f tm.Filter) bool {
	return c.done && c.minLen <= f.MinLen && (c.maxLen < 0 || f.MaxLen >= 0 && f.MaxLen <= c.maxLen)
}

// tierTexts returns the texts that pass f, as passing does, from scan when it covers f's lengths. Where the
// posting lists cannot exclude a text (f.Need ≤ 0, or texts_grams is not usable), it reads every text of f's
// lengths into scan instead, and the later tiers compare the counts of shared trigrams it keeps.
func (m *Memory) tierTexts(tx *sql.Tx, f tm.Filter, ok bool, scan *fetched) ([]textNorm, error) {
	if !ok {
		return nil, nil
	}
	if !scan.covers(f) {
		if f.Need > 0 && m.ix.usable(gramsTable) {
			return m.passing(tx, f, ok)
		}
		var err error
		if *scan, err = m.lengthRange(tx, f.MinLen, f.MaxLen); err != nil {
			return nil, err
		}
	}
	if scan.shared == nil { // the counts of the query's trigrams, which the filters of every tier compare
		scan.shared = make([]tm.Shared, len(scan.texts))
		for i, t := range scan.texts {
			scan.shared[i] = f.Shared(t.norm)
		}
	}
	var out []textNorm
	for i, t := range scan.texts {
		if f.PassShared(scan.shared[i]) {
			out = append(out, t)
		}
	}
	return out, nil
}

// lengthRange reads every text of minLen to maxLen code points (maxLen < 0: no upper bound).
func (m *Memory) lengthRange(tx *sql.Tx, minLen, maxLen int) (fetched, error) {
	q, args := lengthQuery(minLen, maxLen)
	rows, err := tx.Query(q, args...)
	if err != nil {
		return fetched{}, fmt.Errorf("index: %w", err)
	}
	out := fetched{minLen: minLen, maxLen: maxLen, done: true}
	for rows.Next() {
		var t textNorm
		if err := rows.Scan(&t.id, &t.norm); err != nil {
			rows.Close()
			return fetched{}, fmt.Errorf("index: %w", err)
		}
		out.texts = append(out.texts, t)
	}
	return out, closeRows(rows)
}
