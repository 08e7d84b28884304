package models_test

import (
	"context"
	"fmt"
	"math"
	"testing"
	"time"

	"gorm.io/gorm"

	"hitpath/app/testdb"
	"hitpath/models"
)

// TestDeckItemStatsFromSubmittedQuizzes runs the hand-checked 4 learners × 3 items
// example of TestItemStatisticsHandChecked through the real path: an instructor
// shares a deck of three items with a cohort, four members each take and submit a
// quiz of all three, and the deck's statistics match the hand-computed ones (rest
// scores as shares scale every figure alike). A fifth quiz left open and a member's
// second quiz count for nothing.
func TestDeckItemStatsFromSubmittedQuizzes(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *gorm.DB) {
		ctx := context.Background()
		now := time.Date(2031, 6, 15, 10, 0, 0, 0, time.UTC)
		users := make([]models.User, 6)
		for i := range users {
			users[i] = models.User{Email: fmt.Sprintf("s%d@example.com", i), Name: "S", PasswordHash: "x", Role: models.RoleLearner, CreatedAt: now, UpdatedAt: now}
		}
		users[0].Role = models.RoleInstructor
		if err := db.Create(&users).Error; err != nil {
			t.Fatal(err)
		}
		owner := users[0].ID
		cohort, err := models.CreateCohort(ctx, db, models.AuditActor{UserID: owner}, owner, models.CohortFields{Name: "Stats", TargetCode: "CCA"}, now)
		if err != nil {
			t.Fatal(err)
		}
		deck := models.StudyDeck{CredentialCode: "CCA", Title: "Items"}
		if err := models.CreateDeck(ctx, db, owner, &deck, now); err != nil {
			t.Fatal(err)
		}
		cards := make([]models.StudyCard, 3)
		for i := range cards {
			cards[i] = models.StudyCard{Kind: models.KindItem, DomainPosition: 1, Front: fmt.Sprintf("Item %d", i+1),
				OptionA: "a", OptionB: "b", OptionC: "c", OptionD: "d", CorrectOption: 2}
		}
		added, err := models.CreateCards(ctx, db, deck.ID, cards, now)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := models.ShareDeck(ctx, db, owner, deck.ID, &cohort.ID, now); err != nil {
			t.Fatal(err)
		}
		outline := models.DefaultExamOutlines()["CCA"]
		// Rows are learners, columns items 1–3; 1 is right (option 2), 0 wrong (option 1).
		scores := [][]int{{1, 1, 0}, {1, 1, 1}, {1, 0, 1}, {0, 0, 0}, {1, 1, 1}}
		for i, row := range scores {
			learner := users[i+1].ID
			if _, err := models.JoinCohort(ctx, db, models.AuditActor{UserID: learner}, learner, cohort.Code(), true, now); err != nil {
				t.Fatal(err)
			}
			q, err := models.CreateQuiz(ctx, db, learner, "CCA", outline, models.QuizInput{Items: 3}, int64(i), now)
			if err != nil || len(q.Items) != 3 {
				t.Fatalf("quiz for learner %d: %d items, %v", i, len(q.Items), err)
			}
			if i == 4 {
				break // the fifth learner never submits
			}
			if q, err = models.LoadQuiz(ctx, db, learner, q.ID); err != nil {
				t.Fatal(err)
			}
			answers := map[int]int{}
			for _, it := range q.Items {
				answers[it.Position] = 1 + row[cardIndex(added, it.CardID)]
			}
			if _, err := models.SubmitQuiz(ctx, db, q, answers, outline, models.ExamPlan{}, now, now); err != nil {
				t.Fatal(err)
			}
		}
		// A second quiz by the first learner, all wrong: not a first attempt.
		again, err := models.CreateQuiz(ctx, db, users[1].ID, "CCA", outline, models.QuizInput{Items: 3}, 9, now.Add(time.Hour))
		if err == nil {
			again, err = models.LoadQuiz(ctx, db, users[1].ID, again.ID)
		}
		if err != nil {
			t.Fatal(err)
		}
		if _, err := models.SubmitQuiz(ctx, db, again, map[int]int{1: 1, 2: 1, 3: 1}, outline, models.ExamPlan{}, now.Add(time.Hour), now); err != nil {
			t.Fatal(err)
		}

		stats, err := models.DeckItemStats(ctx, db, owner, deck.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := []struct{ facility, discrimination, efficiency float64 }{{75, 81.65, 100}, {50, 30.15, 33.33}}
		for i, w := range want {
			got := stats[added[i].ID]
			if got.N != 4 || math.Abs(got.Facility-w.facility) > 0.01 || math.Abs(got.Discrimination-w.discrimination) > 0.01 ||
				math.Abs(got.DiscriminativeEfficiency-w.efficiency) > 0.01 {
				t.Errorf("item %d: got %+v, want 4 attempts, facility %.2f, discrimination %.2f, efficiency %.2f",
					i+1, got, w.facility, w.discrimination, w.efficiency)
			}
		}
		one, err := models.ItemStatsFor(ctx, db, owner, added[1].ID)
		if err != nil || one != stats[added[1].ID] {
			t.Errorf("one item's statistics: got %+v, %v; want %+v", one, err, stats[added[1].ID])
		}
		if _, err := models.DeckItemStats(ctx, db, users[1].ID, deck.ID); err != models.ErrNotFound {
			t.Errorf("a member reading the deck's statistics: got %v, want ErrNotFound", err)
		}
	})
}

func cardIndex(cards []models.StudyCard, id int64) int {
	for i, c := range cards {
		if c.ID == id {
			return i
		}
	}
	panic(fmt.Sprintf("card %d is not in the deck", id))
}
