package index

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/bitext"
	"github.com/relloc/relloc/internal/coverage"
	"github.com/relloc/relloc/internal/release"
	"github.com/relloc/relloc/internal/tm"
)

// BenchmarkOpenCold builds the index of a generated workspace of 40 releases from nothing: reading, aligning
// and analysing every release and writing it.
func BenchmarkOpenCold(b *testing.B) {
	f := newFixture(b, 40)
	for b.Loop() {
		if err := remove(f.ws.Root); err != nil {
			b.Fatal(err)
		}
		ix, err := Open(f.config())
		if err != nil {
			b.Fatal(err)
		}
		ix.Close()
	}
}

// BenchmarkOpenWarm opens an index that is up to date: the sizes and times of every release file compared, at
// 40 and 1,000 releases. The files are dated an hour back, so that none is recorded as changed too recently to
// trust its time (racy), which each open would hash again for as long as the benchmark runs within two seconds of
// their writing.
func BenchmarkOpenWarm(b *testing.B) {
	for _, n := range []int{40, 1000} {
		b.Run(fmt.Sprintf("releases=%d", n), func(b *testing.B) {
			f := newFixture(b, n)
			old := time.Now().Add(-time.Hour)
			err := filepath.WalkDir(f.ws.Path(f.ws.Config.Releases), func(p string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				return os.Chtimes(p, old, old)
			})
			if err != nil {
				b.Fatal(err)
			}
			f.open(b).Close()
			for b.Loop() {
				ix, err := Open(f.config())
				if err != nil {
					b.Fatal(err)
				}
				if ix.Read != 0 {
					b.Fatalf("a warm open read %d releases", ix.Read)
				}
				ix.Close()
			}
		})
	}
}

// BenchmarkSearchWarm is tm search of whole sentences and of their first words in an index up to date.
func BenchmarkSearchWarm(b *testing.B) {
	f := newFixture(b, 40)
	ix := f.open(b)
	qs := queries(f.direct(b).units)
	m := ix.Memory(nil)
	n := 0
	for b.Loop() {
		if _, err := m.Search(qs[n%len(qs)], "km", 0.75); err != nil {
			b.Fatal(err)
		}
		n++
	}
}

// BenchmarkSearchTop is tm search in a generated workspace of 300 releases, whose templated sentences match
// hundreds of segments each: every match (limit 0, as tm search printed before --limit) against the first 20
// of each (tm search's default), whole sentences, sentences with a word changed and their first words.
func BenchmarkSearchTop(b *testing.B) {
	f := newFixture(b, 300)
	ix := f.open(b)
	qs := queries(f.direct(b).units)
	for _, limit := range []int{0, 20} {
		b.Run(fmt.Sprintf("limit=%d", limit), func(b *testing.B) {
			n := 0
			for b.Loop() {
				m := ix.Memory(nil) // a command's memory, which keeps what one search read
				if _, err := m.SearchTop(qs[n%len(qs)], "km", 0.75, limit); err != nil {
					b.Fatal(err)
				}
				n++
			}
		})
	}
}

