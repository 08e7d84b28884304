package app

import (
	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/pprof"

	"hitpath/handlers"
	"hitpath/models"
)

// registerBenchRoutes adds the baseline the load script compares pages against: a bare
// handler doing one primary-key read through GORM, nothing else. Only mounted when
// HITPATH_BENCH_ROUTES=1.
func registerBenchRoutes(server *fiber.App, h *handlers.Handlers) {
	server.Get("/bench/user/:id", func(c *fiber.Ctx) error {
		id, err := c.ParamsInt("id")
		if err != nil {
			return fiber.ErrBadRequest
		}
		var u models.User
		if err := h.DB.WithContext(c.UserContext()).Take(&u, id).Error; err != nil {
			return err
		}
		return c.JSON(fiber.Map{"id": u.ID, "email": u.Email, "name": u.Name, "role": u.Role})
	})
	server.Get("/bench/hello", func(c *fiber.Ctx) error { return c.SendString("hello") })
	// Profiles for the load script: /bench/debug/pprof/profile?seconds=5.
	server.Use(pprof.New(pprof.Config{Prefix: "/bench"}))
}
