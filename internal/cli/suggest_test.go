package cli

import (
	"slices"
	"testing"

	"github.com/relloc/relloc/internal/ui"
)

func TestClosest(t *testing.T) {
	ids := []string{"2021-11-18-prak-sokhonn-hayashi-telephone", "2022-08-04-hayashi-visit", "2023-12-16-kishida-hun-manet-summit", "he", "phnom-penh", "prime-minister"}
	tests := []struct {
		in   string
		want []string
	}{
		{"2021-11-18-prak-sokhon-hayashi-telephone", []string{"2021-11-18-prak-sokhonn-hayashi-telephone"}}, // a letter dropped
		{"2022-08-04-hayashi-vist", []string{"2022-08-04-hayashi-visit"}},
		{"hayashi", []string{"2021-11-18-prak-sokhonn-hayashi-telephone", "2022-08-04-hayashi-visit"}}, // contained
		{"phnompenh", []string{"phnom-penh"}},
		{"prime-ministre", []string{"prime-minister"}},
		{"ambassador", nil}, // nothing near
		{"", nil},
	}
	for _, tt := range tests {
		if got := closest(tt.in, ids); !slices.Equal(got, tt.want) {
			t.Errorf("closest(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got, want := didYouMean(ui.English, closest("hayashi", ids)), "; did you mean 2021-11-18-prak-sokhonn-hayashi-telephone or 2022-08-04-hayashi-visit?"; got != want {
		t.Errorf("didYouMean = %q, want %q", got, want)
	}
}
