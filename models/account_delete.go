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

// personalTables hold a user's own records in a user_id column, removed when the
// account is deleted (evidence files, practice scores and quiz items go with their
// entries, attempts and quizzes). A table added to the schema with a user column must
// be listed here or in keptUserColumns: TestEveryUserTableIsDeletedAndExported fails
// otherwise.
var personalTables = []string{
	"evidence_files", "ceu_entries", "held_credentials", "calendar_tokens", "calendar_feeds", "calendar_feed_events",
	"pathways", "learner_courses", "study_sessions", "study_quizzes", "practice_exams", "readiness_summaries",
	"study_card_states", "study_reviews", "study_settings", "sessions", "account_tokens", "cohort_instructors",
	"instructor_requests", "recovery_codes", "two_factor", "notices",
}

// keptUserColumns are the columns naming a user ("table.column") whose rows outlive
// the account, each with the reason. The user row itself stays as a nameless
// placeholder, so a number kept here names nobody.
var keptUserColumns = map[string]string{
	"audit_log.actor_id":             "the security record keeps who did what by account number only",
	"cohort_members.user_id":         "memberships end instead, so a cohort's counts stay honest and show a former member",
	"cohorts.owner_id":               "only archived cohorts remain (active ones must be handed over first), kept for their students' history",
	"instructor_requests.decided_by": "another person's request; only the deciding admin's account number remains",
	"invites.invited_by":             "an invitation for someone else; only the inviting admin's account number remains",
}

// ownedTables are removed by a column other than user_id: the study decks a person
// made (deleteOwnDecks hands a deck shared with someone else's cohort to that cohort's
// owner first) and other people's notices that name the person.
var ownedTables = map[string]string{"study_decks": "owner_id", "notices": "about_user_id"}

// DeleteAccount removes a user's records and evidence in one transaction and keeps a
// nameless placeholder row in their place: their cohort memberships end (instructors
// see a former member who left, and counts stay honest), they can never sign in, and
// the audit entry names only the account number. An instructor who owns active
// cohorts gets an OwnedCohortsError naming them, the last admin ErrLastAdmin, and nothing changes.
func DeleteAccount(ctx context.Context, db *gorm.DB, actor AuditActor, userID int64, now time.Time) error {
	return db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		owned, err := ownedActiveCohorts(tx, userID)
		if err != nil {
			return err
		}
		if len(owned) > 0 {
			return &OwnedCohortsError{Cohorts: owned}
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
	if err := deleteOwnDecks(tx, user.ID); err != nil {
		return err
	}
	for _, table := range personalTables {
		if err := tx.Exec("DELETE FROM "+table+" WHERE user_id = ?", user.ID).Error; err != nil {
			return fmt.Errorf("delete %s of user %d: %w", table, user.ID, err)
		}
	}
	// Other people's notices that name this person (a student who joined or left)
	// go too, so the name does not outlive the account.
	if err := tx.Exec("DELETE FROM notices WHERE about_user_id = ?", user.ID).Error; err != nil {
		return fmt.Errorf("delete notices about user %d: %w", user.ID, err)
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

// deleteOwnDecks removes the study decks userID made. A deck shared with an active
// cohort that someone else owns goes to that owner instead, so the cohort's students
// keep studying it.
func deleteOwnDecks(tx *gorm.DB, userID int64) error {
	err := tx.Exec(`UPDATE study_decks SET owner_id = (SELECT c.owner_id FROM cohorts c WHERE c.id = study_decks.cohort_id)
		WHERE owner_id = ? AND cohort_id IN (SELECT id FROM cohorts WHERE owner_id <> ? AND archived_at IS NULL)`, userID, userID).Error
	if err != nil {
		return fmt.Errorf("hand shared decks of user %d to their cohorts: %w", userID, err)
	}
	if err := tx.Exec("DELETE FROM study_decks WHERE owner_id = ?", userID).Error; err != nil {
		return fmt.Errorf("delete study decks of user %d: %w", userID, err)
	}
	return nil
}
