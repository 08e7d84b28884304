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

// LockNextDueEmail takes the oldest email due at now inside tx and locks its row,
// skipping rows another sender holds, so concurrent senders never take the same one
// (PostgreSQL). ok is false when nothing is due.
func LockNextDueEmail(tx *gorm.DB, now time.Time, maxAttempts int) (email OutboxEmail, ok bool, err error) {
	res := tx.Raw(`SELECT * FROM outbox WHERE sent_at IS NULL AND next_attempt_at <= ? AND attempts < ?
		ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED`, now, maxAttempts).Scan(&email)
	if res.Error != nil {
		return email, false, fmt.Errorf("lock next due email: %w", res.Error)
	}
	return email, res.RowsAffected > 0, nil
}

// NextDueEmail returns the oldest email due at now without locking it; pair it with
// LeaseEmail where row locks are not available (SQLite).
func NextDueEmail(db *gorm.DB, now time.Time, maxAttempts int) (email OutboxEmail, ok bool, err error) {
	res := db.Where("sent_at IS NULL AND next_attempt_at <= ? AND attempts < ?", now, maxAttempts).
		Order("id").Limit(1).Find(&email)
	if res.Error != nil {
		return email, false, fmt.Errorf("find next due email: %w", res.Error)
	}
	return email, res.RowsAffected > 0, nil
}

// LeaseEmail claims email until the given time with a conditional update that only one
// sender can win; won is false when another sender got there first.
func LeaseEmail(db *gorm.DB, email OutboxEmail, until time.Time) (won bool, err error) {
	res := db.Model(&OutboxEmail{}).
		Where("id = ? AND sent_at IS NULL AND next_attempt_at = ?", email.ID, email.NextAttemptAt).
		Update("next_attempt_at", until)
	if res.Error != nil {
		return false, fmt.Errorf("lease outbox email %d: %w", email.ID, res.Error)
	}
	return res.RowsAffected == 1, nil
}

// RecordEmailSent marks email delivered at now.
func RecordEmailSent(db *gorm.DB, email OutboxEmail, now time.Time) error {
	return recordEmailAttempt(db, email, map[string]any{"attempts": email.Attempts + 1, "sent_at": now, "last_error": ""})
}

// RecordEmailFailure counts a failed attempt and schedules the next one.
func RecordEmailFailure(db *gorm.DB, email OutboxEmail, nextAttempt time.Time, reason string) error {
	return recordEmailAttempt(db, email, map[string]any{
		"attempts": email.Attempts + 1, "next_attempt_at": nextAttempt, "last_error": reason,
	})
}

func recordEmailAttempt(db *gorm.DB, email OutboxEmail, updates map[string]any) error {
	if err := db.Model(&OutboxEmail{}).Where("id = ?", email.ID).Updates(updates).Error; err != nil {
		return fmt.Errorf("record outbox email %d: %w", email.ID, err)
	}
	return nil
}
