package handlers

import (
	"errors"
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// emailChangeForm asks for a new address, confirmed with the current password.
type emailChangeForm struct {
	Email    string `form:"email" json:"email" validate:"required,email,max=254"`
	Password string `form:"email_current_password" json:"current_password" validate:"required"`
}

// confirmForm carries an emailed confirmation token.
type confirmForm struct {
	Token string `form:"token" json:"token"`
}

const msgVerificationSent = "We sent a new confirmation link to your address. It works once, for 3 days."

func (h *Handlers) showConfirmEmail(c *fiber.Ctx) error {
	token := c.Query("token")
	data := fiber.Map{"Title": "Confirm your email address", "Token": token}
	link, err := models.CheckAccountToken(c.UserContext(), h.DB, models.PurposeVerifyEmail, token, h.Now())
	if status, ok := linkRefusalStatus(err); ok {
		data["LinkProblem"] = models.LinkProblem(err, "confirmation")
		return h.render(c, status, "pages/verify_email", data)
	} else if err != nil {
		return err
	}
	data["Address"] = link.Email
	return h.render(c, fiber.StatusOK, "pages/verify_email", data)
}

func (h *Handlers) confirmEmail(c *fiber.Ctx) error {
	var form confirmForm
	if err := readForm(c, &form); err != nil {
		return err
	}
	user, err := models.ConfirmEmail(c.UserContext(), h.DB, auditActor(c), form.Token, h.Now())
	data := fiber.Map{"Title": "Confirm your email address", "Token": form.Token}
	if status, ok := linkRefusalStatus(err); ok {
		data["LinkProblem"] = models.LinkProblem(err, "confirmation")
		return h.render(c, status, "pages/verify_email", data)
	}
	if errors.Is(err, models.ErrDuplicateEmail) {
		data["LinkProblem"] = msgDuplicateEmail
		return h.render(c, fiber.StatusConflict, "pages/verify_email", data)
	}
	if err != nil {
		return err
	}
	next := "/login"
	if v := currentViewer(c); v != nil && v.User.ID == user.ID {
		next = "/dashboard"
	}
	return h.flashAndRedirect(c, next, "Thank you: "+user.Email+" is confirmed.")
}

func (h *Handlers) resendVerification(c *fiber.Ctx) error {
	if err := h.sendVerification(c); err != nil {
		return err
	}
	return h.flashAndRedirect(c, "/dashboard", msgVerificationSent)
}

// sendVerification emails a fresh link unless the address is already confirmed.
func (h *Handlers) sendVerification(c *fiber.Ctx) error {
	user := currentUser(c)
	if user.EmailVerified() {
		return fiber.NewError(fiber.StatusConflict, "Your address is already confirmed.")
	}
	if err := h.limit(c, "verify:"+strconv.FormatInt(user.ID, 10), resetRequestsPer15Minutes, 15*time.Minute); err != nil {
		return err
	}
	return models.SendVerification(c.UserContext(), h.DB, user, h.BaseURL, h.Now())
}

func (h *Handlers) changeEmail(c *fiber.Ctx) error {
	var form emailChangeForm
	if err := readForm(c, &form); err != nil {
		return err
	}
	fields, err := h.requestEmailChange(c, form)
	if fields != nil {
		status := fiber.StatusUnprocessableEntity
		if errors.Is(err, models.ErrDuplicateEmail) {
			status = fiber.StatusConflict
		}
		if msg, ok := fields["current_password"]; ok {
			// The page names this field apart from the password form's.
			fields = FieldErrors{"email": fields["email"], "email_current_password": msg}
		}
		return h.renderAccountWith(c, status, fields, fiber.Map{"NewEmail": form.Email})
	}
	if err != nil {
		return err
	}
	return h.flashAndRedirect(c, "/account", msgEmailChangeSent(form.Email))
}

func msgEmailChangeSent(address string) string {
	return "We sent a confirmation link to " + models.NormalizeEmail(address) +
		". Your address changes when you open it; until then you keep using the current one."
}

// requestEmailChange checks the password and the new address, then sends the links.
func (h *Handlers) requestEmailChange(c *fiber.Ctx, form emailChangeForm) (FieldErrors, error) {
	form.Email = models.NormalizeEmail(form.Email)
	if fields := h.validate(form); fields != nil {
		return fields, nil
	}
	user := currentUser(c)
	if !h.Hasher.Check(user.PasswordHash, form.Password) {
		return FieldErrors{"current_password": "That is not your current password."}, nil
	}
	if form.Email == user.Email {
		return FieldErrors{"email": "That is already your address."}, nil
	}
	err := models.RequestEmailChange(c.UserContext(), h.DB, auditActor(c), user, form.Email, h.BaseURL, h.Now())
	if errors.Is(err, models.ErrDuplicateEmail) {
		return FieldErrors{"email": msgDuplicateEmail}, err
	}
	return nil, err
}

func (h *Handlers) apiConfirmEmail(c *fiber.Ctx) error {
	var form confirmForm
	if err := readJSON(c, &form); err != nil {
		return err
	}
	user, err := models.ConfirmEmail(c.UserContext(), h.DB, auditActor(c), form.Token, h.Now())
	if status, ok := linkRefusalStatus(err); ok {
		return c.Status(status).JSON(apiProblem{Error: models.LinkProblem(err, "confirmation")})
	}
	if errors.Is(err, models.ErrDuplicateEmail) {
		return c.Status(fiber.StatusConflict).JSON(apiProblem{Error: msgDuplicateEmail})
	}
	if err != nil {
		return err
	}
	return c.JSON(h.toUserJSON(user))
}

func (h *Handlers) apiResendVerification(c *fiber.Ctx) error {
	if err := h.sendVerification(c); err != nil {
		return err
	}
	return c.Status(fiber.StatusAccepted).JSON(fiber.Map{"message": msgVerificationSent})
}

func (h *Handlers) apiChangeEmail(c *fiber.Ctx) error {
	var form emailChangeForm
	if err := readJSON(c, &form); err != nil {
		return err
	}
	fields, err := h.requestEmailChange(c, form)
	if errors.Is(err, models.ErrDuplicateEmail) {
		return c.Status(fiber.StatusConflict).JSON(apiProblem{Error: msgDuplicateEmail, Fields: fields})
	}
	if fields != nil {
		return &validationError{Fields: fields}
	}
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusAccepted).JSON(fiber.Map{"message": msgEmailChangeSent(form.Email)})
}
