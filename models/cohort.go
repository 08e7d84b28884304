package models

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
)

// ErrNotAnInstructor means a co-instructor email names no instructor or admin account.
var ErrNotAnInstructor = errors.New("no instructor account with that email")

// Cohort is a group of students an instructor follows: a class preparing for one
// credential's exam. Students join it with its join code and their consent.
type Cohort struct {
	ID           int64      `gorm:"column:id;primaryKey"`
	OwnerID      int64      `gorm:"column:owner_id"`
	Name         string     `gorm:"column:name"`
	Program      string     `gorm:"column:program"`
	Term         string     `gorm:"column:term"`
	TargetCode   string     `gorm:"column:target_code"`
	TargetExamOn *time.Time `gorm:"column:target_exam_on"`
	// JoinCode is nil while joining is disabled.
	JoinCode   *string    `gorm:"column:join_code"`
	ArchivedAt *time.Time `gorm:"column:archived_at"`
	// The cohort's at-risk thresholds (see RiskThresholds).
	RiskNoStudyDays     int       `gorm:"column:risk_no_study_days"`
	RiskPassingPercent  int       `gorm:"column:risk_passing_percent"`
	RiskTrendWindowDays int       `gorm:"column:risk_trend_window_days"`
	RiskFloorPercent    int       `gorm:"column:risk_floor_percent"`
	RiskFloorWindowDays int       `gorm:"column:risk_floor_window_days"`
	CreatedAt           time.Time `gorm:"column:created_at"`
	UpdatedAt           time.Time `gorm:"column:updated_at"`
}

// TableName maps Cohort to cohorts.
func (Cohort) TableName() string { return "cohorts" }

// Thresholds returns the cohort's at-risk thresholds; a row without them (made
// outside the migrations) gets the defaults.
func (c Cohort) Thresholds() RiskThresholds {
	if c.RiskNoStudyDays == 0 {
		return DefaultRiskThresholds()
	}
	return RiskThresholds{NoStudyDays: c.RiskNoStudyDays, PassingPercent: float64(c.RiskPassingPercent),
		TrendWindowDays: c.RiskTrendWindowDays, FloorPercent: float64(c.RiskFloorPercent), FloorWindowDays: c.RiskFloorWindowDays}
}

// SetThresholds stores t on the cohort.
func (c *Cohort) SetThresholds(t RiskThresholds) {
	c.RiskNoStudyDays, c.RiskPassingPercent, c.RiskTrendWindowDays = t.NoStudyDays, int(t.PassingPercent), t.TrendWindowDays
	c.RiskFloorPercent, c.RiskFloorWindowDays = int(t.FloorPercent), t.FloorWindowDays
}

// Archived reports whether the cohort has been archived.
func (c Cohort) Archived() bool { return c.ArchivedAt != nil }

// ExamOn returns the cohort's target exam date, or the zero time when none is set.
func (c Cohort) ExamOn() time.Time {
	if c.TargetExamOn == nil {
		return time.Time{}
	}
	return DateOnly(*c.TargetExamOn)
}

// Code returns the join code, or "" while joining is disabled.
func (c Cohort) Code() string {
	if c.JoinCode == nil {
		return ""
	}
	return *c.JoinCode
}

// CohortInstructor is a co-instructor of a cohort (the owner is not listed here).
type CohortInstructor struct {
	CohortID int64     `gorm:"column:cohort_id;primaryKey"`
	UserID   int64     `gorm:"column:user_id;primaryKey"`
	AddedAt  time.Time `gorm:"column:added_at"`
}

// TableName maps CohortInstructor to cohort_instructors.
func (CohortInstructor) TableName() string { return "cohort_instructors" }

// CohortFields are the editable facts of a cohort.
type CohortFields struct {
	Name         string
	Program      string
	Term         string
	TargetCode   string
	TargetExamOn time.Time // zero: no target date
}

// CohortSummary is a cohort as listed on the instructor's cohorts page.
type CohortSummary struct {
	Cohort
	Members int  `gorm:"column:members"`
	Owned   bool `gorm:"-"`
}

// CohortCredentialOption is a credential a cohort can target.
type CohortCredentialOption struct {
	Code string `gorm:"column:code"`
	Name string `gorm:"column:name"`
}

// CohortTargetOptions lists the credentials of the catalogue in display order.
func CohortTargetOptions(ctx context.Context, db *gorm.DB) ([]CohortCredentialOption, error) {
	var out []CohortCredentialOption
	err := db.WithContext(ctx).Table("credential_types").Select("code, name").Order("position, code").Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("list cohort target credentials: %w", err)
	}
	return out, nil
}

