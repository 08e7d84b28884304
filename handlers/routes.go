package handlers

import (
	"strings"

	"github.com/gofiber/fiber/v2"
)

// Register mounts every route. Pages sit behind CSRF protection; the API under
// /api/v1 authenticates with a bearer token and needs none.
func (h *Handlers) Register(app *fiber.App) {
	app.Use(h.resolveClientIP)
	app.Use(h.refuseBadText)
	app.Get("/healthz", h.showHealth)
	app.Get("/readyz", h.showReadiness)
	// The calendar feed is public (its unguessable token is the credential) and is
	// read by calendar apps: no session and no CSRF cookie.
	app.Get("/calendar/:token.ics", h.showCalendarFeed)
	app.Use(h.authenticate)

	// Per-account limits (logins, password changes, join codes) are counted in the
	// handlers, keyed on what they actually check.
	authLimit := h.addressLimit("auth")

	// JSON API.
	api := app.Group("/api/v1", h.noStoreAPI)
	api.Get("/openapi.json", h.showOpenAPI)
	api.Post("/auth/register", authLimit, h.apiRegister)
	api.Post("/auth/login", authLimit, h.apiLogin)
	api.Post("/auth/logout", h.requireAPIUser, h.apiLogout)
	api.Get("/me", h.requireAPIUser, h.apiShowMe)
	api.Post("/me/password", h.requireAPIUser, h.apiChangePassword)
	api.Get("/admin/users", h.requireAPIRole("admin"), h.apiListUsers)
	api.Patch("/admin/users/:id", h.requireAPIRole("admin"), h.apiUpdateUser)
	h.registerAreaAPI(api)
	api.Use(h.apiNotFound)

	// Pages.
	pages := app.Group("", h.csrfProtection())
	pages.Get("/", h.showHome)
	pages.Get("/signup", h.showSignup)
	pages.Post("/signup", authLimit, h.signup)
	pages.Get("/login", h.showLogin)
	pages.Post("/login", authLimit, h.login)
	pages.Get("/logout", h.requireUser, h.showLogout)
	pages.Post("/logout", h.requireUser, h.logout)
	pages.Get("/dashboard", h.requireUser, h.showDashboard)
	pages.Get("/account", h.requireUser, h.showAccount)
	pages.Post("/account/password", h.requireUser, h.changePassword)
	pages.Get("/admin", h.requireRole("admin"), h.showAdmin)
	pages.Post("/admin/users/:id/role", h.requireRole("admin"), h.changeUserRole)
	h.registerAreaPages(pages)
}

// noStoreAPI forbids caching of every API response that answers a signed-in caller
// or hands out a token: browsers, proxies and CDNs must not keep private data.
func (h *Handlers) noStoreAPI(c *fiber.Ctx) error {
	err := c.Next()
	if currentViewer(c) != nil || strings.HasPrefix(c.Path(), "/api/v1/auth/") || c.Get(fiber.HeaderAuthorization) != "" {
		c.Set(fiber.HeaderCacheControl, "no-store")
	}
	return err
}
