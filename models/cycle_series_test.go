package models

import (
	"slices"
	"testing"
)

func TestCycleSeries(t *testing.T) {
	p := cycleStarting(t, progressOn("2025-01-01", []HeldCredentialFacts{held("RHIT", "2024-03-15")}, nil), "AHIMA", "2024-03-15")
	tests := []struct {
		name       string
		activities []CEUActivity
		want       []SeriesPoint
	}{
		{"no activities: the origin only", nil, []SeriesPoint{{date("2024-03-15"), 0}}},
		{
			name: "sorted, same-day entries merged, outside entries ignored",
			activities: []CEUActivity{dated(1, "2024-09-01"), dated(2, "2024-05-01"), dated(3, "2024-05-01"),
				dated(4, "2024-03-14"), dated(5, "2026-03-14"), dated(6, "2026-03-15")},
			want: []SeriesPoint{{date("2024-03-15"), 0}, {date("2024-05-01"), 200}, {date("2024-09-01"), 300}, {date("2026-03-14"), 400}},
		},
		{
			name:       "an entry on the first day lifts the first point",
			activities: []CEUActivity{dated(1, "2024-03-15"), dated(2, "2024-04-01")},
			want:       []SeriesPoint{{date("2024-03-15"), 100}, {date("2024-04-01"), 200}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := CycleSeries(p, tt.activities)
			if !slices.Equal(got.Points, tt.want) {
				t.Errorf("points: got %v, want %v", got.Points, tt.want)
			}
			wantStart, wantEnd := SeriesPoint{date("2024-03-15"), 0}, SeriesPoint{date("2026-03-14"), 2000}
			if got.PaceStart != wantStart || got.PaceEnd != wantEnd {
				t.Errorf("pace line: got %v → %v, want %v → %v", got.PaceStart, got.PaceEnd, wantStart, wantEnd)
			}
		})
	}
}
