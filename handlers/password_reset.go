package handlers

import (
	"errors"
	"time"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// forgotForm asks for a reset link (page and POST /api/v1/auth/password-reset).
type forgotForm struct {
	Email string `form:"email" json:"email" validate:"required,email,max=254"`
}

// resetForm sets a new password through an emailed link.
type resetForm struct {
	Token   string `form:"token" json:"token" validate:"required"`
	New     string `form:"new_password" json:"new_password" validate:"required,password"`
	Confirm string `form:"confirm_password" json:"confirm_password" validate:"omitempty,eqfield=New"`
}

// msgResetSent is the one answer to a reset request, whether or not the address has
// an account.
const msgResetSent = "If an account uses that address, we have emailed it a link to choose a new password. The link works once, for one hour."

// resetRequestsPer15Minutes limits reset emails to one address.
const resetRequestsPer15Minutes = 3

func (h *Handlers) showForgotPassword(c *fiber.Ctx) error {
	return h.render(c, fiber.StatusOK, "pages/forgot_password", fiber.Map{"Title": "Forgot your password?", "Form": forgotForm{}})
}

func (h *Handlers) requestPasswordReset(c *fiber.Ctx) error {
	var form forgotForm
	if err := readForm(c, &form); err != nil {
		return err
	}
	data := fiber.Map{"Title": "Forgot your password?", "Form": form}
	if fields, err := h.sendResetLink(c, form); fields != nil {
		data["Errors"] = fields
		return h.render(c, fiber.StatusUnprocessableEntity, "pages/forgot_password", data)
	} else if err != nil {
		return err
	}
	data["Sent"] = msgResetSent
	return h.render(c, fiber.StatusOK, "pages/forgot_password", data)
}

// sendResetLink validates a reset request and queues the email when the account
// exists; the page and the API share it.
func (h *Handlers) sendResetLink(c *fiber.Ctx, form forgotForm) (FieldErrors, error) {
	form.Email = models.NormalizeEmail(form.Email)
	if fields := h.validate(form); fields != nil {
		return fields, nil
	}
	// Limited per address asked about, so nobody can flood a mailbox; the route's
	// per-client limit applies too.
	if err := h.limit(c, "reset:"+form.Email, resetRequestsPer15Minutes, 15*time.Minute); err != nil {
		return nil, err
	}
	return nil, models.RequestPasswordReset(c.UserContext(), h.DB, auditActor(c), form.Email, h.BaseURL, h.Now())
}

func (h *Handlers) showResetPassword(c *fiber.Ctx) error {
	token := c.Query("token")
	data := fiber.Map{"Title": "Choose a new password", "Token": token}
	if _, err := models.CheckAccountToken(c.UserContext(), h.DB, models.PurposePasswordReset, token, h.Now()); err != nil {
		return h.refuseResetLink(c, err, data)
	}
	return h.render(c, fiber.StatusOK, "pages/reset_password", data)
}

func (h *Handlers) resetPassword(c *fiber.Ctx) error {
	var form resetForm
	if err := readForm(c, &form); err != nil {
		return err
	}
	data := fiber.Map{"Title": "Choose a new password", "Token": form.Token}
	fields, err := h.setPasswordFromLink(c, form)
	if fields != nil {
		data["Errors"] = fields
		return h.render(c, fiber.StatusUnprocessableEntity, "pages/reset_password", data)
	}
	if err != nil {
		return h.refuseResetLink(c, err, data)
	}
	return h.flashAndRedirect(c, "/login", "Your password is changed and every device was logged out. Log in with the new password.")
}

// refuseResetLink shows why a link cannot be used: 410 when it expired or was used,
// 404 when it never existed.
func (h *Handlers) refuseResetLink(c *fiber.Ctx, err error, data fiber.Map) error {
	status, ok := linkRefusalStatus(err)
	if !ok {
		return err
	}
	data["LinkProblem"] = models.LinkProblem(err, "reset")
	return h.render(c, status, "pages/reset_password", data)
}

// linkRefusalStatus maps a refused emailed link to its status; ok is false for errors
// that are not about the link.
func linkRefusalStatus(err error) (int, bool) {
	switch {
	case errors.Is(err, models.ErrLinkExpired), errors.Is(err, models.ErrLinkUsed):
		return fiber.StatusGone, true
	case errors.Is(err, models.ErrNotFound):
		return fiber.StatusNotFound, true
	}
	return 0, false
}

// setPasswordFromLink validates the new password and applies it through the link.
func (h *Handlers) setPasswordFromLink(c *fiber.Ctx, form resetForm) (FieldErrors, error) {
	if fields := h.validate(form); fields != nil {
		if _, onlyToken := fields["token"]; !onlyToken || len(fields) > 1 {
			delete(fields, "token")
			return fields, nil
		}
		return nil, models.ErrNotFound
	}
	hash, err := h.Hasher.Hash(form.New)
	if err != nil {
		return nil, err
	}
	_, err = models.ResetPassword(c.UserContext(), h.DB, auditActor(c), form.Token, hash, h.BaseURL, h.Now())
	return nil, err
}

func (h *Handlers) apiRequestPasswordReset(c *fiber.Ctx) error {
	var form forgotForm
	if err := readJSON(c, &form); err != nil {
		return err
	}
	fields, err := h.sendResetLink(c, form)
	if fields != nil {
		return &validationError{Fields: fields}
	}
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusAccepted).JSON(fiber.Map{"message": msgResetSent})
}

func (h *Handlers) apiResetPassword(c *fiber.Ctx) error {
	var form resetForm
	if err := readJSON(c, &form); err != nil {
		return err
	}
	fields, err := h.setPasswordFromLink(c, form)
	if fields != nil {
		return &validationError{Fields: fields}
	}
	if status, ok := linkRefusalStatus(err); ok {
		return c.Status(status).JSON(apiProblem{Error: models.LinkProblem(err, "reset")})
	}
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"message": "Your password is changed and every session was ended. Log in with the new password."})
}
