package handlers

import (
	"errors"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

const msgUnsubscribeGone = "This unsubscribe link no longer works. Choose which emails you get on your account page."

// showUnsubscribe asks before turning off a kind of email, so a link scanner that
// only opens links changes nothing.
func (h *Handlers) showUnsubscribe(c *fiber.Ctx) error {
	_, kind, err := models.UnsubscribeTarget(c.UserContext(), h.DB, c.Params("token"))
	if errors.Is(err, models.ErrNotFound) {
		return h.renderError(c, fiber.StatusNotFound, msgUnsubscribeGone)
	}
	if err != nil {
		return err
	}
	return h.render(c, fiber.StatusOK, "pages/unsubscribe", fiber.Map{"Title": "Unsubscribe",
		"What": models.UnsubscribeKindName(kind), "Token": c.Params("token")})
}

// unsubscribe turns the kind off: the RFC 8058 one-click POST of a mail client, or
// the button of the page. The token in the path is the credential, as for a calendar
// feed, so there is no session and no CSRF token.
func (h *Handlers) unsubscribe(c *fiber.Ctx) error {
	user, kind, err := models.UnsubscribeTarget(c.UserContext(), h.DB, c.Params("token"))
	if errors.Is(err, models.ErrNotFound) {
		return h.renderError(c, fiber.StatusNotFound, msgUnsubscribeGone)
	}
	if err != nil {
		return err
	}
	if err := models.Unsubscribe(c.UserContext(), h.DB, models.AuditActor{IP: ClientIP(c)}, user, kind, h.Now()); err != nil {
		return err
	}
	return h.render(c, fiber.StatusOK, "pages/unsubscribe", fiber.Map{"Title": "Unsubscribed",
		"What": models.UnsubscribeKindName(kind), "Done": true})
}
