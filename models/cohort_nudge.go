package models

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// CohortNudgeRecipient is a student a nudge was sent to.
type CohortNudgeRecipient struct {
	ID    int64  `gorm:"column:id"`
	Name  string `gorm:"column:name"`
	Email string `gorm:"column:email"`
	// Confirmed is whether their address is confirmed: only then is the nudge emailed.
	Confirmed bool `gorm:"column:confirmed"`
	// Queued is false when the same message had already been sent to them today.
	Queued bool `gorm:"-"`
}

// SendCohortNudge sends message to the students of userIDs who are current members of
// the cohort: a notice in their list, and an email through the outbox to those who
// confirmed their address, in one transaction with its audit record. Ids of anyone
// else are ignored (ErrNoRecipients when no one is left): the recipients are chosen by
// the query, not the caller. The same
// message to the same student on the same day is sent once, so a double submit does
// not send twice; each recipient says whether this call sent theirs. A nudge is
// written by a person, so its email goes without Auto-Submitted.
func SendCohortNudge(ctx context.Context, db *gorm.DB, actor AuditActor, c Cohort, from User, userIDs []int64, message string, now time.Time) ([]CohortNudgeRecipient, error) {
	var recipients []CohortNudgeRecipient
	if len(userIDs) == 0 {
		return nil, nil
	}
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		err := tx.Table("users").Select("id, name, email, email_verified_at IS NOT NULL AS confirmed").
			Where("id IN ? AND id IN ("+cohortActiveMembers+")", userIDs, c.ID).Order("name, id").Scan(&recipients).Error
		if err != nil {
			return err
		}
		if len(recipients) == 0 {
			return ErrNoRecipients
		}
		for i := range recipients {
			if recipients[i].Queued, err = sendNudgeTo(tx, c, from, recipients[i], message, now); err != nil {
				return err
			}
		}
		return WriteAudit(tx, actor, "cohort.nudged", cohortTarget(c.ID), fmt.Sprintf("%d students", len(recipients)))
	})
	if errors.Is(err, ErrNoRecipients) {
		return nil, err
	}
	if err != nil {
		return nil, fmt.Errorf("nudge students of cohort %d: %w", c.ID, err)
	}
	return recipients, nil
}

// sendNudgeTo writes one student's notice and, when their address is confirmed, their
// email, both under one key per cohort, student, day and message.
func sendNudgeTo(tx *gorm.DB, c Cohort, from User, r CohortNudgeRecipient, message string, now time.Time) (bool, error) {
	digest := sha256.Sum256([]byte(message))
	key := fmt.Sprintf("nudge:%d:%d:%s:%s", c.ID, r.ID, DateOnly(now).Format("2006-01-02"), hex.EncodeToString(digest[:8]))
	subject := fmt.Sprintf("A message from %s (%s)", from.Name, c.Name)
	added, err := AddNotice(tx, NewNotice{UserID: r.ID, Kind: NoticeNudge, Title: subject, Body: message, DedupeKey: key}, now)
	if err != nil || !r.Confirmed {
		return added, err
	}
	body := fmt.Sprintf("Hello %s,\n\n%s\n\n— %s, instructor of %s\n", r.Name, message, from.Name, c.Name)
	queued, err := QueueEmail(tx, NewEmail{To: r.Email, Subject: subject, Body: body, DedupeKey: key, Personal: true}, now)
	return added || queued, err
}
