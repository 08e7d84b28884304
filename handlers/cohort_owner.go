package handlers

import (
	"errors"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// cohortOwnerForm names the co-instructor who takes a cohort over.
type cohortOwnerForm struct {
	UserID int64 `form:"user_id" json:"user_id" validate:"required,min=1" label:"the co-instructor who takes the cohort over"`
}

const (
	msgNotCoInstructor = "Choose one of this cohort's co-instructors. Add them under Instructors first if they are not listed."
	msgOnlyOwnerHands  = "Only the owner of this cohort (or an administrator) can hand it over."
)

// handOverCohort checks that the viewer owns the cohort (or is an admin) and makes
// the chosen co-instructor its owner; the page and the API share it.
func (h *Handlers) handOverCohort(c *fiber.Ctx, cohort models.Cohort, form cohortOwnerForm) (models.Cohort, FieldErrors, error) {
	viewer := currentUser(c)
	if cohort.OwnerID != viewer.ID && viewer.Role != models.RoleAdmin {
		return cohort, nil, fiber.NewError(fiber.StatusForbidden, msgOnlyOwnerHands)
	}
	if fields := h.validate(form); fields != nil {
		return cohort, fields, nil
	}
	cohort, err := models.HandOverCohort(c.UserContext(), h.DB, auditActor(c), cohort, form.UserID, h.BaseURL, h.Now())
	if errors.Is(err, models.ErrNotCoInstructor) {
		return cohort, FieldErrors{"user_id": msgNotCoInstructor}, nil
	}
	return cohort, nil, err
}

func (h *Handlers) changeCohortOwner(c *fiber.Ctx) error {
	cohort, err := h.instructorCohort(c)
	if err != nil {
		return err
	}
	var form cohortOwnerForm
	fields, err := formFieldProblems(readForm(c, &form))
	if err != nil {
		return err
	}
	var updated models.Cohort
	if fields == nil {
		updated, fields, err = h.handOverCohort(c, cohort, form)
	}
	if fields != nil {
		return h.renderDashboard(c, cohort, fiber.StatusUnprocessableEntity, cohortDashboardExtras{Settings: cohortFormOf(cohort), Errors: fields})
	}
	if err != nil {
		return err
	}
	return h.flashAndRedirect(c, cohortPath(updated.ID), "The cohort has a new owner. You stay on as a co-instructor until you remove yourself.")
}

func (h *Handlers) apiChangeCohortOwner(c *fiber.Ctx) error {
	cohort, err := h.instructorCohort(c)
	if err != nil {
		return err
	}
	var form cohortOwnerForm
	if err := readJSON(c, &form); err != nil {
		return err
	}
	updated, fields, err := h.handOverCohort(c, cohort, form)
	if fields != nil {
		return &validationError{Fields: fields}
	}
	if err != nil {
		return err
	}
	return h.apiRespondCohort(c, fiber.StatusOK, updated)
}
