package handlers

import (
	"errors"
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// cohortJoinForm joins a cohort with its code and the learner's consent.
type cohortJoinForm struct {
	Code          string `form:"code" json:"code" validate:"required,max=40" label:"the join code your instructor gave you"`
	Consent       bool   `form:"consent" json:"consent"`
	ShareOutcomes bool   `form:"share_outcomes" json:"share_outcomes"`
}

// checkCohortJoinForm validates the form; the consent box must be ticked.
func (h *Handlers) checkCohortJoinForm(form cohortJoinForm) FieldErrors {
	errs := h.validate(form)
	if errs == nil {
		errs = FieldErrors{}
	}
	if _, bad := errs["code"]; bad {
		errs["code"] = "Enter the join code your instructor gave you."
	}
	if !form.Consent {
		errs["consent"] = "Tick the box to agree to share this with the cohort's instructors, or leave this page."
	}
	if len(errs) == 0 {
		return nil
	}
	return errs
}

// limitJoinCodes caps how many join codes one learner may try a minute, so codes
// cannot be guessed by trying them all.
func (h *Handlers) limitJoinCodes(c *fiber.Ctx) error {
	return h.limit(c, "join:"+strconv.FormatInt(currentUser(c).ID, 10), h.AuthAttemptsPerMinute, time.Minute)
}

const errUnknownCohortCode = "No open cohort uses this code. Check it with your instructor: it may have been changed."

func (h *Handlers) showJoin(c *fiber.Ctx) error {
	form := cohortJoinForm{Code: models.NormalizeJoinCode(c.Query("code"))}
	if form.Code == "" {
		return h.renderJoin(c, fiber.StatusOK, form, nil)
	}
	if err := h.limitJoinCodes(c); err != nil {
		return err
	}
	if _, err := models.CohortByJoinCode(c.UserContext(), h.DB, form.Code); errors.Is(err, models.ErrNotFound) {
		return h.renderJoin(c, fiber.StatusNotFound, form, FieldErrors{"code": errUnknownCohortCode})
	} else if err != nil {
		return err
	}
	return h.renderJoin(c, fiber.StatusOK, form, nil)
}

// renderJoin shows the join page: the code form, the preview of what a cohort's
// instructors will see (once a known code is entered) and the learner's cohorts.
func (h *Handlers) renderJoin(c *fiber.Ctx, status int, form cohortJoinForm, errs FieldErrors) error {
	ctx := c.UserContext()
	data := fiber.Map{"Title": "Join a cohort", "Form": form, "Errors": errs}
	if form.Code != "" && errs["code"] == "" {
		cohort, err := models.CohortByJoinCode(ctx, h.DB, form.Code)
		if err != nil && !errors.Is(err, models.ErrNotFound) {
			return err
		}
		if err == nil {
			instructors, err := models.CohortInstructors(ctx, h.DB, cohort)
			if err != nil {
				return err
			}
			data["Cohort"], data["Instructors"] = cohort, instructors
		}
	}
	memberships, err := models.MembershipsOf(ctx, h.DB, currentUser(c).ID)
	if err != nil {
		return err
	}
	data["Memberships"] = memberships
	return h.render(c, status, "pages/join", data)
}

func (h *Handlers) joinCohort(c *fiber.Ctx) error {
	var form cohortJoinForm
	unread, err := formFieldProblems(readForm(c, &form))
	if err != nil {
		return err
	}
	form.Code = models.NormalizeJoinCode(form.Code)
	if errs := mergeFields(unread, h.checkCohortJoinForm(form)); errs != nil {
		return h.renderJoin(c, fiber.StatusUnprocessableEntity, form, errs)
	}
	if err := h.limitJoinCodes(c); err != nil {
		return err
	}
	cohort, err := models.JoinCohort(c.UserContext(), h.DB, auditActor(c), currentUser(c).ID, form.Code, form.ShareOutcomes, h.Now())
	switch {
	case errors.Is(err, models.ErrNotFound):
		return h.renderJoin(c, fiber.StatusUnprocessableEntity, form, FieldErrors{"code": errUnknownCohortCode})
	case errors.Is(err, models.ErrAlreadyMember):
		return h.renderJoin(c, fiber.StatusConflict, form, FieldErrors{"code": "You are already a member of this cohort."})
	case err != nil:
		return err
	}
	return h.flashAndRedirect(c, "/join", "You joined "+cohort.Name+". Its instructors can now see your progress.")
}

func (h *Handlers) leaveCohort(c *fiber.Ctx) error {
	id, err := c.ParamsInt("id")
	if err != nil || id <= 0 {
		return models.ErrNotFound
	}
	if err := models.LeaveCohort(c.UserContext(), h.DB, auditActor(c), currentUser(c).ID, int64(id), h.Now()); err != nil {
		return err
	}
	return h.flashAndRedirect(c, "/join", "You left the cohort. Its instructors can no longer see your progress.")
}

func (h *Handlers) apiListMemberships(c *fiber.Ctx) error {
	memberships, err := models.MembershipsOf(c.UserContext(), h.DB, currentUser(c).ID)
	if err != nil {
		return err
	}
	if memberships == nil {
		memberships = []models.CohortMembership{}
	}
	notices, err := models.InstructorNoticesFor(c.UserContext(), h.DB, currentUser(c).ID, h.Now())
	if err != nil {
		return err
	}
	if notices == nil {
		notices = []models.InstructorNotice{}
	}
	return c.JSON(fiber.Map{"memberships": memberships, "new_instructors": notices})
}

func (h *Handlers) apiJoinCohort(c *fiber.Ctx) error {
	var form cohortJoinForm
	if err := readJSON(c, &form); err != nil {
		return err
	}
	form.Code = models.NormalizeJoinCode(form.Code)
	if errs := h.checkCohortJoinForm(form); errs != nil {
		return &validationError{Fields: errs}
	}
	if err := h.limitJoinCodes(c); err != nil {
		return err
	}
	u := currentUser(c)
	now := h.Now() // one reading: the answer shows the instant stored
	cohort, err := models.JoinCohort(c.UserContext(), h.DB, auditActor(c), u.ID, form.Code, form.ShareOutcomes, now)
	switch {
	case errors.Is(err, models.ErrNotFound):
		return &validationError{Fields: FieldErrors{"code": errUnknownCohortCode}}
	case errors.Is(err, models.ErrAlreadyMember):
		return fiber.NewError(fiber.StatusConflict, "You are already a member of this cohort.")
	case err != nil:
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(models.CohortMembership{
		CohortID: cohort.ID, Name: cohort.Name, Program: cohort.Program, Term: cohort.Term,
		TargetCode: cohort.TargetCode, JoinedAt: now, ShareOutcomes: form.ShareOutcomes,
	})
}

func (h *Handlers) apiLeaveCohort(c *fiber.Ctx) error {
	id, err := c.ParamsInt("id")
	if err != nil || id <= 0 {
		return models.ErrNotFound
	}
	if err := models.LeaveCohort(c.UserContext(), h.DB, auditActor(c), currentUser(c).ID, int64(id), h.Now()); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

// instructorNoticePanel names, on a member's dashboard, instructors added to their
// cohorts after they consented, each with a one-click way to leave.
func (h *Handlers) instructorNoticePanel(c *fiber.Ctx, data fiber.Map) error {
	notices, err := models.InstructorNoticesFor(c.UserContext(), h.DB, currentUser(c).ID, h.Now())
	if err != nil {
		return err
	}
	data["InstructorNotices"] = notices
	return nil
}
