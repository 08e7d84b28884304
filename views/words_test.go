package views

import (
	"strings"
	"testing"

	"hitpath/models"
)

func TestCount(t *testing.T) {
	tests := []struct {
		n    int
		want string
	}{{0, "0 students"}, {1, "1 student"}, {2, "2 students"}, {21, "21 students"}, {-1, "-1 students"}}
	for _, tt := range tests {
		if got := Count(tt.n, "student", "students"); got != tt.want {
			t.Errorf("Count(%d): got %q, want %q", tt.n, got, tt.want)
		}
	}
}

func TestCountHundredths(t *testing.T) {
	tests := []struct {
		v    int
		want string
	}{{100, "1 CEU"}, {150, "1.5 CEUs"}, {25, "0.25 CEUs"}, {0, "0 CEUs"}, {200, "2 CEUs"}, {101, "1.01 CEUs"}}
	for _, tt := range tests {
		if got := CountHundredths(tt.v, "CEU", "CEUs"); got != tt.want {
			t.Errorf("CountHundredths(%d): got %q, want %q", tt.v, got, tt.want)
		}
	}
}

func TestCourseStatus(t *testing.T) {
	tests := []struct{ in, want string }{
		{"in_progress", "In progress"}, {"planned", "Planned"}, {"completed", "Completed"},
		{"", "Not started"}, {"on_hold", "On hold"},
	}
	for _, tt := range tests {
		if got := CourseStatus(tt.in); got != tt.want {
			t.Errorf("CourseStatus(%q): got %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCycleStatusWordsEveryStatus(t *testing.T) {
	tests := []struct {
		in   models.CycleStatus
		want string
	}{
		{models.StatusOnTrack, "On track"}, {models.StatusLapsed, "No longer held"}, {models.StatusJustStarted, "Just started"},
		{"", "–"}, {"some_new_state", "Some new state"},
	}
	for _, tt := range tests {
		if got := CycleStatus(tt.in); got != tt.want {
			t.Errorf("CycleStatus(%q): got %q, want %q", tt.in, got, tt.want)
		}
	}
	for _, s := range []models.CycleStatus{models.StatusUpcoming, models.StatusComplete, models.StatusOnTrack, models.StatusBehind,
		models.StatusOverdue, models.StatusInactive, models.StatusRevoked, models.StatusJustStarted, models.StatusNotTracked, models.StatusLapsed} {
		if strings.Contains(CycleStatus(s), "_") {
			t.Errorf("CycleStatus(%q) = %q shows a code", s, CycleStatus(s))
		}
	}
}
