package handlers

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// pathwayJSON is the API shape of a pathway: the form's fields with null for unset
// dates.
type pathwayJSON struct {
	Target                 string  `json:"target"`
	Education              string  `json:"education"`
	ProgramName            string  `json:"program_name"`
	Institution            string  `json:"institution"`
	Accreditation          string  `json:"accreditation"`
	ODSProgram             string  `json:"ods_program"`
	AnatomyCredits         int     `json:"anatomy_credits"`
	RegistryHours          int     `json:"registry_hours"`
	ProgramStart           *string `json:"program_start"`
	LastTermStart          *string `json:"last_term_start"`
	ExpectedGraduation     *string `json:"expected_graduation"`
	CourseworkDone         bool    `json:"coursework_done"`
	PracticumHoursDone     int     `json:"practicum_hours_done"`
	PracticumHoursRequired int     `json:"practicum_hours_required"`
	TranscriptsSent        bool    `json:"transcripts_sent"`
	AuthorizationToTest    bool    `json:"authorization_to_test"`
	ExamScheduledOn        *string `json:"exam_scheduled_on"`
	ExamResult             string  `json:"exam_result"`
	PassedOn               *string `json:"passed_on"`
	WeeklyGoalMinutes      int     `json:"weekly_goal_minutes"`
}

func toPathwayJSON(p models.Pathway) pathwayJSON {
	return pathwayJSON{
		Target: p.TargetCode, Education: p.Education, ProgramName: p.ProgramName, Institution: p.Institution,
		Accreditation: p.Accreditation, ODSProgram: p.ODSProgram, AnatomyCredits: p.AnatomyCredits,
		RegistryHours: p.RegistryHours, ProgramStart: dayJSON(p.ProgramStart), LastTermStart: dayJSON(p.LastTermStart),
		ExpectedGraduation: dayJSON(p.ExpectedGraduation), CourseworkDone: p.CourseworkDone,
		PracticumHoursDone: p.PracticumHoursDone, PracticumHoursRequired: p.PracticumHoursRequired,
		TranscriptsSent: p.TranscriptsSent, AuthorizationToTest: p.AuthorizationToTest,
		ExamScheduledOn: dayJSON(p.ExamScheduledOn), ExamResult: p.ExamResult, PassedOn: dayJSON(p.PassedOn),
		WeeklyGoalMinutes: p.WeeklyGoalMinutes,
	}
}

type requirementJSON struct {
	Code        string  `json:"code"`
	Label       string  `json:"label"`
	Status      string  `json:"status"`
	NextStep    string  `json:"next_step"`
	Recommended bool    `json:"recommended"`
	Progress    float64 `json:"progress"`
}

type odsRouteJSON struct {
	Code         string            `json:"code"`
	Label        string            `json:"label"`
	Status       string            `json:"status"`
	Requirements []requirementJSON `json:"requirements"`
}

type eligibilityJSON struct {
	Target         string            `json:"target"`
	EligibleToTest bool              `json:"eligible_to_test"`
	EarlyTesting   string            `json:"early_testing"`
	Passed         bool              `json:"passed"`
	NextStep       string            `json:"next_step"`
	Requirements   []requirementJSON `json:"requirements"`
	ODSRoutes      []odsRouteJSON    `json:"ods_routes"`
	BestODSRoute   string            `json:"best_ods_route"`
}

func toRequirementsJSON(reqs []models.Requirement) []requirementJSON {
	out := make([]requirementJSON, len(reqs))
	for i, r := range reqs {
		out[i] = requirementJSON{Code: r.Code, Label: r.Label, Status: string(r.Status), NextStep: r.NextStep, Recommended: r.Recommended, Progress: r.Progress}
	}
	return out
}

func toEligibilityJSON(r models.EligibilityReport) eligibilityJSON {
	out := eligibilityJSON{
		Target: string(r.Target), EligibleToTest: r.EligibleToTest, EarlyTesting: string(r.EarlyTesting), Passed: r.Passed,
		NextStep: r.NextStep, Requirements: toRequirementsJSON(r.Requirements), ODSRoutes: []odsRouteJSON{}, BestODSRoute: r.BestODSRoute,
	}
	for _, route := range r.ODSRoutes {
		out.ODSRoutes = append(out.ODSRoutes, odsRouteJSON{Code: route.Code, Label: route.Label, Status: string(route.Status), Requirements: toRequirementsJSON(route.Requirements)})
	}
	return out
}

func (h *Handlers) apiShowPathway(c *fiber.Ctx) error {
	p, err := models.PathwayForUser(c.UserContext(), h.DB, currentUser(c).ID)
	if err != nil {
		return err
	}
	return c.JSON(toPathwayJSON(p))
}

func (h *Handlers) apiSavePathway(c *fiber.Ctx) error {
	var form pathwayForm
	if err := readJSON(c, &form); err != nil {
		return err
	}
	p, fields, _, err := h.applyPathwayForm(c, form)
	if fields != nil {
		return &validationError{Fields: fields}
	}
	if err != nil {
		return err
	}
	return c.JSON(toPathwayJSON(p))
}

func (h *Handlers) apiShowEligibility(c *fiber.Ctx) error {
	p, err := models.PathwayForUser(c.UserContext(), h.DB, currentUser(c).ID)
	if err != nil {
		return err
	}
	return c.JSON(toEligibilityJSON(models.Eligibility(p.Facts(), h.today(c))))
}

// passJSON answers a recorded pass with the held credential and its first cycle.
type passJSON struct {
	CredentialCode  string `json:"credential_code"`
	EarnedOn        string `json:"earned_on"`
	FirstCycleStart string `json:"first_cycle_start"`
	FirstCycleEnd   string `json:"first_cycle_end"`
	CredentialAdded bool   `json:"credential_added"`
}

func (h *Handlers) apiRecordPass(c *fiber.Ctx) error {
	var form passForm
	if err := readJSON(c, &form); err != nil {
		return err
	}
	p, fields, granted, err := h.applyPass(c, form)
	if fields != nil {
		return &validationError{Fields: fields}
	}
	if err != nil {
		return err
	}
	earned, err := models.HeldCredentialEarnedOn(c.UserContext(), h.DB, currentUser(c).ID, p.TargetCode)
	if err != nil {
		return err
	}
	start, end := models.FirstCycle(*p.PassedOn)
	return c.JSON(passJSON{CredentialCode: p.TargetCode, EarnedOn: earned.Format(time.DateOnly),
		FirstCycleStart: start.Format(time.DateOnly), FirstCycleEnd: end.Format(time.DateOnly), CredentialAdded: granted})
}
