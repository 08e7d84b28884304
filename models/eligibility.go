package models

import (
	"fmt"
	"time"
)

// Education is the highest education a student already holds.
type Education string

// Education levels that matter to the credential rules; "" means not answered.
const (
	EducationNone        Education = "none"
	EducationHighSchool  Education = "high_school"
	EducationAssociate60 Education = "associate_or_60_credits" // associate degree or 60 college credits
)

// Accreditation says whether the student's program holds the accreditation the target
// credential needs: CAHIIM for RHIT, NCRA for ODS. "" is treated like unknown.
type Accreditation string

// Accreditation answers a student can give.
const (
	AccreditationYes     Accreditation = "yes"
	AccreditationNo      Accreditation = "no"
	AccreditationUnknown Accreditation = "unknown"
)

// ODSProgramType is the kind of cancer-registry program an ODS candidate attends,
// which decides whether NCRA route A1 or A2 can apply. "" means not answered.
type ODSProgramType string

// ODS program kinds.
const (
	ODSProgramNone        ODSProgramType = "none"
	ODSProgramAssociate   ODSProgramType = "associate_with_practicum"
	ODSProgramCertificate ODSProgramType = "certificate_with_practicum"
)

// ExamResult is the outcome of the student's most recent certification exam.
type ExamResult string

// Exam results; ExamResultNone (or "") means no result yet.
const (
	ExamResultNone   ExamResult = "none"
	ExamResultPassed ExamResult = "passed"
	ExamResultFailed ExamResult = "failed"
)

// RequirementStatus is how far a student is with one requirement.
type RequirementStatus string

// Requirement statuses. Unknown means hitpath lacks a fact, not that the student fails.
const (
	RequirementMet     RequirementStatus = "met"
	RequirementNotYet  RequirementStatus = "not_yet"
	RequirementUnknown RequirementStatus = "unknown"
)

// PathwayFacts is what a student has told hitpath about their way to a credential.
// Zero dates mean "not entered".
type PathwayFacts struct {
	Target        TargetCredential
	Education     Education
	ProgramName   string
	Institution   string
	Accreditation Accreditation // CAHIIM for CCA/RHIT, NCRA for ODS

	ODSProgram               ODSProgramType
	AnatomyPhysiologyCredits int // credit hours; ODS route B needs 6
	RegistryExperienceHours  int // cancer registry work; ODS route B needs 1,950

	ProgramStart       time.Time
	LastTermStart      time.Time
	ExpectedGraduation time.Time
	CourseworkDone     bool

	PracticumHoursDone     int
	PracticumHoursRequired int

	TranscriptsSent     bool
	AuthorizationToTest bool // AHIMA's authorization to test, or NCRA's approval to schedule
	ExamScheduledOn     time.Time
	ExamResult          ExamResult
	PassedOn            time.Time
}

// Requirement is one thing a student needs (or is advised) to do, with its status and
// the next concrete step. NextStep is empty when the requirement is met.
type Requirement struct {
	Code        string // stable key for templates and the API, e.g. "accredited_program"
	Label       string
	Status      RequirementStatus
	NextStep    string
	Recommended bool    // advised by the certifying body but not required to test
	Progress    float64 // share done, 0–1, for a progress bar: 1 when met, hours or credits so far otherwise
}

// EarlyTestingReason names the RHIT early-testing condition that lets a student of an
// accredited program sit the exam before the academic requirements are complete.
type EarlyTestingReason string

// RHIT early-testing conditions, in the order they are checked.
const (
	EarlyTestingAwaitingTranscripts EarlyTestingReason = "awaiting_transcripts"
	EarlyTestingCourseworkDone      EarlyTestingReason = "coursework_done"
	EarlyTestingLastTerm            EarlyTestingReason = "last_term"
)

