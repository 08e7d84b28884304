package models_test

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"hitpath/app/testdb"
	"hitpath/models"
)

// queryCounter counts the SQL statements a session runs.
type queryCounter struct {
	logger.Interface
	n atomic.Int64
}

func (q *queryCounter) LogMode(logger.LogLevel) logger.Interface { return q }

func (q *queryCounter) Trace(context.Context, time.Time, func() (string, int64), error) {
	q.n.Add(1)
}

// dashboardQueries seeds a demo cohort of students students and returns how many
// queries its dashboard took.
func dashboardQueries(t *testing.T, dialect string, students int) (int64, models.CohortDashboard) {
	t.Helper()
	db := testdb.Open(t, dialect)
	ctx := context.Background()
	res, err := models.SeedDemoSchool(ctx, db, models.DemoOptions{Students: students, Cohorts: 1, Seed: 7, PasswordHash: "x"})
	if err != nil {
		t.Fatal(err)
	}
	c, err := models.CohortForInstructor(ctx, db, res.CohortIDs[0], res.Instructors[0].ID, false)
	if err != nil {
		t.Fatal(err)
	}
	counter := &queryCounter{Interface: logger.Discard}
	dash, err := models.LoadCohortDashboard(ctx, db.Session(&gorm.Session{Logger: counter}), c, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	return counter.n.Load(), dash
}

// TestCohortDashboardQueryCountIsFixed proves the dashboard loader runs the same number
// of queries for 10 and for 100 students: no query per student.
func TestCohortDashboardQueryCountIsFixed(t *testing.T) {
	for _, dialect := range testdb.Dialects() {
		t.Run(dialect, func(t *testing.T) {
			small, smallDash := dashboardQueries(t, dialect, 10)
			large, largeDash := dashboardQueries(t, dialect, 100)
			if len(smallDash.Rows) != 10 || len(largeDash.Rows) != 100 {
				t.Fatalf("got %d and %d rows, want 10 and 100", len(smallDash.Rows), len(largeDash.Rows))
			}
			if small != large || small == 0 {
				t.Fatalf("got %d queries for 10 students and %d for 100, want the same fixed number", small, large)
			}
			t.Logf("%s: %d queries per dashboard", dialect, small)
		})
	}
}

// TestDemoSeedIsDeterministicAndRefusesTwice generates the same school from the same
// seed and refuses a second run on one database.
func TestDemoSeedIsDeterministicAndRefusesTwice(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *gorm.DB) {
		ctx := context.Background()
		today := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
		opts := models.DemoOptions{Students: 20, Cohorts: 2, Seed: 42, PasswordHash: "x", Today: today}
		first, err := models.SeedDemoSchool(ctx, db, opts)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := models.SeedDemoSchool(ctx, db, opts); err != models.ErrDemoSeeded {
			t.Fatalf("got %v on a second run, want ErrDemoSeeded", err)
		}
		other := testdb.Open(t, db.Dialector.Name())
		again, err := models.SeedDemoSchool(ctx, other, opts)
		if err != nil {
			t.Fatal(err)
		}
		if first.StudySessions != again.StudySessions || first.PracticeExams != again.PracticeExams || first.StudySessions == 0 {
			t.Fatalf("got %d/%d then %d/%d sessions/exams from one seed, want the same non-zero counts",
				first.StudySessions, first.PracticeExams, again.StudySessions, again.PracticeExams)
		}
	})
}
