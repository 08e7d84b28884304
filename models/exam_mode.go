package models

import (
	"sort"
	"time"
)

// Exam mode defaults: the retention a learner studies at while an exam date is set,
// the recall hitpath aims for on exam day, and how long before the exam new cards stop
// (a new card needs about two weeks of reviews to become stable).
const (
	PlainRetention      = 0.90
	ExamModeRetention   = 0.80
	DefaultTargetRecall = 0.90
	NewCardCutoff       = 14 * 24 * time.Hour
)

// ExamPlan is what exam mode aims at: the exam instant and the recall wanted then. A
// zero ExamAt means no exam date: plain FSRS.
type ExamPlan struct {
	ExamAt time.Time
	Target float64
}

// Active reports whether the plan has an exam date.
func (p ExamPlan) Active() bool { return !p.ExamAt.IsZero() }

// ExamPlanFor builds the plan for an exam taken on examOn (a date; the exam is taken to
// start at 08:00 UTC that day) with the target recall; a nil date is plain mode.
func ExamPlanFor(examOn *time.Time, target float64) ExamPlan {
	if examOn == nil {
		return ExamPlan{}
	}
	d := DateOnly(*examOn)
	return ExamPlan{ExamAt: d.Add(8 * time.Hour), Target: target}
}

// StudyRetention is the desired retention the scheduler aims each interval at: lower
// while an exam is planned, since the pull-in before the exam makes up the rest.
func (p ExamPlan) StudyRetention() float64 {
	if p.Active() {
		return ExamModeRetention
	}
	return PlainRetention
}

// CanIntroduceNew reports whether a new card may still be started at now: always
// without an exam, and until two weeks before it with one.
func (p ExamPlan) CanIntroduceNew(now time.Time) bool {
	return !p.Active() || p.ExamAt.Sub(now) >= NewCardCutoff
}

// EffectiveDue is when a card should next be shown under the plan, with its predicted
// recall at the exam. Without an exam, or when the card falls due before the exam or
// will still be recalled well enough on exam day, it is the FSRS due. Otherwise the
// review is pulled in: halfway between the earliest whole day before the exam at which
// a Good review lifts exam-day recall to the target and the day before the exam (which
// spreads the load and leaves a margin); when no single review can, to the moment the
// recall falls to the target. TestExamModeSimulation judges this rule.
func EffectiveDue(s Scheduler, m CardMemory, plan ExamPlan, now time.Time) (time.Time, float64) {
	if !plan.Active() || m.State == MemoryNew {
		return m.Due, 0
	}
	recall := s.Recall(m, plan.ExamAt)
	if !m.Due.After(plan.ExamAt) || recall >= plan.Target {
		return m.Due, recall
	}
	start := now
	if m.LastReview.After(start) {
		start = m.LastReview
	}
	days := int(plan.ExamAt.Sub(start) / (24 * time.Hour))
	reaches := func(k int) bool {
		at := plan.ExamAt.Add(-time.Duration(days-k) * 24 * time.Hour)
		return s.Recall(s.Review(m, at, RatingGood), plan.ExamAt) >= plan.Target
	}
	if days < 1 || !reaches(days-1) {
		return recallFallsTo(s, m, plan.Target, start, plan.ExamAt), recall
	}
	k := sort.Search(days-1, reaches) // earliest day offset that still reaches the target
	k += (days - 1 - k) / 2           // halfway to the last day: spreads the load, keeps a margin
	return plan.ExamAt.Add(-time.Duration(days-k) * 24 * time.Hour), recall
}

// recallFallsTo finds, to the hour, when the card's recall drops to target between
// from and until; from when it already has.
func recallFallsTo(s Scheduler, m CardMemory, target float64, from, until time.Time) time.Time {
	hours := int(until.Sub(from) / time.Hour)
	h := sort.Search(hours, func(i int) bool {
		return s.Recall(m, from.Add(time.Duration(i)*time.Hour)) < target
	})
	return from.Add(time.Duration(h) * time.Hour)
}

// ExamModeBeta is true while the exam-mode simulation leaves more than 1% of cards
// under 0.90 recall on exam day; the pages then label exam mode "beta".
const ExamModeBeta = false
