package models

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// CalendarToken is a private calendar feed's secret, stored as a SHA-256 so a leaked
// database does not leak working feed URLs.
type CalendarToken struct {
	ID        int64      `gorm:"column:id;primaryKey"`
	UserID    int64      `gorm:"column:user_id"`
	TokenHash string     `gorm:"column:token_hash"`
	CreatedAt time.Time  `gorm:"column:created_at"`
	RevokedAt *time.Time `gorm:"column:revoked_at"`
}

// TableName maps CalendarToken to calendar_tokens.
func (CalendarToken) TableName() string { return "calendar_tokens" }

// NewCalendarToken revokes the learner's current feed token and issues a new one,
// in one transaction. The returned token is shown once; only its hash is kept.
func NewCalendarToken(ctx context.Context, db *gorm.DB, userID int64, now time.Time) (string, error) {
	token, err := newSecretToken()
	if err != nil {
		return "", err
	}
	err = db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := revokeCalendarTokens(tx, userID, now); err != nil {
			return err
		}
		row := CalendarToken{UserID: userID, TokenHash: hashSecretToken(token), CreatedAt: now}
		if err := tx.Create(&row).Error; err != nil {
			return fmt.Errorf("save calendar token for user %d: %w", userID, err)
		}
		return nil
	})
	if err != nil {
		return "", err
	}
	return token, nil
}

// RevokeCalendarTokens stops every feed URL of the learner from working.
func RevokeCalendarTokens(ctx context.Context, db *gorm.DB, userID int64, now time.Time) error {
	return revokeCalendarTokens(db.WithContext(ctx), userID, now)
}

func revokeCalendarTokens(tx *gorm.DB, userID int64, now time.Time) error {
	err := tx.Model(&CalendarToken{}).Where("user_id = ? AND revoked_at IS NULL", userID).Update("revoked_at", now).Error
	if err != nil {
		return fmt.Errorf("revoke calendar tokens of user %d: %w", userID, err)
	}
	return nil
}

// ActiveCalendarToken returns the learner's live feed token row, or ErrNotFound.
func ActiveCalendarToken(ctx context.Context, db *gorm.DB, userID int64) (CalendarToken, error) {
	var t CalendarToken
	err := db.WithContext(ctx).Where("user_id = ? AND revoked_at IS NULL", userID).Order("id DESC").Take(&t).Error
	return t, notFound(err, fmt.Sprintf("load calendar token of user %d", userID))
}

// CalendarTokenOwner returns the user a live feed token belongs to, or ErrNotFound
// for an unknown or revoked token.
func CalendarTokenOwner(ctx context.Context, db *gorm.DB, token string) (int64, error) {
	var t CalendarToken
	err := db.WithContext(ctx).Where("token_hash = ? AND revoked_at IS NULL", hashSecretToken(token)).Take(&t).Error
	return t.UserID, notFound(err, "load calendar token")
}
