package models

import (
	"testing"
	"time"
)

func TestDueReminders(t *testing.T) {
	// RHIT passed 2024-03-15: the cycle ends 2026-03-14.
	end := date("2026-03-14")
	tests := []struct {
		name     string
		today    time.Time
		ceus     int
		want     int
		wantNone bool
	}{
		{"181 days left", AddDays(end, -181), 0, 0, true},
		{"180 days left", AddDays(end, -180), 0, 180, false},
		{"91 days left", AddDays(end, -91), 0, 180, false},
		{"90 days left", AddDays(end, -90), 0, 90, false},
		{"20 days left: only the tightest", AddDays(end, -20), 0, 30, false},
		{"7 days left", AddDays(end, -7), 0, 7, false},
		{"last day", end, 0, 7, false},
		{"complete", AddDays(end, -20), 2000, 0, true},
		{"after the end", AddDays(end, 1), 0, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			activities := []CEUActivity{}
			if tt.ceus > 0 {
				a := hiimCEU()
				a.CEUs, a.Date, a.ProviderKind = tt.ceus, date("2025-01-01"), ProviderAHIMA
				activities = append(activities, a)
			}
			progress := Progress(ProgressInput{Held: []HeldCredentialFacts{held("RHIT", "2024-03-15")}, Activities: activities,
				Rules: DefaultMaintenanceRules(), Today: tt.today})
			due := DueReminders(progress, tt.today)
			if tt.wantNone {
				if len(due) != 0 {
					t.Fatalf("got %d reminders, want none", len(due))
				}
				return
			}
			if len(due) != 1 || due[0].Threshold != tt.want {
				t.Fatalf("got %+v, want one reminder at %d days", due, tt.want)
			}
		})
	}
}

func TestReminderDates(t *testing.T) {
	c := Cycle{Start: date("2024-03-15"), End: date("2026-03-14")}
	got := ReminderDates(c)
	want := []string{"2025-09-15", "2025-12-14", "2026-02-12", "2026-03-07"}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i].Format(time.DateOnly) != want[i] {
			t.Errorf("got %s, want %s", got[i].Format(time.DateOnly), want[i])
		}
	}
}
