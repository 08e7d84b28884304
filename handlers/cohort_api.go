package handlers

import (
	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// cohortPatch is the body of PATCH /api/v1/cohorts/{id}: every field is optional.
type cohortPatch struct {
	Name         *string `json:"name"`
	Program      *string `json:"program"`
	Term         *string `json:"term"`
	TargetCode   *string `json:"target_code"`
	TargetExamOn *string `json:"target_exam_on"`
	Archived     *bool   `json:"archived"`
}

// overlay applies the patch to the cohort's current form.
func (p cohortPatch) overlay(form cohortForm) cohortForm {
	for dst, src := range map[*string]*string{&form.Name: p.Name, &form.Program: p.Program, &form.Term: p.Term, &form.TargetCode: p.TargetCode, &form.TargetExamOn: p.TargetExamOn} {
		if src != nil {
			*dst = *src
		}
	}
	return form
}

func (h *Handlers) apiListCohorts(c *fiber.Ctx) error {
	u := currentUser(c)
	cohorts, err := models.CohortsForInstructor(c.UserContext(), h.DB, u.ID, u.Role == models.RoleAdmin)
	if err != nil {
		return err
	}
	out := make([]cohortJSON, len(cohorts))
	for i, s := range cohorts {
		out[i] = h.toCohortJSON(s.Cohort)
		out[i].Members = &s.Members
	}
	return c.JSON(fiber.Map{"cohorts": out})
}

func (h *Handlers) apiCreateCohort(c *fiber.Ctx) error {
	var form cohortForm
	if err := readJSON(c, &form); err != nil {
		return err
	}
	fields, errs, err := h.checkCohortForm(c, form)
	if err != nil {
		return err
	}
	if errs != nil {
		return &validationError{Fields: errs}
	}
	cohort, err := models.CreateCohort(c.UserContext(), h.DB, auditActor(c), currentUser(c).ID, fields, h.Now())
	if err != nil {
		return err
	}
	return h.apiRespondCohort(c, fiber.StatusCreated, cohort)
}

func (h *Handlers) apiRespondCohort(c *fiber.Ctx, status int, cohort models.Cohort) error {
	instructors, err := models.CohortInstructors(c.UserContext(), h.DB, cohort)
	if err != nil {
		return err
	}
	out := h.toCohortJSON(cohort)
	for _, u := range instructors {
		out.Instructors = append(out.Instructors, toUserJSON(u))
	}
	return c.Status(status).JSON(out)
}

func (h *Handlers) apiShowCohort(c *fiber.Ctx) error {
	cohort, err := h.instructorCohort(c)
	if err != nil {
		return err
	}
	return h.apiRespondCohort(c, fiber.StatusOK, cohort)
}

func (h *Handlers) apiUpdateCohort(c *fiber.Ctx) error {
	cohort, err := h.instructorCohort(c)
	if err != nil {
		return err
	}
	var patch cohortPatch
	if err := readJSON(c, &patch); err != nil {
		return err
	}
	fields, errs, err := h.checkCohortForm(c, patch.overlay(cohortFormOf(cohort)))
	if err != nil {
		return err
	}
	if errs != nil {
		return &validationError{Fields: errs}
	}
	archived := cohort.Archived()
	if patch.Archived != nil {
		archived = *patch.Archived
	}
	if cohort, err = models.UpdateCohort(c.UserContext(), h.DB, auditActor(c), cohort, fields, archived, h.Now()); err != nil {
		return err
	}
	return h.apiRespondCohort(c, fiber.StatusOK, cohort)
}

func (h *Handlers) apiShowCohortDashboard(c *fiber.Ctx) error {
	cohort, err := h.instructorCohort(c)
	if err != nil {
		return err
	}
	dash, err := models.LoadCohortDashboard(c.UserContext(), h.DB, cohort, h.today())
	if err != nil {
		return err
	}
	out := cohortDashboardJSON{
		Cohort: h.toCohortJSON(cohort), Today: dash.Today.Format("2006-01-02"), Total: len(dash.Rows),
		AtRiskCount: dash.AtRiskCount(), Outcomes: toCohortOutcomesJSON(dash.Outcomes),
	}
	readCohortDashboardView(c).apply(&dash)
	out.Students = make([]cohortRowJSON, len(dash.Rows))
	for i, r := range dash.Rows {
		out.Students[i] = toCohortRowJSON(r)
	}
	out.WeeklyMinutes = make([]cohortWeekJSON, len(dash.Weekly))
	for i, w := range dash.Weekly {
		out.WeeklyMinutes[i] = cohortWeekJSON{WeekStart: w.Start.Format("2006-01-02"), Minutes: w.Minutes}
	}
	return c.JSON(out)
}

func (h *Handlers) apiRegenerateJoinCode(c *fiber.Ctx) error {
	cohort, err := h.instructorCohort(c)
	if err != nil {
		return err
	}
	code, err := models.RegenerateJoinCode(c.UserContext(), h.DB, auditActor(c), cohort, h.Now())
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"join_code": code, "join_link": h.joinLink(code)})
}

func (h *Handlers) apiDisableJoinCode(c *fiber.Ctx) error {
	cohort, err := h.instructorCohort(c)
	if err != nil {
		return err
	}
	if err := models.DisableJoinCode(c.UserContext(), h.DB, auditActor(c), cohort, h.Now()); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

func (h *Handlers) apiAddCohortInstructor(c *fiber.Ctx) error {
	cohort, err := h.instructorCohort(c)
	if err != nil {
		return err
	}
	var form cohortInstructorForm
	if err := readJSON(c, &form); err != nil {
		return err
	}
	if errs := h.validate(form); errs != nil {
		return &validationError{Fields: errs}
	}
	if err := h.addCoInstructor(c, cohort, form.Email); err != nil {
		return err
	}
	return h.apiRespondCohort(c, fiber.StatusOK, cohort)
}
