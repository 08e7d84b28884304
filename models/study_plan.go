package models

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
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
	StudyPlanRealistic StudyPlanVerdict = "realistic"
	// StudyPlanReachableWithPlan means the recent pace falls short but the weekly
	// minutes the student plans would be enough.
	StudyPlanReachableWithPlan StudyPlanVerdict = "reachable_with_plan"
	StudyPlanTight             StudyPlanVerdict = "tight"
	StudyPlanUnrealistic       StudyPlanVerdict = "unrealistic"
	StudyPlanNoExamDate        StudyPlanVerdict = "no_exam_date"
	StudyPlanExamDatePassed    StudyPlanVerdict = "exam_date_passed"
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
	report.Verdict = JudgeStudyPace(report.MinutesNeeded, report.MinutesAtCurrentPace, report.MinutesAtPlannedPace)
	report.Explanation = studyPlanExplanation(*report, readiness.HasData)
}

// JudgeStudyPace is the one verdict on an exam date with time left to study: the
// minutes needed against those the recent pace and the plan would give. Realistic
// when the recent pace covers it; reachable with the plan when only the plan does;
// tight when the better of the two covers at least 75%; unrealistic otherwise. The
// plan counts, so planning enough minutes is never met with "unrealistic".
func JudgeStudyPace(needed, atRecent, atPlanned int) StudyPlanVerdict {
	switch {
	case atRecent >= needed:
		return StudyPlanRealistic
	case atPlanned >= needed:
		return StudyPlanReachableWithPlan
	case float64(max(atRecent, atPlanned)) >= studyPlanTightRatio*float64(needed):
		return StudyPlanTight
	}
	return StudyPlanUnrealistic
}

// VerdictWords are a verdict's label and tone (ok, warn, bad or neutral: the colour).
type VerdictWords struct {
	Label, Tone string
	// advice ends the explanation of a verdict judged on pace.
	advice string
}

// studyPlanVerdictWords is the one table of what each verdict is called and how it
// is coloured, and the advice that ends its explanation.
var studyPlanVerdictWords = map[StudyPlanVerdict]VerdictWords{
	StudyPlanRealistic:         {"Realistic", "ok", "Keep it up."},
	StudyPlanReachableWithPlan: {"Reachable with your plan", "warn", "Studying the %d minutes a week you planned would be enough: the plan, not your recent pace, gets you there."},
	StudyPlanTight:             {"Tight", "warn", "Neither your recent pace nor the %d minutes a week you planned quite gets there: add a little each week."},
	StudyPlanUnrealistic:       {"Unrealistic", "bad", "Even the %d minutes a week you planned fall well short: plan more study time or a later exam date."},
	StudyPlanNoExamDate:        {"No exam date", "neutral", ""},
	StudyPlanExamDatePassed:    {"Exam date passed", "bad", ""},
	StudyPlanExamPassed:        {"Exam passed", "ok", ""},
}

// Label is the verdict's name for people.
func (v StudyPlanVerdict) Label() string { return studyPlanVerdictWords[v].Label }

// Tone is the verdict's colour: ok, warn, bad or neutral.
func (v StudyPlanVerdict) Tone() string { return studyPlanVerdictWords[v].Tone }

func studyPlanExplanation(r StudyPlanReport, hasData bool) string {
	basis := "your practice exams"
	if !hasData {
		basis = fmt.Sprintf("a starting readiness of %.0f%% (no practice exams yet)", studyPlanAssumedReadiness)
	}
	text := fmt.Sprintf("Reaching %.0f%% readiness takes about %s of study, based on %s; at your recent pace you would study about %s before the exam.",
		studyPlanTargetReadiness, studyPlanHours(r.MinutesNeeded), basis, studyPlanHours(r.MinutesAtCurrentPace))
	advice := studyPlanVerdictWords[r.Verdict].advice
	if strings.Contains(advice, "%d") {
		advice = fmt.Sprintf(advice, r.WeeklyMinutes)
	}
	return text + " " + advice
}

// studyPlanHours writes minutes as whole hours for people, e.g. "50 hours".
func studyPlanHours(minutes int) string {
	hours := (minutes + 30) / 60
	if hours == 1 {
		return "1 hour"
	}
	return fmt.Sprintf("%d hours", hours)
}
