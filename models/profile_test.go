package models

import (
	"strings"
	"testing"
)

func strPtr(s string) *string { return &s }

func TestProfileInputApply(t *testing.T) {
	base := User{ID: 1, Name: "Ana", TimeZone: "America/Chicago"}
	tests := []struct {
		name     string
		in       ProfileInput
		wantName string
		wantZone string
		problem  string
	}{
		{"nothing changes", ProfileInput{}, "Ana", "America/Chicago", ""},
		{"new name trimmed", ProfileInput{Name: strPtr("  Ana Lima ")}, "Ana Lima", "America/Chicago", ""},
		{"blank name refused", ProfileInput{Name: strPtr("  ")}, "", "", "name"},
		{"long name refused", ProfileInput{Name: strPtr(strings.Repeat("a", 101))}, "", "", "name"},
		{"zone chosen", ProfileInput{TimeZone: strPtr("Pacific/Auckland")}, "Ana", "Pacific/Auckland", ""},
		{"empty zone means the server default", ProfileInput{TimeZone: strPtr("")}, "Ana", "", ""},
		{"unknown zone refused", ProfileInput{TimeZone: strPtr("Moon/Base")}, "", "", "time_zone"},
		{"unknown reminder refused", ProfileInput{ReminderDays: &[]int{60}}, "", "", "reminder_days"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, problems := tt.in.Apply(base)
			if tt.problem != "" {
				if problems[tt.problem] == "" {
					t.Fatalf("got problems %v, want one for %s", problems, tt.problem)
				}
				return
			}
			if problems != nil || got.Name != tt.wantName || got.TimeZone != tt.wantZone {
				t.Errorf("got %q %q %v, want %q %q", got.Name, got.TimeZone, problems, tt.wantName, tt.wantZone)
			}
		})
	}
}

func TestProfileInputEmailChoices(t *testing.T) {
	off := false
	got, problems := ProfileInput{ReminderDays: &[]int{7, 30}, WeeklyDigest: &off}.Apply(User{ReminderDays: "180,90,30,7", WeeklyDigest: true})
	if problems != nil || got.ReminderDays != "30,7" || got.WeeklyDigest {
		t.Fatalf("got %q digest %v (%v), want 30,7 and no digest", got.ReminderDays, got.WeeklyDigest, problems)
	}
	got, _ = ProfileInput{}.Apply(User{ReminderDays: "7", WeeklyDigest: true})
	if got.ReminderDays != "7" || !got.WeeklyDigest {
		t.Fatalf("got %q %v, want the choices untouched when not given", got.ReminderDays, got.WeeklyDigest)
	}
}
