package handlers

import (
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/csrf"
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
	api := app.Group("/api/v1")
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

// csrfProtection guards every cookie-authenticated form with a token that the form
// carries in a hidden _csrf field.
func (h *Handlers) csrfProtection() fiber.Handler {
	tokens := csrfTokens{key: h.CSRFKey, ttl: 12 * time.Hour, now: h.Now}
	return csrf.New(csrf.Config{
		Storage:        tokens,
		KeyGenerator:   tokens.New,
		KeyLookup:      "form:_csrf",
		Next:           h.referenceSkipsCSRF,
		CookieName:     "hitpath_csrf",
		CookieSameSite: "Lax",
		CookieHTTPOnly: true,
		CookieSecure:   h.SecureCookies,
		// The token carries its own expiry, judged by our clock; a session cookie has no
		// Expires date for the browser to compare with its own clock.
		CookieSessionOnly: true,
		Expiration:        12 * time.Hour,
		ContextKey:        "csrf",
		ErrorHandler: func(c *fiber.Ctx, err error) error {
			return fiber.NewError(fiber.StatusForbidden, "This form has expired. Go back, reload the page and try again.")
		},
	})
}
