package models

import (
	"fmt"
	"strings"
	"time"
)

// riskOverdueCoursesNamed: more are summarised as "and N more" to keep the cell short.
const riskOverdueCoursesNamed = 3

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
	// JoinedOn and SignedUpOn (cohort membership and account), when both set and
	// recent, give a newcomer the no-study period before "never studied" is flagged.
	JoinedOn   time.Time
	SignedUpOn time.Time
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

// AtRisk applies a cohort's at-risk rules with its thresholds to one student as of
// today and returns the flags that fired, in a fixed order (study, readiness,
// coursework); none means the student is not at risk. Each flag names its rule.
//
// A student with no practice exam inside the trend window is flagged under the
// readiness rule too: with the exam that close, unknown readiness is at least as
// worrying as low readiness. An exam date already past raises nothing; the exam status
// column shows it.
func AtRisk(s StudentRiskFacts, t RiskThresholds, today time.Time) []RiskFlag {
	today = DateOnly(today)
	var flags []RiskFlag
	if flag, ok := riskNoRecentStudy(s, t, today); ok {
		flags = append(flags, flag)
	}
	if flag, ok := riskLowReadiness(s, t, today); ok {
		flags = append(flags, flag)
	}
	if flag, ok := riskOverdueCoursework(s.Courses, today); ok {
		flags = append(flags, flag)
	}
	return flags
}

// riskNoRecentStudy flags a student idle for the threshold. A newcomer grace applies
// only while both the account and the cohort membership are younger than it: a
// student who has been on hitpath longer without studying is flagged at once.
func riskNoRecentStudy(s StudentRiskFacts, t RiskThresholds, today time.Time) (RiskFlag, bool) {
	flag := RiskFlag{Code: RiskNoRecentStudy}
	if s.LastStudyOn.IsZero() {
		since := s.JoinedOn
		if !s.SignedUpOn.IsZero() && (since.IsZero() || s.SignedUpOn.Before(since)) {
			since = s.SignedUpOn
		}
		if !since.IsZero() && DaysBetween(since, today) < t.NoStudyDays {
			return RiskFlag{}, false
		}
		flag.Message = fmt.Sprintf("No study logged since joining (rule: no study in %d days)", t.NoStudyDays)
		return flag, true
	}
	idle := DaysBetween(s.LastStudyOn, today)
	if idle < t.NoStudyDays {
		return RiskFlag{}, false
	}
	flag.Message = fmt.Sprintf("No study logged in %d days, since %s (rule: no study in %d days)",
		idle, formatDay(s.LastStudyOn), t.NoStudyDays)
	return flag, true
}

// riskLowReadiness flags readiness whose trend will not reach the passing level by
// the exam (within the trend window), and any readiness under the floor within the
// floor window, whatever the trend.
func riskLowReadiness(s StudentRiskFacts, t RiskThresholds, today time.Time) (RiskFlag, bool) {
	if s.ExamOn.IsZero() {
		return RiskFlag{}, false
	}
	daysLeft := DaysBetween(today, s.ExamOn)
	window := max(t.TrendWindowDays, t.FloorWindowDays)
	if daysLeft < 0 || daysLeft > window {
		return RiskFlag{}, false
	}
	when := riskExamWhen(daysLeft)
	flag := RiskFlag{Code: RiskLowReadinessNearExam}
	r := s.Readiness
	projected := ProjectReadiness(r, daysLeft)
	switch {
	case !r.HasData && daysLeft <= t.TrendWindowDays:
		flag.Message = fmt.Sprintf("No practice exam yet and the exam is %s (rule: readiness must be on course for %.0f%% within %d days of the exam)",
			when, t.PassingPercent, t.TrendWindowDays)
	case r.HasData && daysLeft <= t.FloorWindowDays && r.Percent < t.FloorPercent:
		flag.Message = fmt.Sprintf("Readiness %.1f%% and the exam is %s (rule: readiness under %.0f%% within %d days of the exam)",
			r.Percent, when, t.FloorPercent, t.FloorWindowDays)
	case r.HasData && daysLeft <= t.TrendWindowDays && projected < t.PassingPercent:
		flag.Message = fmt.Sprintf("Readiness %.1f%%, on course for %.1f%% by the exam %s (rule: trend short of %.0f%% within %d days of the exam)",
			r.Percent, projected, when, t.PassingPercent, t.TrendWindowDays)
	default:
		return RiskFlag{}, false
	}
	return flag, true
}

// ProjectReadiness extends the readiness trend to daysLeft from now: the current
// percent plus the trend's slope, capped to 0–100. A single attempt has no slope.
func ProjectReadiness(r ReadinessReport, daysLeft int) float64 {
	projected := r.Percent + r.TrendPer30Days*float64(daysLeft)/30
	return readinessRound1(min(max(projected, 0), 100))
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

// CourseworkShare is how far a student is through the core coursework: the one
// definition the student's page, the instructor's dashboard and the CSV all show.
type CourseworkShare struct {
	// Done is the completed courses of the catalogue; Total the catalogue's courses,
	// whether or not the student has put them on a plan yet.
	Done, Total int
	// Percent is Done of Total, rounded down so 100% means every course is done; 0
	// for an empty catalogue (callers show "no courses" by Total).
	Percent int
}

// CourseworkOf returns the share for done completed courses of a catalogue of total.
func CourseworkOf(done, total int) CourseworkShare {
	share := CourseworkShare{Done: min(done, total), Total: total}
	if total > 0 {
		share.Percent = share.Done * 100 / total
	}
	return share
}
