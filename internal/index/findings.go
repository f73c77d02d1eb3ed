package index

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/relloc/relloc/internal/check"
	"github.com/relloc/relloc/internal/finding"
	"github.com/relloc/relloc/internal/ui"
)

// checkTables are the tables of check's outcomes: per release folder its JUnit cases (JSON), and its findings
// in the order check gave them, each as data (rule, severity, position, message id and typed arguments) so that
// relloc check renders them in the reader's language as it renders the findings it computes.
var checkTables = []string{
	`DROP TABLE IF EXISTS checked`, `DROP TABLE IF EXISTS findings`,
	`CREATE TABLE checked (rel INTEGER PRIMARY KEY, cases TEXT NOT NULL)`,
	`CREATE TABLE findings (rel INTEGER NOT NULL, pos INTEGER NOT NULL, path TEXT NOT NULL, line INTEGER NOT NULL,
		col INTEGER NOT NULL, end_line INTEGER NOT NULL, end_col INTEGER NOT NULL, lang TEXT NOT NULL,
		release TEXT NOT NULL, segment TEXT NOT NULL, rule TEXT NOT NULL, severity INTEGER NOT NULL,
		message TEXT NOT NULL, message_id TEXT NOT NULL, args TEXT, expected TEXT NOT NULL, found TEXT NOT NULL,
		source_path TEXT NOT NULL, source_line INTEGER NOT NULL, PRIMARY KEY (rel, pos)) WITHOUT ROWID`,
}

// checkGone are the statements that remove a release folder's outcome.
var checkGone = []string{`DELETE FROM findings WHERE rel = ?`, `DELETE FROM checked WHERE rel = ?`}

// checkWriter writes the outcomes of releases read again, in batches.
type checkWriter struct{ checked, findings *batch }

func newCheckWriter(tx *sql.Tx) *checkWriter {
	return &checkWriter{
		checked: newBatch(tx, "checked", "rel", "cases"),
		findings: newBatch(tx, "findings", "rel", "pos", "path", "line", "col", "end_line", "end_col", "lang",
			"release", "segment", "rule", "severity", "message", "message_id", "args", "expected", "found",
			"source_path", "source_line"),
	}
}

func (w *checkWriter) close() {
	w.checked.close()
	w.findings.close()
}

func (w *checkWriter) flush() error {
	if err := w.checked.flush(); err != nil {
		return err
	}
	return w.findings.flush()
}

// write stores the check outcome of the release folder rel: its findings fs and its cases and the findings'
// arguments as c encodes them.
func (w *checkWriter) write(rel int64, fs []finding.Finding, c columns) error {
	if err := w.checked.add(rel, c.cases); err != nil {
		return err
	}
	for pos, f := range fs {
		if err := w.findings.add(rel, pos, f.Path, f.Line, f.Column, f.EndLine, f.EndColumn, f.Lang, f.Release,
			f.Segment, f.Rule, int(f.Severity), f.Message, f.MessageID, c.args[pos], f.Expected, f.Found,
			f.SourcePath, f.SourceLine); err != nil {
			return err
		}
	}
	return nil
}

// findingArgs encodes the message arguments of each finding (encodeArgs), null for a finding without any.
func findingArgs(fs []finding.Finding) ([]sql.NullString, error) {
	out := make([]sql.NullString, len(fs))
	for i, f := range fs {
		if f.Args == nil {
			continue
		}
		enc, err := encodeArgs(f.Args)
		if err != nil {
			return nil, fmt.Errorf("index: finding %s at %s:%d:%d: %w", f.Rule, f.Path, f.Line, f.Column, err)
		}
		out[i] = sql.NullString{String: string(enc), Valid: true}
	}
	return out, nil
}

// outcomesQuery and findingsQuery read the stored outcomes and findings in the order of relloc check's report:
// release ids, then folders as listed (by name), as check.RunSource sorts the outcomes it streams in folder
// order. A folder's path is unique, so the order is total. Both walk the index releases_order, so that SQLite
// sorts no more than one release's findings (TestOutcomesNeedNoSort).
const (
	outcomesQuery = `SELECT r.id, r.release, r.dir, c.cases FROM releases r JOIN checked c ON c.rel = r.id
		ORDER BY r.release, r.dir`
	findingsQuery = `SELECT f.rel, f.path, f.line, f.col, f.end_line, f.end_col, f.lang, f.release, f.segment,
		f.rule, f.severity, f.message, f.message_id, f.args, f.expected, f.found, f.source_path, f.source_line
		FROM findings f JOIN releases r ON r.id = f.rel ORDER BY r.release, r.dir, f.pos`
)

