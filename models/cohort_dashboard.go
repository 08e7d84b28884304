package models

import (
	"context"
	"time"

	"gorm.io/gorm"
)

// dashboardAttemptWindowDays limits the practice exams the dashboard reads. Readiness
// halves an attempt's weight every 30 days, so an attempt a year older than the newest
// weighs under 0.03% of it and cannot move the one-decimal figure; leaving older ones
// out keeps a two-year history from dominating the load. The drill-down reads all.
const dashboardAttemptWindowDays = 366

// dashboardChartWeeks is how many weeks the cohort's study chart shows.
const dashboardChartWeeks = 12

// CohortDashboard is everything an instructor's cohort page shows.
type CohortDashboard struct {
	Cohort   Cohort
	Rows     []StudentRow
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
	rows, err := loadStudentRows(ctx, db, c, memberScope{cohortID: c.ID}, today)
	if err != nil {
		return CohortDashboard{}, err
	}
	dash := CohortDashboard{Cohort: c, Today: today, Rows: rows}
	weeksFrom := AddDays(studentMonday(today), -7*(dashboardChartWeeks-1))
	daily, err := loadCohortDailyMinutes(ctx, db, c.ID, weeksFrom, today)
	if err != nil {
		return CohortDashboard{}, err
	}
	sessions := make([]StudySession, len(daily))
	for i, d := range daily {
		sessions[i] = StudySession{On: d.On.Time, Minutes: d.Minutes}
	}
	dash.Weekly = WeeklyMinutes(sessions, weeksFrom, today)
	if dash.Outcomes, err = loadCohortOutcomes(ctx, db, c.ID, dash.Rows, today); err != nil {
		return CohortDashboard{}, err
	}
	return dash, nil
}

// loadStudentRows computes the dashboard rows of the members in scope.
func loadStudentRows(ctx context.Context, db *gorm.DB, c Cohort, scope memberScope, today time.Time) ([]StudentRow, error) {
	facts, err := loadCohortFacts(ctx, db, scope, AddDays(today, -dashboardAttemptWindowDays), today)
	if err != nil {
		return nil, err
	}
	return facts.rows(c, today), nil
}

// cohortFacts is what the per-table queries returned, indexed by student.
type cohortFacts struct {
	members  []memberFacts
	pathways map[int64]pathwayFacts
	courses  map[int64][]courseFacts
	study    map[int64]studyFacts
	attempts map[int64][]PracticeAttempt
	outlines map[string][]ExamDomain
	// attemptCodes holds each attempt's credential, aligned with attempts.
	attemptCodes map[int64][]string
}

// loadCohortFacts runs the dashboard's queries: members, pathways, courses, study
// totals, practice exams, their domain scores and the exam outlines.
func loadCohortFacts(ctx context.Context, db *gorm.DB, scope memberScope, attemptsFrom, today time.Time) (cohortFacts, error) {
	f := cohortFacts{pathways: map[int64]pathwayFacts{}, courses: map[int64][]courseFacts{}, study: map[int64]studyFacts{}}
	var err error
	if f.members, err = loadMembers(ctx, db, scope); err != nil || len(f.members) == 0 {
		return f, err
	}
	pathways, err := loadPathways(ctx, db, scope)
	if err != nil {
		return f, err
	}
	for _, p := range pathways {
		f.pathways[p.UserID] = p
	}
	courses, err := loadCourses(ctx, db, scope)
	if err != nil {
		return f, err
	}
	for _, c := range courses {
		f.courses[c.UserID] = append(f.courses[c.UserID], c)
	}
	study, err := loadStudy(ctx, db, scope, today)
	if err != nil {
		return f, err
	}
	for _, s := range study {
		f.study[s.UserID] = s
	}
	if f.outlines, err = loadOutlines(ctx, db); err != nil {
		return f, err
	}
	err = f.loadAttempts(ctx, db, scope, attemptsFrom, today)
	return f, err
}

func (f *cohortFacts) loadAttempts(ctx context.Context, db *gorm.DB, scope memberScope, from, today time.Time) error {
	attempts, err := loadAttempts(ctx, db, scope, from, today)
	if err != nil {
		return err
	}
	scores, err := loadScores(ctx, db, scope, from, today)
	if err != nil {
		return err
	}
	byAttempt := make(map[int64]map[int]float64, len(attempts))
	for _, s := range scores {
		if byAttempt[s.PracticeExamID] == nil {
			byAttempt[s.PracticeExamID] = make(map[int]float64, 6)
		}
		byAttempt[s.PracticeExamID][s.DomainPosition] = s.Percent
	}
	f.attempts = make(map[int64][]PracticeAttempt, len(f.members))
	f.attemptCodes = make(map[int64][]string, len(f.members))
	for _, a := range attempts {
		f.attempts[a.UserID] = append(f.attempts[a.UserID], PracticeAttempt{
			TakenOn: a.TakenOn.Time, OverallPercent: a.OverallPercent, DomainPercents: byAttempt[a.ID],
		})
		f.attemptCodes[a.UserID] = append(f.attemptCodes[a.UserID], a.CredentialCode)
	}
	return nil
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
