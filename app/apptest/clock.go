package apptest

import (
	"os"
	"time"
)

// TestNowVariable names the environment variable that moves every fixed test clock, so
// the suite can be run at any instant it may meet in real life: an RFC 3339 instant
// ("2026-11-30T10:00:00Z") replaces the default outright; a time of day ("23:30")
// keeps the default's date and sets its UTC time. The clock-matrix script in .ci uses
// it to run the browser and handler tests at 00:30, 12:00 and 23:30 UTC.
const TestNowVariable = "HITPATH_TEST_NOW"

// FixedNow returns the instant a test fixes its clock at: def, unless
// HITPATH_TEST_NOW says otherwise. A malformed value panics, so a mistyped matrix run
// cannot silently test the default.
func FixedNow(def time.Time) time.Time {
	value := os.Getenv(TestNowVariable)
	if value == "" {
		return def
	}
	if at, err := time.Parse(time.RFC3339, value); err == nil {
		return at.UTC()
	}
	clock, err := time.Parse("15:04", value)
	if err != nil {
		panic(TestNowVariable + " must be an RFC 3339 instant or HH:MM, got " + value)
	}
	y, m, d := def.UTC().Date()
	return time.Date(y, m, d, clock.Hour(), clock.Minute(), 0, 0, time.UTC)
}
