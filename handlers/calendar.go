package handlers

import (
	"errors"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"
	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// calendarFeed is what the credentials page shows about the private calendar feed.
type calendarFeed struct {
	Active    bool
	CreatedAt time.Time
	// URL is set only right after a new token is made: only its hash is stored.
	URL string
}

func (h *Handlers) calendarFeedState(c *fiber.Ctx) (calendarFeed, error) {
	token, err := models.ActiveCalendarToken(c.UserContext(), h.DB, currentUser(c).ID)
	if errors.Is(err, models.ErrNotFound) {
		return calendarFeed{}, nil
	}
	if err != nil {
		return calendarFeed{}, err
	}
	return calendarFeed{Active: true, CreatedAt: token.CreatedAt}, nil
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

// showCalendarFeed serves the private feed; the token in the URL is the only
// credential, so an unknown or revoked one is a plain 404.
func (h *Handlers) showCalendarFeed(c *fiber.Ctx) error {
	userID, err := models.CalendarTokenOwner(c.UserContext(), h.DB, c.Params("token"))
	if err != nil {
		return err
	}
	holder, err := models.LoadHolder(c.UserContext(), h.DB, userID, h.today())
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, "text/calendar; charset=utf-8")
	c.Set(fiber.HeaderCacheControl, "private, max-age=3600")
	return c.SendString(h.cycleCalendar(holder).Serialize())
}

// cycleCalendar lists each cycle's end (and due date when later) and, for cycles
// not yet complete, the reminder dates, as all-day events.
func (h *Handlers) cycleCalendar(holder models.Holder) *ics.Calendar {
	cal := ics.NewCalendarFor("hitpath")
	cal.SetMethod(ics.MethodPublish)
	cal.SetName("hitpath CEU cycles")
	cal.SetXWRCalName("hitpath CEU cycles")
	cal.SetRefreshInterval("PT12H")
	stamp := h.Now()
	link := strings.TrimRight(h.BaseURL, "/") + "/ceus"
	for _, p := range holder.Progress.Cycles {
		if p.Status == models.StatusNotTracked {
			continue // recertified before the holder tracked it here: nothing to plan
		}
		key, label := models.CycleKey(p), strings.Join(p.Credentials, " + ")
		summary := label + " cycle ends: " + models.FormatCEUs(p.Earned) + " of " + models.FormatCEUs(p.Required) + " " + p.Unit + "s"
		addDayEvent(cal, "end-"+key+"@hitpath", p.Cycle.End, summary, strings.Join(p.Problems, "\n"), link, stamp)
		if p.Cycle.Due.After(p.Cycle.End) {
			addDayEvent(cal, "due-"+key+"@hitpath", p.Cycle.Due, label+" CEUs due", "Last day to report this cycle's credit.", link, stamp)
		}
		if p.Status == models.StatusComplete {
			continue
		}
		for _, day := range models.ReminderDates(p.Cycle) {
			days := models.DaysBetween(day, p.Cycle.End)
			addDayEvent(cal, "reminder-"+key+"-"+day.Format("20060102")+"@hitpath", day,
				label+": "+ceuItoa(days)+" days left in the cycle", "Check your CEUs at "+link, link, stamp)
		}
	}
	return cal
}

func addDayEvent(cal *ics.Calendar, uid string, day time.Time, summary, description, link string, stamp time.Time) {
	event := cal.AddEvent(uid)
	event.SetDtStampTime(stamp)
	event.SetAllDayStartAt(day)
	event.SetAllDayEndAt(models.AddDays(day, 1))
	event.SetSummary(summary)
	if description != "" {
		event.SetDescription(description)
	}
	event.SetURL(link)
}

func ceuItoa(n int) string { return ceuID(int64(n)) }

// apiShowCalendarToken says whether a feed is active.
func (h *Handlers) apiShowCalendarToken(c *fiber.Ctx) error {
	feed, err := h.calendarFeedState(c)
	if err != nil {
		return err
	}
	out := fiber.Map{"active": feed.Active}
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
