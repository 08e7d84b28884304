package handlers

import (
	"errors"
	"fmt"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// cohortSettingsForm is the settings form of the dashboard: the cohort's facts plus
// the archived box.
type cohortSettingsForm struct {
	cohortForm
	Archived bool `form:"archived" json:"-"`
}

// cohortInstructorForm adds a co-instructor by email.
type cohortInstructorForm struct {
	Email string `form:"email" json:"email" validate:"required,email,max=254" label:"the email address of the instructor to add"`
}

func cohortPath(id int64) string { return fmt.Sprintf("/cohorts/%d", id) }

func cohortFormOf(c models.Cohort) cohortForm {
	f := cohortForm{Name: c.Name, Program: c.Program, Term: c.Term, TargetCode: c.TargetCode}
	if on := c.ExamOn(); !on.IsZero() {
		f.TargetExamOn = on.Format("2006-01-02")
	}
	return f
}

func (h *Handlers) updateCohort(c *fiber.Ctx) error {
	cohort, err := h.instructorCohort(c)
	if err != nil {
		return err
	}
	var form cohortSettingsForm
	unread, err := formFieldProblems(readForm(c, &form))
	if err != nil {
		return err
	}
	fields, errs, err := h.checkCohortForm(c, form.cohortForm)
	if err != nil {
		return err
	}
	if errs = mergeFields(unread, errs); errs != nil {
		return h.renderDashboard(c, cohort, fiber.StatusUnprocessableEntity, cohortDashboardExtras{Settings: form.cohortForm, Errors: errs})
	}
	if _, err := models.UpdateCohort(c.UserContext(), h.DB, auditActor(c), cohort, fields, form.Archived, h.Now()); err != nil {
		return err
	}
	return h.flashAndRedirect(c, cohortPath(cohort.ID), "Cohort saved.")
}

func (h *Handlers) regenerateCohortJoinCode(c *fiber.Ctx) error {
	cohort, err := h.instructorCohort(c)
	if err != nil {
		return err
	}
	code, err := models.RegenerateJoinCode(c.UserContext(), h.DB, auditActor(c), cohort, h.Now())
	if err != nil {
		return err
	}
	return h.flashAndRedirect(c, cohortPath(cohort.ID), "New join code: "+code+". The old code no longer works.")
}

func (h *Handlers) disableCohortJoinCode(c *fiber.Ctx) error {
	cohort, err := h.instructorCohort(c)
	if err != nil {
		return err
	}
	if err := models.DisableJoinCode(c.UserContext(), h.DB, auditActor(c), cohort, h.Now()); err != nil {
		return err
	}
	return h.flashAndRedirect(c, cohortPath(cohort.ID), "Joining is disabled. Make a new code to open the cohort again.")
}

func (h *Handlers) addCohortInstructor(c *fiber.Ctx) error {
	cohort, err := h.instructorCohort(c)
	if err != nil {
		return err
	}
	var form cohortInstructorForm
	if err := readForm(c, &form); err != nil {
		return err
	}
	if errs := h.validate(form); errs != nil {
		return h.renderDashboard(c, cohort, fiber.StatusUnprocessableEntity, cohortDashboardExtras{Instructor: form, Errors: errs})
	}
	if err := h.addCoInstructor(c, cohort, form.Email); err != nil {
		return err
	}
	return h.flashAndRedirect(c, cohortPath(cohort.ID), msgInstructorAdded(form.Email))
}

func (h *Handlers) removeCohortInstructor(c *fiber.Ctx) error {
	cohort, uid, err := h.cohortAndUser(c)
	if err != nil {
		return err
	}
	if err := models.RemoveCoInstructor(c.UserContext(), h.DB, auditActor(c), cohort, uid, h.Now()); err != nil {
		return err
	}
	if uid == currentUser(c).ID && currentUser(c).Role != models.RoleAdmin {
		return h.flashAndRedirect(c, "/cohorts", "You are no longer an instructor of "+cohort.Name+".")
	}
	return h.flashAndRedirect(c, cohortPath(cohort.ID), "Co-instructor removed.")
}

func (h *Handlers) apiRemoveCohortInstructor(c *fiber.Ctx) error {
	cohort, uid, err := h.cohortAndUser(c)
	if err != nil {
		return err
	}
	if err := models.RemoveCoInstructor(c.UserContext(), h.DB, auditActor(c), cohort, uid, h.Now()); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

// cohortAndUser loads the cohort of :id for its instructor and reads :uid.
func (h *Handlers) cohortAndUser(c *fiber.Ctx) (models.Cohort, int64, error) {
	cohort, err := h.instructorCohort(c)
	if err != nil {
		return cohort, 0, err
	}
	uid, err := c.ParamsInt("uid")
	if err != nil || uid <= 0 {
		return cohort, 0, models.ErrNotFound
	}
	return cohort, int64(uid), nil
}

// addCoInstructor adds the instructor account with email, or, when there is none,
// quietly tells a learner account's owner why nothing happened: the answer is the
// same either way, so the form cannot be used to find out who has an account.
func (h *Handlers) addCoInstructor(c *fiber.Ctx, cohort models.Cohort, email string) error {
	_, err := models.AddCoInstructor(c.UserContext(), h.DB, auditActor(c), cohort, email, h.BaseURL, h.Now())
	if errors.Is(err, models.ErrNotAnInstructor) {
		return models.QueueInstructorInviteNotice(c.UserContext(), h.DB, cohort, currentUser(c), email, h.Now())
	}
	return err
}

// msgInstructorAdded is the one answer to adding a co-instructor.
func msgInstructorAdded(email string) string {
	return "If " + email + " is an instructor account, they can now see this cohort and are listed under Instructors. " +
		"If not, nothing changed: an admin must make their account an instructor first."
}
