package models

import (
	"fmt"
	"strings"
	"time"
)

// The cohort at-risk thresholds from DESIGN.md ("At risk").
const (
	riskNoStudyDays         = 14
	riskReadinessBelow      = 60.0
	riskExamWithinDays      = 30
	riskOverdueCoursesNamed = 3 // more are summarised as "and N more" to keep the cell short
)

// CourseStatus is where a student is with one course of their program.
type CourseStatus string

// Course statuses.
const (
	CoursePlanned    CourseStatus = "planned"
	CourseInProgress CourseStatus = "in_progress"
	CourseCompleted  CourseStatus = "completed"
)

// CourseFacts is one course on a student's plan.
type CourseFacts struct {
	Name   string
	Status CourseStatus
	DueOn  time.Time // the planned or due date; zero when none was set
}

// StudentRiskFacts is what the at-risk rule reads about one student.
type StudentRiskFacts struct {
	// LastStudyOn is the latest study session's date; zero means never.
	LastStudyOn time.Time
	// JoinedOn, when set, gives a newcomer 14 days before "never studied" is flagged.
	JoinedOn time.Time
	// Readiness is the student's readiness report (HasData false: no practice exams).
	Readiness ReadinessReport
	// ExamOn is the exam date that matters: the student's scheduled date if they have
	// one, else the cohort's target date; zero when neither is set.
	ExamOn  time.Time
	Courses []CourseFacts
}

// RiskCode identifies which at-risk rule fired, for filters and the CSV export.
type RiskCode string

// At-risk rules.
const (
	RiskNoRecentStudy        RiskCode = "no_recent_study"
	RiskLowReadinessNearExam RiskCode = "low_readiness_near_exam"
	RiskOverdueCoursework    RiskCode = "overdue_coursework"
)

// RiskFlag is one at-risk rule that fired, with a message an instructor can act on
// that names the rule.
type RiskFlag struct {
	Code    RiskCode
	Message string
}

// AtRisk applies the cohort at-risk rules to one student as of today and returns the
// flags that fired, in a fixed order (study, readiness, coursework); none means the
// student is not at risk.
//
// A student with no practice exam inside the 30-day window is flagged under the
// readiness rule too: with the exam that close, unknown readiness is at least as
// worrying as low readiness. An exam date already past raises nothing; the exam status
// column shows it.
func AtRisk(s StudentRiskFacts, today time.Time) []RiskFlag {
	today = DateOnly(today)
	var flags []RiskFlag
	if flag, ok := riskNoRecentStudy(s, today); ok {
		flags = append(flags, flag)
	}
	if flag, ok := riskLowReadiness(s, today); ok {
		flags = append(flags, flag)
	}
	if flag, ok := riskOverdueCoursework(s.Courses, today); ok {
		flags = append(flags, flag)
	}
	return flags
}

func riskNoRecentStudy(s StudentRiskFacts, today time.Time) (RiskFlag, bool) {
	flag := RiskFlag{Code: RiskNoRecentStudy}
	if s.LastStudyOn.IsZero() {
		if !s.JoinedOn.IsZero() && DaysBetween(s.JoinedOn, today) < riskNoStudyDays {
			return RiskFlag{}, false
		}
		flag.Message = fmt.Sprintf("No study logged yet (rule: no study in %d days)", riskNoStudyDays)
		return flag, true
	}
	idle := DaysBetween(s.LastStudyOn, today)
	if idle < riskNoStudyDays {
		return RiskFlag{}, false
	}
	flag.Message = fmt.Sprintf("No study logged in %d days, since %s (rule: no study in %d days)",
		idle, formatDay(s.LastStudyOn), riskNoStudyDays)
	return flag, true
}

func riskLowReadiness(s StudentRiskFacts, today time.Time) (RiskFlag, bool) {
	if s.ExamOn.IsZero() {
		return RiskFlag{}, false
	}
	daysLeft := DaysBetween(today, s.ExamOn)
	if daysLeft < 0 || daysLeft > riskExamWithinDays {
		return RiskFlag{}, false
	}
	rule := fmt.Sprintf("rule: readiness under %.0f%% within %d days of the exam", riskReadinessBelow, riskExamWithinDays)
	when := riskExamWhen(daysLeft)
	flag := RiskFlag{Code: RiskLowReadinessNearExam}
	switch {
	case !s.Readiness.HasData:
		flag.Message = fmt.Sprintf("No practice exam yet and the exam is %s (%s)", when, rule)
	case s.Readiness.Percent < riskReadinessBelow:
		flag.Message = fmt.Sprintf("Readiness %.1f%% and the exam is %s (%s)", s.Readiness.Percent, when, rule)
	default:
		return RiskFlag{}, false
	}
	return flag, true
}

func riskExamWhen(daysLeft int) string {
	switch daysLeft {
	case 0:
		return "today"
	case 1:
		return "tomorrow"
	}
	return fmt.Sprintf("in %d days", daysLeft)
}

// riskOverdueCoursework flags planned or in-progress courses whose date has passed;
// a course due today is not overdue yet.
func riskOverdueCoursework(courses []CourseFacts, today time.Time) (RiskFlag, bool) {
	var overdue []string
	for _, c := range courses {
		if (c.Status != CoursePlanned && c.Status != CourseInProgress) || c.DueOn.IsZero() || !DateOnly(c.DueOn).Before(today) {
			continue
		}
		overdue = append(overdue, fmt.Sprintf("%s (due %s)", c.Name, formatDay(c.DueOn)))
	}
	if len(overdue) == 0 {
		return RiskFlag{}, false
	}
	named := overdue[:min(len(overdue), riskOverdueCoursesNamed)]
	list := strings.Join(named, ", ")
	if extra := len(overdue) - len(named); extra > 0 {
		list += fmt.Sprintf(" and %d more", extra)
	}
	return RiskFlag{
		Code:    RiskOverdueCoursework,
		Message: fmt.Sprintf("Overdue coursework: %s (rule: a planned or in-progress course past its date)", list),
	}, true
}

// CourseworkPercent is the share of courses completed, rounded down so 100% means
// every course is done. It is 0 for no courses; callers show "no courses" by length.
func CourseworkPercent(statuses []CourseStatus) int {
	if len(statuses) == 0 {
		return 0
	}
	done := 0
	for _, s := range statuses {
		if s == CourseCompleted {
			done++
		}
	}
	return done * 100 / len(statuses)
}