// CreateCohort saves a new cohort owned by ownerID with a fresh join code.
func CreateCohort(ctx context.Context, db *gorm.DB, actor AuditActor, ownerID int64, f CohortFields, now time.Time) (Cohort, error) {
	cohort := Cohort{OwnerID: ownerID, CreatedAt: now, UpdatedAt: now}
	cohort.SetThresholds(DefaultRiskThresholds())
	f.applyTo(&cohort)
	err := withFreshCohortJoinCode(func(code string) error {
		cohort.ID = 0
		cohort.JoinCode = &code
		return db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
			if err := tx.Create(&cohort).Error; err != nil {
				return err
			}
			return WriteAudit(tx, actor, "cohort.created", cohortTarget(cohort.ID), cohort.Name)
		})
	})
	if err != nil {
		return Cohort{}, fmt.Errorf("create cohort for user %d: %w", ownerID, err)
	}
	return cohort, nil
}

func (f CohortFields) applyTo(c *Cohort) {
	c.Name = strings.TrimSpace(f.Name)
	c.Program = strings.TrimSpace(f.Program)
	c.Term = strings.TrimSpace(f.Term)
	c.TargetCode = f.TargetCode
	c.TargetExamOn = nil
	if !f.TargetExamOn.IsZero() {
		on := DateOnly(f.TargetExamOn)
		c.TargetExamOn = &on
	}
}

// Fields returns the cohort's editable facts.
func (c Cohort) Fields() CohortFields {
	return CohortFields{Name: c.Name, Program: c.Program, Term: c.Term, TargetCode: c.TargetCode, TargetExamOn: c.ExamOn()}
}

// CohortsForInstructor lists the cohorts userID owns or co-teaches (every cohort for
// an admin), newest first, with their number of current members.
func CohortsForInstructor(ctx context.Context, db *gorm.DB, userID int64, isAdmin bool) ([]CohortSummary, error) {
	q := db.WithContext(ctx).Table("cohorts").
		Select("cohorts.*, (SELECT COUNT(*) FROM cohort_members m WHERE m.cohort_id = cohorts.id AND m.left_at IS NULL) AS members")
	if !isAdmin {
		q = q.Where(cohortInstructorOf, userID, userID)
	}
	var out []CohortSummary
	if err := q.Order("cohorts.archived_at IS NOT NULL, cohorts.id DESC").Scan(&out).Error; err != nil {
		return nil, fmt.Errorf("list cohorts of user %d: %w", userID, err)
	}
	for i := range out {
		out[i].Owned = out[i].OwnerID == userID
	}
	return out, nil
}

// cohortInstructorOf limits cohorts to those the user owns or co-teaches.
const cohortInstructorOf = "(cohorts.owner_id = ? OR cohorts.id IN (SELECT cohort_id FROM cohort_instructors WHERE user_id = ?))"

// CohortForInstructor loads a cohort the user may see as an instructor: its owner, a
// co-instructor or an admin. Anyone else gets ErrNotFound, so that a cohort's
// existence stays private.
func CohortForInstructor(ctx context.Context, db *gorm.DB, cohortID, userID int64, isAdmin bool) (Cohort, error) {
	q := db.WithContext(ctx).Table("cohorts").Where("cohorts.id = ?", cohortID)
	if !isAdmin {
		q = q.Where(cohortInstructorOf, userID, userID)
	}
	var c Cohort
	err := q.Take(&c).Error
	return c, notFound(err, fmt.Sprintf("load cohort %d for user %d", cohortID, userID))
}

// UpdateCohort saves new facts for a cohort and archives or restores it.
func UpdateCohort(ctx context.Context, db *gorm.DB, actor AuditActor, c Cohort, f CohortFields, archived bool, now time.Time) (Cohort, error) {
	f.applyTo(&c)
	wasArchived := c.Archived()
	switch {
	case archived && !wasArchived:
		c.ArchivedAt = &now
	case !archived:
		c.ArchivedAt = nil
	}
	c.UpdatedAt = now
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Model(&c).Select("name", "program", "term", "target_code", "target_exam_on", "archived_at", "updated_at").Updates(&c).Error; err != nil {
			return err
		}
		if archived && !wasArchived {
			if err := noticeCohortArchived(tx, actor, c, now); err != nil {
				return err
			}
		}
		if archived != wasArchived {
			action := map[bool]string{true: "cohort.archived", false: "cohort.restored"}[archived]
			return WriteAudit(tx, actor, action, cohortTarget(c.ID), c.Name)
		}
		return nil
	})
	if err != nil {
		return Cohort{}, fmt.Errorf("update cohort %d: %w", c.ID, err)
	}
	return c, nil
}

