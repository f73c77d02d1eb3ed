package runeclass

import "testing"

// TestTable: Of (its ASCII path and its table) answers as the unicode package's range tables do, for every rune
// of the Basic Multilingual Plane and a few beyond.
func TestTable(t *testing.T) {
	for r := rune(0); r < 0x10000; r++ {
		if got, want := Of(r), classify(r); got != want {
			t.Fatalf("Of(%U) = %04b, want %04b", r, got, want)
		}
	}
	for _, r := range []rune{'𠮷', '𝐀', '😀'} {
		if got, want := Of(r), classify(r); got != want {
			t.Errorf("Of(%U) = %04b, want %04b", r, got, want)
		}
	}
}

// TestClasses names the class of a rune of each script relloc reads.
func TestClasses(t *testing.T) {
	for _, tt := range []struct {
		r    rune
		want Class
	}{
		{'a', Letter}, {'7', Digit}, {' ', 0}, {'é', Letter},
		{'ក', Letter}, {'ា', Mark}, {'្', Mark}, {'៧', Digit},
		{'あ', Letter | Japanese}, {'ア', Letter | Japanese}, {'国', Letter | Japanese}, {'〇', Japanese},
		{'７', Digit}, {'𠮷', Letter | Japanese},
	} {
		if got := Of(tt.r); got != tt.want {
			t.Errorf("Of(%q) = %04b, want %04b", tt.r, got, tt.want)
		}
	}
}
