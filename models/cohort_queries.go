package models

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// The dashboard reads the students' tables with one query per table for the whole
// cohort, each scoped by the cohort's current members (cohortActiveMembers), never a query
// per student.

type cohortMemberRow struct {
	UserID        int64     `gorm:"column:user_id"`
	Name          string    `gorm:"column:name"`
	Email         string    `gorm:"column:email"`
	JoinedAt      time.Time `gorm:"column:joined_at"`
	SignedUpAt    time.Time `gorm:"column:signed_up_at"`
	ShareOutcomes bool      `gorm:"column:share_outcomes"`
}

type cohortPathwayRow struct {
	UserID                 int64     `gorm:"column:user_id"`
	TargetCode             string    `gorm:"column:target_code"`
	ProgramName            string    `gorm:"column:program_name"`
	Institution            string    `gorm:"column:institution"`
	ExpectedGraduation     cohortDay `gorm:"column:expected_graduation"`
	PracticumHoursDone     int       `gorm:"column:practicum_hours_done"`
	PracticumHoursRequired int       `gorm:"column:practicum_hours_required"`
	ExamScheduledOn        cohortDay `gorm:"column:exam_scheduled_on"`
	ExamResult             string    `gorm:"column:exam_result"`
	PassedOn               cohortDay `gorm:"column:passed_on"`
}

type cohortCourseRow struct {
	UserID      int64     `gorm:"column:user_id"`
	Name        string    `gorm:"column:name"`
	Status      string    `gorm:"column:status"`
	DueOn       cohortDay `gorm:"column:due_on"`
	CompletedOn cohortDay `gorm:"column:completed_on"`
	Grade       string    `gorm:"column:grade"`
}

type cohortStudyRow struct {
	UserID      int64     `gorm:"column:user_id"`
	LastStudyOn cohortDay `gorm:"column:last_on"`
	Minutes7    int       `gorm:"column:minutes7"`
	Minutes30   int       `gorm:"column:minutes30"`
}

type cohortAttemptRow struct {
	ID             int64     `gorm:"column:id"`
	UserID         int64     `gorm:"column:user_id"`
	CredentialCode string    `gorm:"column:credential_code"`
	TakenOn        cohortDay `gorm:"column:taken_on"`
	Source         string    `gorm:"column:source"`
	OverallPercent float64   `gorm:"column:overall_percent"`
}

type cohortScoreRow struct {
	PracticeExamID int64   `gorm:"column:practice_exam_id"`
	DomainPosition int     `gorm:"column:domain_position"`
	Percent        float64 `gorm:"column:percent"`
}

type cohortDomainRow struct {
	CredentialCode string `gorm:"column:credential_code"`
	Position       int    `gorm:"column:position"`
	Name           string `gorm:"column:name"`
	WeightLow      int    `gorm:"column:weight_low"`
	WeightHigh     int    `gorm:"column:weight_high"`
}

type cohortDayMinutes struct {
	On      cohortDay `gorm:"column:studied_on"`
	Minutes int       `gorm:"column:minutes"`
}

func loadCohortMembers(ctx context.Context, db *gorm.DB, scope cohortScope) ([]cohortMemberRow, error) {
	var out []cohortMemberRow
	q := db.WithContext(ctx).Table("cohort_members m").
		Select("m.user_id, u.name, u.email, m.joined_at, u.created_at AS signed_up_at, m.share_outcomes").
		Joins("JOIN users u ON u.id = m.user_id")
	err := scope.memberRows(q).Order("u.name, u.id").Scan(&out).Error
	return out, wrapCohortQuery(err, "members", scope.cohortID)
}

func loadCohortPathways(ctx context.Context, db *gorm.DB, scope cohortScope) ([]cohortPathwayRow, error) {
	var out []cohortPathwayRow
	cond, args := scope.in("user_id")
	err := db.WithContext(ctx).Table("pathways").
		Select("user_id, target_code, program_name, institution, expected_graduation, practicum_hours_done, practicum_hours_required, exam_scheduled_on, exam_result, passed_on").
		Where(cond, args...).Scan(&out).Error
	return out, wrapCohortQuery(err, "pathways", scope.cohortID)
}

func loadCohortCourses(ctx context.Context, db *gorm.DB, scope cohortScope) ([]cohortCourseRow, error) {
	var out []cohortCourseRow
	cond, args := scope.in("lc.user_id")
	q := db.WithContext(ctx).Table("learner_courses lc").
		Select("lc.user_id, c.name, lc.status, lc.due_on, lc.completed_on, lc.grade").
		Joins("JOIN courses c ON c.id = lc.course_id").
		Where(cond, args...).Order("lc.user_id, c.position, c.id")
	err := cohortEachRow(q, func(rows *sql.Rows) error {
		var c cohortCourseRow
		err := rows.Scan(&c.UserID, &c.Name, &c.Status, &c.DueOn, &c.CompletedOn, &c.Grade)
		out = append(out, c)
		return err
	})
	return out, wrapCohortQuery(err, "courses", scope.cohortID)
}

