package handlers

import (
	"github.com/gofiber/fiber/v2"
)

func (h *Handlers) showHealth(c *fiber.Ctx) error {
	return c.JSON(fiber.Map{"status": "ok"})
}

// showReadiness answers 503 when the database does not answer, so a load balancer
// stops sending traffic to this process.
func (h *Handlers) showReadiness(c *fiber.Ctx) error {
	sqlDB, err := h.DB.DB()
	if err == nil {
		err = sqlDB.PingContext(c.UserContext())
	}
	if err != nil {
		h.Log.Warn("database not reachable", "err", err)
		return c.Status(fiber.StatusServiceUnavailable).JSON(fiber.Map{"status": "database unreachable"})
	}
	return c.JSON(fiber.Map{"status": "ready"})
}
