package scalegen

import (
	"bytes"
	"path"
	"strings"
	"testing"
	"time"
	"unicode"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/glossary"
	"github.com/relloc/relloc/internal/release"
)

type workspaceFiles struct {
	order []string
	data  map[string][]byte
	terms []Term
}

func generate(t *testing.T, cfg Config) workspaceFiles {
	t.Helper()
	w := workspaceFiles{data: map[string][]byte{}}
	terms, err := Generate(cfg, func(p string, data []byte) error {
		if _, dup := w.data[p]; dup {
			t.Fatalf("%s emitted twice", p)
		}
		w.order = append(w.order, p)
		w.data[p] = data
		return nil
	})
	if err != nil {
		t.Fatalf("Generate(%+v): %v", cfg, err)
	}
	w.terms = terms
	return w
}

func TestGenerateIsSeeded(t *testing.T) {
	cfg := Config{Releases: 30, Entries: 400, Seed: 7}
	a, b := generate(t, cfg), generate(t, cfg)
	if strings.Join(a.order, "\n") != strings.Join(b.order, "\n") {
		t.Fatalf("same seed, different files:\n%v\n%v", a.order, b.order)
	}
	for _, p := range a.order {
		if !bytes.Equal(a.data[p], b.data[p]) {
			t.Errorf("same seed, %s differs", p)
		}
	}
	cfg.Seed = 8
	c := generate(t, cfg)
	if bytes.Equal(a.data["glossary/generated.toml"], c.data["glossary/generated.toml"]) {
		t.Errorf("seeds 7 and 8 gave the same glossary")
	}
}

func TestGenerateRejectsSizes(t *testing.T) {
	for _, cfg := range []Config{
		{Releases: 1, Entries: MaxEntries() + 1},
		{Releases: 1, Entries: 1},
		{Releases: 0, Entries: 100},
	} {
		if _, err := Generate(cfg, func(string, []byte) error { return nil }); err == nil {
			t.Errorf("Generate(%+v): got no error, want one", cfg)
		}
	}
}

// TestGeneratedWorkspace checks that what make bench-scale measures is a workspace relloc reads: the glossary
// parses with the asked number of entries, every release parses with aligned blocks in its three languages,
// each language file is in its own script and holds terms of the glossary, and no two releases are copies.
func TestGeneratedWorkspace(t *testing.T) {
	const releases, entries = 60, 5000
	w := generate(t, Config{Releases: releases, Entries: entries, Seed: 1})
	km, ja := language.Khmer, language.Japanese
	g, err := glossary.Parse([]glossary.File{{Path: "glossary/generated.toml", Data: w.data["glossary/generated.toml"]}},
		glossary.Options{Targets: []language.Tag{km, ja}})
	if err != nil {
		t.Fatalf("glossary: %v", err)
	}
	if got := len(g.Entries); got != entries {
		t.Errorf("glossary entries: got %d, want %d", got, entries)
	}
	if len(w.terms) != entries {
		t.Errorf("terms returned: got %d, want %d", len(w.terms), entries)
	}

	byDir := map[string][]release.File{}
	var dirs []string
	for _, p := range w.order {
		if !strings.HasPrefix(p, "releases/") {
			continue
		}
		dir, name := path.Split(p)
		dir = strings.TrimSuffix(dir, "/")
		if byDir[dir] == nil {
			dirs = append(dirs, dir)
		}
		byDir[dir] = append(byDir[dir], release.File{Path: p, Lang: language.Make(strings.TrimSuffix(name, ".md")), Data: w.data[p]})
	}
	if len(dirs) != releases {
		t.Fatalf("releases: got %d, want %d", len(dirs), releases)
	}
	bodies := map[string]string{}
	for _, dir := range dirs {
		r, err := release.Parse(dir, language.English, byDir[dir])
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		en := r.Doc(language.English)
		for _, lang := range []language.Tag{km, ja} {
			doc := r.Doc(lang)
			if doc == nil {
				t.Fatalf("%s: no %s file", dir, lang)
			}
			if got, want := len(doc.Blocks), len(en.Blocks); got != want {
				t.Errorf("%s %s: %d blocks, want %d as in English", dir, lang, got, want)
			}
		}
		for _, f := range byDir[dir] {
			body := string(f.Data[bytes.Index(f.Data[3:], []byte("+++"))+6:])
			if f.Lang != language.English && hasEnglishWord(body) {
				t.Errorf("%s: English words left in a translation: %q", f.Path, body)
			}
			if !holdsTerm(body, w.terms, f.Lang) {
				t.Errorf("%s holds no glossary term of its language", f.Path)
			}
			if f.Lang == language.English {
				if prev, dup := bodies[body]; dup {
					t.Errorf("%s and %s have the same English", prev, f.Path)
				}
				bodies[body] = f.Path
			}
		}
	}
}

// hasEnglishWord reports whether s holds a word of Latin letters other than the acronyms a Khmer or Japanese
// release keeps (ASEAN).
func hasEnglishWord(s string) bool {
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r > unicode.MaxASCII || !unicode.IsLetter(r) }) {
		if w != "ASEAN" {
			return true
		}
	}
	return false
}

func holdsTerm(s string, terms []Term, lang language.Tag) bool {
	for _, t := range terms {
		term := map[language.Tag]string{language.English: t.EN, language.Khmer: t.KM, language.Japanese: t.JA}[lang]
		if len(term) > 6 && strings.Contains(s, term) {
			return true
		}
	}
	return false
}

func TestDates(t *testing.T) {
	for _, tc := range []struct {
		y, m, d int
		want    tri
	}{
		{2021, 11, 18, tri{"18 November 2021", "ថ្ងៃទី១៨ ខែវិច្ឆិកា ឆ្នាំ២០២១", "2021年11月18日"}},
		{1999, 1, 4, tri{"4 January 1999", "ថ្ងៃទី៤ ខែមករា ឆ្នាំ១៩៩៩", "1999年1月4日"}},
	} {
		got := dates(timeOf(tc.y, tc.m, tc.d))
		if got != tc.want {
			t.Errorf("dates(%d-%d-%d): got %q, want %q", tc.y, tc.m, tc.d, got, tc.want)
		}
	}
}

func TestOrdinal(t *testing.T) {
	for n, want := range map[int]string{1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 11: "11th", 12: "12th", 13: "13th", 21: "21st", 112: "112th"} {
		if got := ordinal(n); got != want {
			t.Errorf("ordinal(%d): got %q, want %q", n, got, want)
		}
	}
}

func timeOf(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
