package models

import (
	"testing"
	"time"
)

func TestDaysBetween(t *testing.T) {
	tests := []struct {
		name     string
		from, to time.Time
		want     int
	}{
		{"same day", date("2026-01-01"), date("2026-01-01"), 0},
		{"worked example: elapsed", date("2024-03-15"), date("2026-01-01"), 657},
		{"worked example: days left", date("2026-01-01"), date("2026-03-14"), 72},
		{"across Feb 29", date("2024-02-28"), date("2024-03-01"), 2},
		{"backwards is negative", date("2026-01-02"), date("2026-01-01"), -1},
		{"time of day ignored", time.Date(2026, 1, 1, 23, 59, 0, 0, time.UTC), date("2026-01-02"), 1},
		{"zone keeps its own calendar date",
			time.Date(2026, 1, 1, 23, 0, 0, 0, time.FixedZone("EST", -5*3600)), date("2026-01-02"), 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DaysBetween(tt.from, tt.to); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestAddYears(t *testing.T) {
	tests := []struct {
		name  string
		from  time.Time
		years int
		want  time.Time
	}{
		{"ordinary date", date("2024-03-15"), 2, date("2026-03-15")},
		{"Feb 29 into a common year becomes Mar 1", date("2024-02-29"), 2, date("2026-03-01")},
		{"Feb 29 into a leap year stays", date("2024-02-29"), 4, date("2028-02-29")},
		{"backwards", date("2026-03-15"), -2, date("2024-03-15")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := AddYears(tt.from, tt.years); !got.Equal(tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestDateOnly(t *testing.T) {
	got := DateOnly(time.Date(2025, 6, 1, 22, 30, 0, 0, time.FixedZone("PDT", -7*3600)))
	if want := DateOf(2025, time.June, 1); !got.Equal(want) || got.Location() != time.UTC {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestDayNumber(t *testing.T) {
	tests := []struct {
		name string
		at   time.Time
	}{
		{"epoch", date("1970-01-01")},
		{"before the epoch", date("1969-12-31")},
		{"long ago", date("1900-03-01")},
		{"late evening west of UTC", time.Date(2026, 1, 1, 23, 0, 0, 0, time.FixedZone("EST", -5*3600))},
		{"early morning east of UTC", time.Date(2026, 1, 1, 1, 0, 0, 0, time.FixedZone("CET", 3600))},
		{"late evening before the epoch west of UTC", time.Date(1969, 12, 31, 23, 0, 0, 0, time.FixedZone("EST", -5*3600))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := int(DateOnly(tt.at).Unix() / secondsPerDay)
			if got := dayNumber(tt.at); got != want {
				t.Errorf("got %v, want %v", got, want)
			}
		})
	}
}
