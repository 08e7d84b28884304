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
