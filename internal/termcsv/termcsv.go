package termcsv

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"

	"github.com/relloc/relloc/internal/glossary"
	"github.com/relloc/relloc/internal/glossedit"
	"github.com/relloc/relloc/internal/inputerr"
	"github.com/relloc/relloc/internal/ui"
)

// Separator joins the forms of a list cell.
const Separator = " | "

// Options configures Read and Write.
type Options struct {
	// Targets are the target languages: Write gives each of them its columns, Read accepts only their columns.
	Targets []language.Tag
	// BOM makes Write start with a UTF-8 byte-order mark, which spreadsheet programs need to read UTF-8.
	BOM bool
	// CRLF makes Write end lines with CRLF.
	CRLF bool
}

// Header returns the column names Write uses for targets when no entry has context forms.
func Header(targets []language.Tag) []string { return header(targets, nil) }

// header returns the columns for targets, with a LANG_context column after LANG_policy for each language of
// withContext. Context forms are written in the notation of glossary.Context.String: [訪,来]日.
func header(targets []language.Tag, withContext map[language.Tag]bool) []string {
	h := []string{"id", "category", "en", "en_variants", "en_case_sensitive"}
	for _, t := range targets {
		l := t.String()
		h = append(h, l, l+"_variants", l+"_forbidden", l+"_policy")
		if withContext[t] {
			h = append(h, l+"_context")
		}
	}
	return append(h, "note", "source")
}

// Write writes entries as CSV. It fails when a form contains "|", which the list cells could not keep apart.
func Write(w io.Writer, entries []*glossary.Entry, opt Options) error {
	var buf bytes.Buffer
	if opt.BOM {
		buf.WriteString("\ufeff")
	}
	cw := csv.NewWriter(&buf)
	cw.UseCRLF = opt.CRLF
	withContext := map[language.Tag]bool{}
	for _, e := range entries {
		for t, r := range e.Targets {
			if len(r.Context) > 0 {
				withContext[t] = true
			}
		}
	}
	if err := cw.Write(header(opt.Targets, withContext)); err != nil {
		return err
	}
	for _, e := range entries {
		for t := range e.Targets {
			if !hasTag(opt.Targets, t) {
				return fmt.Errorf("entry %q: language %s is not a target language", e.ID, t)
			}
		}
		row := []string{e.ID, string(e.Category), e.EN.Term}
		v, err := join(e.ID, "en_variants", e.EN.Variants)
		if err != nil {
			return err
		}
		cs := ""
		if e.EN.CaseSensitive {
			cs = "true"
		}
		row = append(row, v, cs)
		for _, t := range opt.Targets {
			r, ok := e.Targets[t]
			if !ok {
				row = append(row, "", "", "", "")
				if withContext[t] {
					row = append(row, "")
				}
				continue
			}
			l := t.String()
			vs, err := join(e.ID, l+"_variants", r.Variants)
			if err != nil {
				return err
			}
			fs, err := join(e.ID, l+"_forbidden", r.Forbidden)
			if err != nil {
				return err
			}
			p := r.Policy
			if p == "" {
				p = glossary.Required
			}
			row = append(row, r.Term, vs, fs, string(p))
			if withContext[t] {
				var cs []string
				for _, c := range r.Context {
					cs = append(cs, c.String())
				}
				cx, err := join(e.ID, l+"_context", cs)
				if err != nil {
					return err
				}
				row = append(row, cx)
			}
		}
		row = append(row, e.Note, e.Source)
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

func join(id, col string, forms []string) (string, error) {
	for _, f := range forms {
		if strings.Contains(f, "|") {
			return "", fmt.Errorf("entry %q: %s form %q contains %q, which CSV list cells use as separator", id, col, f, "|")
		}
	}
	return strings.Join(forms, Separator), nil
}

func hasTag(tags []language.Tag, t language.Tag) bool {
	for _, x := range tags {
		if x == t {
			return true
		}
	}
	return false
}

// column is what a header cell names.
type column struct {
	name  string
	lang  language.Tag // for a target column
	field string       // "term", "variants", "forbidden", "policy", "context" for a target column
}

// Read parses CSV data; path is used in errors only. Every problem found is returned, as an inputerr.List.
// Each entry comes with the fields its row gives: a column the file lacks, or a cell left empty, gives nothing,
// so that merging the rows into the glossary keeps what the file does not mention.
func Read(path string, data []byte, opt Options) ([]glossedit.Imported, error) {
	return ReadFrom(path, bytes.NewReader(data), opt)
}

// ReadFrom is Read on a stream: rows are parsed as they are read, so that the memory used follows the entries,
// not the file, and a limiting reader (safefile.Reader) can stop a hostile file early.
func ReadFrom(path string, r io.Reader, opt Options) ([]glossedit.Imported, error) {
	br := bufio.NewReader(r)
	if bom, err := br.Peek(3); err == nil && string(bom) == "\ufeff" {
		br.Discard(3)
	}
	cr := csv.NewReader(br)
	cr.ReuseRecord = true
	cr.FieldsPerRecord = -1 // checked below, with a better message
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, inputerr.Say(path, 1, 1, "CSVEmpty", ui.Args{"Columns": strings.Join(Header(opt.Targets), ",")})
	}
	if err != nil {
		return nil, csvError(path, err)
	}
	cols, err := columns(path, cr, header, opt.Targets)
	if err != nil {
		return nil, err
	}
	var (
		out  []glossedit.Imported
		errs inputerr.List
		rows = map[string]int{}
	)
	for row := 2; ; row++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			errs = append(errs, csvError(path, err))
			break
		}
		if len(rec) != len(cols) {
			line, _ := cr.FieldPos(0)
			errs = append(errs, inputerr.Say(path, line, 1, "CSVRowCells", ui.Args{"Row": row, "Cells": len(rec), "Header": len(cols)}))
			continue
		}
		if blank(rec) {
			continue
		}
		e, given, bad := readRow(path, cr, row, rec, cols)
		errs = append(errs, bad...)
		if e == nil {
			continue
		}
		line, col := cr.FieldPos(0)
		if prev, dup := rows[e.ID]; dup {
			errs = append(errs, inputerr.Say(path, line, col, "CSVDuplicateID", ui.Args{"Row": row, "ID": strconv.Quote(e.ID), "First": prev}))
			continue
		}
		rows[e.ID] = row
		if len(bad) == 0 {
			for _, msg := range glossedit.Validate(e, glossary.Options{Targets: opt.Targets}) {
				errs = append(errs, inputerr.Say(path, line, col, "CSVRowProblem", ui.Args{"Row": row, "Problem": msg}))
			}
		}
		out = append(out, glossedit.Imported{Entry: e, Given: given})
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return out, nil
}

