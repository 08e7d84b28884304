package models_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"hitpath/app/testdb"
	"hitpath/models"
)

// TestWeeklyDigest queues one email per instructor listing the at-risk students of
// their active cohorts, once per ISO week, and leaves archived cohorts out.
func TestWeeklyDigest(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *gorm.DB) {
		ctx := context.Background()
		now := time.Date(2026, 3, 4, 8, 0, 0, 0, time.UTC) // a Wednesday
		res, err := models.SeedDemoSchool(ctx, db, models.DemoOptions{Students: 40, Cohorts: 4, Instructors: 2, Seed: 3, PasswordHash: "x", Today: now})
		if err != nil {
			t.Fatal(err)
		}
		archived, err := models.CohortForInstructor(ctx, db, res.CohortIDs[3], 0, true)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := models.UpdateCohort(ctx, db, models.AuditActor{}, archived, archived.Fields(), true, now); err != nil {
			t.Fatal(err)
		}
		got, err := models.EnqueueWeeklyDigests(ctx, db, "https://hitpath.example", now, time.UTC)
		if err != nil {
			t.Fatal(err)
		}
		if got.Instructors != 2 || got.Queued != 2 {
			t.Fatalf("got %+v, want 2 instructors and 2 emails", got)
		}
		var emails []models.OutboxEmail
		db.Order("to_address").Find(&emails)
		for _, e := range emails {
			if strings.Contains(e.Body, archived.Name+" (") {
				t.Errorf("the digest to %s lists archived cohort %s", e.To, archived.Name)
			}
			if e.UnsubscribeURL == nil || e.MessageToken == nil || *e.UnsubscribeURL != "https://hitpath.example/unsubscribe/"+*e.MessageToken {
				t.Errorf("the digest to %s offers no one-click unsubscribe of its own: %v", e.To, e.UnsubscribeURL)
			}
			if !strings.Contains(e.Body, "rule:") || !strings.Contains(e.Body, "https://hitpath.example/cohorts/") {
				t.Errorf("the digest to %s names no rule or link:\n%s", e.To, e.Body)
			}
		}
		// The first instructor's email lists every at-risk student of their active cohorts.
		cohorts, _ := models.CohortsForInstructor(ctx, db, res.Instructors[0].ID, false)
		want := 0
		for _, c := range cohorts {
			if c.Archived() {
				continue
			}
			dash, _ := models.LoadCohortDashboard(ctx, db, c.Cohort, now)
			want += dash.AtRiskCount()
		}
		for _, e := range emails {
			if e.To == res.Instructors[0].Email {
				if lines := strings.Count(e.Body, "\n- "); lines != want || want == 0 {
					t.Fatalf("got %d students listed, want %d (non-zero)", lines, want)
				}
			}
		}
		again, err := models.EnqueueWeeklyDigests(ctx, db, "https://hitpath.example", now.Add(48*time.Hour), time.UTC)
		if err != nil || again.Queued != 0 {
			t.Fatalf("got %+v, %v on a second run in the same week, want nothing queued", again, err)
		}
		// An instructor who turned the digest off gets none the next week.
		db.Model(&models.User{}).Where("id = ?", res.Instructors[1].ID).Update("weekly_digest", false)
		next, err := models.EnqueueWeeklyDigests(ctx, db, "https://hitpath.example", now.Add(7*24*time.Hour), time.UTC)
		if err != nil || next.Queued != 1 {
			t.Fatalf("got %+v, %v the next week, want 1 email", next, err)
		}
	})
}
