package handlers

import (
	"errors"
	"net/url"
	"strings"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// sessionCookie carries the page session's JWT.
const sessionCookie = "hitpath_session"

// viewer is who is making the request, set by authenticate.
type viewer struct {
	User      models.User
	SessionID string
}

// authenticate reads a bearer token (API) or the session cookie (pages), checks its
// signature and that its session is live, and remembers the user for the handlers.
// Under /api/ only the bearer token counts: a browser sends the cookie on its own,
// even with a request another site made, and the API has no CSRF check.
// A missing or bad credential leaves the request anonymous; the require* guards
// decide what that means for each route.
func (h *Handlers) authenticate(c *fiber.Ctx) error {
	token, fromHeader := bearerToken(c)
	if !fromHeader && !isAPI(c) {
		token = c.Cookies(sessionCookie)
	}
	if token == "" {
		return c.Next()
	}
	claims, err := h.Tokens.Parse(token, h.Now())
	if err != nil {
		return c.Next()
	}
	userID, _ := claims.UserID()
	user, err := models.SessionUser(c.UserContext(), h.DB, claims.SessionID, userID, h.Now())
	switch {
	case errors.Is(err, models.ErrSessionRevoked):
		return c.Next()
	case err != nil:
		return err
	}
	c.Locals("viewer", &viewer{User: user, SessionID: claims.SessionID})
	return c.Next()
}

// currentViewer returns the signed-in viewer or nil.
func currentViewer(c *fiber.Ctx) *viewer {
	v, _ := c.Locals("viewer").(*viewer)
	return v
}

// currentUser returns the signed-in user; only call it behind a require* guard.
func currentUser(c *fiber.Ctx) models.User {
	return currentViewer(c).User
}

func bearerToken(c *fiber.Ctx) (string, bool) {
	header := c.Get(fiber.HeaderAuthorization)
	if len(header) > 7 && strings.EqualFold(header[:7], "bearer ") {
		return strings.TrimSpace(header[7:]), true
	}
	return "", false
}

// requireUser sends anonymous visitors to the login page, coming back afterwards.
func (h *Handlers) requireUser(c *fiber.Ctx) error {
	if currentViewer(c) == nil {
		return c.Redirect("/login?next=" + url.QueryEscape(c.OriginalURL()))
	}
	return c.Next()
}

// requireRole lets through users with one of roles (admins always) and answers 404 to
// others, so that admin pages do not advertise themselves.
func (h *Handlers) requireRole(roles ...string) fiber.Handler {
	return func(c *fiber.Ctx) error {
		v := currentViewer(c)
		if v == nil {
			return h.requireUser(c)
		}
		if !hasRole(v.User, roles) {
			return fiber.ErrNotFound
		}
		return c.Next()
	}
}

// requireAPIUser answers 401 to requests without a valid bearer token.
func (h *Handlers) requireAPIUser(c *fiber.Ctx) error {
	if currentViewer(c) == nil {
		c.Set(fiber.HeaderWWWAuthenticate, `Bearer realm="hitpath"`)
		return fiber.NewError(fiber.StatusUnauthorized, "Sign in first: send Authorization: Bearer <token> from /api/v1/auth/login.")
	}
	return c.Next()
}

// requireAPIRole is requireAPIUser plus a role check answering 403.
func (h *Handlers) requireAPIRole(roles ...string) fiber.Handler {
	return func(c *fiber.Ctx) error {
		if currentViewer(c) == nil {
			return h.requireAPIUser(c)
		}
		if !hasRole(currentUser(c), roles) {
			return fiber.NewError(fiber.StatusForbidden, "Your role does not allow this.")
		}
		return c.Next()
	}
}

func hasRole(u models.User, roles []string) bool {
	if u.Role == models.RoleAdmin {
		return true
	}
	for _, r := range roles {
		if u.Role == r {
			return true
		}
	}
	return false
}

// auditActor describes the current request for audit_log.
func auditActor(c *fiber.Ctx) models.AuditActor {
	actor := models.AuditActor{IP: ClientIP(c)}
	if v := currentViewer(c); v != nil {
		actor.UserID = v.User.ID
	}
	return actor
}