// BenchmarkCoverageWarm is coverage from an index up to date.
func BenchmarkCoverageWarm(b *testing.B) {
	f := newFixture(b, 40)
	ix := f.open(b)
	targets := f.ws.Config.Targets
	for b.Loop() {
		if _, err := ix.Coverage(targets); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAnalyse is what the index computes of each release read again, without writing it: alignment, check's
// rules, translation-memory units and coverage of 40 generated releases, one match pass per text.
func BenchmarkAnalyse(b *testing.B) {
	f := newFixture(b, 40)
	ws := f.ws
	rels, err := release.LoadAll(ws.Root, ws.Path(ws.Config.Releases), ws.Config.Source, ws.Config.Languages(), ws.Rel)
	if err != nil {
		b.Fatal(err)
	}
	ck := f.config().Check()
	for b.Loop() {
		for _, r := range rels {
			view := ck.Anchors().ForRelease()
			in := coverage.Input{Glossary: f.gl, Source: ws.Config.Source, Targets: ws.Config.Targets, Anchors: view}
			Analyse(bitext.Align(r, ws.Config.Source, ws.Config.Targets, view), in, ck, true)
		}
	}
}

// BenchmarkUnitTexts is what a worker makes of the units of 40 analysed releases for the writer: each text's
// JSON, digests and normalised source.
func BenchmarkUnitTexts(b *testing.B) {
	f := newFixture(b, 40)
	ws := f.ws
	rels, err := release.LoadAll(ws.Root, ws.Path(ws.Config.Releases), ws.Config.Source, ws.Config.Languages(), ws.Rel)
	if err != nil {
		b.Fatal(err)
	}
	ck := f.config().Check()
	var entries []Entry
	for _, r := range rels {
		view := ck.Anchors().ForRelease()
		in := coverage.Input{Glossary: f.gl, Source: ws.Config.Source, Targets: ws.Config.Targets, Anchors: view}
		entries = append(entries, Analyse(bitext.Align(r, ws.Config.Source, ws.Config.Targets, view), in, ck, true))
	}
	source := ws.Config.Source.String()
	for b.Loop() {
		for _, e := range entries {
			unitTexts(source, e.Units)
		}
	}
}

// BenchmarkBestWarm is draft's lookup in an index up to date: the best match of each English sentence of a
// release in the memory of the others (Without), as draft asks for it, one release after another.
func BenchmarkBestWarm(b *testing.B) {
	f := newFixture(b, 200)
	ix := f.open(b)
	d := f.direct(b)
	m := ix.Memory(nil)
	type lookup struct{ release, text string }
	var ls []lookup
	for _, u := range d.units {
		ls = append(ls, lookup{u.Release, u.Text["en"]})
	}
	n := 0
	for b.Loop() {
		l := ls[n%len(ls)]
		m.Without(l.release).Best(l.text, "km", tm.DefaultThreshold)
		n++
	}
	if err := m.Err(); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkWrite is what the one writer does in a build of 100 generated releases, given them analysed and
// encoded by the workers: a new database's tables, every release's rows inserted in one transaction, and the
// secondary indexes made after them.
func BenchmarkWrite(b *testing.B) {
	f := newFixture(b, 100)
	c := f.config()
	var folders []folder
	if err := c.scan(func(fo folder) error { folders = append(folders, fo); return nil }); err != nil {
		b.Fatal(err)
	}
	an := (&Index{cfg: c, langs: append([]language.Tag{c.Source}, c.Targets...)}).newAnalyser(time.Now(), true)
	var reads []read
	for _, fo := range folders {
		r, err := an.read(fo)
		if err != nil {
			b.Fatal(err)
		}
		reads = append(reads, r)
	}
	path := filepath.Join(b.TempDir(), FileName)
	for b.Loop() {
		if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			b.Fatal(err)
		}
		ix, err := openDB(c, path, buildParams)
		if err != nil {
			b.Fatal(err)
		}
		ix.db.SetMaxOpenConns(1)
		if err := ix.create(); err != nil {
			b.Fatal(err)
		}
		tx, err := ix.db.Begin()
		if err != nil {
			b.Fatal(err)
		}
		w, err := ix.newWriter(tx, map[string]bool{}, nil)
		if err != nil {
			b.Fatal(err)
		}
		for _, r := range reads {
			if err := w.insert(r); err != nil {
				b.Fatal(err)
			}
		}
		if err := w.flush(); err != nil {
			b.Fatal(err)
		}
		w.close()
		if err := tx.Commit(); err != nil {
			b.Fatal(err)
		}
		if err := ix.createIndexes(); err != nil {
			b.Fatal(err)
		}
		if err := ix.db.Close(); err != nil {
			b.Fatal(err)
		}
	}
}
