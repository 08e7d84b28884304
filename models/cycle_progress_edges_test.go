package models

import (
	"slices"
	"testing"
)

// earnedPerCycle lists "body start: earned" for each cycle, for compact comparison.
func earnedPerCycle(progress LearnerProgress) []string {
	var got []string
	for _, p := range progress.Cycles {
		got = append(got, p.Body+" "+p.Cycle.Start.Format("2006-01-02")+": "+FormatCEUs(p.Earned))
	}
	return got
}

// ids lists activity IDs.
func ids(activities []CEUActivity) []int64 {
	var got []int64
	for _, a := range activities {
		got = append(got, a.ID)
	}
	return got
}

// dated returns one HIIM CEU with an ID on day.
func dated(id int64, day string) CEUActivity {
	return with(hiimCEU(), func(a *CEUActivity) { a.ID, a.Date = id, date(day) })
}

func TestProgressAssignsActivitiesToCycles(t *testing.T) {
	tests := []struct {
		name        string
		held        []HeldCredentialFacts
		activities  []CEUActivity
		today       string
		wantEarned  []string
		wantOutside []int64
	}{
		{
			name: "first and last day count in the cycle; the day before the pass date is outside",
			held: []HeldCredentialFacts{held("RHIT", "2024-03-15")},
			activities: []CEUActivity{dated(1, "2024-03-14"), dated(2, "2024-03-15"), dated(3, "2026-03-14"),
				dated(4, "2026-03-15"), dated(5, "2031-01-01")},
			today:       "2026-04-01",
			wantEarned:  []string{"AHIMA 2024-03-15: 2", "AHIMA 2026-03-15: 1", "AHIMA 2028-03-15: 0"},
			wantOutside: []int64{1, 5},
		},
		{
			name:        "leap day pass: Feb 28 ends cycle 1, Mar 1 starts cycle 2",
			held:        []HeldCredentialFacts{held("RHIT", "2024-02-29")},
			activities:  []CEUActivity{dated(1, "2024-02-29"), dated(2, "2026-02-28"), dated(3, "2026-03-01"), dated(4, "2028-02-29")},
			today:       "2026-06-01",
			wantEarned:  []string{"AHIMA 2024-02-29: 2", "AHIMA 2026-03-01: 2", "AHIMA 2028-03-01: 0"},
			wantOutside: nil,
		},
		{
			name: "shared cycle set on the first credential: cycles before and after derive from it",
			held: []HeldCredentialFacts{{Code: "RHIT", EarnedOn: date("2024-03-15"), OverrideStart: date("2025-01-10"), OverrideEnd: date("2027-01-09")},
				held("CCA", "2025-01-10")},
			activities:  []CEUActivity{dated(1, "2024-06-01"), dated(2, "2025-01-09"), dated(3, "2025-01-10"), dated(4, "2027-01-10")},
			today:       "2026-01-01",
			wantEarned:  []string{"AHIMA 2024-03-15: 2", "AHIMA 2025-01-10: 1", "AHIMA 2027-01-10: 1"},
			wantOutside: nil,
		},
		{
			name: "a later credential's own override does not move the shared cycle",
			held: []HeldCredentialFacts{held("RHIT", "2024-03-15"),
				{Code: "CCA", EarnedOn: date("2025-01-10"), OverrideStart: date("2025-01-10"), OverrideEnd: date("2027-01-09")}},
			activities:  []CEUActivity{dated(1, "2024-06-01"), dated(2, "2025-01-09"), dated(3, "2025-01-10"), dated(4, "2027-01-10")},
			today:       "2026-01-01",
			wantEarned:  []string{"AHIMA 2024-03-15: 3", "AHIMA 2026-03-15: 1"},
			wantOutside: nil,
		},
		{
			name:        "two bodies: one activity counts toward each",
			held:        []HeldCredentialFacts{held("RHIT", "2024-03-15"), held("ODS", "2024-05-10")},
			activities:  []CEUActivity{dated(1, "2024-04-01"), dated(2, "2024-06-01")},
			today:       "2025-01-01",
			wantEarned:  []string{"AHIMA 2024-03-15: 2", "AHIMA 2026-03-15: 0", "NCRA 2024-05-10: 1", "NCRA 2027-01-01: 0"},
			wantOutside: nil,
		},
		{
			name:        "no credentials: every activity is outside",
			activities:  []CEUActivity{dated(1, "2024-04-01"), dated(2, "2024-06-01")},
			today:       "2025-01-01",
			wantEarned:  nil,
			wantOutside: []int64{1, 2},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			progress := progressOn(tt.today, tt.held, tt.activities)
			if got := earnedPerCycle(progress); !slices.Equal(got, tt.wantEarned) {
				t.Errorf("earned per cycle: got %v, want %v", got, tt.wantEarned)
			}
			if got := ids(progress.Outside); !slices.Equal(got, tt.wantOutside) {
				t.Errorf("outside: got %v, want %v", got, tt.wantOutside)
			}
		})
	}
}

