package handlers

import (
	"crypto/rand"
	"encoding/base64"

	"github.com/gofiber/fiber/v2"
)

// csrfCookie carries the latest form token (for tools that script forms; pages read
// it from the hidden _csrf field), preSessionCookie the id anonymous forms are bound to.
const (
	csrfCookie       = "hitpath_csrf"
	preSessionCookie = "hitpath_presession"
	csrfHeader       = "X-CSRF-Token"
)

var errCSRF = fiber.NewError(fiber.StatusForbidden, "This form has expired. Go back, reload the page and try again.")

// csrfProtection guards every cookie-authenticated form: an unsafe request must carry,
// in its body's _csrf field or the X-CSRF-Token header (never the query string), a
// token made for this very session. Each page gets a fresh token.
func (h *Handlers) csrfProtection() fiber.Handler {
	return func(c *fiber.Ctx) error {
		if h.referenceSkipsCSRF(c) {
			return c.Next()
		}
		binding := h.csrfBinding(c)
		if !isSafeMethod(c.Method()) && !h.csrf.Valid(submittedCSRF(c), binding) {
			return errCSRF
		}
		h.issueCSRF(c, binding)
		return c.Next()
	}
}

func isSafeMethod(method string) bool {
	return method == fiber.MethodGet || method == fiber.MethodHead || method == fiber.MethodOptions
}

// csrfBinding is what tokens are bound to: the signed-in session, or else a random
// pre-session id kept in its own cookie (made on first visit).
func (h *Handlers) csrfBinding(c *fiber.Ctx) string {
	if v := currentViewer(c); v != nil {
		return "session:" + v.SessionID
	}
	id := c.Cookies(h.cookieName(preSessionCookie))
	if len(id) < 20 {
		raw := make([]byte, 18)
		_, _ = rand.Read(raw)
		id = base64.RawURLEncoding.EncodeToString(raw)
		c.Cookie(&fiber.Cookie{Name: h.cookieName(preSessionCookie), Value: id, Path: "/", HTTPOnly: true,
			SameSite: "Lax", Secure: h.SecureCookies, SessionOnly: true})
	}
	return "pre:" + id
}

// issueCSRF gives the page a token for binding and keeps the latest in a cookie.
func (h *Handlers) issueCSRF(c *fiber.Ctx, binding string) {
	token := h.csrf.New(binding)
	c.Locals("csrf", token)
	c.Cookie(&fiber.Cookie{Name: h.cookieName(csrfCookie), Value: token, Path: "/", HTTPOnly: true,
		SameSite: "Lax", Secure: h.SecureCookies, SessionOnly: true})
}

// submittedCSRF reads the token from the header or the form body only.
func submittedCSRF(c *fiber.Ctx) string {
	if token := c.Get(csrfHeader); token != "" {
		return token
	}
	if token := c.Request().PostArgs().Peek("_csrf"); len(token) > 0 {
		return string(token)
	}
	if form, err := c.MultipartForm(); err == nil && len(form.Value["_csrf"]) > 0 {
		return form.Value["_csrf"][0]
	}
	return ""
}

// cookieName adds the __Host- prefix under https: the browser then accepts the
// cookie only from this host, over https, for the whole site, so a sibling
// subdomain cannot plant one.
func (h *Handlers) cookieName(name string) string {
	if h.SecureCookies {
		return "__Host-" + name
	}
	return name
}