// EachOutcome calls fn with the stored check outcome of every release, as check.Stream gives them (findings in
// the order the rules gave them, cases, the release's folder), one at a time in the order relloc check reports releases: by release
// id, then by folder. The outcomes and the findings come from two queries in that order, merged as they are
// read, so that it holds one release's outcome at a time, whatever the size of the archive; an error of fn stops
// it and is returned.
func (ix *Index) EachOutcome(fn func(check.Outcome) error) error {
	conn, done, err := ix.passConn()
	if err != nil {
		return err
	}
	defer done()
	tx, err := conn.BeginTx(context.Background(), nil)
	if err != nil {
		return fmt.Errorf("index: %w", err)
	}
	defer tx.Rollback()
	rows, err := tx.Query(outcomesQuery)
	if err != nil {
		return fmt.Errorf("index: %w", err)
	}
	defer rows.Close()
	fr, err := tx.Query(findingsQuery)
	if err != nil {
		return fmt.Errorf("index: %w", err)
	}
	defer fr.Close()
	fs := findingRows{rows: fr}
	for rows.Next() {
		var (
			id    int64
			cases string
			o     check.Outcome
		)
		if err := rows.Scan(&id, &o.ID, &o.Dir, &cases); err != nil {
			return fmt.Errorf("index: %w", err)
		}
		if err := json.Unmarshal([]byte(cases), &o.Cases); err != nil {
			return fmt.Errorf("index: cases of release %s: %w", o.ID, err)
		}
		if o.Findings, err = fs.of(id); err != nil {
			return err
		}
		if err := fn(o); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("index: %w", err)
	}
	// Every finding belongs to a release read above: one left over has no outcome.
	if _, err := fs.of(-1); err != nil {
		return err
	}
	if fs.next {
		return fmt.Errorf("index: findings of a release folder (%d) without its outcome", fs.rel)
	}
	return nil
}

// findingRows reads stored findings in report order, one release folder's at a time.
type findingRows struct {
	rows    *sql.Rows
	started bool
	next    bool            // whether f holds a finding read but not yet given
	rel     int64           // the folder of f
	f       finding.Finding // the finding read ahead
}

