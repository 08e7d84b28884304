package models

import (
	"strings"
	"testing"
	"time"
)

// eligibilityToday is the default "today" of the eligibility tables.
var eligibilityToday = stuDay(2026, 5, 22)

type eligibilityCase struct {
	name         string
	facts        PathwayFacts
	today        time.Time // eligibilityToday when zero
	wantEligible bool
	wantEarly    EarlyTestingReason
	wantPassed   bool
	wantStatuses map[string]RequirementStatus // by requirement code
	wantSteps    map[string]string            // requirement code → part of its NextStep
	wantNextStep string                       // part of the report's NextStep
	wantBest     string
	wantRoutes   map[string]RequirementStatus
}

func runEligibilityCases(t *testing.T, tests []eligibilityCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			today := tt.today
			if today.IsZero() {
				today = eligibilityToday
			}
			got := Eligibility(tt.facts, today)
			if got.EligibleToTest != tt.wantEligible {
				t.Errorf("eligible: got %v, want %v", got.EligibleToTest, tt.wantEligible)
			}
			if got.EarlyTesting != tt.wantEarly {
				t.Errorf("early testing: got %q, want %q", got.EarlyTesting, tt.wantEarly)
			}
			if got.Passed != tt.wantPassed {
				t.Errorf("passed: got %v, want %v", got.Passed, tt.wantPassed)
			}
			byCode := map[string]Requirement{}
			for _, req := range got.Requirements {
				byCode[req.Code] = req
				if req.Status == RequirementMet && req.NextStep != "" {
					t.Errorf("%s: got next step %q on a met requirement, want none", req.Code, req.NextStep)
				}
				if req.Status != RequirementMet && req.NextStep == "" {
					t.Errorf("%s: got no next step on a %s requirement, want one", req.Code, req.Status)
				}
			}
			for code, want := range tt.wantStatuses {
				if req, ok := byCode[code]; !ok || req.Status != want {
					t.Errorf("%s: got %v, want %v", code, req.Status, want)
				}
			}
			for code, want := range tt.wantSteps {
				if req := byCode[code]; !strings.Contains(req.NextStep, want) {
					t.Errorf("%s step: got %q, want it to contain %q", code, req.NextStep, want)
				}
			}
			if !strings.Contains(got.NextStep, tt.wantNextStep) {
				t.Errorf("next step: got %q, want it to contain %q", got.NextStep, tt.wantNextStep)
			}
			if got.BestODSRoute != tt.wantBest {
				t.Errorf("best route: got %q, want %q", got.BestODSRoute, tt.wantBest)
			}
			for _, route := range got.ODSRoutes {
				if want, ok := tt.wantRoutes[route.Code]; ok && route.Status != want {
					t.Errorf("route %s: got %v, want %v", route.Code, route.Status, want)
				}
			}
			if len(got.ODSRoutes) != len(tt.wantRoutes) {
				t.Errorf("routes: got %v, want %v", len(got.ODSRoutes), len(tt.wantRoutes))
			}
		})
	}
}

// ccaReady is a CCA candidate who may test and has done nothing about the exam yet.
func ccaReady() PathwayFacts {
	return PathwayFacts{Target: TargetCCA, Education: EducationHighSchool}
}

