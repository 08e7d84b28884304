package models_test

import (
	"context"
	"testing"
	"time"

	"gorm.io/gorm"

	"hitpath/app/testdb"
	"hitpath/models"
)

// TestDemoSchoolSampleDecks: the demo school's first cohort of each exam gets that
// exam's sample deck, shared with the cohort, so its members can study it.
func TestDemoSchoolSampleDecks(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *gorm.DB) {
		ctx := context.Background()
		now := time.Date(2031, 6, 15, 10, 0, 0, 0, time.UTC)
		res, err := models.SeedDemoSchool(ctx, db, models.DemoOptions{Students: 30, Cohorts: 5, Instructors: 2, Seed: 5, PasswordHash: "x", Today: now})
		if err != nil {
			t.Fatal(err)
		}
		var decks []models.StudyDeck
		db.Order("id").Find(&decks)
		if len(decks) != 3 {
			t.Fatalf("got %d sample decks, want one per exam (RHIT, CCA, ODS)", len(decks))
		}
		var member int64
		db.Table("cohort_members").Where("cohort_id = ? AND left_at IS NULL", res.CohortIDs[0]).Limit(1).Pluck("user_id", &member)
		visible, err := models.VisibleDecks(ctx, db, member)
		if err != nil {
			t.Fatal(err)
		}
		if len(visible) != 1 || visible[0].CohortID == nil || *visible[0].CohortID != res.CohortIDs[0] || visible[0].CardCount < 15 {
			t.Fatalf("got %+v, want the member's cohort deck with its cards", visible)
		}
	})
}
