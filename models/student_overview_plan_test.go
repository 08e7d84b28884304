package models

import "testing"

func TestPlanAfterPassingSaysSo(t *testing.T) {
	today := DateOf(2026, 11, 23)
	examOn := DateOf(2026, 10, 14)
	tests := []struct {
		name   string
		result ExamResult
		want   StudyPlanVerdict
	}{
		{"exam date passed without a result", ExamResultNone, StudyPlanExamDatePassed},
		{"exam passed", ExamResultPassed, StudyPlanExamPassed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := StudentOverview{Pathway: Pathway{TargetCode: "RHIT", ExamResult: string(tt.result), ExamScheduledOn: &examOn},
				Outline: DefaultExamOutlines()["RHIT"]}
			if got := o.Plan(300, today).Verdict; got != tt.want {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
		})
	}
}
