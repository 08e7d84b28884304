package models

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Reminders returns the reminder thresholds the user wants, largest first; unknown
// values in the column are ignored.
func (u User) Reminders() []int {
	var days []int
	for _, part := range strings.Split(u.ReminderDays, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(part))
		if err == nil && slices.Contains(ReminderThresholds, n) && !slices.Contains(days, n) {
			days = append(days, n)
		}
	}
	slices.SortFunc(days, func(a, b int) int { return b - a })
	return days
}

// WantsReminder reports whether the user chose the reminder days before a cycle ends.
func (u User) WantsReminder(days int) bool { return slices.Contains(u.Reminders(), days) }

// CheckReminderDays validates a choice of reminders and returns it as stored: each
// must be one of ReminderThresholds; none at all is allowed.
func CheckReminderDays(days []int) (string, string) {
	var kept []int
	for _, d := range days {
		if !slices.Contains(ReminderThresholds, d) {
			return "", fmt.Sprintf("Choose reminders among %s days before the cycle ends.", joinInts(ReminderThresholds))
		}
		if !slices.Contains(kept, d) {
			kept = append(kept, d)
		}
	}
	slices.SortFunc(kept, func(a, b int) int { return b - a })
	return joinInts(kept), ""
}

func joinInts(values []int) string {
	parts := make([]string, len(values))
	for i, v := range values {
		parts[i] = strconv.Itoa(v)
	}
	return strings.Join(parts, ",")
}
