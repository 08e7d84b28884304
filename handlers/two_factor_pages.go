package handlers

import (
	"errors"
	"html/template"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// renderTwoFactor shows the two-factor page in the account's current state (off,
// being set up, on) with extra values (new recovery codes, errors, a notice).
func (h *Handlers) renderTwoFactor(c *fiber.Ctx, status int, extra fiber.Map) error {
	user := currentUser(c)
	settings, err := models.LoadSiteSettings(c.UserContext(), h.DB)
	if err != nil {
		return err
	}
	data := fiber.Map{"Title": "Two-factor sign-in", "State": "off",
		"Required": models.StaffRole(user.Role) && settings.RequireStaffTwoFactor}
	t, err := models.TwoFactorOf(c.UserContext(), h.DB, user.ID)
	switch {
	case errors.Is(err, models.ErrNotFound):
	case err != nil:
		return err
	case t.Enabled():
		left, err := models.RecoveryCodesLeft(c.UserContext(), h.DB, user.ID)
		if err != nil {
			return err
		}
		data["State"], data["Since"], data["CodesLeft"] = "on", t.ConfirmedAt.In(h.zoneOf(user)), left
	default:
		if err := h.addEnrolment(c, data); err != nil {
			return err
		}
	}
	for k, v := range extra {
		data[k] = v
	}
	return h.render(c, status, "pages/two_factor", data)
}

// addEnrolment puts a pending set-up's key, URL and QR code into data, or says its
// key can no longer be read.
func (h *Handlers) addEnrolment(c *fiber.Ctx, data fiber.Map) error {
	enrolment, err := models.PendingEnrolment(c.UserContext(), h.DB, h.twoFactorBox, currentUser(c))
	if errors.Is(err, models.ErrTwoFactorUnreadable) {
		data["State"] = "lost"
		return nil
	}
	if err != nil {
		return err
	}
	qr, err := qrDataURL(enrolment.URL)
	if err != nil {
		return err
	}
	// Both URLs are made here, not typed by anyone: html/template may trust them.
	data["State"], data["Key"], data["URL"], data["QR"] = "pending", groupKey(enrolment.Secret), template.URL(enrolment.URL), template.URL(qr)
	return nil
}

func (h *Handlers) showTwoFactor(c *fiber.Ctx) error {
	return h.renderTwoFactor(c, fiber.StatusOK, nil)
}

func (h *Handlers) setupTwoFactor(c *fiber.Ctx) error {
	_, err := models.StartTwoFactor(c.UserContext(), h.DB, h.twoFactorBox, currentUser(c), h.Now())
	if errors.Is(err, models.ErrTwoFactorOn) {
		return h.renderTwoFactor(c, fiber.StatusOK, fiber.Map{"Notice": msgTwoFactorOn})
	}
	if err != nil {
		return err
	}
	return c.Redirect("/account/two-factor", fiber.StatusSeeOther)
}

func (h *Handlers) confirmTwoFactor(c *fiber.Ctx) error {
	var form twoFactorConfirmForm
	if err := readForm(c, &form); err != nil {
		return err
	}
	codes, fields, err := h.confirmOwnTwoFactor(c, form)
	switch {
	case fields != nil:
		return h.renderTwoFactor(c, fiber.StatusUnprocessableEntity, fiber.Map{"Errors": fields})
	case errors.Is(err, models.ErrTwoFactorOn):
		// A reload of the page that confirmed it, or a second tab.
		return h.renderTwoFactor(c, fiber.StatusOK, fiber.Map{"Notice": msgTwoFactorOn +
			" Your recovery codes were shown when you turned it on; if you did not keep them, make new ones below."})
	case errors.Is(err, models.ErrNotFound):
		return h.flashAndRedirect(c, "/account/two-factor", msgNoEnrolment)
	case err != nil:
		return err
	}
	return h.renderTwoFactor(c, fiber.StatusOK, fiber.Map{"Codes": codes,
		"Notice": "Two-factor sign-in is on. Keep these recovery codes somewhere safe: each works once if you lose your phone."})
}

func (h *Handlers) disableTwoFactor(c *fiber.Ctx) error {
	var form twoFactorDisableForm
	if err := readForm(c, &form); err != nil {
		return err
	}
	fields, err := h.disableOwnTwoFactor(c, form)
	switch {
	case fields != nil:
		return h.renderTwoFactor(c, fiber.StatusUnprocessableEntity, fiber.Map{"Errors": fields})
	case errors.Is(err, models.ErrTwoFactorOff):
		return h.flashAndRedirect(c, "/account/two-factor", msgTwoFactorOff)
	case err != nil:
		return err
	}
	return h.flashAndRedirect(c, "/account/two-factor", "Two-factor sign-in is off. Signing in now asks only for your password.")
}

func (h *Handlers) regenerateRecoveryCodes(c *fiber.Ctx) error {
	form := recoveryCodesForm{Password: c.FormValue("recovery_password")}
	codes, fields, err := h.regenerateOwnRecoveryCodes(c, form)
	switch {
	case fields != nil:
		return h.renderTwoFactor(c, fiber.StatusUnprocessableEntity, fiber.Map{"Errors": FieldErrors{"recovery_password": fields["password"]}})
	case errors.Is(err, models.ErrTwoFactorOff):
		return h.flashAndRedirect(c, "/account/two-factor", msgTwoFactorOff)
	case err != nil:
		return err
	}
	return h.renderTwoFactor(c, fiber.StatusOK, fiber.Map{"Codes": codes,
		"Notice": "Here are your new recovery codes. The old ones no longer work."})
}