// TestProgressInPersonPairsConsecutiveCycles checks that the two-cycle in-person rule
// applies only from 2025 and never to a holder's first cycle alone.
func TestProgressInPersonPairsConsecutiveCycles(t *testing.T) {
	inPerson := with(hiimCEU(), func(a *CEUActivity) { a.Delivery = DeliveryInPerson })
	progress := progressOn("2026-06-01", []HeldCredentialFacts{held("ODS", "2021-05-10")},
		append(repeat(3, date("2021-06-01"), inPerson), repeat(5, date("2024-06-01"), inPerson)...))
	var got [][2]int
	for _, p := range progress.Cycles {
		got = append(got, [2]int{p.InPerson, p.InPersonRequired})
	}
	// Cycles start 2021-05-10, 2024-01-01, 2026-01-01 (today's) and 2028-01-01.
	want := [][2]int{{300, 0}, {500, 0}, {500, 800}, {0, 800}}
	if !slices.Equal(got, want) {
		t.Errorf("in person, required per cycle: got %v, want %v", got, want)
	}

	first := progressOn("2026-06-01", []HeldCredentialFacts{held("ODS", "2026-03-01")}, nil).Cycles[0]
	if first.InPersonRequired != 0 {
		t.Errorf("first cycle in-person required: got %v, want %v", first.InPersonRequired, 0)
	}
}

func TestWhatIf(t *testing.T) {
	in := ProgressInput{
		Held:       []HeldCredentialFacts{held("RHIT", "2024-03-15")},
		Activities: slices.Grow(repeat(12, date("2024-04-01"), hiimCEU()), 4),
		Rules:      DefaultMaintenanceRules(),
		Today:      date("2026-01-01"),
	}
	tests := []struct {
		name       string
		extra      CEUActivity
		wantStatus CycleStatus
		wantEarned int
	}{
		{"8 HIIM CEUs today complete the cycle", with(hiimCEU(), func(a *CEUActivity) { a.Date, a.CEUs = date("2026-01-01"), 800 }), StatusComplete, 2000},
		{"8 CEUs outside HIIM leave the 80% rule unmet",
			with(hiimCEU(), func(a *CEUActivity) { a.Date, a.CEUs, a.InHIIMDomain = date("2026-01-01"), 800, false }), StatusBehind, 2000},
		{"an activity after the cycle changes nothing here", with(hiimCEU(), func(a *CEUActivity) { a.Date = date("2026-03-15") }), StatusBehind, 1200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := WhatIf(in, tt.extra).Cycles[0]
			if p.Status != tt.wantStatus || p.Earned != tt.wantEarned {
				t.Errorf("status, earned: got %v %v, want %v %v", p.Status, p.Earned, tt.wantStatus, tt.wantEarned)
			}
			if spare := in.Activities[:len(in.Activities)+1][len(in.Activities)]; spare != (CEUActivity{}) {
				t.Errorf("caller's spare capacity: got %v, want it untouched", spare)
			}
			if got := Progress(in).Cycles[0].Earned; got != 1200 {
				t.Errorf("progress without the extra: got %v, want %v", got, 1200)
			}
		})
	}
}
