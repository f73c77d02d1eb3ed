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

func TestRewrites(t *testing.T) {
	l := func(src, tgt []int) Link { return Link{Src: src, Tgt: tgt} }
	tests := []struct {
		in   []Link
		want string
	}{
		// Two English sentences and one Japanese one that nothing pairs: one link.
		{[]Link{l([]int{0}, []int{0}), l(nil, []int{1}), l([]int{1}, nil), l([]int{2}, nil), l([]int{3}, []int{2})}, "[0]-[0] [1 2]-[1] [3]-[2]"},
		// A lone deletion and a lone insertion, two links apart, stay.
		{[]Link{l([]int{0}, []int{0}), l([]int{1}, nil), l([]int{2}, []int{1}), l([]int{3}, []int{2}), l(nil, []int{3})}, "[0]-[0] [1]-[] [2]-[1] [3]-[2] []-[3]"},
		// Two deletions in a row stay two.
		{[]Link{l([]int{0}, nil), l([]int{1}, nil), l([]int{2}, []int{0})}, "[0]-[] [1]-[] [2]-[0]"},
		// An addition, a shifted pair and a deletion: a condensed passage, joined.
		{[]Link{l(nil, []int{0}), l([]int{0}, []int{1}), l([]int{1}, nil), l([]int{2}, []int{2})}, "[0 1]-[0 1] [2]-[2]"},
		// A deletion and an addition three links apart stay apart.
		{[]Link{l([]int{0}, nil), l([]int{1}, []int{0}), l([]int{2}, []int{1}), l([]int{3}, []int{2}), l(nil, []int{3})}, "[0]-[] [1]-[0] [2]-[1] [3]-[2] []-[3]"},
	}
	for _, tt := range tests {
		if got := shape(Rewrites(tt.in)); got != tt.want {
			t.Errorf("Rewrites(%s) = %s, want %s", shape(tt.in), got, tt.want)
		}
	}
}
