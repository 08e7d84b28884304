package models

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// ReviewInput is one rating of one card, from the review page or POST /api/v1/reviews.
type ReviewInput struct {
	CardID         int64  `json:"card_id" form:"card_id" api:"required"`
	Rating         int    `json:"rating" form:"rating" api:"required"`
	ClientReviewID string `json:"client_review_id" form:"client_review_id"`
	ReviewedAt     string `json:"reviewed_at" form:"-"` // RFC 3339; empty means now
}

// ValidateReview is the one check of a review: a card, a rating 1–4, a client review
// id of 1–64 characters and a time neither in the future nor before 2000 (RecordReview
// also refuses a time before the card's last review: ErrReviewOutOfOrder). It returns
// the review instant and a message per field, or nil.
func ValidateReview(in ReviewInput, now time.Time) (time.Time, map[string]string) {
	fields := map[string]string{}
	if in.CardID <= 0 {
		fields["card_id"] = "Choose a card."
	}
	if !Rating(in.Rating).Valid() {
		fields["rating"] = "Rate the card 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)."
	}
	if id := strings.TrimSpace(in.ClientReviewID); id == "" || utf8.RuneCountInString(id) > 64 {
		fields["client_review_id"] = "Send a review id of 1 to 64 characters."
	}
	at := now
	if in.ReviewedAt != "" {
		t, err := time.Parse(time.RFC3339, in.ReviewedAt)
		switch {
		case err != nil:
			fields["reviewed_at"] = "Give the review time as RFC 3339, e.g. 2031-06-15T10:00:00Z."
		case t.After(now.Add(5 * time.Minute)):
			fields["reviewed_at"] = "The review time can't be in the future."
		case t.Year() < 2000:
			fields["reviewed_at"] = "Give a review time in 2000 or later."
		default:
			at = t.UTC()
		}
	}
	if len(fields) == 0 {
		return at, nil
	}
	return at, fields
}

// reviewRow mirrors study_reviews, the review log an FSRS optimiser can later read.
type reviewRow struct {
	ID             int64   `gorm:"column:id;primaryKey"`
	UserID         int64   `gorm:"column:user_id"`
	CardID         int64   `gorm:"column:card_id"`
	ClientReviewID string  `gorm:"column:client_review_id"`
	Rating         int     `gorm:"column:rating"`
	ReviewedAt     int64   `gorm:"column:reviewed_at"`
	StateBefore    int     `gorm:"column:state_before"`
	StateAfter     int     `gorm:"column:state_after"`
	Stability      float64 `gorm:"column:stability"`
	Difficulty     float64 `gorm:"column:difficulty"`
	Due            int64   `gorm:"column:due"`
	ElapsedDays    int     `gorm:"column:elapsed_days"`
	ScheduledDays  int     `gorm:"column:scheduled_days"`
}

func (reviewRow) TableName() string { return "study_reviews" }

// ReviewResult is a card's memory after a review and when it is next shown.
type ReviewResult struct {
	CardID       int64
	Memory       CardMemory
	EffectiveDue time.Time
	ExamRecall   float64
	Repeated     bool // the client review id was already recorded; nothing changed
}

// RecordReview applies a rating to a card the learner may study: the new FSRS state
// and a review-log row are written in one transaction. A repeated client review id
// returns the stored state unchanged.
func RecordReview(ctx context.Context, db *gorm.DB, userID, cardID int64, rating Rating, clientID string, at time.Time, plan ExamPlan) (ReviewResult, error) {
	res := ReviewResult{CardID: cardID}
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := cardVisible(tx, userID, cardID); err != nil {
			return err
		}
		var prior reviewRow
		err := tx.Where("user_id = ? AND card_id = ? AND client_review_id = ?", userID, cardID, clientID).Take(&prior).Error
		if err == nil {
			res.Repeated = true
			return loadResult(tx, userID, cardID, &res)
		}
		if !errors.Is(err, gorm.ErrRecordNotFound) {
			return err
		}
		return applyReview(tx, userID, cardID, rating, clientID, at, plan, &res)
	})
	if err != nil && !errors.Is(err, ErrNotFound) && !errors.Is(err, ErrReviewOutOfOrder) {
		return res, fmt.Errorf("record review of card %d by user %d: %w", cardID, userID, err)
	}
	return res, err
}

func applyReview(tx *gorm.DB, userID, cardID int64, rating Rating, clientID string, at time.Time, plan ExamPlan, res *ReviewResult) error {
	before := CardMemory{}
	var row cardStateRow
	err := tx.Where("user_id = ? AND card_id = ?", userID, cardID).Take(&row).Error
	if err == nil {
		before = row.memory()
	} else if !errors.Is(err, gorm.ErrRecordNotFound) {
		return err
	}
	if !before.LastReview.IsZero() && at.Before(before.LastReview) {
		return ErrReviewOutOfOrder
	}
	s := NewScheduler(plan.StudyRetention())
	after := s.Review(before, at, rating)
	due, recall := EffectiveDue(s, after, plan, at)
	state := stateRowFor(userID, cardID, after, due, recall)
	upsert := clause.OnConflict{Columns: []clause.Column{{Name: "user_id"}, {Name: "card_id"}}, UpdateAll: true}
	if err := tx.Clauses(upsert).Create(&state).Error; err != nil {
		return err
	}
	log := reviewRow{UserID: userID, CardID: cardID, ClientReviewID: clientID, Rating: int(rating), ReviewedAt: at.Unix(),
		StateBefore: before.State, StateAfter: after.State, Stability: after.Stability, Difficulty: after.Difficulty,
		Due: after.Due.Unix(), ElapsedDays: after.ElapsedDays, ScheduledDays: after.ScheduledDays}
	if err := tx.Create(&log).Error; err != nil {
		return err
	}
	*res = ReviewResult{CardID: cardID, Memory: after, EffectiveDue: due, ExamRecall: recall}
	return nil
}

func loadResult(tx *gorm.DB, userID, cardID int64, res *ReviewResult) error {
	var row cardStateRow
	if err := tx.Where("user_id = ? AND card_id = ?", userID, cardID).Take(&row).Error; err != nil {
		return err
	}
	res.Memory, res.EffectiveDue, res.ExamRecall = row.memory(), time.Unix(row.EffectiveDue, 0).UTC(), row.ExamRecall
	return nil
}

// cardVisible is ErrNotFound unless the card belongs to a deck the user may study.
func cardVisible(tx *gorm.DB, userID, cardID int64) error {
	var n int64
	err := tx.Table("study_cards").Joins("JOIN study_decks ON study_decks.id = study_cards.deck_id").
		Where("study_cards.id = ?", cardID).Where(deckVisibleTo, visibleArgs(userID)...).Count(&n).Error
	if err != nil {
		return err
	}
	if n == 0 {
		return ErrNotFound
	}
	return nil
}
