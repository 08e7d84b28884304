package models

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// FormerMemberName is what remains of a deleted account's name, so cohort history
// and audit rows stay honest without personal data.
const FormerMemberName = "A former member"

// personalTables hold a user's own records, removed when the account is deleted
// (evidence files and practice scores go with their entries and attempts).
var personalTables = []string{
	"evidence_files", "ceu_entries", "held_credentials", "calendar_tokens", "pathways", "learner_courses",
	"study_sessions", "practice_exams", "readiness_summaries", "sessions", "account_tokens", "cohort_instructors",
	"instructor_requests", "recovery_codes", "two_factor",
}

// DeleteAccount removes a user's records and evidence in one transaction and keeps a
// nameless placeholder row in their place: their cohort memberships end (instructors
// see a former member who left, and counts stay honest), they can never sign in, and
// the audit entry names only the account number. An instructor who owns active
// cohorts gets ErrOwnsActiveCohorts, the last admin ErrLastAdmin, and nothing changes.
func DeleteAccount(ctx context.Context, db *gorm.DB, actor AuditActor, userID int64, now time.Time) error {
	return db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var owned int64
		if err := tx.Model(&Cohort{}).Where("owner_id = ? AND archived_at IS NULL", userID).Count(&owned).Error; err != nil {
			return fmt.Errorf("count cohorts of user %d: %w", userID, err)
		}
		if owned > 0 {
			return ErrOwnsActiveCohorts
		}
		user, err := UserByID(ctx, tx, userID)
		if err != nil {
			return err
		}
		if user.Role == RoleAdmin {
			if err := EnsureAnotherAdmin(tx, userID); err != nil {
				return err
			}
		}
		if err := deletePersonalRows(tx, user, now); err != nil {
			return err
		}
		return WriteAudit(tx, AuditActor{IP: actor.IP}, "user.deleted", fmt.Sprintf("user:%d", userID), "")
	})
}

func deletePersonalRows(tx *gorm.DB, user User, now time.Time) error {
	for _, table := range personalTables {
		if err := tx.Exec("DELETE FROM "+table+" WHERE user_id = ?", user.ID).Error; err != nil {
			return fmt.Errorf("delete %s of user %d: %w", table, user.ID, err)
		}
	}
	err := tx.Exec("UPDATE cohort_members SET left_at = ?, share_outcomes = ? WHERE user_id = ? AND left_at IS NULL",
		now, false, user.ID).Error
	if err != nil {
		return fmt.Errorf("leave cohorts of user %d: %w", user.ID, err)
	}
	if err := tx.Exec("DELETE FROM outbox WHERE to_address = ? AND sent_at IS NULL", user.Email).Error; err != nil {
		return fmt.Errorf("drop queued email of user %d: %w", user.ID, err)
	}
	err = tx.Model(&User{}).Where("id = ?", user.ID).Updates(map[string]any{
		"email": fmt.Sprintf("deleted-%d@deleted.invalid", user.ID), "name": FormerMemberName, "password_hash": "!",
		"role": RoleLearner, "time_zone": "", "email_verified_at": nil, "reminder_days": "", "weekly_digest": false,
		"updated_at": now,
	}).Error
	if err != nil {
		return fmt.Errorf("blank user %d: %w", user.ID, err)
	}
	return nil
}
