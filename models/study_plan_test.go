package models

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// planReadiness builds a readiness report with the given domain scores over
// readinessOutline; a negative score means no data for that domain.
func planReadiness(percent float64, scores ...float64) ReadinessReport {
	r := ReadinessReport{HasData: true, Percent: percent}
	for i, d := range readinessOutline {
		dr := DomainReadiness{Position: d.Position, Name: d.Name, Weight: d.Midpoint()}
		if scores[i] >= 0 {
			dr.HasData, dr.Percent = true, scores[i]
		}
		r.Domains = append(r.Domains, dr)
	}
	return r
}

func TestStudyPlanSplit(t *testing.T) {
	tests := []struct {
		name        string
		readiness   ReadinessReport
		available   int
		wantTotal   int
		wantMinutes []int
		wantKnown   []bool
	}{
		{
			name: "no data: every domain at the default 50, split by weight", readiness: ReadinessReport{},
			available: 60, wantTotal: 60, wantMinutes: []int{30, 20, 10}, wantKnown: []bool{false, false, false},
		},
		{
			name: "mastered domain keeps the floor, weak domain gets most", readiness: planReadiness(55, 100, 0, 50),
			available: 120, wantTotal: 120, wantMinutes: []int{15, 80, 25}, wantKnown: []bool{true, true, true},
		},
		{
			name: "missing domain uses the default score", readiness: planReadiness(70, 70, 70, -1),
			available: 120, wantTotal: 120, wantMinutes: []int{55, 35, 30}, wantKnown: []bool{true, true, false},
		},
		{
			name: "zero weekly minutes", readiness: planReadiness(55, 40, 50, 60),
			available: 0, wantTotal: 0, wantMinutes: []int{0, 0, 0}, wantKnown: []bool{true, true, true},
		},
		{
			name: "negative minutes count as none", readiness: ReadinessReport{},
			available: -30, wantTotal: 0, wantMinutes: []int{0, 0, 0}, wantKnown: []bool{false, false, false},
		},
		{
			name: "62 minutes round down to 60", readiness: ReadinessReport{},
			available: 62, wantTotal: 60, wantMinutes: []int{30, 20, 10}, wantKnown: []bool{false, false, false},
		},
		{
			name: "63 minutes round up to 65", readiness: ReadinessReport{},
			available: 63, wantTotal: 65, wantMinutes: []int{30, 20, 15}, wantKnown: []bool{false, false, false},
		},
		{
			name: "fewer blocks than domains: the lightest goes without", readiness: ReadinessReport{},
			available: 10, wantTotal: 10, wantMinutes: []int{5, 5, 0}, wantKnown: []bool{false, false, false},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := StudyPlan(tt.readiness, readinessOutline, tt.available, time.Time{}, readinessToday, 0)
			minutes, known, sum := []int{}, []bool{}, 0
			for _, d := range got.Domains {
				minutes = append(minutes, d.Minutes)
				known = append(known, d.ScoreKnown)
				sum += d.Minutes
			}
			if got.WeeklyMinutes != tt.wantTotal || sum != tt.wantTotal {
				t.Errorf("total: got %v (domains sum %v), want %v", got.WeeklyMinutes, sum, tt.wantTotal)
			}
			if !slices.Equal(minutes, tt.wantMinutes) {
				t.Errorf("minutes: got %v, want %v", minutes, tt.wantMinutes)
			}
			if !slices.Equal(known, tt.wantKnown) {
				t.Errorf("known: got %v, want %v", known, tt.wantKnown)
			}
		})
	}
}

func TestStudyPlanSumsToTotalForEveryAmount(t *testing.T) {
	outline := DefaultExamOutlines()[string(TargetRHIT)]
	readiness := Readiness(benchmarkAttempts(12), outline, stuDay(2026, 5, 22))
	for available := 0; available <= 900; available += 5 {
		got := StudyPlan(readiness, outline, available, time.Time{}, readinessToday, 0)
		sum, zero := 0, 0
		for _, d := range got.Domains {
			sum += d.Minutes
			if d.Minutes%5 != 0 {
				t.Errorf("%d minutes: got a domain with %v, want a multiple of 5", available, d.Minutes)
			}
			if d.Minutes == 0 {
				zero++
			}
		}
		if sum != available {
			t.Errorf("%d minutes: got sum %v, want %v", available, sum, available)
		}
		if available >= 5*len(outline) && zero > 0 {
			t.Errorf("%d minutes: got %v domains with none, want 0", available, zero)
		}
	}
}

