package handlers

import (
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/utils"

	"hitpath/models"
)

// sessionView is one signed-in device as the sessions page and API show it.
type sessionView struct {
	ID        string    `json:"id"`
	Device    string    `json:"device"`
	IP        string    `json:"ip"`
	CreatedAt time.Time `json:"created_at"`
	LastSeen  time.Time `json:"last_seen_at"`
	Current   bool      `json:"current"`
}

// listSessions loads the viewer's live sessions, marking the one making the request.
func (h *Handlers) listSessions(c *fiber.Ctx) ([]sessionView, error) {
	v := currentViewer(c)
	sessions, err := models.ActiveSessions(c.UserContext(), h.DB, v.User.ID, h.Now())
	if err != nil {
		return nil, err
	}
	out := make([]sessionView, len(sessions))
	for i, s := range sessions {
		seen := s.CreatedAt
		if s.LastSeenAt != nil {
			seen = *s.LastSeenAt
		}
		out[i] = sessionView{ID: s.ID, Device: models.DeviceName(s.UserAgent), IP: s.IP,
			CreatedAt: s.CreatedAt.UTC(), LastSeen: seen.UTC(), Current: s.ID == v.SessionID}
	}
	return out, nil
}

func (h *Handlers) showSessions(c *fiber.Ctx) error {
	sessions, err := h.listSessions(c)
	if err != nil {
		return err
	}
	return h.render(c, fiber.StatusOK, "pages/sessions", fiber.Map{
		"Title": "Signed-in devices", "Sessions": sessions, "Zone": h.zoneOf(currentUser(c)),
	})
}

func (h *Handlers) revokeSession(c *fiber.Ctx) error {
	id := utils.CopyString(c.Params("id"))
	if id == currentViewer(c).SessionID {
		return fiber.NewError(fiber.StatusUnprocessableEntity, "To end this device's session, log out.")
	}
	if err := models.RevokeOwnSession(c.UserContext(), h.DB, auditActor(c), currentUser(c).ID, id, h.Now()); err != nil {
		return err
	}
	return h.flashAndRedirect(c, "/account/sessions", "That device is logged out.")
}

func (h *Handlers) revokeOtherSessions(c *fiber.Ctx) error {
	v := currentViewer(c)
	if _, err := models.RevokeOtherSessions(c.UserContext(), h.DB, auditActor(c), v.User.ID, v.SessionID, h.Now()); err != nil {
		return err
	}
	return h.flashAndRedirect(c, "/account/sessions", "Every other device is logged out.")
}

func (h *Handlers) apiListSessions(c *fiber.Ctx) error {
	sessions, err := h.listSessions(c)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"sessions": sessions})
}

func (h *Handlers) apiRevokeSession(c *fiber.Ctx) error {
	id := utils.CopyString(c.Params("id"))
	if err := models.RevokeOwnSession(c.UserContext(), h.DB, auditActor(c), currentUser(c).ID, id, h.Now()); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

func (h *Handlers) apiRevokeOtherSessions(c *fiber.Ctx) error {
	v := currentViewer(c)
	n, err := models.RevokeOtherSessions(c.UserContext(), h.DB, auditActor(c), v.User.ID, v.SessionID, h.Now())
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"revoked": n})
}
