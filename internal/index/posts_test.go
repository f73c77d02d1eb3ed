package index

import (
	"database/sql"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/tm"
)

// postingsIndex returns an index holding texts as its stored texts' normalised sources, ids from 1, with no
// release: what a lookup reads of them.
func postingsIndex(t *testing.T, texts []string) *Index {
	t.Helper()
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, Dir), 0o755); err != nil {
		t.Fatal(err)
	}
	ix, err := openDB(Config{Root: root, Source: language.English}, Path(root), walParams)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	if err := ix.create(); err != nil {
		t.Fatal(err)
	}
	for i, n := range texts {
		if _, err := ix.db.Exec(`INSERT INTO norms (id, nhash, len, norm) VALUES (?, ?, ?, ?)`,
			i+1, digest(n), utf8.RuneCountInString(n), n); err != nil {
			t.Fatal(err)
		}
	}
	return ix
}

// generatedNorms returns n normalised texts in the way of a templated archive: sentences of a few templates with
// names, numbers and words changed, some words repeated (a text holds some trigrams more than once), and a few
// in Khmer, of three code points and more.
func generatedNorms(r *rand.Rand, n int) []string {
	templates := []string{
		"both sides agreed to hold the %s meeting of the joint commission in %s in %s",
		"the minister of %s of %s expressed the interest of companies in investing in %s",
		"he thanked %s for the %s scholarships it has provided since %s",
		"ភាគីទាំងពីរបានឯកភាព %s នៅ %s ឆ្នាំ %s",
	}
	words := []string{"8th", "15th", "kep", "kandal", "brazil", "australia", "1994", "2003", "the the", "agriculture",
		"health", "sport", "aa aa aa", "ខេត្តកែប", "កម្ពុជា", "34", "347"}
	var out []string
	for len(out) < n {
		s := templates[r.IntN(len(templates))]
		for strings.Contains(s, "%s") {
			s = strings.Replace(s, "%s", words[r.IntN(len(words))], 1)
		}
		if r.IntN(4) == 0 { // a few words typed, or a sentence cut short
			rs := []rune(s)
			s = string(rs[:3+r.IntN(len(rs)-2)])
		}
		out = append(out, tm.Normalize(s))
	}
	return out
}

// TestCountSharedIsLossless checks that the texts a lookup tests in full (countShared, from the posting lists of
// the query's rarest trigrams) hold every text of the filter's lengths that the filter passes, and that passing
// returns exactly the texts a scan of every text keeps: over generated templated texts, queries near them and
// cut short, every threshold from permissive to exact, for Lookup, Search and Search's prefixes.
func TestCountSharedIsLossless(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	texts := generatedNorms(r, 600)
	ix := postingsIndex(t, texts)
	m := ix.Memory(nil)
	if !m.ix.usable(gramsTable) {
		t.Fatal("texts_grams could not be filled")
	}
	tx, err := ix.db.BeginTx(ctxBackground, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	narrowed := 0
	for q := 0; q < 60; q++ {
		query := generatedNorms(r, 1)[0]
		if q%3 == 0 {
			query = texts[r.IntN(len(texts))]
		}
		for _, threshold := range []float64{0.5, 0.6, 0.75, 0.85, 0.92, 0.96, 1} {
			filters := map[string]func() (tm.Filter, bool){
				"lookup": func() (tm.Filter, bool) { return tm.NewFilter(query, threshold, false) },
				"search": func() (tm.Filter, bool) { return tm.NewFilter(query, threshold, true) },
				"prefix": func() (tm.Filter, bool) { return tm.NewPrefixFilter(query, threshold) },
			}
			for kind, make := range filters {
				f, ok := make()
				if !ok || f.Need <= 0 {
					continue
				}
				var want []int64
				for i, n := range texts {
					l := utf8.RuneCountInString(n)
					if l >= f.MinLen && (f.MaxLen < 0 || l <= f.MaxLen) && f.Pass(n) {
						want = append(want, int64(i+1))
					}
				}
				cands, _, err := m.countShared(tx, f)
				if err != nil {
					t.Fatal(err)
				}
				for _, id := range want {
					if _, found := slices.BinarySearch(cands, id); !found {
						t.Fatalf("%s of %q at %v: text %d %q passes the filter but is no candidate",
							kind, query, threshold, id, texts[id-1])
					}
				}
				if len(cands) < len(texts)/2 {
					narrowed++
				}
				got, err := m.passing(tx, f, true)
				if err != nil {
					t.Fatal(err)
				}
				var ids []int64
				for _, x := range got {
					ids = append(ids, x.id)
				}
				if !slices.Equal(ids, want) {
					t.Fatalf("%s of %q at %v: passing gives %v, a scan %v", kind, query, threshold, ids, want)
				}
			}
		}
	}
	if narrowed == 0 {
		t.Error("the posting lists never left out half the texts")
	}
}

// TestPostingsRoundTrip checks that a posting list gives back the texts and counts it was made of, and that
// merging changes into one gives the list of the texts after them.
func TestPostingsRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 16))
	for range 200 {
		var want []posting
		id := int64(0)
		for range r.IntN(50) {
			id += 1 + r.Int64N(int64(1)<<r.IntN(40))
			want = append(want, posting{id: id, count: 1 + r.IntN(3)*r.IntN(300)})
		}
		var l postingList
		for _, p := range want {
			l.add(p.id, p.count)
		}
		var got []posting
		if err := eachPosting(l.data, func(id int64, n int) { got = append(got, posting{id: id, count: n}) }); err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, want) || l.n != len(want) {
			t.Fatalf("list of %v gives %v (%d texts)", want, got, l.n)
		}
		var changes, after []posting
		for _, p := range want {
			if r.IntN(3) == 0 {
				changes = append(changes, posting{id: p.id, gone: true})
			} else {
				after = append(after, p)
			}
		}
		added := posting{id: id + 1 + r.Int64N(100), count: 1 + r.IntN(4)}
		changes, after = append(changes, added), append(after, added)
		data, n, err := mergePostings(l.data, changes)
		if err != nil {
			t.Fatal(err)
		}
		got = nil
		if err := eachPosting(data, func(id int64, n int) { got = append(got, posting{id: id, count: n}) }); err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, after) || n != len(after) {
			t.Fatalf("%v with changes %v gives %v (%d texts), want %v", want, changes, got, n, after)
		}
	}
	if err := eachPosting([]byte{0x80}, func(int64, int) {}); err == nil {
		t.Error("a cut varint gives no error")
	}
}

