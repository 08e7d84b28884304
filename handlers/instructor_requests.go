package handlers

import (
	"errors"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// teachForm is an "I teach" request (account page and API).
type teachForm struct {
	School  string `form:"school" json:"school"`
	Program string `form:"program" json:"program"`
}

// decisionForm is an admin's answer to a request.
type decisionForm struct {
	Decision string `form:"decision" json:"decision" validate:"required,oneof=approve decline"`
}

const msgRequestOpen = "Your request is already waiting for an administrator."

// fileTeachRequest validates and files the signed-in learner's request.
func (h *Handlers) fileTeachRequest(c *fiber.Ctx, form teachForm) (models.InstructorRequest, FieldErrors, error) {
	user := currentUser(c)
	if user.Role != models.RoleLearner {
		return models.InstructorRequest{}, nil, fiber.NewError(fiber.StatusConflict, "You can already teach on hitpath.")
	}
	school, program, problems := models.CheckInstructorRequest(form.School, form.Program)
	if problems != nil {
		return models.InstructorRequest{}, FieldErrors(problems), nil
	}
	r, err := models.RequestInstructorRole(c.UserContext(), h.DB, user, school, program, h.Now())
	if errors.Is(err, models.ErrRequestOpen) {
		return r, nil, fiber.NewError(fiber.StatusConflict, msgRequestOpen)
	}
	return r, nil, err
}

func (h *Handlers) requestTeaching(c *fiber.Ctx) error {
	var form teachForm
	if err := readForm(c, &form); err != nil {
		return err
	}
	_, fields, err := h.fileTeachRequest(c, form)
	if fields != nil {
		return h.renderAccountWith(c, fiber.StatusUnprocessableEntity, fields, fiber.Map{"Teach": form})
	}
	if err != nil {
		return err
	}
	return h.flashAndRedirect(c, "/account", "Your request is sent. We will email you when an administrator decides.")
}

func (h *Handlers) apiRequestTeaching(c *fiber.Ctx) error {
	var form teachForm
	if err := readJSON(c, &form); err != nil {
		return err
	}
	r, fields, err := h.fileTeachRequest(c, form)
	if fields != nil {
		return &validationError{Fields: fields}
	}
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(toRequestJSON(r))
}

// requestJSON is an instructor request in the API.
type requestJSON struct {
	ID      int64  `json:"id"`
	UserID  int64  `json:"user_id"`
	Name    string `json:"name,omitempty"`
	Email   string `json:"email,omitempty"`
	School  string `json:"school"`
	Program string `json:"program"`
	Status  string `json:"status"`
}

func toRequestJSON(r models.InstructorRequest) requestJSON {
	return requestJSON{ID: r.ID, UserID: r.UserID, Name: r.Name, Email: r.Email, School: r.School, Program: r.Program, Status: r.Status}
}

func (h *Handlers) showTeachRequests(c *fiber.Ctx) error {
	requests, err := models.PendingInstructorRequests(c.UserContext(), h.DB)
	if err != nil {
		return err
	}
	return h.render(c, fiber.StatusOK, "pages/admin_requests", fiber.Map{"Title": "Instructor requests", "Requests": requests})
}

// decideTeachRequest applies an admin's decision to request :id.
func (h *Handlers) decideTeachRequest(c *fiber.Ctx, form decisionForm) (models.InstructorRequest, error) {
	id, err := c.ParamsInt("id")
	if err != nil {
		return models.InstructorRequest{}, fiber.ErrNotFound
	}
	if fields := h.validate(form); fields != nil {
		return models.InstructorRequest{}, &validationError{Fields: fields}
	}
	r, err := models.DecideInstructorRequest(c.UserContext(), h.DB, auditActor(c), int64(id), form.Decision == "approve", h.BaseURL, h.Now())
	if errors.Is(err, models.ErrRequestDecided) {
		return r, fiber.NewError(fiber.StatusConflict, "This request was already "+r.Status+"; the requester has been told.")
	}
	return r, err
}

func (h *Handlers) decideTeachRequestPage(c *fiber.Ctx) error {
	var form decisionForm
	if err := readForm(c, &form); err != nil {
		return err
	}
	r, err := h.decideTeachRequest(c, form)
	if err != nil {
		return err
	}
	return h.flashAndRedirect(c, "/admin/instructor-requests", "Request "+r.Status+"; the requester is told by email.")
}

func (h *Handlers) apiListTeachRequests(c *fiber.Ctx) error {
	requests, err := models.PendingInstructorRequests(c.UserContext(), h.DB)
	if err != nil {
		return err
	}
	out := make([]requestJSON, len(requests))
	for i, r := range requests {
		out[i] = toRequestJSON(r)
	}
	return c.JSON(fiber.Map{"requests": out})
}

func (h *Handlers) apiDecideTeachRequest(c *fiber.Ctx) error {
	var form decisionForm
	if err := readJSON(c, &form); err != nil {
		return err
	}
	r, err := h.decideTeachRequest(c, form)
	if err != nil {
		return err
	}
	return c.JSON(toRequestJSON(r))
}
