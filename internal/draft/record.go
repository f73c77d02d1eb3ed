package draft

import (
	"sort"

	"github.com/relloc/relloc/internal/release"
	"github.com/relloc/relloc/internal/worddiff"
)

// Record is what a translation remembers of the English it was made from: the digest of every English sentence
// and, where relloc wrote it, the sentence itself, so that a change of the English can be shown as a word diff.
//
// It lives in the translation's front matter, in the [source] table, one line a sentence, keyed by digest:
//
//	[source]
//	"0e1a1ae4feed9ddf" = "NATION RELIGION KING"
//
// Keying by digest rather than by position means that a paragraph inserted into the English changes no other
// line of the table. Files written before the English was recorded key the table by sentence id ("b6.s2" =
// digest); they are still read, and the English they were made from is then unknown. relloc keeps this record
// itself rather than reading the English's git history, so that it works the same in a workspace that is not a
// git repository and in a copy of a release sent to a translator.
type Record struct {
	texts map[string]string // digest → English sentence, "" when unknown
	ids   map[string]string // sentence id → digest, for tables of the old form
}

// ReadRecord reads the [source] table of a translation's front matter; nil gives an empty record.
func ReadRecord(table map[string]string) Record {
	r := Record{texts: map[string]string{}, ids: map[string]string{}}
	for k, v := range table {
		switch {
		case isDigest(k):
			r.texts[k] = v
		case isDigest(v):
			if _, ok := r.texts[v]; !ok {
				r.texts[v] = ""
			}
			r.ids[k] = v
		}
	}
	return r
}

// isDigest reports whether s has the form of a Digest: 16 lower-case hex digits.
func isDigest(s string) bool {
	if len(s) != 16 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// Has reports whether the translation was made from an English sentence with this digest.
func (r Record) Has(digest string) bool {
	_, ok := r.texts[digest]
	return ok
}

// ChangeKind says how an English sentence differs from what a translation was made from.
type ChangeKind int

const (
	// Changed: the sentence was edited; Change.Old holds the English before, when recorded.
	Changed ChangeKind = iota
	// Added: the sentence is new in the English.
	Added
	// Deleted: the translation was made from a sentence the English no longer has (Change.Old).
	Deleted
)

// String returns the kind's name.
func (k ChangeKind) String() string {
	switch k {
	case Changed:
		return "changed"
	case Added:
		return "added"
	default:
		return "deleted"
	}
}

// Change is one English sentence that differs from what a translation was made from.
type Change struct {
	Kind     ChangeKind
	Sentence Sentence // the English sentence now (Changed, Added)
	// Old is the English sentence the translation was made from (Changed, Deleted); "" when the record does not
	// hold it. OldDigest is its digest.
	Old, OldDigest string
}

// Known reports whether the English the translation was made from is known.
func (c Change) Known() bool { return c.Old != "" }

// Diff returns the word diff from the old English to the English now, with context words around each change
// (0: the whole sentence).
func (c Change) Diff(context int) string {
	return worddiff.Format(worddiff.Diff(c.Old, foldSpace(c.Sentence.Text())), context)
}

// similar is the word similarity from which a recorded sentence and a new one count as one sentence edited.
const similar = 0.5

// Changes compares the English document src with the record of a translation: every English sentence the
// translation was not made from is Changed (paired with the most similar recorded sentence the English no
// longer has) or Added; every recorded sentence the English no longer has and that was not paired is Deleted.
// Changed and Added come in document order, Deleted after them in the order of their text.
func Changes(src *release.Document, rec Record) []Change {
	sents := Sentences(src)
	current := map[string]bool{}
	for _, s := range sents {
		current[Digest(s.Text())] = true
	}
	var gone []string // recorded digests the English no longer has
	for d := range rec.texts {
		if !current[d] {
			gone = append(gone, d)
		}
	}
	sort.Slice(gone, func(i, j int) bool {
		return rec.texts[gone[i]] < rec.texts[gone[j]] || rec.texts[gone[i]] == rec.texts[gone[j]] && gone[i] < gone[j]
	})
	var out []Change
	for _, s := range sents {
		if !rec.Has(Digest(s.Text())) {
			out = append(out, Change{Kind: Added, Sentence: s})
		}
	}
	// Pair the most similar first, so that two edited sentences of one paragraph find their own old versions.
	type cand struct {
		c, g  int
		score float64
	}
	var cands []cand
	for i, c := range out {
		for j, d := range gone {
			if t := rec.texts[d]; t != "" {
				if sc := worddiff.Similarity(t, foldSpace(c.Sentence.Text())); sc >= similar {
					cands = append(cands, cand{i, j, sc})
				}
			}
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
	used := map[int]bool{}
	for _, cd := range cands {
		if out[cd.c].Kind == Changed || used[cd.g] {
			continue
		}
		out[cd.c].Kind, out[cd.c].Old, out[cd.c].OldDigest = Changed, rec.texts[gone[cd.g]], gone[cd.g]
		used[cd.g] = true
	}
	// A table of the old form knows which sentence id had which digest: a sentence whose id was recorded with
	// another digest changed, though the English before is unknown.
	for i, c := range out {
		if d, ok := rec.ids[c.Sentence.ID]; ok && c.Kind == Added && !current[d] {
			out[i].Kind, out[i].OldDigest = Changed, d
		}
	}
	for j, d := range gone {
		if !used[j] && rec.texts[d] != "" {
			out = append(out, Change{Kind: Deleted, Old: rec.texts[d], OldDigest: d})
		}
	}
	return out
}

// Stale returns the sentences of the English document src that a translation with the record rec was not made
// from, in document order: those whose digest the record does not hold. Matching digests rather than ids
// means that a sentence inserted in the English makes that sentence stale, not every sentence after it.
func Stale(src *release.Document, rec Record) []Sentence {
	var out []Sentence
	for _, s := range Sentences(src) {
		if !rec.Has(Digest(s.Text())) {
			out = append(out, s)
		}
	}
	return out
}

// table returns the [source] lines of a record: the digest and text of each sentence of sents (in that order,
// once each), then those of keep, which are recorded sentences the English no longer has but which must stay
// recorded (an edited sentence not yet revised).
func table(sents []Sentence, keep []string, rec Record) []entry {
	var out []entry
	seen := map[string]bool{}
	for _, s := range sents {
		d := Digest(s.Text())
		if !seen[d] {
			seen[d] = true
			out = append(out, entry{d, foldSpace(s.Text())})
		}
	}
	for _, d := range keep {
		if !seen[d] {
			seen[d] = true
			out = append(out, entry{d, rec.texts[d]})
		}
	}
	return out
}

// entry is one line of the [source] table.
type entry struct{ digest, text string }
