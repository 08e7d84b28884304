package models

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// CohortNudgeRecipient is a student a nudge was sent to.
type CohortNudgeRecipient struct {
	ID    int64  `gorm:"column:id"`
	Name  string `gorm:"column:name"`
	Email string `gorm:"column:email"`
	// Queued is false when the same message had already been queued for them today.
	Queued bool `gorm:"-"`
}

// SendCohortNudge emails message to the students of userIDs who are current members
// of the cohort, through the outbox, in one transaction with its audit record. Ids of
// anyone else are ignored: the recipients are chosen by the query, not the caller.
// The same message to the same student on the same day is sent once, so a double
// submit does not email twice; each recipient says whether this call queued theirs.
// A nudge is written by a person, so it goes without Auto-Submitted.
func SendCohortNudge(ctx context.Context, db *gorm.DB, actor AuditActor, c Cohort, from User, userIDs []int64, message string, now time.Time) ([]CohortNudgeRecipient, error) {
	var recipients []CohortNudgeRecipient
	if len(userIDs) == 0 {
		return nil, nil
	}
	digest := sha256.Sum256([]byte(message))
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		err := tx.Table("users").Select("id, name, email").
			Where("id IN ? AND id IN ("+cohortActiveMembers+")", userIDs, c.ID).Order("name, id").Scan(&recipients).Error
		if err != nil {
			return err
		}
		subject := fmt.Sprintf("A message from %s (%s)", from.Name, c.Name)
		for i, r := range recipients {
			body := fmt.Sprintf("Hello %s,\n\n%s\n\n— %s, instructor of %s\n", r.Name, message, from.Name, c.Name)
			key := fmt.Sprintf("nudge:%d:%d:%s:%s", c.ID, r.ID, DateOnly(now).Format("2006-01-02"), hex.EncodeToString(digest[:8]))
			queued, err := QueueEmail(tx, NewEmail{To: r.Email, Subject: subject, Body: body, DedupeKey: key, Personal: true}, now)
			if err != nil {
				return err
			}
			recipients[i].Queued = queued
		}
		return WriteAudit(tx, actor, "cohort.nudged", cohortTarget(c.ID), fmt.Sprintf("%d students", len(recipients)))
	})
	if err != nil {
		return nil, fmt.Errorf("nudge students of cohort %d: %w", c.ID, err)
	}
	return recipients, nil
}
