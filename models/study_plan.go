package models

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"time"
)

// Study plan model. These are planning assumptions, not research findings; they are
// named so they can be tuned in one place and are shown in the plan's explanation.
const (
	// studyPlanStepMinutes: minutes are handed out in 5-minute blocks, a unit people plan in.
	studyPlanStepMinutes = 5
	// studyPlanUnknownScore is the score assumed for a domain with no practice data:
	// halfway, so an untried domain gets a fair share and the student is nudged to test it.
	studyPlanUnknownScore = 50.0
	// studyPlanMinimumGap is the floor of a domain's need: even a domain at 100% keeps
	// 10 points of gap, so every domain is revisited before the exam.
	studyPlanMinimumGap = 10.0
	// studyPlanTargetReadiness is the readiness aimed for: a margin above a pass, since
	// practice exams flatter a little. It is not an official pass mark.
	studyPlanTargetReadiness = 75.0
	// studyPlanAssumedReadiness stands in for readiness when there are no practice exams.
	studyPlanAssumedReadiness = 40.0
	// studyPlanMinutesPerPoint is the study time one readiness point is assumed to take
	// (2 hours): from 50% to 75% is then 50 hours, about six weeks at 8 hours a week.
	// It is a starting guess to be tuned against students' real progress.
	studyPlanMinutesPerPoint = 120.0
	// studyPlanTightRatio: the current pace covering at least 75% of the time needed is
	// "tight" (reachable by studying a little more); less than that is "unrealistic".
	studyPlanTightRatio = 0.75
)

// StudyPlanVerdict says whether the exam date looks reachable at the current pace.
type StudyPlanVerdict string

// Study plan verdicts.
const (
	StudyPlanRealistic      StudyPlanVerdict = "realistic"
	StudyPlanTight          StudyPlanVerdict = "tight"
	StudyPlanUnrealistic    StudyPlanVerdict = "unrealistic"
	StudyPlanNoExamDate     StudyPlanVerdict = "no_exam_date"
	StudyPlanExamDatePassed StudyPlanVerdict = "exam_date_passed"
	// StudyPlanExamPassed means the learner already passed: the split is for upkeep only.
	StudyPlanExamPassed StudyPlanVerdict = "exam_passed"
)

// DomainPlan is the weekly study time suggested for one exam domain.
type DomainPlan struct {
	Position   int
	Name       string
	Score      float64 // the readiness score used; studyPlanUnknownScore when ScoreKnown is false
	ScoreKnown bool
	Minutes    int // per week, a multiple of 5
}

// StudyPlanReport is a weekly study split and a verdict on the exam date.
type StudyPlanReport struct {
	WeeklyMinutes        int          // the available minutes rounded to 5; the domains sum to it
	Domains              []DomainPlan // in outline order
	HasExamDate          bool
	DaysUntilExam        int
	WeeksUntilExam       float64 // one decimal
	MinutesNeeded        int     // to reach studyPlanTargetReadiness
	MinutesAtCurrentPace int     // recentWeeklyMinutes until the exam
	MinutesAtPlannedPace int     // WeeklyMinutes until the exam
	Verdict              StudyPlanVerdict
	Explanation          string
}

// StudyPlan splits weeklyMinutesAvailable across the outline's domains and judges the
// exam date against the student's recent pace (recentWeeklyMinutes).
//
// Split: each domain's need is midpoint weight × max(100 − score, 10), so time goes
// where the exam puts many points and the student scores low. The available minutes
// are rounded to 5; when there are enough, each domain first gets one 5-minute block,
// and the rest is shared in proportion to need by largest remainder, so the blocks add
// up exactly to the total. With fewer blocks than domains some domains get none.
//
// Verdict: minutes needed = (75 − readiness) × 120 (readiness 40 without practice
// data), compared with recentWeeklyMinutes × days left / 7.
func StudyPlan(readiness ReadinessReport, outline []ExamDomain, weeklyMinutesAvailable int, examDate, today time.Time, recentWeeklyMinutes int) StudyPlanReport {
	report := StudyPlanReport{Domains: studyPlanDomains(readiness, outline)}
	blocks := 0
	if weeklyMinutesAvailable > 0 {
		blocks = int(math.Round(float64(weeklyMinutesAvailable) / studyPlanStepMinutes))
	}
	report.WeeklyMinutes = blocks * studyPlanStepMinutes
	studyPlanSplit(report.Domains, outline, blocks)
	studyPlanJudge(&report, readiness, examDate, today, recentWeeklyMinutes)
	return report
}

func studyPlanDomains(readiness ReadinessReport, outline []ExamDomain) []DomainPlan {
	known := make(map[int]float64, len(readiness.Domains))
	for _, d := range readiness.Domains {
		if d.HasData {
			known[d.Position] = d.Percent
		}
	}
	plans := make([]DomainPlan, len(outline))
	for i, d := range outline {
		score, ok := known[d.Position]
		if !ok {
			score = studyPlanUnknownScore
		}
		plans[i] = DomainPlan{Position: d.Position, Name: d.Name, Score: score, ScoreKnown: ok}
	}
	return plans
}

