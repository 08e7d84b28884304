package handlers

import (
	"net/url"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/valyala/fasthttp"
)

const flashCookie = "hitpath_flash"

// render shows a page inside the base layout with what every page needs: the viewer,
// the CSRF token for forms and a one-time flash message.
func (h *Handlers) render(c *fiber.Ctx, status int, name string, data fiber.Map) error {
	if data == nil {
		data = fiber.Map{}
	}
	data["Viewer"] = currentViewer(c)
	data["UnreadNotices"] = h.unreadNotices(c)
	data["CSRF"] = c.Locals("csrf")
	data["Path"] = c.Path()
	if flash := c.Cookies(flashCookie); flash != "" {
		msg, _ := url.QueryUnescape(flash)
		data["Flash"] = msg
		h.deleteCookie(c, flashCookie)
	}
	if _, ok := data["Errors"]; !ok {
		data["Errors"] = FieldErrors{}
	}
	if _, ok := data["Typed"]; !ok {
		data["Typed"] = typedFormValues(c)
	}
	addErrorSummary(data)
	c.Set(fiber.HeaderCacheControl, "no-store")
	return c.Status(status).Render(name, data, "layouts/base")
}

func (h *Handlers) renderError(c *fiber.Ctx, status int, message string) error {
	return h.render(c, status, "pages/error", fiber.Map{"Title": "Error", "Status": status, "Message": message})
}

// flashAndRedirect shows message on the next page the browser loads (post/redirect/get).
// The cookie's lifetime is a Max-Age, not an Expires date: a browser judges Expires by
// its own clock, which need not agree with the server's.
func (h *Handlers) flashAndRedirect(c *fiber.Ctx, to, message string) error {
	c.Cookie(&fiber.Cookie{
		Name: flashCookie, Value: url.QueryEscape(message), Path: "/",
		HTTPOnly: true, SameSite: "Lax", Secure: h.SecureCookies, MaxAge: int(time.Minute / time.Second),
	})
	return c.Redirect(to, fiber.StatusSeeOther)
}

// deleteCookie tells the browser to drop a cookie hitpath set with Path=/. The
// deletion must carry the same path, or a page under /cohorts/… would only delete a
// /cohorts cookie and the message would come back on the next page. fasthttp writes
// no Max-Age below 1, so the deletion is its long-past Expires date (2009), which is
// past by any browser's clock.
func (h *Handlers) deleteCookie(c *fiber.Ctx, name string) {
	c.Cookie(&fiber.Cookie{Name: name, Value: "", Path: "/", HTTPOnly: true, SameSite: "Lax",
		Secure: h.SecureCookies, Expires: fasthttp.CookieExpireDelete})
}

// addErrorSummary lists a page's field errors at the top of the page, in form order,
// and prefixes the title with "Error:" so a screen reader hears it first.
func addErrorSummary(data fiber.Map) {
	var errs FieldErrors
	switch e := data["Errors"].(type) {
	case FieldErrors:
		errs = e
	case map[string]string:
		errs = e
	}
	summary := errorSummary(errs, data["Form"])
	if len(summary) == 0 {
		return
	}
	data["ErrorSummary"] = summary
	title, _ := data["Title"].(string)
	data["Title"] = "Error: " + title
}
