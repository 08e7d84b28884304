package models

import (
	"context"
	"time"

	"gorm.io/gorm"
)

// cohortAttemptWindowDays limits the practice exams the dashboard reads. Readiness
// halves an attempt's weight every 30 days, so an attempt a year older than the newest
// weighs under 0.03% of it and cannot move the one-decimal figure; leaving older ones
// out keeps a two-year history from dominating the load. The drill-down reads all.
const cohortAttemptWindowDays = 366

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
	facts, err := loadCohortFacts(ctx, db, scope, AddDays(today, -cohortAttemptWindowDays), today)
	if err != nil {
		return nil, err
	}
	return facts.rows(c, today), nil
}

// cohortFacts is what the per-table queries returned, indexed by student.
type cohortFacts struct {
	members  []cohortMemberRow
	pathways map[int64]cohortPathwayRow
	courses  map[int64][]cohortCourseRow
	study    map[int64]cohortStudyRow
	attempts map[int64][]PracticeAttempt
	outlines map[string][]ExamDomain
	// attemptCodes holds each attempt's credential, aligned with attempts.
	attemptCodes map[int64][]string
}

// loadCohortFacts runs the dashboard's queries, concurrently: members, pathways,
// courses, study totals, exam outlines and practice exams with their domain scores.
func loadCohortFacts(ctx context.Context, db *gorm.DB, scope cohortScope, attemptsFrom, today time.Time) (cohortFacts, error) {
	f := cohortFacts{}
	var (
		pathways []cohortPathwayRow
		courses  []cohortCourseRow
		study    []cohortStudyRow
		attempts []cohortAttemptRow
	)
	err := cohortRunQueries(db,
		func() (err error) { f.members, err = loadCohortMembers(ctx, db, scope); return err },
		func() (err error) {
			attempts, err = loadCohortAttempts(ctx, db, scope, attemptsFrom, today)
			return err
		},
		func() (err error) { study, err = loadCohortStudy(ctx, db, scope, today); return err },
		func() (err error) { courses, err = loadCohortCourses(ctx, db, scope); return err },
		func() (err error) { pathways, err = loadCohortPathways(ctx, db, scope); return err },
		func() (err error) { f.outlines, err = loadCohortOutlines(ctx, db); return err },
	)
	if err != nil {
		return f, err
	}
	f.index(pathways, courses, study)
	f.indexAttempts(attempts)
	return f, nil
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

func (f *cohortFacts) indexAttempts(attempts []cohortAttemptRow) {
	f.attempts = make(map[int64][]PracticeAttempt, len(f.members))
	f.attemptCodes = make(map[int64][]string, len(f.members))
	for _, a := range attempts {
		f.attempts[a.UserID] = append(f.attempts[a.UserID], PracticeAttempt{
			TakenOn: a.TakenOn.Time, OverallPercent: a.OverallPercent, DomainPercents: a.DomainPercents,
		})
		f.attemptCodes[a.UserID] = append(f.attemptCodes[a.UserID], a.CredentialCode)
	}
}

// attemptsFor returns userID's attempts at the credential code.
func (f cohortFacts) attemptsFor(userID int64, code string) []PracticeAttempt {
	all, codes := f.attempts[userID], f.attemptCodes[userID]
	out := make([]PracticeAttempt, 0, len(all))
	for i, a := range all {
		if codes[i] == code {
			out = append(out, a)
		}
	}
	return out
}
