package app_test

import (
	"context"
	"testing"
	"time"

	"gorm.io/gorm"

	"hitpath/app"
	"hitpath/app/testdb"
)

// TestMigration00053FillsQuizTotals rolls back to before 00053, stores a submitted
// quiz of three items (two right) and an open one, and migrates again: the submitted
// quiz gets its item count and right answers, the open one stays without.
func TestMigration00053FillsQuizTotals(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *gorm.DB) {
		ctx := context.Background()
		migrateBelow(t, db, 53)
		at := time.Date(2031, 6, 15, 10, 0, 0, 0, time.UTC)
		exec := func(sql string, args ...any) {
			t.Helper()
			if err := db.Exec(sql, args...).Error; err != nil {
				t.Fatal(err)
			}
		}
		exec("INSERT INTO users (id, email, password_hash, name, role, created_at, updated_at) VALUES (7, 's@example.com', 'x', 'S', 'learner', ?, ?)", at, at)
		exec("INSERT INTO study_decks (id, owner_id, credential_code, title, created_at, updated_at) VALUES (3, 7, 'CCA', 'D', ?, ?)", at, at)
		for card := 1; card <= 3; card++ {
			exec("INSERT INTO study_cards (id, deck_id, kind, domain_position, front, option_a, option_b, option_c, option_d, correct_option, created_at, updated_at) VALUES (?, 3, 'item', 1, 'Q', 'a', 'b', 'c', 'd', 2, ?, ?)", card, at, at)
		}
		exec("INSERT INTO study_quizzes (id, user_id, credential_code, seed, started_at, submitted_at) VALUES (1, 7, 'CCA', 1, ?, ?)", at, at)
		exec("INSERT INTO study_quizzes (id, user_id, credential_code, seed, started_at) VALUES (2, 7, 'CCA', 1, ?)", at)
		for pos, correct := range []bool{true, false, true} {
			exec("INSERT INTO study_quiz_items (quiz_id, position, card_id, domain_position, chosen_option, correct, first_attempt) VALUES (1, ?, ?, 1, 2, ?, TRUE)", pos+1, pos+1, correct)
			exec("INSERT INTO study_quiz_items (quiz_id, position, card_id, domain_position, correct) VALUES (2, ?, ?, 1, FALSE)", pos+1, pos+1)
		}
		if err := app.Migrate(ctx, db); err != nil {
			t.Fatal(err)
		}
		var quizzes []struct {
			ID                       int64
			ItemCount, AnsweredRight *int
		}
		db.Raw("SELECT id, item_count, answered_right FROM study_quizzes ORDER BY id").Scan(&quizzes)
		if len(quizzes) != 2 || quizzes[0].ItemCount == nil || *quizzes[0].ItemCount != 3 || quizzes[0].AnsweredRight == nil ||
			*quizzes[0].AnsweredRight != 2 || quizzes[1].ItemCount != nil || quizzes[1].AnsweredRight != nil {
			t.Fatalf("got %+v, want quiz 1 with 3 items and 2 right, quiz 2 with neither", quizzes)
		}
	})
}
