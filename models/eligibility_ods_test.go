package models

import "testing"

func odsCandidate(change func(*PathwayFacts)) PathwayFacts {
	p := PathwayFacts{Target: TargetODS, Education: EducationHighSchool}
	change(&p)
	return p
}

// odsProgramDone finishes an NCRA-accredited program of the given kind with its practicum.
func odsProgramDone(kind ODSProgramType) func(*PathwayFacts) {
	return func(p *PathwayFacts) {
		p.ODSProgram = kind
		p.ProgramName = "Cancer Registry Management"
		p.Accreditation = AccreditationYes
		p.CourseworkDone = true
		p.ExpectedGraduation = stuDay(2026, 5, 1)
		p.PracticumHoursDone, p.PracticumHoursRequired = 160, 160
	}
}

func TestEligibilityODS(t *testing.T) {
	runEligibilityCases(t, []eligibilityCase{
		{
			name: "A1: accredited associate program completed", wantEligible: true, wantBest: "A1",
			facts:        odsCandidate(odsProgramDone(ODSProgramAssociate)),
			wantRoutes:   map[string]RequirementStatus{"A1": RequirementMet, "A2": RequirementNotYet, "B": RequirementNotYet},
			wantStatuses: map[string]RequirementStatus{"accredited_program": RequirementMet, "program_completed": RequirementMet, "practicum": RequirementMet},
			wantNextStep: "Apply to NCRA before the deadline of the next exam window",
		},
		{
			name: "A2: degree plus accredited certificate program", wantEligible: true, wantBest: "A2",
			facts: odsCandidate(func(p *PathwayFacts) {
				odsProgramDone(ODSProgramCertificate)(p)
				p.Education = EducationAssociate60
			}),
			wantRoutes:   map[string]RequirementStatus{"A1": RequirementNotYet, "A2": RequirementMet, "B": RequirementNotYet},
			wantStatuses: map[string]RequirementStatus{"education": RequirementMet},
		},
		{
			name: "A2 without the degree: certificate courses count toward the 60", wantBest: "A2",
			facts:        odsCandidate(odsProgramDone(ODSProgramCertificate)),
			wantRoutes:   map[string]RequirementStatus{"A1": RequirementNotYet, "A2": RequirementNotYet, "B": RequirementNotYet},
			wantStatuses: map[string]RequirementStatus{"education": RequirementNotYet},
			wantNextStep: "courses in an NCRA-accredited certificate program count toward the 60",
		},
		{
			name: "B: exactly 6 credit hours and 1,950 hours", wantEligible: true, wantBest: "B",
			facts: odsCandidate(func(p *PathwayFacts) {
				p.Education, p.ODSProgram = EducationAssociate60, ODSProgramNone
				p.AnatomyPhysiologyCredits, p.RegistryExperienceHours = 6, 1950
			}),
			wantRoutes:   map[string]RequirementStatus{"A1": RequirementNotYet, "A2": RequirementNotYet, "B": RequirementMet},
			wantStatuses: map[string]RequirementStatus{"anatomy_physiology": RequirementMet, "registry_experience": RequirementMet},
		},
		{
			name: "B: one credit and one hour short", wantBest: "B",
			facts: odsCandidate(func(p *PathwayFacts) {
				p.Education, p.ODSProgram = EducationAssociate60, ODSProgramNone
				p.AnatomyPhysiologyCredits, p.RegistryExperienceHours = 5, 1949
			}),
			wantRoutes: map[string]RequirementStatus{"A1": RequirementNotYet, "A2": RequirementNotYet, "B": RequirementNotYet},
			wantSteps: map[string]string{
				"anatomy_physiology":  "Complete 1 more credit hour of anatomy & physiology (6 needed)",
				"registry_experience": "Gain 1 more hour of cancer registry experience (1,950 needed)",
			},
			wantNextStep: "Complete 1 more credit hour",
		},
		{
			name: "B is the closest route for an experienced registrar without a program", wantBest: "B",
			facts: odsCandidate(func(p *PathwayFacts) {
				p.Education, p.ODSProgram = EducationAssociate60, ODSProgramNone
				p.AnatomyPhysiologyCredits, p.RegistryExperienceHours = 6, 1000
			}),
			wantRoutes:   map[string]RequirementStatus{"A1": RequirementNotYet, "A2": RequirementNotYet, "B": RequirementNotYet},
			wantNextStep: "Gain 950 more hours",
		},
		{
			name: "A1 with accreditation not known is the best bet", wantBest: "A1",
			facts: odsCandidate(func(p *PathwayFacts) {
				odsProgramDone(ODSProgramAssociate)(p)
				p.Accreditation = AccreditationUnknown
			}),
			wantRoutes:   map[string]RequirementStatus{"A1": RequirementUnknown, "A2": RequirementNotYet, "B": RequirementNotYet},
			wantStatuses: map[string]RequirementStatus{"accredited_program": RequirementUnknown},
			wantNextStep: "Ask your program whether it is NCRA-accredited",
		},
		{
			name: "A1 program not NCRA-accredited", wantBest: "A1",
			facts: odsCandidate(func(p *PathwayFacts) {
				odsProgramDone(ODSProgramAssociate)(p)
				p.Accreditation = AccreditationNo
			}),
			wantRoutes:   map[string]RequirementStatus{"A1": RequirementNotYet, "A2": RequirementNotYet, "B": RequirementNotYet},
			wantNextStep: "not NCRA-accredited, so this route does not apply",
		},
		{
			name: "nothing entered: routes A1 and A2 unknown, A1 shown first", wantBest: "A1",
			facts:        PathwayFacts{Target: TargetODS},
			wantRoutes:   map[string]RequirementStatus{"A1": RequirementUnknown, "A2": RequirementUnknown, "B": RequirementNotYet},
			wantNextStep: "Tell us whether you attend an NCRA-accredited associate or certificate program",
		},
		{
			name: "A1 in progress: practicum hours left", wantBest: "A1",
			facts: odsCandidate(func(p *PathwayFacts) {
				odsProgramDone(ODSProgramAssociate)(p)
				p.CourseworkDone = false
				p.ExpectedGraduation = stuDay(2026, 12, 18)
				p.PracticumHoursDone = 40
			}),
			wantRoutes:   map[string]RequirementStatus{"A1": RequirementNotYet, "A2": RequirementNotYet, "B": RequirementNotYet},
			wantSteps:    map[string]string{"practicum": "remaining 120 practicum hours"},
			wantNextStep: "Finish your coursework; you expect to graduate on 18 Dec 2026",
		},
	})
}

