package models

import (
	"strings"
	"testing"
)

// TestLapsedCredentialIsNoLongerHeld: once a credential is revoked, or the holder says
// it is not current and it was not renewed, the cycles after that are "lapsed" rather
// than behind or overdue for ever, whatever is logged in them.
func TestLapsedCredentialIsNoLongerHeld(t *testing.T) {
	current := func(h HeldCredentialFacts, from string) HeldCredentialFacts { h.CurrentFrom = date(from); return h }
	lapsed := func(h HeldCredentialFacts) HeldCredentialFacts { h.NotCurrent = true; return h }
	ahima := with(hiimCEU(), func(a *CEUActivity) { a.ProviderKind = ProviderAHIMA })
	tests := []struct {
		name       string
		held       HeldCredentialFacts
		activities []CEUActivity
		today      string
		// want is each cycle's status by start date; the last is the one after today.
		want string
	}{
		{"held since 2015, never renewed: revoked under the 2021 rules, then no longer held",
			current(held("RHIT", "2015-01-10"), "2015-01-10"), nil, "2026-11-30",
			"2015-01-10 inactive, 2017-01-10 inactive, 2019-01-10 revoked, 2021-01-10 lapsed, 2023-01-10 lapsed, 2025-01-10 lapsed, 2027-01-10 lapsed"},
		{"said not current: lapsed after the first cycle left unmet",
			lapsed(held("RHIT", "2015-01-10")), nil, "2026-11-30",
			"2015-01-10 inactive, 2017-01-10 lapsed, 2019-01-10 lapsed, 2021-01-10 lapsed, 2023-01-10 lapsed, 2025-01-10 lapsed, 2027-01-10 lapsed"},
		{"NCRA names no revocation: a current ODS holder's later cycles are still judged",
			current(held("ODS", "2018-03-01"), "2018-03-01"), nil, "2026-11-30",
			"2018-03-01 inactive, 2021-01-01 inactive, 2023-01-01 inactive, 2025-01-01 behind, 2027-01-01 upcoming"},
		{"NCRA, said not current: lapsed after the first unmet cycle",
			lapsed(held("ODS", "2018-03-01")), nil, "2026-11-30",
			"2018-03-01 inactive, 2021-01-01 lapsed, 2023-01-01 lapsed, 2025-01-01 lapsed, 2027-01-01 lapsed"},
		{"said not current after a complete cycle: lapsed from the next",
			lapsed(held("RHIT", "2023-01-10")), repeat(20, date("2023-02-01"), hiimCEU()), "2026-11-30",
			"2023-01-10 complete, 2025-01-10 lapsed, 2027-01-10 lapsed"},
		{"said not current in the first cycle: lapsed from the start",
			lapsed(held("RHIT", "2026-01-10")), nil, "2026-11-30",
			"2026-01-10 lapsed, 2028-01-10 lapsed"},
		{"CEUs logged after the revocation do not bring it back",
			current(held("RHIT", "2019-01-10"), "2019-01-10"), repeat(30, date("2025-02-01"), ahima), "2026-11-30",
			"2019-01-10 revoked, 2021-01-10 lapsed, 2023-01-10 lapsed, 2025-01-10 lapsed, 2027-01-10 lapsed"},
		{"a revoked cycle before tracking began was recertified elsewhere: the running one is judged",
			current(held("RHIT", "2015-01-10"), "2026-11-01"), nil, "2026-11-30",
			"2015-01-10 not_tracked, 2017-01-10 not_tracked, 2019-01-10 not_tracked, 2021-01-10 not_tracked, 2023-01-10 not_tracked, 2025-01-10 behind, 2027-01-10 upcoming"},
		{"inactive but not yet revoked: the running cycle is still judged",
			current(held("RHIT", "2022-06-01"), "2022-06-01"), nil, "2024-06-20",
			"2022-06-01 inactive, 2024-06-01 just_started, 2026-06-01 upcoming"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			progress := progressOn(tt.today, []HeldCredentialFacts{tt.held}, tt.activities)
			for _, p := range progress.Cycles {
				got = append(got, p.Cycle.Start.Format("2006-01-02")+" "+string(p.Status))
				if p.Status == StatusLapsed && (len(p.Problems) > 0 || !p.RevokesOn.IsZero() || len(p.Behind()) > 0) {
					t.Errorf("lapsed cycle %s asks for something: problems %v, revokes %v", p.Cycle.Start, p.Problems, p.RevokesOn)
				}
			}
			if strings.Join(got, ", ") != tt.want {
				t.Errorf("got %s\nwant %s", strings.Join(got, ", "), tt.want)
			}
			if due := DueReminders(progress, date(tt.today), ReminderThresholds); len(due) > 0 && due[0].Cycle.Status == StatusLapsed {
				t.Errorf("got a reminder for a lapsed cycle: %+v", due[0].Cycle.Cycle)
			}
		})
	}
}

// TestCycleStatusOfHeldUntil: the status function itself calls a cycle starting after
// the last day held lapsed, and one starting on or before it is judged as usual.
func TestCycleStatusOfHeldUntil(t *testing.T) {
	p := CycleProgress{Cycle: Cycle{Start: date("2025-01-10"), End: date("2027-01-09"), Due: date("2027-01-09")}, Shortfall: 0}
	for _, tt := range []struct {
		heldUntil string
		want      CycleStatus
	}{{"", StatusComplete}, {"2025-01-09", StatusLapsed}, {"2025-01-10", StatusComplete}, {"2027-01-09", StatusComplete}} {
		p.HeldUntil = date("0001-01-01")
		if tt.heldUntil != "" {
			p.HeldUntil = date(tt.heldUntil)
		}
		if got := CycleStatusOf(p, date("2026-11-30")); got != tt.want {
			t.Errorf("held until %q: got %s, want %s", tt.heldUntil, got, tt.want)
		}
	}
}

// TestCredentialPassedAfterALapseIsHeld: RHIT revoked in 2022, RHIA passed in 2023 —
// the cycle RHIA was passed in and those after it are judged again.
func TestCredentialPassedAfterALapseIsHeld(t *testing.T) {
	holds := []HeldCredentialFacts{held("RHIT", "2020-03-15"), held("RHIA", "2023-01-10")}
	var got []string
	for _, p := range progressOn("2025-06-01", holds, repeat(30, date("2023-02-01"), hiimCEU())).Cycles {
		got = append(got, p.Cycle.Start.Format("2006-01-02")+" "+string(p.Status))
	}
	want := "2020-03-15 revoked, 2022-03-15 complete, 2024-03-15 behind, 2026-03-15 upcoming"
	if strings.Join(got, ", ") != want {
		t.Errorf("got %s\nwant %s", strings.Join(got, ", "), want)
	}
}
