package models_test

import (
	"context"
	"testing"
	"time"

	"gorm.io/gorm"

	"hitpath/app/testdb"
	"hitpath/models"
)

// TestReadinessSummaryFollowsPracticeExams proves the stored readiness equals the live
// calculation after each save, and disappears with the last attempt.
func TestReadinessSummaryFollowsPracticeExams(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *gorm.DB) {
		ctx := context.Background()
		user := models.User{Email: "ana@example.com", Name: "Ana", PasswordHash: "x"}
		if err := models.CreateUser(ctx, db, &user); err != nil {
			t.Fatal(err)
		}
		now := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
		save := func(daysAgo int, overall float64, scores map[int]float64) int64 {
			exam := models.PracticeExamRecord{UserID: user.ID, CredentialCode: "CCA", TakenOn: now.AddDate(0, 0, -daysAgo), OverallPercent: overall}
			for pos, pct := range scores {
				exam.Scores = append(exam.Scores, models.PracticeExamScore{DomainPosition: pos, Percent: pct})
			}
			if err := models.CreatePracticeExam(ctx, db, &exam, now); err != nil {
				t.Fatal(err)
			}
			return exam.ID
		}
		stored := func() (models.ReadinessSummary, bool) {
			var rows []models.ReadinessSummary
			if err := db.Where("user_id = ?", user.ID).Find(&rows).Error; err != nil {
				t.Fatal(err)
			}
			if len(rows) == 0 {
				return models.ReadinessSummary{}, false
			}
			return rows[0], true
		}
		save(40, 60, map[int]float64{1: 50, 2: 70, 3: 65, 4: 60, 5: 80, 6: 90})
		save(5, 75, map[int]float64{1: 72, 2: 80, 3: 70, 4: 75, 5: 85, 6: 95})

		records, err := models.PracticeExams(ctx, db, user.ID)
		if err != nil {
			t.Fatal(err)
		}
		outline, err := models.ExamOutlineFor(ctx, db, "CCA")
		if err != nil {
			t.Fatal(err)
		}
		live := models.Readiness(models.AttemptsFor(records, "CCA"), outline, models.DateOnly(now.AddDate(0, 3, 0)))
		got, ok := stored()
		if !ok || got.Percent != live.Percent || got.WeakestDomain != live.Weakest[0].Name || got.AttemptsCounted != 2 {
			t.Fatalf("got stored %+v, want the live readiness %.1f%% weakest %q (computed three months later: it must not drift)",
				got, live.Percent, live.Weakest[0].Name)
		}
		records, _ = models.PracticeExams(ctx, db, user.ID)
		for _, r := range records {
			if err := models.DeletePracticeExam(ctx, db, user.ID, r.ID, now); err != nil {
				t.Fatal(err)
			}
		}
		if got, ok := stored(); ok {
			t.Fatalf("got stored readiness %+v after deleting every attempt, want none", got)
		}
	})
}
