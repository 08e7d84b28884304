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
			wantCodes: []RiskCode{RiskNoRecentStudy}, wantMessages: []string{"No study logged yet"},
		},
		{name: "never studied, joined 13 days ago", facts: with(func(s *StudentRiskFacts) { s.LastStudyOn, s.JoinedOn = time.Time{}, daysAgo(13) })},
		{
			name: "never studied, joined 14 days ago", facts: with(func(s *StudentRiskFacts) { s.LastStudyOn, s.JoinedOn = time.Time{}, daysAgo(14) }),
			wantCodes: []RiskCode{RiskNoRecentStudy}, wantMessages: []string{"No study logged yet"},
		},
		{
			name: "readiness 59.9% with the exam in 30 days", facts: with(func(s *StudentRiskFacts) { s.Readiness, s.ExamOn = ready(59.9), inDays(30) }),
			wantCodes:    []RiskCode{RiskLowReadinessNearExam},
			wantMessages: []string{"Readiness 59.9% and the exam is in 30 days (rule: readiness under 60% within 30 days of the exam)"},
		},
		{name: "readiness 59.9% with the exam in 31 days", facts: with(func(s *StudentRiskFacts) { s.Readiness, s.ExamOn = ready(59.9), inDays(31) })},
		{name: "readiness exactly 60%", facts: with(func(s *StudentRiskFacts) { s.Readiness = ready(60) })},
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
			got := AtRisk(tt.facts, today)
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

func TestCourseworkPercent(t *testing.T) {
	tests := []struct {
		name     string
		statuses []CourseStatus
		want     int
	}{
		{"no courses", nil, 0},
		{"none done", []CourseStatus{CoursePlanned, CourseInProgress}, 0},
		{"one of three", []CourseStatus{CourseCompleted, CoursePlanned, CourseInProgress}, 33},
		{"two of three rounds down", []CourseStatus{CourseCompleted, CourseCompleted, CoursePlanned}, 66},
		{"199 of 200 is not 100", append(slices.Repeat([]CourseStatus{CourseCompleted}, 199), CoursePlanned), 99},
		{"all done", []CourseStatus{CourseCompleted, CourseCompleted}, 100},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CourseworkPercent(tt.statuses); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}
