package handlers

import "github.com/gofiber/fiber/v2"

// showPrivacy says what hitpath stores, who sees it, for how long, and how to export
// or delete it.
func (h *Handlers) showPrivacy(c *fiber.Ctx) error {
	return h.render(c, fiber.StatusOK, "pages/privacy", fiber.Map{"Title": "Privacy"})
}
