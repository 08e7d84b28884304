package models

import (
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// OutboxEmail is an email waiting to be sent, or sent. It is written in the same
// transaction as the decision that caused it, so an email is never lost nor sent for
// something that was rolled back; a background sender delivers it with retries.
type OutboxEmail struct {
	ID            int64      `gorm:"column:id;primaryKey"`
	To            string     `gorm:"column:to_address"`
	Subject       string     `gorm:"column:subject"`
	Body          string     `gorm:"column:body"`
	DedupeKey     *string    `gorm:"column:dedupe_key"`
	Attempts      int        `gorm:"column:attempts"`
	NextAttemptAt time.Time  `gorm:"column:next_attempt_at"`
	SentAt        *time.Time `gorm:"column:sent_at"`
	LastError     string     `gorm:"column:last_error"`
	CreatedAt     time.Time  `gorm:"column:created_at"`
}

// TableName maps OutboxEmail to outbox.
func (OutboxEmail) TableName() string { return "outbox" }

// EnqueueEmail adds an email to the outbox inside tx. A non-empty dedupeKey makes the
// call idempotent: a second email with the same key is silently not added, which is
// how two processes deciding the same reminder produce one email.
func EnqueueEmail(tx *gorm.DB, to, subject, body, dedupeKey string, now time.Time) (bool, error) {
	email := OutboxEmail{To: to, Subject: subject, Body: body, NextAttemptAt: now, CreatedAt: now}
	if dedupeKey != "" {
		email.DedupeKey = &dedupeKey
	}
	res := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&email)
	if res.Error != nil {
		return false, fmt.Errorf("enqueue email %q to %s: %w", subject, to, res.Error)
	}
	return res.RowsAffected == 1, nil
}
