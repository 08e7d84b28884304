package handlers_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	ics "github.com/arran4/golang-ical"

	"hitpath/app/apptest"
)

var feedURLRe = regexp.MustCompile(`http://localhost:3000(/calendar/[A-Za-z0-9_-]+\.ics)`)

func TestCalendarFeed(t *testing.T) {
	eachCEU(t, func(t *testing.T, s *apptest.Server) {
		b := ceuNewHolder(t, s, "ana@example.com")
		page := apptest.Must(t, b.Submit("/credentials/calendar", nil), 200).Text()
		m := feedURLRe.FindStringSubmatch(page)
		if m == nil {
			t.Fatal("got no feed URL after making one")
		}
		feed := apptest.Must(t, s.Browser().Get(m[1]), 200)
		if !strings.HasPrefix(feed.Header.Get("Content-Type"), "text/calendar") {
			t.Fatalf("got content type %q", feed.Header.Get("Content-Type"))
		}
		cal, err := ics.ParseCalendar(strings.NewReader(feed.Text()))
		if err != nil {
			t.Fatalf("the feed does not parse: %v", err)
		}
		var summaries []string
		for _, e := range cal.Events() {
			summaries = append(summaries, e.GetProperty(ics.ComponentPropertySummary).Value)
		}
		end := ceuEarned.AddDate(2, 0, -1).Format("20060102")
		if !strings.Contains(feed.Text(), "DTSTART;VALUE=DATE:"+end) {
			t.Errorf("got no all-day event on the cycle end %s", end)
		}
		joined := strings.Join(summaries, "\n")
		for _, want := range []string{"RHIT cycle ends: 0 of 20 CEUs", "RHIT: 180 days left", "RHIT: 7 days left"} {
			if !strings.Contains(joined, want) {
				t.Errorf("got events %q, want one with %q", joined, want)
			}
		}
		if page := b.Get("/credentials").Text(); !strings.Contains(page, "has been active since") || strings.Contains(page, m[1]) {
			t.Fatal("the page should say a feed is active without showing its URL again")
		}

		bob := s.Browser()
		bob.SignUp("Bob", "bob@example.com", goodPassword)
		apptest.Must(t, bob.Submit("/credentials", url.Values{"current": {"yes"}, "credential_code": {"CCA"}, "earned_on": {ceuDaysAgo(100)}}), http.StatusSeeOther)
		bobPage := apptest.Must(t, bob.Submit("/credentials/calendar", nil), 200).Text()
		bobFeed := apptest.Must(t, s.Browser().Get(feedURLRe.FindStringSubmatch(bobPage)[1]), 200).Text()
		if !strings.Contains(bobFeed, "CCA cycle ends") || strings.Contains(bobFeed, "RHIT") {
			t.Fatal("bob's feed should list his CCA cycle and nothing of ana's")
		}

		page = apptest.Must(t, b.Submit("/credentials/calendar", nil), 200).Text()
		renewed := feedURLRe.FindStringSubmatch(page)[1]
		apptest.Must(t, s.Browser().Get(m[1]), http.StatusNotFound)
		apptest.Must(t, s.Browser().Get(renewed), 200)
		apptest.Must(t, b.Submit("/credentials/calendar/revoke", nil), http.StatusSeeOther)
		apptest.Must(t, s.Browser().Get(renewed), http.StatusNotFound)
		apptest.Must(t, s.Browser().Get("/calendar/not-a-token.ics"), http.StatusNotFound)
		var hashes []string
		s.DB.Raw("SELECT token_hash FROM calendar_tokens").Scan(&hashes)
		for _, h := range hashes {
			if strings.Contains(renewed, h) || len(h) != 64 {
				t.Fatalf("got token hash %q; the token itself must not be stored", h)
			}
		}
	})
}

func TestCalendarTokenAPI(t *testing.T) {
	eachCEU(t, func(t *testing.T, s *apptest.Server) {
		token := s.RegisterAPI("Ana", "ana@example.com", goodPassword)
		var state struct {
			Active bool `json:"active"`
		}
		apptest.Must(t, s.API("GET", "/api/v1/calendar-token", token, nil), 200).JSON(t, &state)
		if state.Active {
			t.Fatal("got an active feed before making one")
		}
		var out struct {
			URL string `json:"url"`
		}
		apptest.Must(t, s.API("POST", "/api/v1/calendar-token", token, nil), 201).JSON(t, &out)
		path := strings.TrimPrefix(out.URL, "http://localhost:3000")
		apptest.Must(t, s.Browser().Get(path), 200)
		apptest.Must(t, s.API("GET", "/api/v1/calendar-token", token, nil), 200).JSON(t, &state)
		if !state.Active {
			t.Fatal("got no active feed after making one")
		}
		apptest.Must(t, s.API("DELETE", "/api/v1/calendar-token", token, nil), 204)
		apptest.Must(t, s.Browser().Get(path), http.StatusNotFound)
		apptest.Must(t, s.API("POST", "/api/v1/calendar-token", "", nil), 401)
	})
}