func TestEligibilityCCA(t *testing.T) {
	with := func(change func(*PathwayFacts)) PathwayFacts {
		p := ccaReady()
		change(&p)
		return p
	}
	runEligibilityCases(t, []eligibilityCase{
		{
			name: "high school diploma is enough; training unknown is only advice", facts: ccaReady(), wantEligible: true,
			wantStatuses: map[string]RequirementStatus{"education": RequirementMet, "coding_training": RequirementUnknown, "authorization_to_test": RequirementNotYet, "exam": RequirementNotYet},
			wantSteps:    map[string]string{"coding_training": "AHIMA-approved coding program", "exam": "once you have your authorization"},
			wantNextStep: "Apply to AHIMA for the CCA exam",
		},
		{
			name: "no diploma", facts: with(func(p *PathwayFacts) { p.Education = EducationNone }),
			wantStatuses: map[string]RequirementStatus{"education": RequirementNotYet, "authorization_to_test": RequirementNotYet},
			wantSteps:    map[string]string{"authorization_to_test": "once the requirements above are met"},
			wantNextStep: "Finish a high school diploma",
		},
		{
			name: "education not answered", facts: with(func(p *PathwayFacts) { p.Education = "" }),
			wantStatuses: map[string]RequirementStatus{"education": RequirementUnknown},
			wantNextStep: "Tell us the highest education",
		},
		{
			name: "associate degree counts as a diploma; coursework under way", wantEligible: true,
			facts:        with(func(p *PathwayFacts) { p.Education = EducationAssociate60; p.ProgramName = "Coding Certificate" }),
			wantStatuses: map[string]RequirementStatus{"education": RequirementMet, "coding_training": RequirementNotYet},
			wantSteps:    map[string]string{"coding_training": "Finish your coding coursework"},
			wantNextStep: "Apply to AHIMA",
		},
		{
			name: "coursework done meets the recommendation", wantEligible: true,
			facts:        with(func(p *PathwayFacts) { p.ProgramName = "Coding Certificate"; p.CourseworkDone = true }),
			wantStatuses: map[string]RequirementStatus{"coding_training": RequirementMet},
		},
		{
			name: "unknown target", facts: PathwayFacts{},
			wantStatuses: map[string]RequirementStatus{"target": RequirementUnknown},
			wantNextStep: "Choose the credential",
		},
	})
}

func TestEligibilityExamSteps(t *testing.T) {
	with := func(change func(*PathwayFacts)) PathwayFacts {
		p := ccaReady()
		p.AuthorizationToTest = true
		change(&p)
		return p
	}
	runEligibilityCases(t, []eligibilityCase{
		{
			name: "authorized, not scheduled", facts: with(func(*PathwayFacts) {}), wantEligible: true,
			wantStatuses: map[string]RequirementStatus{"authorization_to_test": RequirementMet, "exam": RequirementNotYet},
			wantNextStep: "Schedule your exam with the testing provider",
		},
		{
			name: "scheduled in ten days", wantEligible: true,
			facts:        with(func(p *PathwayFacts) { p.ExamScheduledOn = stuDay(2026, 6, 1) }),
			wantNextStep: "Take your exam on 1 Jun 2026 (10 days from today)",
		},
		{
			name: "scheduled tomorrow", wantEligible: true,
			facts:        with(func(p *PathwayFacts) { p.ExamScheduledOn = stuDay(2026, 5, 23) }),
			wantNextStep: "(1 day from today)",
		},
		{
			name: "scheduled today, today given with a time of day", wantEligible: true,
			facts:        with(func(p *PathwayFacts) { p.ExamScheduledOn = stuDay(2026, 5, 22) }),
			today:        time.Date(2026, 5, 22, 17, 45, 0, 0, time.UTC),
			wantNextStep: "Your exam is today",
		},
		{
			name: "exam date passed without a result", wantEligible: true,
			facts:        with(func(p *PathwayFacts) { p.ExamScheduledOn = stuDay(2026, 5, 1) }),
			wantNextStep: "Record your result from the exam on 1 May 2026",
		},
		{
			name: "failed, no retake booked", wantEligible: true,
			facts:        with(func(p *PathwayFacts) { p.ExamScheduledOn = stuDay(2026, 5, 1); p.ExamResult = ExamResultFailed }),
			wantNextStep: "Review your weakest domains",
		},
		{
			name: "failed, retake booked", wantEligible: true,
			facts:        with(func(p *PathwayFacts) { p.ExamScheduledOn = stuDay(2026, 7, 1); p.ExamResult = ExamResultFailed }),
			wantNextStep: "Take your exam on 1 Jul 2026",
		},
		{
			name: "passed with a date", wantEligible: true, wantPassed: true,
			facts: with(func(p *PathwayFacts) {
				p.AuthorizationToTest = false
				p.ExamResult = ExamResultPassed
				p.PassedOn = stuDay(2026, 3, 15)
			}),
			wantStatuses: map[string]RequirementStatus{"authorization_to_test": RequirementMet, "exam": RequirementMet},
			wantNextStep: "You passed on 15 Mar 2026",
		},
		{
			name: "passed counts as eligible even with facts missing", wantEligible: true, wantPassed: true,
			facts:        with(func(p *PathwayFacts) { p.Education = ""; p.ExamResult = ExamResultPassed }),
			wantNextStep: "Add the date you passed",
		},
	})
}
