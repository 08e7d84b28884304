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
	// One-click unsubscribe (RFC 8058) comes from mail clients: the token in the path
	// is the credential, as for the feed.
	app.Post("/unsubscribe/:token", h.addressLimit("unsubscribe"), h.unsubscribe)
	app.Use(h.authenticate)
	app.Use(h.holdForTwoFactor)

	// Per-account limits (logins, password changes, join codes) are counted in the
	// handlers, keyed on what they actually check.
	authLimit := h.addressLimit("auth")

	// JSON API.
	api := app.Group("/api/v1", h.noStoreAPI)
	api.Get("/openapi.json", h.showOpenAPI)
	api.Post("/auth/register", authLimit, h.apiRegister)
	api.Post("/auth/login", authLimit, h.apiLogin)
	api.Post("/auth/login/two-factor", authLimit, h.apiSecondStep)
	api.Get("/me/two-factor", h.requireAPIUser, h.apiShowTwoFactor)
	api.Post("/me/two-factor/enrol", h.requireAPIUser, h.apiStartTwoFactor)
	api.Post("/me/two-factor/confirm", h.requireAPIUser, h.apiConfirmTwoFactor)
	api.Post("/me/two-factor/disable", h.requireAPIUser, h.apiDisableTwoFactor)
	api.Post("/me/two-factor/recovery-codes", h.requireAPIUser, h.apiRegenerateRecoveryCodes)
	api.Delete("/admin/users/:id/two-factor", h.requireAPIRole("admin"), h.apiAdminResetTwoFactor)
	api.Get("/admin/settings", h.requireAPIRole("admin"), h.apiShowSettings)
	api.Put("/admin/settings", h.requireAPIRole("admin"), h.apiSaveSettings)
	api.Post("/auth/logout", h.requireAPIUser, h.apiLogout)
	api.Post("/auth/password-reset", authLimit, h.apiRequestPasswordReset)
	api.Post("/auth/password-reset/confirm", authLimit, h.apiResetPassword)
	api.Get("/me", h.requireAPIUser, h.apiShowMe)
	api.Patch("/me", h.requireAPIUser, h.apiUpdateMe)
	api.Post("/me/email", h.requireAPIUser, authLimit, h.apiChangeEmail)
	api.Post("/me/verification", h.requireAPIUser, h.apiResendVerification)
	api.Post("/auth/verify-email", authLimit, h.apiConfirmEmail)
	api.Get("/me/sessions", h.requireAPIUser, h.apiListSessions)
	api.Get("/me/export", h.requireAPIUser, h.exportMyData)
	api.Post("/me/delete", h.requireAPIUser, authLimit, h.apiDeleteAccount)
	api.Post("/me/sessions/revoke-others", h.requireAPIUser, h.apiRevokeOtherSessions)
	api.Delete("/me/sessions/:id", h.requireAPIUser, h.apiRevokeSession)
	api.Post("/me/password", h.requireAPIUser, h.apiChangePassword)
	api.Get("/admin/users", h.requireAPIRole("admin"), h.apiListUsers)
	api.Patch("/admin/users/:id", h.requireAPIRole("admin"), h.apiUpdateUser)
	api.Post("/admin/users/:id/password-reset", h.requireAPIRole("admin"), h.apiAdminSendReset)
	api.Get("/admin/audit", h.requireAPIRole("admin"), h.apiListAudit)
	api.Get("/admin/instructor-requests", h.requireAPIRole("admin"), h.apiListTeachRequests)
	api.Post("/admin/instructor-requests/:id", h.requireAPIRole("admin"), h.apiDecideTeachRequest)
	api.Post("/me/instructor-request", h.requireAPIUser, h.apiRequestTeaching)
	api.Post("/admin/invites", h.requireAPIRole("admin"), h.apiInviteInstructor)
	api.Post("/auth/accept-invite", authLimit, h.apiAcceptInvite)
	h.registerAreaAPI(api)
	api.Use(h.apiNotFound)

	// Pages.
	pages := app.Group("", h.csrfProtection())
	pages.Get("/", h.showHome)
	pages.Get("/signup", h.showSignup)
	pages.Post("/signup", authLimit, h.signup)
	pages.Get("/login", h.showLogin)
	pages.Post("/login", authLimit, h.login)
	pages.Get("/login/two-factor", h.showSecondStep)
	pages.Post("/login/two-factor", authLimit, h.submitSecondStep)
	pages.Get("/account/two-factor", h.requireUser, h.showTwoFactor)
	pages.Post("/account/two-factor/setup", h.requireUser, h.setupTwoFactor)
	pages.Post("/account/two-factor/confirm", h.requireUser, h.confirmTwoFactor)
	pages.Post("/account/two-factor/disable", h.requireUser, h.disableTwoFactor)
	pages.Post("/account/two-factor/recovery-codes", h.requireUser, h.regenerateRecoveryCodes)
	pages.Get("/admin/settings", h.requireRole("admin"), h.showSettings)
	pages.Post("/admin/settings", h.requireRole("admin"), h.saveSettings)
	pages.Post("/admin/users/:id/two-factor/reset", h.requireRole("admin"), h.adminResetTwoFactor)
	pages.Get("/privacy", h.showPrivacy)
	pages.Get("/unsubscribe/:token", h.showUnsubscribe)
	pages.Get("/forgot-password", h.showForgotPassword)
	pages.Post("/forgot-password", authLimit, h.requestPasswordReset)
	pages.Get("/reset-password", h.showResetPassword)
	pages.Post("/reset-password", authLimit, h.resetPassword)
	pages.Get("/logout", h.requireUser, h.showLogout)
	pages.Post("/logout", h.requireUser, h.logout)
	pages.Get("/dashboard", h.requireUser, h.showDashboard)
	pages.Get("/account", h.requireUser, h.showAccount)
	pages.Post("/account/password", h.requireUser, h.changePassword)
	pages.Post("/account/profile", h.requireUser, h.saveProfile)
	pages.Post("/account/email", h.requireUser, authLimit, h.changeEmail)
	pages.Post("/account/verification", h.requireUser, h.resendVerification)
	pages.Get("/verify-email", h.showConfirmEmail)
	pages.Get("/account/sessions", h.requireUser, h.showSessions)
	pages.Get("/account/data", h.requireUser, h.showExportData)
	pages.Get("/account/export.zip", h.requireUser, h.exportMyData)
	pages.Post("/account/delete", h.requireUser, authLimit, h.deleteAccount)
	pages.Post("/account/sessions/revoke-others", h.requireUser, h.revokeOtherSessions)
	pages.Post("/account/sessions/:id/revoke", h.requireUser, h.revokeSession)
	pages.Post("/verify-email", authLimit, h.confirmEmail)
	pages.Get("/admin", h.requireRole("admin"), h.showAdmin)
	pages.Post("/admin/users/:id/role", h.requireRole("admin"), h.changeUserRole)
	pages.Post("/admin/users/:id/disable", h.requireRole("admin"), h.disableUser)
	pages.Post("/admin/users/:id/enable", h.requireRole("admin"), h.reenableUser)
	pages.Post("/admin/users/:id/password-reset", h.requireRole("admin"), h.adminSendReset)
	pages.Get("/admin/audit", h.requireRole("admin"), h.showAudit)
	pages.Get("/admin/instructor-requests", h.requireRole("admin"), h.showTeachRequests)
	pages.Post("/admin/instructor-requests/:id", h.requireRole("admin"), h.decideTeachRequestPage)
	pages.Post("/account/teach", h.requireUser, h.requestTeaching)
	pages.Post("/admin/invites", h.requireRole("admin"), h.inviteInstructor)
	pages.Get("/invite", h.showAcceptInvite)
	pages.Post("/invite", authLimit, h.createInvitedAccount)
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
