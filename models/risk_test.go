package models

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestAtRisk(t *testing.T) {
	today := stuDay(2026, 5, 22)
	daysAgo := func(n int) time.Time { return today.AddDate(0, 0, -n) }
	inDays := func(n int) time.Time { return today.AddDate(0, 0, n) }
	ready := func(percent float64) ReadinessReport { return ReadinessReport{HasData: true, Percent: percent} }
	rising := func(percent, per30 float64) ReadinessReport {
		return ReadinessReport{HasData: true, Percent: percent, TrendPer30Days: per30}
	}
	fine := StudentRiskFacts{LastStudyOn: daysAgo(1), Readiness: ready(80), ExamOn: inDays(10),
		Courses: []CourseFacts{{Name: "Healthcare Statistics", Status: CourseCompleted, DueOn: daysAgo(30)}}}
	with := func(change func(*StudentRiskFacts)) StudentRiskFacts {
		s := fine
		change(&s)
		return s
	}
	tests := []struct {
		name         string
		facts        StudentRiskFacts
		wantCodes    []RiskCode
		wantMessages []string // parts of each flag's message, in order
	}{
		{name: "nothing fires", facts: fine},
		{name: "studied 13 days ago", facts: with(func(s *StudentRiskFacts) { s.LastStudyOn = daysAgo(13) })},
		{
			name: "studied 14 days ago", facts: with(func(s *StudentRiskFacts) { s.LastStudyOn = daysAgo(14) }),
			wantCodes:    []RiskCode{RiskNoRecentStudy},
			wantMessages: []string{"No study logged in 14 days, since 8 May 2026 (rule: no study in 14 days)"},
		},
		{
			name: "never studied", facts: with(func(s *StudentRiskFacts) { s.LastStudyOn = time.Time{} }),
			wantCodes: []RiskCode{RiskNoRecentStudy}, wantMessages: []string{"No study logged since joining"},
		},
		{name: "never studied, joined 13 days ago", facts: with(func(s *StudentRiskFacts) { s.LastStudyOn, s.JoinedOn = time.Time{}, daysAgo(13) })},
		{
			name: "never studied, joined 14 days ago", facts: with(func(s *StudentRiskFacts) { s.LastStudyOn, s.JoinedOn = time.Time{}, daysAgo(14) }),
			wantCodes: []RiskCode{RiskNoRecentStudy}, wantMessages: []string{"No study logged since joining"},
		},
		{
			name: "no study in 30 days on hitpath, joined the cohort 5 days ago, exam in 41 days: no grace",
			facts: with(func(s *StudentRiskFacts) {
				s.LastStudyOn, s.JoinedOn, s.SignedUpOn, s.ExamOn = time.Time{}, daysAgo(5), daysAgo(30), inDays(41)
			}),
			wantCodes: []RiskCode{RiskNoRecentStudy}, wantMessages: []string{"No study logged since joining (rule: no study in 14 days)"},
		},
		{
			name: "readiness 28% with the exam 72 days away", facts: with(func(s *StudentRiskFacts) { s.Readiness, s.ExamOn = ready(28), inDays(72) }),
			wantCodes:    []RiskCode{RiskLowReadinessNearExam},
			wantMessages: []string{"Readiness 28.0% and the exam is in 72 days (rule: readiness under 50% within 90 days of the exam)"},
		},
		{
			name: "readiness 65% and flat, exam in 100 days: the trend falls short", facts: with(func(s *StudentRiskFacts) { s.Readiness, s.ExamOn = ready(65), inDays(100) }),
			wantCodes:    []RiskCode{RiskLowReadinessNearExam},
			wantMessages: []string{"Readiness 65.0%, on course for 65.0% by the exam in 100 days (rule: trend short of 70% within 120 days of the exam)"},
		},
		{name: "readiness 60% rising 3 points a month, exam in 100 days: on course for 70%", facts: with(func(s *StudentRiskFacts) {
			s.Readiness, s.ExamOn = rising(60, 3), inDays(100)
		})},
		{name: "readiness 45% far from the exam (121 days)", facts: with(func(s *StudentRiskFacts) { s.Readiness, s.ExamOn = ready(45), inDays(121) })},
		{name: "readiness exactly 70% and flat", facts: with(func(s *StudentRiskFacts) { s.Readiness = ready(70) })},
		{
			name: "low readiness, exam today", facts: with(func(s *StudentRiskFacts) { s.Readiness, s.ExamOn = ready(40), today }),
			wantCodes: []RiskCode{RiskLowReadinessNearExam}, wantMessages: []string{"the exam is today"},
		},
		{
			name: "low readiness, exam tomorrow", facts: with(func(s *StudentRiskFacts) { s.Readiness, s.ExamOn = ready(40), inDays(1) }),
			wantCodes: []RiskCode{RiskLowReadinessNearExam}, wantMessages: []string{"the exam is tomorrow"},
		},
		{name: "low readiness, exam date in the past", facts: with(func(s *StudentRiskFacts) { s.Readiness, s.ExamOn = ready(40), daysAgo(1) })},
		{name: "low readiness, no exam date", facts: with(func(s *StudentRiskFacts) { s.Readiness, s.ExamOn = ready(40), time.Time{} })},
		{
			name: "no practice exam with the exam close", facts: with(func(s *StudentRiskFacts) { s.Readiness = ReadinessReport{} }),
			wantCodes: []RiskCode{RiskLowReadinessNearExam}, wantMessages: []string{"No practice exam yet and the exam is in 10 days"},
		},
		{
			name: "planned course past its date", facts: with(func(s *StudentRiskFacts) {
				s.Courses = append(s.Courses, CourseFacts{Name: "Medical Terminology", Status: CoursePlanned, DueOn: daysAgo(1)})
			}),
			wantCodes:    []RiskCode{RiskOverdueCoursework},
			wantMessages: []string{"Overdue coursework: Medical Terminology (due 21 May 2026) (rule: a planned or in-progress course past its date)"},
		},
		{name: "course due today is not overdue", facts: with(func(s *StudentRiskFacts) {
			s.Courses = []CourseFacts{{Name: "Computer Systems", Status: CourseInProgress, DueOn: today}}
		})},
		{name: "course without a date is never overdue", facts: with(func(s *StudentRiskFacts) {
			s.Courses = []CourseFacts{{Name: "Computer Systems", Status: CourseInProgress}}
		})},
		{
			name: "five overdue courses: three named", facts: with(func(s *StudentRiskFacts) {
				s.Courses = nil
				for _, name := range []string{"A", "B", "C", "D", "E"} {
					s.Courses = append(s.Courses, CourseFacts{Name: name, Status: CourseInProgress, DueOn: daysAgo(3)})
				}
			}),
			wantCodes: []RiskCode{RiskOverdueCoursework}, wantMessages: []string{"A (due 19 May 2026), B (due 19 May 2026), C (due 19 May 2026) and 2 more"},
		},
		{
			name: "all three rules, in a fixed order", facts: StudentRiskFacts{
				LastStudyOn: daysAgo(20), Readiness: ready(45), ExamOn: inDays(5),
				Courses: []CourseFacts{{Name: "Healthcare Reimbursement Methods", Status: CourseInProgress, DueOn: daysAgo(2)}},
			},
			wantCodes:    []RiskCode{RiskNoRecentStudy, RiskLowReadinessNearExam, RiskOverdueCoursework},
			wantMessages: []string{"20 days", "Readiness 45.0%", "Healthcare Reimbursement Methods"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := AtRisk(tt.facts, DefaultRiskThresholds(), today)
			var codes []RiskCode
			for _, f := range got {
				codes = append(codes, f.Code)
			}
			if !slices.Equal(codes, tt.wantCodes) {
				t.Fatalf("got %v, want %v", codes, tt.wantCodes)
			}
			for i, want := range tt.wantMessages {
				if !strings.Contains(got[i].Message, want) {
					t.Errorf("message %d: got %q, want it to contain %q", i, got[i].Message, want)
				}
			}
		})
	}
}

