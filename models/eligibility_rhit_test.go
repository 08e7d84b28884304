package models

import "testing"

// rhitStudent is an RHIT student of an accredited program graduating after "today"
// (2026-05-22), with the last term starting on 2026-06-01.
func rhitStudent(change func(*PathwayFacts)) PathwayFacts {
	p := PathwayFacts{
		Target:                 TargetRHIT,
		Education:              EducationHighSchool,
		ProgramName:            "AAS Health Information Technology",
		Institution:            "Cuyahoga Community College",
		Accreditation:          AccreditationYes,
		ProgramStart:           stuDay(2024, 8, 26),
		LastTermStart:          stuDay(2026, 6, 1),
		ExpectedGraduation:     stuDay(2026, 8, 14),
		PracticumHoursRequired: 100,
	}
	change(&p)
	return p
}

func TestEligibilityRHIT(t *testing.T) {
	graduated := func(p *PathwayFacts) {
		p.CourseworkDone = true
		p.ExpectedGraduation = stuDay(2026, 5, 15)
		p.PracticumHoursDone = 100
	}
	runEligibilityCases(t, []eligibilityCase{
		{
			name:         "accreditation not known",
			facts:        rhitStudent(func(p *PathwayFacts) { p.Accreditation = AccreditationUnknown }),
			wantStatuses: map[string]RequirementStatus{"accredited_program": RequirementUnknown},
			wantNextStep: "Ask your program whether it is CAHIIM-accredited",
		},
		{
			name:         "no program entered",
			facts:        rhitStudent(func(p *PathwayFacts) { p.Accreditation = ""; p.ProgramName = "" }),
			wantStatuses: map[string]RequirementStatus{"accredited_program": RequirementUnknown},
			wantNextStep: "Add your HIM program",
		},
		{
			name:         "program not accredited blocks even a graduate",
			facts:        rhitStudent(func(p *PathwayFacts) { graduated(p); p.TranscriptsSent = true; p.Accreditation = AccreditationNo }),
			wantStatuses: map[string]RequirementStatus{"accredited_program": RequirementNotYet, "program_completed": RequirementMet},
			wantNextStep: "transferring",
		},
		{
			name: "graduated with transcripts sent", wantEligible: true,
			facts:        rhitStudent(func(p *PathwayFacts) { graduated(p); p.TranscriptsSent = true }),
			wantStatuses: map[string]RequirementStatus{"accredited_program": RequirementMet, "program_completed": RequirementMet, "practicum": RequirementMet, "transcripts": RequirementMet},
			wantNextStep: "Apply to AHIMA for the RHIT exam",
		},
		{
			name: "graduation day is today", wantEligible: true,
			facts:        rhitStudent(func(p *PathwayFacts) { graduated(p); p.ExpectedGraduation = eligibilityToday; p.TranscriptsSent = true }),
			wantStatuses: map[string]RequirementStatus{"program_completed": RequirementMet},
		},
		{
			name: "early testing: graduated, awaiting transcripts", wantEligible: true, wantEarly: EarlyTestingAwaitingTranscripts,
			facts:        rhitStudent(graduated),
			wantStatuses: map[string]RequirementStatus{"transcripts": RequirementNotYet},
			wantSteps:    map[string]string{"transcripts": "registrar"},
			wantNextStep: "Apply to AHIMA",
		},
		{
			name: "early testing: coursework done before graduating", wantEligible: true, wantEarly: EarlyTestingCourseworkDone,
			facts:        rhitStudent(func(p *PathwayFacts) { p.CourseworkDone = true }),
			wantStatuses: map[string]RequirementStatus{"program_completed": RequirementNotYet, "transcripts": RequirementNotYet},
			wantSteps:    map[string]string{"program_completed": "Graduate on 14 Aug 2026", "transcripts": "After you graduate"},
			wantNextStep: "Apply to AHIMA",
		},
		{
			name: "early testing: in the last term", wantEligible: true, wantEarly: EarlyTestingLastTerm,
			facts:        rhitStudent(func(p *PathwayFacts) { p.LastTermStart = stuDay(2026, 5, 1) }),
			wantStatuses: map[string]RequirementStatus{"program_completed": RequirementNotYet},
			wantNextStep: "Apply to AHIMA",
		},
		{
			name: "early testing: last term starts today", wantEligible: true, wantEarly: EarlyTestingLastTerm,
			facts: rhitStudent(func(p *PathwayFacts) { p.LastTermStart = eligibilityToday }),
		},
		{
			name:         "last term still ahead",
			facts:        rhitStudent(func(*PathwayFacts) {}),
			wantStatuses: map[string]RequirementStatus{"program_completed": RequirementNotYet, "practicum": RequirementNotYet},
			wantSteps:    map[string]string{"practicum": "Complete the remaining 100 practicum hours (0 of 100 done)"},
			wantNextStep: "you can test early from the start of your last term on 1 Jun 2026",
		},
		{
			name: "unaccredited student gets no early testing",
			facts: rhitStudent(func(p *PathwayFacts) {
				p.Accreditation = AccreditationNo
				p.LastTermStart = stuDay(2026, 5, 1)
			}),
			wantNextStep: "CAHIIM-accredited",
		},
		{
			name:         "no dates entered",
			facts:        rhitStudent(func(p *PathwayFacts) { p.LastTermStart = zeroDay(); p.ExpectedGraduation = zeroDay() }),
			wantStatuses: map[string]RequirementStatus{"program_completed": RequirementUnknown},
			wantNextStep: "Add your expected graduation date",
		},
		{
			name:         "coursework done, graduation date missing",
			facts:        rhitStudent(func(p *PathwayFacts) { p.CourseworkDone = true; p.ExpectedGraduation = zeroDay() }),
			wantEligible: true, wantEarly: EarlyTestingCourseworkDone,
			wantStatuses: map[string]RequirementStatus{"program_completed": RequirementUnknown},
			wantSteps:    map[string]string{"program_completed": "Add your graduation date"},
		},
		{
			name:         "graduation date passed, coursework not marked done",
			facts:        rhitStudent(func(p *PathwayFacts) { p.LastTermStart = zeroDay(); p.ExpectedGraduation = stuDay(2026, 5, 1) }),
			wantStatuses: map[string]RequirementStatus{"program_completed": RequirementNotYet},
			wantNextStep: "has passed: mark your coursework done",
		},
		{
			name: "practicum requirement unknown", wantEligible: true, wantEarly: EarlyTestingLastTerm,
			facts:        rhitStudent(func(p *PathwayFacts) { p.PracticumHoursRequired = 0; p.LastTermStart = stuDay(2026, 5, 1) }),
			wantStatuses: map[string]RequirementStatus{"practicum": RequirementUnknown},
			wantSteps:    map[string]string{"practicum": "how many practicum hours"},
		},
		{
			name: "one practicum hour left", wantEligible: true, wantEarly: EarlyTestingLastTerm,
			facts:     rhitStudent(func(p *PathwayFacts) { p.PracticumHoursDone = 99; p.LastTermStart = stuDay(2026, 5, 1) }),
			wantSteps: map[string]string{"practicum": "remaining 1 practicum hour (99 of 100 done)"},
		},
	})
}