// studyPlanSplit hands out blocks of 5 minutes: one per domain first, when there are
// enough, then the rest by largest remainder of the need-proportional quota.
func studyPlanSplit(plans []DomainPlan, outline []ExamDomain, blocks int) {
	if len(plans) == 0 || blocks <= 0 {
		return
	}
	needs := make([]float64, len(plans))
	totalNeed := 0.0
	for i, p := range plans {
		needs[i] = outline[i].Midpoint() * math.Max(100-p.Score, studyPlanMinimumGap)
		totalNeed += needs[i]
	}
	if totalNeed <= 0 { // all weights zero: share equally
		for i := range needs {
			needs[i] = 1
		}
		totalNeed = float64(len(needs))
	}

	given := make([]int, len(plans))
	if blocks >= len(plans) {
		for i := range given {
			given[i] = 1
		}
		blocks -= len(plans)
	}
	type remainder struct {
		index    int
		fraction float64
	}
	remainders := make([]remainder, len(plans))
	handed := 0
	for i := range plans {
		quota := float64(blocks) * needs[i] / totalNeed
		whole := int(math.Floor(quota))
		given[i] += whole
		handed += whole
		remainders[i] = remainder{index: i, fraction: quota - float64(whole)}
	}
	// Largest fraction first; on a tie the greater need, then outline order.
	slices.SortStableFunc(remainders, func(a, b remainder) int {
		if c := cmp.Compare(b.fraction, a.fraction); c != 0 {
			return c
		}
		return cmp.Compare(needs[b.index], needs[a.index])
	})
	for k := 0; k < blocks-handed; k++ {
		given[remainders[k%len(remainders)].index]++
	}
	for i := range plans {
		plans[i].Minutes = given[i] * studyPlanStepMinutes
	}
}

func studyPlanJudge(report *StudyPlanReport, readiness ReadinessReport, examDate, today time.Time, recentWeeklyMinutes int) {
	if examDate.IsZero() {
		report.Verdict = StudyPlanNoExamDate
		report.Explanation = "Set an exam date to see whether your study pace gets you there in time."
		return
	}
	report.HasExamDate = true
	days := DaysBetween(today, examDate)
	if days < 0 {
		report.Verdict = StudyPlanExamDatePassed
		report.Explanation = fmt.Sprintf("Your exam date (%s) has passed: record your result or choose a new date.", formatDay(examDate))
		return
	}
	report.DaysUntilExam = days
	report.WeeksUntilExam = readinessRound1(float64(days) / 7)

	current := studyPlanAssumedReadiness
	if readiness.HasData {
		current = readiness.Percent
	}
	report.MinutesNeeded = int(math.Round(math.Max(studyPlanTargetReadiness-current, 0) * studyPlanMinutesPerPoint))
	report.MinutesAtCurrentPace = int(math.Round(float64(max(recentWeeklyMinutes, 0)) * float64(days) / 7))
	report.MinutesAtPlannedPace = int(math.Round(float64(report.WeeklyMinutes) * float64(days) / 7))

	if report.MinutesNeeded == 0 {
		report.Verdict = StudyPlanRealistic
		report.Explanation = fmt.Sprintf("Your readiness is at or above the %.0f%% target: keep reviewing every domain until the exam.", studyPlanTargetReadiness)
		return
	}
	ratio := float64(report.MinutesAtCurrentPace) / float64(report.MinutesNeeded)
	switch {
	case ratio >= 1:
		report.Verdict = StudyPlanRealistic
	case ratio >= studyPlanTightRatio:
		report.Verdict = StudyPlanTight
	default:
		report.Verdict = StudyPlanUnrealistic
	}
	report.Explanation = studyPlanExplanation(*report, readiness.HasData)
}

func studyPlanExplanation(r StudyPlanReport, hasData bool) string {
	basis := "your practice exams"
	if !hasData {
		basis = fmt.Sprintf("a starting readiness of %.0f%% (no practice exams yet)", studyPlanAssumedReadiness)
	}
	text := fmt.Sprintf("Reaching %.0f%% readiness takes about %s of study, based on %s; at your recent pace you would study about %s before the exam.",
		studyPlanTargetReadiness, studyPlanHours(r.MinutesNeeded), basis, studyPlanHours(r.MinutesAtCurrentPace))
	if r.Verdict != StudyPlanRealistic && r.MinutesAtPlannedPace >= r.MinutesNeeded {
		text += fmt.Sprintf(" Studying the %d minutes a week you planned would be enough.", r.WeeklyMinutes)
	}
	return text
}

// studyPlanHours writes minutes as whole hours for people, e.g. "50 hours".
func studyPlanHours(minutes int) string {
	hours := (minutes + 30) / 60
	if hours == 1 {
		return "1 hour"
	}
	return fmt.Sprintf("%d hours", hours)
}
