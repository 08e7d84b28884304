package models

import (
	"context"
	"time"

	"gorm.io/gorm"
)

// studyPaceWeeks is the window of the "current pace" the study plan compares with.
const studyPaceWeeks = 4

// StudentOverview gathers what the student pages and the dashboard show about one
// learner's preparation: their pathway, the target's exam outline, sessions, attempts
// and the rules computed from them.
type StudentOverview struct {
	Pathway         Pathway
	Outline         []ExamDomain
	Eligibility     EligibilityReport
	Log             []StudyLogEntry // newest first
	Sessions        []StudySession  // the same sessions, as the rules take them
	Attempts        []PracticeExamRecord
	Readiness       ReadinessReport
	Streak          int
	MinutesThisWeek int // Monday to today
	RecentPace      int // average weekly minutes over the last four weeks
}

// LoadStudentOverview loads a learner's preparation; ErrNotFound when they have no
// pathway yet.
func LoadStudentOverview(ctx context.Context, db *gorm.DB, userID int64, today time.Time) (StudentOverview, error) {
	var o StudentOverview
	var err error
	if o.Pathway, err = PathwayForUser(ctx, db, userID); err != nil {
		return o, err
	}
	if o.Outline, err = ExamOutlineFor(ctx, db, o.Pathway.TargetCode); err != nil {
		return o, err
	}
	if o.Log, err = StudyLog(ctx, db, userID); err != nil {
		return o, err
	}
	if o.Attempts, err = PracticeExams(ctx, db, userID); err != nil {
		return o, err
	}
	o.compute(today)
	return o, nil
}

func (o *StudentOverview) compute(today time.Time) {
	o.Eligibility = Eligibility(o.Pathway.Facts(), today)
	o.Sessions = StudySessions(o.Log)
	o.Streak = StudyStreak(StudyDates(o.Sessions), today)
	o.MinutesThisWeek = MinutesInLastDays(o.Sessions, today, DaysBetween(weekStart(today), today)+1)
	o.RecentPace = RecentWeeklyMinutes(o.Sessions, today, studyPaceWeeks)
	o.Readiness = Readiness(AttemptsFor(o.Attempts, o.Pathway.TargetCode), o.Outline, today)
}

// GoalMet reports whether the learner set a weekly goal and has reached it this week.
func (o StudentOverview) GoalMet() bool {
	return o.Pathway.WeeklyGoalMinutes > 0 && o.MinutesThisWeek >= o.Pathway.WeeklyGoalMinutes
}

// Plan is the study plan for weeklyMinutes available a week.
func (o StudentOverview) Plan(weeklyMinutes int, today time.Time) StudyPlanReport {
	plan := StudyPlan(o.Readiness, o.Outline, weeklyMinutes, dateOrZero(o.Pathway.ExamScheduledOn), today, o.RecentPace)
	if o.Pathway.ExamResult == string(ExamResultPassed) {
		plan.Verdict = StudyPlanExamPassed
		plan.Explanation = "You passed your exam, so there is no date to prepare for; the split below is for keeping your knowledge fresh."
	}
	return plan
}

// DomainName returns the outline's name for a domain position, or "" when unknown.
func (o StudentOverview) DomainName(position int) string {
	for _, d := range o.Outline {
		if d.Position == position {
			return d.Name
		}
	}
	return ""
}
