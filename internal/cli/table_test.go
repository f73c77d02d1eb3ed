package cli

import (
	"strings"
	"testing"

	"github.com/rivo/uniseg"
)

// TestAlignColumns: the third column starts at the same display column on every row, whatever the script of
// the cells before it.
func TestAlignColumns(t *testing.T) {
	in := "ID\tKM\tJA\n" +
		"prime-minister\tនាយករដ្ឋមន្ត្រី\t首相\n" +
		"foreign-minister\tរដ្ឋមន្ត្រីការបរទេស\t外務大臣\n" +
		"he\tឯកឧត្តម\t—\n"
	out := alignColumns(in)
	var starts []int
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		cells := strings.Fields(line)
		last := cells[len(cells)-1]
		starts = append(starts, uniseg.StringWidth(strings.TrimSuffix(line, last)))
	}
	for i, s := range starts {
		if s != starts[0] {
			t.Errorf("row %d: the Japanese column starts at display column %d, row 0 at %d\n%s", i, s, starts[0], out)
		}
	}
	if got, want := alignColumns("a\tb\nlonger\tc\n"), "a       b\nlonger  c\n"; got != want {
		t.Errorf("alignColumns = %q, want %q", got, want)
	}
}
