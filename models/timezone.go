package models

import (
	"strings"
	"time"
	// The zone database is compiled in so a server without /usr/share/zoneinfo (a
	// scratch container, a bare CI machine) knows every IANA zone.
	_ "time/tzdata"
)

// DefaultTimeZone is the zone of a user who has not chosen one, unless the server's
// DEFAULT_TIME_ZONE says otherwise.
const DefaultTimeZone = "America/Chicago"

// ReminderHour is the local hour from which a day's reminder emails may go out, so
// that they arrive in the morning wherever the recipient lives.
const ReminderHour = 8

// msgBadTimeZone refuses a zone name the zone database does not know.
const msgBadTimeZone = "Choose a time zone from the list, like America/Chicago or Europe/London."

// ParseTimeZone checks an IANA zone name ("America/Chicago", "UTC") and returns its
// location. Empty, "Local" and unknown names are refused with a message for the user.
func ParseTimeZone(name string) (*time.Location, string) {
	name = strings.TrimSpace(name)
	if name == "" || name == "Local" || len(name) > 64 {
		return nil, msgBadTimeZone
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, msgBadTimeZone
	}
	return loc, ""
}

// EmailTime writes the moment t for an email to someone in loc: their wall-clock time
// with the zone's abbreviation and, when that differs, its IANA name
// ("18 May 2033 07:00 CDT (America/Chicago)"), so a time is never read in the wrong zone.
func EmailTime(t time.Time, loc *time.Location) string {
	local := t.In(loc)
	out := local.Format("2 Jan 2006 15:04 MST")
	if abbrev, _ := local.Zone(); abbrev != loc.String() {
		out += " (" + loc.String() + ")"
	}
	return out
}

// LocalDate is the calendar date a person in loc sees at the instant now, as 00:00
// UTC like every date the rules take. It is "today" for that person.
func LocalDate(now time.Time, loc *time.Location) time.Time {
	return DateOnly(now.In(loc))
}

// LocalDayStart is the instant the calendar day of a person in loc began, at the
// instant now: their local midnight (or the day's first instant when a clock change
// skips midnight).
func LocalDayStart(now time.Time, loc *time.Location) time.Time {
	year, month, day := now.In(loc).Date()
	return time.Date(year, month, day, 0, 0, 0, 0, loc)
}

// Zone returns the user's time zone, or fallback when they chose none (or it no
// longer loads).
func (u User) Zone(fallback *time.Location) *time.Location {
	if u.TimeZone == "" {
		return fallback
	}
	if loc, _ := ParseTimeZone(u.TimeZone); loc != nil {
		return loc
	}
	return fallback
}

// ReminderDay returns the local date whose reminders may be sent to a person in loc
// at the instant now: today once it is ReminderHour there, and nothing (ok false)
// earlier in the morning, when that day's reminders wait for the next run.
func ReminderDay(now time.Time, loc *time.Location) (day time.Time, ok bool) {
	local := now.In(loc)
	if local.Hour() < ReminderHour {
		return time.Time{}, false
	}
	return DateOnly(local), true
}

// CommonTimeZones are offered as suggestions in the time zone field; any other IANA
// name is accepted too.
var CommonTimeZones = []string{
	"Pacific/Honolulu", "America/Anchorage", "America/Los_Angeles", "America/Phoenix",
	"America/Denver", "America/Chicago", "America/New_York", "America/Halifax",
	"America/St_Johns", "America/Puerto_Rico", "America/Mexico_City", "America/Bogota",
	"America/Sao_Paulo", "Atlantic/Azores", "UTC", "Europe/London", "Europe/Dublin",
	"Europe/Paris", "Europe/Berlin", "Africa/Lagos", "Africa/Johannesburg", "Europe/Athens",
	"Africa/Nairobi", "Asia/Riyadh", "Asia/Dubai", "Asia/Karachi", "Asia/Kolkata",
	"Asia/Dhaka", "Asia/Bangkok", "Asia/Manila", "Asia/Singapore", "Asia/Shanghai",
	"Asia/Tokyo", "Australia/Perth", "Australia/Adelaide", "Australia/Sydney",
	"Pacific/Guam", "Pacific/Auckland", "Pacific/Tongatapu", "Pacific/Kiritimati",
	"Pacific/Pago_Pago",
}
