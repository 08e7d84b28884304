package models

import (
	"context"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
)

// ReminderThresholds are the days before a cycle ends at which an unmet holder is
// reminded, largest first.
var ReminderThresholds = []int{180, 90, 30, 7}

// ReminderDue is one reminder a holder should get: a running, unmet cycle and the
// threshold it has crossed.
type ReminderDue struct {
	Cycle     CycleProgress
	Threshold int
}

// DueReminders decides the reminders for today among the thresholds the holder chose:
// for each cycle running today and not complete, the tightest chosen threshold its
// days left have crossed. A holder who joins with 20 days left gets the 30-day
// reminder, not all four at once; one who chose only 7 days hears nothing before.
func DueReminders(progress LearnerProgress, today time.Time, thresholds []int) []ReminderDue {
	today = DateOnly(today)
	var due []ReminderDue
	for _, p := range progress.Cycles {
		if p.Status == StatusComplete || !p.Cycle.Contains(today) {
			continue
		}
		threshold := 0
		for _, t := range thresholds {
			if p.DaysLeft <= t && (threshold == 0 || t < threshold) {
				threshold = t
			}
		}
		if threshold > 0 {
			due = append(due, ReminderDue{Cycle: p, Threshold: threshold})
		}
	}
	return due
}

// ReminderDates returns the days a cycle's chosen reminders fall on, for calendars.
func ReminderDates(c Cycle, thresholds []int) []time.Time {
	dates := make([]time.Time, 0, len(thresholds))
	for _, t := range thresholds {
		if day := AddDays(c.End, -t); !day.Before(c.Start) {
			dates = append(dates, day)
		}
	}
	return dates
}

// ReminderKey deduplicates a reminder per user, cycle and threshold across runs and
// processes.
func ReminderKey(userID int64, r ReminderDue) string {
	return fmt.Sprintf("ceu-reminder:%d:%s:%d", userID, CycleKey(r.Cycle), r.Threshold)
}

// ReminderEmail words a reminder: what is missing and by when.
func ReminderEmail(user User, r ReminderDue, baseURL string) (subject, body string) {
	p := r.Cycle
	subject = fmt.Sprintf("%s left in your %s cycle", studentCount(p.DaysLeft, "day"), strings.Join(p.Credentials, " + "))
	var b strings.Builder
	fmt.Fprintf(&b, "Hello %s,\n\nYour %s cycle ends on %s (%s from today).\n", user.Name,
		strings.Join(p.Credentials, " + "), p.Cycle.End.Format("2 Jan 2006"), studentCount(p.DaysLeft, "day"))
	fmt.Fprintf(&b, "You have %s of %s %ss logged.\n\n", FormatCEUs(p.Earned), FormatCEUs(p.Required), p.Unit)
	for _, problem := range p.Problems {
		fmt.Fprintf(&b, "- %s\n", problem)
	}
	fmt.Fprintf(&b, "\nLog your activities at %s/ceus\n", strings.TrimRight(baseURL, "/"))
	fmt.Fprintf(&b, "\nChoose which reminders you get, or none, at %s/account\n", strings.TrimRight(baseURL, "/"))
	return subject, b.String()
}

// QueueReminders decides the due reminders of every holder and writes each to their
// notices, and to the outbox when their address is confirmed, in the same transaction
// as the decision. A holder's
// day is their own: reminders for a date go out from ReminderHour in their time zone
// (defaultZone when they chose none), so the job runs hourly. Dedupe keys make a
// second run, or a second process, add nothing. It returns how many emails were queued.
func QueueReminders(ctx context.Context, db *gorm.DB, now time.Time, defaultZone *time.Location, baseURL string) (int, error) {
	var userIDs []int64
	err := db.WithContext(ctx).Raw(`SELECT DISTINCT user_id FROM held_credentials ORDER BY user_id`).Scan(&userIDs).Error
	if err != nil {
		return 0, fmt.Errorf("list credential holders: %w", err)
	}
	queued := 0
	for _, userID := range userIDs {
		err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
			n, err := queueUserReminders(ctx, tx, userID, now, defaultZone, baseURL)
			queued += n
			return err
		})
		if err != nil {
			return queued, err
		}
	}
	return queued, nil
}

func queueUserReminders(ctx context.Context, tx *gorm.DB, userID int64, now time.Time, defaultZone *time.Location, baseURL string) (int, error) {
	user, err := UserByID(ctx, tx, userID)
	if err != nil {
		return 0, err
	}
	today, ok := ReminderDay(now, user.Zone(defaultZone))
	if !ok {
		return 0, nil
	}
	holder, err := LoadHolder(ctx, tx, userID, today)
	if err != nil {
		return 0, err
	}
	queued := 0
	for _, r := range DueReminders(holder.Progress, today, user.Reminders()) {
		subject, body := ReminderEmail(user, r, baseURL)
		key := ReminderKey(userID, r)
		if _, err := AddNotice(tx, reminderNotice(user, r, key), now); err != nil {
			return queued, err
		}
		if !user.EmailVerified() {
			continue
		}
		added, err := QueueEmail(tx, NewEmail{To: user.Email, Subject: subject, Body: body, DedupeKey: key,
			UnsubscribeBaseURL: baseURL}, now)
		if err != nil {
			return queued, err
		}
		if added {
			queued++
		}
	}
	return queued, nil
}

// reminderNotice words a reminder for the user's notices: the email without its
// greeting and address, since the notice links to the CEU log.
func reminderNotice(user User, r ReminderDue, key string) NewNotice {
	p := r.Cycle
	var b strings.Builder
	fmt.Fprintf(&b, "Your %s cycle ends on %s. You have %s of %s %ss logged.", strings.Join(p.Credentials, " + "),
		p.Cycle.End.Format("2 Jan 2006"), FormatCEUs(p.Earned), FormatCEUs(p.Required), p.Unit)
	for _, problem := range p.Problems {
		fmt.Fprintf(&b, "\n- %s", problem)
	}
	subject, _ := ReminderEmail(user, r, "")
	return NewNotice{UserID: user.ID, Kind: NoticeCEUReminder, Title: subject, Body: b.String(), Link: "/ceus", DedupeKey: key}
}
