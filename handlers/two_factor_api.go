package handlers

import (
	"errors"
	"time"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// twoFactorStatusJSON is the signed-in user's two-factor state in the API.
type twoFactorStatusJSON struct {
	Enabled           bool       `json:"enabled"`
	Pending           bool       `json:"pending"`
	ConfirmedAt       *time.Time `json:"confirmed_at"`
	RecoveryCodesLeft int        `json:"recovery_codes_left"`
	Required          bool       `json:"required"`
}

func (h *Handlers) apiShowTwoFactor(c *fiber.Ctx) error {
	user := currentUser(c)
	settings, err := models.LoadSiteSettings(c.UserContext(), h.DB)
	if err != nil {
		return err
	}
	out := twoFactorStatusJSON{Required: models.StaffRole(user.Role) && settings.RequireStaffTwoFactor}
	t, err := models.TwoFactorOf(c.UserContext(), h.DB, user.ID)
	if err != nil && !errors.Is(err, models.ErrNotFound) {
		return err
	}
	if err == nil {
		out.Enabled, out.Pending = t.Enabled(), !t.Enabled()
		if t.Enabled() {
			at := t.ConfirmedAt.UTC()
			out.ConfirmedAt = &at
			if out.RecoveryCodesLeft, err = models.RecoveryCodesLeft(c.UserContext(), h.DB, user.ID); err != nil {
				return err
			}
		}
	}
	return c.JSON(out)
}

func (h *Handlers) apiStartTwoFactor(c *fiber.Ctx) error {
	enrolment, err := models.StartTwoFactor(c.UserContext(), h.DB, h.twoFactorBox, currentUser(c), h.Now())
	if err != nil {
		return twoFactorConflict(err)
	}
	return c.Status(fiber.StatusCreated).JSON(fiber.Map{"secret": enrolment.Secret, "otpauth_url": enrolment.URL})
}

func (h *Handlers) apiConfirmTwoFactor(c *fiber.Ctx) error {
	var form twoFactorConfirmForm
	if err := readJSON(c, &form); err != nil {
		return err
	}
	codes, fields, err := h.confirmOwnTwoFactor(c, form)
	if fields != nil {
		return &validationError{Fields: fields}
	}
	if err != nil {
		return twoFactorConflict(err)
	}
	return c.JSON(fiber.Map{"recovery_codes": codes})
}

func (h *Handlers) apiDisableTwoFactor(c *fiber.Ctx) error {
	var form twoFactorDisableForm
	if err := readJSON(c, &form); err != nil {
		return err
	}
	fields, err := h.disableOwnTwoFactor(c, form)
	if fields != nil {
		return &validationError{Fields: fields}
	}
	if err != nil {
		return twoFactorConflict(err)
	}
	return c.SendStatus(fiber.StatusNoContent)
}

func (h *Handlers) apiRegenerateRecoveryCodes(c *fiber.Ctx) error {
	var form recoveryCodesForm
	if err := readJSON(c, &form); err != nil {
		return err
	}
	codes, fields, err := h.regenerateOwnRecoveryCodes(c, form)
	if fields != nil {
		return &validationError{Fields: fields}
	}
	if err != nil {
		return twoFactorConflict(err)
	}
	return c.JSON(fiber.Map{"recovery_codes": codes})
}
