package handlers

import (
	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// settingsForm is the admin settings page; an unticked box is not sent.
type settingsForm struct {
	RequireStaffTwoFactor bool `form:"require_two_factor_staff"`
}

func (h *Handlers) showSettings(c *fiber.Ctx) error {
	settings, err := models.LoadSiteSettings(c.UserContext(), h.DB)
	if err != nil {
		return err
	}
	return h.render(c, fiber.StatusOK, "pages/admin_settings", fiber.Map{"Title": "Settings", "Settings": settings})
}

func (h *Handlers) saveSettings(c *fiber.Ctx) error {
	var form settingsForm
	unread, err := formFieldProblems(readForm(c, &form))
	if err != nil {
		return err
	}
	settings := models.SiteSettings{RequireStaffTwoFactor: form.RequireStaffTwoFactor}
	if unread != nil {
		return h.render(c, fiber.StatusUnprocessableEntity, "pages/admin_settings", fiber.Map{"Title": "Settings", "Settings": settings, "Errors": unread})
	}
	if err := models.SaveSiteSettings(c.UserContext(), h.DB, auditActor(c), settings, h.Now()); err != nil {
		return err
	}
	return h.flashAndRedirect(c, "/admin/settings", "The settings are saved.")
}

func (h *Handlers) apiShowSettings(c *fiber.Ctx) error {
	settings, err := models.LoadSiteSettings(c.UserContext(), h.DB)
	if err != nil {
		return err
	}
	return c.JSON(settings)
}

// apiSaveSettings replaces the settings; a field left out keeps its value.
func (h *Handlers) apiSaveSettings(c *fiber.Ctx) error {
	settings, err := models.LoadSiteSettings(c.UserContext(), h.DB)
	if err != nil {
		return err
	}
	var patch struct {
		RequireStaffTwoFactor *bool `json:"require_two_factor_staff"`
	}
	if err := readJSON(c, &patch); err != nil {
		return err
	}
	if patch.RequireStaffTwoFactor != nil {
		settings.RequireStaffTwoFactor = *patch.RequireStaffTwoFactor
	}
	if err := models.SaveSiteSettings(c.UserContext(), h.DB, auditActor(c), settings, h.Now()); err != nil {
		return err
	}
	return c.JSON(settings)
}

// resetUserTwoFactor removes the two-factor sign-in of the account in the path.
func (h *Handlers) resetUserTwoFactor(c *fiber.Ctx) (models.User, bool, error) {
	id, err := c.ParamsInt("id")
	if err != nil {
		return models.User{}, false, fiber.NewError(fiber.StatusNotFound, "No such user.")
	}
	user, err := models.UserByID(c.UserContext(), h.DB, int64(id))
	if err != nil {
		return user, false, err
	}
	had, err := models.ResetTwoFactor(c.UserContext(), h.DB, auditActor(c), user, h.BaseURL, h.zoneOf(user), h.Now())
	return user, had, err
}

func (h *Handlers) adminResetTwoFactor(c *fiber.Ctx) error {
	user, had, err := h.resetUserTwoFactor(c)
	if err != nil {
		return err
	}
	message := user.Email + " had no two-factor sign-in; nothing changed."
	if had {
		message = "Two-factor sign-in of " + user.Email + " is reset: they sign in with their password and may set it up again."
	}
	return h.flashAndRedirect(c, "/admin", message)
}

func (h *Handlers) apiAdminResetTwoFactor(c *fiber.Ctx) error {
	if _, _, err := h.resetUserTwoFactor(c); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}
