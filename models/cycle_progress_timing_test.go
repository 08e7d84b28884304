package models

import (
	"testing"
	"time"
)

// TestProgressWorkedExampleTiming checks the numbers credentials.md gives for RHIT
// passed 2024-03-15 with 12 CEUs on 2026-01-01.
func TestProgressWorkedExampleTiming(t *testing.T) {
	p := cycleStarting(t, progressOn("2026-01-01", []HeldCredentialFacts{held("RHIT", "2024-03-15")},
		repeat(12, date("2024-04-01"), hiimCEU())), "AHIMA", "2024-03-15")
	tests := []struct {
		name string
		got  any
		want any
	}{
		{"days left (end − today)", p.DaysLeft, 72},
		{"days elapsed", p.DaysElapsed, 657},
		{"cycle length", p.TotalDays, 730},
		{"pace so far ≈ 0.56 a month", p.PaceSoFar, 56},
		{"pace needed ≈ 3.4 a month", p.PaceNeeded, 338},
		{"forecast at 12 per 657 days", p.ForecastOn, date("2027-03-15")},
		{"HIIM share of required", p.HIIMPercent, 60},
		{"due date is the last day", p.Cycle.Due, date("2026-03-14")},
		{"revoked 180 days after the due date", p.RevokesOn, date("2026-09-10")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %v, want %v", tt.got, tt.want)
			}
		})
	}
}

func TestProgressTimingEdges(t *testing.T) {
	tests := []struct {
		name          string
		held          HeldCredentialFacts
		activities    []CEUActivity
		today         string
		wantPaceSoFar int
		wantForecast  time.Time
		wantDaysLeft  int
	}{
		{"no CEUs yet: no pace, no forecast", held("RHIT", "2024-03-15"), nil, "2025-01-01", 0, time.Time{}, 437},
		{"first day: nothing elapsed, no forecast", held("RHIT", "2024-03-15"), repeat(1, date("2024-03-15"), hiimCEU()), "2024-03-15", 0, time.Time{}, 729},
		{"complete: nothing to forecast", held("RHIT", "2024-03-15"), repeat(20, date("2024-03-15"), hiimCEU()), "2025-01-01", 208, time.Time{}, 437},
		{"ended: no days left, no forecast", held("RHIT", "2022-01-10"), repeat(10, date("2022-02-01"), hiimCEU()), "2024-03-01", 42, time.Time{}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := progressOn(tt.today, []HeldCredentialFacts{tt.held}, tt.activities).Cycles[0]
			if p.PaceSoFar != tt.wantPaceSoFar {
				t.Errorf("pace so far: got %v, want %v", p.PaceSoFar, tt.wantPaceSoFar)
			}
			if !p.ForecastOn.Equal(tt.wantForecast) {
				t.Errorf("forecast: got %v, want %v", p.ForecastOn, tt.wantForecast)
			}
			if p.DaysLeft != tt.wantDaysLeft {
				t.Errorf("days left: got %v, want %v", p.DaysLeft, tt.wantDaysLeft)
			}
		})
	}
}
