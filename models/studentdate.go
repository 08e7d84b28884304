package models

import "time"

// The student rules work in whole calendar days. These helpers carry a distinctive
// prefix because the credential-holder rules in this package keep their own date
// helpers; the two sets must not collide.

// studentDay returns t's calendar date as 00:00 UTC. It reads the year, month and day
// in t's own location, so a date built in local time keeps the day the user meant.
func studentDay(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// studentDayNumber counts days since 1970-01-01 for t's calendar date. UTC has no
// daylight-saving jumps, so dividing by 24 hours is exact.
func studentDayNumber(t time.Time) int {
	return int(studentDay(t).Unix() / 86400)
}

// studentDaysBetween returns the number of calendar days from from to to
// (negative when to is earlier).
func studentDaysBetween(from, to time.Time) int {
	return studentDayNumber(to) - studentDayNumber(from)
}

// studentAddDays returns the calendar date n days after t.
func studentAddDays(t time.Time, n int) time.Time {
	return studentDay(t).AddDate(0, 0, n)
}

// studentMonday returns the Monday on or before t: study weeks start on Monday.
func studentMonday(t time.Time) time.Time {
	day := studentDay(t)
	sinceMonday := (int(day.Weekday()) + 6) % 7
	return day.AddDate(0, 0, -sinceMonday)
}

// studentFormatDay writes a date the way the pages show it, e.g. "Mar 5, 2026".
func studentFormatDay(t time.Time) string {
	return t.Format("Jan 2, 2006")
}
