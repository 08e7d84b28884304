package models

import (
	"strings"
	"testing"
	"time"
)

// TestCycleStatusAgreesWithForecastAndPace checks every status against the figures a
// page shows next to it: an on-track cycle's forecast makes the deadline and its pace
// so far covers the pace needed; a behind cycle's does not, and names the rule.
func TestCycleStatusAgreesWithForecastAndPace(t *testing.T) {
	ahima := with(hiimCEU(), func(a *CEUActivity) { a.ProviderKind = ProviderAHIMA })
	rhitCCS := []HeldCredentialFacts{held("RHIT", "2025-06-10"), held("CCS", "2025-06-10")}
	tests := []struct {
		name       string
		held       []HeldCredentialFacts
		activities []CEUActivity
		today      string
		want       CycleStatus
		wantBehind string // the rule named behind, if any
	}{
		{"forecast before the deadline and pace above the pace needed is on track", rhitCCS,
			repeat(24, date("2025-06-15"), ahima), "2026-11-28", StatusOnTrack, ""},
		{"the same figures short of AHIMA sources are behind on the 40% rule", rhitCCS,
			append(repeat(6, date("2025-06-15"), ahima), repeat(18, date("2025-08-01"), hiimCEU())...), "2026-11-28", StatusBehind, "ahima_source"},
		{"three days into a two-year cycle with nothing logged has just started", []HeldCredentialFacts{held("RHIT", "2031-06-12")},
			nil, "2031-06-15", StatusJustStarted, ""},
		{"six weeks in with nothing logged is behind", []HeldCredentialFacts{held("RHIT", "2031-05-01")},
			nil, "2031-06-15", StatusBehind, "total"},
		{"one week in, on pace already, is on track", []HeldCredentialFacts{held("RHIT", "2031-06-08")},
			repeat(1, date("2031-06-09"), ahima), "2031-06-15", StatusOnTrack, ""},
		{"worked example: 12 of 20 with 72 days left is behind", []HeldCredentialFacts{held("RHIT", "2024-03-15")},
			repeat(12, date("2024-04-01"), hiimCEU()), "2026-01-01", StatusBehind, "total"},
		{"met is complete", []HeldCredentialFacts{held("RHIT", "2024-03-15")},
			repeat(20, date("2024-04-01"), hiimCEU()), "2025-01-01", StatusComplete, ""},
		{"unmet after the end is inactive", []HeldCredentialFacts{held("RHIT", "2022-03-15")},
			repeat(5, date("2022-04-01"), hiimCEU()), "2024-05-01", StatusInactive, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := progressOn(tt.today, tt.held, tt.activities).Cycles[0]
			if p.Status != tt.want {
				t.Fatalf("got %s, want %s (pace %d vs %d needed, forecast %v, end %v)", p.Status, tt.want, p.PaceSoFar, p.PaceNeeded, p.ForecastOn, p.Cycle.End)
			}
			checkStatusFigures(t, p)
			behind := p.Behind()
			if (tt.wantBehind == "") != (len(behind) == 0) || (len(behind) > 0 && behind[0].Rule != tt.wantBehind) {
				t.Errorf("got behind %+v, want %q", behind, tt.wantBehind)
			}
		})
	}
}

// checkStatusFigures asserts the figures shown with a status agree with it.
func checkStatusFigures(t *testing.T, p CycleProgress) {
	t.Helper()
	forecastMakesIt := !p.ForecastOn.IsZero() && !p.ForecastOn.After(p.Cycle.End)
	switch p.Status {
	case StatusOnTrack:
		if !forecastMakesIt || p.PaceSoFar < p.PaceNeeded {
			t.Errorf("on track with forecast %v (end %v), pace %d < needed %d", p.ForecastOn, p.Cycle.End, p.PaceSoFar, p.PaceNeeded)
		}
	case StatusBehind, StatusJustStarted:
		if forecastMakesIt || p.PaceSoFar > p.PaceNeeded {
			t.Errorf("%s with forecast %v (end %v), pace %d > needed %d", p.Status, p.ForecastOn, p.Cycle.End, p.PaceSoFar, p.PaceNeeded)
		}
		if p.Status == StatusJustStarted && p.DaysElapsed >= JustStartedDays {
			t.Errorf("just started after %d days", p.DaysElapsed)
		}
	case StatusComplete:
		if p.Shortfall != 0 || !p.ForecastOn.IsZero() {
			t.Errorf("complete with shortfall %d and forecast %v", p.Shortfall, p.ForecastOn)
		}
	}
}

