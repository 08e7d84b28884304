package models

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
)

// OwnedCohortsError refuses deleting an account that still owns active cohorts; it
// names them so the person knows which to hand over or archive. It matches
// ErrOwnsActiveCohorts with errors.Is.
type OwnedCohortsError struct {
	Cohorts []Cohort
}

func (e *OwnedCohortsError) Error() string {
	return fmt.Sprintf("owns %d active cohorts", len(e.Cohorts))
}

// Is makes errors.Is(err, ErrOwnsActiveCohorts) true.
func (e *OwnedCohortsError) Is(target error) bool { return target == ErrOwnsActiveCohorts }

// Names lists the cohorts the way a sentence names them: "Fall HIT" or "Fall HIT,
// Spring RHIA and Evening CCA".
func (e *OwnedCohortsError) Names() string {
	names := make([]string, len(e.Cohorts))
	for i, c := range e.Cohorts {
		names[i] = "“" + c.Name + "”"
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// ownedActiveCohorts returns the cohorts userID owns that are not archived, oldest first.
func ownedActiveCohorts(tx *gorm.DB, userID int64) ([]Cohort, error) {
	var cohorts []Cohort
	err := tx.Where("owner_id = ? AND archived_at IS NULL", userID).Order("id").Find(&cohorts).Error
	if err != nil {
		return nil, fmt.Errorf("list active cohorts owned by user %d: %w", userID, err)
	}
	return cohorts, nil
}

// HandOverCohort makes the co-instructor newOwnerID the owner of c; the former owner
// stays on as a co-instructor (they can remove themselves). Anyone who is not a
// co-instructor of c gets ErrNotCoInstructor and nothing changes. The new owner is
// emailed in the same transaction.
func HandOverCohort(ctx context.Context, db *gorm.DB, actor AuditActor, c Cohort, newOwnerID int64, baseURL string, now time.Time) (Cohort, error) {
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		res := tx.Where("cohort_id = ? AND user_id = ?", c.ID, newOwnerID).Delete(&CohortInstructor{})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return ErrNotCoInstructor
		}
		if err := tx.Create(&CohortInstructor{CohortID: c.ID, UserID: c.OwnerID, AddedAt: now}).Error; err != nil {
			return err
		}
		formerOwner := c.OwnerID
		c.OwnerID, c.UpdatedAt = newOwnerID, now
		if err := tx.Model(&c).Select("owner_id", "updated_at").Updates(&c).Error; err != nil {
			return err
		}
		if err := queueHandOverEmail(tx, c, formerOwner, baseURL, now); err != nil {
			return err
		}
		return WriteAudit(tx, actor, "cohort.owner_changed", cohortTarget(c.ID), fmt.Sprintf("user:%d", newOwnerID))
	})
	if err != nil && !errors.Is(err, ErrNotCoInstructor) {
		err = fmt.Errorf("hand cohort %d over to user %d: %w", c.ID, newOwnerID, err)
	}
	return c, err
}

func queueHandOverEmail(tx *gorm.DB, c Cohort, formerOwnerID int64, baseURL string, now time.Time) error {
	var owner, former User
	if err := tx.Take(&owner, c.OwnerID).Error; err != nil {
		return err
	}
	if err := tx.Take(&former, formerOwnerID).Error; err != nil {
		return err
	}
	body := fmt.Sprintf("Hello %s,\n\n%s handed the cohort %q over to you: you now own it, and you decide its settings, "+
		"its join code and its co-instructors. %s stays on as a co-instructor until you or they remove them.\n\n%s/cohorts/%d\n",
		owner.Name, former.Name, c.Name, former.Name, strings.TrimRight(baseURL, "/"), c.ID)
	_, err := EnqueueEmail(tx, owner.Email, "You now own the cohort "+c.Name, body, "", now)
	return err
}