// of returns the findings of the release folder rel, which must come next in the order of the query: the
// findings read ahead of another folder wait for it.
func (r *findingRows) of(rel int64) ([]finding.Finding, error) {
	if !r.started {
		r.started = true
		if err := r.advance(); err != nil {
			return nil, err
		}
	}
	var out []finding.Finding
	for r.next && r.rel == rel {
		out = append(out, r.f)
		if err := r.advance(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (r *findingRows) advance() error {
	r.next = r.rows.Next()
	if !r.next {
		if err := r.rows.Err(); err != nil {
			return fmt.Errorf("index: %w", err)
		}
		return nil
	}
	var (
		f    finding.Finding
		sev  int
		args sql.NullString
	)
	if err := r.rows.Scan(&r.rel, &f.Path, &f.Line, &f.Column, &f.EndLine, &f.EndColumn, &f.Lang, &f.Release,
		&f.Segment, &f.Rule, &sev, &f.Message, &f.MessageID, &args, &f.Expected, &f.Found, &f.SourcePath,
		&f.SourceLine); err != nil {
		return fmt.Errorf("index: %w", err)
	}
	f.Severity = finding.Severity(sev)
	if args.Valid {
		var err error
		if f.Args, err = decodeArgs([]byte(args.String)); err != nil {
			return fmt.Errorf("index: finding %s at %s:%d:%d: %w", f.Rule, f.Path, f.Line, f.Column, err)
		}
	}
	r.f = f
	return nil
}

// arg is a template field of a finding's message with its Go type, so that it reads back as the value the rule
// gave: a count stays an int (a template may compare it), a part of a message stays a message of its own
// (ui.Message, ui.List, ui.Lines), rendered in the reader's language.
type arg struct {
	Kind  string          `json:"k"`
	Value json.RawMessage `json:"v"`
}

// message is a ui.Message as stored.
type message struct {
	ID   string         `json:"id"`
	Args map[string]arg `json:"args,omitempty"`
}

// encodeArgs gives the JSON of a finding's message arguments; a value of a type it does not know is an error
// (a rule that gives one must be taught here, not stored as something else).
func encodeArgs(args ui.Args) ([]byte, error) {
	m, err := argsOf(args)
	if err != nil {
		return nil, err
	}
	return json.Marshal(m)
}

func argsOf(args ui.Args) (map[string]arg, error) {
	out := make(map[string]arg, len(args))
	for k, v := range args {
		a, err := argOf(v)
		if err != nil {
			return nil, fmt.Errorf("argument %s: %w", k, err)
		}
		out[k] = a
	}
	return out, nil
}

func argOf(v any) (arg, error) {
	var kind string
	var val any
	switch v := v.(type) {
	case string:
		kind, val = "string", v
	case int:
		kind, val = "int", v
	case int64:
		kind, val = "int64", v
	case float64:
		kind, val = "float64", v
	case bool:
		kind, val = "bool", v
	case ui.Message:
		m, err := messageOf(v)
		if err != nil {
			return arg{}, err
		}
		kind, val = "message", m
	case ui.List, ui.Lines:
		var ms []ui.Message
		if l, ok := v.(ui.List); ok {
			kind, ms = "list", l
		} else {
			kind, ms = "lines", v.(ui.Lines)
		}
		list := make([]message, len(ms))
		for i, m := range ms {
			var err error
			if list[i], err = messageOf(m); err != nil {
				return arg{}, err
			}
		}
		val = list
	default:
		return arg{}, fmt.Errorf("cannot store a value of type %T", v)
	}
	data, err := json.Marshal(val)
	if err != nil {
		return arg{}, err
	}
	return arg{Kind: kind, Value: data}, nil
}

func messageOf(m ui.Message) (message, error) {
	out := message{ID: m.ID}
	if m.Args != nil {
		var err error
		if out.Args, err = argsOf(m.Args); err != nil {
			return message{}, err
		}
	}
	return out, nil
}

// decodeArgs reads what encodeArgs wrote.
func decodeArgs(data []byte) (ui.Args, error) {
	var m map[string]arg
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, err
	}
	return argsFrom(m)
}

func argsFrom(m map[string]arg) (ui.Args, error) {
	out := make(ui.Args, len(m))
	for k, a := range m {
		v, err := a.value()
		if err != nil {
			return nil, fmt.Errorf("argument %s: %w", k, err)
		}
		out[k] = v
	}
	return out, nil
}

func (a arg) value() (any, error) {
	switch a.Kind {
	case "string":
		return decode[string](a.Value)
	case "int":
		return decode[int](a.Value)
	case "int64":
		return decode[int64](a.Value)
	case "float64":
		return decode[float64](a.Value)
	case "bool":
		return decode[bool](a.Value)
	case "message":
		m, err := decode[message](a.Value)
		if err != nil {
			return nil, err
		}
		return m.ui()
	case "list", "lines":
		list, err := decode[[]message](a.Value)
		if err != nil {
			return nil, err
		}
		ms := make([]ui.Message, len(list))
		for i, m := range list {
			if ms[i], err = m.ui(); err != nil {
				return nil, err
			}
		}
		if a.Kind == "list" {
			return ui.List(ms), nil
		}
		return ui.Lines(ms), nil
	}
	return nil, fmt.Errorf("unknown kind of value %q", a.Kind)
}

func (m message) ui() (ui.Message, error) {
	out := ui.Message{ID: m.ID}
	if m.Args != nil {
		var err error
		if out.Args, err = argsFrom(m.Args); err != nil {
			return ui.Message{}, err
		}
	}
	return out, nil
}

func decode[T any](data []byte) (T, error) {
	var v T
	err := json.Unmarshal(data, &v)
	return v, err
}
