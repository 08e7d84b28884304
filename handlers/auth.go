package handlers

import (
	"time"

	"errors"
	"net/url"
	"strings"
	"unicode"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

func (h *Handlers) showSignup(c *fiber.Ctx) error {
	if currentViewer(c) != nil {
		return c.Redirect("/dashboard")
	}
	form := signupForm{TimeZone: h.DefaultZone.String()}
	return h.render(c, fiber.StatusOK, "pages/signup", fiber.Map{"Title": "Create your account", "Form": form, "Zones": models.CommonTimeZones})
}

func (h *Handlers) signup(c *fiber.Ctx) error {
	var form signupForm
	fields, err := formFieldProblems(readForm(c, &form))
	if err != nil {
		return err
	}
	var user models.User
	if fields == nil {
		user, fields, err = h.registerUser(c, form)
	}
	if fields != nil {
		form.Password = ""
		return h.render(c, fiber.StatusUnprocessableEntity, "pages/signup", fiber.Map{"Title": "Create your account", "Form": form, "Errors": fields,
			"Zones": models.CommonTimeZones, "Retry": true})
	}
	if errors.Is(err, models.ErrDuplicateEmail) {
		return h.flashAndRedirect(c, "/login", msgSignupAccepted)
	}
	if err != nil {
		return err
	}
	if err := h.startPageSession(c, user); err != nil {
		return err
	}
	return h.flashAndRedirect(c, "/dashboard", "Welcome to hitpath, "+user.Name+".")
}

func (h *Handlers) showLogin(c *fiber.Ctx) error {
	if currentViewer(c) != nil {
		return c.Redirect("/dashboard")
	}
	return h.render(c, fiber.StatusOK, "pages/login", fiber.Map{"Title": "Log in", "Form": loginForm{}, "Next": safeNext(c.Query("next"))})
}

func (h *Handlers) login(c *fiber.Ctx) error {
	var form loginForm
	if err := readForm(c, &form); err != nil {
		return err
	}
	next := safeNext(c.FormValue("next"))
	data := fiber.Map{"Title": "Log in", "Form": loginForm{Email: form.Email}, "Next": next}
	if fields := h.validate(form); fields != nil {
		data["Errors"] = fields
		return h.render(c, fiber.StatusUnprocessableEntity, "pages/login", data)
	}
	user, err := h.checkLogin(c, form)
	if errors.Is(err, models.ErrInvalidCredentials) {
		data["Error"] = msgBadLogin
		return h.render(c, fiber.StatusUnauthorized, "pages/login", data)
	}
	if errors.Is(err, models.ErrAccountDisabled) {
		data["Error"] = msgDisabled
		return h.render(c, fiber.StatusForbidden, "pages/login", data)
	}
	if errors.Is(err, errSecondFactorNeeded) {
		return h.startSecondStep(c, user, next)
	}
	if err != nil {
		return err
	}
	if err := h.startPageSession(c, user); err != nil {
		return err
	}
	return c.Redirect(next, fiber.StatusSeeOther)
}

func (h *Handlers) showLogout(c *fiber.Ctx) error {
	return h.render(c, fiber.StatusOK, "pages/logout", fiber.Map{"Title": "Log out"})
}

func (h *Handlers) logout(c *fiber.Ctx) error {
	if err := models.RevokeSession(c.UserContext(), h.DB, currentViewer(c).SessionID, h.Now()); err != nil {
		return err
	}
	c.Locals("viewer", nil)
	h.clearSessionCookie(c)
	h.issueCSRF(c, h.csrfBinding(c))
	return h.flashAndRedirect(c, "/login", "You are logged out.")
}

// startPageSession opens a session and hands its token to the browser in an HttpOnly
// cookie that scripts cannot read. Its lifetime is a Max-Age so that the browser's clock
// never has to agree with the server's; the session row and the JWT hold the real expiry.
func (h *Handlers) startPageSession(c *fiber.Ctx, user models.User) error {
	token, err := h.openSession(c, user)
	if err != nil {
		return err
	}
	c.Cookie(&fiber.Cookie{
		Name: sessionCookie, Value: token, Path: "/", HTTPOnly: true, SameSite: "Lax",
		Secure: h.SecureCookies, MaxAge: int(sessionTTL / time.Second),
	})
	// Forms from now on need a token bound to the new session.
	claims, err := h.Tokens.Parse(token, h.Now())
	if err != nil {
		return err
	}
	h.issueCSRF(c, "session:"+claims.SessionID)
	return nil
}

// clearSessionCookie makes the browser drop the session cookie (see deleteCookie: a
// negative Max-Age would be left out by fasthttp and only empty the cookie).
func (h *Handlers) clearSessionCookie(c *fiber.Ctx) { h.deleteCookie(c, sessionCookie) }

// safeNext keeps post-login redirects on this site: only a path with one leading
// slash, no scheme or host once parsed, and no control characters or backslashes
// (browsers read "/\\host" and "/\t/host" as another site). Anything else goes to
// the dashboard.
func safeNext(next string) string {
	const fallback = "/dashboard"
	if !strings.HasPrefix(next, "/") || len(next) > 2000 {
		return fallback
	}
	for _, r := range next {
		if r < 0x20 || r == 0x7f || r == '\\' || unicode.IsSpace(r) {
			return fallback
		}
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || strings.HasPrefix(u.Path, "//") {
		return fallback
	}
	unescaped, err := url.PathUnescape(u.EscapedPath())
	if err != nil || strings.HasPrefix(unescaped, "//") || strings.ContainsAny(unescaped, "\\\x00\r\n\t") {
		return fallback
	}
	return next
}
