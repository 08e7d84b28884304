package handlers

import (
	"errors"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// calendarFeed is what the credentials page shows about the private calendar feed.
type calendarFeed struct {
	Active    bool
	CreatedAt time.Time
	// URL is set only right after a new token is made: only its hash is stored.
	URL string
	// Alarms adds an alert to each reminder event.
	Alarms bool
}

func (h *Handlers) calendarFeedState(c *fiber.Ctx) (calendarFeed, error) {
	settings, err := models.LoadCalendarFeed(c.UserContext(), h.DB, currentUser(c).ID)
	if err != nil {
		return calendarFeed{}, err
	}
	token, err := models.ActiveCalendarToken(c.UserContext(), h.DB, currentUser(c).ID)
	if errors.Is(err, models.ErrNotFound) {
		return calendarFeed{Alarms: settings.Alarms}, nil
	}
	if err != nil {
		return calendarFeed{}, err
	}
	return calendarFeed{Active: true, CreatedAt: token.CreatedAt, Alarms: settings.Alarms}, nil
}

// saveCalendarAlarms turns the alert on each reminder on or off.
func (h *Handlers) saveCalendarAlarms(c *fiber.Ctx) error {
	on := c.FormValue("alarms") == "true"
	if err := models.SetCalendarAlarms(c.UserContext(), h.DB, currentUser(c).ID, on, h.Now()); err != nil {
		return err
	}
	message := "Reminders in your calendar feed come without an alert."
	if on {
		message = "Reminders in your calendar feed now come with an alert at 9:00 on the day."
	}
	return h.flashAndRedirect(c, "/credentials#calendar", message)
}

// apiSaveCalendarAlarms sets the alert on each reminder: {"alarms": true|false}.
func (h *Handlers) apiSaveCalendarAlarms(c *fiber.Ctx) error {
	var in struct {
		Alarms *bool `json:"alarms"`
	}
	if err := readJSON(c, &in); err != nil {
		return err
	}
	if in.Alarms == nil {
		return c.Status(fiber.StatusUnprocessableEntity).JSON(fiber.Map{"error": "Say whether reminders come with an alert.", "fields": fiber.Map{"alarms": "Send true or false."}})
	}
	if err := models.SetCalendarAlarms(c.UserContext(), h.DB, currentUser(c).ID, *in.Alarms, h.Now()); err != nil {
		return err
	}
	return h.apiShowCalendarToken(c)
}

func (h *Handlers) calendarURL(token string) string {
	return strings.TrimRight(h.BaseURL, "/") + "/calendar/" + token + ".ics"
}

// regenerateCalendarToken makes a new feed URL (the old one stops working) and
// shows it once.
func (h *Handlers) regenerateCalendarToken(c *fiber.Ctx) error {
	token, err := models.NewCalendarToken(c.UserContext(), h.DB, currentUser(c).ID, h.Now())
	if err != nil {
		return err
	}
	c.Locals("calendarURL", h.calendarURL(token))
	return h.renderCredentials(c, fiber.StatusOK, credentialForm{}, nil)
}

func (h *Handlers) revokeCalendarToken(c *fiber.Ctx) error {
	if err := models.RevokeCalendarTokens(c.UserContext(), h.DB, currentUser(c).ID, h.Now()); err != nil {
		return err
	}
	return h.flashAndRedirect(c, "/credentials", "Your calendar feed URL no longer works.")
}

// apiShowCalendarToken says whether a feed is active.
func (h *Handlers) apiShowCalendarToken(c *fiber.Ctx) error {
	feed, err := h.calendarFeedState(c)
	if err != nil {
		return err
	}
	out := fiber.Map{"active": feed.Active, "alarms": feed.Alarms}
	if feed.Active {
		out["created_at"] = feed.CreatedAt.UTC().Format(time.RFC3339)
	}
	return c.JSON(out)
}

// apiCreateCalendarToken issues a new feed URL, revoking the old one.
func (h *Handlers) apiCreateCalendarToken(c *fiber.Ctx) error {
	token, err := models.NewCalendarToken(c.UserContext(), h.DB, currentUser(c).ID, h.Now())
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(fiber.Map{"url": h.calendarURL(token)})
}

func (h *Handlers) apiRevokeCalendarToken(c *fiber.Ctx) error {
	if err := models.RevokeCalendarTokens(c.UserContext(), h.DB, currentUser(c).ID, h.Now()); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}
