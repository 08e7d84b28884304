package views

import (
	"strconv"
	"strings"

	"hitpath/models"
)

// Count writes n with the noun that agrees with it: "1 student", "0 students",
// "2 students". English needs only the two forms; one is used for exactly 1.
func Count(n int, one, many string) string {
	return strconv.Itoa(n) + " " + Plural(float64(n), one, many)
}

// CountHundredths writes an amount kept in hundredths (CEUs) with its noun: "1 CEU",
// "1.5 CEUs", "0.25 CEUs", "0 CEUs".
func CountHundredths(v int, one, many string) string {
	return formatHundredths(v) + " " + Plural(float64(v)/100, one, many)
}

// Plural picks the noun for an amount: one for exactly 1, many for anything else
// (0, fractions, negatives).
func Plural(n float64, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// courseStatusLabels are the words people read for the stored course statuses.
var courseStatusLabels = map[string]string{"planned": "Planned", "in_progress": "In progress", "completed": "Completed"}

// CourseStatus words a stored course status ("in_progress" → "In progress"); an
// unknown value reads as words instead of a code.
func CourseStatus(status string) string {
	if label, ok := courseStatusLabels[status]; ok {
		return label
	}
	if status == "" {
		return "Not started"
	}
	s := strings.ReplaceAll(status, "_", " ")
	return strings.ToUpper(s[:1]) + s[1:]
}

// cycleStatusLabels word each cycle status for people.
var cycleStatusLabels = map[models.CycleStatus]string{
	models.StatusUpcoming: "Upcoming", models.StatusComplete: "Complete", models.StatusOnTrack: "On track",
	models.StatusBehind: "Behind", models.StatusOverdue: "Overdue", models.StatusInactive: "Inactive",
	models.StatusRevoked: "Revoked", models.StatusJustStarted: "Just started",
	models.StatusNotTracked: "Recertified (not tracked here)", models.StatusLapsed: "No longer held",
}

// CycleStatus words a cycle status ("on_track" → "On track"); "" (no cycle running)
// reads as a dash.
func CycleStatus(status models.CycleStatus) string {
	if label, ok := cycleStatusLabels[status]; ok {
		return label
	}
	if status == "" {
		return "–"
	}
	return CourseStatus(string(status))
}
