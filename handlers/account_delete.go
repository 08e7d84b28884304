package handlers

import (
	"errors"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// deleteAccountForm confirms deleting one's own account with the password.
type deleteAccountForm struct {
	Password string `form:"password" json:"password" validate:"required"`
}

const msgOwnsCohorts = "You own cohorts that are still active. Archive them on their settings page first, so their students are not left without an instructor."

// deleteOwnAccount checks the password and deletes the signed-in user's account; the
// page and the API share it.
func (h *Handlers) deleteOwnAccount(c *fiber.Ctx, form deleteAccountForm) (FieldErrors, error) {
	if fields := h.validate(form); fields != nil {
		return fields, nil
	}
	user := currentUser(c)
	if !h.Hasher.Check(user.PasswordHash, form.Password) {
		return FieldErrors{"password": "That is not your password."}, nil
	}
	err := models.DeleteAccount(c.UserContext(), h.DB, auditActor(c), user.ID, h.Now())
	if errors.Is(err, models.ErrLastAdmin) {
		return FieldErrors{"password": msgLastAdmin}, nil
	}
	return nil, err
}

func (h *Handlers) deleteAccount(c *fiber.Ctx) error {
	var form deleteAccountForm
	if err := readForm(c, &form); err != nil {
		return err
	}
	fields, err := h.deleteOwnAccount(c, form)
	if errors.Is(err, models.ErrOwnsActiveCohorts) {
		fields, err = FieldErrors{"password": msgOwnsCohorts}, nil
	}
	if fields != nil {
		return h.render(c, fiber.StatusUnprocessableEntity, "pages/account_data", fiber.Map{"Title": "Your data", "Errors": fields})
	}
	if err != nil {
		return err
	}
	c.Locals("viewer", nil)
	h.clearSessionCookie(c)
	return h.flashAndRedirect(c, "/", "Your account and everything in it are deleted.")
}

func (h *Handlers) apiDeleteAccount(c *fiber.Ctx) error {
	var form deleteAccountForm
	if err := readJSON(c, &form); err != nil {
		return err
	}
	fields, err := h.deleteOwnAccount(c, form)
	if errors.Is(err, models.ErrOwnsActiveCohorts) {
		return c.Status(fiber.StatusConflict).JSON(apiProblem{Error: msgOwnsCohorts})
	}
	if fields != nil {
		return &validationError{Fields: fields}
	}
	if err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}
