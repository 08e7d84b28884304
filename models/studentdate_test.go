package models

import (
	"testing"
	"time"
)

// stuDay builds a date at 00:00 UTC for the student-rule tests.
func stuDay(year int, month time.Month, day int) time.Time {
	return time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
}

func TestStudentDateHelpers(t *testing.T) {
	tests := []struct {
		name string
		got  any
		want any
	}{
		{"day keeps the calendar date of a local time", studentDay(time.Date(2026, 3, 1, 23, 30, 0, 0, time.FixedZone("EST", -5*3600))), stuDay(2026, 3, 1)},
		{"days across a leap day", studentDaysBetween(stuDay(2024, 2, 28), stuDay(2024, 3, 1)), 2},
		{"days backwards are negative", studentDaysBetween(stuDay(2026, 1, 10), stuDay(2026, 1, 3)), -7},
		{"monday of a sunday is six days earlier", studentMonday(stuDay(2026, 3, 1)), stuDay(2026, 2, 23)},
		{"monday of a monday is itself", studentMonday(stuDay(2026, 3, 2)), stuDay(2026, 3, 2)},
		{"monday across a year end", studentMonday(stuDay(2026, 1, 1)), stuDay(2025, 12, 29)},
		{"add days over a leap day", studentAddDays(stuDay(2024, 2, 28), 2), stuDay(2024, 3, 1)},
		{"format", studentFormatDay(stuDay(2026, 3, 5)), "Mar 5, 2026"},
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
