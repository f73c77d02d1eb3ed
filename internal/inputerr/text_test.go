package inputerr

import (
	"fmt"
	"runtime"
	"testing"
)

func TestCheckText(t *testing.T) {
	tests := []struct {
		data, want string
	}{
		{"Phnom Penh, 18 November 2021\nសេចក្តីប្រកាសព័ត៌មាន\n", ""},
		{"外務省\r\n報道発表\r\n", ""},
		{"tab\tand \x1b[31m escapes are text", ""},
		{"ក្រសួង\nការបរទេស \xff\n", "km.md:2:10: invalid UTF-8 (byte 0xff): relloc reads text files in UTF-8 only"},
		{"\x7fELF\x02\x01\x01\x00\x00", "km.md:1:8: NUL byte: this is a binary file, not UTF-8 text"},
		{"\xff\xfeP\x00", "km.md:1:1: invalid UTF-8 (byte 0xff): relloc reads text files in UTF-8 only"},
		{"日本\xe5\x9b", "km.md:1:3: invalid UTF-8 (byte 0xe5): relloc reads text files in UTF-8 only"},
	}
	for _, tt := range tests {
		got := ""
		if err := CheckText("km.md", []byte(tt.data)); err != nil {
			got = err.Error()
		}
		if got != tt.want {
			t.Errorf("CheckText(%q):\n got %q\nwant %q", tt.data, got, tt.want)
		}
	}
}

// BenchmarkListError shows that the message of a long error list is built in linear time: 40,000 errors (a
// malformed import) took over a minute when the messages were joined with s +=.
func BenchmarkListError(b *testing.B) {
	for _, n := range []int{1000, 10000, 40000} {
		l := make(List, n)
		for i := range l {
			l[i] = New("terms.csv", i+1, 1, "row has 1 field, want at least 3")
		}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for range b.N {
				_ = l.Error()
			}
		})
	}
}

// TestListErrorLinear: the message of 5,000 errors is built with memory in proportion to its length. Joining
// with s += copied the message so far for every error: some 600 MB here, minutes for a 40,000-row import.
func TestListErrorLinear(t *testing.T) {
	l := make(List, 5000)
	for i := range l {
		l[i] = New("terms.csv", i+1, 1, "row %d has 1 cell, the header has 15", i+1)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	msg := l.Error()
	runtime.ReadMemStats(&after)
	if got, limit := after.TotalAlloc-before.TotalAlloc, uint64(20*len(msg)); got > limit {
		t.Errorf("List.Error allocated %d bytes for a %d-byte message, want at most %d", got, len(msg), limit)
	}
}
