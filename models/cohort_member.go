package models

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// ErrAlreadyMember means the learner is already a current member of the cohort.
var ErrAlreadyMember = errors.New("already a member of this cohort")

// CohortMember is one learner's membership of a cohort. Instructors see the learner
// only while ConsentGivenAt is set and LeftAt is not; leaving ends access at once.
// Rejoining after leaving adds a new row, so the history stays.
type CohortMember struct {
	ID             int64      `gorm:"column:id;primaryKey"`
	CohortID       int64      `gorm:"column:cohort_id"`
	UserID         int64      `gorm:"column:user_id"`
	JoinedAt       time.Time  `gorm:"column:joined_at"`
	ConsentGivenAt time.Time  `gorm:"column:consent_given_at"`
	ShareOutcomes  bool       `gorm:"column:share_outcomes"`
	LeftAt         *time.Time `gorm:"column:left_at"`
}

// TableName maps CohortMember to cohort_members.
func (CohortMember) TableName() string { return "cohort_members" }

// cohortActiveMembers is the subquery of a cohort's visible students; every query for
// student data on an instructor's behalf is scoped by it.
const cohortActiveMembers = "SELECT user_id FROM cohort_members WHERE cohort_id = ? AND left_at IS NULL"

// CohortMembership is a cohort a learner belongs to, as listed on their join page.
type CohortMembership struct {
	CohortID      int64     `gorm:"column:cohort_id" json:"cohort_id"`
	Name          string    `gorm:"column:name" json:"name"`
	Program       string    `gorm:"column:program" json:"program"`
	Term          string    `gorm:"column:term" json:"term"`
	TargetCode    string    `gorm:"column:target_code" json:"target_code"`
	JoinedAt      time.Time `gorm:"column:joined_at" json:"joined_at"`
	ShareOutcomes bool      `gorm:"column:share_outcomes" json:"share_outcomes"`
}

// CohortByJoinCode finds the open cohort a code lets people join: not archived and
// with joining enabled. Unknown, disabled and archived all give ErrNotFound.
func CohortByJoinCode(ctx context.Context, db *gorm.DB, code string) (Cohort, error) {
	code = NormalizeJoinCode(code)
	if code == "" {
		return Cohort{}, ErrNotFound
	}
	var c Cohort
	err := db.WithContext(ctx).Where("join_code = ? AND archived_at IS NULL", code).Take(&c).Error
	return c, notFound(err, "load cohort by join code")
}

// JoinCohort makes userID a member of the cohort the code opens, recording their
// consent to share their study data with its instructors, and audits it.
func JoinCohort(ctx context.Context, db *gorm.DB, actor AuditActor, userID int64, code string, shareOutcomes bool, now time.Time) (Cohort, error) {
	var c Cohort
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var err error
		if c, err = CohortByJoinCode(ctx, tx, code); err != nil {
			return err
		}
		var n int64
		if err := tx.Model(&CohortMember{}).Where("cohort_id = ? AND user_id = ? AND left_at IS NULL", c.ID, userID).Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return ErrAlreadyMember
		}
		m := CohortMember{CohortID: c.ID, UserID: userID, JoinedAt: now, ConsentGivenAt: now, ShareOutcomes: shareOutcomes}
		if err := tx.Create(&m).Error; err != nil {
			if isUniqueViolation(err) {
				return ErrAlreadyMember
			}
			return err
		}
		if err := noticeMembershipChange(ctx, tx, c, userID, true, now); err != nil {
			return err
		}
		return WriteAudit(tx, actor, "cohort.joined", cohortTarget(c.ID), fmt.Sprintf("user:%d share_outcomes=%t", userID, shareOutcomes))
	})
	if err != nil && !errors.Is(err, ErrNotFound) && !errors.Is(err, ErrAlreadyMember) {
		err = fmt.Errorf("join cohort for user %d: %w", userID, err)
	}
	return c, err
}

// LeaveCohort ends userID's membership of the cohort; instructors lose access to the
// learner's data with this commit. ErrNotFound when they are not a member.
func LeaveCohort(ctx context.Context, db *gorm.DB, actor AuditActor, userID, cohortID int64, now time.Time) error {
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		res := tx.Model(&CohortMember{}).Where("cohort_id = ? AND user_id = ? AND left_at IS NULL", cohortID, userID).Update("left_at", now)
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return ErrNotFound
		}
		var c Cohort
		if err := tx.Take(&c, cohortID).Error; err != nil {
			return err
		}
		if err := noticeMembershipChange(ctx, tx, c, userID, false, now); err != nil {
			return err
		}
		return WriteAudit(tx, actor, "cohort.left", cohortTarget(cohortID), fmt.Sprintf("user:%d", userID))
	})
	if err != nil && !errors.Is(err, ErrNotFound) {
		err = fmt.Errorf("leave cohort %d for user %d: %w", cohortID, userID, err)
	}
	return err
}

// MembershipsOf lists the cohorts userID currently belongs to, newest first.
func MembershipsOf(ctx context.Context, db *gorm.DB, userID int64) ([]CohortMembership, error) {
	var out []CohortMembership
	err := db.WithContext(ctx).Table("cohort_members m").
		Select("m.cohort_id, c.name, c.program, c.term, c.target_code, m.joined_at, m.share_outcomes").
		Joins("JOIN cohorts c ON c.id = m.cohort_id").
		Where("m.user_id = ? AND m.left_at IS NULL", userID).
		Order("m.joined_at DESC, m.id DESC").Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("list memberships of user %d: %w", userID, err)
	}
	return out, nil
}
