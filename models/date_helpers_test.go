package models

import (
	"testing"
	"time"
)

// stuDay builds a date at 00:00 UTC for the student-rule tests.
func stuDay(year int, month time.Month, day int) time.Time {
	return time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
}

func TestWeekStartFormatAndCount(t *testing.T) {
	tests := []struct {
		name string
		got  any
		want any
	}{
		{"monday of a sunday is six days earlier", weekStart(stuDay(2026, 3, 1)), stuDay(2026, 2, 23)},
		{"monday of a monday is itself", weekStart(stuDay(2026, 3, 2)), stuDay(2026, 3, 2)},
		{"monday across a year end", weekStart(stuDay(2026, 1, 1)), stuDay(2025, 12, 29)},
		{"format", formatDay(stuDay(2026, 3, 5)), "5 Mar 2026"},
		{"count singular", studentCount(1, "day"), "1 day"},
		{"count plural", studentCount(0, "day"), "0 days"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %v, want %v", tt.got, tt.want)
			}
		})
	}
}

// zeroDay is the "not entered" date.
func zeroDay() time.Time { return time.Time{} }
