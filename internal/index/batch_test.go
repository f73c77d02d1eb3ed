package index

import (
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"
)

// TestBatch inserts fewer rows than a batch, exactly a batch and more, and reads back every row in order.
func TestBatch(t *testing.T) {
	for _, n := range []int{0, 1, batchRows - 1, batchRows, batchRows + 1, 3*batchRows + 5} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			db, err := sql.Open("sqlite", "file:"+filepath.ToSlash(filepath.Join(t.TempDir(), "b.db"))+"?"+buildParams)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if _, err := db.Exec(`CREATE TABLE t (a INTEGER NOT NULL, b TEXT)`); err != nil {
				t.Fatal(err)
			}
			tx, err := db.Begin()
			if err != nil {
				t.Fatal(err)
			}
			b := newBatch(tx, "t", "a", "b")
			for i := range n {
				if err := b.add(i, fmt.Sprint("row ", i)); err != nil {
					t.Fatal(err)
				}
			}
			if err := b.add(1); err == nil {
				t.Error("a row of one value for two columns was taken")
			}
			if err := b.flush(); err != nil {
				t.Fatal(err)
			}
			b.close()
			if err := tx.Commit(); err != nil {
				t.Fatal(err)
			}
			rows, err := db.Query(`SELECT a, b FROM t ORDER BY rowid`)
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			got := 0
			for rows.Next() {
				var (
					a int
					s string
				)
				if err := rows.Scan(&a, &s); err != nil {
					t.Fatal(err)
				}
				if a != got || s != fmt.Sprint("row ", got) {
					t.Errorf("row %d: got %d, %q", got, a, s)
				}
				got++
			}
			if err := rows.Err(); err != nil {
				t.Fatal(err)
			}
			if got != n {
				t.Errorf("got %d rows, want %d", got, n)
			}
		})
	}
}
