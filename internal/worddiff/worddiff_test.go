package worddiff

import "testing"

func TestFormat(t *testing.T) {
	tests := []struct {
		name, old, new string
		context        int
		want           string
	}{
		{"numbers changed", "Japan will provide USD 30 million for 12 projects in Cambodia.",
			"Japan will provide USD 35 million for 14 projects in Cambodia.", 0,
			"Japan will provide USD [-30-]{+35+} million for [-12-]{+14+} projects in Cambodia."},
		{"words inserted", "The two Ministers met in Tokyo.", "The two Foreign Ministers met in Tokyo on 3 May.", 0,
			"The two {+Foreign+} Ministers met in [-Tokyo.-]{+Tokyo on 3 May.+}"},
		{"same", "The two Ministers met.", "The  two Ministers\nmet.", 0, "The two Ministers met."},
		{"context elides a long shared run", "H.E. Prak Sokhonn welcomed the grant of USD 30 million for the rehabilitation of rural roads in Cambodia.",
			"H.E. Prak Sokhonn welcomed the grant of USD 35 million for the rehabilitation of rural roads in Cambodia.", 3,
			"… grant of USD [-30-]{+35+} million for the …"},
	}
	for _, tt := range tests {
		got := Format(Diff(tt.old, tt.new), tt.context)
		if got != tt.want {
			t.Errorf("%s:\ngot  %q\nwant %q", tt.name, got, tt.want)
		}
	}
}

func TestSimilarity(t *testing.T) {
	tests := []struct {
		old, new string
		min, max float64
	}{
		{"Japan will provide USD 30 million for 12 projects.", "Japan will provide USD 35 million for 14 projects.", 0.7, 0.9},
		{"The two Ministers met.", "The two Ministers met.", 1, 1},
		{"The two Ministers met.", "Both sides agreed to hold the next round of talks in Phnom Penh.", 0, 0.2},
	}
	for _, tt := range tests {
		if got := Similarity(tt.old, tt.new); got < tt.min || got > tt.max {
			t.Errorf("Similarity(%q, %q) = %v, want in [%v, %v]", tt.old, tt.new, got, tt.min, tt.max)
		}
	}
}

func TestPairs(t *testing.T) {
	got := Pairs(Diff("USD 30 million for 12 projects", "USD 35 million for 14 projects"))
	if len(got) != 2 || got[0][0][0] != "30" || got[0][1][0] != "35" || got[1][0][0] != "12" || got[1][1][0] != "14" {
		t.Errorf("Pairs: got %q, want [[30] [35]] [[12] [14]]", got)
	}
}
