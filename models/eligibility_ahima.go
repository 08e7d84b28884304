package models

import (
	"fmt"
	"time"
)

// ccaEligibility: a high school diploma (or equivalent) is the only requirement;
// coding training or experience is recommended and shown, but never blocks testing.
func ccaEligibility(p PathwayFacts) EligibilityReport {
	education := Requirement{Code: "education", Label: "High school diploma or equivalent", Status: RequirementMet}
	switch p.Education {
	case EducationHighSchool, EducationAssociate60:
	case EducationNone:
		education.Status = RequirementNotYet
		education.NextStep = "Finish a high school diploma or an equivalent such as the GED"
	default:
		education.Status = RequirementUnknown
		education.NextStep = "Tell us the highest education you have completed"
	}

	training := Requirement{
		Code:        "coding_training",
		Label:       "Coding training or 6 months of coding experience (recommended)",
		Status:      RequirementMet,
		Recommended: true,
	}
	switch {
	case p.CourseworkDone:
	case p.ProgramName != "":
		training.Status = RequirementNotYet
		training.NextStep = "Finish your coding coursework: AHIMA recommends it before the exam"
	default:
		// Experience is not recorded in hitpath, so without a program we cannot tell.
		training.Status = RequirementUnknown
		training.NextStep = "Consider an AHIMA-approved coding program, or a course covering anatomy & physiology, medical terminology, ICD and CPT coding"
	}

	return EligibilityReport{
		Requirements:   []Requirement{education, training},
		EligibleToTest: education.Status == RequirementMet,
	}
}

// rhitEligibility: the associate-level requirements of a CAHIIM-accredited HIM program,
// evidenced by a transcript, or one of the early-testing conditions for students of
// such a program. Practicum hours are shown because programs require them, but AHIMA
// judges completion by the program, so they do not gate testing on their own.
func rhitEligibility(p PathwayFacts, today time.Time) EligibilityReport {
	accredited := cahiimRequirement(p)
	completion := programCompletion(p, "Complete the associate-level requirements of your HIM program", today)
	graduated := programGraduated(p, today)
	transcripts := Requirement{Code: "transcripts", Label: "Official transcript sent to AHIMA", Status: RequirementMet}
	if !p.TranscriptsSent {
		transcripts.Status = RequirementNotYet
		transcripts.NextStep = "After you graduate, ask your school to send your official transcript to AHIMA"
		if graduated {
			transcripts.NextStep = "Ask your school's registrar to send your official transcript to AHIMA"
		}
	}

	r := EligibilityReport{Requirements: []Requirement{accredited, completion, practicumRequirement(p), transcripts}}
	if accredited.Status != RequirementMet {
		return r
	}
	if graduated && p.TranscriptsSent {
		r.EligibleToTest = true
		return r
	}
	r.EarlyTesting = rhitEarlyTesting(p, graduated, today)
	r.EligibleToTest = r.EarlyTesting != ""
	if !r.EligibleToTest && !p.LastTermStart.IsZero() {
		completion.NextStep += fmt.Sprintf("; you can test early from the start of your last term on %s", formatDay(p.LastTermStart))
		r.Requirements[1] = completion
	}
	return r
}

// rhitEarlyTesting returns the first early-testing condition that holds, most
// advanced first, or "" when none does. The caller has checked accreditation.
func rhitEarlyTesting(p PathwayFacts, graduated bool, today time.Time) EarlyTestingReason {
	switch {
	case graduated && !p.TranscriptsSent:
		return EarlyTestingAwaitingTranscripts
	case p.CourseworkDone && !graduated:
		return EarlyTestingCourseworkDone
	case !p.LastTermStart.IsZero() && !p.LastTermStart.After(today) && !graduated:
		return EarlyTestingLastTerm
	}
	return ""
}

// cahiimRequirement turns the student's accreditation answer into a requirement.
func cahiimRequirement(p PathwayFacts) Requirement {
	req := Requirement{Code: "accredited_program", Label: "A CAHIIM-accredited HIM program", Status: RequirementMet}
	switch {
	case p.Accreditation == AccreditationYes:
	case p.Accreditation == AccreditationNo:
		req.Status = RequirementNotYet
		req.NextStep = "RHIT needs a CAHIIM-accredited HIM program (or a foreign program with an AHIMA reciprocity agreement): ask an advisor about transferring to one"
	case p.ProgramName == "":
		req.Status = RequirementUnknown
		req.NextStep = "Add your HIM program and whether it is CAHIIM-accredited"
	default:
		req.Status = RequirementUnknown
		req.NextStep = "Ask your program whether it is CAHIIM-accredited (CAHIIM's online directory lists accredited programs)"
	}
	return req
}
