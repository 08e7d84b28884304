package handlers

import (
	"errors"
	"strings"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
	"hitpath/views"
)

// cohortNudgeForm sends a message to chosen students. On the page, the "all at risk" button
// sends audience=at_risk instead of ticked boxes, so it works without JavaScript.
type cohortNudgeForm struct {
	UserIDs  []int64 `form:"user_id" json:"user_ids"`
	Audience string  `form:"audience" json:"audience" validate:"omitempty,oneof=selected at_risk"`
	Message  string  `form:"message" json:"message" validate:"required,max=4000"`
}

// recipients returns the ids to nudge: the ticked students, or every at-risk one.
func (h *Handlers) cohortNudgeRecipients(c *fiber.Ctx, cohort models.Cohort, form cohortNudgeForm) ([]int64, error) {
	if form.Audience != "at_risk" {
		return form.UserIDs, nil
	}
	dash, err := models.LoadCohortDashboard(c.UserContext(), h.DB, cohort, h.today(c))
	if err != nil {
		return nil, err
	}
	var ids []int64
	for _, r := range models.CohortAtRiskRows(dash.Rows) {
		ids = append(ids, r.UserID)
	}
	return ids, nil
}

// checkCohortNudge validates the form and resolves its recipients.
func (h *Handlers) checkCohortNudge(c *fiber.Ctx, cohort models.Cohort, form cohortNudgeForm) ([]int64, FieldErrors, error) {
	errs := h.validate(form)
	if errs != nil {
		if _, ok := errs["message"]; ok {
			errs["message"] = nudgeMessageProblem(form.Message)
		}
		return nil, errs, nil
	}
	if cohort.Archived() {
		return nil, FieldErrors{"message": "This cohort is archived: restore it to send messages."}, nil
	}
	ids, err := h.cohortNudgeRecipients(c, cohort, form)
	if err == nil && len(ids) == 0 && form.Audience == "at_risk" {
		errs = FieldErrors{"user_ids": "No student in this cohort is at risk right now, so no message was sent."}
	} else if err == nil && len(ids) == 0 {
		errs = FieldErrors{"user_ids": "Select at least one student."}
	}
	return ids, errs, err
}

func (h *Handlers) sendCohortNudge(c *fiber.Ctx) error {
	cohort, err := h.instructorCohort(c)
	if err != nil {
		return err
	}
	var form cohortNudgeForm
	unread, err := formFieldProblems(readForm(c, &form))
	if err != nil {
		return err
	}
	var ids []int64
	var errs FieldErrors
	if unread != nil {
		errs = FieldErrors{"user_ids": unread["user_id"]} // the boxes are user_id, their message user_ids
	} else if ids, errs, err = h.checkCohortNudge(c, cohort, form); err != nil {
		return err
	}
	if errs != nil {
		return h.renderDashboard(c, cohort, fiber.StatusUnprocessableEntity, cohortDashboardExtras{Settings: cohortFormOf(cohort), Nudge: form, Errors: errs})
	}
	sent, err := models.SendCohortNudge(c.UserContext(), h.DB, auditActor(c), cohort, currentUser(c), ids, form.Message, h.Now())
	if errors.Is(err, models.ErrNoRecipients) {
		return h.renderDashboard(c, cohort, fiber.StatusUnprocessableEntity, cohortDashboardExtras{Settings: cohortFormOf(cohort), Nudge: form, Errors: FieldErrors{"user_ids": msgNoRecipients}})
	}
	if err != nil {
		return err
	}
	queued, _ := splitQueued(sent)
	msg := "Message sent to " + views.Count(len(queued), "student", "students") + ": it is in their notices, and emailed to those who confirmed their address."
	if skipped := len(sent) - len(queued); skipped > 0 {
		msg += " " + views.Count(skipped, "student", "students") + " already had this message today and will not get it twice."
	}
	return h.flashAndRedirect(c, cohortPath(cohort.ID), msg)
}

func (h *Handlers) apiSendCohortNudge(c *fiber.Ctx) error {
	cohort, err := h.instructorCohort(c)
	if err != nil {
		return err
	}
	var form cohortNudgeForm
	if err := readJSON(c, &form); err != nil {
		return err
	}
	ids, errs, err := h.checkCohortNudge(c, cohort, form)
	if err != nil {
		return err
	}
	if errs != nil {
		return &validationError{Fields: errs}
	}
	sent, err := models.SendCohortNudge(c.UserContext(), h.DB, auditActor(c), cohort, currentUser(c), ids, form.Message, h.Now())
	if errors.Is(err, models.ErrNoRecipients) {
		return &validationError{Fields: FieldErrors{"user_ids": msgNoRecipients}}
	}
	if err != nil {
		return err
	}
	queued, already := splitQueued(sent)
	return c.JSON(fiber.Map{"queued": len(queued), "user_ids": queued, "already_queued_user_ids": already})
}

// msgNoRecipients refuses a message addressed only to people who are not current
// members of the cohort.
const msgNoRecipients = "None of the selected people is a current member of this cohort, so no message was sent."

// splitQueued separates the recipients whose email this nudge queued from those who
// already had the same message today.
func splitQueued(recipients []models.CohortNudgeRecipient) (queued, already []int64) {
	queued, already = []int64{}, []int64{}
	for _, r := range recipients {
		if r.Queued {
			queued = append(queued, r.ID)
		} else {
			already = append(already, r.ID)
		}
	}
	return queued, already
}

// nudgeMessageProblem words what is wrong with a nudge's message: it is empty or too long.
func nudgeMessageProblem(message string) string {
	if strings.TrimSpace(message) == "" {
		return "Write the message to send."
	}
	return "Shorten the message to 4,000 characters or fewer."
}
