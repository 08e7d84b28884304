package handlers

import (
	"math"
	"net/netip"
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"

	"hitpath/app/security"
)

// clientIPKey is where resolveClientIP leaves the client's address.
const clientIPKey = "client_ip"

// resolveClientIP decides the client's address once per request: the connection's,
// or, behind a proxy listed in TRUSTED_PROXIES, the one X-Forwarded-For names.
func (h *Handlers) resolveClientIP(c *fiber.Ctx) error {
	remote, _ := netip.AddrFromSlice(c.Context().RemoteIP())
	var forwarded []string
	if len(h.TrustedProxies) > 0 {
		c.Request().Header.VisitAll(func(key, value []byte) {
			if string(key) == fiber.HeaderXForwardedFor {
				forwarded = append(forwarded, string(value))
			}
		})
	}
	c.Locals(clientIPKey, security.ClientIP(remote, forwarded, h.TrustedProxies).String())
	return c.Next()
}

// ClientIP is the client's address as resolveClientIP decided it (the connection's
// address before that middleware has run).
func ClientIP(c *fiber.Ctx) string {
	if ip, ok := c.Locals(clientIPKey).(string); ok {
		return ip
	}
	return c.IP()
}

// errTooManyAttempts is every limiter's refusal; Retry-After says when to come back.
var errTooManyAttempts = fiber.NewError(fiber.StatusTooManyRequests, "Too many attempts. Wait a minute and try again.")

// limit counts one attempt for key and refuses it with 429 and Retry-After once more
// than allowed fall in one window.
func (h *Handlers) limit(c *fiber.Ctx, key string, allowed int, window time.Duration) error {
	now := h.Now()
	hits, resetAt, err := h.Limits.Hit(c.UserContext(), key, window, now)
	if err != nil {
		return err
	}
	if hits <= allowed {
		return nil
	}
	wait := int(math.Ceil(resetAt.Sub(now).Seconds()))
	c.Set(fiber.HeaderRetryAfter, strconv.Itoa(max(wait, 1)))
	return errTooManyAttempts
}

// forgetAttempts clears key's count after a success (a correct password).
func (h *Handlers) forgetAttempts(c *fiber.Ctx, key string) error {
	return h.Limits.Reset(c.UserContext(), key)
}

// addressLimit refuses more than AuthAttemptsPerMinute requests a minute to a route
// group from one client address.
func (h *Handlers) addressLimit(group string) fiber.Handler {
	return func(c *fiber.Ctx) error {
		if err := h.limit(c, group+":ip:"+ClientIP(c), h.AuthAttemptsPerMinute, time.Minute); err != nil {
			return err
		}
		return c.Next()
	}
}

// MaxHeaderBytes bounds a request's headers; larger ones are refused with 431.
const MaxHeaderBytes = 16 << 10

// msgHeadersTooLarge answers a request whose headers are over MaxHeaderBytes.
const msgHeadersTooLarge = "The request headers are too large (at most 16 KB): clear this site's cookies or send fewer headers."

// refuseLargeHeaders answers 431 (JSON under /api, a page elsewhere) for headers over
// MaxHeaderBytes; the server reads up to its larger read buffer so the path is known.
func (h *Handlers) refuseLargeHeaders(c *fiber.Ctx) error {
	if len(c.Request().Header.RawHeaders()) > MaxHeaderBytes {
		return fiber.NewError(fiber.StatusRequestHeaderFieldsTooLarge, msgHeadersTooLarge)
	}
	return c.Next()
}
