package models

import (
	"fmt"
	"time"
)

// ODS route B thresholds from NCRA's eligibility chart (shared/domain/credentials.md).
const (
	odsAnatomyCreditsNeeded    = 6
	odsRegistryHoursNeeded     = 1950
	odsRegistryHoursNeededText = "1,950"
)

// ODSRoute is one of NCRA's ODS eligibility routes evaluated for a student.
type ODSRoute struct {
	Code         string // "A1", "A2" or "B"
	Label        string
	Status       RequirementStatus // met when every requirement is; not_yet when any is not yet
	Requirements []Requirement
}

// odsEligibility evaluates all three routes, because students often qualify by a route
// they did not think of, and shows the best one's requirements. A route built on a
// program of another kind than the student's lists only that mismatch: the student's
// coursework and practicum belong to their own program, not to the route's.
func odsEligibility(p PathwayFacts, today time.Time) EligibilityReport {
	a1 := []Requirement{ncraProgram(p, ODSProgramAssociate, "An NCRA-accredited associate program with a practicum")}
	if odsProgramMayBe(p, ODSProgramAssociate) {
		a1 = append(a1, programCompletion(p, "Complete your associate program", today), practicumRequirement(p))
	}
	a2 := []Requirement{
		odsEducation(p, "Earn an associate degree or 60 college credits; courses in an NCRA-accredited certificate program count toward the 60"),
		ncraProgram(p, ODSProgramCertificate, "An NCRA-accredited certificate program with a practicum"),
	}
	if odsProgramMayBe(p, ODSProgramCertificate) {
		a2 = append(a2, programCompletion(p, "Complete your certificate program", today), practicumRequirement(p))
	}
	routes := []ODSRoute{
		odsRoute("A1", "NCRA-accredited associate program with a practicum", a1...),
		odsRoute("A2", "Associate degree or 60 credits, plus an NCRA-accredited certificate program with a practicum", a2...),
		odsRoute("B", "Associate degree or 60 credits with anatomy & physiology, plus 1,950 hours of registry experience",
			odsEducation(p, "Earn an associate degree or 60 college credits, including 6 credit hours of anatomy & physiology"),
			anatomyCredits(p),
			registryExperience(p),
		),
	}
	best := bestODSRoute(routes)
	return EligibilityReport{
		Requirements:   append([]Requirement(nil), best.Requirements...),
		EligibleToTest: best.Status == RequirementMet,
		ODSRoutes:      routes,
		BestODSRoute:   best.Code,
	}
}

// odsProgramMayBe reports whether the student's program could be of the given kind
// (it is, or they have not said).
func odsProgramMayBe(p PathwayFacts, kind ODSProgramType) bool {
	return p.ODSProgram == "" || p.ODSProgram == kind
}

func odsRoute(code, label string, reqs ...Requirement) ODSRoute {
	requirementsProgress(reqs)
	route := ODSRoute{Code: code, Label: label, Status: RequirementMet, Requirements: reqs}
	for _, req := range reqs {
		switch req.Status {
		case RequirementNotYet:
			route.Status = RequirementNotYet
		case RequirementUnknown:
			if route.Status == RequirementMet {
				route.Status = RequirementUnknown
			}
		}
	}
	return route
}

// bestODSRoute prefers a met route, then one blocked only by unknowns (a question to the
// program may settle it), then the one furthest along: the mean Progress of its
// requirements, so 1,900 of 1,950 registry hours counts as nearly there while a program
// not yet started counts as nothing. Ties keep NCRA's order A1, A2, B.
func bestODSRoute(routes []ODSRoute) ODSRoute {
	rank := func(r ODSRoute) (int, float64) {
		statusRank := 0
		switch r.Status {
		case RequirementMet:
			statusRank = 2
		case RequirementUnknown:
			statusRank = 1
		}
		done := 0.0
		for _, req := range r.Requirements {
			done += req.Progress
		}
		return statusRank, done / float64(len(r.Requirements))
	}
	best := routes[0]
	bestStatus, bestDone := rank(best)
	for _, r := range routes[1:] {
		status, done := rank(r)
		if status > bestStatus || (status == bestStatus && done > bestDone) {
			best, bestStatus, bestDone = r, status, done
		}
	}
	return best
}

// ncraProgram checks that the student's program is of the kind the route needs and is
// NCRA-accredited.
func ncraProgram(p PathwayFacts, want ODSProgramType, label string) Requirement {
	req := Requirement{Code: "accredited_program", Label: label, Status: RequirementMet}
	switch {
	case p.ODSProgram == "":
		req.Status = RequirementUnknown
		req.NextStep = "Tell us whether you attend an NCRA-accredited associate or certificate program"
	case p.ODSProgram != want:
		req.Status = RequirementNotYet
		req.NextStep = "This route needs " + odsLowerFirst(label) + "; check the other routes"
	case p.Accreditation == AccreditationYes:
	case p.Accreditation == AccreditationNo:
		req.Status = RequirementNotYet
		req.NextStep = "Your program is not NCRA-accredited, so this route does not apply; check the other routes"
	default:
		req.Status = RequirementUnknown
		req.NextStep = "Ask your program whether it is NCRA-accredited"
	}
	return req
}

func odsEducation(p PathwayFacts, step string) Requirement {
	req := Requirement{Code: "education", Label: "Associate degree or 60 college credits", Status: RequirementMet}
	switch p.Education {
	case EducationAssociate60:
	case EducationNone, EducationHighSchool:
		req.Status = RequirementNotYet
		req.NextStep = step
	default:
		req.Status = RequirementUnknown
		req.NextStep = "Tell us the highest education you have completed"
	}
	return req
}

func anatomyCredits(p PathwayFacts) Requirement {
	req := Requirement{Code: "anatomy_physiology", Label: "6 credit hours of anatomy & physiology", Status: RequirementMet}
	if p.AnatomyPhysiologyCredits < odsAnatomyCreditsNeeded {
		req.Status = RequirementNotYet
		req.Progress = float64(max(p.AnatomyPhysiologyCredits, 0)) / odsAnatomyCreditsNeeded
		req.NextStep = fmt.Sprintf("Complete %s of anatomy & physiology (%d needed)",
			studentCount(odsAnatomyCreditsNeeded-p.AnatomyPhysiologyCredits, "more credit hour"), odsAnatomyCreditsNeeded)
	}
	return req
}

func registryExperience(p PathwayFacts) Requirement {
	req := Requirement{Code: "registry_experience", Label: odsRegistryHoursNeededText + " hours of cancer registry experience", Status: RequirementMet}
	if p.RegistryExperienceHours < odsRegistryHoursNeeded {
		req.Status = RequirementNotYet
		req.Progress = float64(max(p.RegistryExperienceHours, 0)) / odsRegistryHoursNeeded
		req.NextStep = fmt.Sprintf("Gain %s of cancer registry experience (%s needed)",
			studentCount(odsRegistryHoursNeeded-p.RegistryExperienceHours, "more hour"), odsRegistryHoursNeededText)
	}
	return req
}

// odsLowerFirst lets a label ("An NCRA-accredited …") sit mid-sentence.
func odsLowerFirst(s string) string {
	if s == "" || s[0] < 'A' || s[0] > 'Z' {
		return s
	}
	return string(s[0]+'a'-'A') + s[1:]
}
