package evalreal

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing/fstest"
)

// Set is one evaluation workspace: its name, the target languages evaluated and the workspace's files.
type Set struct {
	Name  string
	Langs []string // target languages that have translations in this set
	Files fstest.MapFS
}

// projectFiles copies the workspace configuration of the repository at root (relloc.toml, glossary/*.toml,
// locale/*) into a new in-memory workspace.
func projectFiles(root string) (fstest.MapFS, error) {
	files := fstest.MapFS{}
	add := func(rel string) error {
		b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
		if err != nil {
			return err
		}
		files[rel] = &fstest.MapFile{Data: b}
		return nil
	}
	if err := add("relloc.toml"); err != nil {
		return nil, err
	}
	for _, dir := range []string{"glossary", "locale"} {
		ents, err := os.ReadDir(filepath.Join(root, dir))
		if err != nil {
			return nil, err
		}
		for _, e := range ents {
			if e.Type().IsRegular() && (strings.HasSuffix(e.Name(), ".toml") || dir == "locale") {
				if err := add(dir + "/" + e.Name()); err != nil {
					return nil, err
				}
			}
		}
	}
	return files, nil
}

// MOFA builds the mofa-en-ja set: each folder of corpus/releases, with its en.md and ja.md as they are.
func MOFA(root, corpus string) (*Set, error) {
	files, err := projectFiles(root)
	if err != nil {
		return nil, err
	}
	dirs, err := os.ReadDir(filepath.Join(corpus, "releases"))
	if err != nil {
		return nil, err
	}
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		for _, lang := range []string{"en", "ja"} {
			b, err := os.ReadFile(filepath.Join(corpus, "releases", d.Name(), lang+".md"))
			if err != nil {
				return nil, err
			}
			files[path.Join("releases", d.Name(), lang+".md")] = &fstest.MapFile{Data: b}
		}
	}
	return &Set{Name: "mofa-en-ja", Langs: []string{"ja"}, Files: files}, nil
}

// ntrexFiles names the NTREX-128 files of each language.
var ntrexFiles = map[string]string{"en": "newstest2019-src.eng.txt", "km": "newstest2019-ref.khm.txt",
	"ja": "newstest2019-ref.jpn.txt"}

// NTREX builds the ntrex128 set: one release per document of DOCUMENT_IDS.tsv, one paragraph per line.
func NTREX(root, corpus string) (*Set, error) {
	files, err := projectFiles(root)
	if err != nil {
		return nil, err
	}
	ids, err := readLines(filepath.Join(corpus, "DOCUMENT_IDS.tsv"))
	if err != nil {
		return nil, err
	}
	lines := map[string][]string{}
	for lang, name := range ntrexFiles {
		l, err := readLines(filepath.Join(corpus, name))
		if err != nil {
			return nil, err
		}
		if len(l) != len(ids) {
			return nil, fmt.Errorf("%s: %d lines, DOCUMENT_IDS.tsv has %d", name, len(l), len(ids))
		}
		lines[lang] = l
	}
	docs := map[string]map[string]*bytes.Buffer{}
	for i, id := range ids {
		dir := path.Join("releases", strings.ReplaceAll(strings.TrimSpace(id), ".", "-"))
		if docs[dir] == nil {
			docs[dir] = map[string]*bytes.Buffer{}
		}
		for lang := range ntrexFiles {
			b := docs[dir][lang]
			if b == nil {
				b = &bytes.Buffer{}
				docs[dir][lang] = b
			} else {
				b.WriteString("\n")
			}
			b.WriteString(strings.TrimSpace(lines[lang][i]))
			b.WriteString("\n")
		}
	}
	for dir, m := range docs {
		for lang, b := range m {
			files[path.Join(dir, lang+".md")] = &fstest.MapFile{Data: b.Bytes()}
		}
	}
	return &Set{Name: "ntrex128", Langs: []string{"km", "ja"}, Files: files}, nil
}

// readLines reads a text file's lines without their CR LF or LF endings.
func readLines(name string) ([]string, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<24)
	for sc.Scan() {
		out = append(out, strings.TrimSuffix(sc.Text(), "\r"))
	}
	return out, sc.Err()
}

// releaseDirs lists the release folders of a set, sorted.
func releaseDirs(files fs.FS) []string {
	ents, _ := fs.ReadDir(files, "releases")
	var out []string
	for _, e := range ents {
		if e.IsDir() {
			out = append(out, path.Join("releases", e.Name()))
		}
	}
	return out
}
