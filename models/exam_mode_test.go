package models

import (
	"math"
	"math/rand/v2"
	"testing"
	"time"
)

var studyEpoch = time.Date(2031, 6, 15, 10, 0, 0, 0, time.UTC)

// TestFSRSGoldenGoodGoodGood checks the numbers go-fsrs v3.3.1 gives a new card rated
// Good three times, each at its due time: stability ≈ 14.2 days, recall 0.90 when due.
func TestFSRSGoldenGoodGoodGood(t *testing.T) {
	s := NewScheduler(0.9)
	m, now := CardMemory{}, studyEpoch
	for i := 0; i < 3; i++ {
		m = s.Review(m, now, RatingGood)
		now = m.Due
	}
	if math.Abs(m.Stability-14.2) > 0.1 {
		t.Fatalf("got stability %.3f, want 14.2 ± 0.1", m.Stability)
	}
	if r := s.Recall(m, m.Due); math.Abs(r-0.90) > 0.01 {
		t.Fatalf("got recall %.3f at the due date, want 0.90 ± 0.01", r)
	}
	preview := NewScheduler(0.9).Preview(CardMemory{}, studyEpoch)
	want := map[Rating]string{RatingAgain: "1 min", RatingHard: "5 min", RatingGood: "10 min", RatingEasy: "16 d"}
	for r, label := range want {
		if got := IntervalLabel(studyEpoch, preview[r].Due); got != label {
			t.Errorf("%s: got %q, want %q", r.Label(), got, label)
		}
	}
}

func TestEffectiveDue(t *testing.T) {
	s := NewScheduler(ExamModeRetention)
	reviewed := s.Review(s.Review(s.Review(CardMemory{}, studyEpoch, RatingGood), studyEpoch.Add(10*time.Minute), RatingGood), studyEpoch.Add(24*time.Hour), RatingGood)
	examSoon := studyEpoch.Add(3 * 24 * time.Hour)
	tests := []struct {
		name   string
		m      CardMemory
		plan   ExamPlan
		pulled bool
	}{
		{"no exam keeps the FSRS due", reviewed, ExamPlan{}, false},
		{"new card keeps its due", CardMemory{}, ExamPlan{ExamAt: examSoon, Target: 0.9}, false},
		{"due before the exam keeps its due", reviewed, ExamPlan{ExamAt: reviewed.Due.Add(48 * time.Hour), Target: 0.99}, false},
		{"recall already on target keeps its due", reviewed, ExamPlan{ExamAt: reviewed.Due.Add(-time.Hour), Target: 0.5}, false},
		{"low exam-day recall is pulled in", reviewed, ExamPlan{ExamAt: reviewed.Due.Add(-time.Hour), Target: 0.95}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			now := studyEpoch.Add(25 * time.Hour)
			due, _ := EffectiveDue(s, tt.m, tt.plan, now)
			if tt.pulled == due.Equal(tt.m.Due) {
				t.Fatalf("got due %v for FSRS due %v, want pulled=%v", due, tt.m.Due, tt.pulled)
			}
			if tt.pulled {
				if !due.Before(tt.plan.ExamAt) || due.Before(now.Add(-24*time.Hour)) {
					t.Fatalf("got pulled due %v, want between now %v and the exam %v", due, now, tt.plan.ExamAt)
				}
				after := s.Review(tt.m, due, RatingGood)
				if r := s.Recall(after, tt.plan.ExamAt); r < tt.plan.Target {
					t.Fatalf("got exam-day recall %.3f after a Good review at the pulled due, want ≥ %.2f", r, tt.plan.Target)
				}
			}
		})
	}
}

func TestCanIntroduceNew(t *testing.T) {
	exam := ExamPlanFor(ptrTime(studyEpoch.AddDate(0, 0, 20)), 0.9)
	if !exam.CanIntroduceNew(studyEpoch) || exam.CanIntroduceNew(studyEpoch.AddDate(0, 0, 7)) || !(ExamPlan{}).CanIntroduceNew(studyEpoch) {
		t.Fatal("want new cards 20 days before the exam and without one, none 13 days before")
	}
}

func ptrTime(t time.Time) *time.Time { return &t }

// simResult is what one simulated learner did and how well they knew the cards on exam day.
type simResult struct {
	Reviews    int
	MeanRecall float64
	ShareUnder float64 // cards under 0.90 on exam day
	MaxPerDay  int
}

