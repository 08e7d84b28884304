package handlers

import (
	"net/url"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// pager links the pages of a list, keeping its filters.
type pager struct {
	Page, Pages int
	Prev, Next  string // empty on the first or last page
}

func newPager(path string, filters url.Values, page, pages int) pager {
	link := func(n int) string {
		q := url.Values{}
		for k, v := range filters {
			if len(v) > 0 && v[0] != "" {
				q[k] = v
			}
		}
		q.Set("page", strconv.Itoa(n))
		return path + "?" + q.Encode()
	}
	p := pager{Page: page, Pages: pages}
	if page > 1 {
		p.Prev = link(page - 1)
	}
	if page < pages {
		p.Next = link(page + 1)
	}
	return p
}

// setDisabled disables or re-enables an account; admins cannot disable themselves.
func (h *Handlers) setDisabled(c *fiber.Ctx, userID int64, disabled bool) (models.User, error) {
	if disabled && userID == currentUser(c).ID {
		return models.User{}, fiber.NewError(fiber.StatusUnprocessableEntity, "You cannot disable your own account.")
	}
	return models.SetUserDisabled(c.UserContext(), h.DB, auditActor(c), userID, disabled, h.Now())
}

func (h *Handlers) disableUser(c *fiber.Ctx) error  { return h.toggleUser(c, true) }
func (h *Handlers) reenableUser(c *fiber.Ctx) error { return h.toggleUser(c, false) }
func (h *Handlers) toggleUser(c *fiber.Ctx, disabled bool) error {
	id, err := c.ParamsInt("id")
	if err != nil {
		return fiber.ErrNotFound
	}
	user, err := h.setDisabled(c, int64(id), disabled)
	if err != nil {
		return err
	}
	message := user.Email + " is enabled again."
	if disabled {
		message = user.Email + " is disabled and logged out everywhere."
	}
	return h.flashAndRedirect(c, "/admin", message)
}

// sendUserReset emails the account a password-reset link, as if they had asked.
func (h *Handlers) sendUserReset(c *fiber.Ctx) (models.User, error) {
	id, err := c.ParamsInt("id")
	if err != nil {
		return models.User{}, fiber.ErrNotFound
	}
	user, err := models.UserByID(c.UserContext(), h.DB, int64(id))
	if err != nil {
		return user, err
	}
	if user.DisabledAt != nil {
		return user, fiber.NewError(fiber.StatusUnprocessableEntity, "Enable the account before sending it a reset link.")
	}
	return user, models.RequestPasswordReset(c.UserContext(), h.DB, auditActor(c), user.Email, h.BaseURL, h.Now())
}

func (h *Handlers) adminSendReset(c *fiber.Ctx) error {
	user, err := h.sendUserReset(c)
	if err != nil {
		return err
	}
	return h.flashAndRedirect(c, "/admin", "A password-reset link is on its way to "+user.Email+".")
}

func (h *Handlers) apiAdminSendReset(c *fiber.Ctx) error {
	user, err := h.sendUserReset(c)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusAccepted).JSON(fiber.Map{"message": "A password-reset link is on its way to " + user.Email + "."})
}
