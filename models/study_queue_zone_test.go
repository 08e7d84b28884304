package models_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"gorm.io/gorm"

	"hitpath/app/testdb"
	"hitpath/models"
)

// TestNewCardLimitCountsTheLearnersLocalDay: the new-card budget resets at the
// learner's local midnight, not at 00:00 UTC. Two new cards are started at 23:30 in
// each zone; with a budget of 3, one is left until local midnight and three after it,
// whatever UTC date those instants fall on.
func TestNewCardLimitCountsTheLearnersLocalDay(t *testing.T) {
	zones := []string{"America/Los_Angeles", "UTC", "Asia/Tokyo", "Pacific/Kiritimati", "Pacific/Pago_Pago"}
	testdb.Each(t, func(t *testing.T, db *gorm.DB) {
		ctx := context.Background()
		for _, name := range zones {
			t.Run(name, func(t *testing.T) {
				zone, err := time.LoadLocation(name)
				if err != nil {
					t.Fatal(err)
				}
				user := newLearner(t, db, name+"@example.com")
				studied := time.Date(2031, 3, 10, 23, 30, 0, 0, zone)
				deck := models.StudyDeck{CredentialCode: "CCA", Title: "Zone " + name}
				if err := models.CreateDeck(ctx, db, user, &deck, studied); err != nil {
					t.Fatal(err)
				}
				cards := make([]models.StudyCard, 6)
				for i := range cards {
					cards[i] = models.StudyCard{Kind: models.KindFlashcard, DomainPosition: 1, Front: fmt.Sprintf("Q%d", i), Back: "A"}
				}
				added, err := models.CreateCards(ctx, db, deck.ID, cards, studied)
				if err != nil {
					t.Fatal(err)
				}
				for i, c := range added[:2] {
					if _, err := models.RecordReview(ctx, db, user, c.ID, models.RatingEasy, fmt.Sprint("r", i), studied, models.ExamPlan{}); err != nil {
						t.Fatal(err)
					}
				}
				tests := []struct {
					at       time.Time
					newToday int
					newLeft  int
				}{
					{studied.Add(20 * time.Minute), 2, 1}, // 23:50 the same local day
					{studied.Add(40 * time.Minute), 0, 3}, // 00:10 the next local day
				}
				for _, tt := range tests {
					q, err := models.LoadStudyQueue(ctx, db, user, models.ExamPlan{}, 3, tt.at, zone, 10)
					if err != nil {
						t.Fatal(err)
					}
					if q.NewToday != tt.newToday || q.NewLeft != tt.newLeft {
						t.Errorf("at %s (UTC %s): got %d new today, %d left; want %d and %d", tt.at.Format("Jan 2 15:04"),
							tt.at.UTC().Format("Jan 2 15:04"), q.NewToday, q.NewLeft, tt.newToday, tt.newLeft)
					}
					if news := countNew(q); news != tt.newLeft {
						t.Errorf("at %s: got %d new cards queued, want %d", tt.at.Format("Jan 2 15:04"), news, tt.newLeft)
					}
				}
			})
		}
	})
}

func countNew(q models.StudyQueue) int {
	n := 0
	for _, c := range q.Cards {
		if c.New {
			n++
		}
	}
	return n
}

func TestLocalDayStart(t *testing.T) {
	chicago, _ := time.LoadLocation("America/Chicago")
	now := time.Date(2031, 3, 11, 3, 0, 0, 0, time.UTC) // 22:00 CDT on 10 March in Chicago (summer time began on the 9th)
	if got, want := models.LocalDayStart(now, chicago), time.Date(2031, 3, 10, 5, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Fatalf("got %v, want %v", got.UTC(), want)
	}
	if got, want := models.LocalDayStart(now, time.UTC), time.Date(2031, 3, 11, 0, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
}