// CohortInstructors returns the owner first, then the co-instructors by name.
func CohortInstructors(ctx context.Context, db *gorm.DB, c Cohort) ([]User, error) {
	var users []User
	err := db.WithContext(ctx).Where("id = ? OR id IN (SELECT user_id FROM cohort_instructors WHERE cohort_id = ?)", c.OwnerID, c.ID).
		Order("name, id").Find(&users).Error
	if err != nil {
		return nil, fmt.Errorf("list instructors of cohort %d: %w", c.ID, err)
	}
	for i, u := range users {
		if u.ID == c.OwnerID {
			users[0], users[i] = users[i], users[0]
		}
	}
	return users, nil
}

// AddCoInstructor gives the instructor with email access to the cohort. Adding the
// owner or an existing co-instructor changes nothing. Every live member is emailed in
// the same transaction, since their consent did not name the new instructor.
func AddCoInstructor(ctx context.Context, db *gorm.DB, actor AuditActor, c Cohort, email, baseURL string, now time.Time) (User, error) {
	var u User
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		err := tx.Where("email = ? AND role IN ?", NormalizeEmail(email), []string{RoleInstructor, RoleAdmin}).Take(&u).Error
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return ErrNotAnInstructor
		}
		if err != nil || u.ID == c.OwnerID {
			return err
		}
		res := tx.Where(CohortInstructor{CohortID: c.ID, UserID: u.ID}).
			FirstOrCreate(&CohortInstructor{CohortID: c.ID, UserID: u.ID, AddedAt: now})
		if res.Error != nil || res.RowsAffected == 0 {
			return res.Error
		}
		if err := queueNewInstructorEmails(tx, c, u, baseURL, now); err != nil {
			return err
		}
		if err := noticeInstructorAdded(tx, c, u, now); err != nil {
			return err
		}
		return WriteAudit(tx, actor, "cohort.instructor_added", cohortTarget(c.ID), fmt.Sprintf("user:%d", u.ID))
	})
	if err != nil && !errors.Is(err, ErrNotAnInstructor) {
		err = fmt.Errorf("add co-instructor to cohort %d: %w", c.ID, err)
	}
	return u, err
}

func cohortTarget(id int64) string { return fmt.Sprintf("cohort:%d", id) }

// RemoveCoInstructor takes away a co-instructor's access to the cohort. The owner
// cannot be removed; removing someone who is not a co-instructor changes nothing.
func RemoveCoInstructor(ctx context.Context, db *gorm.DB, actor AuditActor, c Cohort, userID int64, now time.Time) error {
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		res := tx.Where("cohort_id = ? AND user_id = ?", c.ID, userID).Delete(&CohortInstructor{})
		if res.Error != nil || res.RowsAffected == 0 {
			return res.Error
		}
		if err := noticeInstructorRemoved(ctx, tx, c, userID, now); err != nil {
			return err
		}
		return WriteAudit(tx, actor, "cohort.instructor_removed", cohortTarget(c.ID), fmt.Sprintf("user:%d", userID))
	})
	if err != nil {
		return fmt.Errorf("remove co-instructor %d from cohort %d: %w", userID, c.ID, err)
	}
	return nil
}

// SaveCohortThresholds stores the cohort's at-risk thresholds, with an audit entry.
func SaveCohortThresholds(ctx context.Context, db *gorm.DB, actor AuditActor, c Cohort, t RiskThresholds, now time.Time) (Cohort, error) {
	c.SetThresholds(t)
	c.UpdatedAt = now
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		err := tx.Model(&c).Select("risk_no_study_days", "risk_passing_percent", "risk_trend_window_days",
			"risk_floor_percent", "risk_floor_window_days", "updated_at").Updates(&c).Error
		if err != nil {
			return err
		}
		return WriteAudit(tx, actor, "cohort.risk_thresholds", cohortTarget(c.ID), c.Name)
	})
	if err != nil {
		return Cohort{}, fmt.Errorf("save risk thresholds of cohort %d: %w", c.ID, err)
	}
	return c, nil
}
