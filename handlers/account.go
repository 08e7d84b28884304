package handlers

import (
	"github.com/gofiber/fiber/v2"
)

func (h *Handlers) showAccount(c *fiber.Ctx) error {
	return h.render(c, fiber.StatusOK, "pages/account", fiber.Map{"Title": "Your account"})
}

func (h *Handlers) changePassword(c *fiber.Ctx) error {
	var form passwordForm
	if err := readForm(c, &form); err != nil {
		return err
	}
	fields, err := h.changeOwnPassword(c, form)
	if fields != nil {
		return h.render(c, fiber.StatusUnprocessableEntity, "pages/account", fiber.Map{"Title": "Your account", "Errors": fields})
	}
	if err != nil {
		return err
	}
	if err := h.startPageSession(c, currentUser(c)); err != nil {
		return err
	}
	return h.flashAndRedirect(c, "/account", "Your password is changed. You were logged out everywhere else.")
}