func TestStudyPlanVerdict(t *testing.T) {
	today := stuDay(2026, 5, 22)
	in70Days := today.AddDate(0, 0, 70)
	tests := []struct {
		name        string
		readiness   ReadinessReport
		available   int
		examDate    time.Time
		today       time.Time
		recent      int
		want        StudyPlanVerdict
		wantDays    int
		wantWeeks   float64
		wantNeeded  int
		wantPace    int
		wantExplain string
	}{
		{name: "no exam date", readiness: planReadiness(50, 50, 50, 50), available: 300, recent: 300,
			want: StudyPlanNoExamDate, wantExplain: "Set an exam date"},
		{name: "exam date in the past", readiness: planReadiness(50, 50, 50, 50), examDate: today.AddDate(0, 0, -1), recent: 300,
			want: StudyPlanExamDatePassed, wantExplain: "has passed"},
		{name: "pace covers exactly what is needed", readiness: planReadiness(50, 50, 50, 50), available: 300, examDate: in70Days, recent: 300,
			want: StudyPlanRealistic, wantDays: 70, wantWeeks: 10, wantNeeded: 3000, wantPace: 3000, wantExplain: "about 50 hours of study"},
		{name: "pace covers 80%: tight", readiness: planReadiness(50, 50, 50, 50), available: 240, examDate: in70Days, recent: 240,
			want: StudyPlanTight, wantDays: 70, wantWeeks: 10, wantNeeded: 3000, wantPace: 2400, wantExplain: "about 40 hours before the exam"},
		{name: "pace covers 20%, plan would do", readiness: planReadiness(50, 50, 50, 50), available: 300, examDate: in70Days, recent: 60,
			want: StudyPlanReachableWithPlan, wantDays: 70, wantWeeks: 10, wantNeeded: 3000, wantPace: 600, wantExplain: "300 minutes a week you planned would be enough"},
		{name: "no practice exams: assumed 40%", readiness: ReadinessReport{}, available: 300, examDate: in70Days, recent: 420,
			want: StudyPlanRealistic, wantDays: 70, wantWeeks: 10, wantNeeded: 4200, wantPace: 4200, wantExplain: "no practice exams yet"},
		{name: "already above target, exam today", readiness: planReadiness(80, 80, 80, 80), examDate: today, recent: 0,
			want: StudyPlanRealistic, wantExplain: "at or above the 75% target"},
		{name: "exam today, far from ready", readiness: planReadiness(50, 50, 50, 50), available: 300, examDate: today, recent: 300,
			want: StudyPlanUnrealistic, wantNeeded: 3000},
		{name: "negative recent minutes count as none", readiness: planReadiness(70, 70, 70, 70), examDate: in70Days, recent: -50,
			want: StudyPlanUnrealistic, wantDays: 70, wantWeeks: 10, wantNeeded: 600},
		{name: "leap year: Feb 1 to Mar 1, 2024 is 29 days", readiness: planReadiness(70, 70, 70, 70), examDate: stuDay(2024, 3, 1), today: stuDay(2024, 2, 1), recent: 130,
			want: StudyPlanTight, wantDays: 29, wantWeeks: 4.1, wantNeeded: 600, wantPace: 539},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			now := tt.today
			if now.IsZero() {
				now = today
			}
			got := StudyPlan(tt.readiness, readinessOutline, tt.available, tt.examDate, now, tt.recent)
			if got.Verdict != tt.want {
				t.Errorf("verdict: got %v, want %v (%s)", got.Verdict, tt.want, got.Explanation)
			}
			if got.DaysUntilExam != tt.wantDays || got.WeeksUntilExam != tt.wantWeeks {
				t.Errorf("time left: got %v days, %v weeks; want %v, %v", got.DaysUntilExam, got.WeeksUntilExam, tt.wantDays, tt.wantWeeks)
			}
			if got.MinutesNeeded != tt.wantNeeded || got.MinutesAtCurrentPace != tt.wantPace {
				t.Errorf("minutes: got needed %v, pace %v; want %v, %v", got.MinutesNeeded, got.MinutesAtCurrentPace, tt.wantNeeded, tt.wantPace)
			}
			if !strings.Contains(got.Explanation, tt.wantExplain) {
				t.Errorf("explanation: got %q, want it to contain %q", got.Explanation, tt.wantExplain)
			}
		})
	}
}

// TestStudyPlanVerdictsNeverContradictThemselves checks every verdict's words and
// colour come from the one table, and that the explanation agrees with the verdict:
// only "reachable with your plan" says the plan would be enough, and planning enough
// minutes (the 600 of the report) is never "unrealistic".
func TestStudyPlanVerdictsNeverContradictThemselves(t *testing.T) {
	today := stuDay(2031, 6, 15)
	in70Days := today.AddDate(0, 0, 70)
	half := planReadiness(50, 50, 50, 50) // 3000 minutes needed
	tests := []struct {
		name              string
		planned, recent   int
		want              StudyPlanVerdict
		tone, label, says string
	}{
		{"recent pace enough", 300, 300, StudyPlanRealistic, "ok", "Realistic", "Keep it up."},
		{"only the plan is enough", 300, 60, StudyPlanReachableWithPlan, "warn", "Reachable with your plan", "300 minutes a week you planned would be enough"},
		{"600 planned minutes", 600, 60, StudyPlanReachableWithPlan, "warn", "Reachable with your plan", "600 minutes a week you planned would be enough"},
		{"plan covers 80%", 240, 60, StudyPlanTight, "warn", "Tight", "add a little each week"},
		{"neither close", 60, 60, StudyPlanUnrealistic, "bad", "Unrealistic", "fall well short"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := StudyPlan(half, readinessOutline, tt.planned, in70Days, today, tt.recent)
			if got.Verdict != tt.want || got.Verdict.Tone() != tt.tone || got.Verdict.Label() != tt.label {
				t.Fatalf("got %s (%s, %s), want %s (%s, %s)", got.Verdict, got.Verdict.Label(), got.Verdict.Tone(), tt.want, tt.label, tt.tone)
			}
			if !strings.Contains(got.Explanation, tt.says) {
				t.Errorf("got %q, want it to say %q", got.Explanation, tt.says)
			}
			if enough := strings.Contains(got.Explanation, "would be enough"); enough != (got.Verdict == StudyPlanReachableWithPlan) {
				t.Errorf("verdict %s contradicted by %q", got.Verdict, got.Explanation)
			}
		})
	}
	for _, v := range []StudyPlanVerdict{StudyPlanNoExamDate, StudyPlanExamDatePassed, StudyPlanExamPassed} {
		if v.Label() == "" || v.Tone() == "" {
			t.Errorf("verdict %s has no words in the table", v)
		}
	}
}