// EligibilityReport says, for one target credential, what is done, what is missing and
// what to do next.
type EligibilityReport struct {
	Target         TargetCredential
	Requirements   []Requirement // eligibility first, then the exam steps
	EligibleToTest bool
	EarlyTesting   EarlyTestingReason // RHIT only; "" unless eligibility rests on early testing
	ODSRoutes      []ODSRoute         // ODS only: A1, A2 and B, each evaluated
	BestODSRoute   string             // ODS only: the route that is met, or the closest one
	Passed         bool
	NextStep       string // the single most useful thing to do now
}

// Eligibility evaluates a student's pathway facts against the rules of their target
// credential (shared/domain/credentials.md) as of today. A recorded pass counts as
// eligible: the certifying body admitted the student, whatever facts are missing here.
func Eligibility(p PathwayFacts, today time.Time) EligibilityReport {
	today = DateOnly(today)
	var r EligibilityReport
	switch p.Target {
	case TargetCCA:
		r = ccaEligibility(p)
	case TargetRHIT:
		r = rhitEligibility(p, today)
	case TargetODS:
		r = odsEligibility(p, today)
	default:
		step := "Choose the credential you are working toward: CCA, RHIT or ODS"
		return EligibilityReport{
			Target:       p.Target,
			Requirements: []Requirement{{Code: "target", Label: "Target credential", Status: RequirementUnknown, NextStep: step}},
			NextStep:     step,
		}
	}
	r.Target = p.Target
	r.Passed = p.ExamResult == ExamResultPassed
	if r.Passed {
		r.EligibleToTest = true
	}
	r.Requirements = append(r.Requirements, examSteps(p, r.EligibleToTest, today)...)
	requirementsProgress(r.Requirements)
	r.NextStep = eligibilityNextStep(r, p)
	return r
}

// eligibilityNextStep picks what to show first: once a student may test, the exam
// steps, because unfinished coursework no longer stands in their way.
func eligibilityNextStep(r EligibilityReport, p PathwayFacts) string {
	if r.Passed {
		if p.PassedOn.IsZero() {
			return "Add the date you passed: your first continuing-education cycle starts on it"
		}
		return fmt.Sprintf("You passed on %s: your first continuing-education cycle starts that day", formatDay(p.PassedOn))
	}
	for _, req := range r.Requirements {
		if req.Status == RequirementMet || req.Recommended {
			continue
		}
		if r.EligibleToTest && !isExamStep(req.Code) {
			continue
		}
		return req.NextStep
	}
	return ""
}

// requirementsProgress marks met requirements as fully done; the builders only fill in
// Progress for partly done quantities (hours, credits).
func requirementsProgress(reqs []Requirement) {
	for i := range reqs {
		if reqs[i].Status == RequirementMet {
			reqs[i].Progress = 1
		}
	}
}

func isExamStep(code string) bool {
	return code == "authorization_to_test" || code == "exam"
}

func certifyingBody(target TargetCredential) string {
	if target == TargetODS {
		return "NCRA"
	}
	return "AHIMA"
}

