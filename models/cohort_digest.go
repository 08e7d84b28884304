package models

import (
	"context"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
)

// CohortDigestResult counts what a digest run did.
type CohortDigestResult struct {
	Instructors int // instructors with at least one active cohort
	Queued      int // emails added to the outbox (a rerun in the same week adds none)
}

// EnqueueWeeklyDigests emails each instructor who wants it one list of the at-risk
// students of their active (not archived) cohorts, through the outbox, judged on the
// instructor's own date (defaultZone when they chose no zone). The dedupe key names
// the instructor and the ISO week, so running it twice in a week sends one email.
// Instructors with nobody at risk get no email.
func EnqueueWeeklyDigests(ctx context.Context, db *gorm.DB, baseURL string, now time.Time, defaultZone *time.Location) (CohortDigestResult, error) {
	var res CohortDigestResult
	var instructors []User
	err := db.WithContext(ctx).Where("weekly_digest").Where("id IN (SELECT owner_id FROM cohorts WHERE archived_at IS NULL) OR id IN (SELECT ci.user_id FROM cohort_instructors ci JOIN cohorts c ON c.id = ci.cohort_id WHERE c.archived_at IS NULL)").
		Order("id").Find(&instructors).Error
	if err != nil {
		return res, fmt.Errorf("list digest instructors: %w", err)
	}
	year, week := DateOnly(now).ISOWeek()
	for _, u := range instructors {
		res.Instructors++
		body, atRisk, err := cohortDigestBody(ctx, db, u, baseURL, LocalDate(now, u.Zone(defaultZone)))
		if err != nil {
			return res, err
		}
		if atRisk == 0 {
			continue
		}
		subject := fmt.Sprintf("%d students at risk in your cohorts this week", atRisk)
		if atRisk == 1 {
			subject = "1 student at risk in your cohorts this week"
		}
		key := fmt.Sprintf("cohort-digest:%d:%d-W%02d", u.ID, year, week)
		queued, err := QueueEmail(db.WithContext(ctx), NewEmail{To: u.Email, Subject: subject, Body: body, DedupeKey: key,
			UnsubscribeBaseURL: baseURL}, now)
		if err != nil {
			return res, err
		}
		if queued {
			res.Queued++
		}
	}
	return res, nil
}

// cohortDigestBody lists the at-risk students of u's active cohorts, cohort by cohort.
func cohortDigestBody(ctx context.Context, db *gorm.DB, u User, baseURL string, today time.Time) (string, int, error) {
	cohorts, err := CohortsForInstructor(ctx, db, u.ID, false)
	if err != nil {
		return "", 0, err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Hello %s,\n\nThese students of your cohorts are at risk this week.\n", u.Name)
	total := 0
	for _, c := range cohorts {
		if c.Archived() {
			continue
		}
		dash, err := LoadCohortDashboard(ctx, db, c.Cohort, today)
		if err != nil {
			return "", 0, err
		}
		rows := CohortAtRiskRows(dash.Rows)
		if len(rows) == 0 {
			continue
		}
		total += len(rows)
		fmt.Fprintf(&b, "\n%s (%d of %d students): %s/cohorts/%d?at_risk=1\n", c.Name, len(rows), len(dash.Rows), strings.TrimRight(baseURL, "/"), c.ID)
		for _, r := range rows {
			msgs := make([]string, len(r.Flags))
			for i, f := range r.Flags {
				msgs[i] = f.Message
			}
			fmt.Fprintf(&b, "- %s: %s\n", r.Name, strings.Join(msgs, "; "))
		}
	}
	return b.String(), total, nil
}
