package index

import (
	"database/sql"
	"fmt"
	"strings"
)

// batchRows is how many rows a batch inserts with one statement: what each statement costs besides its rows
// (database/sql's locks and conversions, the driver's bind, step and reset) is paid once for them.
const batchRows = 64

// batch inserts rows into one table in a transaction, batchRows at a time with one multi-row INSERT prepared
// once, the rows left over with a statement of their own (flush).
type batch struct {
	tx   *sql.Tx
	head string // INSERT INTO table (columns) VALUES
	cols int
	full *sql.Stmt // the statement of batchRows rows, prepared on first use
	args []any     // the rows not yet inserted, column after column
}

func newBatch(tx *sql.Tx, table string, cols ...string) *batch {
	return &batch{tx: tx, head: `INSERT INTO ` + table + ` (` + strings.Join(cols, ", ") + `) VALUES `, cols: len(cols)}
}

// values returns the INSERT of n rows.
func (b *batch) values(n int) string {
	row := "(" + strings.TrimSuffix(strings.Repeat("?, ", b.cols), ", ") + ")"
	return b.head + strings.TrimSuffix(strings.Repeat(row+", ", n), ", ")
}

// add inserts a row of values, one per column, or keeps it for the next statement.
func (b *batch) add(values ...any) error {
	if len(values) != b.cols {
		return fmt.Errorf("index: %d values for the %d columns of %s", len(values), b.cols, b.head)
	}
	b.args = append(b.args, values...)
	if len(b.args) < batchRows*b.cols {
		return nil
	}
	if b.full == nil {
		var err error
		if b.full, err = b.tx.Prepare(b.values(batchRows)); err != nil {
			return fmt.Errorf("index: %w", err)
		}
	}
	_, err := b.full.Exec(b.args...)
	clear(b.args) // no row is held for longer than its statement
	b.args = b.args[:0]
	if err != nil {
		return fmt.Errorf("index: %w", err)
	}
	return nil
}

// flush inserts the rows kept.
func (b *batch) flush() error {
	if len(b.args) == 0 {
		return nil
	}
	_, err := b.tx.Exec(b.values(len(b.args)/b.cols), b.args...)
	clear(b.args)
	b.args = b.args[:0]
	if err != nil {
		return fmt.Errorf("index: %w", err)
	}
	return nil
}

func (b *batch) close() {
	if b.full != nil {
		b.full.Close()
	}
}
