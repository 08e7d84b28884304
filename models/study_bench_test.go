package models_test

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"sort"
	"testing"
	"time"

	"gorm.io/gorm"

	"hitpath/app/testdb"
	"hitpath/models"
	"hitpath/models/ankitest"
)

// timings records how long each benchmark iteration took, so a benchmark can report
// the 95th percentile beside Go's mean ns/op (the budgets in issue 16 are p95).
type timings []time.Duration

// measure runs fn once per iteration, timing each run.
func measure(b *testing.B, fn func(i int)) timings {
	b.Helper()
	out := make(timings, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		fn(i)
		out = append(out, time.Since(start))
	}
	b.StopTimer()
	return out
}

// report adds p50, p95 and max in milliseconds to the benchmark's output.
func (ts timings) report(b *testing.B) {
	if len(ts) == 0 {
		return
	}
	sorted := append(timings(nil), ts...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i] < sorted[j] })
	at := func(p float64) float64 {
		i := int(float64(len(sorted))*p+0.999999) - 1
		return float64(sorted[max(i, 0)].Microseconds()) / 1000
	}
	b.ReportMetric(at(0.50), "p50-ms")
	b.ReportMetric(at(0.95), "p95-ms")
	b.ReportMetric(at(1), "max-ms")
}

// BenchmarkItemStatisticsDeck500x150 measures DeckItemStats end to end on SQLite:
// 500 learners' submitted first attempts at a 150-item deck (75,000 answers), read
// and computed in one call (issue 16: < 100 ms).
func BenchmarkItemStatisticsDeck500x150(b *testing.B) {
	db := testdb.Open(b, "sqlite")
	ownerID, deckID := seedItemAttempts(b, db, 500, 150)
	ctx := context.Background()
	measure(b, func(int) {
		stats, err := models.DeckItemStats(ctx, db, ownerID, deckID)
		if err != nil || len(stats) != 150 || stats[firstCardID(b, db, deckID)].N != 500 {
			b.Fatalf("got %d items, %v; want 150 items with 500 attempts each", len(stats), err)
		}
	}).report(b)
}

// BenchmarkAnkiImport5000 measures importing a generated 5,000-note package
// (current zstd layout) into a new deck: read, convert, store (issue 16: < 5 s).
func BenchmarkAnkiImport5000(b *testing.B) {
	db := testdb.Open(b, "sqlite")
	ctx := context.Background()
	now := time.Date(2031, 6, 15, 10, 0, 0, 0, time.UTC)
	user := models.User{Email: "anki@example.com", Name: "Anki", PasswordHash: "x", Role: models.RoleLearner, CreatedAt: now, UpdatedAt: now}
	if err := db.Create(&user).Error; err != nil {
		b.Fatal(err)
	}
	data := ankitest.Package(b, ankitest.Latest, ankitest.Notes(5000))
	outline := models.DefaultExamOutlines()["CCA"]
	measure(b, func(i int) {
		deck := models.StudyDeck{CredentialCode: "CCA", Title: fmt.Sprintf("Import %d", i)}
		if err := models.CreateDeck(ctx, db, user.ID, &deck, now); err != nil {
			b.Fatal(err)
		}
		pkg, err := models.ReadAnkiPackage(ctx, bytes.NewReader(data), int64(len(data)))
		if err != nil {
			b.Fatal(err)
		}
		cards, problems := models.AnkiNotesToCards(pkg.Notes, outline, "CCA", 0)
		if problems != nil {
			b.Fatalf("got problems %v", problems[0])
		}
		added, err := models.CreateCards(ctx, db, deck.ID, cards, now)
		if err != nil || len(added) != 5000 {
			b.Fatalf("got %d cards stored, %v; want 5000", len(added), err)
		}
	}).report(b)
}

func firstCardID(b *testing.B, db *gorm.DB, deckID int64) int64 {
	var id int64
	db.Table("study_cards").Where("deck_id = ?", deckID).Order("id").Limit(1).Pluck("id", &id)
	return id
}

// seedItemAttempts makes an instructor's deck of items and one submitted quiz per
// learner answering every item once, right about 70% of the time.
func seedItemAttempts(b *testing.B, db *gorm.DB, learners, items int) (ownerID, deckID int64) {
	b.Helper()
	ctx := context.Background()
	now := time.Date(2031, 6, 15, 10, 0, 0, 0, time.UTC)
	users := make([]models.User, learners+1)
	for i := range users {
		users[i] = models.User{Email: fmt.Sprintf("u%d@example.com", i), Name: "U", PasswordHash: "x", Role: models.RoleLearner, CreatedAt: now, UpdatedAt: now}
	}
	if err := db.CreateInBatches(&users, 200).Error; err != nil {
		b.Fatal(err)
	}
	deck := models.StudyDeck{CredentialCode: "CCA", Title: "Items"}
	if err := models.CreateDeck(ctx, db, users[0].ID, &deck, now); err != nil {
		b.Fatal(err)
	}
	cards := make([]models.StudyCard, items)
	for i := range cards {
		cards[i] = models.StudyCard{Kind: models.KindItem, DomainPosition: i%6 + 1, Front: fmt.Sprintf("Item %d", i),
			OptionA: "a", OptionB: "b", OptionC: "c", OptionD: "d", CorrectOption: 2}
	}
	added, err := models.CreateCards(ctx, db, deck.ID, cards, now)
	if err != nil {
		b.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(5, 6))
	err = db.Transaction(func(tx *gorm.DB) error {
		for _, u := range users[1:] {
			submitted := now
			q := models.Quiz{UserID: u.ID, CredentialCode: "CCA", Seed: 1, StartedAt: now, SubmittedAt: &submitted}
			if err := tx.Omit("Items").Create(&q).Error; err != nil {
				return err
			}
			rows := make([]models.QuizItem, len(added))
			for i, c := range added {
				right := rng.Float64() < 0.7
				rows[i] = models.QuizItem{QuizID: q.ID, Position: i + 1, CardID: c.ID, DomainPosition: c.DomainPosition,
					ChosenOption: map[bool]int{true: 2, false: 1}[right], Correct: right, FirstAttempt: true}
			}
			if err := tx.CreateInBatches(&rows, 150).Error; err != nil {
				return err
			}
			right := 0
			for _, r := range rows {
				if r.Correct {
					right++
				}
			}
			if err := tx.Model(&q).Updates(map[string]any{"item_count": len(rows), "answered_right": right}).Error; err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return users[0].ID, deck.ID
}