func blank(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

func columns(path string, cr *csv.Reader, header []string, targets []language.Tag) ([]column, error) {
	cols := make([]column, len(header))
	seen := map[string]bool{}
	var errs inputerr.List
	for i, h := range header {
		name := strings.ToLower(strings.TrimSpace(h))
		line, col := cr.FieldPos(i)
		c := column{name: name}
		switch name {
		case "id", "category", "en", "en_variants", "en_case_sensitive", "note", "source":
		default:
			lang, field, _ := strings.Cut(name, "_")
			if field == "" {
				field = "term"
			}
			tag, err := language.Parse(lang)
			if err != nil || !hasTag(targets, tag) || (field != "term" && field != "variants" && field != "forbidden" && field != "policy" && field != "context") {
				errs = append(errs, inputerr.Say(path, line, col, "CSVUnknownColumn", ui.Args{"Column": strconv.Quote(h), "Expected": strings.Join(Header(targets), ", ")}))
				continue
			}
			c.lang, c.field = tag, field
		}
		if seen[name] {
			errs = append(errs, inputerr.Say(path, line, col, "CSVColumnTwice", ui.Args{"Column": strconv.Quote(h)}))
		}
		seen[name] = true
		cols[i] = c
	}
	for _, req := range []string{"id", "category", "en"} {
		if !seen[req] {
			errs = append(errs, inputerr.Say(path, 1, 1, "CSVMissingColumn", ui.Args{"Column": strconv.Quote(req)}))
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return cols, nil
}

// readRow builds the entry of one row and the fields its non-empty cells give; it reports cells it cannot read.
func readRow(path string, cr *csv.Reader, row int, rec []string, cols []column) (*glossary.Entry, map[glossedit.Field]bool, inputerr.List) {
	e := &glossary.Entry{Targets: map[language.Tag]*glossary.Rendering{}}
	given := map[glossedit.Field]bool{}
	var errs inputerr.List
	bad := func(i int, id string, args ui.Args) {
		line, col := cr.FieldPos(i)
		problem := ui.Message{ID: id, Args: args}
		errs = append(errs, inputerr.Say(path, line, col, "CSVCell", ui.Args{"Row": row, "Column": cols[i].name, "Problem": problem}))
	}
	list := func(i int, cell string) []string {
		if strings.TrimSpace(cell) == "" {
			return nil
		}
		var out []string
		for _, f := range strings.Split(cell, "|") {
			f = strings.TrimSpace(f)
			if f == "" {
				bad(i, "CSVEmptyForm", ui.Args{"Cell": strconv.Quote(cell), "Separator": strconv.Quote(Separator)})
				continue
			}
			out = append(out, norm.NFC.String(f))
		}
		return out
	}
	rendering := func(tag language.Tag) *glossary.Rendering {
		r, ok := e.Targets[tag]
		if !ok {
			r = &glossary.Rendering{Policy: glossary.Required}
			e.Targets[tag] = r
		}
		return r
	}
	idCol := 0
	for i, c := range cols {
		cell := rec[i]
		if c.name == "id" {
			idCol = i
		}
		text := norm.NFC.String(strings.TrimSpace(cell))
		if text != "" {
			if c.lang != (language.Tag{}) {
				given[glossedit.TargetField(c.lang, c.field)] = true
			} else if f, ok := csvFields[c.name]; ok {
				given[f] = true
			}
		}
		switch c.name {
		case "id":
			e.ID = text
		case "category":
			e.Category = glossary.Category(text)
			if !glossary.ValidCategory(e.Category) {
				bad(i, "GlossaryBadCategory", ui.Args{"Category": strconv.Quote(text), "Categories": fmt.Sprint(glossary.Categories)})
			}
		case "en":
			e.EN.Term = text
		case "en_variants":
			e.EN.Variants = list(i, cell)
		case "en_case_sensitive":
			switch strings.ToLower(text) {
			case "", "false":
			case "true":
				e.EN.CaseSensitive = true
			default:
				bad(i, "CSVNotBool", ui.Args{"Text": strconv.Quote(text)})
			}
		case "note":
			e.Note = glossary.Prose(cell) // kept as typed but for line endings: a note is prose
		case "source":
			e.Source = glossary.Prose(cell)
		default:
			if text == "" {
				continue
			}
			r := rendering(c.lang)
			switch c.field {
			case "term":
				r.Term = text
			case "variants":
				r.Variants = list(i, cell)
			case "forbidden":
				r.Forbidden = list(i, cell)
			case "policy":
				r.Policy = glossary.Policy(strings.ToLower(text))
				if !glossary.ValidPolicy(r.Policy) {
					bad(i, "CSVBadPolicy", ui.Args{"Policy": strconv.Quote(text)})
				}
			case "context":
				for _, f := range list(i, cell) {
					c, err := glossary.ParseContext(f)
					if err != nil {
						bad(i, "Verbatim", ui.Args{"Text": err.Error()})
						continue
					}
					r.Context = append(r.Context, c)
				}
			}
		}
	}
	if e.ID == "" {
		bad(idCol, "CSVNoID", nil)
		return nil, nil, errs
	}
	return e, given, errs
}

// csvFields maps the columns that do not belong to a target language to the fields they give.
var csvFields = map[string]glossedit.Field{
	"category": glossedit.FieldCategory, "en": glossedit.FieldENTerm, "en_variants": glossedit.FieldENVariants,
	"en_case_sensitive": glossedit.FieldCaseSensitive, "note": glossedit.FieldNote, "source": glossedit.FieldSource,
}

// csvError places an error of encoding/csv.
func csvError(path string, err error) *inputerr.Error {
	var ie *inputerr.Error
	if errors.As(err, &ie) { // from the reader: a limit, a binary file
		return ie
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		e := inputerr.Say(path, pe.Line, pe.Column, "MalformedCSV", ui.Args{"Cause": pe.Err.Error()})
		e.Err = err
		return e
	}
	e := inputerr.Say(path, 0, 0, "MalformedCSV", ui.Args{"Cause": err.Error()})
	e.Err = err
	return e
}
