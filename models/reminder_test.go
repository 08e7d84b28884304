package models

import (
	"fmt"
	"strings"
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
		chosen   []int
	}{
		{"181 days left", AddDays(end, -181), 0, 0, true, nil},
		{"180 days left", AddDays(end, -180), 0, 180, false, nil},
		{"91 days left", AddDays(end, -91), 0, 180, false, nil},
		{"90 days left", AddDays(end, -90), 0, 90, false, nil},
		{"20 days left: only the tightest", AddDays(end, -20), 0, 30, false, nil},
		{"7 days left", AddDays(end, -7), 0, 7, false, nil},
		{"last day", end, 0, 7, false, nil},
		{"complete", AddDays(end, -20), 2000, 0, true, nil},
		{"after the end", AddDays(end, 1), 0, 0, true, nil},
		{"only 30 and 7 chosen: nothing at 100 days", AddDays(end, -100), 0, 0, true, []int{30, 7}},
		{"only 30 and 7 chosen: 30 at 25 days", AddDays(end, -25), 0, 30, false, []int{7, 30}},
		{"only 180 chosen: still 180 at 5 days", AddDays(end, -5), 0, 180, false, []int{180}},
		{"none chosen", AddDays(end, -5), 0, 0, true, []int{}},
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
			chosen := tt.chosen
			if chosen == nil {
				chosen = ReminderThresholds
			}
			due := DueReminders(progress, tt.today, chosen)
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
	if got := ReminderDates(c, []int{30}); len(got) != 1 || got[0].Format(time.DateOnly) != "2026-02-12" {
		t.Fatalf("got %v for the 30-day reminder only, want 2026-02-12", got)
	}
	got := ReminderDates(c, ReminderThresholds)
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

func TestReminderChoices(t *testing.T) {
	tests := []struct {
		stored string
		want   []int
	}{
		{"180,90,30,7", []int{180, 90, 30, 7}},
		{"7,30", []int{30, 7}},
		{"", nil},
		{"7, 7,abc,365", []int{7}},
	}
	for _, tt := range tests {
		got := User{ReminderDays: tt.stored}.Reminders()
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("%q: got %v, want %v", tt.stored, got, tt.want)
		}
	}
	if stored, msg := CheckReminderDays([]int{7, 180, 7}); stored != "180,7" || msg != "" {
		t.Errorf("got %q %q, want 180,7", stored, msg)
	}
	if _, msg := CheckReminderDays([]int{60}); msg == "" {
		t.Error("got 60 days accepted, want a refusal")
	}
	if stored, msg := CheckReminderDays(nil); stored != "" || msg != "" {
		t.Errorf("got %q %q, want none chosen", stored, msg)
	}
}

func TestReminderEmailWording(t *testing.T) {
	for _, tt := range []struct {
		daysLeft    int
		wantSubject string
	}{
		{1, "1 day left in your RHIT cycle"},
		{7, "7 days left in your RHIT cycle"},
	} {
		t.Run(tt.wantSubject, func(t *testing.T) {
			p := CycleProgress{Credentials: []string{"RHIT"}, DaysLeft: tt.daysLeft, Unit: "CEU", Required: 2000}
			subject, body := ReminderEmail(User{Name: "Ana"}, ReminderDue{Cycle: p, Threshold: 7}, "https://hitpath.example/")
			if subject != tt.wantSubject {
				t.Errorf("got subject %q, want %q", subject, tt.wantSubject)
			}
			if want := "https://hitpath.example/account"; !strings.Contains(body, want) {
				t.Errorf("the reminder does not say where to choose reminders (%s):\n%s", want, body)
			}
		})
	}
}
