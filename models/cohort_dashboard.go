package models

import (
	"context"
	"time"

	"gorm.io/gorm"
)

// cohortChartWeeks is how many weeks the cohort's study chart shows.
const cohortChartWeeks = 12

// CohortDashboard is everything an instructor's cohort page shows.
type CohortDashboard struct {
	Cohort   Cohort
	Rows     []CohortRow
	Weekly   []StudyWeek // the cohort's total study minutes per week, oldest first
	Outcomes CohortOutcomes
	Today    time.Time
}

// AtRiskCount is the number of students with at least one flag.
func (d CohortDashboard) AtRiskCount() int {
	n := 0
	for _, r := range d.Rows {
		if r.AtRisk() {
			n++
		}
	}
	return n
}

// LoadCohortDashboard loads the rows of every current member of c with a fixed number
// of queries, whatever the cohort's size, then applies the pure rules to each.
func LoadCohortDashboard(ctx context.Context, db *gorm.DB, c Cohort, today time.Time) (CohortDashboard, error) {
	today = DateOnly(today)
	dash := CohortDashboard{Cohort: c, Today: today}
	weeksFrom := AddDays(weekStart(today), -7*(cohortChartWeeks-1))
	var daily []cohortDayMinutes
	var outcomes cohortOutcomeFacts
	err := cohortRunQueries(db,
		func() (err error) {
			dash.Rows, err = loadCohortStudentRows(ctx, db, c, cohortScope{cohortID: c.ID}, today)
			return err
		},
		func() (err error) { daily, err = loadCohortDailyMinutes(ctx, db, c.ID, weeksFrom, today); return err },
		func() (err error) { outcomes, err = loadCohortOutcomeFacts(ctx, db, c.ID); return err },
	)
	if err != nil {
		return CohortDashboard{}, err
	}
	sessions := make([]StudySession, len(daily))
	for i, d := range daily {
		sessions[i] = StudySession{On: d.On.Time, Minutes: d.Minutes}
	}
	dash.Weekly = WeeklyMinutes(sessions, weeksFrom, today)
	dash.Outcomes = outcomes.outcomes(dash.Rows, today)
	return dash, nil
}

// loadCohortStudentRows computes the dashboard rows of the members in scope.
func loadCohortStudentRows(ctx context.Context, db *gorm.DB, c Cohort, scope cohortScope, today time.Time) ([]CohortRow, error) {
	facts, err := loadCohortFacts(ctx, db, scope, today)
	if err != nil {
		return nil, err
	}
	return facts.rows(c, today), nil
}

// cohortFacts is what the per-table queries returned, indexed by student.
type cohortFacts struct {
	members   []cohortMemberRow
	pathways  map[int64]cohortPathwayRow
	courses   map[int64][]cohortCourseRow
	study     map[int64]cohortStudyRow
	readiness map[memberCredential]ReadinessSummary
	// catalogue is how many core courses the catalogue holds: what coursework is out of.
	catalogue int
}

// memberCredential finds a member's stored readiness for a credential.
type memberCredential struct {
	userID int64
	code   string
}

// loadCohortFacts runs the dashboard's queries, concurrently: members, pathways,
// courses, study totals and stored readiness.
func loadCohortFacts(ctx context.Context, db *gorm.DB, scope cohortScope, today time.Time) (cohortFacts, error) {
	f := cohortFacts{}
	var (
		pathways  []cohortPathwayRow
		courses   []cohortCourseRow
		study     []cohortStudyRow
		readiness []ReadinessSummary
	)
	err := cohortRunQueries(db,
		func() (err error) { f.members, err = loadCohortMembers(ctx, db, scope); return err },
		func() (err error) { readiness, err = loadCohortReadiness(ctx, db, scope); return err },
		func() (err error) { study, err = loadCohortStudy(ctx, db, scope, today); return err },
		func() (err error) { courses, err = loadCohortCourses(ctx, db, scope); return err },
		func() (err error) { pathways, err = loadCohortPathways(ctx, db, scope); return err },
		func() (err error) { f.catalogue, err = CountCourses(ctx, db); return err },
	)
	if err != nil {
		return f, err
	}
	f.index(pathways, courses, study)
	f.readiness = make(map[memberCredential]ReadinessSummary, len(readiness))
	for _, r := range readiness {
		f.readiness[memberCredential{r.UserID, r.CredentialCode}] = r
	}
	return f, nil
}

// readinessFor returns the member's readiness for code; no stored row means no
// practice exams yet.
func (f cohortFacts) readinessFor(userID int64, code string) ReadinessReport {
	if s, ok := f.readiness[memberCredential{userID, code}]; ok {
		return s.Report()
	}
	return ReadinessReport{}
}

func (f *cohortFacts) index(pathways []cohortPathwayRow, courses []cohortCourseRow, study []cohortStudyRow) {
	f.pathways = make(map[int64]cohortPathwayRow, len(pathways))
	for _, p := range pathways {
		f.pathways[p.UserID] = p
	}
	f.courses = make(map[int64][]cohortCourseRow, len(f.members))
	for _, c := range courses {
		f.courses[c.UserID] = append(f.courses[c.UserID], c)
	}
	f.study = make(map[int64]cohortStudyRow, len(study))
	for _, s := range study {
		f.study[s.UserID] = s
	}
}