// cohortEachRow runs q and calls scan for each row. The big dashboard queries scan by hand:
// reflection-based scanning cost more than the queries themselves.
func cohortEachRow(q *gorm.DB, scan func(rows *sql.Rows) error) error {
	rows, err := q.Rows()
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// loadCohortStudy sums each member's minutes of the last 7 and 30 days (today included) and
// finds their last study day, ignoring sessions dated after today. Correlated
// subqueries walk the (user_id, studied_on) index per member on both databases.
func loadCohortStudy(ctx context.Context, db *gorm.DB, scope cohortScope, today time.Time) ([]cohortStudyRow, error) {
	tomorrow, from7, from30 := cohortSQLDay(AddDays(today, 1)), cohortSQLDay(AddDays(today, -6)), cohortSQLDay(AddDays(today, -29))
	var out []cohortStudyRow
	q := db.WithContext(ctx).Table("cohort_members m").
		Select(`m.user_id,
			(SELECT MAX(s.studied_on) FROM study_sessions s WHERE s.user_id = m.user_id AND s.studied_on < ?) AS last_on,
			(SELECT COALESCE(SUM(s.minutes), 0) FROM study_sessions s WHERE s.user_id = m.user_id AND s.studied_on >= ? AND s.studied_on < ?) AS minutes7,
			(SELECT COALESCE(SUM(s.minutes), 0) FROM study_sessions s WHERE s.user_id = m.user_id AND s.studied_on >= ? AND s.studied_on < ?) AS minutes30`,
			tomorrow, from7, tomorrow, from30, tomorrow)
	err := scope.memberRows(q).Scan(&out).Error
	return out, wrapCohortQuery(err, "study totals", scope.cohortID)
}

// loadCohortDailyMinutes returns the cohort's total study minutes per day from..to.
func loadCohortDailyMinutes(ctx context.Context, db *gorm.DB, cohortID int64, from, to time.Time) ([]cohortDayMinutes, error) {
	var out []cohortDayMinutes
	q := db.WithContext(ctx).Table("study_sessions").
		Select("studied_on, SUM(minutes) AS minutes").
		Where("user_id IN ("+cohortActiveMembers+") AND studied_on >= ? AND studied_on < ?", cohortID, cohortSQLDay(from), cohortSQLDay(AddDays(to, 1))).
		Group("studied_on")
	err := cohortEachRow(q, func(rows *sql.Rows) error {
		var d cohortDayMinutes
		err := rows.Scan(&d.On, &d.Minutes)
		out = append(out, d)
		return err
	})
	return out, wrapCohortQuery(err, "daily minutes", cohortID)
}

// loadCohortReadiness returns the members' stored readiness rows.
func loadCohortReadiness(ctx context.Context, db *gorm.DB, scope cohortScope) ([]ReadinessSummary, error) {
	var out []ReadinessSummary
	cond, args := scope.in("user_id")
	err := db.WithContext(ctx).Where(cond, args...).Find(&out).Error
	return out, wrapCohortQuery(err, "readiness", scope.cohortID)
}

// loadCohortOutlines returns every credential's exam outline from the live catalogue.
func loadCohortOutlines(ctx context.Context, db *gorm.DB) (map[string][]ExamDomain, error) {
	var rows []cohortDomainRow
	err := db.WithContext(ctx).Table("exam_domains").
		Select("credential_code, position, name, weight_low, weight_high").
		Order("credential_code, position").Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("load exam outlines: %w", err)
	}
	out := map[string][]ExamDomain{}
	for _, r := range rows {
		out[r.CredentialCode] = append(out[r.CredentialCode], ExamDomain{Position: r.Position, Name: r.Name, WeightLow: r.WeightLow, WeightHigh: r.WeightHigh})
	}
	return out, nil
}

// cohortScope selects a cohort's current members, or one of them when userID is set.
type cohortScope struct {
	cohortID int64
	userID   int64
}

// in returns the condition "col is a current member (in scope)" and its arguments.
func (s cohortScope) in(col string) (string, []any) {
	if s.userID == 0 {
		return col + " IN (" + cohortActiveMembers + ")", []any{s.cohortID}
	}
	return col + " = ? AND " + col + " IN (" + cohortActiveMembers + ")", []any{s.userID, s.cohortID}
}

// memberRows limits a query on cohort_members m to the scope.
func (s cohortScope) memberRows(q *gorm.DB) *gorm.DB {
	q = q.Where("m.cohort_id = ? AND m.left_at IS NULL", s.cohortID)
	if s.userID != 0 {
		q = q.Where("m.user_id = ?", s.userID)
	}
	return q
}

func wrapCohortQuery(err error, what string, cohortID int64) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("load %s of cohort %d: %w", what, cohortID, err)
}