// TestCycleConsequencesFollowTheRulesAtItsEnd: a cycle begun before 2021 and ended
// after 2021-01-01 is judged at its end by the 2021 rules, so an unmet one is revoked
// 180 days after it ends rather than inactive forever.
func TestCycleConsequencesFollowTheRulesAtItsEnd(t *testing.T) {
	tests := []struct {
		name, earned, today string
		want                CycleStatus
		wantRevokes         time.Time
	}{
		{"began 2020, ended 2022, 944 days later", "2020-05-01", "2024-11-01", StatusRevoked, date("2022-10-27")},
		{"began 2020, ended 2022, within 180 days", "2020-05-01", "2022-06-01", StatusInactive, date("2022-10-27")},
		{"began and ended before 2021: no revocation rule", "2018-05-01", "2020-06-01", StatusInactive, time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := progressOn(tt.today, []HeldCredentialFacts{held("CCA", tt.earned)}, nil).Cycles[0]
			if p.Status != tt.want || !p.RevokesOn.Equal(tt.wantRevokes) {
				t.Fatalf("got %s revoking on %v, want %s on %v", p.Status, p.RevokesOn, tt.want, tt.wantRevokes)
			}
		})
	}
}

// TestHistoryBeforeHitpathIsNotTracked: a credential the holder says is current has
// its earlier cycles recertified outside hitpath, unless something is logged in them.
func TestHistoryBeforeHitpathIsNotTracked(t *testing.T) {
	current := HeldCredentialFacts{Code: "CCA", EarnedOn: date("2023-06-10"), CurrentFrom: date("2026-11-30")}
	lapsed := HeldCredentialFacts{Code: "CCA", EarnedOn: date("2023-06-10")}
	tests := []struct {
		name       string
		held       HeldCredentialFacts
		activities []CEUActivity
		want       CycleStatus
	}{
		{"current: the past cycle was recertified elsewhere", current, nil, StatusNotTracked},
		{"current, but the holder logged the past cycle: judged", current, repeat(3, date("2023-07-01"), hiimCEU()), StatusRevoked},
		{"not said current: judged", lapsed, nil, StatusRevoked},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			progress := progressOn("2026-11-30", []HeldCredentialFacts{tt.held}, tt.activities)
			first, second := progress.Cycles[0], progress.Cycles[1]
			if first.Status != tt.want {
				t.Fatalf("got cycle 1 %s, want %s", first.Status, tt.want)
			}
			if tt.want == StatusNotTracked && (first.Problems != nil || !first.RevokesOn.IsZero()) {
				t.Errorf("an untracked cycle still names problems %v or a revocation %v", first.Problems, first.RevokesOn)
			}
			if second.Status == StatusNotTracked {
				t.Errorf("the current cycle is not tracked")
			}
		})
	}
}

// TestAlignedCyclesAreExplained: RHIT passed 2023-05-10 and CCS 2024-08-20 share
// RHIT's cycle; the cycle CCS was earned in says so, with CCS's +10 in full.
func TestAlignedCyclesAreExplained(t *testing.T) {
	progress := progressOn("2024-12-01", []HeldCredentialFacts{held("RHIT", "2023-05-10"), held("CCS", "2024-08-20")}, nil)
	p := cycleStarting(t, progress, "AHIMA", "2023-05-10")
	if !p.Cycle.End.Equal(date("2025-05-09")) || p.Required != 3000 {
		t.Fatalf("got %v … %v needing %d, want RHIT's cycle to 2025-05-09 needing 30", p.Cycle.Start, p.Cycle.End, p.Required)
	}
	if len(p.Notes) != 1 || !strings.Contains(p.Notes[0], "CCS was earned on 20 Aug 2024, during this cycle") || !strings.Contains(p.Notes[0], "assumption") {
		t.Fatalf("got notes %q, want CCS earned mid-cycle explained", p.Notes)
	}
	set := HeldCredentialFacts{Code: "RHIT", EarnedOn: date("2025-03-15"), OverrideStart: date("2025-06-10"), OverrideEnd: date("2027-06-09")}
	aligned := cycleStarting(t, progressOn("2025-12-01", []HeldCredentialFacts{set, held("CCS", "2025-06-10")}, nil), "AHIMA", "2025-06-10")
	if len(aligned.Notes) == 0 || !strings.Contains(aligned.Notes[0], "shared dates you set on RHIT") {
		t.Fatalf("got notes %q, want the shared cycle explained", aligned.Notes)
	}
}