// examSteps are the same for every credential: get permission to test, then pass.
func examSteps(p PathwayFacts, eligible bool, today time.Time) []Requirement {
	body := certifyingBody(p.Target)
	passed := p.ExamResult == ExamResultPassed
	permission := Requirement{Code: "authorization_to_test", Label: "Authorization to test from " + body, Status: RequirementMet}
	switch {
	case passed || p.AuthorizationToTest:
	case !eligible:
		permission.Status = RequirementNotYet
		permission.NextStep = fmt.Sprintf("Apply to %s for the exam once the requirements above are met", body)
	case p.Target == TargetODS:
		permission.Status = RequirementNotYet
		permission.NextStep = "Apply to NCRA before the deadline of the next exam window (there are three 3-week windows a year)"
	default:
		permission.Status = RequirementNotYet
		permission.NextStep = fmt.Sprintf("Apply to AHIMA for the %s exam; the authorization to test it sends lets you book a date", p.Target)
	}

	exam := Requirement{Code: "exam", Label: fmt.Sprintf("Pass the %s exam", p.Target), Status: RequirementNotYet}
	scheduled := !p.ExamScheduledOn.IsZero()
	switch {
	case passed:
		exam.Status = RequirementMet
	case scheduled && DaysBetween(today, p.ExamScheduledOn) == 0:
		exam.NextStep = "Your exam is today: bring a government-issued photo ID"
	case scheduled && p.ExamScheduledOn.After(today):
		exam.NextStep = fmt.Sprintf("Take your exam on %s (%s from today)", formatDay(p.ExamScheduledOn), studentCount(DaysBetween(today, p.ExamScheduledOn), "day"))
	case p.ExamResult == ExamResultFailed:
		exam.NextStep = "Review your weakest domains, then apply to retake the exam"
	case scheduled:
		exam.NextStep = fmt.Sprintf("Record your result from the exam on %s", formatDay(p.ExamScheduledOn))
	case p.AuthorizationToTest:
		exam.NextStep = "Schedule your exam with the testing provider named in your authorization to test"
	default:
		exam.NextStep = "Schedule your exam once you have your authorization to test"
	}
	return []Requirement{permission, exam}
}

// programCompletion is met once coursework is done and the graduation date has come.
// A date alone is not enough: students enter an expected date and often slip.
func programCompletion(p PathwayFacts, label string, today time.Time) Requirement {
	req := Requirement{Code: "program_completed", Label: label, Status: RequirementNotYet}
	grad := p.ExpectedGraduation
	switch {
	case grad.IsZero() && p.CourseworkDone:
		req.Status = RequirementUnknown
		req.NextStep = "Add your graduation date"
	case grad.IsZero() && p.ProgramName == "":
		req.Status = RequirementUnknown
		req.NextStep = "Add your program and its expected graduation date"
	case grad.IsZero():
		req.Status = RequirementUnknown
		req.NextStep = "Add your expected graduation date"
	case p.CourseworkDone && !grad.After(today):
		req.Status = RequirementMet
	case p.CourseworkDone:
		req.NextStep = fmt.Sprintf("Graduate on %s", formatDay(grad))
	case grad.After(today):
		req.NextStep = fmt.Sprintf("Finish your coursework; you expect to graduate on %s", formatDay(grad))
	default:
		req.NextStep = fmt.Sprintf("Your expected graduation date (%s) has passed: mark your coursework done or update the date", formatDay(grad))
	}
	return req
}

// programGraduated reports whether the program is finished by the same test as
// programCompletion, for rules that only need the yes/no.
func programGraduated(p PathwayFacts, today time.Time) bool {
	return p.CourseworkDone && !p.ExpectedGraduation.IsZero() && !p.ExpectedGraduation.After(today)
}

// practicumRequirement compares logged hours with the program's requirement. With no
// requirement entered the status is unknown rather than met: programs differ.
func practicumRequirement(p PathwayFacts) Requirement {
	req := Requirement{Code: "practicum", Label: "Practicum hours", Status: RequirementNotYet}
	switch {
	case p.PracticumHoursRequired <= 0:
		req.Status = RequirementUnknown
		req.NextStep = "Ask your program how many practicum hours it requires, and enter them"
	case p.PracticumHoursDone >= p.PracticumHoursRequired:
		req.Status = RequirementMet
	default:
		req.Progress = float64(max(p.PracticumHoursDone, 0)) / float64(p.PracticumHoursRequired)
		req.NextStep = fmt.Sprintf("Complete the remaining %s (%d of %d done)",
			studentCount(p.PracticumHoursRequired-p.PracticumHoursDone, "practicum hour"), p.PracticumHoursDone, p.PracticumHoursRequired)
	}
	return req
}

// studentCount writes a count with its unit, singular for one: "1 day", "3 days".
func studentCount(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return fmt.Sprintf("%d %ss", n, unit)
}
