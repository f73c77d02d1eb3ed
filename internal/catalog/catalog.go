package catalog

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/safefile"
)

// File is one message file handed to Parse: its path, whose base name gives
// the language as in go-i18n (locale/active.km.toml is Khmer), and its bytes.
type File struct {
	Path string
	Data []byte
}

// Catalog holds the messages of every language of a locale folder: a go-i18n
// bundle to render them and, per language, the parsed messages with the
// position of their keys to check them.
type Catalog struct {
	bundle *i18n.Bundle
	langs  map[language.Tag]map[string]*entry
	order  []language.Tag // languages in the order their first file was parsed
	files  []string       // paths of the files parsed, in order
}

// Files returns the paths of the message files the catalogue was parsed from, in the order given to Parse.
func (c *Catalog) Files() []string { return c.files }

// entry is one message of one language and where it was written.
type entry struct {
	msg       *i18n.Message
	path      string
	pos       unstable.Position            // the message's key
	formPos   map[string]unstable.Position // its plural-form keys, when written as keys
	lang      language.Tag
	formTexts map[string]string
}

// Parse builds a catalogue from message files. defaultLang is the bundle's
// default language, used by go-i18n when a language has no match. A file
// that is not valid TOML yields an error "path:line:col: ..." wrapping
// go-toml's *toml.DecodeError; two files of one language defining the same
// message is an error too.
func Parse(defaultLang language.Tag, files []File) (*Catalog, error) {
	b := i18n.NewBundle(defaultLang)
	b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	c := &Catalog{bundle: b, langs: map[language.Tag]map[string]*entry{}}
	for _, f := range files {
		if err := c.parseFile(f); err != nil {
			return nil, err
		}
		c.files = append(c.files, f.Path)
	}
	return c, nil
}

func (c *Catalog) parseFile(f File) error {
	var raw any
	if err := toml.Unmarshal(f.Data, &raw); err != nil {
		var de *toml.DecodeError
		if errors.As(err, &de) {
			line, col := de.Position()
			return fmt.Errorf("%s:%d:%d: %w", f.Path, line, col, de)
		}
		return fmt.Errorf("%s: %w", f.Path, err)
	}
	mf, err := c.bundle.ParseMessageFileBytes(f.Data, f.Path)
	if err != nil {
		return fmt.Errorf("%s: %w", f.Path, err)
	}
	if mf.Tag == language.Und {
		return fmt.Errorf("%s: no language in the file name (want name.LANG.toml)", f.Path)
	}
	keys, err := keyPositions(f.Data)
	if err != nil {
		return fmt.Errorf("%s: %w", f.Path, err)
	}
	msgs := c.langs[mf.Tag]
	if msgs == nil {
		msgs = map[string]*entry{}
		c.langs[mf.Tag] = msgs
		c.order = append(c.order, mf.Tag)
	}
	for _, m := range mf.Messages {
		e := &entry{msg: m, path: f.Path, lang: mf.Tag, formPos: map[string]unstable.Position{}, formTexts: formTexts(m)}
		if p, ok := keys[m.ID]; ok {
			e.pos = p
		}
		for _, form := range allForms {
			if p, ok := keys[m.ID+"."+form]; ok {
				e.formPos[form] = p
			}
		}
		if prev, ok := msgs[m.ID]; ok {
			return fmt.Errorf("%s:%d:%d: message %q already defined at %s:%d:%d",
				f.Path, e.pos.Line, e.pos.Column, m.ID, prev.path, prev.pos.Line, prev.pos.Column)
		}
		msgs[m.ID] = e
	}
	return nil
}

// formTexts returns the non-empty plural forms of m by go-i18n form key.
func formTexts(m *i18n.Message) map[string]string {
	out := map[string]string{}
	for form, text := range map[string]string{
		"zero": m.Zero, "one": m.One, "two": m.Two, "few": m.Few, "many": m.Many, "other": m.Other,
	} {
		if text != "" {
			out[form] = text
		}
	}
	return out
}

// keyPositions maps every dotted key path of a TOML document (table headers,
// keys of key/value pairs, keys inside inline tables) to the position of its
// first key part.
func keyPositions(data []byte) (map[string]unstable.Position, error) {
	out := map[string]unstable.Position{}
	var p unstable.Parser
	p.Reset(data)
	var table []string
	record := func(parts []string, first *unstable.Node) {
		k := strings.Join(parts, ".")
		if _, seen := out[k]; !seen {
			out[k] = p.Shape(first.Raw).Start
		}
	}
	var keyValue func(prefix []string, kv *unstable.Node)
	keyValue = func(prefix []string, kv *unstable.Node) {
		parts, first := keyParts(kv.Key())
		full := append(append([]string{}, prefix...), parts...)
		record(full, first)
		if v := kv.Value(); v.Kind == unstable.InlineTable {
			it := v.Children()
			for it.Next() {
				keyValue(full, it.Node())
			}
		}
	}
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			var first *unstable.Node
			table, first = keyParts(e.Key())
			record(table, first)
		case unstable.KeyValue:
			keyValue(table, e)
		}
	}
	if err := p.Error(); err != nil {
		return nil, fmt.Errorf("parse toml: %w", err)
	}
	return out, nil
}

func keyParts(it unstable.Iterator) ([]string, *unstable.Node) {
	var parts []string
	var first *unstable.Node
	for it.Next() {
		n := it.Node()
		if first == nil {
			first = n
		}
		parts = append(parts, string(n.Data))
	}
	return parts, first
}

// Load reads every *.toml file of dir in fsys and parses them with Parse.
// Paths in errors and problems are dir-relative names joined to dir
// (locale/active.km.toml when fsys is the workspace root).
func Load(fsys fs.FS, dir string, defaultLang language.Tag) (*Catalog, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.toml"))
	if err != nil {
		return nil, fmt.Errorf("list message files: %w", err)
	}
	sort.Strings(names)
	files := make([]File, 0, len(names))
	for _, name := range names {
		// A named pipe would be waited on, for ever, by fs.ReadFile: only regular files are read.
		if fi, err := fs.Stat(fsys, name); err == nil && !fi.Mode().IsRegular() {
			return nil, safefile.NotRegular(name, fi.Mode())
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("read message file: %w", err)
		}
		files = append(files, File{Path: name, Data: data})
	}
	return Parse(defaultLang, files)
}

// Languages returns the languages that have at least one message file, in
// the order their first file was parsed.
func (c *Catalog) Languages() []language.Tag {
	return append([]language.Tag(nil), c.order...)
}

// Localize renders message id in lang through go-i18n's Localizer with data
// as template data. When data has a "Count" entry, it is also the plural
// count that selects the plural form. Unlike go-i18n, it does not fall back
// to another language: a message missing in lang is an error.
func (c *Catalog) Localize(lang language.Tag, id string, data map[string]any) (string, error) {
	msgs, ok := c.langs[lang]
	if !ok {
		return "", fmt.Errorf("localize %s: no messages for language %s", id, lang)
	}
	if _, ok := msgs[id]; !ok {
		return "", fmt.Errorf("localize %s: no message in %s", id, lang)
	}
	cfg := &i18n.LocalizeConfig{MessageID: id, TemplateData: data}
	if n, ok := data["Count"]; ok {
		cfg.PluralCount = n
	}
	out, err := i18n.NewLocalizer(c.bundle, lang.String()).Localize(cfg)
	if err != nil {
		return "", fmt.Errorf("localize %s in %s: %w", id, lang, err)
	}
	return out, nil
}
