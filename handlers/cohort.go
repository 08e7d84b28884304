package handlers

import (
	"strings"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// cohortForm creates or edits a cohort (page form and API body).
type cohortForm struct {
	Name         string `form:"name" json:"name" validate:"required,max=120" label:"a name for the cohort"`
	Program      string `form:"program" json:"program" validate:"max=200"`
	Term         string `form:"term" json:"term" validate:"max=60"`
	TargetCode   string `form:"target_code" json:"target_code" validate:"required,max=10" label:"the credential the cohort prepares for"`
	TargetExamOn string `form:"target_exam_on" json:"target_exam_on"`
}

// checkCohortForm validates the form against the catalogue and returns its fields.
func (h *Handlers) checkCohortForm(c *fiber.Ctx, form cohortForm) (models.CohortFields, FieldErrors, error) {
	fields := h.validate(form)
	if fields == nil {
		fields = FieldErrors{}
	}
	options, err := models.CohortTargetOptions(c.UserContext(), h.DB)
	if err != nil {
		return models.CohortFields{}, nil, err
	}
	if _, ok := fields["target_code"]; !ok && !cohortHasOption(options, form.TargetCode) {
		fields["target_code"] = "Choose a credential from the list."
	}
	out := models.CohortFields{Name: form.Name, Program: form.Program, Term: form.Term, TargetCode: form.TargetCode}
	if s := strings.TrimSpace(form.TargetExamOn); s != "" {
		on, err := models.ParseDate(s)
		if err != nil {
			fields["target_exam_on"] = err.Error()
		}
		out.TargetExamOn = on
	}
	if len(fields) == 0 {
		fields = nil
	}
	return out, fields, nil
}

func cohortHasOption(options []models.CohortCredentialOption, code string) bool {
	for _, o := range options {
		if o.Code == code {
			return true
		}
	}
	return false
}

// instructorCohort loads the cohort named by :id for the current user, or answers
// 404 when they are neither its owner, a co-instructor nor an admin.
func (h *Handlers) instructorCohort(c *fiber.Ctx) (models.Cohort, error) {
	id, err := c.ParamsInt("id")
	if err != nil || id <= 0 {
		return models.Cohort{}, models.ErrNotFound
	}
	u := currentUser(c)
	if !hasRole(u, []string{models.RoleInstructor}) {
		return models.Cohort{}, models.ErrNotFound
	}
	return models.CohortForInstructor(c.UserContext(), h.DB, int64(id), u.ID, u.Role == models.RoleAdmin)
}

// requireAPICohortRole answers 404 (not 403) to learners on per-cohort API routes, so
// that an id does not reveal whether a cohort exists.
func (h *Handlers) requireAPICohortRole(c *fiber.Ctx) error {
	if !hasRole(currentUser(c), []string{models.RoleInstructor}) {
		return fiber.NewError(fiber.StatusNotFound, msgNotFound)
	}
	return c.Next()
}

// joinLink is the address a student opens to join with the code filled in.
func (h *Handlers) joinLink(code string) string {
	if code == "" {
		return ""
	}
	return strings.TrimRight(h.BaseURL, "/") + "/join?code=" + code
}

func (h *Handlers) showCohorts(c *fiber.Ctx) error {
	return h.renderCohorts(c, fiber.StatusOK, cohortForm{}, nil)
}

func (h *Handlers) renderCohorts(c *fiber.Ctx, status int, form cohortForm, errs FieldErrors) error {
	u := currentUser(c)
	cohorts, err := models.CohortsForInstructor(c.UserContext(), h.DB, u.ID, u.Role == models.RoleAdmin)
	if err != nil {
		return err
	}
	options, err := models.CohortTargetOptions(c.UserContext(), h.DB)
	if err != nil {
		return err
	}
	return h.render(c, status, "pages/cohorts", fiber.Map{
		"Title": "Cohorts", "Cohorts": cohorts, "Options": options, "Form": form, "Errors": errs,
	})
}

func (h *Handlers) createCohort(c *fiber.Ctx) error {
	var form cohortForm
	if err := readForm(c, &form); err != nil {
		return err
	}
	fields, errs, err := h.checkCohortForm(c, form)
	if err != nil {
		return err
	}
	if errs != nil {
		return h.renderCohorts(c, fiber.StatusUnprocessableEntity, form, errs)
	}
	cohort, err := models.CreateCohort(c.UserContext(), h.DB, auditActor(c), currentUser(c).ID, fields, h.Now())
	if err != nil {
		return err
	}
	return h.flashAndRedirect(c, cohortPath(cohort.ID), "Cohort created. Share the join code with your students.")
}
