package cli

import (
	"bytes"
	"io"
	"strings"

	"github.com/rivo/uniseg"
)

// table lines up tab-separated cells in columns by display width, for the tables relloc prints (glossary list,
// release list, coverage). It replaces text/tabwriter, which counts runes: a Khmer cell holds combining vowels
// and subscript consonants that take no column of their own, and a Japanese character takes two columns, so
// tabwriter pushes the next column of a Khmer row left and of a Japanese row right. Widths come from
// github.com/rivo/uniseg (grapheme clusters and East Asian Width, UAX #29 and #11).
//
// As with tabwriter, a cell ends with a tab; the text after a line's last tab is not part of a column. Cells
// are padded to the widest cell of their column over the whole table, then followed by two spaces. Write
// buffers; Flush writes the table.
type table struct {
	w   io.Writer
	buf bytes.Buffer
}

func newTable(w io.Writer) *table { return &table{w: w} }

// Write buffers p.
func (t *table) Write(p []byte) (int, error) { return t.buf.Write(p) }

// tableGap is the space between columns.
const tableGap = 2

// Flush writes the buffered lines with their columns aligned.
func (t *table) Flush() error {
	text := t.buf.String()
	t.buf.Reset()
	_, err := io.WriteString(t.w, alignColumns(text))
	return err
}

// alignColumns pads the tab-terminated cells of text's lines to the display width of their column.
func alignColumns(text string) string {
	lines := strings.SplitAfter(text, "\n")
	var widths []int
	cells := make([][]string, len(lines))
	for i, line := range lines {
		cells[i] = strings.Split(strings.TrimSuffix(line, "\n"), "\t")
		for j, c := range cells[i][:len(cells[i])-1] {
			if j == len(widths) {
				widths = append(widths, 0)
			}
			widths[j] = max(widths[j], uniseg.StringWidth(c))
		}
	}
	var b strings.Builder
	for i, line := range lines {
		row := cells[i]
		for j, c := range row[:len(row)-1] {
			b.WriteString(c)
			b.WriteString(strings.Repeat(" ", widths[j]-uniseg.StringWidth(c)+tableGap))
		}
		b.WriteString(row[len(row)-1])
		if strings.HasSuffix(line, "\n") {
			b.WriteByte('\n')
		}
	}
	return b.String()
}