// TestCountListAsEachPosting: countList, eachPosting unrolled for ids one and two bytes apart, adds what
// eachPosting reads, at ids one, two and more bytes apart and with counts above one, and fails where it fails: a
// list cut within a varint.
func TestCountListAsEachPosting(t *testing.T) {
	r := rand.New(rand.NewPCG(17, 18))
	for range 300 {
		var l postingList
		id := int64(0)
		for range r.IntN(60) {
			id += 1 + r.Int64N(int64(1)<<(1+r.IntN(16)))
			l.add(id, 1+r.IntN(4)/3*r.IntN(300))
		}
		size := int(id) + 1
		if r.IntN(4) == 0 {
			size = int(id)/2 + 1 // the texts past the transaction's largest id are skipped
		}
		q := int32(1 + r.IntN(3))
		want, got := make([]int32, size), make([]int32, size)
		var wantCands []int64
		if err := eachPosting(l.data, func(id int64, n int) {
			if id < int64(size) {
				want[id] += min(q, int32(n))
				wantCands = append(wantCands, id)
			}
		}); err != nil {
			t.Fatal(err)
		}
		cands, err := countList(l.data, got, q, true, nil)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, want) || !slices.Equal(cands, wantCands) {
			t.Fatalf("list %x: counts %v, candidates %v; want %v, %v", l.data, got, cands, want, wantCands)
		}
		if len(l.data) > 0 && l.data[len(l.data)-1] < 0x80 {
			cut := l.data[:len(l.data)-1]
			_, errEach := countList(cut, make([]int32, size), q, false, nil)
			if (eachPosting(cut, func(int64, int) {}) == nil) != (errEach == nil) {
				t.Fatalf("list %x cut before its last byte: countList error %v, eachPosting's differs", cut, errEach)
			}
		}
	}
}

// TestAppendZoneAsDecode: appendZone appends the lists decodeZone gives of a row at the lengths asked for, in
// their order, after what dst holds, with lengths, numbers of texts and sizes of one byte and more, and fails
// where decodeZone fails: a directory cut within a number, a list past the row's.
func TestAppendZoneAsDecode(t *testing.T) {
	r := rand.New(rand.NewPCG(17, 18))
	for range 200 {
		zone := r.IntN(20)
		var lists []lengthList
		for l := zone * zoneWidth; l < (zone+1)*zoneWidth; l++ {
			if r.IntN(3) > 0 {
				data := make([]byte, r.IntN(1<<r.IntN(10)))
				lists = append(lists, lengthList{len: l, n: 1 + r.IntN(1<<r.IntN(12)), data: data})
			}
		}
		dir, posts := encodeZone(zone, lists)
		lo, hi := zone*zoneWidth+r.IntN(zoneWidth), zone*zoneWidth+r.IntN(zoneWidth)
		for _, withPosts := range []bool{true, false} {
			p := posts
			if !withPosts {
				p = nil
			} else if p == nil {
				p = []byte{}
			}
			all, err := decodeZone(zone, dir, p)
			if err != nil {
				t.Fatal(err)
			}
			want := []lengthList{{len: -1}}
			for _, l := range all {
				if l.len >= lo && l.len <= hi {
					want = append(want, l)
				}
			}
			got, err := appendZone([]lengthList{{len: -1}}, zone, dir, p, lo, hi)
			if err != nil || !reflect.DeepEqual(got, want) {
				t.Fatalf("zone %d, lengths %d to %d: appendZone gives %v, %v, want %v", zone, lo, hi, got, err, want)
			}
		}
		if _, err := appendZone(nil, zone, dir, posts[:len(posts)/2], 0, math.MaxInt); len(posts) > 0 && err == nil {
			t.Errorf("a list past the row gives no error")
		}
	}
	if _, err := appendZone(nil, 0, []byte{3, 0x80}, nil, 0, math.MaxInt); err == nil {
		t.Errorf("a directory cut within a number gives no error")
	}
}
