package views

import "testing"

func TestRoundHalvesAwayFromZero(t *testing.T) {
	tests := []struct {
		places int
		v      float64
		want   string
	}{
		{0, 62.5, "63"}, {0, 37.5, "38"}, {0, 12.5, "13"}, {0, 0.5, "1"}, {0, 62.49, "62"},
		{0, -12.5, "-13"}, {0, -0.4, "0"}, {0, 100, "100"},
		{1, 0.25, "0.3"}, {1, -0.25, "-0.3"}, {1, 12.35, "12.4"}, {1, 14.95, "15.0"}, {1, -0.04, "0.0"},
	}
	for _, tt := range tests {
		if got := Round(tt.places, tt.v); got != tt.want {
			t.Errorf("Round(%d, %v): got %q, want %q", tt.places, tt.v, got, tt.want)
		}
	}
}