func TestEligibilityODSProgramOfOtherKind(t *testing.T) {
	got := Eligibility(odsCandidate(odsProgramDone(ODSProgramCertificate)), eligibilityToday)
	for _, route := range got.ODSRoutes {
		if route.Code != "A1" {
			continue
		}
		if step := route.Requirements[0].NextStep; step != "This route needs an NCRA-accredited associate program with a practicum; check the other routes" {
			t.Errorf("got %q, want %q", step, "This route needs an NCRA-accredited associate program with a practicum; check the other routes")
		}
	}
}

func TestRequirementProgress(t *testing.T) {
	facts := odsCandidate(func(p *PathwayFacts) {
		p.Education, p.ODSProgram = EducationAssociate60, ODSProgramAssociate
		p.PracticumHoursDone, p.PracticumHoursRequired = 40, 160
		p.AnatomyPhysiologyCredits, p.RegistryExperienceHours = 3, 975
	})
	got := map[string]float64{}
	for _, route := range Eligibility(facts, eligibilityToday).ODSRoutes {
		for _, req := range route.Requirements {
			got[route.Code+" "+req.Code] = req.Progress
		}
	}
	tests := []struct {
		key  string
		want float64
	}{
		{"A1 practicum", 0.25},
		{"A1 program_completed", 0},
		{"B education", 1},
		{"B anatomy_physiology", 0.5},
		{"B registry_experience", 0.5},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			if got[tt.key] != tt.want {
				t.Errorf("got %v, want %v", got[tt.key], tt.want)
			}
		})
	}
}
