package handlers

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"
	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// feedEvent is one all-day event of the calendar feed, in plain values.
type feedEvent struct {
	UID, Summary, Description string
	Day                       time.Time
	// Alarm asks the calendar app to alert on the morning of the day.
	Alarm bool
}

// hash identifies the event's content, so its DTSTAMP moves only when it changes.
func (e feedEvent) hash() string {
	sum := sha256.Sum256([]byte(fmt.Sprintf("%s\x00%s\x00%s\x00%t", e.Summary, e.Description, e.Day.Format(time.DateOnly), e.Alarm)))
	return hex.EncodeToString(sum[:])
}

// feedEvents lists each cycle's end (and due date when later) and, for cycles not
// complete and not yet over, the reminder days. uidTag makes the UIDs unique to the
// learner and this installation.
func feedEvents(holder models.Holder, today time.Time, reminders []int, uidTag, host, link string, alarms bool) []feedEvent {
	var events []feedEvent
	uid := func(kind, key string) string { return kind + "-" + key + "-" + uidTag + "@" + host }
	for _, p := range holder.Progress.Cycles {
		if p.Status == models.StatusNotTracked || p.Status == models.StatusLapsed {
			continue // recertified before the holder tracked it here, or no longer held: nothing to plan
		}
		key, label := models.CycleKey(p), strings.Join(p.Credentials, " + ")
		summary := label + " cycle ends: " + models.FormatCEUs(p.Earned) + " of " + models.FormatCEUs(p.Required) + " " + p.Unit + "s"
		events = append(events, feedEvent{UID: uid("end", key), Day: p.Cycle.End, Summary: summary, Description: strings.Join(p.Problems, "\n")})
		if p.Cycle.Due.After(p.Cycle.End) {
			events = append(events, feedEvent{UID: uid("due", key), Day: p.Cycle.Due, Summary: label + " CEUs due", Description: "Last day to report this cycle's credit."})
		}
		if p.Status == models.StatusComplete || p.Cycle.End.Before(models.DateOnly(today)) {
			continue
		}
		for _, day := range models.ReminderDates(p.Cycle, reminders) {
			days := models.DaysBetween(day, p.Cycle.End)
			events = append(events, feedEvent{UID: uid("reminder", key+"-"+day.Format("20060102")), Day: day, Alarm: alarms,
				Summary: label + ": " + ceuItoa(days) + " days left in the cycle", Description: "Check your CEUs at " + link})
		}
	}
	return events
}

// feedUIDTag is an opaque, stable tag for one learner on this installation: a keyed
// hash, so it names neither the learner nor the key.
func (h *Handlers) feedUIDTag(userID int64) string {
	mac := hmac.New(sha256.New, h.CalendarKey)
	fmt.Fprintf(mac, "calendar-uid:%d", userID)
	return hex.EncodeToString(mac.Sum(nil))[:20]
}

func (h *Handlers) feedHost() string {
	if u, err := url.Parse(h.BaseURL); err == nil && u.Hostname() != "" {
		return u.Hostname()
	}
	return "hitpath"
}

// showCalendarFeed serves the private feed; the token in the URL is the only
// credential, so an unknown or revoked one is a plain 404. The feed carries an ETag
// and Last-Modified and answers 304 when the calendar app already has it.
func (h *Handlers) showCalendarFeed(c *fiber.Ctx) error {
	ctx := c.UserContext()
	userID, err := models.CalendarTokenOwner(ctx, h.DB, c.Params("token"))
	if err != nil {
		return err
	}
	owner, err := models.UserByID(ctx, h.DB, userID)
	if err != nil {
		return err
	}
	today := h.todayFor(owner)
	holder, err := models.LoadHolder(ctx, h.DB, userID, today)
	if err != nil {
		return err
	}
	feed, err := models.LoadCalendarFeed(ctx, h.DB, userID)
	if err != nil {
		return err
	}
	link := strings.TrimRight(h.BaseURL, "/") + "/ceus"
	events := feedEvents(holder, today, owner.Reminders(), h.feedUIDTag(userID), h.feedHost(), link, feed.Alarms)
	hashes := make(map[string]string, len(events))
	for _, e := range events {
		hashes[e.UID] = e.hash()
	}
	stamps, modified, err := models.StampCalendarEvents(ctx, h.DB, userID, hashes, h.Now())
	if err != nil {
		return err
	}
	var body strings.Builder
	if err := feedCalendar(events, stamps, link).SerializeTo(&body, ics.WithNewLineWindows); err != nil {
		return fmt.Errorf("write calendar feed: %w", err)
	}
	sum := sha256.Sum256([]byte(body.String()))
	c.Set(fiber.HeaderContentType, "text/calendar; charset=utf-8")
	c.Set(fiber.HeaderCacheControl, "private, max-age=3600")
	c.Set(fiber.HeaderETag, `"`+hex.EncodeToString(sum[:16])+`"`)
	c.Set(fiber.HeaderLastModified, modified.UTC().Format(http.TimeFormat))
	if c.Fresh() {
		return answerNotModified(c)
	}
	return c.SendString(body.String())
}

// feedCalendar writes the events with their stored DTSTAMPs.
func feedCalendar(events []feedEvent, stamps map[string]time.Time, link string) *ics.Calendar {
	cal := ics.NewCalendarFor("hitpath")
	cal.SetMethod(ics.MethodPublish)
	cal.SetName("hitpath CEU cycles")
	cal.SetXWRCalName("hitpath CEU cycles")
	cal.SetRefreshInterval("PT12H")
	for _, e := range events {
		event := cal.AddEvent(e.UID)
		event.SetDtStampTime(stamps[e.UID])
		event.SetAllDayStartAt(e.Day)
		event.SetAllDayEndAt(models.AddDays(e.Day, 1))
		event.SetSummary(e.Summary)
		if e.Description != "" {
			event.SetDescription(e.Description)
		}
		event.SetURL(link)
		if e.Alarm {
			alarm := event.AddAlarm()
			alarm.SetAction(ics.ActionDisplay)
			alarm.SetTrigger("PT9H")
			alarm.SetProperty(ics.ComponentPropertyDescription, e.Summary)
		}
	}
	return cal
}

func ceuItoa(n int) string { return ceuID(int64(n)) }
