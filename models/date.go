package models

import "time"

// secondsPerDay turns a Unix-seconds difference into days. Dates here are UTC
// midnights, so the division is exact and no daylight-saving shift can skew it.
const secondsPerDay = 24 * 60 * 60

// DateOf returns the calendar date year-month-day as 00:00 UTC, the one form every
// rule in this package uses for a date without a time of day.
func DateOf(year int, month time.Month, day int) time.Time {
	return time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
}

// DateOnly returns the calendar date t shows in its own location, as 00:00 UTC.
// Rules apply it to every date they are given, so a caller's time of day or zone can
// never move an activity across a cycle boundary.
func DateOnly(t time.Time) time.Time {
	year, month, day := t.Date()
	return DateOf(year, month, day)
}

// AddDays returns the date n days after date (before it when n is negative).
func AddDays(date time.Time, n int) time.Time {
	return date.AddDate(0, 0, n)
}

// AddYears returns the same month and day n years after date. Feb 29 in a year
// without one becomes Mar 1, the day after Feb 28. That is what makes
// "start + 2 years − 1 day" end a cycle begun on Feb 29 on Feb 28 and start the next
// cycle on Mar 1, with no gap and no overlap.
func AddYears(date time.Time, n int) time.Time {
	return date.AddDate(n, 0, 0)
}

// DaysBetween returns the number of days from from to to: 0 for the same date,
// negative when to is earlier. Times of day are ignored.
func DaysBetween(from, to time.Time) int {
	return dayNumber(to) - dayNumber(from)
}

// dayNumber returns the calendar date date shows in its own location as days since
// 1970-01-01. It is DateOnly(date).Unix() / secondsPerDay without rebuilding a
// time.Time, which dominated the cost of Progress.
func dayNumber(date time.Time) int {
	_, offset := date.Zone()
	seconds := date.Unix() + int64(offset)
	days := seconds / secondsPerDay
	if seconds%secondsPerDay < 0 {
		days-- // round toward the earlier day before 1970, as a calendar does
	}
	return int(days)
}

// laterOf returns the later of two dates.
func laterOf(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// weekStart returns the Monday on or before t: study weeks start on Monday.
func weekStart(t time.Time) time.Time {
	day := DateOnly(t)
	return AddDays(day, -((int(day.Weekday()) + 6) % 7))
}

// formatDay writes a date inside a sentence the way the pages show dates ("5 Mar 2026").
func formatDay(t time.Time) string { return t.Format("2 Jan 2006") }

// dateOrZero turns an optional date column into a date, zero when NULL.
func dateOrZero(d *time.Time) time.Time {
	if d == nil {
		return time.Time{}
	}
	return DateOnly(d.UTC())
}

// datePtr turns a date into an optional date column, NULL when zero.
func datePtr(d time.Time) *time.Time {
	if d.IsZero() {
		return nil
	}
	date := DateOnly(d)
	return &date
}