// simulate studies `cards` cards, `newPerDay` new a day, for `days` days with an exam on
// the last; the learner recalls a card with its predicted probability.
func simulate(seed uint64, cards, newPerDay, days int, examMode bool) simResult {
	rng := rand.New(rand.NewPCG(seed, 7))
	exam := studyEpoch.AddDate(0, 0, days)
	plan := ExamPlan{}
	if examMode {
		plan = ExamPlan{ExamAt: exam, Target: DefaultTargetRecall}
	}
	s := NewScheduler(plan.StudyRetention())
	mem := make([]CardMemory, 0, cards)
	due := make([]time.Time, 0, cards)
	res := simResult{}
	for day := 0; day < days; day++ {
		start := studyEpoch.AddDate(0, 0, day)
		end := start.Add(12 * time.Hour)
		for n := 0; n < newPerDay && len(mem) < cards && plan.CanIntroduceNew(start); n++ {
			mem, due = append(mem, CardMemory{Due: start}), append(due, start)
		}
		today := 0
		for {
			i, at := nextDue(due, start, end)
			if i < 0 {
				break
			}
			rating := RatingAgain
			if mem[i].State == MemoryNew || rng.Float64() < s.Recall(mem[i], at) {
				rating = RatingGood
			}
			mem[i] = s.Review(mem[i], at, rating)
			due[i], _ = EffectiveDue(s, mem[i], plan, at)
			res.Reviews++
			today++
		}
		res.MaxPerDay = max(res.MaxPerDay, today)
	}
	for _, m := range mem {
		r := s.Recall(m, exam)
		res.MeanRecall += r / float64(len(mem))
		if r < 0.9 {
			res.ShareUnder += 1 / float64(len(mem))
		}
	}
	return res
}

// nextDue returns the card due earliest before end and when it is reviewed (not
// before start), or -1.
func nextDue(due []time.Time, start, end time.Time) (int, time.Time) {
	best := -1
	for i, d := range due {
		if d.Before(end) && (best < 0 || d.Before(due[best])) {
			best = i
		}
	}
	if best < 0 {
		return -1, time.Time{}
	}
	if due[best].Before(start) {
		return best, start
	}
	return best, due[best]
}

// TestExamModeSimulation is the judge of the exam-mode rule (600 cards, 20 new a day,
// 90 days, fixed seeds). It enforces the targets of issue 16 (≥ 8% fewer reviews
// than plain FSRS at 0.90, mean exam-day recall within 0.01, ≤ 1% of cards under 0.90)
// and keeps the pages' beta label in step with the last.
func TestExamModeSimulation(t *testing.T) {
	if testing.Short() {
		t.Skip("simulation skipped in -short mode")
	}
	var plain, exam simResult
	for seed := uint64(1); seed <= 3; seed++ {
		p, e := simulate(seed, 600, 20, 90, false), simulate(seed, 600, 20, 90, true)
		plain.Reviews += p.Reviews
		exam.Reviews += e.Reviews
		plain.MeanRecall += p.MeanRecall / 3
		exam.MeanRecall += e.MeanRecall / 3
		plain.ShareUnder += p.ShareUnder / 3
		exam.ShareUnder += e.ShareUnder / 3
		exam.MaxPerDay = max(exam.MaxPerDay, e.MaxPerDay)
		plain.MaxPerDay = max(plain.MaxPerDay, p.MaxPerDay)
	}
	saving := 1 - float64(exam.Reviews)/float64(plain.Reviews)
	t.Logf("plain DR 0.90: %d reviews, mean exam-day recall %.4f, %.2f%% under 0.90, busiest day %d",
		plain.Reviews, plain.MeanRecall, 100*plain.ShareUnder, plain.MaxPerDay)
	t.Logf("exam mode:     %d reviews (%.1f%% fewer), mean exam-day recall %.4f, %.2f%% under 0.90, busiest day %d",
		exam.Reviews, 100*saving, exam.MeanRecall, 100*exam.ShareUnder, exam.MaxPerDay)
	if saving < 0.08 {
		t.Errorf("got %.1f%% fewer reviews in exam mode, want ≥ 8%%", 100*saving)
	}
	if math.Abs(exam.MeanRecall-plain.MeanRecall) > 0.01 {
		t.Errorf("got mean exam-day recall %.4f, want within 0.01 of plain %.4f", exam.MeanRecall, plain.MeanRecall)
	}
	if ExamModeBeta != (exam.ShareUnder > 0.01) {
		t.Errorf("got %.2f%% of cards under 0.90 on exam day with ExamModeBeta=%v: update the beta label", 100*exam.ShareUnder, ExamModeBeta)
	}
}
