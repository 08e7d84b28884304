package handlers

import (
	"strings"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// msgEnrolFirst refuses an API request from an instructor or admin who must set up
// two-factor sign-in first.
const msgEnrolFirst = "Your administrator requires two-factor sign-in for instructors and admins. " +
	"Set it up first: POST /api/v1/me/two-factor/enrol, then /api/v1/me/two-factor/confirm."

// enrolmentPaths stay open to someone held at the two-factor set-up.
var enrolmentPaths = []string{"/account/two-factor", "/logout", "/privacy", "/api/v1/me/two-factor", "/api/v1/auth/logout", "/api/v1/openapi.json"}

// holdForTwoFactor keeps an instructor or admin who must use two-factor sign-in, and
// has not set it up, at the set-up: pages redirect there and the API answers 403.
// Only staff pay for the check (one query).
func (h *Handlers) holdForTwoFactor(c *fiber.Ctx) error {
	v := currentViewer(c)
	if v == nil || !models.StaffRole(v.User.Role) || enrolmentOpen(c) {
		return c.Next()
	}
	must, err := models.MustEnrolTwoFactor(c.UserContext(), h.DB, v.User.ID)
	if err != nil {
		return err
	}
	if !must {
		return c.Next()
	}
	if isAPI(c) {
		return fiber.NewError(fiber.StatusForbidden, msgEnrolFirst)
	}
	return c.Redirect("/account/two-factor", fiber.StatusSeeOther)
}

func enrolmentOpen(c *fiber.Ctx) bool {
	path := c.Path()
	if path == "/api/v1/me" && c.Method() == fiber.MethodGet {
		return true
	}
	for _, open := range enrolmentPaths {
		if path == open || strings.HasPrefix(path, open+"/") {
			return true
		}
	}
	return false
}
