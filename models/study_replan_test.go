package models_test

import (
	"context"
	"testing"
	"time"

	"gorm.io/gorm"

	"hitpath/app/testdb"
	"hitpath/models"
)

// TestSyncExamPlanStoresEachCardsEffectiveDue sets an exam date for a learner with
// more card states than one re-planning statement writes, then moves the date and
// clears it: after each, every stored effective due and exam-day recall is what
// EffectiveDue computes for that card, on both databases.
func TestSyncExamPlanStoresEachCardsEffectiveDue(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *gorm.DB) {
		ctx := context.Background()
		now := time.Date(2031, 6, 15, 10, 0, 0, 0, time.UTC)
		user := models.User{Email: "plan@example.com", Name: "P", PasswordHash: "x", Role: models.RoleLearner, CreatedAt: now, UpdatedAt: now}
		if err := db.Create(&user).Error; err != nil {
			t.Fatal(err)
		}
		deck := models.StudyDeck{CredentialCode: "CCA", Title: "Plan"}
		if err := models.CreateDeck(ctx, db, user.ID, &deck, now); err != nil {
			t.Fatal(err)
		}
		n := 5037 // more than one re-planning statement writes (5,000)
		cards := make([]models.StudyCard, n)
		for i := range cards {
			cards[i] = models.StudyCard{Kind: models.KindFlashcard, DomainPosition: i%6 + 1, Front: "Q", Back: "A"}
		}
		added, err := models.CreateCards(ctx, db, deck.ID, cards, now)
		if err != nil {
			t.Fatal(err)
		}
		rows := make([]map[string]any, len(added))
		for i, c := range added {
			due := now.Add(time.Duration(i%100-10) * 24 * time.Hour).Unix()
			rows[i] = map[string]any{"user_id": user.ID, "card_id": c.ID, "state": models.MemoryReview, "due": due, "effective_due": due,
				"exam_recall": 0, "stability": 2 + float64(i%50), "difficulty": 5, "elapsed_days": 0, "scheduled_days": 0,
				"reps": 3, "lapses": 0, "last_review": now.Add(-48 * time.Hour).Unix()}
		}
		if err := db.Table("study_card_states").CreateInBatches(rows, 500).Error; err != nil {
			t.Fatal(err)
		}
		exam, later := now.AddDate(0, 0, 30), now.AddDate(0, 0, 60)
		for _, examOn := range []*time.Time{&exam, &later, nil} {
			settings, err := models.LoadStudySettings(ctx, db, user.ID)
			if err != nil {
				t.Fatal(err)
			}
			plan, err := models.SyncExamPlan(ctx, db, settings, examOn, now)
			if err != nil {
				t.Fatal(err)
			}
			var stored []storedCardState
			db.Table("study_card_states").Where("user_id = ?", user.ID).Order("card_id").Find(&stored)
			s := models.NewScheduler(plan.StudyRetention())
			pulledIn := 0
			for _, r := range stored {
				due, recall := models.EffectiveDue(s, r.memory(), plan, now)
				if r.EffectiveDue != due.Unix() || r.ExamRecall != recall {
					t.Fatalf("exam %v, card %d: stored due %d recall %v, want %d %v", examOn, r.CardID, r.EffectiveDue, r.ExamRecall, due.Unix(), recall)
				}
				if r.EffectiveDue < r.Due {
					pulledIn++
				}
			}
			if len(stored) != n || (examOn != nil) != (pulledIn > 0) {
				t.Fatalf("exam %v: %d states, %d pulled in; want %d, some pulled in only with an exam", examOn, len(stored), pulledIn, n)
			}
		}
	})
}

// storedCardState is a study_card_states row as the database holds it.
type storedCardState struct {
	CardID, Due, EffectiveDue, LastReview int64
	State, ElapsedDays, ScheduledDays     int
	Reps, Lapses                          int
	ExamRecall, Stability, Difficulty     float64
}

func (r storedCardState) memory() models.CardMemory {
	return models.CardMemory{State: r.State, Due: time.Unix(r.Due, 0).UTC(), Stability: r.Stability, Difficulty: r.Difficulty,
		ElapsedDays: r.ElapsedDays, ScheduledDays: r.ScheduledDays, Reps: r.Reps, Lapses: r.Lapses,
		LastReview: time.Unix(r.LastReview, 0).UTC()}
}
