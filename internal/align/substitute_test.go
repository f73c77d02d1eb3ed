package align

import (
	"fmt"
	"testing"
)

func TestSubstitutions(t *testing.T) {
	l := func(src, tgt []int) Link { return Link{Src: src, Tgt: tgt} }
	tests := []struct {
		in   []Link
		want string
	}{
		// A deletion next to an insertion becomes a pair.
		{[]Link{l([]int{0}, []int{0}), l([]int{1}, nil), l(nil, []int{1}), l([]int{2}, []int{2})}, "[0:0 1:1 2:2]"},
		// Insertion first, then deletion: paired too.
		{[]Link{l(nil, []int{0}), l([]int{0}, nil)}, "[0:0]"},
		// A lone deletion stays.
		{[]Link{l([]int{0}, []int{0}), l([]int{1}, nil), l([]int{2}, []int{1})}, "[0:0 1:- 2:1]"},
		// Two deletions and one insertion: one pair, one deletion left.
		{[]Link{l([]int{0}, nil), l([]int{1}, nil), l(nil, []int{0})}, "[0:0 1:-]"},
		// A deletion and an insertion separated by a 1:1 link are not a substitution.
		{[]Link{l([]int{0}, nil), l([]int{1}, []int{0}), l(nil, []int{1})}, "[0:- 1:0 -:1]"},
	}
	for _, tt := range tests {
		if got := show(Substitutions(tt.in)); got != tt.want {
			t.Errorf("Substitutions(%s) = %s, want %s", show(tt.in), got, tt.want)
		}
	}
}

func show(links []Link) string {
	s := "["
	for i, l := range links {
		if i > 0 {
			s += " "
		}
		side := func(x []int) string {
			if len(x) == 0 {
				return "-"
			}
			return fmt.Sprint(x[0])
		}
		s += side(l.Src) + ":" + side(l.Tgt)
	}
	return s + "]"
}
