package handlers_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"hitpath/app/apptest"
)

// movableClock is a test clock that a test moves forward by hand.
type movableClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *movableClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }

func (c *movableClock) Add(d time.Duration) { c.mu.Lock(); defer c.mu.Unlock(); c.now = c.now.Add(d) }

var (
	icsUID     = regexp.MustCompile(`(?m)^UID:(.*)\r$`)
	icsStamp   = regexp.MustCompile(`(?m)^UID:(.*)\r\n(?:[^\r]*\r\n)*?DTSTAMP:(\S+)\r$`)
	icsReminds = regexp.MustCompile(`(?m)^UID:reminder-.*\r\n(?:[^\r]*\r\n)*?DTSTART;VALUE=DATE:(\d{8})\r$`)
)

// makeFeed makes a feed URL for the browser's learner and returns its path.
func makeFeed(t *testing.T, b *apptest.Browser) string {
	t.Helper()
	m := feedURLRe.FindStringSubmatch(apptest.Must(t, b.Submit("/credentials/calendar", nil), 200).Text())
	if m == nil {
		t.Fatal("got no feed URL")
	}
	return m[1]
}

func feedGet(s *apptest.Server, path string, header ...string) *apptest.Response {
	req := httptest.NewRequest("GET", path, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	return s.Do(req)
}

func TestCalendarFeedWireFormat(t *testing.T) {
	clock := &movableClock{now: ceuToday}
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		b := s.Browser()
		b.SignUp("Ana", "ana@example.com", goodPassword)
		apptest.Must(t, b.Submit("/credentials", url.Values{"current": {"yes"}, "credential_code": {"RHIT"}, "earned_on": {ceuToday.AddDate(-3, 0, 0).Format(time.DateOnly)}}), http.StatusSeeOther)
		path := makeFeed(t, b)
		feed := apptest.Must(t, feedGet(s, path), 200)
		body := feed.Text()
		if !strings.HasSuffix(body, "\r\n") || strings.Contains(strings.ReplaceAll(body, "\r\n", ""), "\n") || strings.Contains(strings.ReplaceAll(body, "\r\n", ""), "\r") {
			t.Fatalf("got a line not ended by CRLF:\n%q", body)
		}
		if !strings.Contains(body, "\r\n ") {
			t.Error("got no folded line to check")
		}
		if cookie := feed.Header.Get("Set-Cookie"); cookie != "" {
			t.Errorf("got a cookie on the feed: %s", cookie)
		}
		uids := icsUID.FindAllStringSubmatch(body, -1)
		seen := map[string]bool{}
		for _, m := range uids {
			if seen[m[1]] || !strings.HasSuffix(m[1], "@localhost") {
				t.Errorf("got UID %q repeated or not of this installation's host", m[1])
			}
			seen[m[1]] = true
		}
		reminders := icsReminds.FindAllStringSubmatch(body, -1)
		if len(reminders) == 0 {
			t.Fatal("got no reminders for the running cycle")
		}
		for _, m := range reminders {
			if m[1] < ceuToday.Format("20060102") {
				t.Errorf("got a reminder on %s, in the cycle that has ended", m[1])
			}
		}

		// The same feed again: same bytes, and 304 for a calendar app that has it.
		clock.Add(time.Hour)
		again := apptest.Must(t, feedGet(s, path), 200)
		if again.Text() != body {
			t.Fatal("got a different feed (DTSTAMP moved?) although nothing changed")
		}
		etag, modified := feed.Header.Get("ETag"), feed.Header.Get("Last-Modified")
		if etag == "" || modified == "" {
			t.Fatalf("got ETag %q, Last-Modified %q", etag, modified)
		}
		if r := apptest.Must(t, feedGet(s, path, "If-None-Match", etag), http.StatusNotModified); len(r.Body) != 0 {
			t.Error("got a body with 304")
		}
		apptest.Must(t, feedGet(s, path, "If-Modified-Since", modified), http.StatusNotModified)

		// A new activity changes the cycle's end event only.
		ceuLog(t, s, b, ceuDaysAgo(1), "Coding webinar", "2")
		changed := apptest.Must(t, feedGet(s, path, "If-None-Match", etag), 200)
		if changed.Header.Get("ETag") == etag {
			t.Fatal("got the same ETag for a changed feed")
		}
		before, after := feedStamps(body), feedStamps(changed.Text())
		var moved []string
		for uid, stamp := range before {
			if after[uid] != stamp {
				moved = append(moved, uid)
			}
		}
		if current := "end-AHIMA-" + ceuToday.AddDate(-1, 0, 0).Format(time.DateOnly) + "-"; len(moved) != 1 || !strings.HasPrefix(moved[0], current) {
			t.Errorf("got DTSTAMP moved on %v, want only on the running cycle's end event (%s…)", moved, current)
		}

		bob := s.Browser()
		bob.SignUp("Bob", "bob@example.com", goodPassword)
		apptest.Must(t, bob.Submit("/credentials", url.Values{"current": {"yes"}, "credential_code": {"RHIT"}, "earned_on": {ceuToday.AddDate(-3, 0, 0).Format(time.DateOnly)}}), http.StatusSeeOther)
		for uid := range feedStamps(apptest.Must(t, feedGet(s, makeFeed(t, bob)), 200).Text()) {
			if before[uid] != "" {
				t.Errorf("got UID %s in both ana's and bob's feeds", uid)
			}
		}
	}, apptest.WithClock(clock.Now))
}

