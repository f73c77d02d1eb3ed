package index

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
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
// finds nothing. Its lookups may run side by side, each in a transaction on a connection of its own, sharing what
// they read (shared, under its mutex).
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
	mu      sync.Mutex
	err     error
	docs    map[string]gramLengths // trigram → the number of texts holding it, by length, as read
	posts   map[string]gramLengths // trigram → its posting lists read
	maxText int                    // one more than the largest text id, once read (textIDs)
	normOf  map[int64]string       // text id → its normalised source, as read (norms)
	texts   map[int64]textRow      // text id → text
	scored  map[scoreKey][]int64   // the texts scoring at a level (SearchTop)
	// countsPool keeps the arrays countShared counts in (counts).
	countsPool sync.Pool
}

// textRow is a text of the index: a unit's text in each language and its normalised source.
type textRow struct {
	text map[string]string
	norm string
}

// Memory returns the translation memory of the index followed by external.
func (ix *Index) Memory(external []tm.Unit) *Memory {
	m := &Memory{ix: ix, external: external, shared: &shared{docs: map[string]gramLengths{}, posts: map[string]gramLengths{}, normOf: map[int64]string{}, texts: map[int64]textRow{},
		scored: map[scoreKey][]int64{}}}
	for _, u := range external {
		m.extNorms = append(m.extNorms, tm.Normalize(u.Text[ix.cfg.Source.String()]))
	}
	if !ix.cfg.Memory {
		// The index may not hold the memory (memoryPart): a memory of it would find nothing, not fail.
		m.err = errors.New("index: the memory of an index opened without Config.Memory")
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
// finds a match, that match is the best (every unit scoring as well passes its filter). A templated archive's
// best matches fall between 0.82 and 0.92 as often as above, where the trigram filter of one level lower passes
// thousands of texts that share the template (one sentence at 0.85 had 10,986 for its best of 0.89): levels three
// hundredths apart there scored 65% fewer candidates in the drafts of five releases at 10,000 releases (70,340 →
// 24,556) and counted 6% fewer bytes of posting lists than 0.96, 0.92 and 0.85 (the lists a level reads stay
// read for the next).
var bestLevels = []float64{0.96, 0.92, 0.89, 0.86, 0.82}

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
	tx, done, err := m.ix.lookupTx()
	if err != nil {
		return tm.Match{}, false, err
	}
	defer done()
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
	tx, done, err := m.ix.lookupTx()
	if err != nil {
		return nil, err
	}
	defer done()
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

// passing returns the texts that pass f. Where f's trigrams exclude texts and texts_grams is filled, it counts
// the trigrams each text of f's lengths shares with the query from their posting lists (countShared), reads the
// normalised sources of those sharing f.Need or more, and tests them against f in full (a match by a text's
// start shares its trigrams with the whole text too, so it is among them); otherwise it reads every text of
// f's lengths and tests each.
func (m *Memory) passing(tx *sql.Tx, f tm.Filter, ok bool) ([]textNorm, error) {
	if !ok {
		return nil, nil
	}
	if f.Need > 0 && m.ix.usable(gramsTable) { // tried before the transaction began (best, candidates)
		ids, exact, err := m.countShared(tx, f)
		if err != nil {
			return nil, err
		}
		texts, err := m.norms(tx, ids)
		if err != nil || exact && f.MaxLen >= 0 {
			// With every list counted, a filter of whole texts alone (no upper bound is a search's prefixes) passes
			// the texts of its lengths sharing f.Need of the trigrams: the candidates.
			return texts, err
		}
		var out []textNorm
		for _, t := range texts {
			if f.Pass(t.norm) {
				out = append(out, t)
			}
		}
		return out, nil
	}
	q, args := lengthQuery(f.MinLen, f.MaxLen)
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

// norms returns the normalised sources of the texts ids, in their order, reading from the index those the
// memory has not read: the levels of a lookup and the tiers of a search test many of the same candidates.
func (m *Memory) norms(tx *sql.Tx, ids []int64) ([]textNorm, error) {
	out := make([]textNorm, len(ids))
	cached := make([]bool, len(ids))
	var missing []int64
	m.mu.Lock()
	for i, id := range ids {
		n, ok := m.normOf[id]
		out[i], cached[i] = textNorm{id, n}, ok
		if !ok {
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
	rows, err := tx.Query(`SELECT id, norm FROM norms WHERE id IN (SELECT value FROM json_each(?))`, string(list))
	if err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	read := make(map[int64]string, len(missing))
	for rows.Next() {
		var t textNorm
		if err := rows.Scan(&t.id, &t.norm); err != nil {
			rows.Close()
			return nil, fmt.Errorf("index: %w", err)
		}
		read[t.id] = t.norm
	}
	if err := closeRows(rows); err != nil {
		return nil, err
	}
	m.mu.Lock()
	for id, n := range read {
		m.normOf[id] = n
	}
	m.mu.Unlock()
	kept := out[:0]
	for i, t := range out {
		if !cached[i] {
			n, ok := read[t.id]
			if !ok {
				continue // no text of that id, which the posting lists name: not in this transaction's index
			}
			t.norm = n
		}
		kept = append(kept, t)
	}
	return kept, nil
}

// lengthQuery returns the query of the ids and normalised sources of the texts of minLen to maxLen code points
// (maxLen < 0: no upper bound).
func lengthQuery(minLen, maxLen int) (string, []any) {
	q, args := `SELECT id, norm FROM norms WHERE len >= ?`, []any{minLen}
	if maxLen >= 0 {
		q, args = q+` AND len <= ?`, append(args, maxLen)
	}
	return q, args
}

// countShared returns, in the order of their ids, the texts of f's lengths that may share f.Need of the query's
// trigrams (f.Grams) and that passing tests in full, found from the posting lists of the query's rarest
// trigrams (at f's lengths alone) by the count filter with prefix filtering:
//
// A text t shares with the query Σ_g min(q_g, t_g) trigrams, g over the query's distinct trigrams, q_g and t_g
// the times each holds g (tm.Filter.Pass counts them so). Take the trigrams in the order of how many texts of
// f's lengths hold them, rarest first, and let R_i be Σ q_g over those after the i-th. After the lists of the
// first i trigrams are counted, a text has c_i = Σ min(q_g, t_g) over them, and it shares at most c_i + R_i,
// since min(q_g, t_g) ≤ q_g. So a text with c_i + R_i < f.Need cannot pass, and once R_i < f.Need, no text in
// none of the lists counted can (c_i = 0): those lists, the rarest, give every candidate. Each further list
// counted only lowers R_i and so narrows the candidates; countShared reads further lists while a list costs
// less than testing the candidates left (listCost), and with every list counted (exact), c + R = c is the
// count itself.
func (m *Memory) countShared(tx *sql.Tx, f tm.Filter) (cands []int64, exact bool, err error) {
	lo, hi := f.MinLen, f.MaxLen
	if hi < 0 {
		hi = math.MaxInt32
	}
	type gram struct {
		text  string
		q, in int // times the query holds it, texts of f's lengths holding it
	}
	var (
		gs    []gram
		texts []string
		left  int // R: Σ q_g over the trigrams not counted
	)
	for g, q := range f.Grams {
		gs, texts = append(gs, gram{text: g, q: q}), append(texts, g)
		left += q
	}
	dirs, err := m.gramRead(tx, nil, m.docs, false, texts, lo, hi)
	if err != nil {
		return nil, false, err
	}
	for i := range gs {
		gs[i].in = dirs[i].holding(lo, hi)
	}
	slices.SortFunc(gs, func(a, b gram) int { return cmp.Or(cmp.Compare(a.in, b.in), cmp.Compare(a.text, b.text)) })
	// The lists of the prefix, which are all read, in one query.
	var prefixGrams []string
	for i, need := 0, left; i < len(gs) && need >= f.Need; i++ {
		prefixGrams, need = append(prefixGrams, gs[i].text), need-gs[i].q
	}
	if _, err := m.gramRead(tx, nil, m.posts, true, prefixGrams, lo, hi); err != nil {
		return nil, false, err
	}
	// The lists past the prefix are read one at a time, each while it costs less than the candidates it may rule
	// out, through one statement.
	one, err := tx.Prepare(gramOneQuery)
	if err != nil {
		return nil, false, fmt.Errorf("index: %w", err)
	}
	defer one.Close()
	size, err := m.textIDs(tx)
	if err != nil {
		return nil, false, err
	}
	counts := m.counts(size)
	defer m.countsPool.Put(counts)
	// cands: the texts counted so far; from the prefix on, those that may still pass
	prefix := true
	for _, g := range gs {
		if !prefix && g.in > listCost*len(cands) {
			break
		}
		read, err := m.gramRead(tx, one, m.posts, true, []string{g.text}, lo, hi)
		if err != nil {
			return nil, false, err
		}
		for _, l := range read[0].lists {
			if l.len < lo || l.len > hi {
				continue
			}
			var err error
			if cands, err = countList(l.data, *counts, int32(g.q), prefix, cands); err != nil {
				return nil, false, fmt.Errorf("index: posting list %q: %w", g.text, err)
			}
		}
		if left -= g.q; left < f.Need {
			prefix = false
			kept := cands[:0]
			for _, id := range cands {
				if int((*counts)[id])+left >= f.Need {
					kept = append(kept, id)
				}
			}
			cands = kept
		}
	}
	slices.Sort(cands)
	return cands, left == 0, nil
}

// countList adds to counts[id] the lesser of q and the count of each text id of the posting list data (ids
// past counts, texts added since the memory read the largest id, which its transaction cannot see, are
// skipped), appending to cands each id first counted when adding is set, and returns cands. It is eachPosting
// unrolled for the lists' common cases, a text holding the trigram once one or two bytes apart from the text
// before: the texts of one length are a few hundred of the archive's, so most ids are 64 or more apart.
func countList(data []byte, counts []int32, q int32, adding bool, cands []int64) ([]int64, error) {
	var id int64
	for i := 0; i < len(data); {
		var v uint64
		if b := data[i]; b < 0x80 {
			v, i = uint64(b), i+1
		} else if i+1 < len(data) && data[i+1] < 0x80 {
			v, i = uint64(b&0x7f)|uint64(data[i+1])<<7, i+2
		} else {
			x, k := binary.Uvarint(data[i:])
			if k <= 0 {
				return cands, errPostings
			}
			v, i = x, i+k
		}
		n := int32(1)
		if v&1 != 0 {
			x, k := binary.Uvarint(data[i:])
			if k <= 0 {
				return cands, errPostings
			}
			n, i = int32(min(x, 1<<30)), i+k
		}
		id += int64(v >> 1)
		if uint64(id) >= uint64(len(counts)) {
			continue
		}
		if adding && counts[id] == 0 {
			cands = append(cands, id)
		}
		counts[id] += min(q, n)
	}
	return cands, nil
}

// listCost is how many entries of a posting list cost about as much to count as one candidate text costs to
// read and test (passing): beyond it, countShared stops counting lists and leaves the candidates to the test.
const listCost = 64

// counts returns an array of size zeros, from the memory's pool: a lookup counts the trigrams each text shares
// with the query in an array indexed by text id (half a megabyte at 10,000 releases), which the lookups of a
// draft need one at a time each, where a new one each was pages of memory the kernel gave and zeroed.
func (m *Memory) counts(size int) *[]int32 {
	c, _ := m.countsPool.Get().(*[]int32)
	if c == nil || cap(*c) < size {
		s := make([]int32, size)
		return &s
	}
	*c = (*c)[:size]
	clear(*c)
	return c
}

// textIDs returns one more than the largest text id, the size of an array indexed by them.
func (m *Memory) textIDs(tx *sql.Tx) (int, error) {
	m.mu.Lock()
	n := m.maxText
	m.mu.Unlock()
	if n > 0 {
		return n, nil
	}
	if err := tx.QueryRow(`SELECT coalesce(max(id), 0) + 1 FROM norms`).Scan(&n); err != nil {
		return 0, fmt.Errorf("index: %w", err)
	}
	m.mu.Lock()
	m.maxText = n
	m.mu.Unlock()
	return n, nil
}

// gramLengths are what a memory read of one trigram, at the lengths from lo to hi (read): each length's number of
// texts holding it, and with lists, their posting list.
type gramLengths struct {
	lo, hi int
	read   bool
	lists  []lengthList
}

// covers reports whether c holds the zones from lo to hi.
func (c gramLengths) covers(lo, hi int) bool { return c.read && c.lo <= lo && hi <= c.hi }

// holding returns the number of texts of lo to hi code points that c counts.
func (c gramLengths) holding(lo, hi int) int {
	total := 0
	for _, l := range c.lists {
		if l.len >= lo && l.len <= hi {
			total += l.n
		}
	}
	return total
}

// gramReadQuery reads the directories of the rows of texts_grams of the trigrams of a JSON array (?1) in the
// zones from ?2 to ?3, with their posting lists when ?4 is true.
const gramReadQuery = `SELECT gram, zone, dir, CASE WHEN ?4 THEN posts END FROM texts_grams
	WHERE gram IN (SELECT value FROM json_each(?1)) AND zone BETWEEN ?2 AND ?3`

// gramOneQuery is gramReadQuery of one trigram (?1), which countShared reads alone for each list it counts past
// the prefix: without the table of a JSON array, which cost about three times the read of the row.
const gramOneQuery = `SELECT gram, zone, dir, CASE WHEN ?4 THEN posts END FROM texts_grams
	WHERE gram = ?1 AND zone BETWEEN ?2 AND ?3`

// gramRead returns what the memory read of each trigram of grams at the lengths from lo to hi, from the
// directories of their rows of texts_grams, with their posting lists when lists is set: from cache when it has
// them (the lookups of a draft share most of their trigrams and lengths, and a lookup tries several ranges),
// the others in one query (gramOneQuery for one, through one, its statement prepared for the lookup, when one
// is not nil). A row holds the lists of every length of its zone: the lists of the lengths asked for are copied
// out of the row as SQLite gives it (sql.RawBytes), in one buffer a row, and the rest left, where the whole row
// was copied again by database/sql and kept (a draft at 10,000 releases read 25 MB of rows).
func (m *Memory) gramRead(tx *sql.Tx, one *sql.Stmt, cache map[string]gramLengths, lists bool, grams []string, lo, hi int) ([]gramLengths, error) {
	out := make([]gramLengths, len(grams))
	var missing []string
	m.mu.Lock()
	for i, g := range grams {
		c, ok := cache[g]
		out[i] = c
		if ok && c.covers(lo, hi) {
			continue
		}
		if ok { // read again with what it holds, which stays the lengths cached
			lo, hi = min(lo, c.lo), max(hi, c.hi)
		}
		missing = append(missing, g)
	}
	m.mu.Unlock()
	if len(missing) == 0 {
		return out, nil
	}
	zlo, zhi := zoneOf(lo), zoneOf(hi)
	q, arg := gramOneQuery, missing[0]
	if len(missing) > 1 {
		list, err := json.Marshal(missing)
		if err != nil {
			return nil, err
		}
		q, arg = gramReadQuery, string(list)
	}
	read := make(map[string]gramLengths, len(missing))
	for _, g := range missing {
		read[g] = gramLengths{lo: lo, hi: hi, read: true}
	}
	var (
		rows *sql.Rows
		err  error
	)
	if one != nil && len(missing) == 1 {
		rows, err = one.Query(arg, zlo, zhi, lists)
	} else {
		rows, err = tx.Query(q, arg, zlo, zhi, lists)
	}
	if err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	for rows.Next() {
		var (
			g          string
			zone       int
			dir, posts sql.RawBytes
		)
		if err := rows.Scan(&g, &zone, &dir, &posts); err != nil {
			rows.Close()
			return nil, fmt.Errorf("index: %w", err)
		}
		if lists && posts == nil {
			posts = sql.RawBytes{}
		}
		c := read[g]
		from := len(c.lists)
		if c.lists, err = appendZone(c.lists, zone, dir, posts, lo, hi); err != nil {
			rows.Close()
			return nil, fmt.Errorf("index: posting lists of %q in zone %d: %w", g, zone, err)
		}
		if lists {
			ls := c.lists[from:]
			size := 0
			for _, l := range ls {
				size += len(l.data)
			}
			buf := make([]byte, 0, size)
			for i, l := range ls {
				buf = append(buf, l.data...)
				ls[i].data = buf[len(buf)-len(l.data) : len(buf) : len(buf)]
			}
		}
		read[g] = c
	}
	if err := closeRows(rows); err != nil {
		return nil, err
	}
	m.mu.Lock()
	for g, c := range read {
		cache[g] = c
	}
	m.mu.Unlock()
	for i, g := range grams {
		if c, ok := read[g]; ok {
			out[i] = c
		}
	}
	return out, nil
}

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

// quote writes s as an FTS5 string.
func quote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// containing returns every unit whose matching form in one of langs (none: any language) may contain phrase's,
// in memory order: those of the texts the full-text index finds when every form of the phrase has three code
// points or more, else every unit.
func (m *Memory) containing(phrase string, langs []string) ([]unitRow, error) {
	forms := m.ix.usable(formsTable) // before the transaction, as in best
	tx, done, err := m.ix.lookupTx()
	if err != nil {
		return nil, err
	}
	defer done()
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

// lookupMap is the size of the memory map, in bytes, through which a lookup reads the index: SQLite's own
// ceiling (SQLITE_MAX_MMAP_SIZE), past which it reads the rest of a larger file with system calls as before.
const lookupMap = 0x7fff0000

// lookupTx begins the read-only transaction of a lookup on a connection of the pool that reads the index through
// a memory map, and returns it with a function that ends it and gives the connection back. A lookup reads
// megabytes of posting lists, most of them in overflow pages, which SQLite otherwise reads one page and one
// pread at a time, into a buffer or its cache: a third of a warm draft's lookups at 10,000 releases. The map
// is not the connections' default (walParams) because the pages it touches count in a process's resident
// memory: check, which reads every release's stored outcome once, keeps its small page cache (passConn). The
// connection keeps its map in the pool, for the command's next lookup: setting it again to the same size does
// not map the file again.
func (ix *Index) lookupTx() (*sql.Tx, func(), error) {
	conn, err := ix.db.Conn(ctxBackground)
	if err != nil {
		return nil, nil, fmt.Errorf("index: %w", err)
	}
	if _, err := conn.ExecContext(ctxBackground, fmt.Sprintf(`PRAGMA mmap_size = %d`, lookupMap)); err != nil {
		conn.Close()
		return nil, nil, fmt.Errorf("index: %w", err)
	}
	tx, err := conn.BeginTx(ctxBackground, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		conn.Close()
		return nil, nil, fmt.Errorf("index: %w", err)
	}
	return tx, func() {
		tx.Rollback()
		conn.Close()
	}, nil
}
