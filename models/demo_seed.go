package models

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"gorm.io/gorm"
)

// ErrDemoSeeded means the database already holds the demo school.
var ErrDemoSeeded = errors.New("the demo school is already in this database")

// DemoEmailDomain marks the demo accounts, so a second run can refuse.
const DemoEmailDomain = "demo.hitpath.test"

// DemoOptions shape the generated school.
type DemoOptions struct {
	Students     int
	Cohorts      int    // default 10
	Instructors  int    // default 4
	Seed         uint64 // the same seed gives the same school
	Today        time.Time
	PasswordHash string // every demo account gets this password hash
}

// DemoResult says what was generated.
type DemoResult struct {
	Instructors   []User
	Students      int
	CohortIDs     []int64
	StudySessions int
	PracticeExams int
}

// demo rows, private to the generator: they mirror the students' tables.
type demoPathway struct {
	ID                     int64      `gorm:"column:id;primaryKey"`
	UserID                 int64      `gorm:"column:user_id"`
	TargetCode             string     `gorm:"column:target_code"`
	Education              string     `gorm:"column:education"`
	ProgramName            string     `gorm:"column:program_name"`
	Institution            string     `gorm:"column:institution"`
	Accreditation          string     `gorm:"column:accreditation"`
	ProgramStart           *time.Time `gorm:"column:program_start"`
	ExpectedGraduation     *time.Time `gorm:"column:expected_graduation"`
	PracticumHoursDone     int        `gorm:"column:practicum_hours_done"`
	PracticumHoursRequired int        `gorm:"column:practicum_hours_required"`
	ExamScheduledOn        *time.Time `gorm:"column:exam_scheduled_on"`
	ExamResult             string     `gorm:"column:exam_result"`
	PassedOn               *time.Time `gorm:"column:passed_on"`
	WeeklyGoalMinutes      int        `gorm:"column:weekly_goal_minutes"`
	CreatedAt              time.Time  `gorm:"column:created_at"`
	UpdatedAt              time.Time  `gorm:"column:updated_at"`
}

func (demoPathway) TableName() string { return "pathways" }

type demoCourse struct {
	ID          int64      `gorm:"column:id;primaryKey"`
	UserID      int64      `gorm:"column:user_id"`
	CourseID    int64      `gorm:"column:course_id"`
	Status      string     `gorm:"column:status"`
	DueOn       *time.Time `gorm:"column:due_on"`
	CompletedOn *time.Time `gorm:"column:completed_on"`
	Grade       string     `gorm:"column:grade"`
	UpdatedAt   time.Time  `gorm:"column:updated_at"`
}

func (demoCourse) TableName() string { return "learner_courses" }

type demoSession struct {
	ID             int64     `gorm:"column:id;primaryKey"`
	UserID         int64     `gorm:"column:user_id"`
	StudiedOn      time.Time `gorm:"column:studied_on"`
	Minutes        int       `gorm:"column:minutes"`
	CredentialCode string    `gorm:"column:credential_code"`
	DomainPosition int       `gorm:"column:domain_position"`
	Topic          string    `gorm:"column:topic"`
	Notes          string    `gorm:"column:notes"`
	CreatedAt      time.Time `gorm:"column:created_at"`
}

func (demoSession) TableName() string { return "study_sessions" }

type demoExam struct {
	ID             int64     `gorm:"column:id;primaryKey"`
	UserID         int64     `gorm:"column:user_id"`
	CredentialCode string    `gorm:"column:credential_code"`
	TakenOn        time.Time `gorm:"column:taken_on"`
	Source         string    `gorm:"column:source"`
	OverallPercent float64   `gorm:"column:overall_percent"`
	CreatedAt      time.Time `gorm:"column:created_at"`
}

func (demoExam) TableName() string { return "practice_exams" }

type demoScore struct {
	ID             int64   `gorm:"column:id;primaryKey"`
	PracticeExamID int64   `gorm:"column:practice_exam_id"`
	DomainPosition int     `gorm:"column:domain_position"`
	Percent        float64 `gorm:"column:percent"`
}

func (demoScore) TableName() string { return "practice_exam_scores" }

type demoHeld struct {
	ID             int64     `gorm:"column:id;primaryKey"`
	UserID         int64     `gorm:"column:user_id"`
	CredentialCode string    `gorm:"column:credential_code"`
	EarnedOn       time.Time `gorm:"column:earned_on"`
	CreatedAt      time.Time `gorm:"column:created_at"`
	UpdatedAt      time.Time `gorm:"column:updated_at"`
}

func (demoHeld) TableName() string { return "held_credentials" }

// demoBatch is the rows per INSERT: under both databases' parameter limits.
const demoBatch = 1000

// SeedDemoSchool generates a realistic school: instructors, cohorts, and students who
// joined them with consent, with pathways, coursework, two years of study sessions and
// practice exams with domain scores. It runs in one transaction and refuses to run on
// a database that already has the demo school.
func SeedDemoSchool(ctx context.Context, db *gorm.DB, opts DemoOptions) (DemoResult, error) {
	opts = opts.withDefaults()
	var res DemoResult
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var n int64
		if err := tx.Model(&User{}).Where("email LIKE ?", "%@"+DemoEmailDomain).Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return ErrDemoSeeded
		}
		g := &demoGenerator{tx: tx, opts: opts, rng: rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x9e3779b97f4a7c15)), today: DateOnly(opts.Today)}
		return g.run(&res)
	})
	if err != nil {
		if !errors.Is(err, ErrDemoSeeded) {
			err = fmt.Errorf("seed demo school: %w", err)
		}
		return res, err
	}
	// Refresh the planner's statistics: without them PostgreSQL plans the dashboard's
	// queries for empty tables and runs them many times slower.
	if err := db.WithContext(ctx).Exec("ANALYZE").Error; err != nil {
		return res, fmt.Errorf("analyze after demo seed: %w", err)
	}
	return res, nil
}

func (o DemoOptions) withDefaults() DemoOptions {
	if o.Cohorts <= 0 {
		o.Cohorts = 10
	}
	if o.Instructors <= 0 {
		o.Instructors = 4
	}
	if o.Today.IsZero() {
		o.Today = time.Now().UTC()
	}
	return o
}