// TestAtRiskFollowsTheCohortsThresholds: an instructor's limits replace the defaults,
// and the flag names the limit that fired.
func TestAtRiskFollowsTheCohortsThresholds(t *testing.T) {
	today := stuDay(2031, 6, 15)
	strict := RiskThresholds{NoStudyDays: 7, PassingPercent: 80, TrendWindowDays: 60, FloorPercent: 60, FloorWindowDays: 30}
	facts := StudentRiskFacts{LastStudyOn: today.AddDate(0, 0, -7), Readiness: ReadinessReport{HasData: true, Percent: 75}, ExamOn: today.AddDate(0, 0, 50)}
	got := AtRisk(facts, strict, today)
	if len(got) != 2 || !strings.Contains(got[0].Message, "no study in 7 days") || !strings.Contains(got[1].Message, "trend short of 80% within 60 days") {
		t.Fatalf("got %+v, want the strict limits named", got)
	}
	if got := AtRisk(facts, DefaultRiskThresholds(), today); len(got) != 0 {
		t.Fatalf("got %+v with the defaults, want none", got)
	}
	if _, problems := (RiskThresholdsInput{NoStudyDays: "0", PassingPercent: "60", TrendWindowDays: "x", FloorPercent: "70", FloorWindowDays: "90"}).Thresholds(); len(problems) != 3 {
		t.Fatalf("got problems %v, want no-study days, trend window and a floor above passing", problems)
	}
}

func TestReadinessSlope(t *testing.T) {
	points := []ReadinessPoint{{On: stuDay(2031, 1, 1), Percent: 40}, {On: stuDay(2031, 1, 31), Percent: 50}, {On: stuDay(2031, 3, 2), Percent: 60}}
	if got := ReadinessSlope(points); got != 10 {
		t.Fatalf("got %v points per 30 days, want 10", got)
	}
	if got := ReadinessSlope(points[:1]); got != 0 {
		t.Fatalf("got %v for one point, want 0", got)
	}
}

// TestCourseworkOf: one definition, completed courses of the whole catalogue.
func TestCourseworkOf(t *testing.T) {
	tests := []struct {
		name        string
		done, total int
		want        CourseworkShare
	}{
		{"empty catalogue", 0, 0, CourseworkShare{}},
		{"two of eight, whatever is on the plan", 2, 8, CourseworkShare{2, 8, 25}},
		{"two of three rounds down", 2, 3, CourseworkShare{2, 3, 66}},
		{"199 of 200 is not 100", 199, 200, CourseworkShare{199, 200, 99}},
		{"all done", 8, 8, CourseworkShare{8, 8, 100}},
		{"a course removed from the catalogue", 9, 8, CourseworkShare{8, 8, 100}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CourseworkOf(tt.done, tt.total); got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}
