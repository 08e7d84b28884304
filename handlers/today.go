package handlers

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// todayKey caches the request's "today" in its locals.
const todayKey = "today"

// today is the date in the signed-in user's time zone (the server default for
// visitors), computed once per request from the injected clock so every rule on a
// page agrees on the same day, however long the request takes.
func (h *Handlers) today(c *fiber.Ctx) time.Time {
	if day, ok := c.Locals(todayKey).(time.Time); ok {
		return day
	}
	zone := h.DefaultZone
	if v := currentViewer(c); v != nil {
		zone = h.zoneOf(v.User)
	}
	day := models.LocalDate(h.Now(), zone)
	c.Locals(todayKey, day)
	return day
}

// todayFor is the date in u's time zone now, for requests made on u's behalf by
// someone else (a calendar application fetching u's feed).
func (h *Handlers) todayFor(u models.User) time.Time {
	return models.LocalDate(h.Now(), h.zoneOf(u))
}

// zoneOf returns u's time zone, or the server default when u has none or it no
// longer loads.
func (h *Handlers) zoneOf(u models.User) *time.Location {
	if u.TimeZone == "" {
		return h.DefaultZone
	}
	if loc, ok := h.zones.Load(u.TimeZone); ok {
		return loc.(*time.Location)
	}
	loc := u.Zone(h.DefaultZone)
	if loc != h.DefaultZone {
		h.zones.Store(u.TimeZone, loc)
	}
	return loc
}

// zoneName is the name of u's effective time zone, as pages and the API show it.
func (h *Handlers) zoneName(u models.User) string {
	return h.zoneOf(u).String()
}
