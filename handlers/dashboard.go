package handlers

import (
	"github.com/gofiber/fiber/v2"
)

// dashboardPanel adds one area's summary to the dashboard's data. Panels render as
// partials in pages/dashboard.html and show nothing when they have nothing to say.
type dashboardPanel func(c *fiber.Ctx, data fiber.Map) error

func (h *Handlers) showDashboard(c *fiber.Ctx) error {
	data := fiber.Map{"Title": "Dashboard"}
	for _, panel := range h.dashboardPanels() {
		if err := panel(c, data); err != nil {
			return err
		}
	}
	return h.render(c, fiber.StatusOK, "pages/dashboard", data)
}
