package models

import (
	"testing"
	"time"
)

func mustZone(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, msg := ParseTimeZone(name)
	if loc == nil {
		t.Fatalf("zone %s: %s", name, msg)
	}
	return loc
}

func TestLocalDateAcrossZones(t *testing.T) {
	tests := []struct {
		name, zone string
		now        time.Time
		want       time.Time
	}{
		{"UTC itself", "UTC", time.Date(2031, 6, 15, 23, 59, 0, 0, time.UTC), DateOf(2031, 6, 15)},
		{"UTC+14 is already tomorrow", "Pacific/Kiritimati", time.Date(2031, 6, 15, 10, 0, 0, 0, time.UTC), DateOf(2031, 6, 16)},
		{"UTC+14 still today just before 10:00 UTC", "Pacific/Kiritimati", time.Date(2031, 6, 15, 9, 59, 0, 0, time.UTC), DateOf(2031, 6, 15)},
		{"UTC-11 is still yesterday", "Pacific/Pago_Pago", time.Date(2031, 6, 15, 10, 0, 0, 0, time.UTC), DateOf(2031, 6, 14)},
		{"UTC+12 (Fiji, no DST)", "Pacific/Fiji", time.Date(2031, 6, 15, 12, 0, 0, 0, time.UTC), DateOf(2031, 6, 16)},
		{"UTC-12 fixed offset", "Etc/GMT+12", time.Date(2031, 6, 15, 11, 59, 0, 0, time.UTC), DateOf(2031, 6, 14)},
		{"UTC-12 fixed offset at noon UTC", "Etc/GMT+12", time.Date(2031, 6, 15, 12, 0, 0, 0, time.UTC), DateOf(2031, 6, 15)},
		{"Auckland 01:40 on 1 December (NZDT, UTC+13)", "Pacific/Auckland", time.Date(2031, 11, 30, 12, 40, 0, 0, time.UTC), DateOf(2031, 12, 1)},
		{"Los Angeles 17:00 is not tomorrow (PDT)", "America/Los_Angeles", time.Date(2031, 6, 16, 0, 0, 0, 0, time.UTC), DateOf(2031, 6, 15)},
		{"Los Angeles 17:00 in winter (PST)", "America/Los_Angeles", time.Date(2031, 1, 16, 1, 0, 0, 0, time.UTC), DateOf(2031, 1, 15)},
		{"Chicago, the night DST starts (CST 23:30)", "America/Chicago", time.Date(2031, 3, 9, 5, 30, 0, 0, time.UTC), DateOf(2031, 3, 8)},
		{"Chicago, after the spring-forward gap", "America/Chicago", time.Date(2031, 3, 9, 8, 30, 0, 0, time.UTC), DateOf(2031, 3, 9)},
		{"Chicago, the repeated hour when DST ends", "America/Chicago", time.Date(2031, 11, 2, 6, 30, 0, 0, time.UTC), DateOf(2031, 11, 2)},
		{"Chicago, 23:30 after the fall-back day", "America/Chicago", time.Date(2031, 11, 3, 5, 30, 0, 0, time.UTC), DateOf(2031, 11, 2)},
		{"Sydney, the night DST ends", "Australia/Sydney", time.Date(2031, 4, 5, 15, 30, 0, 0, time.UTC), DateOf(2031, 4, 6)},
		{"Leap day in Tokyo", "Asia/Tokyo", time.Date(2032, 2, 28, 15, 0, 0, 0, time.UTC), DateOf(2032, 2, 29)},
		{"New year in Kiritimati first", "Pacific/Kiritimati", time.Date(2031, 12, 31, 10, 0, 0, 0, time.UTC), DateOf(2032, 1, 1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := LocalDate(tt.now, mustZone(t, tt.zone))
			if !got.Equal(tt.want) || got.Location() != time.UTC {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestReminderDayWaitsForLocalMorning(t *testing.T) {
	tests := []struct {
		name, zone string
		now        time.Time
		want       time.Time
		ok         bool
	}{
		{"07:59 in Chicago (CDT) waits", "America/Chicago", time.Date(2031, 6, 15, 12, 59, 0, 0, time.UTC), time.Time{}, false},
		{"08:00 in Chicago (CDT) sends", "America/Chicago", time.Date(2031, 6, 15, 13, 0, 0, 0, time.UTC), DateOf(2031, 6, 15), true},
		{"08:00 in Chicago (CST) is an hour later in UTC", "America/Chicago", time.Date(2031, 1, 15, 13, 30, 0, 0, time.UTC), time.Time{}, false},
		{"08:00 in Chicago (CST)", "America/Chicago", time.Date(2031, 1, 15, 14, 0, 0, 0, time.UTC), DateOf(2031, 1, 15), true},
		{"Kiritimati 08:00 is 18:00 UTC the day before", "Pacific/Kiritimati", time.Date(2031, 6, 14, 18, 0, 0, 0, time.UTC), DateOf(2031, 6, 15), true},
		{"Pago Pago 08:00 is 19:00 UTC the same day", "Pacific/Pago_Pago", time.Date(2031, 6, 15, 19, 0, 0, 0, time.UTC), DateOf(2031, 6, 15), true},
		{"Pago Pago late evening is still its day", "Pacific/Pago_Pago", time.Date(2031, 6, 16, 10, 30, 0, 0, time.UTC), DateOf(2031, 6, 15), true},
		{"Auckland 07:00 waits", "Pacific/Auckland", time.Date(2031, 11, 30, 18, 0, 0, 0, time.UTC), time.Time{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := ReminderDay(tt.now, mustZone(t, tt.zone))
			if ok != tt.ok || !got.Equal(tt.want) {
				t.Errorf("got %v %v, want %v %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestParseTimeZone(t *testing.T) {
	for _, name := range []string{"", "Local", "Mars/Olympus", "America/Chicago/x", "../etc/passwd", "europe/london"} {
		if loc, msg := ParseTimeZone(name); loc != nil || msg == "" {
			t.Errorf("%q: got %v, want a refusal", name, loc)
		}
	}
	for _, name := range append([]string{"UTC", " Europe/London "}, CommonTimeZones...) {
		if loc, msg := ParseTimeZone(name); loc == nil {
			t.Errorf("%q: got %q, want accepted", name, msg)
		}
	}
}

func TestEmailTimeIsTheRecipientsClock(t *testing.T) {
	at := time.Date(2033, 5, 18, 12, 0, 0, 0, time.UTC)
	tests := []struct{ zone, want string }{
		{"America/Chicago", "18 May 2033 07:00 CDT (America/Chicago)"},
		{"Europe/London", "18 May 2033 13:00 BST (Europe/London)"},
		{"Asia/Dubai", "18 May 2033 16:00 +04 (Asia/Dubai)"},
		{"Pacific/Kiritimati", "19 May 2033 02:00 +14 (Pacific/Kiritimati)"},
		{"UTC", "18 May 2033 12:00 UTC"},
	}
	for _, tt := range tests {
		t.Run(tt.zone, func(t *testing.T) {
			if got := EmailTime(at, mustZone(t, tt.zone)); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