func feedStamps(body string) map[string]string {
	stamps := map[string]string{}
	for _, m := range icsStamp.FindAllStringSubmatch(body, -1) {
		stamps[m[1]] = m[2]
	}
	return stamps
}

func TestCalendarFeedAlarms(t *testing.T) {
	eachCEU(t, func(t *testing.T, s *apptest.Server) {
		b := ceuNewHolder(t, s, "ana@example.com")
		path := makeFeed(t, b)
		if strings.Contains(apptest.Must(t, feedGet(s, path), 200).Text(), "BEGIN:VALARM") {
			t.Fatal("got alerts before asking for them")
		}
		apptest.Must(t, b.Submit("/credentials/calendar/alarms", url.Values{"alarms": {"true"}}), http.StatusSeeOther)
		if page := b.Get("/credentials").Text(); !strings.Contains(page, `name="alarms" value="true" checked`) {
			t.Error("got the alert box unticked after turning alerts on")
		}
		body := apptest.Must(t, feedGet(s, path), 200).Text()
		if alarms, reminders := strings.Count(body, "BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:PT9H\r\n"), len(icsReminds.FindAllString(body, -1)); alarms == 0 || alarms != reminders {
			t.Fatalf("got %d alerts for %d reminders", alarms, reminders)
		}
		events := readICSWithPython(t, body)
		for _, e := range events {
			if reminder := strings.HasPrefix(e, "reminder-"); reminder != strings.HasSuffix(e, "|1") {
				t.Errorf("icalendar reads %q: want one alert on each reminder and none elsewhere", e)
			}
		}
		if len(events) != len(icsUID.FindAllString(body, -1)) || !strings.Contains(strings.Join(events, "\n"), "RHIT cycle ends: 0 of 20 CEUs") {
			t.Errorf("icalendar reads %q", events)
		}

		token := s.LoginAPI("ana@example.com", goodPassword)
		var state struct {
			Alarms bool `json:"alarms"`
		}
		apptest.Must(t, s.API("PUT", "/api/v1/calendar-token/alarms", token, map[string]bool{"alarms": false}), 200).JSON(t, &state)
		if state.Alarms || strings.Contains(apptest.Must(t, feedGet(s, path), 200).Text(), "VALARM") {
			t.Fatal("got alerts after turning them off through the API")
		}
		apptest.Must(t, s.API("PUT", "/api/v1/calendar-token/alarms", token, map[string]string{}), http.StatusUnprocessableEntity)
		apptest.Must(t, s.API("PUT", "/api/v1/calendar-token/alarms", "", map[string]bool{"alarms": true}), http.StatusUnauthorized)
	})
}
